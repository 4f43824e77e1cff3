// The dashboard in a real browser: Debian's chromium driven by playwright-core against
// a real `lcproc serve` over the demo network, with traffic from `lcproc loadgen --url`.
// Checks what an operator relies on: the live figures move as documents arrive, a
// search opens a credit with its timeline, an entry is verified in the signed ledger in
// the browser (and a tampered proof visibly fails), an overdue presentation is marked,
// a bank's token gets no operator data, and nothing logs a console error or fails to
// load. Screenshots go to $LCPROC_ARTIFACTS (the build directory's test-artifacts).
// Run: LCPROC_BIN=build/dev/services/lcproc/lcproc node --test tests/browser/dashboard.test.mjs
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { kAdvising, kConfirming, kIssuing, startServer, tokensFileText } from "../testing/lcproc_server.mjs";

const artifacts = process.env.LCPROC_ARTIFACTS || join(tmpdir(), "lcproc-dashboard-artifacts");
mkdirSync(artifacts, { recursive: true });

let running, context, profile, tokensFile;
const problems = [];  // console errors and failed requests of the operator's pages

before(async () => {
  running = await startServer();
  tokensFile = join(running.dir, "tokens.txt");
  writeFileSync(tokensFile, tokensFileText(running));
  profile = mkdtempSync(join(tmpdir(), "lcproc-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await running?.stop();
});

function watch(page, sink) {
  page.on("console", (m) => { if (m.type() === "error") sink.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => sink.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    // The live stream is cut when the page closes; that is not a failure of the page.
    if (!(r.url().endsWith("/v1/ops/live") && page.isClosed())) sink.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
}

async function operatorPage(query = "") {
  const page = await context.newPage();
  watch(page, problems);
  await page.goto(`${running.base}/${query}`);
  await page.fill("#token", running.tokens.operator);
  await page.press("#token", "Enter");
  await page.waitForSelector("#board:not([hidden])");
  return page;
}

const tileNumber = (page, key) =>
  page.$eval(`.tile[data-key="${key}"] dd`, (e) => Number(e.textContent.replace(/[^0-9.]/g, "")));

function loadgen(count) {
  const child = spawn(running.lcproc, ["loadgen", "--url", running.base, "--data-dir", running.data, "--tokens", tokensFile,
                                       "--count", String(count), "--connections", "4", "--rate", "200"], { stdio: "ignore" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

test("the live figures change as documents arrive", async () => {
  const page = await operatorPage();
  await page.waitForSelector('.tile[data-key="ledgerEntries"]');
  const before = await tileNumber(page, "ledgerEntries");
  const done = loadgen(600);
  await page.waitForFunction(() => Number(document.querySelector('.tile[data-key="receivedPerSecond"] dd').textContent.replace(/[^0-9.]/g, "")) > 0,
                             null, { timeout: 60000 });
  await page.waitForFunction((b) => Number(document.querySelector('.tile[data-key="ledgerEntries"] dd').textContent.replace(/[^0-9.]/g, "")) > b,
                             before, { timeout: 60000 });
  assert.equal(await done, 0, "loadgen delivered its documents");
  assert.match(await page.textContent('.tile[data-key="receivedPerSecond"] dd'), /docs\/s/);
  assert.match(await page.textContent('.tile[data-key="inFlight"] dd'), /of \d+ docs \(back-pressure limit\)/);
  await page.waitForTimeout(1500);  // one more tick so the charts hold the burst
  await page.screenshot({ path: join(artifacts, "dashboard.png"), fullPage: false });
  await page.close();
});

test("a search opens a credit with its timeline, and an entry verifies in the signed ledger", async () => {
  const list = await (await fetch(`${running.base}/v1/credits?limit=1`, { headers: { authorization: `Bearer ${running.tokens.operator}` } })).json();
  const reference = list.items[0].reference;
  const page = await operatorPage();
  await page.fill("#search-input", reference);
  await page.press("#search-input", "Enter");
  await page.waitForSelector("#timeline tbody tr");
  assert.equal(await page.textContent("#credit-title"), `Credit ${reference}`);
  assert.ok(await page.$$eval("#timeline tbody tr", (rows) => rows.length) >= 1);
  await page.click("#timeline button.verify");
  await page.waitForSelector("#timeline .verify-result.ok, #timeline .verify-result.bad", { timeout: 20000 });
  const result = page.locator("#timeline .verify-result").first();
  const text = await result.textContent();
  assert.match(text, /^Yes: entry \d+ is in the signed ledger/, text);
  assert.ok((await result.getAttribute("title")).includes("checkpoint signature by"), "the Ed25519 signature was checked");
  await page.screenshot({ path: join(artifacts, "credit.png"), fullPage: true });
  await page.close();
});

test("a tampered inclusion proof is visibly not proven", async () => {
  const list = await (await fetch(`${running.base}/v1/credits?limit=1`, { headers: { authorization: `Bearer ${running.tokens.operator}` } })).json();
  const page = await operatorPage();
  await page.route("**/v1/ledger/proof/inclusion**", async (route) => {
    const answer = await route.fetch();
    const proof = await answer.json();
    assert.ok(proof.hashes.length > 0, "the demo ledger has more than one entry");
    const bytes = Buffer.from(proof.hashes[0], "base64");
    bytes[0] ^= 0x01;  // one flipped bit
    proof.hashes[0] = bytes.toString("base64");
    await route.fulfill({ response: answer, json: proof });
  });
  await page.fill("#search-input", list.items[0].reference);
  await page.press("#search-input", "Enter");
  await page.click("#timeline button.verify");
  const result = page.locator("#timeline .verify-result.bad").first();
  await result.waitFor({ timeout: 20000 });
  assert.match(await result.textContent(), /NOT PROVEN/);
  await page.screenshot({ path: join(artifacts, "tampered-proof.png"), fullPage: true });
  await page.close();
});

test("an overdue presentation is marked in the examination queue", async () => {
  // Thirty days on, every presentation still open is past its art. 14(b) deadline.
  const later = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  const queues = await (await fetch(`${running.base}/v1/ops/queues?asOf=${later}`, { headers: { authorization: `Bearer ${running.tokens.operator}` } })).json();
  assert.ok(queues.examination.total > 0, "the demo traffic leaves presentations open");
  const page = await operatorPage(`?asOf=${later}`);
  await page.waitForSelector("#q-examination tr.overdue-row .overdue");
  assert.match(await page.textContent("#q-examination tr.overdue-row .overdue"), /OVERDUE by \d+ banking day/);
  assert.equal(await page.$$eval("#q-examination tbody tr.overdue-row", (r) => r.length), Math.min(queues.examination.total, 200));
  await page.screenshot({ path: join(artifacts, "overdue.png"), fullPage: true });
  await page.close();
});

test("a bank's token cannot open the operator data", async () => {
  for (const path of ["/v1/ops/live", "/v1/ops/rejections", "/v1/ops/discrepancies"]) {
    const r = await fetch(`${running.base}${path}`, { headers: { authorization: `Bearer ${running.tokens[kIssuing]}` } });
    assert.equal(r.status, 403, path);
    await r.body?.cancel();
  }
  const page = await context.newPage();  // its 403s are expected: not watched
  await page.goto(`${running.base}/`);
  await page.fill("#token", running.tokens[kIssuing]);
  await page.press("#token", "Enter");
  await page.waitForFunction(() => document.getElementById("login-error").textContent.includes("Not signed in as an operator"));
  assert.equal(await page.isHidden("#board"), true);
  await page.close();
});

test("no console errors and no failed requests on the operator's pages", () => {
  assert.deepEqual(problems, []);
});
