// `lcproc serve` under what production brings: hostile HTTP, 200 concurrent keep-alive
// connections, a retry after a dropped connection, SIGTERM with requests in flight and
// SIGKILL under load (every 201 survives a restart), and the inbox stream.
import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { after, before, describe, test } from "node:test";
import { kAdvising, kIssuing, makeDataDir, newCredit, raw, request, serve, sign, submit } from "./harness.mjs";

describe("one server", () => {
  const ctx = {};
  before(async () => {
    Object.assign(ctx, makeDataDir());
    // A fallback poll of a minute: an inbox event that arrives sooner came from the
    // commit waking the stream.
    Object.assign(ctx, await serve(ctx.data, ["--request-timeout", "3", "--sse-poll-millis", "60000"]));
  });
  after(async () => {
    if (ctx.stop) await ctx.stop();
    ctx.remove?.();
  });
  const healthy = async () => assert.equal((await request(ctx.base, "GET", "/healthz")).status, 200);

  const hostile = [
    ["a bad request line", ["GARBAGE\r\n\r\n"], /^HTTP\/1\.1 400 /],
    ["a bad HTTP version", ["GET / HTTP/9.9\r\nHost: x\r\n\r\n"], /^(HTTP\/1\.1 400 [\s\S]*|)$/],
    ["bad chunking", ["POST /v1/documents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n"],
     /^HTTP\/1\.1 400 /],
    ["huge headers", [`GET /healthz HTTP/1.1\r\nHost: x\r\n${"X-Y: z\r\n".repeat(5000)}\r\n`], /^HTTP\/1\.1 431 /],
    ["a body shorter than its Content-Length", ["POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort"],
     /^(HTTP\/1\.1 408 [\s\S]*|)$/],
    ["pipelined garbage after a good request", ["GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n\u0000\u0001\u0002 nonsense\r\n\r\n"],
     /^HTTP\/1\.1 200 [\s\S]*HTTP\/1\.1 400 /],
    ["a NUL in a header", ["GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"], /^HTTP\/1\.1 400 /],
  ];
  for (const [name, chunks, expect] of hostile) {
    test(`hostile HTTP: ${name} gets a clean 4xx or a close, and the server still answers`, async () => {
      const r = await raw(ctx.base, chunks, { waitMs: 8000 });
      assert.match(r.text, expect, JSON.stringify(r.text.slice(0, 300)));
      if (!r.text.startsWith("HTTP/1.1 200")) assert.ok(r.closed, "closed after an error");
      await healthy();
    });
  }

  test("200 concurrent keep-alive connections", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
    const round = () => Promise.all(Array.from({ length: 200 }, () => request(ctx.base, "GET", "/healthz", { agent })));
    const first = await round();
    const second = await round();
    agent.destroy();
    for (const a of [...first, ...second]) assert.equal(a.status, 200);
    // The second round reused the first round's connections (keep-alive): at most 200 +
    // the few the other tests opened, not 400.
    const metrics = (await request(ctx.base, "GET", "/metrics")).text;
    const opened = Number(metrics.match(/^lcproc_http_connections_total (\d+)/m)[1]);
    assert.ok(opened < 300, `connections opened: ${opened}`);
  });

  test("an idempotent retry after a dropped connection returns the first receipt", async () => {
    const body = JSON.stringify(newCredit("DR"));
    const jws = await sign(ctx.data, kIssuing, body);
    const url = new URL(ctx.base);
    // The first attempt: the request is sent, the connection dropped before any answer.
    await new Promise((resolve) => {
      const s = net.connect(Number(url.port), url.hostname, () => {
        s.write(`POST /v1/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ctx.tokens[kIssuing]}\r\n` +
                `Content-Type: application/json\r\nIdempotency-Key: drop-1\r\nx-jws-signature: ${jws}\r\n` +
                `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        s.destroy();
        resolve();
      });
      s.on("error", resolve);
    });
    let retry;
    for (let i = 0; i < 50; ++i) {
      retry = await request(ctx.base, "POST", "/v1/documents", {
        token: ctx.tokens[kIssuing], body,
        headers: { "content-type": "application/json", "idempotency-key": "drop-1", "x-jws-signature": jws } });
      if (retry.json().duplicate) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(retry.status, 201, retry.text);
    assert.equal(retry.json().duplicate, true, "the dropped first attempt was recorded once; the retry gets its receipt");
    const again = await request(ctx.base, "POST", "/v1/documents", {
      token: ctx.tokens[kIssuing], body,
      headers: { "content-type": "application/json", "idempotency-key": "drop-1", "x-jws-signature": jws } });
    assert.equal(again.json().ledgerIndex, retry.json().ledgerIndex);
  });

  test("Prefer: respond-async answers 202, then the document is done", async () => {
    const answer = await submit(ctx, kIssuing, newCredit("AS"), { prefer: "respond-async" });
    assert.equal(answer.status, 202, answer.text);
    assert.equal(answer.headers["preference-applied"], "respond-async");
    let status;
    for (let i = 0; i < 100; ++i) {
      status = (await request(ctx.base, "GET", answer.headers.location, { token: ctx.tokens[kIssuing] })).json();
      if (status.status !== "pending") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(status.status, "done");
    assert.equal(status.receipt.outcome, "accepted");
  });

  test("documents:batch answers one line per input line, in order, a bad line failing alone", async () => {
    const a = JSON.stringify(newCredit("BA"));
    const b = JSON.stringify(newCredit("BA"));
    const lines = [
      { contentType: "application/json", body: a, jws: await sign(ctx.data, kIssuing, a) },
      "{not json",
      { contentType: "application/json", body: b, jws: await sign(ctx.data, kIssuing, b + "x") },
      { contentType: "application/json", body: b, jws: await sign(ctx.data, kIssuing, b), idempotencyKey: "batch-b" },
    ].map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n";
    const answer = await request(ctx.base, "POST", "/v1/documents:batch", {
      token: ctx.tokens[kIssuing], headers: { "content-type": "application/x-ndjson" }, body: lines });
    assert.equal(answer.status, 200, answer.text);
    const results = answer.text.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(results.map((r) => [r.line, r.status]), [[1, 201], [2, 400], [3, 401], [4, 201]]);
    assert.equal(results[3].receipt.idempotencyKey, "batch-b");
  });

  test("the inbox stream delivers a new credit to its advising bank when it is committed, resumable by Last-Event-ID", async () => {
    const url = new URL("/v1/inbox/stream", ctx.base);
    const lc = newCredit("SS");
    const events = [];
    const got = new Promise((resolve, reject) => {
      const req = http.get(url, { headers: { authorization: `Bearer ${ctx.tokens[kAdvising]}` } }, (res) => {
        assert.equal(res.statusCode, 200);
        assert.match(res.headers["content-type"], /^text\/event-stream/);
        let buf = "";
        res.on("data", (c) => {
          buf += c.toString("utf8");
          let i;
          while ((i = buf.indexOf("\n\n")) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const id = block.match(/^id: (.*)$/m)?.[1];
            const data = block.match(/^data: (.*)$/m)?.[1];
            if (data) events.push({ id, item: JSON.parse(data) });
            if (data && JSON.parse(data).creditNumber === lc.creditNumber) { req.destroy(); resolve(); }
          }
        });
      });
      req.on("error", (e) => { if (!req.destroyed) reject(e); });
      setTimeout(() => reject(new Error("no event in 20 s")), 20000);
    });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await submit(ctx, kIssuing, lc)).status, 201);
    await got;
    const mine = events.find((e) => e.item.creditNumber === lc.creditNumber);
    assert.deepEqual(mine.item.roles, ["advising", "nominated"]);
    assert.equal(mine.item.submitter, kIssuing);
    // Resuming after the last event id gives nothing older than it.
    const page = (await request(ctx.base, "GET", `/v1/inbox?after=${encodeURIComponent(mine.id)}`,
                                { token: ctx.tokens[kAdvising] })).json();
    assert.ok(page.items.every((i) => i.ledgerIndex > mine.item.ledgerIndex));
  });
});

// Signs `n` credits (before any clock starts), then sends them all at once over 32
// keep-alive connections. Returns the promise of what each request got (a 201 receipt,
// another status, or an error) and a count of those answered so far.
async function flood(ctx, n, prefix) {
  const docs = [];
  for (let i = 0; i < n; ++i) {
    const body = JSON.stringify(newCredit(prefix));
    docs.push({ body, jws: await sign(ctx.data, kIssuing, body) });
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let answered = 0;
  const all = Promise.all(docs.map((d) => request(ctx.base, "POST", "/v1/documents", {
    token: ctx.tokens[kIssuing], agent, body: d.body,
    headers: { "content-type": "application/json", "x-jws-signature": d.jws } }).then(
    (a) => { ++answered; return { status: a.status, receipt: a.status === 201 ? a.json() : null }; },
    (e) => ({ error: e.message }))));
  return { all, answered: () => answered };
}

// Resolves once `count()` reaches `n` (or 60 s passed).
async function until(count, n) {
  for (let i = 0; i < 600 && count() < n; ++i) await new Promise((r) => setTimeout(r, 100));
}

async function assertSurvived(d, answers) {
  const s = await serve(d.data);
  try {
    for (const a of answers.filter((x) => x.status === 201)) {
      const doc = await request(s.base, "GET", `/v1/documents/${a.receipt.documentId}`, { token: d.tokens[kIssuing] });
      assert.equal(doc.status, 200, doc.text);
      assert.equal(doc.json().receipt.ledgerIndex, a.receipt.ledgerIndex);
    }
  } finally {
    await s.stop();
  }
}

test("SIGTERM with requests in flight: each is answered or never acknowledged; exit 0; every 201 survives", async () => {
  const d = makeDataDir();
  try {
    const s = await serve(d.data, ["--batch-millis", "20"]);
    const pending = await flood({ ...d, base: s.base }, 400, "ST");
    await until(pending.answered, 20);
    const ready = await request(s.base, "GET", "/readyz").catch(() => null);
    const exit = await s.stop("SIGTERM");
    const answers = await pending.all;
    assert.equal(exit.code, 0, s.stderr());
    assert.ok(ready === null || ready.status === 200 || ready.status === 503);
    for (const a of answers) {
      assert.ok(a.error || a.status === 201 || a.status === 503, JSON.stringify(a));
    }
    assert.ok(answers.some((a) => a.status === 201), "some were answered before the stop");
    await assertSurvived(d, answers);
  } finally {
    d.remove();
  }
});

test("SIGKILL under load, then restart: every 201 survives", async () => {
  const d = makeDataDir();
  try {
    const s = await serve(d.data, ["--batch-millis", "2"]);
    const pending = await flood({ ...d, base: s.base }, 400, "SK");
    await until(pending.answered, 20);
    await s.stop("SIGKILL");
    const answers = await pending.all;
    assert.ok(answers.filter((a) => a.status === 201).length >= 20, "answered before the kill");
    assert.ok(answers.some((a) => a.error), "some were in flight when it died");
    await assertSurvived(d, answers);
  } finally {
    d.remove();
  }
});
