// On file:// pages Chromium refuses to start a Web Worker, which is how Material runs its search.
// This stand-in runs the worker's script inside a hidden iframe and relays messages both ways.
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function FrameWorker(url) {
    var worker = this;
    worker.onmessage = null;
    worker._listeners = [];
    worker._queue = [];
    worker._frame = null;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "Search engine";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    // No src: the frame keeps its first, empty document, which shares this page's origin and is
    // ready as soon as it is attached (a srcdoc frame would load later and could race).
    (document.body || document.documentElement).appendChild(frame);
    var scope = frame.contentWindow;
    // The worker script calls the global postMessage(data): route it back to this page.
    scope.postMessage = function (data) {
      setTimeout(function () { worker._deliver(data); }, 0);
    };
    scope.importScripts = function () {
      return loadInOrder(scope, Array.prototype.slice.call(arguments));
    };
    loadInOrder(scope, [new URL(url, location.href).href]).then(function () {
      worker._frame = frame;
      worker._queue.splice(0).forEach(function (data) { worker.postMessage(data); });
    });
  }

  function loadInOrder(scope, urls) {
    return urls.reduce(function (previous, src) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var script = scope.document.createElement("script");
          script.src = src;
          script.onload = resolve;
          script.onerror = reject;
          scope.document.head.appendChild(script);
        });
      });
    }, Promise.resolve());
  }

  FrameWorker.prototype.postMessage = function (data) {
    if (!this._frame) { this._queue.push(data); return; }
    var scope = this._frame.contentWindow;
    // Like a real worker, take each message in a task of its own, so that an async handler
    // (the index being set up) finishes before the next message (a query) is handled.
    setTimeout(function () {
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }, 0);
  };
  FrameWorker.prototype._deliver = function (data) {
    var event = new MessageEvent("message", { data: data });
    if (typeof this.onmessage === "function") this.onmessage(event);
    this._listeners.forEach(function (listener) { listener.call(this, event); }, this);
  };
  FrameWorker.prototype.addEventListener = function (type, listener) {
    if (type === "message" && this._listeners.indexOf(listener) < 0) this._listeners.push(listener);
  };
  FrameWorker.prototype.removeEventListener = function (type, listener) {
    this._listeners = this._listeners.filter(function (known) { return known !== listener; });
  };
  FrameWorker.prototype.terminate = function () {
    if (this._frame) this._frame.remove();
    this._frame = null;
  };

  window.Worker = FrameWorker;
})();
