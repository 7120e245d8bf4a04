// Big Tuna Trivia phone controller: the final wager's step (protocol 2, the `wager` message).
// The last question's category, five preset bets and a bet of one's own; the question itself
// arrives only once every bet is in. Server strings only ever go through textContent.
'use strict';
(function () {
  var bt = window.bigtuna, $ = bt.$, el = bt.el, say = bt.say;
  var NAMES = ['Nothing', 'A quarter', 'Half', 'Three quarters', 'Everything'];
  var sent = null;      // {q, points}: this phone's bet, sent
  var tick = 0;

  // m: the wager message; send(obj): whether it went. Returns nothing: it fills #s-wager.
  function show(m, send) {
    var q = Number(m.question), score = Number(m.score) || 0;
    if (sent && sent.q !== q) sent = null;
    $('wagernum').textContent = 'Question ' + m.number + ' of ' + m.of + ': the last one';
    $('wagercat').textContent = String(m.category || '');
    $('wagerscore').textContent = 'You have ' + score + (score === 1 ? ' point' : ' points') + ' to bet from';
    var placed = m.placed != null ? Number(m.placed) : (sent ? sent.points : null);
    var open = !!m.bets && placed === null;
    $('wagerbets').hidden = !open;
    $('wagerform').hidden = !open;
    say('wagernote', m.bets ? '' : String(m.note || ''));
    say('wagerplaced', placed === null ? '' : 'Your bet: ' + placed + (m.placed == null ? ' (sending…)' : '') +
      '. The question shows when every bet is in.');
    var box = $('wagerbets');
    box.textContent = '';
    (Array.isArray(m.presets) ? m.presets : []).forEach(function (points, i) {
      var b = el('button', 'bet');
      b.type = 'button';
      b.appendChild(el('span', 'ltitle', NAMES[i] || ''));
      b.appendChild(el('span', 'lblurb', String(points) + ' points'));
      b.addEventListener('click', function () { bet(q, Number(points), send, m); });
      box.appendChild(b);
    });
    var input = $('wageramount');
    input.max = String(score);
    $('wagerform').onsubmit = function (e) {
      e.preventDefault();
      var n = Math.floor(Number(input.value));
      if (!isFinite(n) || n < 0 || n > score) { say('wagererror', 'Bet from 0 to ' + score + '.'); input.focus(); return; }
      bet(q, n, send, m);
    };
    countdown(Number(m.seconds) || 0);
  }

  function bet(q, points, send, m) {
    say('wagererror', '');
    if (!send({ type: 'wager', question: q, points: points })) { say('wagererror', 'Not connected: try again.'); return; }
    sent = { q: q, points: points };
    show(m, send);
  }

  // Counts down on the phone, from when the message came: the TV's clock decides.
  function countdown(seconds) {
    clearInterval(tick);
    var end = Date.now() + seconds * 1000;
    var step = function () {
      var left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      $('wagerleft').textContent = left ? 'Bets close in ' + left + ' s' : 'Bets are closing';
      if (!left) clearInterval(tick);
    };
    tick = setInterval(step, 250);
    step();
  }

  function stop() { clearInterval(tick); tick = 0; }

  bt.wager = { show: show, stop: stop };
})();
