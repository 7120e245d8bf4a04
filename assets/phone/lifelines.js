// Big Tuna Trivia phone controller: the lifelines of the open question (protocol 2). The
// game says which this player may use now (`lifelines.offered`) and what those used did:
// options struck out, an ordering item put in place, the hint, the audience's votes, a
// freeze. Server strings only ever go through textContent.
'use strict';
(function () {
  var bt = window.bigtuna, $ = bt.$, el = bt.el, say = bt.say;
  var frozenTimer = 0;

  // view: the question message's `lifelines` (or nothing); q: the question number;
  // send(obj): whether it went; onFrozen(bool): the controls wait, or may go on.
  // The controls themselves are marked by decorate(view), after each change of turn.
  function show(view, q, send, onFrozen) {
    view = view || {};
    var bar = $('lifelines'), offered = Array.isArray(view.offered) ? view.offered : [];
    bar.textContent = '';
    offered.forEach(function (o) {
      var b = el('button', 'lifeline');
      b.type = 'button';
      b.dataset.lifeline = String(o.lifeline);
      b.appendChild(el('span', 'ltitle', String(o.title)));
      b.appendChild(el('span', 'lblurb', String(o.blurb) + (o.left > 1 ? ' · ' + o.left + ' left' : '')));
      b.addEventListener('click', function () {
        b.disabled = true;
        if (!send({ type: 'lifeline', question: q, lifeline: o.lifeline })) b.disabled = false;
      });
      bar.appendChild(b);
    });
    bar.hidden = !offered.length;
    say('hint', view.hint ? 'Pam says: ' + view.hint : '');
    bars(view.audience);
    var used = Array.isArray(view.used) ? view.used : [];
    say('doubled', used.indexOf('double') >= 0 ? 'Double Dundie: this question counts twice' : '');
    freeze(view.frozen_ms, view.frozen_by, onFrozen);
  }

  function decorate(view) {
    view = view || {};
    strike(Array.isArray(view.removed) ? view.removed : []);
    fix(view.fixed);
  }

  // Struck-out options stay where they are (the TV's order), greyed and not to be tapped.
  function strike(removed) {
    [].forEach.call(document.querySelectorAll('#controls .choice'), function (b) {
      var gone = removed.indexOf(Number(b.dataset.index)) >= 0;
      b.classList.toggle('struck', gone);
      if (gone) { b.disabled = true; b.setAttribute('aria-label', 'Shredded: ' + b.textContent); }
    });
  }

  // Ordering: the item put in its place moves there and is pinned (its arrows off).
  function fix(fixed) {
    var list = $('order');
    if (!list || !fixed) return;
    var item = list.querySelector('[data-index="' + Number(fixed.item) + '"]');
    if (!item) return;
    list.removeChild(item);
    list.insertBefore(item, list.children[Number(fixed.slot)] || null);
    item.classList.add('pinned');
    [].forEach.call(item.querySelectorAll('button'), function (b) { b.disabled = true; });
  }

  function bars(shares) {
    var box = $('audience');
    box.textContent = '';
    box.hidden = !Array.isArray(shares);
    if (box.hidden) return;
    box.appendChild(el('p', 'muted small', 'The audience says:'));
    shares.forEach(function (pc, i) {
      var row = el('div', 'bar'), fill = el('span', 'fill');
      fill.style.width = Math.max(0, Math.min(100, Number(pc) || 0)) + '%';
      row.appendChild(el('span', 'tag', 'ABCDEF'[i] || String(i + 1)));
      row.appendChild(fill);
      row.appendChild(el('span', 'pc', (Number(pc) || 0) + '%'));
      box.appendChild(row);
    });
  }

  function freeze(ms, by, onFrozen) {
    clearTimeout(frozenTimer);
    var frozen = Number(ms) > 0;
    say('frozen', frozen ? 'Frozen in jello' + (by ? ' by ' + by : '') + ': wait a moment…' : '');
    onFrozen(frozen);
    if (frozen) frozenTimer = setTimeout(function () { say('frozen', ''); onFrozen(false); }, Number(ms));
  }

  bt.lifelines = { show: show, decorate: decorate };
})();
