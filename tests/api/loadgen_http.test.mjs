// `lcproc loadgen --url` against a real `lcproc serve`: closed loop with single
// documents, closed loop with documents:batch, and an open loop at a fixed rate each
// deliver every document of the demo workload (answered 201 or 422 as the workload
// expects), and the ledger grows by exactly the number of documents sent. No timing is
// asserted: only what was delivered and recorded.
// Run: LCPROC_BIN=build/dev/services/lcproc/lcproc node --test tests/api/loadgen_http.test.mjs
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { demoBanks, kAdvising, kConfirming, kIssuing, startServer, tokensFileText } from "../testing/lcproc_server.mjs";

let running;
let tokensFile;

before(async () => {
  running = await startServer();
  tokensFile = join(running.dir, "tokens.txt");
  writeFileSync(tokensFile, tokensFileText(running));
});

after(async () => {
  if (running) await running.stop();
});

// A fresh connection each time: the server may have closed an idle pooled one.
function treeSize() {
  return new Promise((resolve, reject) => {
    http.get(`${running.base}/v1/ledger/checkpoint`, { agent: false }, (res) => {
      let text = "";
      res.on("data", (c) => { text += c; });
      res.on("end", () => {
        assert.equal(res.statusCode, 200);
        resolve(Number(text.split("\n")[1]));
      });
    }).on("error", reject);
  });
}

// Asynchronous, so this process keeps draining the server's log pipe meanwhile (a
// blocked pipe would stall the server's logging and with it its answers).
function loadgen(...args) {
  return new Promise((resolve) => {
    const child = spawn(running.lcproc, ["loadgen", "--url", running.base, "--data-dir", running.data,
                                         "--tokens", tokensFile, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "", stderr = "";
    child.stdout.on("data", (c) => { stdout += c; });
    child.stderr.on("data", (c) => { stderr += c; });
    child.on("close", (status) => {
      const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
      const result = Object.fromEntries((line || "").split(" ").slice(1).map((kv) => kv.split("=")));
      resolve({ status, stdout, stderr, result });
    });
  });
}

for (const [name, args, count] of [
  ["closed loop, single documents", ["--count", "300", "--connections", "8"], 300],
  ["closed loop, documents:batch", ["--count", "400", "--connections", "4", "--batch", "50"], 400],
  ["open loop at a fixed rate", ["--count", "200", "--connections", "8", "--rate", "400"], 200],
]) {
  test(`loadgen --url, ${name}, delivers every document once`, async () => {
    const before = await treeSize();
    const run = await loadgen(...args);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.equal(Number(run.result.documents), count);
    assert.equal(Number(run.result.errors), 0);
    assert.equal(Number(run.result.unexpected), 0);
    assert.equal(Number(run.result.unresolved), 0);
    assert.ok(Number(run.result.accepted) > 0 && Number(run.result.rejected) >= 0);
    assert.equal(run.result.mode, args.includes("--rate") ? "open" : "closed");
    assert.equal(await treeSize(), before + count);
  });
}

test("loadgen --url refuses a tokens file without every bank, and a bad URL", () => {
  const partial = join(running.dir, "partial.txt");
  writeFileSync(partial, `${kIssuing} ${running.tokens[kIssuing]}\n`);
  const r = spawnSync(running.lcproc, ["loadgen", "--url", running.base, "--data-dir", running.data, "--tokens", partial],
                      { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no token for/);
  const bad = spawnSync(running.lcproc, ["loadgen", "--url", "ftp://127.0.0.1:1", "--data-dir", running.data,
                                         "--tokens", tokensFile], { encoding: "utf8" });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /http:\/\//);
});

test("loadgen --url counts wrong tokens as errors and exits 1", async () => {
  const wrong = join(running.dir, "wrong.txt");
  writeFileSync(wrong, demoBanks(running.data).map((b) => `${b} lcp_wrong\n`).join(""));
  const saved = tokensFile;
  tokensFile = wrong;
  const r = await loadgen("--count", "20", "--connections", "2");
  tokensFile = saved;
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /statuses: 401=/);
});
