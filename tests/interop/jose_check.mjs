// Cross-checks lcproc's detached JWS (RFC 7515 + RFC 7797, "b64": false) against an
// independent implementation, panva's `jose` (npm, v5).
//
//   node jose_check.mjs sign   --key KEY.pem --alg ES256|EdDSA --kid KID --file BODY
//       prints "<protected>..<signature>" over BODY's exact bytes
//   node jose_check.mjs verify --pub PUB.pem --alg ES256|EdDSA --jws VALUE --file BODY
//       prints "valid" (exit 0) or "invalid: <reason>" (exit 1)
// Usage errors exit 2. Run `npm ci` in this folder first.
import { readFileSync } from 'node:fs';
import { FlattenedSign, flattenedVerify, importPKCS8, importSPKI } from 'jose';

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  const opts = { mode };
  for (let i = 0; i < rest.length; i += 2) {
    if (!rest[i].startsWith('--') || i + 1 >= rest.length) usage(`bad argument ${rest[i]}`);
    opts[rest[i].slice(2)] = rest[i + 1];
  }
  return opts;
}

function usage(message) {
  console.error(`jose_check: ${message}`);
  console.error('usage: node jose_check.mjs sign --key KEY.pem --alg ALG --kid KID --file BODY');
  console.error('       node jose_check.mjs verify --pub PUB.pem --alg ALG --jws VALUE --file BODY');
  process.exit(2);
}

function need(opts, ...names) {
  for (const n of names) if (opts[n] === undefined) usage(`missing --${n}`);
}

async function sign(opts) {
  need(opts, 'key', 'alg', 'kid', 'file');
  const key = await importPKCS8(readFileSync(opts.key, 'utf8'), opts.alg);
  const body = new Uint8Array(readFileSync(opts.file));
  const jws = await new FlattenedSign(body)
    .setProtectedHeader({ alg: opts.alg, kid: opts.kid, b64: false, crit: ['b64'] })
    .sign(key);
  // RFC 7515 Appendix F: detached content leaves the payload part empty.
  console.log(`${jws.protected}..${jws.signature}`);
}

async function verify(opts) {
  need(opts, 'pub', 'alg', 'jws', 'file');
  const key = await importSPKI(readFileSync(opts.pub, 'utf8'), opts.alg);
  const parts = opts.jws.split('.');
  if (parts.length !== 3 || parts[1] !== '') {
    console.log('invalid: not a detached compact JWS (header..signature)');
    process.exit(1);
  }
  const body = new Uint8Array(readFileSync(opts.file));
  try {
    const { protectedHeader } = await flattenedVerify(
      { protected: parts[0], payload: body, signature: parts[2] }, key,
      { algorithms: [opts.alg] });
    if (protectedHeader.b64 !== false) throw new Error('header lacks "b64": false');
    console.log('valid');
  } catch (e) {
    console.log(`invalid: ${e.code ?? ''} ${e.message}`);
    process.exit(1);
  }
}

const opts = parseArgs(process.argv.slice(2));
if (opts.mode === 'sign') await sign(opts);
else if (opts.mode === 'verify') await verify(opts);
else usage(`unknown mode ${opts.mode}`);
