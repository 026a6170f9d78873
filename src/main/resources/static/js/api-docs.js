// Draws the API description with Swagger UI inside the archive's page. The description's server list is left out:
// the page always calls the archive it was loaded from, and Swagger UI's server picker has no accessible name.
// Deep links are off, as they put links inside the operations' buttons; the schemas are read within each
// operation, so the separate models section, which would stand outside Swagger UI's main element, is not drawn.
document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('swagger-ui');
  if (!root || typeof SwaggerUIBundle !== 'function') {
    return;
  }
  fetch(root.dataset.specUrl, { headers: { Accept: 'application/json' } })
    .then((response) => response.json())
    .then((spec) => {
      delete spec.servers;
      SwaggerUIBundle({
        spec,
        domNode: root,
        deepLinking: false,
        layout: 'BaseLayout',
        presets: [SwaggerUIBundle.presets.apis],
        defaultModelsExpandDepth: -1,
        validatorUrl: null,
      });
    });
});
