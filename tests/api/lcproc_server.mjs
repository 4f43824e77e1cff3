// A real `lcproc serve` for node tests: a temporary data directory made by
// `lcproc demo --burst 0` (the demo network of banks and a few credits), one bearer
// token per bank and one operator token, the server on 127.0.0.1 with an ephemeral port.
// stop() ends it with SIGTERM (SIGKILL after 30 s) and removes the directory.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const kIssuing = "COBADEHHXXX";
export const kAdvising = "BFTVVNVXXXX";
export const kConfirming = "DBSSSGSGXXX";
export const kReimbursing = "CITIUS33XXX";  // the demo's reimbursing bank (53a)

export function lcprocBinary() {
  const bin = process.env.LCPROC_BIN;
  if (!bin) throw new Error("LCPROC_BIN must name the lcproc binary");
  return bin;
}

export async function startServer({ extraArgs = [], demoArgs = ["--burst", "0"] } = {}) {
  const lcproc = lcprocBinary();
  const dir = mkdtempSync(join(tmpdir(), "lcproc-api-"));
  const data = join(dir, "data");
  const tokens = {};
  let server;
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.on("exit", resolve));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 30000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(lcproc, ["demo", "--data-dir", data, ...demoArgs], { stdio: "ignore" });
    for (const [who, args] of [[kIssuing, ["--bic", kIssuing]], [kAdvising, ["--bic", kAdvising]],
                               [kConfirming, ["--bic", kConfirming]], ["operator", ["--operator"]]]) {
      const out = execFileSync(lcproc, ["token", "add", "--data-dir", data, ...args]).toString("utf8").trim().split("\n");
      tokens[who] = out[out.length - 1].trim();
    }
    server = spawn(lcproc, ["serve", "--data-dir", data, "--listen", "127.0.0.1", "--port", "0", ...extraArgs],
                   { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    server.stderr.on("data", (c) => { stderr = (stderr + c.toString("utf8")).slice(-4000); });
    const base = await new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`lcproc serve did not start in 60 s: ${stderr}`)), 60000);
      server.stdout.on("data", (c) => {
        out += c.toString("utf8");
        const m = out.match(/listening on (http:\/\/\S+)/);
        if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, "")); }
      });
      server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`lcproc serve exited ${code}: ${stderr}`)); });
    });
    return { lcproc, dir, data, tokens, base, server, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
