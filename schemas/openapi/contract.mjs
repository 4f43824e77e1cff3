// The OpenAPI contract as code: loads an OpenAPI document (schemas/openapi.json, or the
// one a server serves) and compiles its schemas with ajv (JSON Schema 2020-12, strict),
// so tests can validate bodies against what a route describes.
// Shared by lint.mjs and tests/services/gateway/openapi_conformance.test.mjs.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const committedPath = join(dirname(fileURLToPath(import.meta.url)), "..", "openapi.json");

export function readCommitted() {
  return JSON.parse(readFileSync(committedPath, "utf8"));
}

const kMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

// An OpenAPI path template as a RegExp over a request path ("/v1/credits/{reference}"
// -> /^\/v1\/credits\/([^/]+)$/); templated parts match within one segment.
export function templateRegExp(template) {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

export class Contract {
  constructor(doc) {
    this.doc = doc;
    this.ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, discriminator: true });
    addFormats(this.ajv);
    // OpenAPI's own schema keywords and formats (OAS 3.1 section 4.8.24, 4.8.24.2).
    this.ajv.addKeyword("example");
    this.ajv.addFormat("int64", true);
    this.ajv.addFormat("binary", true);
    // The document's top level is not a schema: only its components are added, under a
    // keyword ajv ignores, and reached through "#/components/..." references.
    this.ajv.addKeyword("components");
    this.ajv.addSchema({ $id: "openapi", components: doc.components });
    this.cache = new Map();
    this.routes = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      const methods = kMethods.filter((m) => item[m]);
      this.routes.push({ template, regexp: templateRegExp(template), methods, item });
    }
    // A literal template beats a templated one ("/v1/documents:batch" before
    // "/v1/documents/{id}"); otherwise the first match.
    this.routes.sort((a, b) => (a.template.includes("{") ? 1 : 0) - (b.template.includes("{") ? 1 : 0));
  }

  // The validate function for a schema given by JSON pointer into the document, or for
  // a schema object (whose "$ref"s point into the document).
  validator(schemaOrPointer) {
    const key = typeof schemaOrPointer === "string" ? schemaOrPointer : JSON.stringify(schemaOrPointer);
    if (!this.cache.has(key)) {
      const fn = typeof schemaOrPointer === "string"
        ? this.ajv.getSchema(`openapi${schemaOrPointer}`)
        : this.ajv.compile(relocate(schemaOrPointer));
      if (!fn) throw new Error(`no schema at ${schemaOrPointer}`);
      this.cache.set(key, fn);
    }
    return this.cache.get(key);
  }

  // { ok, errors } for `value` against `schema` (a schema object from the document).
  check(schema, value) {
    const validate = this.validator(schema);
    const ok = validate(value);
    return { ok, errors: ok ? "" : this.ajv.errorsText(validate.errors) };
  }

  // The route a request path falls on, or undefined.
  route(path) {
    return this.routes.find((r) => r.regexp.test(path));
  }

  // Resolves a "$ref" to a response/parameter/header object (one level).
  deref(node) {
    if (!node || !node.$ref) return node;
    return node.$ref.slice(2).split("/").reduce((n, k) => n[k.replace(/~1/g, "/").replace(/~0/g, "~")], this.doc);
  }
}

// Schemas taken out of the document keep their "#/components/..." references working
// by pointing them at the document added under the id "openapi".
function relocate(node) {
  if (Array.isArray(node)) return node.map(relocate);
  if (node && typeof node === "object") {
    const copy = {};
    for (const [k, v] of Object.entries(node)) {
      copy[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `openapi${v}` : relocate(v);
    }
    return copy;
  }
  return node;
}
