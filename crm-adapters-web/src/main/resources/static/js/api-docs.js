// Swagger UI for /api/docs; a file rather than an inline script, for the Content-Security-Policy.
(function () {
  "use strict";
  var host = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: host.getAttribute("data-spec"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: false
  });
})();
