// Starts Swagger UI on the API documentation page (mitra/api/templates/api/docs.html).
// The settings come as JSON data; a browser signed in with a session sends the CSRF token on
// unsafe requests, as the web pages do.
(function () {
    "use strict";
    const settings = JSON.parse(document.getElementById("swagger-settings").textContent);
    const csrfToken = document.body.dataset.csrfToken;
    settings.dom_id = "#swagger-ui";
    settings.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
    settings.requestInterceptor = function (request) {
        if (csrfToken) {
            request.headers["X-CSRFToken"] = csrfToken;
        }
        return request;
    };
    window.ui = SwaggerUIBundle(settings);
})();
