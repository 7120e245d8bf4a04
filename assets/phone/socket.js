// Big Tuna Trivia: the WebSocket link and small DOM helpers shared by app.js and host.js (window.bigtuna).
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };

  // One self-healing WebSocket to the game at /ws. It connects at once; after a drop it retries with
  // backoff (0.5 s doubling to 5 s, reset once open) and at once when the page is shown or back online.
  // onOpen() on each open, onMessage(m) for each JSON object from the server, onDown() when a live socket
  // closes; stale sockets are ignored. send(obj) says whether it went out; reconnectNow() connects if down;
  // stop() closes it for good, until restart().
  function socket(on) {
    var ws = null, backoff = 500, retryTimer = 0, pingTimer = 0, stopped = false;
    function send(obj) { return !!ws && ws.readyState === 1 && (ws.send(JSON.stringify(obj)), true); }
    function connect() {
      clearTimeout(retryTimer);
      if (stopped) return;
      if (ws && ws.readyState <= 1) return;
      var sock;
      try { sock = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws'); } catch (e) { retry(); return; }
      ws = sock;
      sock.onopen = function () {
        if (sock !== ws) return;
        backoff = 500;
        clearInterval(pingTimer);
        pingTimer = setInterval(function () { send({ type: 'ping' }); }, 25000);
        if (on.onOpen) on.onOpen();
      };
      sock.onmessage = function (ev) {
        var m = null;
        try { m = JSON.parse(ev.data); } catch (e) { /* the server only sends JSON */ }
        if (sock === ws && m && typeof m === 'object' && on.onMessage) on.onMessage(m);
      };
      sock.onclose = function () {
        if (sock !== ws) return;
        ws = null;
        clearInterval(pingTimer);
        if (on.onDown) on.onDown();
        retry();
      };
    }
    function retry() { clearTimeout(retryTimer); retryTimer = setTimeout(connect, backoff); backoff = Math.min(backoff * 2, 5000); }
    // Another device took this player's seat: no retries until the player asks.
    function stop() { stopped = true; clearTimeout(retryTimer); clearInterval(pingTimer); if (ws) ws.close(); ws = null; }
    function restart() { stopped = false; backoff = 500; connect(); }
    function wake() { if (!stopped && document.visibilityState !== 'hidden' && (!ws || ws.readyState > 1)) { backoff = 500; connect(); } }
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', wake);
    window.addEventListener('pageshow', wake);
    connect();
    return { send: send, reconnectNow: connect, stop: stop, restart: restart };
  }

  window.bigtuna = {
    socket: socket,
    $: $,
    // Server text only ever goes through textContent: players choose names.
    el: function (tag, cls, text, id) {
      var e = document.createElement(tag);
      e.className = cls || '';
      if (text != null) e.textContent = text;
      if (id) e.id = id;
      if (tag === 'button') e.type = 'button';
      return e;
    },
    // Shows text in element id, or hides it when there is none.
    say: function (id, text) { var e = $(id); e.textContent = text || ''; e.hidden = !text; },
    // A short buzz of the phone; Chrome logs an intervention if it runs before any tap on the page.
    vibrate: function (p) {
      var ua = navigator.userActivation;
      try { if (navigator.vibrate && (!ua || ua.hasBeenActive)) navigator.vibrate(p); } catch (e) { /* ignore */ }
    },
    // Codes on the TV are capitals: type them that way whatever the keyboard does.
    upcase: function (input) {
      input.addEventListener('input', function () { var v = this.value.toUpperCase(); if (v !== this.value) this.value = v; });
    },
  };
})();
