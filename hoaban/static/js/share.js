// Share links: a copy-link button, and the device's own share sheet on touch screens (which
// offers every app the reader has, Zalo among them). Without this script the plain links work
// and both buttons stay hidden.
(function () {
  "use strict";

  var box = document.querySelector("[data-share]");
  if (!box) return;
  var url = box.getAttribute("data-url");
  var title = box.getAttribute("data-title");
  var status = box.querySelector("[data-share-status]");

  var copy = box.querySelector("[data-share-copy]");
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.hidden = false;
    var copyButton = copy.querySelector("button");
    copyButton.addEventListener("click", function () {
      navigator.clipboard.writeText(url).then(function () {
        status.textContent = copyButton.getAttribute("data-copied");
      });
    });
  }

  var native = box.querySelector("[data-share-native]");
  var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  if (native && navigator.share && touch) {
    native.hidden = false;
    native.querySelector("button").addEventListener("click", function () {
      // A reader closing the sheet rejects the promise: nothing to report.
      navigator.share({ title: title, url: url }).catch(function () {});
    });
  }
})();
