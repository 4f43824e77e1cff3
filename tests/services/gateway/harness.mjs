// What the gateway's integration tests share: a real `lcproc serve` over a temporary
// demo data directory (the demo network's three banks and a few credits, made by
// `lcproc demo --burst 0`), bearer tokens for each bank and an operator, a bank's
// signing done by node's `jose` (an implementation independent of lcproc's), and a
// plain HTTP(S) client. Every server a test starts is stopped (SIGTERM, then SIGKILL)
// and its directory removed, however the test ends.
import { execFileSync, spawn } from "node:child_process";
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FlattenedSign, importPKCS8 } from "jose";

export const kIssuing = "COBADEHHXXX";
export const kAdvising = "BFTVVNVXXXX";
export const kConfirming = "DBSSSGSGXXX";
export const kBanks = [kIssuing, kAdvising, kConfirming];

export function lcprocBinary() {
  const bin = process.env.LCPROC_BIN;
  if (!bin) throw new Error("LCPROC_BIN must name the lcproc binary");
  return bin;
}

export function sourceDir() {
  return new URL("../../../", import.meta.url).pathname;
}

// A data directory with the demo network and tokens, not yet served.
export function makeDataDir() {
  const lcproc = lcprocBinary();
  const dir = mkdtempSync(join(tmpdir(), "lcproc-gw-"));
  const data = join(dir, "data");
  execFileSync(lcproc, ["demo", "--data-dir", data, "--burst", "0"], { stdio: "ignore" });
  const tokens = {};
  for (const [who, args] of [[kIssuing, ["--bic", kIssuing]], [kAdvising, ["--bic", kAdvising]],
                             [kConfirming, ["--bic", kConfirming]], ["operator", ["--operator"]]]) {
    tokens[who] = execFileSync(lcproc, ["token", "add", "--data-dir", data, ...args]).toString("utf8").trim();
  }
  return { dir, data, tokens, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// Starts `lcproc serve` over `data`; resolves once it printed its URL.
export async function serve(data, extraArgs = []) {
  const server = spawn(lcprocBinary(), ["serve", "--data-dir", data, "--listen", "127.0.0.1", "--port", "0", ...extraArgs],
                       { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  server.stderr.on("data", (c) => { stderr = (stderr + c.toString("utf8")).slice(-20000); });
  const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
  const base = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`lcproc serve did not start in 60 s: ${stderr}`)), 60000);
    server.stdout.on("data", (c) => {
      out += c.toString("utf8");
      const m = out.match(/listening on (https?:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`lcproc serve exited ${code}: ${stderr}`)); });
  });
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
  return { server, base, stop, exited, stderr: () => stderr };
}

// A data directory and a server over it, for tests that need one of each.
export async function startServer(extraArgs = []) {
  const d = makeDataDir();
  try {
    const s = await serve(d.data, extraArgs);
    return { ...d, ...s, stop: async (signal) => { const r = await s.stop(signal); d.remove(); return r; } };
  } catch (e) {
    d.remove();
    throw e;
  }
}

// ---- signing, as a bank's own code would: jose over the exact body bytes --------

const keyCache = new Map();
async function bankKey(data, bic) {
  const path = join(data, "demo-network", `${bic}.pem`);
  if (!keyCache.has(path)) {
    const pem = readFileSync(path, "utf8");
    const privateKey = createPrivateKey(pem);
    const alg = privateKey.asymmetricKeyType === "ed25519" ? "EdDSA" : "ES256";
    // kid: base64url SHA-256 of the DER SubjectPublicKeyInfo (the registry's rule).
    const spki = createPublicKey(privateKey).export({ type: "spki", format: "der" });
    const kid = createHash("sha256").update(spki).digest("base64url");
    keyCache.set(path, { alg, kid, key: await importPKCS8(pem, alg) });
  }
  return keyCache.get(path);
}

// The x-jws-signature of `body` (string or Buffer) by `bic`'s demo key: a detached JWS,
// RFC 7797 unencoded payload.
export async function sign(data, bic, body) {
  const { alg, kid, key } = await bankKey(data, bic);
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const jws = await new FlattenedSign(bytes).setProtectedHeader({ alg, kid, b64: false, crit: ["b64"] }).sign(key);
  return `${jws.protected}..${jws.signature}`;
}

// ---- documents ----------------------------------------------------------------

const isoDay = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
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

// ---- HTTP -----------------------------------------------------------------------

// One request; resolves { status, headers, body (Buffer), text, json() }. `agent` may be
// a keep-alive agent; `tls` holds https options (ca, cert, key).
export function request(base, method, path, { token, headers = {}, body, agent, tls } = {}) {
  const url = new URL(path, base);
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h["content-length"] = Buffer.byteLength(body);
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers: h, agent, ...(tls || {}) }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, body: buf, text: buf.toString("utf8"),
                  json: () => JSON.parse(buf.toString("utf8")) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export async function submit(ctx, bic, doc, { token, idempotencyKey, signer = bic, contentType = "application/json",
                                              agent, prefer } = {}) {
  const body = typeof doc === "string" ? doc : JSON.stringify(doc);
  const headers = { "content-type": contentType, "x-jws-signature": await sign(ctx.data, signer, body) };
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  if (prefer) headers.prefer = prefer;
  return request(ctx.base, "POST", "/v1/documents", { token: token ?? ctx.tokens[bic], headers, body, agent });
}

export const problemType = (slug) => `https://lcproc.dev/problems/${slug}`;
