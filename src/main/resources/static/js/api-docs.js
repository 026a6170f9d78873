// Draws the API description with Swagger UI inside the archive's page. The description's server list is left out:
// the page always calls the archive it was loaded from, and Swagger UI's server picker has no accessible name.
// Deep links are off, as they put links inside the operations' buttons; the schemas are read within each
// operation, so the separate models section is not drawn. Swagger UI's own BaseLayout wraps the operations in a
// main element, which would sit inside the page's main landmark; the archive's layout draws the same errors and
// operations without it (the information and server sections are hidden by the page's style in any case).

// A Swagger UI plugin: the archive's layout, BaseLayout without its main element, models or information section.
const ArchiveLayoutPlugin = (system) => {
  const React = system.React;
  const ArchiveLayout = (props) => {
    const { getComponent, specSelectors } = props;
    const Errors = getComponent('errors', true);
    const Operations = getComponent('operations', true);
    const Row = getComponent('Row');
    const Col = getComponent('Col');
    const status = specSelectors.loadingStatus();
    if (status === 'loading' || status === 'failed' || !specSelectors.specStr()) {
      return React.createElement('div', { className: 'swagger-ui' },
        React.createElement('div', { className: 'loading-container', role: 'status' },
          status === 'failed' ? 'Failed to load the API description.' : 'Loading…'),
        React.createElement(Errors, null));
    }
    return React.createElement('div', { className: 'swagger-ui' },
      React.createElement(Errors, null),
      React.createElement('div', { id: 'operations' },
        React.createElement(Row, null,
          React.createElement(Col, { mobile: 12, desktop: 12 }, React.createElement(Operations, null)))));
  };
  return { components: { ArchiveLayout } };
};

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
        layout: 'ArchiveLayout',
        presets: [SwaggerUIBundle.presets.apis],
        plugins: [ArchiveLayoutPlugin],
        defaultModelsExpandDepth: -1,
        validatorUrl: null,
      });
    });
});
