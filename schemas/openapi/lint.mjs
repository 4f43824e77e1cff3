// Lints schemas/openapi.json: (1) it is what build.mjs generates, (2) it is a valid
// OpenAPI 3.1 document with every $ref resolving (@apidevtools/swagger-parser), (3) every
// example in it validates against the schema it illustrates (ajv, JSON Schema 2020-12,
// strict), (4) the schemas refuse what the contract forbids, and (5) the conventions
// every route follows hold: an X-Request-Id on every response, problem+json for every
// error status, each problem class reachable and exemplified.
// Run: (cd schemas/openapi && npm ci) && node schemas/openapi/lint.mjs
// Exit 0 when every check holds, 1 otherwise.
import SwaggerParser from "@apidevtools/swagger-parser";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Contract, committedPath, readCommitted } from "./contract.mjs";

const here = dirname(fileURLToPath(import.meta.url));
let failures = 0;
const check = (ok, message) => {
  if (!ok) {
    failures++;
    console.error("FAIL " + message);
  }
  return ok;
};

// (1) Generated file up to date.
try {
  execFileSync(process.execPath, [join(here, "build.mjs"), "--check"], { stdio: "pipe" });
  console.log("ok openapi.json is build.mjs's output");
} catch (e) {
  check(false, String(e.stderr || e.message).trim());
}

// (2) The OpenAPI 3.1 meta-schema and reference resolution.
try {
  await SwaggerParser.validate(structuredClone(readCommitted()));
  console.log("ok swagger-parser validates the document");
} catch (e) {
  check(false, `swagger-parser: ${e.message}`);
}

const doc = readCommitted();
check(doc.openapi === "3.1.0", `openapi is ${doc.openapi}, expected 3.1.0`);
const contract = new Contract(doc);

// (3) Examples against their schemas.
let examples = 0;
const checkExample = (where, mediaType, schema, value) => {
  examples++;
  const values = [];
  if (mediaType === "application/x-ndjson") {
    for (const line of String(value).split("\n").filter((l) => l !== "")) values.push(JSON.parse(line));
  } else {
    values.push(value);
  }
  for (const v of values) {
    const { ok, errors } = contract.check(schema, v);
    check(ok, `${where} ${mediaType}: example invalid: ${errors}`);
  }
};
const checkContent = (where, content) => {
  for (const [mediaType, media] of Object.entries(content || {})) {
    if (media.example !== undefined) checkExample(where, mediaType, media.schema, media.example);
    for (const [name, ex] of Object.entries(media.examples || {})) {
      checkExample(`${where} (${name})`, mediaType, media.schema, contract.deref(ex).value);
    }
  }
};
for (const { template, methods, item } of contract.routes) {
  for (const method of methods) {
    const op = item[method];
    const where = `${method.toUpperCase()} ${template}`;
    if (op.requestBody) checkContent(`${where} request`, op.requestBody.content);
    for (const [status, response] of Object.entries(op.responses)) {
      checkContent(`${where} ${status}`, contract.deref(response).content);
    }
  }
}
check(examples >= 40, `only ${examples} examples checked`);
console.log(`ok ${examples} examples validate`);

// Every document example of schemas/examples is a Document.
for (const f of readdirSync(join(here, "..", "examples")).filter((f) => f.endsWith(".json"))) {
  const value = JSON.parse(readFileSync(join(here, "..", "examples", f), "utf8"));
  const { ok, errors } = contract.check({ $ref: "#/components/schemas/Document" }, value);
  check(ok, `examples/${f} is not a Document: ${errors}`);
}

// (4) What the schemas must refuse.
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const receipt = doc.paths["/v1/documents"].post.responses["201"];
const goodReceipt = contract.deref(receipt).content["application/json"].examples.accepted.value;
const refuses = (name, value, why) => check(!contract.check(ref(name), value).ok, `${name} accepts ${why}`);
refuses("Receipt", { ...goodReceipt, outcome: "maybe" }, "an unknown outcome");
refuses("Receipt", { ...goodReceipt, ledgerIndex: -1 }, "a negative ledger index");
refuses("Receipt", { ...goodReceipt, inclusionProof: ["not base64!"] }, "a proof hash that is not base64 SHA-256");
refuses("Receipt", { ...goodReceipt, surprise: true }, "an unknown member");
refuses("Receipt", { ...goodReceipt, documentId: "short" }, "a malformed document id");
refuses("Money", { currency: "USD", amount: 125000 }, "an amount as a JSON number");
refuses("Money", { currency: "usd", amount: "1.00" }, "a lower-case currency");
refuses("Discrepancy", { code: "LATE_SHIPMENT", article: "20", document: "billOfLading", field: "onBoardDate" },
        "a discrepancy without a message");
refuses("Problem", { type: "about:blank", title: "x", status: 400, detail: "x", requestId: "r" }, "an unlisted type");
refuses("Problem", { type: "https://lcproc.dev/problems/malformed", title: "x", status: 400, detail: "x" },
        "a problem without requestId");
refuses("Document", { ...JSON.parse(readFileSync(join(here, "..", "examples", "payment.json"), "utf8")), type: "letterOfCredit" },
        "a payment's members under another type");
refuses("BatchLine", { contentType: "application/json", jws: "a..b", body: "{}", bodyBase64: "e30=" }, "both body and bodyBase64");
refuses("CreditPage", { items: [] }, "a page without nextCursor");

// (5) Conventions.
const problemTypes = new Set(doc.components.schemas.Problem.properties.type.enum);
const reachable = new Set();
for (const { template, methods, item } of contract.routes) {
  for (const method of methods) {
    const op = item[method];
    const where = `${method.toUpperCase()} ${template}`;
    check(typeof op.operationId === "string", `${where}: no operationId`);
    check(Array.isArray(op.security), `${where}: security not stated`);
    for (const [status, r] of Object.entries(op.responses)) {
      const response = contract.deref(r);
      check(response.headers && response.headers["X-Request-Id"], `${where} ${status}: no X-Request-Id header`);
      if (Number(status) >= 400) {
        const media = response.content && response.content["application/problem+json"];
        if (check(media && Object.keys(response.content).length === 1, `${where} ${status}: not problem+json only`)) {
          for (const ex of Object.values(media.examples || {})) {
            check(ex.value.status === Number(status), `${where} ${status}: example with status ${ex.value.status}`);
            reachable.add(ex.value.type);
          }
        }
      }
      if (status === "429" || status === "503") check(response.headers["Retry-After"], `${where} ${status}: no Retry-After`);
      if (status === "401") check(response.headers["WWW-Authenticate"], `${where} 401: no WWW-Authenticate`);
    }
    for (const s of ["408", "429", "431", "500", "503"]) check(op.responses[s], `${where}: ${s} not described`);
  }
}
// 405 has no operation of its own (it answers methods a route lacks): its response is a
// component the description points to.
check(doc.components.responses.Problem405, "no 405 response component");
for (const ex of Object.values(doc.components.responses.Problem405.content["application/problem+json"].examples)) reachable.add(ex.value.type);
for (const type of problemTypes) check(reachable.has(type), `problem type ${type} has no example on any route`);
const routes = contract.routes.map((r) => r.template);
for (const required of ["/v1/documents", "/v1/documents:batch", "/v1/documents/{id}", "/v1/credits/{reference}",
                        "/v1/credits", "/v1/inbox", "/v1/inbox/stream", "/v1/ledger/checkpoint",
                        "/v1/ledger/tile/{level}/{n}", "/v1/ledger/tile/{level}/x{x1}/{n}.p/{width}",
                        "/v1/ledger/proof/inclusion", "/v1/ledger/proof/consistency",
                        "/v1/ledger/entries/{index}", "/v1/participants", "/healthz", "/readyz",
                        "/metrics", "/openapi.json"]) {
  check(routes.includes(required), `route ${required} is not described`);
}
// Matching is unambiguous: each sample path falls on exactly the route it is meant for.
for (const [path, template] of [
  ["/v1/documents:batch", "/v1/documents:batch"],
  ["/v1/documents/yQ3R0n2Vdl4g2lq9oF8f0lC5vJ3m4aE5uI8oQwUk7Xc", "/v1/documents/{id}"],
  ["/v1/ledger/tile/0/001", "/v1/ledger/tile/{level}/{n}"],
  ["/v1/ledger/tile/0/001.p/7", "/v1/ledger/tile/{level}/{n}.p/{width}"],
  ["/v1/ledger/tile/1/x001/234", "/v1/ledger/tile/{level}/x{x1}/{n}"],
  ["/v1/ledger/tile/2/x001/x234/067.p/255", "/v1/ledger/tile/{level}/x{x2}/x{x1}/{n}.p/{width}"],
]) {
  const matches = contract.routes.filter((r) => r.regexp.test(path)).map((r) => r.template);
  check(matches.length >= 1 && contract.route(path).template === template,
        `${path} falls on ${matches.join(", ") || "nothing"}, expected ${template}`);
}

console.log(failures === 0 ? `ok ${committedPath} lints clean` : `${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
