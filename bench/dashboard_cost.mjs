// The cost of open dashboards: the server's documents per second with 10 dashboards
// open ÷ with none, in one run over one server. A "dashboard" does what the page does:
// follows /v1/ops/live (Server-Sent Events) and reads the queues, discrepancy and
// rejection tables every 10 s. Each round runs none and ten side by side, in alternating
// order, so drift (cache warm-up, ledger growth) falls on both sides; the figure is the
// median of the rounds' ratios.
// LCPROC_DASHBOARD_TABLES=0 leaves the table reads out: the cost of the live updates alone.
// Usage: LCPROC_BIN=build/rel/services/lcproc/lcproc node bench/dashboard_cost.mjs [documents per round] [rounds]
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { kAdvising, kConfirming, kIssuing, startServer, tokensFileText } from "../tests/testing/lcproc_server.mjs";

const perRound = Number(process.argv[2] || 4000);
const rounds = Number(process.argv[3] || 3);
const kDashboards = 10;

const running = await startServer();
const tokensFile = join(running.dir, "tokens.txt");
writeFileSync(tokensFile, tokensFileText(running));
const auth = { authorization: `Bearer ${running.tokens.operator}` };

function openDashboard() {
  const abort = new AbortController();
  let events = 0;
  (async () => {
    try {
      const r = await fetch(`${running.base}/v1/ops/live`, { headers: auth, signal: abort.signal });
      for await (const chunk of r.body) events += (Buffer.from(chunk).toString("utf8").match(/event: figures/g) || []).length;
    } catch { /* closed */ }
  })();
  const poll = async () => {
    for (const p of ["/v1/ops/queues", "/v1/ops/discrepancies", "/v1/ops/rejections"]) {
      try { await (await fetch(`${running.base}${p}`, { headers: auth, signal: abort.signal })).arrayBuffer(); } catch { /* closed */ }
    }
  };
  // LCPROC_DASHBOARD_TABLES=0: the live updates alone, without the table reads.
  const tables = process.env.LCPROC_DASHBOARD_TABLES !== "0";
  if (tables) poll();
  const timer = tables ? setInterval(poll, 10000) : null;
  return { close: () => { if (timer) clearInterval(timer); abort.abort(); }, events: () => events };
}

async function round(dashboards) {
  const open = Array.from({ length: dashboards }, openDashboard);
  await new Promise((r) => setTimeout(r, 1500));
  // Asynchronous child: the dashboards' event loop keeps running meanwhile.
  const out = await new Promise((resolve) => {
    const child = spawn(running.lcproc, ["loadgen", "--url", running.base, "--data-dir", running.data, "--tokens", tokensFile,
                                         "--count", String(perRound), "--connections", "32"]);
    let text = "";
    child.stdout.on("data", (c) => { text += c; });
    child.on("exit", () => resolve(text));
  });
  const events = open.reduce((n, d) => n + d.events(), 0);
  open.forEach((d) => d.close());
  const line = out.split("\n").find((l) => l.startsWith("RESULT ")) || "";
  const r = Object.fromEntries(line.split(" ").slice(1).map((kv) => kv.split("=")));
  return { docsPerSecond: Number(r.docs_per_s), errors: Number(r.errors), events };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  await round(0);  // warm-up, not counted
  // Each pair of runs is adjacent in time, and the order alternates (none first, then ten
  // first): throughput drifts as the ledger grows, and a fixed order would charge the
  // drift to whichever side always runs second. The figure is the median of the pairs'
  // ratios.
  const none = [], ten = [], ratios = [];
  for (let i = 0; i < rounds; i++) {
    let a, b;
    if (i % 2 === 0) { a = await round(0); b = await round(kDashboards); } else { b = await round(kDashboards); a = await round(0); }
    console.log(`round ${i + 1}: none ${a.docsPerSecond} docs/s, ${kDashboards} dashboards ${b.docsPerSecond} docs/s (${b.events} live events received)${i % 2 ? " [dashboards first]" : ""}`);
    if (a.errors || b.errors || !(b.events > 0)) throw new Error("a round had errors or the dashboards received nothing");
    none.push(a.docsPerSecond);
    ten.push(b.docsPerSecond);
    ratios.push(b.docsPerSecond / a.docsPerSecond);
  }
  const ratio = median(ratios);
  console.log(`RESULT documents_per_round=${perRound} rounds=${rounds} none_docs_per_s=${median(none)} ten_dashboards_docs_per_s=${median(ten)} ratio=${ratio.toFixed(3)}`);
} finally {
  await running.stop();
}
