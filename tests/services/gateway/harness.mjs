// What the gateway's integration tests share: a real `lcproc serve` over a temporary
// demo data directory (the demo network's three banks and a few credits, made by
// `lcproc demo --burst 0`), bearer tokens for each bank and an operator, a bank's
// signing done by node's `jose` (an implementation independent of lcproc's), and a
// plain HTTP(S) client. Every server a test starts is stopped (SIGTERM, then SIGKILL)
// and its directory removed, however the test ends.
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { join } from "node:path";
import { FlattenedSign, importPKCS8 } from "jose";

export { kAdvising, kBanks, kConfirming, kIssuing, lcprocBinary, makeDataDir, newCredit, serve, sourceDir,
         startServer } 
  from "../../testing/lcproc_server.mjs";

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

// A raw exchange on one TCP connection: writes `chunks` (with `pauseMs` between them) and
// resolves { text, closed }: what the server sent until it closed or `waitMs` passed.
export function raw(base, chunks, { waitMs = 5000, pauseMs = 0 } = {}) {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let got = "";
    let closed = false;
    const timer = setTimeout(() => { socket.destroy(); resolve({ text: got, closed }); }, waitMs);
    socket.on("data", (d) => { got += d.toString("latin1"); });
    socket.on("error", () => {});
    socket.on("close", () => { closed = true; clearTimeout(timer); resolve({ text: got, closed }); });
    socket.on("connect", async () => {
      for (const c of chunks) {
        if (socket.destroyed) break;
        socket.write(c);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
  });
}
