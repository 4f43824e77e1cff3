// Every error class of the REST API, each in its own test, against a real `lcproc serve`;
// and the access-control matrix: each role x each endpoint x own and foreign credit,
// generated as a table. Documents are signed with jose, outside C++.
import assert from "node:assert/strict";
import net from "node:net";
import { after, before, describe, test } from "node:test";
import {
  kAdvising, kBanks, kConfirming, kIssuing, makeDataDir, newCredit, problemType, raw, request, serve, sign, submit,
} from "./harness.mjs";

const ctx = {};
let tight;  // a second server with small limits: rate, connections, timeouts

before(async () => {
  Object.assign(ctx, makeDataDir());
  Object.assign(ctx, await serve(ctx.data));
  const t = makeDataDir();
  tight = { ...t, ...(await serve(t.data, ["--bank-rate", "1", "--bank-burst", "2", "--max-connections", "3",
                                           "--request-timeout", "2", "--idle-timeout", "30"])) };
});

after(async () => {
  if (ctx.stop) await ctx.stop();
  ctx.remove?.();
  if (tight?.stop) await tight.stop();
  tight?.remove?.();
});

const get = (path, token, base = ctx.base) => request(base, "GET", path, { token });

function assertProblem(answer, status, slug) {
  assert.equal(answer.status, status, answer.text);
  assert.match(answer.headers["content-type"], /^application\/problem\+json/);
  const p = answer.json();
  assert.equal(p.type, problemType(slug));
  assert.equal(p.status, status);
  assert.ok(p.title && p.detail, "title and detail");
  assert.equal(p.requestId, answer.headers["x-request-id"], "the problem names the request id of its header");
  return p;
}

describe("error classes", () => {
  test("400 malformed: a JSON body that does not parse", async () => {
    const p = assertProblem(await submit(ctx, kIssuing, "{\"type\": \"letterOfCredit\", "), 400, "malformed");
    assert.ok(Array.isArray(p.errors) && p.errors.length > 0, "errors[] points at the problem");
  });

  test("400 malformed: a SWIFT MT body that does not parse", async () => {
    assertProblem(await submit(ctx, kIssuing, "this is not an MT700", { contentType: "application/vnd.swift.mt" }),
                  400, "malformed");
  });

  test("400 malformed: a Cap'n Proto body that does not parse", async () => {
    assertProblem(await submit(ctx, kIssuing, "\u0001\u0002garbage-not-capnp", { contentType: "application/x-capnp" }),
                  400, "malformed");
  });

  test("400 malformed: query parameters with the wrong syntax", async () => {
    const p = assertProblem(await get("/v1/credits?limit=0", ctx.tokens[kIssuing]), 400, "malformed");
    assert.deepEqual(p.errors.map((e) => e.pointer), ["#/query/limit"]);
    assertProblem(await get("/v1/inbox?after=not-a-cursor", ctx.tokens[kIssuing]), 400, "malformed");
    assertProblem(await get("/v1/ledger/proof/inclusion?index=9&size=2"), 400, "malformed");
  });

  test("422 invalid-document: a schema violation names the field", async () => {
    const lc = newCredit();
    lc.issuingBank = "NOTABIC";
    const p = assertProblem(await submit(ctx, kIssuing, lc), 422, "invalid-document");
    assert.equal(p.reasonCode, "INVALID_DOCUMENT");
    assert.ok(p.errors.length >= 1);
  });

  test("422 document-rejected: WRONG_ROLE, recorded with its receipt", async () => {
    // The advising bank cannot issue a credit that names another issuing bank.
    const p = assertProblem(await submit(ctx, kAdvising, newCredit()), 422, "document-rejected");
    assert.equal(p.reasonCode, "WRONG_ROLE");
    assert.equal(p.receipt.outcome, "rejected");
    assert.ok(Number.isInteger(p.receipt.ledgerIndex), "the rejection is in the ledger");
    assert.ok(p.receipt.inclusionProof.length >= 0 && p.receipt.checkpoint.length > 0);
  });

  test("422 document-rejected: CREDIT_EXPIRED", async () => {
    const lc = newCredit();
    const day = (d) => new Date(Date.now() + d * 86400000).toISOString().slice(0, 10);
    lc.dateOfIssue = day(-200);
    lc.latestShipmentDate = day(-150);
    lc.expiryDate = day(-100);
    const p = assertProblem(await submit(ctx, kIssuing, lc), 422, "document-rejected");
    assert.equal(p.reasonCode, "CREDIT_EXPIRED");
  });

  test("401 unauthenticated: no credentials, an unknown token, a malformed Authorization", async () => {
    const p = assertProblem(await get("/v1/inbox"), 401, "unauthenticated");
    assert.ok(p);
    assertProblem(await get("/v1/inbox", "lcp_unknown"), 401, "unauthenticated");
    const answer = await request(ctx.base, "GET", "/v1/inbox", { headers: { authorization: "Basic abc" } });
    assertProblem(answer, 401, "unauthenticated");
    assert.match(answer.headers["www-authenticate"], /^Bearer/);
  });

  test("401 invalid-signature: missing, not verifying, Open Banking crit claims", async () => {
    const body = JSON.stringify(newCredit());
    const missing = await request(ctx.base, "POST", "/v1/documents", {
      token: ctx.tokens[kIssuing], headers: { "content-type": "application/json" }, body });
    assert.equal(assertProblem(missing, 401, "invalid-signature").reasonCode, "MISSING_SIGNATURE");
    const otherBytes = await request(ctx.base, "POST", "/v1/documents", {
      token: ctx.tokens[kIssuing],
      headers: { "content-type": "application/json", "x-jws-signature": await sign(ctx.data, kIssuing, body + " ") },
      body });
    assert.equal(assertProblem(otherBytes, 401, "invalid-signature").reasonCode, "BAD_SIGNATURE");
    // A header naming http://openbanking.org.uk/iat in crit is refused (documented).
    const header = Buffer.from(JSON.stringify({ alg: "ES256", kid: "x", b64: false,
      crit: ["b64", "http://openbanking.org.uk/iat"], "http://openbanking.org.uk/iat": 1 })).toString("base64url");
    const ob = await request(ctx.base, "POST", "/v1/documents", {
      token: ctx.tokens[kIssuing], headers: { "content-type": "application/json", "x-jws-signature": `${header}..AAAA` },
      body });
    assert.equal(assertProblem(ob, 401, "invalid-signature").reasonCode, "MALFORMED_SIGNATURE");
  });

  test("403 forbidden: a bank submitting what another bank signed; an operator writing", async () => {
    const body = JSON.stringify(newCredit());
    const other = await request(ctx.base, "POST", "/v1/documents", {
      token: ctx.tokens[kIssuing],
      headers: { "content-type": "application/json", "x-jws-signature": await sign(ctx.data, kAdvising, body) }, body });
    assert.equal(assertProblem(other, 403, "forbidden").reasonCode, "OTHER_BANK_KEY");
    const operator = await submit(ctx, kIssuing, body, { token: ctx.tokens.operator });
    assert.equal(assertProblem(operator, 403, "forbidden").reasonCode, "READ_ONLY_CALLER");
  });

  test("404 not-found: an unknown route and an unknown credit", async () => {
    assertProblem(await get("/v2/nothing"), 404, "not-found");
    assertProblem(await get("/v1/credits/NO-SUCH", ctx.tokens[kIssuing]), 404, "not-found");
    assertProblem(await get("/v1/ledger/tile/entries/000"), 404, "not-found");
  });

  test("405 method-not-allowed with Allow", async () => {
    const answer = await request(ctx.base, "DELETE", "/v1/documents", { token: ctx.tokens[kIssuing] });
    assertProblem(answer, 405, "method-not-allowed");
    assert.equal(answer.headers.allow, "POST");
    assert.equal((await request(ctx.base, "POST", "/healthz")).headers.allow, "GET");
  });

  test("413 payload-too-large", async () => {
    const answer = await request(ctx.base, "POST", "/v1/documents", {
      token: ctx.tokens[kIssuing], headers: { "content-type": "application/json", "x-jws-signature": "a..b" },
      body: "x".repeat(2 << 20) }).catch((e) => ({ error: e }));
    // The server answers 413 as soon as the declared length is over the limit, then closes.
    assert.ok(!answer.error, String(answer.error));
    assertProblem(answer, 413, "payload-too-large");
  });

  test("415 unsupported-media-type with Accept-Post", async () => {
    const answer = await submit(ctx, kIssuing, "<lc/>", { contentType: "text/xml" });
    assertProblem(answer, 415, "unsupported-media-type");
    assert.match(answer.headers["accept-post"], /application\/json/);
  });

  test("422 idempotency-conflict: the same key with other bytes", async () => {
    const first = await submit(ctx, kIssuing, newCredit(), { idempotencyKey: "idem-conflict-1" });
    assert.equal(first.status, 201, first.text);
    const again = await submit(ctx, kIssuing, newCredit(), { idempotencyKey: "idem-conflict-1" });
    assert.equal(assertProblem(again, 422, "idempotency-conflict").reasonCode, "IDEMPOTENCY_KEY_REUSED");
  });

  test("431 header-too-large, and the server still answers", async () => {
    const r = await raw(ctx.base, [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: ${"y".repeat(64 << 10)}\r\n\r\n`]);
    assert.match(r.text, /^HTTP\/1\.1 431 /);
    assert.match(r.text, /header-too-large/);
    assert.equal((await get("/healthz")).status, 200);
  });

  test("429 rate-limited with Retry-After, per bank", async () => {
    const statuses = [];
    let limited;
    for (let i = 0; i < 6; ++i) {
      const a = await get("/v1/inbox", tight.tokens[kIssuing], tight.base);
      statuses.push(a.status);
      if (a.status === 429) limited = a;
    }
    assert.ok(limited, `one of ${statuses} is 429`);
    assertProblem(limited, 429, "rate-limited");
    assert.ok(Number(limited.headers["retry-after"]) >= 1);
    // Another bank is not slowed by the first.
    assert.equal((await get("/v1/inbox", tight.tokens[kAdvising], tight.base)).status, 200);
  });

  test("503 unavailable with Retry-After: over the connection limit", async () => {
    const url = new URL(tight.base);
    const held = [];
    for (let i = 0; i < 3; ++i) {
      const s = net.connect(Number(url.port), url.hostname);
      s.on("error", () => {});
      await new Promise((r) => s.on("connect", r));
      held.push(s);
    }
    await new Promise((r) => setTimeout(r, 200));
    const r = await raw(tight.base, ["GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"]);
    for (const s of held) s.destroy();
    assert.match(r.text, /^HTTP\/1\.1 503 /);
    assert.match(r.text, /\r\nRetry-After: \d+\r\n/i);
    assert.match(r.text, /problems\/unavailable/);
  });

  test("408 request-timeout: a client sending too slowly is cut off", async () => {
    // Slowloris: a header trickled in past the 2 s request timeout.
    await new Promise((r) => setTimeout(r, 300));  // let the 503 test's sockets close
    const r = await raw(tight.base, ["GET /healthz HTTP/1.1\r\n", "Host: x\r\n", "X-A: 1\r\n", "X-B: 2\r\n", "X-C: 3\r\n"],
                        { pauseMs: 800, waitMs: 8000 });
    assert.ok(r.closed, "the connection is closed");
    assert.ok(r.text === "" || /^HTTP\/1\.1 408 /.test(r.text), r.text);
    assert.equal((await get("/healthz", undefined, tight.base)).status, 200);
  });
});

// ---- the access matrix ------------------------------------------------------------

describe("access matrix", () => {
  // Three credits, each with one demo bank that is not a party to it.
  const credits = {};
  const plan = [
    { name: "C1", issuer: kIssuing, advising: kAdvising, outsider: kConfirming },
    { name: "C2", issuer: kIssuing, advising: kConfirming, outsider: kAdvising },
    { name: "C3", issuer: kConfirming, advising: kAdvising, outsider: kIssuing },
  ];
  before(async () => {
    for (const c of plan) {
      const lc = newCredit("AM");
      lc.issuingBank = c.issuer;
      lc.advisingBank = c.advising;
      lc.availableWith = { ...lc.availableWith, bank: c.advising };
      lc.drawee = c.issuer;
      const answer = await submit(ctx, c.issuer, lc);
      assert.equal(answer.status, 201, answer.text);
      credits[c.name] = { ...c, reference: lc.creditNumber, receipt: answer.json() };
    }
  });

  const callers = [...kBanks, "operator", "anonymous"];
  const rows = [];
  for (const caller of callers) {
    for (const c of plan) {
      const party = caller === "operator" || (caller !== "anonymous" && caller !== c.outsider);
      const read = caller === "anonymous" ? 401 : party ? 200 : 404;
      rows.push({ caller, credit: c.name, endpoint: "GET /v1/credits/{reference}", expect: read });
      rows.push({ caller, credit: c.name, endpoint: "GET /v1/documents/{id}", expect: read });
      rows.push({ caller, credit: c.name, endpoint: "GET /v1/ledger/entries/{index}", expect: read });
      rows.push({ caller, credit: c.name, endpoint: "GET /v1/credits (listed)",
                  expect: caller === "anonymous" ? 401 : party });
      // The inbox holds another bank's entries of the caller's credits (operators: all).
      const inbox = caller === "operator" || (party && caller !== c.issuer);
      rows.push({ caller, credit: c.name, endpoint: "GET /v1/inbox (listed)",
                  expect: caller === "anonymous" ? 401 : inbox });
      rows.push({ caller, credit: c.name, endpoint: "GET /v1/ledger/proof/inclusion (public)", expect: 200 });
    }
    rows.push({ caller, credit: "-", endpoint: "POST /v1/documents",
                expect: caller === "anonymous" ? 401 : caller === "operator" ? 403 : 201 });
  }

  for (const row of rows) {
    const own = row.credit === "-" ? "" : ` ${row.credit}`;
    test(`${row.caller} ${row.endpoint}${own} -> ${row.expect}`, async () => {
      const token = row.caller === "anonymous" ? undefined : ctx.tokens[row.caller];
      const c = credits[row.credit];
      let status;
      let listed;
      switch (row.endpoint) {
        case "GET /v1/credits/{reference}":
          status = (await get(`/v1/credits/${encodeURIComponent(c.reference)}`, token)).status;
          break;
        case "GET /v1/documents/{id}":
          status = (await get(`/v1/documents/${c.receipt.documentId}`, token)).status;
          break;
        case "GET /v1/ledger/entries/{index}":
          status = (await get(`/v1/ledger/entries/${c.receipt.ledgerIndex}`, token)).status;
          break;
        case "GET /v1/ledger/proof/inclusion (public)":
          status = (await get(`/v1/ledger/proof/inclusion?index=${c.receipt.ledgerIndex}&size=${c.receipt.treeSize}`,
                              token)).status;
          break;
        case "GET /v1/credits (listed)": {
          const a = await get("/v1/credits?limit=1000", token);
          status = a.status;
          if (a.status === 200) listed = a.json().items.some((i) => i.reference === c.reference);
          break;
        }
        case "GET /v1/inbox (listed)": {
          const a = await get("/v1/inbox?limit=1000", token);
          status = a.status;
          if (a.status === 200) listed = a.json().items.some((i) => i.ledgerIndex === c.receipt.ledgerIndex);
          break;
        }
        case "POST /v1/documents": {
          const bic = kBanks.includes(row.caller) ? row.caller : kIssuing;
          const lc = newCredit("AP");
          lc.issuingBank = bic;
          lc.drawee = bic;
          lc.advisingBank = bic === kAdvising ? kIssuing : kAdvising;
          lc.availableWith = { ...lc.availableWith, bank: lc.advisingBank };
          status = (await submit(ctx, bic, lc, { token: token ?? "" })).status;
          break;
        }
      }
      if (typeof row.expect === "boolean") {
        assert.equal(status, 200);
        assert.equal(listed, row.expect);
      } else {
        assert.equal(status, row.expect);
      }
    });
  }
});
