// Title suggestions for the header search box, from the edition's autocomplete endpoint.
// Without JavaScript the box is an ordinary search form.
(function () {
  "use strict";
  var input = document.getElementById("header-search-q");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var urls = {};
  var timer = null;
  var latest = 0;

  function show(suggestions) {
    urls = {};
    list.replaceChildren();
    suggestions.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.title;
      urls[item.title] = item.url;
      list.appendChild(option);
    });
  }

  input.addEventListener("input", function () {
    if (urls[input.value]) {
      window.location.href = urls[input.value];
      return;
    }
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) return show([]);
    timer = setTimeout(function () {
      var request = ++latest;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (request === latest) show(data.suggestions); })
        .catch(function () { show([]); });
    }, 150);
  });
})();
