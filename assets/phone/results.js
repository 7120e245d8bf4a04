// Big Tuna Trivia phone controller: how a player did (the reveal, the end of the game) and the
// question's picture, filled in for app.js (window.bigtuna.results). Plain ES2018; server text
// only ever goes through textContent.
'use strict';
(function () {
  var bt = window.bigtuna, $ = bt.$, say = bt.say;

  function ordinal(n) { var s = ['th', 'st', 'nd', 'rd'], v = n % 100; return n + (s[(v - 20) % 10] || s[v] || s[0]); }

  // A picture only from this game's own /media, else its words ("On the TV: ...").
  function picture(p, id) {
    id = id || 'picture';
    var fig = $(id), img = $(id + 'img'), alt = $(id + 'alt');
    var src = p && typeof p.src === 'string' && /^\/media\/[0-9a-f]{40}\.(png|jpg)$/.test(p.src) ? p.src : null;
    fig.hidden = !p;
    if (!p) { img.removeAttribute('src'); return; }
    var words = String(p.alt || '');
    img.alt = words;
    img.hidden = !src;
    alt.textContent = src ? '' : 'On the TV: ' + words;
    img.onerror = function () { img.hidden = true; alt.textContent = 'On the TV: ' + words; };
    if (src) img.src = src; else img.removeAttribute('src');
  }

  function reveal(m, audience) {
    $('verdict').textContent = m.right ? 'Right!' : 'Wrong';
    $('verdict').className = m.right ? 'right' : 'wrong';
    $('answer').textContent = 'The answer: ' + (m.answer == null ? '' : m.answer);
    // The round's change (a wrong buzz can cost), then the host's on top: they add up to the score.
    var change = (Number(m.points) || 0) - (Number(m.penalty) || 0), host = Number(m.host) || 0;
    var signed = function (n) { return (n < 0 ? '-' + -n : '+' + n); };
    $('points').textContent = signed(change) + (Math.abs(change) === 1 ? ' point' : ' points') +
      (m.wager != null ? ' (your bet: ' + m.wager + ')' : m.penalty ? ' (wrong buzz)' : '') +
      (host ? ' · host ' + signed(host) : '');
    $('score').textContent = 'Score ' + m.score;
    $('rank').textContent = "You're " + ordinal(m.rank) + (audience ? ' in the audience' : '');
    say('explanation', m.explanation);
    say('source', m.source ? 'Source: ' + m.source : '');
    picture(m.picture, 'revealpicture');
  }

  function over(m) {
    // An audience member's place is among the audience; the winner is still the players'.
    var top = m.audience ? 'Top of the audience!' : m.tie ? "It's a tie for first!" : 'You won!';
    $('overtitle').textContent = m.rank === 1 ? top : 'Game over';
    $('finalscore').textContent = 'Final score ' + m.score;
    $('finalrank').textContent = 'You finished ' + ordinal(m.rank) + ' of ' + m.players + (m.audience ? ' in the audience' : '');
    say('winner', m.winner ? (m.tie ? 'Winners: ' : 'Winner: ') + m.winner : '');
  }

  bt.results = { picture: picture, reveal: reveal, over: over };
})();
