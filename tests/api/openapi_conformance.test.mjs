// The OpenAPI contract against a real `lcproc serve`, both ways:
//   - every route the document describes is answered (each operation is called, with
//     real path values, and answers a described status, 2xx where the resource exists);
//   - every answer the server gives is described: its route and method, its status, its
//     media type, its headers (X-Request-Id, Allow, Retry-After, WWW-Authenticate), and
//     its body validates against the described schema (ajv, JSON Schema 2020-12);
//   - the document served at /openapi.json is schemas/openapi.json byte for byte;
//   - paths the document does not describe (entry bundles, trailing slashes, the bare
//     prefix) are not served.
// Receipts are also checked for what they promise: the document id is base64url
// SHA-256(jws "\n" body), and the inclusion proof leads from the leaf hash to the root
// in the signed checkpoint (RFC 9162 section 2.1.3.2).
//
// Starts its own server (lcproc_server.mjs: 127.0.0.1, ephemeral port, temporary data
// directory) and stops it whatever the outcome.
// Run: LCPROC_BIN=build/dev/services/lcproc/lcproc node --test tests/api/openapi_conformance.test.mjs
// (ctest openapi_conformance sets LCPROC_BIN). A missing binary fails the test.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { Contract, committedPath } from "../../schemas/openapi/contract.mjs";
import { isoDay, kAdvising, kConfirming, kIssuing, kReimbursing, newCredit, startServer } from "../testing/lcproc_server.mjs";

let lcproc;
let dir;
let running;
let base;  // "http://127.0.0.1:PORT"
let contract;
let tokens = {};
const seen = [];  // every answer: {method, path, status, headers, body}
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

// ---------------------------------------------------------------------------------------
// HTTP

function request(method, path, { token, headers = {}, body, timeoutMs = 20000 } = {}) {
  return new Promise((resolve, reject) => {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    if (payload) h["content-length"] = String(payload.length);
    const req = http.request(`${base}${path}`, { method, headers: h, agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const answer = { method, path, status: res.statusCode, headers: res.headers,
                         body: Buffer.concat(chunks) };
        seen.push(answer);
        resolve(answer);
      });
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)));
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}
const get = (path, token, headers) => request("GET", path, { token, headers });
const json = (answer) => JSON.parse(answer.body.toString("utf8"));

// The first event of a Server-Sent Events stream (then the connection is dropped).
function firstEvent(path, token) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" } }, (res) => {
      let text = "";
      res.on("data", (c) => {
        text += c.toString("utf8");
        const end = text.indexOf("\n\n", text.indexOf("data:"));
        if (text.includes("data:") && end >= 0) {
          seen.push({ method: "GET", path, status: res.statusCode, headers: res.headers, body: Buffer.alloc(0), event: text.slice(0, end) });
          req.destroy();
          resolve({ status: res.statusCode, headers: res.headers, text: text.slice(0, end) });
        }
      });
      res.on("error", () => {});
    });
    req.setTimeout(15000, () => { req.destroy(); reject(new Error(`${path}: no event in 15 s`)); });
    req.on("error", (e) => { if (e.code !== "ECONNRESET") reject(e); });
    req.end();
  });
}

// ---------------------------------------------------------------------------------------
// Signing and documents

function sign(bic, body) {
  const file = join(dir, "body.tmp");
  writeFileSync(file, body);
  return execFileSync(lcproc, ["sign", "--key", join(dir, "data", "demo-network", `${bic}.pem`), file])
    .toString("utf8").trim();
}
const documentIdOf = (jws, body) => createHash("sha256").update(Buffer.concat([Buffer.from(jws), Buffer.from("\n"), Buffer.from(body)])).digest("base64url");

function post(bic, body, { token = tokens[bic], idempotencyKey, prefer, contentType = "application/json", jws } = {}) {
  const headers = { "content-type": contentType, "x-jws-signature": jws ?? sign(bic, body) };
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  if (prefer) headers.prefer = prefer;
  return request("POST", "/v1/documents", { token, headers, body });
}

// RFC 9162 section 2.1.3.2: the root an inclusion proof leads to.
function rootFromInclusion(index, size, leafHash, proof) {
  const h = (...parts) => createHash("sha256").update(Buffer.concat(parts)).digest();
  let fn = index, sn = size - 1;
  let r = Buffer.from(leafHash, "base64");
  for (const p of proof.map((x) => Buffer.from(x, "base64"))) {
    if (sn === 0) throw new Error("proof too long");
    if (fn % 2 === 1 || fn === sn) {
      r = h(Buffer.from([1]), p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      r = h(Buffer.from([1]), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new Error("proof too short");
  return r.toString("base64");
}
const checkpointSize = (note) => Number(note.split("\n")[1]);
const checkpointRoot = (note) => note.split("\n")[2];

// ---------------------------------------------------------------------------------------
// The server

before(async () => {
  running = await startServer({ demoArgs: ["--burst", "300"] });
  ({ lcproc, dir, tokens, base } = running);
  const served = await get("/openapi.json");
  assert.equal(served.status, 200);
  contract = new Contract(json(served));
});

after(async () => {
  agent.destroy();
  if (running) await running.stop();
});

// ---------------------------------------------------------------------------------------
// Calls: each described operation, successes and every error class we can provoke.

const state = {};

test("serves schemas/openapi.json verbatim at /openapi.json", async () => {
  const served = await get("/openapi.json");
  assert.equal(served.status, 200);
  assert.match(served.headers["content-type"], /^application\/json/);
  assert.equal(served.body.toString("utf8"), readFileSync(committedPath, "utf8"));
});

test("operations endpoints answer", async () => {
  assert.equal((await get("/healthz")).status, 200);
  assert.equal((await get("/readyz")).status, 200);
  const metrics = await get("/metrics");
  assert.equal(metrics.status, 200);
  assert.match(metrics.body.toString("utf8"), /_total/);
  const participants = json(await get("/v1/participants"));
  assert.deepEqual(participants.banks.map((b) => b.bic).sort(),
                   [kAdvising, kIssuing, kConfirming, kReimbursing].sort());
});

test("a signed credit is answered 201 with a receipt whose proof leads to the checkpoint's root", async () => {
  const body = JSON.stringify(newCredit("OA"));
  const jws = sign(kIssuing, body);
  const key = `oa-${process.pid}-1`;
  const answer = await post(kIssuing, body, { jws, idempotencyKey: key });
  assert.equal(answer.status, 201, answer.body.toString());
  const receipt = json(answer);
  assert.equal(receipt.outcome, "accepted");
  assert.equal(receipt.duplicate, false);
  assert.equal(receipt.documentId, documentIdOf(jws, body));
  assert.equal(answer.headers.location, `/v1/documents/${receipt.documentId}`);
  assert.equal(receipt.treeSize, checkpointSize(receipt.checkpoint));
  assert.ok(receipt.ledgerIndex < receipt.treeSize);
  assert.equal(rootFromInclusion(receipt.ledgerIndex, receipt.treeSize, receipt.leafHash, receipt.inclusionProof),
               checkpointRoot(receipt.checkpoint));
  state.credit = JSON.parse(body).creditNumber;
  state.receipt = receipt;

  // The same key and bytes: the first receipt again. The same key, other bytes: refused.
  const retry = await post(kIssuing, body, { jws, idempotencyKey: key });
  assert.equal(retry.status, 201);
  assert.equal(json(retry).duplicate, true);
  assert.equal(json(retry).ledgerIndex, receipt.ledgerIndex);
  const other = JSON.stringify(newCredit("OA"));
  const conflict = await post(kIssuing, other, { idempotencyKey: key });
  assert.equal(conflict.status, 422);
  assert.equal(json(conflict).type, "https://lcproc.dev/problems/idempotency-conflict");
});

test("Prefer: respond-async answers 202 and a Location that turns done", async () => {
  const body = JSON.stringify(newCredit("OA"));
  const answer = await post(kIssuing, body, { prefer: "respond-async" });
  assert.equal(answer.status, 202, answer.body.toString());
  const location = answer.headers.location;
  assert.match(location, /^\/v1\/documents\/[A-Za-z0-9_-]{43}$/);
  let status;
  for (let i = 0; i < 100; i++) {
    status = json(await get(location, tokens[kIssuing]));
    if (status.status !== "pending") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(status.status, "done");
  assert.equal(status.receipt.outcome, "accepted");
});

test("documents:batch answers one result a line, in order", async () => {
  const good = JSON.stringify(newCredit("OA"));
  const bad = JSON.stringify(newCredit("OA"));
  const lines = [
    { contentType: "application/json", body: good, jws: sign(kIssuing, good) },
    { contentType: "application/json", body: bad, jws: sign(kIssuing, good) },  // signature of other bytes
  ].map((l) => JSON.stringify(l) + "\n").join("");
  const answer = await request("POST", "/v1/documents:batch", {
    token: tokens[kIssuing], headers: { "content-type": "application/x-ndjson" }, body: lines });
  assert.equal(answer.status, 200, answer.body.toString());
  const results = answer.body.toString("utf8").split("\n").filter((l) => l).map((l) => JSON.parse(l));
  assert.deepEqual(results.map((r) => [r.line, r.status]), [[1, 201], [2, 401]]);
});

test("reads: document, credit, list, inbox, stream, entry, proofs, tiles", async () => {
  const { receipt, credit } = state;
  assert.ok(receipt, "the submission test ran first");
  const doc = await get(`/v1/documents/${receipt.documentId}`, tokens[kAdvising]);
  assert.equal(doc.status, 200);
  assert.equal(json(doc).receipt.ledgerIndex, receipt.ledgerIndex);

  const view = await get(`/v1/credits/${encodeURIComponent(credit)}`, tokens[kAdvising]);
  assert.equal(view.status, 200);
  assert.equal(json(view).reference, credit);
  assert.equal(json(view).timeline[0].ledgerIndex, receipt.ledgerIndex);

  const page = await get("/v1/credits?limit=2", tokens[kIssuing]);
  assert.equal(page.status, 200);
  assert.ok(json(page).items.length <= 2);
  if (json(page).nextCursor) {
    assert.equal((await get(`/v1/credits?limit=2&cursor=${encodeURIComponent(json(page).nextCursor)}`, tokens[kIssuing])).status, 200);
  }
  assert.equal((await get(`/v1/credits?party=${kAdvising}&state=issued`, tokens[kIssuing])).status, 200);

  const inbox = await get("/v1/inbox?limit=1000", tokens[kAdvising]);
  assert.equal(inbox.status, 200);
  assert.ok(json(inbox).items.some((i) => i.ledgerIndex === receipt.ledgerIndex), "the advising bank's inbox has the credit");
  assert.equal((await get(`/v1/inbox?after=${encodeURIComponent(json(inbox).nextCursor)}`, tokens[kAdvising])).status, 200);
  const event = await firstEvent("/v1/inbox/stream", tokens[kAdvising]);
  assert.equal(event.status, 200);
  const data = event.text.split("\n").find((l) => l.startsWith("data:")).slice(5).trim();
  const item = JSON.parse(data);
  const { ok, errors } = contract.check({ $ref: "#/components/schemas/InboxItem" }, item);
  assert.ok(ok, `SSE data is not an InboxItem: ${errors}`);

  assert.equal((await get(`/v1/ledger/entries/${receipt.ledgerIndex}`, tokens[kAdvising])).status, 200);
  const note = (await get("/v1/ledger/checkpoint")).body.toString("utf8");
  const size = checkpointSize(note);
  assert.ok(size > receipt.ledgerIndex);
  const proof = await get(`/v1/ledger/proof/inclusion?index=${receipt.ledgerIndex}&size=${size}`);
  assert.equal(proof.status, 200);
  assert.equal(rootFromInclusion(receipt.ledgerIndex, size, receipt.leafHash, json(proof).hashes), checkpointRoot(note));
  assert.equal((await get(`/v1/ledger/proof/consistency?from=1&to=${size}`)).status, 200);

  // Tiles: the full level-0 tile 0 (the demo's burst makes the ledger longer than 256),
  // the partial tile after it, and the deeper templates (absent here).
  assert.ok(size > 256, `the ledger holds ${size} entries`);
  const full = await get("/v1/ledger/tile/0/000");
  assert.equal(full.status, 200);
  assert.equal(full.body.length, 32 * 256);
  assert.match(full.headers["cache-control"] || "", /immutable/);
  const n = Math.floor(size / 256);
  if (size % 256 !== 0) {
    const partial = await get(`/v1/ledger/tile/0/${String(n).padStart(3, "0")}.p/${size % 256}`);
    assert.equal(partial.status, 200);
    assert.equal(partial.body.length, 32 * (size % 256));
  }
  for (const path of ["/v1/ledger/tile/0/999", "/v1/ledger/tile/0/999.p/3", "/v1/ledger/tile/0/x001/000",
                      "/v1/ledger/tile/0/x001/000.p/3", "/v1/ledger/tile/0/x001/x002/003",
                      "/v1/ledger/tile/0/x001/x002/003.p/3", "/v1/ledger/tile/0/x001/x002/x003/004",
                      "/v1/ledger/tile/0/x001/x002/x003/004.p/3"]) {
    assert.equal((await get(path)).status, 404, path);
  }
});

test("every error class that a request can provoke", async () => {
  const { receipt, credit } = state;
  const problem = (answer, status, slug) => {
    assert.equal(answer.status, status, `${answer.method} ${answer.path}: ${answer.body}`);
    assert.match(answer.headers["content-type"], /^application\/problem\+json/);
    assert.equal(json(answer).type, `https://lcproc.dev/problems/${slug}`);
  };
  // 404: another bank's data looks exactly like nothing.
  problem(await get(`/v1/credits/${encodeURIComponent(credit)}`, tokens[kConfirming]), 404, "not-found");
  problem(await get(`/v1/credits/NO-SUCH-CREDIT`, tokens[kConfirming]), 404, "not-found");
  problem(await get(`/v1/documents/${receipt.documentId}`, tokens[kConfirming]), 404, "not-found");
  problem(await get(`/v1/ledger/entries/${receipt.ledgerIndex}`, tokens[kConfirming]), 404, "not-found");
  problem(await get("/no/such/route"), 404, "not-found");
  // 401
  problem(await get("/v1/credits"), 401, "unauthenticated");
  problem(await get("/v1/inbox", "lcp_not-a-token"), 401, "unauthenticated");
  const body = JSON.stringify(newCredit("OA"));
  problem(await post(kIssuing, body, { jws: sign(kIssuing, body + " ") }), 401, "invalid-signature");
  problem(await request("POST", "/v1/documents", { token: tokens[kIssuing], headers: { "content-type": "application/json" }, body }),
          401, "invalid-signature");
  // 403: another bank's key; an operator writing.
  problem(await post(kIssuing, body, { jws: sign(kAdvising, body) }), 403, "forbidden");
  problem(await post(kIssuing, body, { token: tokens.operator }), 403, "forbidden");
  // 400 malformed body and parameters.
  problem(await post(kIssuing, "{\"type\": \"letterOfCredit\", "), 400, "malformed");
  problem(await get("/v1/credits?limit=0", tokens[kIssuing]), 400, "malformed");
  problem(await get("/v1/inbox?limit=abc", tokens[kIssuing]), 400, "malformed");
  problem(await get(`/v1/ledger/proof/inclusion?index=5&size=1`), 400, "malformed");
  problem(await get(`/v1/ledger/proof/consistency?from=x&to=1`), 400, "malformed");
  // 422: an invalid or rejected document, with the reason code.
  const expired = newCredit("OA");
  expired.dateOfIssue = isoDay(-200);
  expired.latestShipmentDate = isoDay(-150);
  expired.expiryDate = isoDay(-100);
  const rejected = await post(kIssuing, JSON.stringify(expired));
  assert.equal(rejected.status, 422, rejected.body.toString());
  assert.ok(json(rejected).reasonCode, "a 422 names its reason code");
  const invalid = newCredit("OA");
  invalid.issuingBank = "NOTABIC";
  const invalidAnswer = await post(kIssuing, JSON.stringify(invalid));
  assert.equal(invalidAnswer.status, 422, invalidAnswer.body.toString());
  // 415, 413, 405, 431.
  problem(await post(kIssuing, body, { contentType: "text/xml" }), 415, "unsupported-media-type");
  const huge = "x".repeat(2 << 20);
  problem(await request("POST", "/v1/documents", { token: tokens[kIssuing],
                                                   headers: { "content-type": "application/json", "x-jws-signature": "a..b" },
                                                   body: huge }), 413, "payload-too-large");
  for (const [method, path] of [["DELETE", "/v1/documents"], ["POST", "/healthz"], ["PUT", "/v1/credits"],
                                ["POST", `/v1/credits/${encodeURIComponent(credit)}`], ["PATCH", "/v1/ledger/checkpoint"]]) {
    const answer = await request(method, path, { token: tokens[kIssuing] });
    problem(answer, 405, "method-not-allowed");
  }
  const bigHeader = await request("GET", "/healthz", { headers: { "x-filler": "y".repeat(64 << 10) } }).catch(() => null);
  if (bigHeader) problem(bigHeader, 431, "header-too-large");  // or the server closed: both allowed
});

test("paths the document does not describe are not served", async () => {
  for (const path of ["/v1", "/v1/", "/v1/documents/", "/v1/credits/", "/v1/ledger", "/v1/ledger/tile/entries/000",
                      "/v1/ledger/tile/entries/000.p/1", "/v1/ledger/tile/entries/x001/000", "/openapi.yaml",
                      "/v1/tokens", "/v2/documents", "/v1/documents/a/b"]) {
    const answer = await get(path, tokens.operator);
    assert.equal(answer.status, 404, `${path} answered ${answer.status}`);
  }
});

// ---------------------------------------------------------------------------------------
// The two directions, over everything seen above.

test("every answer is described by the document", () => {
  assert.ok(seen.length > 50, `only ${seen.length} answers seen`);
  const failures = [];
  for (const a of seen) {
    const where = `${a.method} ${a.path} -> ${a.status}`;
    const pathOnly = a.path.split("?")[0];
    const route = contract.route(pathOnly);
    if (!a.headers["x-request-id"]) failures.push(`${where}: no X-Request-Id`);
    const contentType = (a.headers["content-type"] || "").split(";")[0].trim();
    let response;
    if (!route) {
      if (a.status !== 404) failures.push(`${where}: the path is not described`);
      response = contract.deref({ $ref: "#/components/responses/Problem404" });
    } else if (!route.methods.includes(a.method.toLowerCase())) {
      if (a.status !== 405) {
        failures.push(`${where}: ${a.method} is not described on ${route.template}`);
        continue;
      }
      const allow = (a.headers.allow || "").split(",").map((m) => m.trim().toLowerCase()).filter((m) => m && m !== "head" && m !== "options");
      if (allow.sort().join() !== [...route.methods].sort().join()) {
        failures.push(`${where}: Allow "${a.headers.allow}" but described: ${route.methods}`);
      }
      response = contract.deref({ $ref: "#/components/responses/Problem405" });
    } else {
      const op = route.item[a.method.toLowerCase()];
      const described = op.responses[String(a.status)];
      if (!described) {
        failures.push(`${where}: status not described for ${a.method} ${route.template}`);
        continue;
      }
      response = contract.deref(described);
    }
    for (const name of Object.keys(response.headers || {})) {
      const h = contract.deref(response.headers[name]);
      if (h.required && !a.headers[name.toLowerCase()]) failures.push(`${where}: header ${name} missing`);
    }
    if (!response.content) continue;
    const mediaKey = Object.keys(response.content).find((k) => k.split(";")[0].trim() === contentType);
    if (!mediaKey) {
      failures.push(`${where}: content type "${contentType}" not described (${Object.keys(response.content)})`);
      continue;
    }
    const schema = response.content[mediaKey].schema;
    let values;
    if (contentType === "application/json" || contentType === "application/problem+json") {
      try { values = [JSON.parse(a.body.toString("utf8"))]; } catch { failures.push(`${where}: body is not JSON`); continue; }
    } else if (contentType === "application/x-ndjson") {
      values = a.body.toString("utf8").split("\n").filter((l) => l).map((l) => JSON.parse(l));
    } else if (contentType.startsWith("text/plain") && schema.$ref) {
      values = [a.body.toString("utf8")];
    } else {
      continue;  // binary tiles, metrics text, event streams: media type checked above
    }
    for (const v of values) {
      const { ok, errors } = contract.check(schema, v);
      if (!ok) failures.push(`${where}: body does not validate: ${errors}`);
    }
    if (contentType === "application/problem+json" && values[0].status !== a.status) {
      failures.push(`${where}: problem says status ${values[0].status}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("operations view: queues, counts, live figures, the dashboard page", async () => {
  const op = tokens.operator;
  const queues = await get("/v1/ops/queues?days=30", op);
  assert.equal(queues.status, 200);
  assert.equal((await get("/v1/ops/queues?asOf=2026-02-30", op)).status, 400);
  assert.equal((await get("/v1/ops/queues", tokens[kAdvising])).status, 200);
  assert.equal((await get("/v1/ops/discrepancies", op)).status, 200);
  assert.equal((await get("/v1/ops/rejections", op)).status, 200);
  assert.equal((await get("/v1/ops/rejections", tokens[kAdvising])).status, 403);
  assert.equal((await get("/v1/ops/discrepancies")).status, 401);
  const event = await firstEvent("/v1/ops/live", op);
  assert.equal(event.status, 200);
  const figures = JSON.parse(event.text.split("\n").find((l) => l.startsWith("data:")).slice(5).trim());
  const { ok, errors } = contract.check({ $ref: "#/components/schemas/LiveFigures" }, figures);
  assert.ok(ok, `SSE data is not LiveFigures: ${errors}`);
  const page = await get("/");
  assert.equal(page.status, 200);
  assert.match(page.headers["content-type"], /^text\/html/);
});

test("every operation the document describes was called and answered", () => {
  const missing = [];
  for (const route of contract.routes) {
    for (const method of route.methods) {
      const answers = seen.filter((a) => a.method.toLowerCase() === method && contract.route(a.path.split("?")[0]) === route);
      if (answers.length === 0) missing.push(`${method.toUpperCase()} ${route.template}: never called`);
      const deep = route.template.includes("x{x1}");  // tiles past 256 x 1000 entries do not exist here
      if (!deep && !answers.some((a) => a.status >= 200 && a.status < 300)) {
        missing.push(`${method.toUpperCase()} ${route.template}: never answered 2xx`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
