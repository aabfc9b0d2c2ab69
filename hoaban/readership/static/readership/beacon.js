// Counts one read of this story for the most-read rails (docs/most-read.md). No cookie and
// nothing about the reader is sent: only the story's id, once the page is really shown.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var sent = false;

  function send() {
    if (sent) return;
    sent = true;
    var body = new URLSearchParams({ article: script.dataset.article });
    if (!(navigator.sendBeacon && navigator.sendBeacon(script.dataset.url, body))) {
      fetch(script.dataset.url, { method: "POST", body: body, keepalive: true, credentials: "omit" });
    }
  }

  // A prerendered or background page is not read yet: wait until the reader sees it.
  function whenShown() {
    if (document.prerendering || document.visibilityState === "hidden") return;
    document.removeEventListener("prerenderingchange", whenShown);
    document.removeEventListener("visibilitychange", whenShown);
    send();
  }
  document.addEventListener("prerenderingchange", whenShown);
  document.addEventListener("visibilitychange", whenShown);
  whenShown();
})();
