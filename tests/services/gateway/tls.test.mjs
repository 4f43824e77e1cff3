// TLS and mutual TLS of `lcproc serve`, with certificates made by deploy/make-certs.sh
// (openssl): a bank identified by its client certificate, a client without one, a
// certificate of an unknown CA, an expired one, old protocol versions, and plain HTTP
// refused off loopback.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import https from "node:https";
import { join } from "node:path";
import tls from "node:tls";
import { after, before, test } from "node:test";
import { kAdvising, kIssuing, lcprocBinary, makeDataDir, newCredit, request, serve, sign, sourceDir } from "./harness.mjs";

const ctx = {};
let certs;
const pem = (name) => readFileSync(join(certs, name));

before(async () => {
  Object.assign(ctx, makeDataDir());
  certs = join(ctx.dir, "certs");
  execFileSync("bash", [join(sourceDir(), "deploy/make-certs.sh"), certs, kIssuing], { stdio: "ignore" });
  const fingerprint = (name) => readFileSync(join(certs, `${name}.sha256`), "utf8").trim();
  // The expired certificate is mapped too: only the TLS layer may refuse it.
  const config = { "client-certificates": { [fingerprint(kIssuing)]: kIssuing, [fingerprint("expired")]: kAdvising } };
  writeFileSync(join(ctx.dir, "serve.json"), JSON.stringify(config));
  Object.assign(ctx, await serve(ctx.data, ["--config", join(ctx.dir, "serve.json"), "--tls-cert", join(certs, "server.pem"),
                                            "--tls-key", join(certs, "server.key"), "--client-ca", join(certs, "ca.pem")]));
});

after(async () => {
  if (ctx.stop) await ctx.stop();
  ctx.remove?.();
});

const fresh = () => new https.Agent({ keepAlive: false });
const withCert = (name) => ({ ca: pem("ca.pem"), cert: pem(`${name}.pem`), key: pem(`${name}.key`), agent: fresh() });

test("serves HTTPS and prints an https URL", () => {
  assert.match(ctx.base, /^https:\/\/127\.0\.0\.1:\d+$/);
});

test("a client certificate mapped to a bank authenticates it: reads and a signed write", async () => {
  const inbox = await request(ctx.base, "GET", "/v1/inbox", { tls: withCert(kIssuing) });
  assert.equal(inbox.status, 200, inbox.text);
  const body = JSON.stringify(newCredit("TL"));
  const answer = await request(ctx.base, "POST", "/v1/documents", {
    tls: withCert(kIssuing),
    headers: { "content-type": "application/json", "x-jws-signature": await sign(ctx.data, kIssuing, body) }, body });
  assert.equal(answer.status, 201, answer.text);
  assert.equal(answer.json().submitter, kIssuing);
});

test("a certificate bank cannot submit what another bank signed", async () => {
  const body = JSON.stringify(newCredit("TL"));
  const answer = await request(ctx.base, "POST", "/v1/documents", {
    tls: withCert(kIssuing),
    headers: { "content-type": "application/json", "x-jws-signature": await sign(ctx.data, kAdvising, body) }, body });
  assert.equal(answer.status, 403, answer.text);
});

test("without a client certificate: 401, unless a bearer token names the bank", async () => {
  const opts = { ca: pem("ca.pem"), agent: fresh() };
  assert.equal((await request(ctx.base, "GET", "/v1/inbox", { tls: opts })).status, 401);
  assert.equal((await request(ctx.base, "GET", "/v1/inbox", { tls: { ...opts, agent: fresh() }, token: ctx.tokens[kAdvising] })).status, 200);
  assert.equal((await request(ctx.base, "GET", "/healthz", { tls: { ...opts, agent: fresh() } })).status, 200);
});

test("a certificate of an unknown CA is refused in the handshake", async () => {
  const opts = { ca: pem("ca.pem"), cert: pem("rogue.pem"), key: pem("rogue.key"), agent: fresh() };
  await assert.rejects(request(ctx.base, "GET", "/healthz", { tls: opts }));
});

test("an expired certificate is refused in the handshake", async () => {
  await assert.rejects(request(ctx.base, "GET", "/healthz", { tls: withCert("expired") }));
});

test("TLS 1.3 is negotiated; TLS 1.1 is refused", async () => {
  const url = new URL(ctx.base);
  const protocol = await new Promise((resolve, reject) => {
    const s = tls.connect({ host: url.hostname, port: Number(url.port), ca: pem("ca.pem"), servername: "localhost" }, () => {
      resolve(s.getProtocol());
      s.end();
    });
    s.on("error", reject);
  });
  assert.equal(protocol, "TLSv1.3");
  await assert.rejects(new Promise((resolve, reject) => {
    const s = tls.connect({ host: url.hostname, port: Number(url.port), ca: pem("ca.pem"), minVersion: "TLSv1",
                            maxVersion: "TLSv1.1", servername: "localhost" }, () => { s.end(); resolve(); });
    s.on("error", reject);
  }));
});

test("plain HTTP is refused off loopback without --insecure-http", () => {
  const r = spawnSync(lcprocBinary(), ["serve", "--data-dir", ctx.data, "--listen", "0.0.0.0", "--port", "0"],
                      { encoding: "utf8", timeout: 60000 });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /plain HTTP is served only on a loopback address/);
});
