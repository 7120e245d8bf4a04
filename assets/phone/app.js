// Big Tuna Trivia phone controller: one WebSocket to the game (socket.js, docs/PROTOCOL.md); the TV
// drives which screen shows. Plain ES2018 with no build step, so cheap phones run it as is.
// Server strings (names, prompts) only ever go through textContent: other players choose them.
'use strict';
(function () {
  var bt = window.bigtuna, $ = bt.$, el = bt.el, say = bt.say, vibrate = bt.vibrate;
  var KEY = 'bigtuna.player', NAME_KEY = 'bigtuna.name', LAST_KEY = 'bigtuna.last', SEASONS_KEY = 'bigtuna.seasons', HANDICAP_KEY = 'bigtuna.handicap';
  var config = window.bigtunaConfig;   // the game's own tile colours and limits (/config.js)
  var TILES = config.tiles;
  var LETTERS = 'ABCDEF';

  var link = null, tick = 0, everOpen = false;   // link: the socket (socket.js), made at the end
  var me = load(KEY);                  // {secret, name, room}
  var joining = null, rejoining = false;
  var cur = null;                      // the question on screen
  var sentQ = null, sentWords = '';    // this phone locked in an answer to question sentQ
  var pending = null;                  // {kind: 'answer'|'buzz', q}: sent, not yet acknowledged
  var content = null;                  // last game screen, to return to after a rejoin without a flash

  function load(k) { try { return JSON.parse(localStorage.getItem(k) || 'null'); } catch (e) { return null; } }
  // Private browsing on old Safari throws on setItem: the game still works, it just forgets.
  function save(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* ignore */ } }
  function msg(text) { say('msg', text); }
  function show(s) {
    if (document.body.dataset.screen !== s) window.scrollTo(0, 0);
    document.body.dataset.screen = s;
    if (s !== 'join' && s !== 'offline') content = s;
    $('me').hidden = !me || s === 'join';
  }
  function send(obj) { return !!link && link.send(obj); }
  function forget() { stopTimer(); bt.wager.stop(); cur = null; sentQ = null; pending = null; say('note', ''); }

  // ---- connection (socket.js retries, pings and wakes) ----
  function onOpen() {
    everOpen = true;
    if (me && me.secret) { rejoining = true; send({ type: 'rejoin', secret: me.secret }); } else showJoin();
  }
  function onDown() {
    joining = null; rejoining = false; $('join').disabled = false;
    // An answer in flight may or may not have arrived: the question message after the rejoin says which.
    if (pending && pending.kind === 'answer') sentQ = null;
    pending = null;
    $('offmsg').textContent = everOpen ? 'Reconnecting…' : 'Connecting…';
    show('offline');
  }

  // ---- joining ----
  function showJoin(note) {
    forget(); content = null;
    say('joinnote', note); say('error', '');
    if (!$('name').value) $('name').value = load(NAME_KEY) || '';
    // A name the game made up, free in this room, unless this phone has one already.
    if (!$('name').value) { idea = 'fill'; send({ type: 'name_idea' }); }
    $('join').disabled = false;
    show('join');
  }
  // Whether the next generated name goes in the field: 'fill' while it is still empty,
  // 'replace' after the dice were tapped.
  var idea = null;
  function onNameIdea(m) {
    var want = idea; idea = null;
    if (!m.name || !want || (want === 'fill' && $('name').value)) return;
    $('name').value = m.name;
  }
  $('another').addEventListener('click', function () { idea = 'replace'; send({ type: 'name_idea' }); });
  function joinError(text, field) { say('error', text); if (field) $(field).focus(); }
  $('joinform').addEventListener('submit', function (e) {
    e.preventDefault();
    if (joining) return;
    var room = $('room').value.trim().toUpperCase(), name = $('name').value.trim();
    $('room').value = room;
    if (room.length !== 4) return joinError('The room code is the 4 letters on the TV.', 'room');
    if (!name) return joinError('Type your name.', 'name');
    save(NAME_KEY, name);
    // Kept with the name for the next night.
    var seasons = $('seasons').value;
    save(SEASONS_KEY, seasons);
    // Protocol 3: a full or locked room seats this phone in the audience rather than refuse it.
    var msg3 = { type: 'join', room: room, name: name, version: 3, audience: $('audience').checked };
    if (seasons) msg3.seasons = Number(seasons);
    var handicap = $('handicap').value;
    save(HANDICAP_KEY, handicap);
    if (handicap) msg3.handicap = handicap;
    if (!send(msg3)) return joinError('Not connected yet: try again in a moment.');
    joining = { room: room, name: name };
    $('join').disabled = true;
  });
  bt.upcase($('room'));
  function onWelcome(m) {
    var back = rejoining;
    me = { secret: m.secret, name: m.name, room: (joining && joining.room) || (me && me.room) || '', audience: !!m.audience };
    save(KEY, me);
    joining = null; rejoining = false; $('join').disabled = false;
    $('myname').textContent = m.name + (m.audience ? ' · audience' : '');
    if (!back) $('mydot').style.background = '';
    if (m.colour) onSeated(m);
    document.body.classList.toggle('audience', !!m.audience);
    $('waittitle').textContent = m.audience ? "You're in the audience, " + m.name + '!' : "You're in, " + m.name + '!';
    say('waitnote', m.note || (m.audience ? 'You answer every question along with the players, scored apart' : ''));
    show(back && content ? content : 'wait');
  }
  // The TV gives a seat (and a colour) at once in the lobby, or only between questions.
  function onSeated(m) {
    if (/^#[0-9a-f]{3,8}$/i.test(m.colour || '')) $('mydot').style.background = m.colour;
    if (m.name) $('myname').textContent = m.name;
  }
  function onError(m) {
    var text = m.message || m.code || 'Something went wrong';
    if (m.code === 'replaced') {
      // The same player came back on another device: two never play one seat.
      forget(); rejoining = false;
      link.stop();
      return show('moved');
    }
    if (m.code === 'audience_closed') {
      // The secret stays: if the host opens the audience again, a reload plays along again.
      rejoining = false; joining = null;
      if (me && me.room) $('room').value = me.room;
      return showJoin('The host closed the audience');
    }
    if (m.code === 'name_refused') {
      // The host would not let this name in: join again under another (a fresh idea fills in).
      if (me && me.room) $('room').value = me.room;
      rejoining = false; joining = null; me = null;
      try { localStorage.removeItem(KEY); localStorage.removeItem(NAME_KEY); } catch (e) { /* ignore */ }
      $('name').value = '';
      return showJoin(text.charAt(0).toUpperCase() + text.slice(1));
    }
    if (m.code === 'removed') {
      // The host freed this seat: this phone may join again, as anyone.
      if (me && me.room) $('room').value = me.room;
      rejoining = false; joining = null; me = null;
      try { localStorage.removeItem(KEY); } catch (e) { /* ignore */ }
      return showJoin('The host took you out of the party: join again to play');
    }
    if (rejoining) {
      rejoining = false;
      if (m.code !== 'unknown_secret') { showJoin(); return say('error', text); }
      me = null;
      try { localStorage.removeItem(KEY); } catch (e) { /* ignore */ }
      return showJoin('That game is over: join again');
    }
    if (joining) {
      joining = null; $('join').disabled = false;
      var field = { wrong_room: 'room', name_taken: 'name', bad_name: 'name', name_blocked: 'name' }[m.code];
      return joinError(text, field);
    }
    var p = pending || {};
    pending = null;
    if (p.kind === 'answer') sentQ = null;
    if (p.kind === 'buzz' && cur) cur.buzzed = false;
    if (cur && (p.kind || document.body.dataset.screen === 'question')) { applyTurn(); msg(text); }
  }
  // The host lets each new player in: this phone waits under its name until they do.
  function onHeld(m) {
    forget();
    $('waittitle').textContent = 'Nearly in, ' + (m.name || (me && me.name) || '') + '!';
    say('waitnote', 'The host lets each new player in: it will not be long');
    $('players').textContent = ''; $('count').textContent = '';
    document.body.classList.add('held');
    show('wait');
  }
  function onLobby(m) {
    forget();
    if (document.body.classList.contains('held') && me) {
      document.body.classList.remove('held');
      $('waittitle').textContent = "You're in, " + me.name + '!'; say('waitnote', '');
    }
    var list = $('players'), names = Array.isArray(m.players) ? m.players : [];
    list.textContent = '';
    names.forEach(function (n) { list.appendChild(el('li', '', String(n))); });
    $('count').textContent = names.length === 1 ? '1 player' : names.length + ' players';
    show('wait');
  }

  // ---- questions ----
  function onQuestion(m) {
    if (!cur || cur.q !== m.question || cur.prompt !== m.prompt) build(m);
    if (m.seconds !== cur.seconds) { cur.seconds = m.seconds; startTimer(m.seconds); }
    cur.turn = m.turn || 'answer';
    if (cur.turn !== 'buzz') cur.buzzed = false;
    cur.lifelines = m.lifelines || {};
    say('note', m.note);
    applyTurn();
    bt.lifelines.show(cur.lifelines, cur.q, send, function (frozen) { if (cur) { cur.frozen = frozen; applyTurn(); } });
  }
  function build(m) {
    var choices = Array.isArray(m.choices) ? m.choices.map(String) : [];
    cur = { q: m.question, prompt: m.prompt, shape: m.shape, choices: choices, unit: m.unit || '', unitFirst: !!m.unit_first, seconds: null };
    sentQ = null; pending = null;
    $('qnum').textContent = 'Question ' + m.number + ' of ' + m.of;
    $('prompt').textContent = m.prompt;
    bt.results.picture(m.picture);
    msg('');
    var box = $('controls'); box.textContent = '';
    if (m.shape === 'options') buildOptions(box, choices);
    else if (m.shape === 'typed') buildInput(box, 'typed', sendTyped);
    else if (m.shape === 'number') buildInput(box, 'number', sendNumber);
    else if (m.shape === 'ordering') buildOrder(box, choices);
    else box.appendChild(el('p', 'aloud', 'Say your answer out loud!'));
  }
  // The question's picture, served by the game under a name that tells nothing; where the
  // host keeps pictures on the TV (no src), or it cannot load, its words instead.
  function buildOptions(box, choices) {
    var long = choices.some(function (c) { return c.length > 40; });
    var tf = choices.length === 2 && /^true$/i.test(choices[0]) && /^false$/i.test(choices[1]);
    var grid = el('div', 'choices' + (long ? ' one' : '') + (tf ? ' tall' : ''));
    choices.forEach(function (c, i) {
      var tile = TILES[i % TILES.length], letter = LETTERS[i] || String(i + 1);
      var b = el('button', 'choice'), tag = b.appendChild(el('span', 'tag', letter));
      b.dataset.index = i;
      b.style.background = tile[0];
      tag.appendChild(el('span', '', tile[1]));
      b.appendChild(el('span', 'ctext', c));
      b.addEventListener('click', function () { submit({ kind: 'option', index: i }, letter + '. ' + c); });
      grid.appendChild(b);
    });
    box.appendChild(grid);
  }
  function buildInput(box, id, go) {
    var row = el('div', 'row'), inp = el('input', '', null, id);
    var attrs = id === 'typed' ? { autocapitalize: 'off', spellcheck: 'false', maxlength: config.answerChars, placeholder: 'Type your answer' }
      : { inputmode: 'decimal', maxlength: 40, placeholder: '0' };
    attrs.type = 'text'; attrs.autocomplete = 'off'; attrs.autocorrect = 'off'; attrs.enterkeyhint = 'send';
    Object.keys(attrs).forEach(function (k) { inp.setAttribute(k, attrs[k]); });
    inp.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); go(); } });
    inp.addEventListener('input', function () { msg(''); });
    row.appendChild(inp);
    // "season [4]" but "[3] months", as the words go.
    if (id === 'number' && cur.unit) {
      var unit = el('span', 'unit', cur.unit);
      if (cur.unitFirst) row.insertBefore(unit, row.firstChild); else row.appendChild(unit);
    }
    box.appendChild(row);
    box.appendChild(el('button', 'big', 'Send', 'send')).addEventListener('click', go);
  }
  function sendTyped() {
    var text = $('typed').value.trim();
    if (!text) { msg('Type an answer first.'); $('typed').focus(); return; }
    submit({ kind: 'text', text: text }, text);
  }
  // Accepts "3,5" and "3.5"; with both marks the last is the decimal one; spaces group digits.
  function parseNumber(s) {
    var t = s.trim().replace(/[\s\u00a0\u202f']/g, '').replace(/^\u2212/, '-');
    var c = t.lastIndexOf(','), d = t.lastIndexOf('.');
    if (c >= 0 && d >= 0) t = c > d ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
    else if ((t.match(/,/g) || []).length > 1) t = t.replace(/,/g, '');
    else t = t.replace(',', '.');
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
    return isFinite(Number(t)) ? Number(t) : NaN;
  }
  function sendNumber() {
    var v = parseNumber($('number').value);
    if (isNaN(v)) { msg('That is not a number: digits only, like 42 or 3,5.'); $('number').focus(); return; }
    submit({ kind: 'number', value: v }, !cur.unit ? String(v) : cur.unitFirst ? cur.unit + ' ' + v : v + ' ' + cur.unit);
  }
  function buildOrder(box, choices) {
    var list = el('ol', '', null, 'order');
    choices.forEach(function (c, i) {
      var li = el('li', 'item'), up = el('button', 'up', '▲'), down = el('button', 'down', '▼');
      li.dataset.index = i;
      up.setAttribute('aria-label', 'Move up: ' + c);
      down.setAttribute('aria-label', 'Move down: ' + c);
      li.appendChild(el('span', 'grip', '≡')).setAttribute('aria-hidden', 'true');
      [el('span', 'text', c), up, down].forEach(function (x) { li.appendChild(x); });
      list.appendChild(li);
    });
    list.addEventListener('click', function (e) {
      var b = e.target.closest('button'), li = b && b.parentNode;
      if (!b) return;
      if (b.classList.contains('up') && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
      if (b.classList.contains('down') && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
      ends(list);
      if (!b.disabled) b.focus();
    });
    if (window.PointerEvent) list.addEventListener('pointerdown', drag);
    box.appendChild(list);
    box.appendChild(el('button', 'big', 'Lock in order', 'send')).addEventListener('click', function () {
      var order = [].map.call(list.children, function (li) { return Number(li.dataset.index); });
      var words = order.map(function (i, k) { return (k + 1) + '. ' + cur.choices[i]; }).join('\n');
      submit({ kind: 'order', order: order }, words);
    });
  }
  function ends(list) {
    var n = list.children.length;
    [].forEach.call(list.children, function (li, k) { li.querySelector('.up').disabled = !k; li.querySelector('.down').disabled = k === n - 1; });
  }
  var EVENTS = ['pointermove', 'pointerup', 'pointercancel', 'lostpointercapture'];
  // Dragging only reorders the rows in the DOM as the finger passes a neighbour's middle:
  // nothing floats, so a lost pointer can never leave the list half-moved.
  function drag(e) {
    var item = e.target.closest('.item'), list = this, done = false;
    if (!item || e.target.closest('button') || e.button > 0 || !cur || cur.turn !== 'answer') return;
    e.preventDefault(); item.classList.add('dragging');
    var mid = function (n) { var r = n.getBoundingClientRect(); return r.top + r.height / 2; };
    var move = function (ev) {
      if (ev.pointerId !== e.pointerId) return;
      var y = ev.clientY, n;
      while ((n = item.previousElementSibling) && y < mid(n)) list.insertBefore(item, n);
      while ((n = item.nextElementSibling) && y > mid(n)) list.insertBefore(n, item);
      if (y < 48) window.scrollBy(0, -12); else if (y > window.innerHeight - 48) window.scrollBy(0, 12);
    };
    var end = function (ev) {
      if (done || ev.pointerId !== e.pointerId) return;
      done = true; item.classList.remove('dragging');
      EVENTS.forEach(function (t, k) { list.removeEventListener(t, k ? end : move); });
      ends(list);
    };
    EVENTS.forEach(function (t, k) { list.addEventListener(t, k ? end : move); });
    try { list.setPointerCapture(e.pointerId); } catch (err) { /* the listeners on the list still see most moves */ }
  }

  function applyTurn() {
    if (!cur) return;
    var t = cur.turn;
    if (t === 'answered' || sentQ === cur.q) { showLocked(); return; }
    var box = $('controls'), off = t !== 'answer' || !!cur.frozen;
    box.hidden = t !== 'answer';
    [].forEach.call(box.querySelectorAll('button, input'), function (x) { x.disabled = off; });
    if (!off && $('order')) ends($('order'));
    var buzz = $('buzz'), was = document.body.dataset.screen;
    buzz.hidden = t !== 'buzz'; buzz.disabled = !!cur.buzzed || !!cur.frozen;
    bt.lifelines.decorate(cur.lifelines);
    buzz.textContent = cur.buzzed ? 'Buzzed!' : 'BUZZ!';
    show('question');
    // After a buzz is granted, open the keyboard straight away (the phone allows it if it can).
    if (was === 'question' && !off && cur.wasOff) { var inp = box.querySelector('input'); if (inp) inp.focus(); }
    cur.wasOff = off;
  }

  $('buzz').addEventListener('click', function () {
    if (!cur || cur.turn !== 'buzz' || cur.buzzed) return;
    if (!send({ type: 'buzz', question: cur.q })) { msg('Not connected: hold on.'); return; }
    pending = { kind: 'buzz', q: cur.q };
    cur.buzzed = true; vibrate(40);
    applyTurn();
  });

  function submit(answer, words) {
    if (!cur || cur.turn !== 'answer' || sentQ === cur.q) return;
    if (!send({ type: 'answer', question: cur.q, answer: answer })) { msg('Not connected: hold on.'); return; }
    pending = { kind: 'answer', q: cur.q };
    sentQ = cur.q; sentWords = words;
    save(LAST_KEY, { secret: me && me.secret, q: cur.q, prompt: cur.prompt, words: words });
    showLocked();
  }
  function showLocked() {
    // After a reload the server still says "answered": recall what this phone sent.
    var last = load(LAST_KEY) || {};
    var recalled = me && last.secret === me.secret && last.q === cur.q && last.prompt === cur.prompt ? last.words : '';
    say('lockedanswer', sentQ === cur.q ? sentWords : recalled);
    show('locked');
  }
  function startTimer(sec) {
    stopTimer();
    $('timer').hidden = !(sec > 0);
    if (!(sec > 0)) return;
    var end = Date.now() + sec * 1000, step = function () {
      var left = Math.max(0, end - Date.now());
      $('timebar').style.width = (left / (sec * 10)) + '%';
      $('timeleft').textContent = Math.ceil(left / 1000);
      if (!left) stopTimer();
    };
    tick = setInterval(step, 250);
    step();
  }
  function stopTimer() { clearInterval(tick); tick = 0; }

  // ---- results (results.js fills them in) ----
  function onReveal(m) {
    forget();
    bt.results.reveal(m, !!(me && me.audience));
    show('reveal');
    vibrate(m.right ? 80 : [60, 80, 60]);
  }
  function onOver(m) { forget(); bt.results.over(m); show('over'); }

  $('playhere').addEventListener('click', function () { link.restart(); });

  var handlers = {
    welcome: onWelcome, seated: onSeated, lobby: onLobby, question: onQuestion, reveal: onReveal, over: onOver, error: onError,
    wager: function (m) { forget(); bt.wager.show(m, send); show('wager'); },
    ack: function (m) { if (pending && pending.q === m.question) pending = null; },
    name_idea: onNameIdea, held: onHeld,
  };

  // ---- start ----
  var room = new URLSearchParams(location.search).get('room');
  $('room').value = (room || (me && me.room) || '').toUpperCase().slice(0, 4);
  $('name').maxLength = config.nameChars;
  $('name').value = (me && me.name) || load(NAME_KEY) || '';
  $('seasons').value = load(SEASONS_KEY) || '';
  $('handicap').value = load(HANDICAP_KEY) || '';
  if (me && me.name) $('myname').textContent = me.name;
  link = bt.socket({ onOpen: onOpen, onDown: onDown, onMessage: function (m) {
    if (Object.prototype.hasOwnProperty.call(handlers, m.type)) handlers[m.type](m);
  } });
})();
