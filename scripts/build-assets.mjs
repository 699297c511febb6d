// Copies the front-end libraries from node_modules into static/dist (never committed):
// htmx for the pages, Swagger UI and ReDoc for the API docs at /docs and /redoc.
import { copyFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "static", "dist");
const files = [
  "htmx.org/dist/htmx.min.js",
  "swagger-ui-dist/swagger-ui-bundle.js",
  "swagger-ui-dist/swagger-ui.css",
  "redoc/bundles/redoc.standalone.js",
];
mkdirSync(dist, { recursive: true });
for (const file of files) {
  copyFileSync(join(root, "node_modules", file), join(dist, basename(file)));
}
console.log(`static/dist ready: ${files.map((file) => basename(file)).join(", ")}`);
