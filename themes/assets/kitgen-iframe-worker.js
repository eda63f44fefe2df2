/* kitgen's Web Worker stand-in for guides opened from file://.
 *
 * Chromium refuses to start a Worker from a file:// page, so Material's search would die
 * there. This runs the worker script in a hidden same-origin iframe instead and passes
 * messages both ways. Material's offline plugin looks for a polyfill whose URL contains
 * "iframe-worker"; naming this file so keeps it from fetching one from a CDN.
 * Over http(s) it does nothing and the browser's own Worker is used.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof EventTarget !== "function") { return; }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this._queue = [];
      this._ready = false;
      var src = new URL(String(url), document.baseURI).href;
      var frame = document.createElement("iframe");
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      frame.style.display = "none";
      this._frame = frame;
      var self = this;
      frame.addEventListener("load", function () {
        var win = frame.contentWindow;
        win.postMessage = function (data) { self._receive(data); };
        win.importScripts = function () {
          var urls = Array.prototype.slice.call(arguments);
          return urls.reduce(function (chain, u) {
            return chain.then(function () {
              return new Promise(function (resolve, reject) {
                var s = win.document.createElement("script");
                s.src = new URL(u, src).href;
                s.onload = resolve;
                s.onerror = function () { reject(new Error("cannot load " + u)); };
                win.document.head.appendChild(s);
              });
            });
          }, Promise.resolve());
        };
        var script = win.document.createElement("script");
        script.src = src;
        script.onload = function () {
          self._ready = true;
          self._queue.splice(0).forEach(function (d) { self.postMessage(d); });
        };
        script.onerror = function () {
          var ev = new ErrorEvent("error", { message: "cannot load worker " + src });
          self.dispatchEvent(ev);
          if (typeof self.onerror === "function") { self.onerror(ev); }
        };
        win.document.head.appendChild(script);
      }, { once: true });
      frame.srcdoc = "<!doctype html><html><head><meta charset=\"utf-8\"></head><body></body></html>";
      (document.body || document.documentElement).appendChild(frame);
    }

    postMessage(data) {
      if (!this._ready) { this._queue.push(data); return; }
      var win = this._frame.contentWindow;
      var copy = win.structuredClone ? win.structuredClone(data) : data;
      setTimeout(function () { win.dispatchEvent(new win.MessageEvent("message", { data: copy })); }, 0);
    }

    _receive(data) {
      var ev = new MessageEvent("message", { data: window.structuredClone ? structuredClone(data) : data });
      this.dispatchEvent(ev);
      if (typeof this.onmessage === "function") { this.onmessage(ev); }
    }

    terminate() {
      if (this._frame.parentNode) { this._frame.parentNode.removeChild(this._frame); }
      this._queue = [];
      this._ready = false;
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
