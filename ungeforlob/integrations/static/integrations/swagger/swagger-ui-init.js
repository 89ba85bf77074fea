/* Starts Swagger UI for /api/v1/docs from a file (the strict CSP allows no inline script); its settings come
   from the <script type="application/json" id="swagger-settings"> element the page carries. */
const swaggerSettings = JSON.parse(document.getElementById("swagger-settings").textContent);
swaggerSettings.dom_id = "#swagger-ui";
swaggerSettings.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
SwaggerUIBundle(swaggerSettings);
