// Big Tuna Trivia streaming overlay: asks the game for its overlay view over the WebSocket
// (socket.js, docs/PROTOCOL.md) and draws the question and standings. A reveal (its answer and
// the new scores) waits the host's delay, so the stream does not show it before the room does.
// Names come from players: they only ever go through textContent. Plain ES2018.
'use strict';
(function () {
  var bt = window.bigtuna, $ = bt.$, el = bt.el, say = bt.say;
  var TILES = window.bigtunaConfig.tiles, LETTERS = 'ABCDEF';
  var timer = 0, latest = null;

  function onOverlay(v) {
    latest = v;
    var reveals = v.stage === 'reveal' || v.stage === 'standings' || v.stage === 'over';
    if (!reveals || !(v.delay > 0)) { clearTimeout(timer); timer = 0; render(v); return; }
    if (!timer) timer = setTimeout(function () { timer = 0; render(latest); }, v.delay * 1000);
  }

  function render(v) {
    document.body.dataset.stage = v.stage;
    $('conn').hidden = true;
    var q = v.question;
    $('card').hidden = !q;
    if (q) {
      $('qnum').textContent = 'Question ' + q.number + ' of ' + q.of;
      $('prompt').textContent = q.prompt || '';
      var list = $('choices'), choices = Array.isArray(q.choices) ? q.choices : [];
      list.textContent = '';
      list.className = q.shape === 'ordering' ? 'ordering' : '';
      if (q.shape === 'options' || q.shape === 'ordering') {
        choices.forEach(function (c, i) {
          var li = el('li');
          var tile = TILES[i % TILES.length];
          if (q.shape === 'options') {
            li.style.background = tile[0];
            li.appendChild(el('span', 'shape', tile[1] + ' ' + (LETTERS[i] || i + 1)));
          }
          li.appendChild(document.createTextNode(String(c)));
          list.appendChild(li);
        });
      }
      say('answer', v.answer ? 'Answer: ' + v.answer : '');
    }
    var lines = Array.isArray(v.standings) ? v.standings : [], ol = $('lines');
    $('board').hidden = !lines.length;
    $('boardtitle').textContent = v.stage === 'over' ? 'Final standings' : 'Standings';
    ol.textContent = '';
    lines.forEach(function (p) {
      var li = el('li'), dot = el('span', 'dot');
      if (/^#[0-9a-f]{3,8}$/i.test(p.colour || '')) dot.style.background = p.colour;
      li.appendChild(dot);
      li.appendChild(el('span', 'name', String(p.name)));
      li.appendChild(el('span', 'score', String(Number(p.score) || 0)));
      ol.appendChild(li);
    });
  }

  // Opens once the page has run: by then `link` is set.
  var link = bt.socket({
    onOpen: function () { link.send({ type: 'overlay' }); },
    onDown: function () { $('conn').hidden = false; },
    onMessage: function (m) { if (m.type === 'overlay') onOverlay(m); },
  });
})();
