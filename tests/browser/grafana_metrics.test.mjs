// deploy/grafana/lcproc-dashboard.json plots only what the server exports: every metric
// name its PromQL queries mention is in a running `lcproc serve`'s /metrics (after some
// traffic, so counters with labels exist), and deploy/prometheus's rules likewise.
// Run: LCPROC_BIN=build/dev/services/lcproc/lcproc node --test tests/browser/grafana_metrics.test.mjs
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { startServer } from "../testing/lcproc_server.mjs";

const source = new URL("../../", import.meta.url).pathname;
const kPromqlWords = new Set(["sum", "by", "rate", "increase", "delta", "histogram_quantile", "on", "and", "or", "offset",
                              "le", "outcome", "reason", "queue", "urgency", "route", "without", "humanize", "value"]);

// Metric names in a PromQL expression: identifiers not followed by "(" (functions) nor
// inside {...} label matchers or [...] ranges, and not PromQL keywords.
function metricNames(expr) {
  const stripped = expr.replace(/\{[^}]*\}/g, "").replace(/\[[^\]]*\]/g, "").replace(/"[^"]*"/g, "")
    .replace(/\b[0-9]+(\.[0-9]+)?(ms|s|m|h|d|w|y)?\b/g, " ");
  const names = new Set();
  for (const m of stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)) {
    if (m[2] || kPromqlWords.has(m[1]) || /^[0-9]/.test(m[1])) continue;
    names.add(m[1]);
  }
  return names;
}

// Exported: a sample line of `name`, or a declared family (# TYPE) it belongs to (a
// counter family with labels has no sample until something is counted; a histogram's
// samples are name_bucket/_sum/_count).
function exported(metrics, name) {
  if (new RegExp(`^${name}(\\{| )`, "m").test(metrics)) return true;
  const family = name.replace(/_(bucket|sum|count)$/, "");
  return new RegExp(`^# TYPE (${name}|${family}) `, "m").test(metrics);
}

test("every metric the Grafana dashboard and the alert rules query is exported", async () => {
  const dashboard = JSON.parse(readFileSync(`${source}deploy/grafana/lcproc-dashboard.json`, "utf8"));
  const exprs = dashboard.panels.flatMap((p) => (p.targets || []).map((t) => t.expr));
  assert.ok(exprs.length >= 10, "the dashboard has its panels");
  const rules = readFileSync(`${source}deploy/prometheus/lcproc_alerts.yml`, "utf8");
  for (const m of rules.matchAll(/expr: (\|\n(?:\s{10}.*\n)+|.*)/g)) exprs.push(m[1]);

  const running = await startServer();
  try {
    // Wait for the operations ticker to publish the work-queue gauges (every 5 s).
    let metrics = "";
    for (let i = 0; i < 40; i++) {
      metrics = await (await fetch(`${running.base}/metrics`)).text();
      if (metrics.includes("lcproc_work_queue_items") && metrics.includes("lcproc_checkpoint_age_seconds")) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const missing = [];
    for (const expr of exprs) {
      for (const name of metricNames(expr)) {
        if (!exported(metrics, name)) missing.push(`${name} (in ${expr.trim()})`);
      }
    }
    assert.deepEqual(missing, []);
  } finally {
    await running.stop();
  }
});
