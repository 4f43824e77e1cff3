// Builds schemas/openapi.json, the OpenAPI 3.1 description of lcproc's REST API, from
// this file and the document JSON Schemas in schemas/json/ (embedded under
// components.schemas, with their "#/$defs/..." references rewritten to point into the
// embedded copy), so the server can serve one self-contained document verbatim.
//
//   node schemas/openapi/build.mjs            rewrites schemas/openapi.json
//   node schemas/openapi/build.mjs --check    exits 1 when the committed file differs
//
// The contract changes only additively once published: new optional members, new
// routes, new problem types. Never rename or remove.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(schemasDir, "openapi.json");
const read = (path) => JSON.parse(readFileSync(join(schemasDir, path), "utf8"));

// ---------------------------------------------------------------------------------------
// The document schemas, embedded.
const documentTypes = readdirSync(join(schemasDir, "json"))
  .filter((f) => f.endsWith(".schema.json"))
  .map((f) => f.slice(0, -".schema.json".length))
  .sort();

function embed(type) {
  const schema = read(`json/${type}.schema.json`);
  delete schema.$schema;
  delete schema.$id;
  const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === "object") {
      const copy = {};
      for (const [k, v] of Object.entries(node)) {
        copy[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")
          ? `#/components/schemas/${type}/$defs/${v.slice("#/$defs/".length)}`
          : rewrite(v);
      }
      return copy;
    }
    return node;
  };
  return rewrite(schema);
}

// ---------------------------------------------------------------------------------------
// Small helpers.
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const bic = { type: "string", pattern: "^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$",
              description: "ISO 9362 business identifier code, 8 or 11 characters" };
const date = { type: "string", format: "date", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };
const timestamp = { type: "string", format: "date-time",
                    description: "RFC 3339 UTC timestamp with milliseconds" };
const index = { type: "integer", minimum: 0, maximum: 9007199254740991, format: "int64" };
const hash = { type: "string", pattern: "^[A-Za-z0-9+/]{43}=$",
               description: "a SHA-256 hash in standard base64 (RFC 4648 section 4), 44 characters" };
const reasonCode = { type: "string", pattern: "^[A-Z][A-Z0-9_]*$", maxLength: 64 };
const documentType = { type: "string", enum: documentTypes };
const creditStates = ["issued", "advised", "confirmed", "presented", "discrepant", "refused",
                      "waived", "honoured", "closed", "expired", "cancelled"];
const obj = (required, properties, extra = {}) =>
  ({ type: "object", additionalProperties: false, required, properties, ...extra });

const problemBase = "https://lcproc.dev/problems/";

// Every error class: its slug (the last segment of its type URI), status, title, and when
// it is answered. The list is part of the contract; slugs never change meaning.
const problemClasses = [
  ["malformed", 400, "Malformed request",
   "The body cannot be parsed as its content type (JSON, Cap'n Proto, SWIFT MT, an NDJSON line), or a path, query parameter or header has the wrong syntax. `errors` points at each place."],
  ["unauthenticated", 401, "Authentication required",
   "No bearer token and no client certificate, or a token or certificate that maps to no bank or operator. Answered with `WWW-Authenticate: Bearer`."],
  ["invalid-signature", 401, "Invalid document signature",
   "`x-jws-signature` (or a batch line's `jws`) is missing, is not a detached compact JWS (RFC 7515 + RFC 7797, `b64: false`), names an algorithm other than ES256 or EdDSA, names an unknown, revoked or expired `kid`, or does not verify over the exact body bytes. `reasonCode` is one of MISSING_SIGNATURE, MALFORMED_SIGNATURE, UNKNOWN_KEY, REVOKED_KEY, EXPIRED_KEY, BAD_SIGNATURE. Nothing is recorded."],
  ["forbidden", 403, "Not allowed",
   "The caller may not write this: the JWS key belongs to another bank than the caller (`reasonCode` OTHER_BANK_KEY), or the caller is an operator (read-only, `reasonCode` READ_ONLY_CALLER). Nothing is recorded."],
  ["not-found", 404, "Not found",
   "No such route, or no such resource visible to the caller. A bank asking for a credit, document or ledger entry it is not a party to gets exactly this answer, so existence does not leak."],
  ["method-not-allowed", 405, "Method not allowed",
   "The route exists but not with this method. The `Allow` header lists the methods it has."],
  ["request-timeout", 408, "Request timeout",
   "The client sent the request head or body too slowly (slowloris protection). The server closes the connection after this answer."],
  ["payload-too-large", 413, "Payload too large",
   "The body (or a batch line, or the number of batch lines) exceeds the configured limit; `detail` names the limit."],
  ["unsupported-media-type", 415, "Unsupported media type",
   "The request's `Content-Type` is not one the route accepts. The `Accept-Post` header lists those it does."],
  ["invalid-document", 422, "Invalid document",
   "The body parsed but is not a valid document (a schema or format violation: a bad BIC, date, currency, country, amount, a missing or unknown member); `errors` lists each with a JSON Pointer. `reasonCode` is INVALID_DOCUMENT. When the document was authenticated it is recorded in the ledger as rejected, and `receipt` holds its receipt."],
  ["document-rejected", 422, "Document rejected",
   "The document is authentic and well formed, but the trade rules refuse it for its credit (UCP 600 and the credit's lifecycle). `reasonCode` is the stable rule code (UNKNOWN_CREDIT, DUPLICATE_CREDIT, WRONG_ROLE, OUT_OF_ORDER, CREDIT_EXPIRED, CREDIT_CLOSED, AMOUNT_BEYOND_BALANCE, UNKNOWN_REFERENCE, DUPLICATE, AGREEMENT_MISSING, ...). The rejection is recorded in the ledger: `receipt` holds the receipt with its ledger index, checkpoint and inclusion proof."],
  ["idempotency-conflict", 422, "Idempotency key reused",
   "The `Idempotency-Key` was already used by this bank for different bytes. `reasonCode` is IDEMPOTENCY_KEY_REUSED. Nothing is recorded; a retry of the original bytes still returns the original receipt."],
  ["rate-limited", 429, "Too many requests",
   "The calling bank exceeded its configured request rate. `Retry-After` says when to try again."],
  ["header-too-large", 431, "Request header fields too large",
   "The request head exceeds the configured limit. The server closes the connection after this answer."],
  ["internal", 500, "Internal error",
   "A failure the server did not expect. Nothing half-written is left behind; the request id identifies it in the server's log."],
  ["unavailable", 503, "Service unavailable",
   "The server cannot take the request now: the engine's queue is full (back-pressure), too many connections, the store cannot commit (disk full, read-only; the submission was not recorded, resubmit it), or the server is starting or shutting down. `Retry-After` says when to try again."],
  ["not-leader", 503, "Not the leader",
   "Several instances serve one PostgreSQL ledger and this one does not sequence writes now (another holds the sequencer lease); it serves every read. Nothing was recorded. `leader` and the `Lcproc-Leader` header give the leading instance's URL: send the same request there. Both are absent while no instance leads (an election is under way, a few seconds at most): retry after `Retry-After`."],
];
const problemByStatus = {};
for (const [slug, status] of problemClasses) (problemByStatus[status] ??= []).push(slug);

// ---------------------------------------------------------------------------------------
// Real-looking example data, from schemas/examples and the demo consortium.
const exampleDocs = Object.fromEntries(documentTypes.map((t) => [t, read(`examples/${t}.json`)]));
const checkpointExample =
  "lcproc.demo\n1043\nZ6XH2Qd1O0s8mSRbS5v7o2nJ4m+q8Y0VfUnqS1cJb0A=\n\n" +
  "\u2014 lcproc.demo 1Xx0KQ8q6F2b7fO4i9eQy3nFQm1b9c6kJ0u0cV3t0mY2Wl7Y2z9mS4q1k8mWbq0vQmZ6Yt4nU1k3w7xD5bq0e9q6c2R4h8sA\n";
const proofExample = [
  "Wj6bN3kT9lS0uR3zXb4eP1mQ7cV2yH8gA5dK6fJ0oLs=",
  "3q2+7wAAdGhpcyBpcyBub3QgYSByZWFsIGhhc2ggOik=",
  "kM9sV1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3y=",
];
const requestId = "01JDX3V8W4K2Q7N5M9A1B6C0D8";
// Example document ids, computed as the server does (over stand-in bytes).
const idOf = (text) => createHash("sha256").update(text).digest("base64url");
const documentId = idOf("presentation LC-2026-0042 1");
const receiptExample = {
  documentId,
  outcome: "accepted",
  documentType: "presentation",
  creditNumber: "LC-2026-0042",
  submitter: "BFTVVNVX",
  receivedAt: "2026-04-02T09:14:03.512Z",
  idempotencyKey: "BFTVVNVX-pres-LC-2026-0042-1",
  discrepancies: [],
  ledgerIndex: 1041,
  leafHash: "u5yBq0k3xF0t8C2mA7sZ1w9eR4nV6pL3hJ8gD2cK5oM=",
  treeSize: 1043,
  checkpoint: checkpointExample,
  inclusionProof: proofExample,
  duplicate: false,
};
const discrepantReceiptExample = {
  ...receiptExample,
  discrepancies: [{
    code: "LATE_SHIPMENT", article: "20(a)(ii), 29(c)", document: "billOfLading",
    field: "onBoardDate",
    message: "shipped on board 2026-04-03, after the latest date of shipment 2026-03-31",
  }],
};
const rejectedReceiptExample = {
  ...receiptExample,
  outcome: "rejected",
  reasonCode: "CREDIT_EXPIRED",
  reason: "the credit LC-2026-0042 expired on 2026-04-30",
  ledgerIndex: 1042,
};

const problemExample = (slug, detail, extra = {}) => {
  const cls = problemClasses.find((c) => c[0] === slug);
  return { type: problemBase + slug, title: cls[2], status: cls[1], detail, requestId, ...extra };
};
const problemExamples = {
  malformed: problemExample("malformed", "the body is not JSON: unexpected end of input at byte 1812",
                            { errors: [{ pointer: "", reason: "unexpected end of input at byte 1812" }] }),
  unauthenticated: problemExample("unauthenticated", "no bearer token and no client certificate"),
  "invalid-signature": problemExample("invalid-signature",
                                      "the JWS signature does not verify over the body",
                                      { reasonCode: "BAD_SIGNATURE" }),
  forbidden: problemExample("forbidden", "the JWS key belongs to COBADEHH, the caller is BFTVVNVX",
                            { reasonCode: "OTHER_BANK_KEY" }),
  "not-found": problemExample("not-found", "no credit LC-2026-9999"),
  "method-not-allowed": problemExample("method-not-allowed", "DELETE is not allowed on /v1/documents"),
  "request-timeout": problemExample("request-timeout", "the request head did not arrive within 10 s"),
  "payload-too-large": problemExample("payload-too-large", "the body exceeds 1048576 bytes"),
  "unsupported-media-type": problemExample("unsupported-media-type",
                                           "text/xml is not accepted; use application/json, application/x-capnp or application/vnd.swift.mt"),
  "invalid-document": problemExample("invalid-document", "2 members are invalid", {
    reasonCode: "INVALID_DOCUMENT",
    errors: [
      { pointer: "/drawingAmount/amount", reason: "amount must be an exact decimal string, not a number" },
      { pointer: "/presentingBank", reason: "BFTVVNV is not a BIC: 8 or 11 characters" },
    ],
  }),
  "document-rejected": problemExample("document-rejected", rejectedReceiptExample.reason,
                                      { reasonCode: "CREDIT_EXPIRED", receipt: rejectedReceiptExample }),
  "idempotency-conflict": problemExample("idempotency-conflict",
                                         "Idempotency-Key BFTVVNVX-pres-LC-2026-0042-1 was used for other bytes",
                                         { reasonCode: "IDEMPOTENCY_KEY_REUSED" }),
  "rate-limited": problemExample("rate-limited", "BFTVVNVX exceeded 500 requests per second"),
  "header-too-large": problemExample("header-too-large", "the request head exceeds 16384 bytes"),
  internal: problemExample("internal", "an unexpected failure; quote the request id"),
  unavailable: problemExample("unavailable", "the engine's queue is full"),
  "not-leader": problemExample("not-leader",
                               "this instance does not sequence writes; send them to the leader, https://lcproc-b.example:8443",
                               { leader: "https://lcproc-b.example:8443" }),
};

// ---------------------------------------------------------------------------------------
// Components: headers, parameters, responses.
const headers = {
  "X-Request-Id": {
    description: "The request id the server assigned (or the client's `X-Request-Id` when it sent a valid one: 1-64 characters of `[A-Za-z0-9._-]`). Also in every problem's `requestId` and in the server's log line.",
    required: true,
    schema: { type: "string", pattern: "^[A-Za-z0-9._-]{1,64}$" },
  },
  "Retry-After": {
    description: "Seconds to wait before retrying (RFC 9110 section 10.2.3).",
    required: true,
    schema: { type: "integer", minimum: 0 },
  },
  Allow: {
    description: "The methods the route has (RFC 9110 section 10.2.1).",
    required: true,
    schema: { type: "string" },
  },
  "Accept-Post": {
    description: "The media types the route accepts (RFC 9110 section 15.5.16 via the Accept-Post header of RFC 5023 / W3C LDP).",
    schema: { type: "string" },
  },
  "WWW-Authenticate": {
    description: "`Bearer realm=\"lcproc\"` (RFC 6750).",
    schema: { type: "string" },
  },
  Location: {
    description: "The document's status resource, `/v1/documents/{id}`.",
    required: true,
    schema: { type: "string", format: "uri-reference" },
  },
  "Preference-Applied": {
    description: "`respond-async` when the server honoured `Prefer: respond-async` (RFC 7240).",
    schema: { type: "string", enum: ["respond-async"] },
  },
  "Lcproc-Leader": {
    description: "On a 503 `not-leader`: the URL of the instance that sequences writes now (its `--advertise-url`). Absent while no instance leads.",
    schema: { type: "string", format: "uri" },
  },
  "Cache-Control": {
    description: "`public, max-age=31536000, immutable` for full tiles; `no-cache` for partial tiles and checkpoints.",
    schema: { type: "string" },
  },
};
const withRequestId = (extra = {}) => ({ "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" }, ...extra });
const hdr = (name) => ({ $ref: `#/components/headers/${name}` });

const problemResponse = (status) => {
  const slugs = problemByStatus[status];
  const extraHeaders = {};
  if (status === 401) extraHeaders["WWW-Authenticate"] = hdr("WWW-Authenticate");
  if (status === 405) extraHeaders.Allow = hdr("Allow");
  if (status === 415) extraHeaders["Accept-Post"] = hdr("Accept-Post");
  if (status === 429 || status === 503) extraHeaders["Retry-After"] = hdr("Retry-After");
  if (status === 503) extraHeaders["Lcproc-Leader"] = hdr("Lcproc-Leader");
  return {
    description: slugs.map((s) => `\`${problemBase}${s}\`: ${problemClasses.find((c) => c[0] === s)[3]}`).join("\n\n"),
    headers: withRequestId(extraHeaders),
    content: {
      "application/problem+json": {
        schema: ref("Problem"),
        examples: Object.fromEntries(slugs.map((s) => [s, { value: problemExamples[s] }])),
      },
    },
  };
};
const problemResponses = Object.fromEntries(
  Object.keys(problemByStatus).map((status) => [`Problem${status}`, problemResponse(Number(status))]));
const problems = (...statuses) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/Problem${s}` }]));

// Answers any route may give: the head too slow or too large, the bank over its rate, the
// server overloaded or failing.
const commonErrors = [408, 429, 431, 500, 503];
const readErrors = (...more) => problems(...[400, 401, 404, ...more, ...commonErrors].sort((a, b) => a - b));
const publicErrors = (...more) => problems(...[...more, 404, ...commonErrors].sort((a, b) => a - b));

const limitParam = (def, max) => ({
  name: "limit", in: "query", required: false,
  description: `How many items at most (1..${max}, default ${def}).`,
  schema: { type: "integer", minimum: 1, maximum: max, default: def },
});

const json = (schema, examples) => ({
  "application/json": { schema, ...(examples ? { examples } : {}) },
});
const ok = (description, schema, examples, extraHeaders = {}) => ({
  description, headers: withRequestId(extraHeaders), content: json(schema, examples),
});

const securityPrivate = [{ bearerAuth: [] }, { mutualTLS: [] }];
const securityPublic = [{}, { bearerAuth: [] }, { mutualTLS: [] }];

// ---------------------------------------------------------------------------------------
// Schemas of the API's own objects.
const schemas = {
  Document: {
    description: "One trade document in its JSON form (application/json); `type` names which.",
    type: "object",
    required: ["type"],
    properties: { type: documentType },
    oneOf: documentTypes.map(ref),
    // No explicit mapping: each component is named after its `type` value, OpenAPI's
    // implicit mapping (and ajv reads the `const` of each alternative).
    discriminator: { propertyName: "type" },
  },
  Money: obj(["currency", "amount"], {
    currency: { type: "string", pattern: "^[A-Z]{3}$", description: "ISO 4217 code" },
    amount: { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?$",
              description: "exact decimal, at most the currency's minor units; never a JSON number" },
  }),
  Discrepancy: obj(["code", "article", "document", "field", "message"], {
    code: { ...reasonCode, description: "stable UCP 600 rule code, e.g. LATE_SHIPMENT (README, For trade operations)" },
    article: { type: "string", description: "the UCP 600 article(s), e.g. \"20(a)(ii), 29(c)\"" },
    document: { type: "string", description: "the document it was found in: presentation, commercialInvoice, billOfLading, ... (may be empty)" },
    field: { type: "string", description: "the field, a JSON member name or SWIFT tag (may be empty)" },
    message: { type: "string", description: "for a person" },
  }, { description: "One UCP 600 discrepancy found on examination." }),
  Receipt: obj(["documentId", "outcome", "discrepancies", "duplicate"], {
    documentId: ref("DocumentId"),
    outcome: {
      type: "string", enum: ["accepted", "rejected", "refused"],
      description: "`accepted`: recorded and accepted by the trade rules (a presentation may still carry discrepancies: it is recorded as discrepant). `rejected`: recorded, the rules refused it (`reasonCode`). `refused`: never recorded (not authenticated, or an idempotency conflict); only seen in a batch line or an asynchronous status.",
    },
    reasonCode: { ...reasonCode, description: "Absent when accepted. The stable code of a rejection or refusal, e.g. WRONG_ROLE, CREDIT_EXPIRED, BAD_SIGNATURE." },
    reason: { type: "string", description: "Absent when accepted. The reason for a person." },
    documentType: { ...documentType, description: "Absent when the body did not decode." },
    creditNumber: { type: "string", description: "The credit the document concerns (field 20), when it decoded." },
    submitter: bic,
    receivedAt: timestamp,
    idempotencyKey: { type: "string", description: "The request's Idempotency-Key, when it had one." },
    discrepancies: { type: "array", items: ref("Discrepancy") },
    ledgerIndex: { ...index, description: "The entry's index in the ledger (recorded outcomes only)." },
    leafHash: { ...hash, description: "RFC 6962 leaf hash SHA-256(0x00 || leaf) of the entry." },
    treeSize: { ...index, minimum: 1, description: "The size of the tree `checkpoint` signs; > ledgerIndex." },
    checkpoint: ref("Checkpoint"),
    inclusionProof: {
      type: "array", items: hash, maxItems: 64,
      description: "RFC 6962 / RFC 9162 inclusion proof of `ledgerIndex` in the tree of `treeSize`, whose root hash is in `checkpoint`: audit path hashes from the leaf up.",
    },
    duplicate: {
      type: "boolean",
      description: "True when this answers a retry (same Idempotency-Key and bytes) or a replay of an already recorded signed document: the receipt is the first one's, nothing new was recorded.",
    },
  }, {
    description: "What lcproc answers for one submitted document. For a recorded document (accepted or rejected), `ledgerIndex`, `leafHash`, `treeSize`, `checkpoint` and `inclusionProof` are all present, and anyone can check the proof against the checkpoint's root and the checkpoint's signature against the log's public key.",
  }),
  DocumentId: {
    type: "string", pattern: "^[A-Za-z0-9_-]{43}$",
    description: "The document's id: base64url without padding of SHA-256(jws || \"\\n\" || body) (the ledger's replay key), so the same signed bytes always have the same id and a client can compute it before sending.",
  },
  DocumentStatus: obj(["documentId", "status"], {
    documentId: ref("DocumentId"),
    status: {
      type: "string", enum: ["pending", "done", "failed"],
      description: "`pending`: accepted for processing, not yet durable (poll again after `Retry-After`). `done`: `receipt` holds the outcome. `failed`: the engine could not make it durable (nothing recorded, `problem` says why): resubmit.",
    },
    receipt: ref("Receipt"),
    problem: ref("Problem"),
  }, {
    description: "A document's processing status. Recorded documents stay `done` for ever; the status of an asynchronous submission that was refused or failed is kept for at least 10 minutes.",
  }),
  Problem: {
    type: "object",
    description: "RFC 9457 problem details. Extension members: `requestId` (always), `errors`, `reasonCode`, `receipt`. Clients must ignore members they do not know.",
    required: ["type", "title", "status", "detail", "requestId"],
    properties: {
      type: { type: "string", format: "uri", enum: problemClasses.map((c) => problemBase + c[0]),
              description: `${problemBase}<class>: one stable URI per error class (see the API description).` },
      title: { type: "string", description: "The class's title; the same for every occurrence." },
      status: { type: "integer", enum: [...new Set(problemClasses.map((c) => c[1]))] },
      detail: { type: "string", description: "This occurrence, for a person." },
      instance: { type: "string", format: "uri-reference", description: "The request's path." },
      requestId: { type: "string", pattern: "^[A-Za-z0-9._-]{1,64}$" },
      reasonCode: { ...reasonCode, description: "The stable machine-readable reason within the class." },
      errors: {
        type: "array", maxItems: 100,
        items: {
          type: "object", additionalProperties: false, required: ["pointer", "reason"],
          properties: {
            pointer: { type: "string", description: "An RFC 6901 JSON Pointer into the request body (\"\" for the whole body); for a SWIFT MT body \"/<tag>\" (\"/32B\"); for a Cap'n Proto body, into its JSON form. For a query parameter \"#/query/<name>\", for a header \"#/headers/<name>\" (lower case)." },
            reason: { type: "string" },
          },
        },
      },
      receipt: { ...ref("Receipt"), description: "For a recorded rejection: its receipt." },
      leader: { type: "string", format: "uri", description: "For `not-leader`: the URL of the instance that sequences writes now (also in the `Lcproc-Leader` header)." },
    },
  },
  Checkpoint: {
    type: "string", minLength: 1,
    description: "A C2SP tlog-checkpoint signed note (c2sp.org/tlog-checkpoint): origin line, tree size, base64 root hash, a blank line, and one or more signature lines `\u2014 <name> <base64 key id and Ed25519 signature>`, each line ending in a newline.",
  },
  BatchLine: obj(["contentType", "jws"], {
    contentType: { type: "string", enum: ["application/json", "application/x-capnp", "application/vnd.swift.mt"] },
    body: { type: "string", description: "The exact signed bytes, as a JSON string (for application/json and application/vnd.swift.mt; the string's UTF-8 bytes are what the JWS signs)." },
    bodyBase64: { type: "string", contentEncoding: "base64", description: "The exact signed bytes in standard base64 (for application/x-capnp, or any body that is not UTF-8)." },
    jws: ref("DetachedJws"),
    idempotencyKey: ref("IdempotencyKey"),
  }, {
    description: "One line of a `documents:batch` request: exactly one of `body` and `bodyBase64`.",
    oneOf: [{ required: ["body"] }, { required: ["bodyBase64"] }],
  }),
  BatchResult: obj(["line", "status"], {
    line: { type: "integer", minimum: 1, description: "The request line this answers (1-based)." },
    status: { type: "integer", enum: [201, 400, 401, 403, 413, 415, 422, 503],
              description: "The status a single POST /v1/documents would have had." },
    receipt: ref("Receipt"),
    problem: ref("Problem"),
  }, { description: "One line of a `documents:batch` answer, in request order: `receipt` for 201, `problem` otherwise (a rejection's problem holds its receipt)." }),
  DetachedJws: {
    type: "string", pattern: "^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$", maxLength: 8192,
    description: "A detached compact JWS (RFC 7515 appendix F, RFC 7797 `b64: false` with `crit: [\"b64\"]`): `<protected header>..<signature>`. `alg` ES256 or EdDSA, `kid` one of the submitting bank's keys (GET /v1/participants). Open Banking's `http://openbanking.org.uk/iat`, `/iss` and `/tan` header claims are NOT accepted: `crit` must be exactly `[\"b64\"]`, and a header naming any other critical parameter is refused (RFC 7515 section 4.1.11) with 401 invalid-signature, reasonCode MALFORMED_SIGNATURE. The caller's identity comes from the connection (token or client certificate) and the key's owner in the registry, and the receive time is the server's; `iss`/`iat` would add nothing the ledger relies on.",
  },
  IdempotencyKey: {
    type: "string", pattern: "^[\\x21-\\x7E]{1,255}$",
    description: "1-255 visible ASCII characters chosen by the client, unique per bank.",
  },
  Credit: obj(["reference", "state", "parties", "terms", "amounts", "deadlines", "amendments", "presentations", "timeline"], {
    reference: { type: "string", description: "The credit number (field 20)." },
    state: { type: "string", enum: creditStates },
    parties: obj(["issuingBank"], {
      issuingBank: bic, advisingBank: bic, confirmingBank: bic, nominatedBank: bic,
      beneficiaryBank: bic,
    }),
    terms: { ...ref("letterOfCredit"), description: "The terms in force: the credit as issued with every accepted amendment applied (UCP 600 art. 10)." },
    amounts: obj(["maximum", "drawn", "paid", "available"], {
      maximum: { ...ref("Money"), description: "The amount plus the 39A plus tolerance (or +10% for \"about\", art. 30(a))." },
      drawn: { ...ref("Money"), description: "Drawings of presentations not refused." },
      paid: ref("Money"),
      available: { ...ref("Money"), description: "maximum - drawn: what a further presentation may draw." },
    }),
    deadlines: obj(["expiryDate", "effectiveExpiryDate", "presentations"], {
      expiryDate: { ...date, description: "31D as in force." },
      expiryPlace: { type: "string" },
      effectiveExpiryDate: { ...date, description: "31D extended to the next banking day when it falls on a closing day (art. 29(a))." },
      latestShipmentDate: { ...date, description: "44C, never extended (art. 29(c))." },
      presentations: {
        type: "array", description: "The art. 14(b) examination deadline of each presentation.",
        items: obj(["presentationNumber", "presentedOn", "examinationDeadline"], {
          presentationNumber: { type: "integer", minimum: 1 },
          presentedOn: date,
          examinationDeadline: { ...date, description: "Five banking days following the day of presentation (art. 14(b))." },
          open: { type: "boolean", description: "True while the presentation is neither refused nor honoured." },
        }),
      },
    }),
    amendments: {
      type: "array",
      items: obj(["amendmentNumber", "status"], {
        amendmentNumber: { type: "integer", minimum: 1 },
        status: { type: "string", enum: ["pending", "accepted", "rejected"] },
        decidedOn: date,
      }),
    },
    presentations: {
      type: "array",
      items: obj(["presentationNumber", "presentedOn", "drawing", "status", "examinationDeadline", "discrepancies"], {
        presentationNumber: { type: "integer", minimum: 1 },
        presentingBank: bic,
        presentedOn: date,
        drawing: ref("Money"),
        status: { type: "string", enum: ["compliant", "discrepant", "refused", "waived", "honoured"] },
        examinationDeadline: { ...date, description: "art. 14(b)" },
        discrepancies: { type: "array", items: ref("Discrepancy") },
        refusedOn: date,
        refusedAfterDeadline: { type: "boolean", description: "Refused after the art. 14(b) deadline: precluded under art. 16(f)." },
        paid: ref("Money"),
        paidOn: date,
      }),
    },
    timeline: {
      type: "array", description: "Every ledger entry of this credit, in ledger order (accepted and rejected).",
      items: ref("TimelineEntry"),
    },
    treeSize: { ...index, description: "The ledger size this view was read at." },
  }, { description: "A credit as lcproc knows it now, for its parties and operators." }),
  TimelineEntry: obj(["ledgerIndex", "documentId", "documentType", "submitter", "receivedAt", "outcome"], {
    ledgerIndex: index,
    documentId: ref("DocumentId"),
    documentType,
    submitter: bic,
    receivedAt: timestamp,
    outcome: { type: "string", enum: ["accepted", "rejected"] },
    reasonCode,
    discrepancies: { type: "array", items: { ...reasonCode, description: "a discrepancy code" } },
  }),
  CreditSummary: obj(["reference", "state", "parties"], {
    reference: { type: "string" },
    state: { type: "string", enum: creditStates },
    parties: { type: "array", items: bic, description: "Every bank party to the credit." },
  }),
  CreditPage: obj(["items", "nextCursor"], {
    items: { type: "array", items: ref("CreditSummary") },
    nextCursor: { type: ["string", "null"], maxLength: 512,
                  description: "Opaque; pass as `cursor` for the next page. null on the last page." },
  }),
  InboxItem: obj(["cursor", "ledgerIndex", "documentId", "creditNumber", "documentType", "submitter", "receivedAt", "outcome", "roles"], {
    cursor: { type: "string", maxLength: 512, description: "Opaque; resume after this item (`after`, or SSE `Last-Event-ID`)." },
    ledgerIndex: index,
    documentId: ref("DocumentId"),
    creditNumber: { type: "string" },
    documentType,
    submitter: bic,
    receivedAt: timestamp,
    outcome: { type: "string", enum: ["accepted", "rejected"] },
    reasonCode,
    discrepancies: { type: "array", items: ref("Discrepancy") },
    roles: {
      type: "array", items: { type: "string", enum: ["issuing", "advising", "confirming", "nominated", "beneficiary", "reimbursing", "operator"] },
      description: "The caller's roles in this credit (why it is in the caller's inbox).",
    },
    creditState: { type: "string", enum: creditStates, description: "The credit's state after this entry." },
  }, { description: "A ledger entry that concerns the caller: a document another bank submitted for a credit the caller is a party to." }),
  InboxPage: obj(["items", "nextCursor"], {
    items: { type: "array", items: ref("InboxItem") },
    nextCursor: { type: "string", maxLength: 512,
                  description: "Opaque; always present: pass as `after` to get what comes next (the same value again when nothing new arrived)." },
  }),
  InclusionProof: obj(["index", "treeSize", "hashes"], {
    index,
    treeSize: { ...index, minimum: 1 },
    leafHash: hash,
    hashes: { type: "array", items: hash, maxItems: 64 },
    checkpoint: { ...ref("Checkpoint"), description: "The signed checkpoint of `treeSize`, when a batch ended there." },
  }),
  ConsistencyProof: obj(["from", "to", "hashes"], {
    from: { ...index, minimum: 1 },
    to: { ...index, minimum: 1 },
    hashes: { type: "array", items: hash, maxItems: 128 },
  }),
  LedgerEntry: obj(["index", "leaf", "leafHash", "submitter", "contentType", "receivedAt", "jws", "outcome", "reasonCode", "discrepancies"], {
    index,
    leaf: { type: "string", contentEncoding: "base64", description: "The exact leaf bytes (version 1 encoding, readme-engine.md), standard base64: hash them to check `leafHash`." },
    leafHash: hash,
    documentId: ref("DocumentId"),
    creditNumber: { type: "string" },
    documentType,
    submitter: bic,
    contentType: { type: "string" },
    receivedAt: timestamp,
    idempotencyKey: { type: "string" },
    body: { type: "string", description: "The signed bytes as a string, when they are UTF-8 (JSON, SWIFT MT)." },
    bodyBase64: { type: "string", contentEncoding: "base64", description: "The signed bytes, standard base64 (always present for Cap'n Proto)." },
    jws: ref("DetachedJws"),
    outcome: { type: "string", enum: ["accepted", "rejected"] },
    reasonCode: { type: "string", description: "\"ok\" when accepted, else the engine's status code name (e.g. failed_precondition)." },
    reason: { type: "string" },
    discrepancies: { type: "array", items: { type: "string" }, description: "As recorded in the leaf: \"CODE art. ARTICLE document.field: message\"." },
  }, { description: "One ledger entry's contents, for the parties of its credit and operators." }),
  Participants: obj(["banks"], {
    banks: {
      type: "array",
      items: obj(["bic", "name", "roles", "keys"], {
        bic, name: { type: "string" },
        roles: { type: "array", items: { type: "string" } },
        keys: {
          type: "array",
          items: obj(["kid", "alg", "publicKeyPem", "revoked"], {
            kid: { type: "string", pattern: "^[A-Za-z0-9_-]{43}$", description: "base64url SHA-256 of the DER SubjectPublicKeyInfo" },
            alg: { type: "string", enum: ["ES256", "EdDSA"] },
            publicKeyPem: { type: "string", pattern: "^-----BEGIN PUBLIC KEY-----\n" },
            notBefore: timestamp,
            notAfter: timestamp,
            revoked: { type: "boolean" },
          }),
        },
      }),
    },
    logKey: { type: "string", description: "The checkpoint signer's verifier key (C2SP signed-note vkey `<name>+<hash>+<base64>`), to check checkpoints." },
  }),
  Health: obj(["status"], { status: { type: "string", enum: ["ok", "ready"] } }),
  Ready: obj(["status", "leading"], {
    status: { type: "string", enum: ["ready"] },
    leading: { type: "boolean", description: "Whether this instance sequences writes. One instance alone always does; of several over one PostgreSQL ledger, the one holding the sequencer lease does, and the others (ready too: they serve every read) answer writes 503 `not-leader`." },
    leader: { type: "string", format: "uri", description: "The leading instance's URL (this one's when `leading`); absent while none is known." },
  }),
};
for (const t of documentTypes) schemas[t] = embed(t);

// ---------------------------------------------------------------------------------------
// Paths.
const jwsHeader = {
  name: "x-jws-signature", in: "header", required: true,
  description: "The detached JWS over the exact body bytes. A missing or bad one is answered 401 invalid-signature.",
  schema: ref("DetachedJws"),
};
const idemHeader = {
  name: "Idempotency-Key", in: "header", required: false,
  description: "Makes retries safe: a retry with the same key and the same bytes returns the first receipt (201, `duplicate: true`); the same key with other bytes is refused (422 idempotency-conflict). Keys are kept for ever (they are in the ledger).",
  schema: ref("IdempotencyKey"),
};
const preferHeader = {
  name: "Prefer", in: "header", required: false,
  description: "`respond-async` (RFC 7240): answer 202 with a `Location` to poll as soon as the document is queued, instead of 201 once its batch is durable.",
  schema: { type: "string" }, example: "respond-async",
};
const receiptResponse = (description) => ({
  description,
  headers: withRequestId({ Location: hdr("Location") }),
  content: json(ref("Receipt"), {
    accepted: { value: receiptExample },
    discrepant: { summary: "a presentation recorded as discrepant", value: discrepantReceiptExample },
  }),
});

const tileParams = (groups, partial) => {
  const params = [{ name: "level", in: "path", required: true, description: "Tile level L (0-63).",
                    schema: { type: "integer", minimum: 0, maximum: 63 } }];
  for (let g = groups; g >= 1; g--) {
    params.push({ name: `x${g}`, in: "path", required: true,
                  description: "A higher 3-digit group of the tile index N (C2SP tlog-tiles: `x` and three digits).",
                  schema: { type: "string", pattern: "^[0-9]{3}$" } });
  }
  params.push({ name: "n", in: "path", required: true,
                description: "The last 3-digit group of the tile index N.",
                schema: { type: "string", pattern: "^[0-9]{3}$" } });
  if (partial) {
    params.push({ name: "width", in: "path", required: true, description: "Partial tile width W (1-255).",
                  schema: { type: "integer", minimum: 1, maximum: 255 } });
  }
  return params;
};
const tilePaths = {};
for (const groups of [0, 1, 2, 3]) {
  for (const partial of [false, true]) {
    const prefix = Array.from({ length: groups }, (_, i) => `x{x${groups - i}}/`).join("");
    const path = `/v1/ledger/tile/{level}/${prefix}{n}${partial ? ".p/{width}" : ""}`;
    tilePaths[path] = {
      get: {
        operationId: `getTile${partial ? "Partial" : ""}${groups}`,
        tags: ["ledger"],
        summary: `${partial ? "A partial" : "A full"} hash tile (C2SP tlog-tiles), index with ${groups + 1} digit group${groups ? "s" : ""}`,
        description: "Hash tiles of height 8 at the C2SP tlog-tiles paths: `tile/<L>/<N>[.p/<W>]`, N in 3-digit groups each but the last prefixed with `x` (N=1234067 is `x001/x234/067`). Public. A full tile never changes (`Cache-Control: immutable`). Entry bundles (`tile/entries/...`) are NOT published: entries hold documents that only their credit's parties may read, so auditors get leaf hashes from level-0 tiles and parties get contents from GET /v1/ledger/entries/{index}.",
        security: securityPublic,
        parameters: tileParams(groups, partial),
        responses: {
          200: {
            description: `The tile: ${partial ? "W" : "256"} consecutive 32-byte hashes.`,
            headers: withRequestId({ "Cache-Control": hdr("Cache-Control") }),
            content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
          },
          ...publicErrors(400),
        },
      },
    };
  }
}

const money = obj(["currency", "amount"], { currency: { type: "string", pattern: "^[A-Z]{3}$" }, amount: { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?$" } });
const queueOf = (item) => obj(["total", "items"], { total: { type: "integer", minimum: 0 }, items: { type: "array", items: item } });
const queuedPresentation = obj(
  ["creditNumber", "presentationNumber", "presentingBank", "presentedOn", "drawing", "status", "examinationDeadline", "bankingDaysLeft", "overdue", "discrepancies"],
  {
    creditNumber: { type: "string" }, presentationNumber: { type: "integer" }, presentingBank: bic, presentedOn: date,
    drawing: money, status: { type: "string", enum: ["compliant", "discrepant", "waived"] },
    examinationDeadline: { ...date, description: "Art. 14(b): the fifth banking day following presentation." },
    refusalNoticeDeadline: { ...date, description: "Art. 16(d): the notice of refusal is due by the close of this day." },
    bankingDaysLeft: { type: "integer", description: "Banking days after asOf up to the deadline; negative when overdue." },
    overdue: { type: "boolean" },
    discrepancies: { type: "array", items: obj(["code", "article"], { code: reasonCode, article: { type: "string" } }) },
  });
const opsSchemas = {
  WorkQueues: obj(["asOf", "generatedAt", "treeSize", "expiringWithinDays", "overdue", "examination", "discrepant", "amendments", "expiring"], {
    asOf: date, generatedAt: timestamp, treeSize: index, expiringWithinDays: { type: "integer" }, overdue: { type: "integer", minimum: 0 },
    examination: queueOf(queuedPresentation), discrepant: queueOf(queuedPresentation),
    amendments: queueOf(obj(["creditNumber", "amendmentNumber", "dateOfAmendment", "daysWaiting"], {
      creditNumber: { type: "string" }, amendmentNumber: { type: "integer" }, dateOfAmendment: date, daysWaiting: { type: "integer", minimum: 0 } })),
    expiring: queueOf(obj(["creditNumber", "state", "expiryDate", "effectiveExpiryDate", "daysLeft", "bankingDaysLeft", "available"], {
      creditNumber: { type: "string" }, state: { type: "string", enum: creditStates }, expiryDate: date, effectiveExpiryDate: date,
      daysLeft: { type: "integer" }, bankingDaysLeft: { type: "integer" }, available: money })),
  }),
  DiscrepancyCounts: obj(["generatedAt", "treeSize", "presentations", "discrepancies", "byCode", "byPresentingBank", "byDay"], {
    generatedAt: timestamp, treeSize: index, presentations: { type: "integer" }, discrepancies: { type: "integer" },
    byCode: { type: "array", items: obj(["code", "article", "count"], { code: reasonCode, article: { type: "string" }, count: { type: "integer" } }) },
    byPresentingBank: { type: "array", items: obj(["presentingBank", "presentations", "discrepantPresentations", "discrepancies"], {
      presentingBank: bic, presentations: { type: "integer" }, discrepantPresentations: { type: "integer" }, discrepancies: { type: "integer" } }) },
    byDay: { type: "array", items: obj(["date", "discrepancies"], { date, discrepancies: { type: "integer" } }) },
  }),
  RejectionCounts: obj(["generatedAt", "treeSize", "bySubmitter", "byReason", "recorded", "refused"], {
    generatedAt: timestamp, treeSize: index,
    bySubmitter: { type: "array", items: obj(["submitter", "rejected", "refused"], { submitter: { type: "string" }, rejected: { type: "integer" }, refused: { type: "integer" } }) },
    byReason: { type: "array", items: obj(["reason", "rejected", "refused"], { reason: reasonCode, rejected: { type: "integer" }, refused: { type: "integer" } }) },
    recorded: { type: "array", items: obj(["reason", "submitter", "count"], { reason: reasonCode, submitter: { type: "string" }, count: { type: "integer" } }) },
    refused: { type: "array", items: obj(["reason", "submitter", "count"], { reason: reasonCode, submitter: { type: "string" }, count: { type: "integer" } }) },
  }),
  LiveFigures: obj(["seq", "at", "atMillis", "receivedPerSecond", "acceptedPerSecond", "rejectedPerSecond", "refusedPerSecond",
                    "overloadedPerSecond", "batchesPerSecond", "batchSizeMean", "ackP50Seconds", "ackP99Seconds", "inFlight",
                    "maxInFlight", "ledgerEntries", "checkpointAgeSeconds"], {
    seq: { type: "integer" }, at: timestamp, atMillis: { type: "integer" },
    receivedPerSecond: { type: "number", description: "documents/s" }, acceptedPerSecond: { type: "number" }, rejectedPerSecond: { type: "number" },
    refusedPerSecond: { type: "number" }, overloadedPerSecond: { type: "number" }, batchesPerSecond: { type: "number" },
    batchSizeMean: { type: ["number", "null"], description: "documents per batch committed in the last second" },
    ackP50Seconds: { type: ["number", "null"] }, ackP99Seconds: { type: ["number", "null"] },
    inFlight: { type: "integer" }, maxInFlight: { type: "integer" }, ledgerEntries: index, checkpointAgeSeconds: { type: "number" },
  }),
};
Object.assign(schemas, opsSchemas);

const paths = {
  "/v1/documents": {
    post: {
      operationId: "submitDocument",
      tags: ["documents"],
      summary: "Submit one signed document",
      description: "The body is one trade document in the named content type, signed by the caller's bank (detached JWS in `x-jws-signature`). Answered 201 with the receipt once the document's batch is durable (the checkpoint covering it and the inclusion proof are in the receipt); 422 document-rejected (with the receipt) when recorded as rejected; 202 with `Prefer: respond-async`.",
      security: securityPrivate,
      parameters: [jwsHeader, idemHeader, preferHeader],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: ref("Document"),
            examples: Object.fromEntries(documentTypes.map((t) => [t, { value: exampleDocs[t] }])),
          },
          "application/x-capnp": {
            schema: { type: "string", format: "binary", description: "A `Document` message of schemas/trade.capnp, single segment or the standard segment framing (not packed)." },
          },
          "application/vnd.swift.mt": {
            schema: { type: "string", description: "A SWIFT MT message (MT700 issuance, MT707 amendment, ...), blocks 1-5 or text block 4 alone." },
          },
        },
      },
      responses: {
        201: receiptResponse("Recorded and durable: the receipt. Also the answer to a retry (same key, same bytes) with `duplicate: true`."),
        202: {
          description: "With `Prefer: respond-async`: queued. Poll `Location`.",
          headers: withRequestId({ Location: hdr("Location"), "Retry-After": hdr("Retry-After"),
                                   "Preference-Applied": hdr("Preference-Applied") }),
          content: json(ref("DocumentStatus"), { pending: { value: { documentId, status: "pending" } } }),
        },
        ...problems(400, 401, 403, 404, 413, 415, 422, ...commonErrors),
      },
    },
  },
  "/v1/documents:batch": {
    post: {
      operationId: "submitBatch",
      tags: ["documents"],
      summary: "Submit many signed documents (NDJSON)",
      description: "The bulk loader's fast path: one `BatchLine` a line (application/x-ndjson), each with its own content type, body, JWS and idempotency key. Answered 200 once every line is durable or refused, with one `BatchResult` a line in request order. A line is judged exactly as a single POST /v1/documents would be; a bad line never fails the others. At most 1000 lines (413 payload-too-large beyond).",
      security: securityPrivate,
      requestBody: {
        required: true,
        content: {
          "application/x-ndjson": {
            schema: ref("BatchLine"),
            example: JSON.stringify({ contentType: "application/json", body: JSON.stringify(exampleDocs.presentation), jws: "eyJhbGciOiJFUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il0sImtpZCI6InE0S2JfM2pQIn0..MEUCIQDx", idempotencyKey: "BFTVVNVX-pres-LC-2026-0042-1" }) + "\n",
          },
        },
      },
      responses: {
        200: {
          description: "One `BatchResult` a line, in request order.",
          headers: withRequestId(),
          content: {
            "application/x-ndjson": {
              schema: ref("BatchResult"),
              example: JSON.stringify({ line: 1, status: 201, receipt: receiptExample }) + "\n",
            },
          },
        },
        ...problems(400, 401, 403, 413, 415, ...commonErrors),
      },
    },
  },
  "/v1/documents/{id}": {
    get: {
      operationId: "getDocument",
      tags: ["documents"],
      summary: "A document's status and receipt",
      description: "Visible to the bank that submitted it, the banks party to its credit, and operators; 404 for anyone else.",
      security: securityPrivate,
      parameters: [{ name: "id", in: "path", required: true, schema: ref("DocumentId") }],
      responses: {
        200: ok("The status; `receipt` once done.", ref("DocumentStatus"), {
          done: { value: { documentId, status: "done", receipt: receiptExample } },
          pending: { value: { documentId, status: "pending" } },
        }, { "Retry-After": { description: "Seconds to wait before polling again; sent while pending only.", required: false, schema: { type: "integer", minimum: 0 } } }),
        ...readErrors(),
      },
    },
  },
  "/v1/credits/{reference}": {
    get: {
      operationId: "getCredit",
      tags: ["credits"],
      summary: "A credit: terms in force, state, balance, deadlines, timeline",
      description: "For the banks party to the credit (issuing, advising, confirming, nominated, beneficiary's bank) and operators; 404 for anyone else, as for a credit that does not exist.",
      security: securityPrivate,
      parameters: [{ name: "reference", in: "path", required: true, description: "The credit number (field 20), percent-encoded.",
                     schema: { type: "string", minLength: 1, maxLength: 16 } }],
      responses: {
        200: ok("The credit.", ref("Credit"), { credit: { value: {
          reference: "LC-2026-0042",
          state: "presented",
          parties: { issuingBank: "COBADEHH", advisingBank: "BFTVVNVX", nominatedBank: "BFTVVNVX" },
          terms: exampleDocs.letterOfCredit,
          amounts: {
            maximum: { currency: "USD", amount: "131250.00" },
            drawn: { currency: "USD", amount: "125000.00" },
            paid: { currency: "USD", amount: "0.00" },
            available: { currency: "USD", amount: "6250.00" },
          },
          deadlines: {
            expiryDate: "2026-04-30", expiryPlace: "HO CHI MINH CITY",
            effectiveExpiryDate: "2026-04-30", latestShipmentDate: "2026-03-31",
            presentations: [{ presentationNumber: 1, presentedOn: "2026-04-02", examinationDeadline: "2026-04-09", open: true }],
          },
          amendments: [],
          presentations: [{
            presentationNumber: 1, presentingBank: "BFTVVNVX", presentedOn: "2026-04-02",
            drawing: { currency: "USD", amount: "125000.00" }, status: "compliant",
            examinationDeadline: "2026-04-09", discrepancies: [],
          }],
          timeline: [
            { ledgerIndex: 17, documentId: idOf("letterOfCredit LC-2026-0042"), documentType: "letterOfCredit", submitter: "COBADEHH", receivedAt: "2026-01-15T08:00:01.120Z", outcome: "accepted" },
            { ledgerIndex: 212, documentId: idOf("advice LC-2026-0042"), documentType: "advice", submitter: "BFTVVNVX", receivedAt: "2026-01-16T10:30:00.004Z", outcome: "accepted" },
            { ledgerIndex: 1041, documentId, documentType: "presentation", submitter: "BFTVVNVX", receivedAt: "2026-04-02T09:14:03.512Z", outcome: "accepted" },
          ],
          treeSize: 1043,
        } } }),
        ...readErrors(),
      },
    },
  },
  "/v1/credits": {
    get: {
      operationId: "listCredits",
      tags: ["credits"],
      summary: "The credits the caller is party to, a page at a time",
      description: "Ordered by reference. The cursor is opaque and stable under concurrent writes: a credit present throughout the listing appears exactly once.",
      security: securityPrivate,
      parameters: [
        { name: "party", in: "query", required: false, description: "Only credits this bank is a party to.", schema: bic },
        { name: "state", in: "query", required: false, description: "Only credits in this state.", schema: { type: "string", enum: creditStates } },
        { name: "cursor", in: "query", required: false, description: "`nextCursor` of the previous page.", schema: { type: "string", maxLength: 512 } },
        limitParam(100, 1000),
      ],
      responses: {
        200: ok("A page.", ref("CreditPage"), { page: { value: {
          items: [{ reference: "LC-2026-0042", state: "presented", parties: ["BFTVVNVX", "COBADEHH"] }],
          nextCursor: "Y3JlZGl0OkxDLTIwMjYtMDA0Mg",
        } } }),
        ...readErrors(),
      },
    },
  },
  "/v1/inbox": {
    get: {
      operationId: "getInbox",
      tags: ["inbox"],
      summary: "Ledger entries that concern the caller, in ledger order",
      description: "Every entry of a credit the caller's bank is a party to, submitted by another bank, in ledger order (an operator sees every entry). An advising bank learns of a credit issued to it, an issuing bank of a presentation and its examination, a beneficiary's bank of a payment. Resume with `after` = the last `nextCursor`.",
      security: securityPrivate,
      parameters: [
        { name: "after", in: "query", required: false, description: "A `nextCursor` or an item's `cursor`; absent: from the start of the ledger.", schema: { type: "string", maxLength: 512 } },
        limitParam(100, 1000),
      ],
      responses: {
        200: ok("A page; empty when nothing new.", ref("InboxPage"), { page: { value: {
          items: [{
            cursor: "aW5ib3g6MTA0MQ", ledgerIndex: 1041, documentId, creditNumber: "LC-2026-0042",
            documentType: "presentation", submitter: "BFTVVNVX", receivedAt: "2026-04-02T09:14:03.512Z",
            outcome: "accepted", discrepancies: [], roles: ["issuing"], creditState: "presented",
          }],
          nextCursor: "aW5ib3g6MTA0MQ",
        } } }),
        ...readErrors(),
      },
    },
  },
  "/v1/inbox/stream": {
    get: {
      operationId: "streamInbox",
      tags: ["inbox"],
      summary: "The inbox as Server-Sent Events",
      description: "The same items as GET /v1/inbox, live: each as an event `entry` whose `id` is the item's cursor and whose `data` is the InboxItem JSON on one line. Resumes after `Last-Event-ID` (or `after`). A comment line `: keep-alive` every 15 s. The server ends the stream on shutdown; clients reconnect with `Last-Event-ID`.",
      security: securityPrivate,
      parameters: [
        { name: "Last-Event-ID", in: "header", required: false, schema: { type: "string", maxLength: 512 } },
        { name: "after", in: "query", required: false, schema: { type: "string", maxLength: 512 } },
      ],
      responses: {
        200: {
          description: "An event stream (text/event-stream, WHATWG HTML section 9.2).",
          headers: withRequestId(),
          content: { "text/event-stream": {
            schema: { type: "string" },
            example: `: keep-alive\n\nevent: entry\nid: aW5ib3g6MTA0MQ\ndata: {"cursor":"aW5ib3g6MTA0MQ","ledgerIndex":1041,"documentId":"${documentId}","creditNumber":"LC-2026-0042","documentType":"presentation","submitter":"BFTVVNVX","receivedAt":"2026-04-02T09:14:03.512Z","outcome":"accepted","discrepancies":[],"roles":["issuing"]}\n\n`,
          } },
        },
        ...readErrors(),
      },
    },
  },
  "/v1/ledger/checkpoint": {
    get: {
      operationId: "getCheckpoint",
      tags: ["ledger"],
      summary: "The latest signed checkpoint (C2SP tlog-checkpoint)",
      security: securityPublic,
      responses: {
        200: {
          description: "The signed note.",
          headers: withRequestId({ "Cache-Control": hdr("Cache-Control") }),
          content: { "text/plain; charset=utf-8": { schema: ref("Checkpoint"), example: checkpointExample } },
        },
        ...publicErrors(),
      },
    },
  },
  ...tilePaths,
  "/v1/ledger/proof/inclusion": {
    get: {
      operationId: "getInclusionProof",
      tags: ["ledger"],
      summary: "An inclusion proof (RFC 9162 section 2.1.3)",
      description: "Public: the proof reveals hashes only.",
      security: securityPublic,
      parameters: [
        { name: "index", in: "query", required: true, schema: index },
        { name: "size", in: "query", required: true, description: "A tree size, index < size <= the current size.", schema: { ...index, minimum: 1 } },
      ],
      responses: {
        200: ok("The proof.", ref("InclusionProof"), { proof: { value: { index: 1041, treeSize: 1043, leafHash: receiptExample.leafHash, hashes: proofExample, checkpoint: checkpointExample } } }),
        ...publicErrors(400),
      },
    },
  },
  "/v1/ledger/proof/consistency": {
    get: {
      operationId: "getConsistencyProof",
      tags: ["ledger"],
      summary: "A consistency proof (RFC 9162 section 2.1.4)",
      security: securityPublic,
      parameters: [
        { name: "from", in: "query", required: true, description: "The older tree size, 1 <= from <= to.", schema: { ...index, minimum: 1 } },
        { name: "to", in: "query", required: true, description: "The newer tree size, at most the current size.", schema: { ...index, minimum: 1 } },
      ],
      responses: {
        200: ok("The proof.", ref("ConsistencyProof"), { proof: { value: { from: 1000, to: 1043, hashes: proofExample } } }),
        ...publicErrors(400),
      },
    },
  },
  "/v1/ledger/entries/{index}": {
    get: {
      operationId: "getLedgerEntry",
      tags: ["ledger"],
      summary: "One ledger entry's contents (parties only)",
      description: "For the bank that submitted it, the banks party to its credit, and operators; 404 for anyone else.",
      security: securityPrivate,
      parameters: [{ name: "index", in: "path", required: true, schema: index }],
      responses: {
        200: ok("The entry.", ref("LedgerEntry")),
        ...readErrors(),
      },
    },
  },
  "/v1/participants": {
    get: {
      operationId: "getParticipants",
      tags: ["participants"],
      summary: "Banks, roles and public keys",
      description: "Public, so anyone can re-verify a leaf's signature: each bank's keys with key ids, validity and revocation, and the log's checkpoint key.",
      security: securityPublic,
      responses: {
        200: ok("The registry.", ref("Participants")),
        ...publicErrors(),
      },
    },
  },
  "/v1/ops/queues": {
    get: {
      operationId: "getWorkQueues",
      tags: ["operations"],
      summary: "Work queues of trade operations, most urgent first",
      description: "Derived from the ledger by replaying each credit through the rulebook (nothing re-decided): presentations awaiting examination or a decision with their UCP 600 art. 14(b) deadline (the fifth banking day following presentation) and banking days left, overdue ones flagged; discrepant presentations awaiting the applicant's waiver or the notice of refusal (art. 16(b)-(d)); amendments awaiting the beneficiary's answer (art. 10); open credits expiring within `days`. Operators see every credit; a bank sees the credits it is party to.",
      security: securityPrivate,
      parameters: [
        { name: "asOf", in: "query", required: false, description: "The day deadlines are counted from (default: today, UTC).", schema: date },
        { name: "days", in: "query", required: false, description: "The expiring-credits window in calendar days (1..366, default 7).", schema: { type: "integer", minimum: 1, maximum: 366, default: 7 } },
        limitParam(200, 5000),
      ],
      responses: { 200: ok("The queues.", ref("WorkQueues")), ...readErrors() },
    },
  },
  "/v1/ops/discrepancies": {
    get: {
      operationId: "getDiscrepancyCounts",
      tags: ["operations"],
      summary: "Discrepancy counts by code and article, by presenting bank, by day (operators only)",
      security: securityPrivate,
      responses: { 200: ok("The counts.", ref("DiscrepancyCounts")), ...readErrors(403) },
    },
  },
  "/v1/ops/rejections": {
    get: {
      operationId: "getRejectionCounts",
      tags: ["operations"],
      summary: "Rejections and refusals by reason and submitting bank (operators only)",
      description: "`recorded`: rejections in the ledger (the rule that failed). `refused`: submissions never recorded (bad signature, unknown, revoked or another bank's key), counted since the server started.",
      security: securityPrivate,
      responses: { 200: ok("The counts.", ref("RejectionCounts")), ...readErrors(403) },
    },
  },
  "/v1/ops/live": {
    get: {
      operationId: "getLiveFigures",
      tags: ["operations"],
      summary: "Live figures as Server-Sent Events, one `figures` event a second (operators only)",
      description: "Each event's data is a LiveFigures object; the stream first replays the last five minutes (or those after `Last-Event-ID`). One snapshot a second is shared by every subscriber.",
      security: securityPrivate,
      parameters: [{ name: "Last-Event-ID", in: "header", required: false, description: "Resume after this event id.", schema: { type: "string", pattern: "^[0-9]{1,20}$" } }],
      responses: {
        200: { description: "The event stream.", headers: withRequestId(), content: { "text/event-stream": { schema: { type: "string" }, "x-event-data": ref("LiveFigures") } } },
        ...readErrors(403),
      },
    },
  },
  "/": {
    get: {
      operationId: "getDashboard",
      tags: ["operations"],
      summary: "The trade-operations dashboard (HTML page; its data needs an operator token)",
      security: securityPublic,
      responses: {
        200: { description: "The page.", headers: withRequestId(), content: { "text/html; charset=utf-8": { schema: { type: "string" } } } },
        ...publicErrors(),
      },
    },
  },
  "/healthz": {
    get: {
      operationId: "getHealth",
      tags: ["operations"],
      summary: "Liveness: the process answers",
      security: securityPublic,
      responses: { 200: ok("Alive.", ref("Health"), { ok: { value: { status: "ok" } } }), ...publicErrors() },
    },
  },
  "/readyz": {
    get: {
      operationId: "getReady",
      tags: ["operations"],
      summary: "Readiness: the store's recovery check passed and the server is not shutting down",
      description: "Leader and followers are both ready (every read is served from the store); `leading` says whether this instance takes writes.",
      security: securityPublic,
      responses: { 200: ok("Ready.", ref("Ready"), { ready: { value: { status: "ready", leading: true, leader: "https://lcproc-a.example:8443" } } }), ...publicErrors() },
    },
  },
  "/metrics": {
    get: {
      operationId: "getMetrics",
      tags: ["operations"],
      summary: "Prometheus metrics (text exposition format 0.0.4)",
      description: "Counters end in `_total`, durations are `_seconds` histograms; label values are bounded (route templates, status classes, outcomes).",
      security: securityPublic,
      responses: {
        200: {
          description: "The metrics.",
          headers: withRequestId(),
          content: { "text/plain; version=0.0.4": { schema: { type: "string" } } },
        },
        ...publicErrors(),
      },
    },
  },
  "/openapi.json": {
    get: {
      operationId: "getOpenApi",
      tags: ["operations"],
      summary: "This document",
      security: securityPublic,
      responses: {
        200: ok("The OpenAPI 3.1 document, served verbatim from schemas/openapi.json.", { type: "object" }),
        ...publicErrors(),
      },
    },
  },
};

// ---------------------------------------------------------------------------------------
const errorTable = problemClasses
  .map(([slug, status, title, when]) => `| ${status} | \`${problemBase}${slug}\` | ${title} | ${when} |`)
  .join("\n");

const doc = {
  openapi: "3.1.0",
  info: {
    title: "lcproc REST API",
    version: "1.0.0",
    summary: "Signed letter-of-credit documents in, receipts with ledger proofs out.",
    description: [
      "Banks submit signed trade documents (UCP 600 documentary credits), get a receipt with a ledger index, a signed checkpoint and an inclusion proof once the document is durable, read the credits they are party to, and follow an inbox of what other banks did to them.",
      "",
      "**Callers.** A bank authenticates with its mutual-TLS client certificate or a bearer token bound to its BIC; operators have read-only bearer tokens that see everything. Every write also carries a detached JWS of the exact body (`x-jws-signature`) by one of the caller's bank's keys (GET /v1/participants).",
      "",
      "**Privacy.** A bank reads only credits, documents and ledger entries of credits it is a party to; anything else is answered 404 exactly as for what does not exist. The ledger's checkpoints, hash tiles and proofs are public; entry contents are not (no entry bundles are published).",
      "",
      "**Errors.** Every error is RFC 9457 `application/problem+json` with a stable `type` URI per class, `https://lcproc.dev/problems/<class>`, plus `requestId`, and for validation errors `errors: [{pointer, reason}]`. Every response carries `X-Request-Id`. A route called with a method it does not have is answered 405 method-not-allowed with `Allow`; an unknown path 404 not-found.",
      "",
      "| status | type | title | when |",
      "| --- | --- | --- | --- |",
      errorTable,
      "",
      "**Compatibility.** Within /v1 the contract only grows: new optional members, routes and problem types. Clients must ignore members they do not know.",
    ].join("\n"),
    license: { name: "Proprietary", identifier: "LicenseRef-lcproc" },
  },
  jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
  servers: [{ url: "/", description: "The server this document was fetched from." }],
  security: securityPrivate,
  tags: [
    { name: "documents", description: "Signed submissions and their receipts." },
    { name: "credits", description: "Credits as their parties see them." },
    { name: "inbox", description: "What other banks did to credits the caller is party to." },
    { name: "ledger", description: "The public transparency log: checkpoints, tiles, proofs; entry contents for parties." },
    { name: "participants", description: "Banks and their keys." },
    { name: "operations", description: "Health, readiness, metrics, this document." },
  ],
  paths,
  components: {
    schemas,
    responses: problemResponses,
    headers,
    securitySchemes: {
      bearerAuth: {
        type: "http", scheme: "bearer",
        description: "A bank's token (bound to its BIC) or an operator's read-only token. Tokens are stored hashed by the server.",
      },
      mutualTLS: {
        type: "mutualTLS",
        description: "A client certificate issued by the configured client CA; its SHA-256 fingerprint maps to the bank's BIC.",
      },
    },
  },
};

const text = JSON.stringify(doc, null, 2) + "\n";
if (process.argv.includes("--check")) {
  let committed = "";
  try { committed = readFileSync(out, "utf8"); } catch { /* missing: differs */ }
  if (committed !== text) {
    console.error("schemas/openapi.json is out of date: run node schemas/openapi/build.mjs");
    process.exit(1);
  }
  console.log("ok schemas/openapi.json matches build.mjs");
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
