// Reader comments: live character counter and posting without leaving the page.
// The article page is cached and shared, so it carries no CSRF token: one is fetched from the
// token endpoint when the reader starts writing. Without this script the form still posts
// normally (the server answers with the form again and a token, text kept).
(function () {
  "use strict";

  var form = document.getElementById("comment-form");
  if (!form) return;
  var body = form.querySelector("textarea[name=body]");
  var counter = document.getElementById("comment-counter");
  var statusBox = form.querySelector("[data-comment-status]");
  var max = parseInt(counter.getAttribute("data-max"), 10);
  var template = counter.getAttribute("data-template");
  var tokenRequest = null;

  // Count as the server does: code points after NFC, so "ệ" typed as e + marks is one.
  function characters(text) {
    return Array.from(text.replace(/\r\n?/g, "\n").normalize("NFC"));
  }

  function updateCounter() {
    var chars = characters(body.value);
    if (chars.length > max) {
      body.value = chars.slice(0, max).join("");
      chars = chars.slice(0, max);
    }
    counter.textContent = template.replace("{left}", String(max - chars.length));
  }

  function fetchToken() {
    if (!tokenRequest) {
      tokenRequest = fetch(form.getAttribute("data-token-url"), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("token " + response.status);
          return response.json();
        })
        .then(function (data) {
          form.elements.csrfmiddlewaretoken.value = data.csrfToken;
          form.elements.issued.value = data.issued;
        })
        .catch(function (error) {
          tokenRequest = null;
          throw error;
        });
    }
    return tokenRequest;
  }

  function showErrors(errors) {
    form.querySelectorAll("[data-errors-for]").forEach(function (box) {
      var name = box.getAttribute("data-errors-for");
      var messages = (errors[name] || []).map(function (error) {
        return error.message;
      });
      box.textContent = messages.join(" ");
      var field = form.elements[name];
      if (messages.length) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    });
  }

  function send(retried) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json().then(function (data) {
        if (data.status === "retry" && !retried) {
          tokenRequest = null;
          return fetchToken().then(function () {
            return send(true);
          });
        }
        return data;
      });
    });
  }

  function submit(event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetchToken()
      .then(function () {
        return send(false);
      })
      .then(function (data) {
        showErrors(data.errors || {});
        statusBox.textContent = data.message;
        if (data.status === "published") {
          window.location.assign(data.location);
        } else if (data.status === "pending") {
          body.value = "";
          updateCounter();
        }
      })
      .catch(function () {
        // The script cannot reach the server: fall back to a plain post, which keeps the text.
        form.removeEventListener("submit", submit);
        form.submit();
      })
      .finally(function () {
        button.disabled = false;
      });
  }

  // The script counts code points itself; the attribute would count UTF-16 units instead.
  body.removeAttribute("maxlength");
  form.noValidate = true;
  ["input", "change", "paste", "compositionend"].forEach(function (type) {
    body.addEventListener(type, function (event) {
      if (event.isComposing) return;
      window.setTimeout(updateCounter, 0);
    });
  });
  form.addEventListener("focusin", function () {
    fetchToken().catch(function () {});
  });
  form.addEventListener("submit", submit);
  updateCounter();
})();
