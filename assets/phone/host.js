// Big Tuna Trivia host remote: sends the host code over the game's WebSocket (socket.js), then
// mirrors each host_view and turns taps into host_action messages (docs/PROTOCOL.md). Plain ES2018.
// Player names come from players, so they only ever go through textContent.
'use strict';
(function () {
  var bt = window.bigtuna, $ = bt.$, el = bt.el, say = bt.say;
  var KEY = 'bigtuna.host';
  var STAGES = { lobby: 'Lobby', question: 'Question open', reveal: 'Reveal', standings: 'Standings', wager: 'Final wager: bets open', over: 'Game over' };
  var DONE = {
    pause: 'Paused', resume: 'Resumed', close: 'Revealed', next: 'Moved on', skip: 'Question skipped',
    accept: 'Answer accepted', reject: 'Answer rejected', points: 'Points changed', kick: 'Player removed',
    lock: 'Room locked', unlock: 'Room unlocked', end: 'Game ended',
    close_audience: 'Audience closed', open_audience: 'Audience opened', handicap: 'Handicap set',
    rename: 'Renamed', admit: 'Let in', refuse: 'Name refused', approve_names: 'New players wait for you', any_names: 'Anyone may join',
  };
  // As the game names them (docs/PROTOCOL.md), with the TV's badges.
  var HANDICAPS = [['none', 'Even'], ['more_time', '×1.5 time'], ['double_time', '×2 time'], ['no_timer', 'No timer'], ['superfan', 'Superfan ½ pts']];
  var LETTERS = 'ABCDEF';

  var link = null;                   // the socket (socket.js), made at the end
  var code = fromHash() || load();   // sent on every (re)connect; null until typed or remembered
  var view = null;
  var rows = {};                     // player number -> its row, kept so taps survive a refresh

  function load() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function store(v) {
    try { if (v) localStorage.setItem(KEY, v); else localStorage.removeItem(KEY); } catch (e) { /* private mode */ }
  }
  function fromHash() {
    var h = decodeURIComponent(location.hash.slice(1)).trim().toUpperCase();
    return /^[A-Z]{8}$/.test(h) ? h : null;
  }
  function status(text) { $('status').textContent = text || ''; }
  function show(s) { document.body.dataset.screen = s; }
  function send(obj) { return !!link && link.send(obj); }

  // ---- connection (socket.js retries, pings and wakes) ----
  function onOpen() { if (code) send({ type: 'host', secret: code }); }
  function onDown() {
    $('conn').hidden = false;
    $('connect').disabled = false;
    enable(false);
  }
  function enable(on) {
    [].forEach.call(document.querySelectorAll('#s-panel button'), function (b) { b.disabled = !on; });
  }

  $('codeform').addEventListener('submit', function (e) {
    e.preventDefault();
    var v = $('hostcode').value.trim().toUpperCase();
    $('hostcode').value = v;
    if (v.length !== 8) { say('error', 'The host code has 8 letters: on the TV, F1 opens the host panel and F5 shows it.'); $('hostcode').focus(); return; }
    code = v;
    say('error', '');
    $('connect').disabled = true;
    if (!send({ type: 'host', secret: code })) link.reconnectNow();
  });
  bt.upcase($('hostcode'));

  var handlers = {
    host_welcome: function (m) {
      store(code);
      $('room').textContent = m.room || '';
      $('roombadge').hidden = !m.room;
      $('conn').hidden = true;
      $('connect').disabled = false;
      enable(true);
      show('panel');
      if (view) render(view);
    },
    host_view: function (m) { view = m; render(m); },
    done: function (m) { status('✓ ' + (DONE[m.action] || 'Done: ' + m.action)); },
    error: function (m) {
      if (m.code === 'wrong_host_code') {
        code = null;
        store(null);
        $('connect').disabled = false;
        say('error', m.message || 'That is not the host code on the TV.');
        show('code');
        $('hostcode').focus();
        return;
      }
      if (document.body.dataset.screen === 'code') { $('connect').disabled = false; say('error', m.message || m.code); } else status('✗ ' + (m.message || m.code));
    },
  };

  // ---- actions ----
  function act(kind, extra) {
    var action = { kind: kind };
    Object.keys(extra || {}).forEach(function (k) { action[k] = extra[k]; });
    if (send({ type: 'host_action', action: action })) status('…'); else status('Not connected: wait a moment.');
  }
  ['pause', 'resume', 'close', 'next', 'skip', 'lock', 'unlock', 'close_audience', 'open_audience', 'approve_names', 'any_names'].forEach(function (kind) {
    $(kind).addEventListener('click', function () { act(kind); });
  });
  $('end').addEventListener('click', function () {
    if (window.confirm('End the game now, with results?')) act('end');
  });
  // One listener for every player row: rows are kept, but their buttons come and go with the stage.
  $('hplayers').addEventListener('click', function (e) {
    var b = e.target.closest('button'), li = b && b.closest('.player');
    if (!b || !li) return;
    var player = Number(li.dataset.player), kind = b.dataset.kind;
    if (kind === 'plus' || kind === 'minus') return act('points', { player: player, delta: kind === 'plus' ? 100 : -100 });
    if (kind === 'rename') {
      var name = window.prompt('A new name for ' + li.dataset.name, li.dataset.name);
      if (name && name.trim() && name.trim() !== li.dataset.name) act('rename', { player: player, name: name.trim() });
      return;
    }
    if (kind === 'kick' && !window.confirm('Kick ' + li.dataset.name + '? Their score stays.')) return;
    act(kind, { player: player });
  });
  $('hwaiting').addEventListener('click', function (e) {
    var b = e.target.closest('button'), li = b && b.closest('li');
    if (b && li) act(b.dataset.kind, { phone: Number(li.dataset.phone) });
  });
  $('hplayers').addEventListener('change', function (e) {
    var li = e.target.closest('.player');
    if (li && e.target.classList.contains('handicap')) act('handicap', { player: Number(li.dataset.player), handicap: e.target.value });
  });

  // ---- rendering ----
  function vis(id, on) { $(id).hidden = !on; }

  function render(v) {
    var stage = v.stage, live = stage === 'question' || stage === 'reveal' || stage === 'standings' || stage === 'wager';
    $('stage').textContent = STAGES[stage] || stage || '';
    vis('paused', v.paused);
    vis('locked', v.locked);
    vis('pause', live && !v.paused);
    vis('resume', !!v.paused);
    vis('close', stage === 'question' || stage === 'wager');
    vis('skip', stage === 'question');
    vis('next', stage === 'reveal' || stage === 'standings');
    vis('lock', !v.locked);
    vis('unlock', !!v.locked);
    vis('close_audience', !!v.audience_open);
    vis('open_audience', !v.audience_open);
    $('audiencecount').textContent = 'Audience ' + (Number(v.audience) || 0) + (v.audience_open ? '' : ' · closed');
    vis('end', stage !== 'lobby' && stage !== 'over');
    vis('approving', !!v.approve_names);
    vis('approve_names', !v.approve_names);
    vis('any_names', !!v.approve_names);
    waiting(Array.isArray(v.waiting) ? v.waiting : []);

    var q = v.question;
    vis('qbox', !!q);
    if (q) {
      $('qnum').textContent = 'Question ' + q.number + ' of ' + q.of;
      $('prompt').textContent = q.prompt || '';
      var choices = Array.isArray(q.choices) ? q.choices : [];
      var listed = q.shape === 'options' ? choices.map(function (c, i) { return (LETTERS[i] || i + 1) + '. ' + c; })
        : q.shape === 'ordering' ? choices : [];
      say('choices', listed.join('  ·  '));
      $('key').textContent = v.key || '';
      say('explanation', v.explanation);
      say('source', v.source ? 'Source: ' + v.source : '');
    }

    var players = Array.isArray(v.players) ? v.players : [], list = $('hplayers'), seen = {};
    var active = players.filter(function (p) { return !p.removed; });
    var answered = active.filter(function (p) { return p.answered; }).length;
    $('count').textContent = stage === 'question' ? answered + ' / ' + active.length + ' answered'
      : active.length + (active.length === 1 ? ' player' : ' players');
    vis('noplayers', !players.length);
    players.forEach(function (p, i) {
      var r = rows[p.player] || (rows[p.player] = makeRow());
      seen[p.player] = true;
      fill(r, p, stage);
      if (list.children[i] !== r.li) list.insertBefore(r.li, list.children[i] || null);
    });
    Object.keys(rows).forEach(function (k) {
      if (!seen[k]) { list.removeChild(rows[k].li); delete rows[k]; }
    });
  }

  // Phones waiting for the host to let them in: built anew, for they are few and short-lived.
  function waiting(list) {
    var ul = $('hwaiting');
    ul.textContent = '';
    vis('waitbox', list.length > 0);
    list.forEach(function (w) {
      var li = el('li', 'waiting');
      li.dataset.phone = w.phone;
      li.appendChild(el('span', 'pname', String(w.name)));
      [['admit', 'Let in'], ['refuse', 'Refuse']].forEach(function (k) {
        var b = el('button', k[0] === 'refuse' ? 'reject' : 'accept', k[1]);
        b.dataset.kind = k[0];
        b.setAttribute('aria-label', k[1] + ' ' + w.name);
        li.appendChild(b);
      });
      ul.appendChild(li);
    });
  }

  function makeRow() {
    var r = { li: el('li', 'player'), info: el('div', 'info'), dot: el('span', 'dot'), name: el('span', 'pname'),
      mark: el('span', 'pmark'), score: el('span', 'pscore'), said: el('p', 'said small'), acts: el('div', 'acts'), b: {} };
    [r.dot, r.name, r.mark, r.score].forEach(function (x) { r.info.appendChild(x); });
    [['accept', 'Accept ✓'], ['reject', 'Reject ✗'], ['plus', '+100'], ['minus', '−100'], ['rename', 'Rename'], ['kick', 'Kick']].forEach(function (k) {
      var b = el('button', k[0], k[1]);
      b.dataset.kind = k[0];
      r.b[k[0]] = r.acts.appendChild(b);
    });
    r.handicap = el('select', 'handicap');
    HANDICAPS.forEach(function (h) { var o = el('option', '', h[1]); o.value = h[0]; r.handicap.appendChild(o); });
    r.acts.appendChild(r.handicap);
    [r.info, r.said, r.acts].forEach(function (x) { r.li.appendChild(x); });
    return r;
  }

  function fill(r, p, stage) {
    var said = p.said == null ? '' : String(p.said);
    r.li.dataset.player = p.player;
    r.li.dataset.name = p.name;
    r.li.classList.toggle('removed', !!p.removed);
    r.dot.style.background = /^#[0-9a-f]{3,8}$/i.test(p.colour || '') ? p.colour : '';
    r.name.textContent = p.name;
    r.score.textContent = p.score;
    r.mark.textContent = p.right === true ? '✔' : p.right === false ? '✘' : p.answered ? '✓' : '';
    r.mark.className = 'pmark ' + (p.right === true ? 'right' : p.right === false ? 'wrong' : 'muted');
    r.mark.title = p.right === true ? 'right' : p.right === false ? 'wrong' : p.answered ? 'answered' : '';
    r.said.textContent = said ? '“' + said + '”' : '';
    r.said.hidden = !said;
    r.b.accept.hidden = r.b.reject.hidden = !(said && stage === 'reveal');
    r.b.kick.hidden = !!p.removed;
    // Not while the host is choosing in it.
    if (document.activeElement !== r.handicap) r.handicap.value = p.handicap || 'none';
    r.handicap.setAttribute('aria-label', 'Handicap for ' + p.name);
    r.b.kick.setAttribute('aria-label', 'Kick ' + p.name);
    r.b.rename.setAttribute('aria-label', 'Rename ' + p.name);
    r.b.plus.setAttribute('aria-label', '100 points to ' + p.name);
    r.b.minus.setAttribute('aria-label', '100 points from ' + p.name);
  }

  // ---- start ----
  $('hostcode').value = code || '';
  enable(false);
  show('code');
  if (code) $('connect').disabled = true;
  link = bt.socket({ onOpen: onOpen, onDown: onDown, onMessage: function (m) {
    if (Object.prototype.hasOwnProperty.call(handlers, m.type)) handlers[m.type](m);
  } });
})();
