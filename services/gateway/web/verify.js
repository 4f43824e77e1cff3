// In-browser proof that a ledger entry is in lcproc's signed ledger, with WebCrypto only:
//   1. the leaf hash is SHA-256(0x00 || leaf bytes) (RFC 9162 2.1.1) of the entry as served;
//   2. the inclusion proof leads from it to a root hash (RFC 9162 2.1.3.2);
//   3. that root and tree size are the ones in the checkpoint, a C2SP signed note whose
//      Ed25519 signature is checked against the log key published at /v1/participants.
// Each step's outcome is reported in words; any failure means "not proven".
"use strict";

const LcprocVerify = (() => {
  const enc = new TextEncoder();

  function b64(text) {
    const bin = atob(text.trim());
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }
  async function sha256(bytes) { return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)); }
  function equal(a, b) { return a.length === b.length && a.every((v, i) => v === b[i]); }
  const hex = (b) => Array.from(b, (v) => v.toString(16).padStart(2, "0")).join("");

  async function leafHash(leaf) { return sha256(concat(Uint8Array.of(0), leaf)); }
  const node = (l, r) => sha256(concat(Uint8Array.of(1), l, r));

  // RFC 9162 section 2.1.3.2: the root an inclusion proof implies, or null when the
  // proof's length does not fit the index and size.
  async function rootFromInclusion(index, size, leafHashBytes, path) {
    if (index >= size) return null;
    let fn = index, sn = size - 1, r = leafHashBytes;
    const half = (x) => Math.floor(x / 2);
    for (const p of path) {
      if (sn === 0) return null;
      if (fn % 2 === 1 || fn === sn) {
        r = await node(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = half(fn); sn = half(sn); }
        }
      } else {
        r = await node(r, p);
      }
      fn = half(fn); sn = half(sn);
    }
    return sn === 0 ? r : null;
  }

  // A C2SP checkpoint: "origin\nsize\nbase64 root\n[extensions]\n\n— name base64sig\n…"
  function parseCheckpoint(note) {
    const split = note.indexOf("\n\n");
    if (split < 0) throw new Error("the checkpoint has no signature block");
    const body = note.slice(0, split + 1);
    const lines = body.split("\n");
    const signatures = note.slice(split + 2).split("\n").filter((l) => l.startsWith("\u2014 ")).map((l) => {
      const [, name, sig] = l.split(" ");
      return { name, bytes: b64(sig) };
    });
    return { body, origin: lines[0], size: Number(lines[1]), root: b64(lines[2]), signatures };
  }

  // "<name>+<hex key id>+<base64(0x01 || key)>" (golang.org/x/mod/sumdb/note).
  function parseLogKey(vkey) {
    // The base64 key may itself hold '+': split at the first two only.
    const first = vkey.indexOf("+"), second = vkey.indexOf("+", first + 1);
    const name = vkey.slice(0, first), id = vkey.slice(first + 1, second), key = vkey.slice(second + 1);
    const raw = b64(key);
    if (raw[0] !== 1 || raw.length !== 33) throw new Error("the log key is not an Ed25519 verifier key");
    return { name, id: id.toLowerCase(), key: raw.slice(1) };
  }

  async function verifySignature(checkpoint, logKey) {
    const sig = checkpoint.signatures.find((s) => s.name === logKey.name && hex(s.bytes.slice(0, 4)) === logKey.id);
    if (!sig) return { ok: false, text: `no signature by the log key ${logKey.name}` };
    let key;
    try {
      key = await crypto.subtle.importKey("raw", logKey.key, { name: "Ed25519" }, false, ["verify"]);
    } catch (e) {
      return { ok: null, text: "this browser cannot check Ed25519 signatures; the signature was not checked" };
    }
    const ok = await crypto.subtle.verify({ name: "Ed25519" }, key, sig.bytes.slice(4), enc.encode(checkpoint.body));
    return { ok, text: ok ? `checkpoint signature by ${logKey.name} is valid (Ed25519)` : "the checkpoint signature does NOT verify" };
  }

  // entry: {leaf (base64)}; proof: {index, treeSize, hashes[], checkpoint}; logKey text.
  // Resolves {ok, steps: [text…]}; ok only when every step passed.
  async function verifyEntry(entry, proof, logKeyText) {
    const steps = [];
    const fail = (text) => { steps.push(text); return { ok: false, steps }; };
    const leaf = b64(entry.leaf);
    const lh = await leafHash(leaf);
    steps.push(`leaf hash SHA-256(0x00 || ${leaf.length} bytes) = ${hex(lh).slice(0, 16)}…`);
    const cp = parseCheckpoint(proof.checkpoint);
    if (cp.size !== proof.treeSize) return fail(`the checkpoint is for size ${cp.size}, the proof for ${proof.treeSize}`);
    const root = await rootFromInclusion(proof.index, proof.treeSize, lh, proof.hashes.map(b64));
    if (!root) return fail("the inclusion proof does not fit the entry's index and the tree size");
    if (!equal(root, cp.root)) return fail(`the inclusion proof leads to root ${hex(root).slice(0, 16)}…, not the checkpoint's ${hex(cp.root).slice(0, 16)}…`);
    steps.push(`inclusion proof (${proof.hashes.length} hashes) leads to the checkpoint's root at size ${cp.size}`);
    const sig = await verifySignature(cp, parseLogKey(logKeyText));
    steps.push(sig.text);
    if (sig.ok === false) return { ok: false, steps };
    return { ok: true, signatureChecked: sig.ok === true, steps };
  }

  return { verifyEntry, rootFromInclusion, leafHash, parseCheckpoint };
})();
