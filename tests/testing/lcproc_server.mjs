// A real `lcproc serve` for node tests and benches: a temporary data directory made by
// `lcproc demo --burst 0` (the demo network's three banks and a few credits), one bearer
// token per bank and one operator token, the server on 127.0.0.1 with an ephemeral port.
// Every server is stopped (SIGTERM, SIGKILL after 30 s) and its directory removed by
// stop(), which the caller runs however the test ends.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const kIssuing = "COBADEHHXXX";
export const kAdvising = "BFTVVNVXXXX";
export const kConfirming = "DBSSSGSGXXX";
export const kReimbursing = "CITIUS33XXX";
// The banks the access tests cover; the demo network may hold more (every bank of it gets
// a token, see demoBanks).
export const kBanks = [kIssuing, kAdvising, kConfirming];

// Every bank of a demo data directory: one signing key each in demo-network/.
export function demoBanks(data) {
  return readdirSync(join(data, "demo-network")).filter((f) => /^[A-Z0-9]{11}\.pem$/.test(f)).map((f) => f.slice(0, 11)).sort();
}

// A `lcproc loadgen --tokens` file's text: one "BIC TOKEN" line per bank of the network.
export function tokensFileText(d) {
  return demoBanks(d.data).map((b) => `${b} ${d.tokens[b]}\n`).join("");
}

export function lcprocBinary() {
  const bin = process.env.LCPROC_BIN;
  if (!bin) throw new Error("LCPROC_BIN must name the lcproc binary");
  return bin;
}

export function sourceDir() {
  return new URL("../../", import.meta.url).pathname;
}

// A data directory with the demo network and tokens, not yet served.
export function makeDataDir({ demoArgs = ["--burst", "0"] } = {}) {
  const lcproc = lcprocBinary();
  const dir = mkdtempSync(join(tmpdir(), "lcproc-test-"));
  const data = join(dir, "data");
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync(lcproc, ["demo", "--data-dir", data, ...demoArgs], { stdio: "ignore" });
    const tokens = {};
    for (const [who, args] of [...demoBanks(data).map((b) => [b, ["--bic", b]]), ["operator", ["--operator"]]]) {
      const out = execFileSync(lcproc, ["token", "add", "--data-dir", data, ...args]).toString("utf8").trim().split("\n");
      tokens[who] = out[out.length - 1].trim();
    }
    return { lcproc, dir, data, tokens, remove };
  } catch (e) {
    remove();
    throw e;
  }
}

// Starts `lcproc serve` over `data`; resolves once it printed its URL. stop(signal)
// resolves with how it exited.
export async function serve(data, extraArgs = []) {
  const server = spawn(lcprocBinary(), ["serve", "--data-dir", data, "--listen", "127.0.0.1", "--port", "0", ...extraArgs],
                       { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  server.stderr.on("data", (c) => { stderr = (stderr + c.toString("utf8")).slice(-20000); });
  const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
  const stop = async (signal = "SIGTERM") => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill(signal);
      const timer = setTimeout(() => server.kill("SIGKILL"), 30000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    }
    return exited;
  };
  try {
    const base = await new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`lcproc serve did not start in 60 s: ${stderr}`)), 60000);
      server.stdout.on("data", (c) => {
        out += c.toString("utf8");
        const m = out.match(/listening on (https?:\/\/\S+)/);
        if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, "")); }
      });
      exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`lcproc serve exited ${code}: ${stderr}`)); });
    });
    return { server, base, stop, exited, stderr: () => stderr };
  } catch (e) {
    await stop("SIGKILL");
    throw e;
  }
}

// A data directory and a server over it; stop() ends the server and removes both.
export async function startServer({ extraArgs = [], demoArgs } = {}) {
  const d = makeDataDir({ demoArgs });
  try {
    const s = await serve(d.data, extraArgs);
    return { ...d, ...s, stop: async (signal) => { const r = await s.stop(signal); d.remove(); return r; } };
  } catch (e) {
    d.remove();
    throw e;
  }
}

export const isoDay = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
let serial = 0;

// A new letter of credit from the demo's issuing bank to its advising bank.
export function newCredit(prefix = "GW") {
  const lc = JSON.parse(readFileSync(join(sourceDir(), "schemas/examples/letterOfCredit.json"), "utf8"));
  lc.creditNumber = `${prefix}${process.pid % 10000}-${++serial}`;
  lc.dateOfIssue = isoDay(0);
  lc.latestShipmentDate = isoDay(60);
  lc.expiryDate = isoDay(90);
  lc.issuingBank = kIssuing;
  lc.advisingBank = kAdvising;
  lc.availableWith = { ...lc.availableWith, bank: kAdvising };
  lc.drawee = kIssuing;
  return lc;
}
