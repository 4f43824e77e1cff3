// The uPlot files the server embeds (services/gateway/web/vendor/) are byte for byte the
// pinned npm package's (tests/browser/package.json, installed by `npm ci`), so no
// hand-edited copy ships.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const source = new URL("../../", import.meta.url).pathname;
const npm = new URL("./node_modules/uplot/", import.meta.url).pathname;

test("the committed uPlot is the pinned npm package's", () => {
  const pinned = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")).dependencies.uplot;
  assert.match(pinned, /^\d+\.\d+\.\d+$/, "an exact version");
  assert.equal(JSON.parse(readFileSync(`${npm}package.json`, "utf8")).version, pinned);
  for (const [committed, packaged] of [["uPlot.iife.min.js", "dist/uPlot.iife.min.js"], ["uPlot.min.css", "dist/uPlot.min.css"],
                                       ["uPlot.LICENSE", "LICENSE"]]) {
    assert.ok(readFileSync(`${source}services/gateway/web/vendor/${committed}`).equals(readFileSync(`${npm}${packaged}`)), committed);
  }
});
