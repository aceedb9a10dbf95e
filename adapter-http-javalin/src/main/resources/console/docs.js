// Swagger UI over the server's own OpenAPI documents (the list at /openapi). Swagger UI's stock index.html starts
// it with an inline script, which the page's Content-Security-Policy forbids: this file does that instead.
const TITLES = {
  'simpro-customer-profiles.json': 'Customer profiles (Simpro dialect)',
  'intacct-customer-type.json': 'Customer types (Sage Intacct dialect)',
  'identity.json': 'Tokens and administration',
};

fetch('/openapi').then(response => response.json()).then(list => {
  window.ui = SwaggerUIBundle({
    urls: list.documents.map(url => ({url, name: TITLES[url.substring(url.lastIndexOf('/') + 1)] || url})),
    dom_id: '#swagger-ui',
    deepLinking: false,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    // The badge would ask validator.swagger.io about the document: this page talks to its own server only.
    validatorUrl: null,
    // A pasted token stays in the page's memory: gone with the tab, never in storage.
    persistAuthorization: false,
    tryItOutEnabled: true,
  });
}).catch(failure => {
  document.getElementById('swagger-ui').textContent = 'The list of API documents (/openapi) could not be read: '
      + failure.message;
});
