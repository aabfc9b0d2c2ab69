// Starts the vendored Swagger UI on the settings django-ninja writes into the docs page, from a
// file rather than an inline script, which the site's Content-Security-Policy refuses.
const settings = JSON.parse(document.getElementById("swagger-settings").textContent);
SwaggerUIBundle({ ...settings, dom_id: "#swagger-ui", presets: [SwaggerUIBundle.presets.apis] });
