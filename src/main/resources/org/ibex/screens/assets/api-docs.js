// The API documentation page: starts swagger-ui (served by the node) on the node's own OpenAPI document.
(function () {
  "use strict";
  function nameTheServersList() {
    var servers = document.getElementById("servers");
    if (servers && !servers.hasAttribute("aria-label")) { servers.setAttribute("aria-label", "Servers"); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("swagger-ui");
    if (!root || typeof window.SwaggerUIBundle !== "function") { return; }
    window.SwaggerUIBundle({
      url: "/openapi.json",
      domNode: root,
      // Nothing leaves the node: no badge from the public validator, no remote configuration.
      validatorUrl: null,
      configUrl: null,
      queryConfigEnabled: false,
      deepLinking: false,
      // Tags closed at first: a page of some hundred operations would be heavy to lay out on an old laptop.
      docExpansion: "none",
      defaultModelsExpandDepth: 0,
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      onComplete: nameTheServersList
    });
    // swagger-ui renders the servers list with a caption that is not its label; screen readers need a name.
    new MutationObserver(nameTheServersList).observe(root, { childList: true, subtree: true });
  });
})();
