// The cryptographic hot path under Google Benchmark: SHA-256 at the block sizes
// `openssl speed` reports, raw Ed25519 / ECDSA P-256 sign and verify over a 32-byte
// message (as `openssl speed ed25519 ecdsap256` measures them, there over 20 bytes),
// and the full detached JWS over a 2 KiB document, as the gateway verifies it.
// bench/compare_openssl.sh puts these figures beside `openssl speed`.
//
// The rivals, in the same binary and run (ratios hold on a shared, noisy machine):
// Ed25519 verify over a 2 KiB message through OpenSSL 3.0, libsodium and wolfSSL, each
// the library's own call with its key set up once, and through lcproc's PublicKey::Verify;
// ECDSA P-256 verify of a SHA-256 digest through OpenSSL and wolfSSL.
#include <memory>
#include <string>

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <sodium.h>

#include "bench/wolfssl_verifier.h"
#include "pipeline/crypto/jws.h"
#include "pipeline/crypto/private_key.h"
#include "pipeline/crypto/public_key.h"
#include "pipeline/crypto/sha256.h"

namespace lcproc::crypto {
namespace {

const std::string kMessage32(32, 'm');

std::string Document(size_t size) {
  std::string doc;
  while (doc.size() < size) doc += R"({"lc":"LC-2024-000123","amount":"125000.00","ccy":"EUR"},)";
  doc.resize(size);
  return doc;
}

const PrivateKey& Key(Algorithm alg) {
  static const PrivateKey es = PrivateKey::Generate(Algorithm::kEs256).value();
  static const PrivateKey ed = PrivateKey::Generate(Algorithm::kEdDsa).value();
  return alg == Algorithm::kEs256 ? es : ed;
}

void BM_Sha256(benchmark::State& state) {
  std::string data(static_cast<size_t>(state.range(0)), 'x');
  for (auto _ : state) benchmark::DoNotOptimize(Sha256(data));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_Sha256)->Arg(64)->Arg(1024)->Arg(16384);

void SignRaw(benchmark::State& state, Algorithm alg) {
  const PrivateKey& key = Key(alg);
  for (auto _ : state) {
    Result<std::string> sig = key.Sign(kMessage32);
    benchmark::DoNotOptimize(sig);
    if (!sig.ok()) state.SkipWithError(sig.status().ToString().c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void VerifyRaw(benchmark::State& state, Algorithm alg) {
  const PrivateKey& key = Key(alg);
  const PublicKey& pub = key.public_key();
  std::string sig = key.Sign(kMessage32).value();
  for (auto _ : state) {
    Status s = pub.Verify(kMessage32, sig);
    benchmark::DoNotOptimize(s);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_Ed25519_Sign(benchmark::State& state) { SignRaw(state, Algorithm::kEdDsa); }
void BM_Ed25519_Verify(benchmark::State& state) { VerifyRaw(state, Algorithm::kEdDsa); }
void BM_Es256_Sign(benchmark::State& state) { SignRaw(state, Algorithm::kEs256); }
void BM_Es256_Verify(benchmark::State& state) { VerifyRaw(state, Algorithm::kEs256); }
BENCHMARK(BM_Ed25519_Sign);
BENCHMARK(BM_Ed25519_Verify);
BENCHMARK(BM_Es256_Sign);
BENCHMARK(BM_Es256_Verify);

constexpr size_t kJwsDocumentSize = 2048;

void SignJws(benchmark::State& state, Algorithm alg) {
  const PrivateKey& key = Key(alg);
  std::string doc = Document(kJwsDocumentSize);
  for (auto _ : state) {
    Result<std::string> jws = SignDetached(key, doc);
    benchmark::DoNotOptimize(jws);
    if (!jws.ok()) state.SkipWithError(jws.status().ToString().c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void VerifyJws(benchmark::State& state, Algorithm alg) {
  const PrivateKey& key = Key(alg);
  const PublicKey& pub = key.public_key();
  std::string doc = Document(kJwsDocumentSize);
  std::string jws = SignDetached(key, doc).value();
  for (auto _ : state) {
    Status s = VerifyDetached(jws, doc, pub);
    benchmark::DoNotOptimize(s);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_Jws_Sign_EdDSA(benchmark::State& state) { SignJws(state, Algorithm::kEdDsa); }
void BM_Jws_Verify_EdDSA(benchmark::State& state) { VerifyJws(state, Algorithm::kEdDsa); }
void BM_Jws_Sign_ES256(benchmark::State& state) { SignJws(state, Algorithm::kEs256); }
void BM_Jws_Verify_ES256(benchmark::State& state) { VerifyJws(state, Algorithm::kEs256); }
BENCHMARK(BM_Jws_Sign_EdDSA);
BENCHMARK(BM_Jws_Verify_EdDSA);
BENCHMARK(BM_Jws_Sign_ES256);
BENCHMARK(BM_Jws_Verify_ES256);

// The JWS header alone (split, base64url, JSON, rules), the per-document cost on top
// of the signature check.
void BM_Jws_ParseHeader(benchmark::State& state) {
  std::string jws = SignDetached(Key(Algorithm::kEdDsa), "x").value();
  for (auto _ : state) benchmark::DoNotOptimize(ParseDetachedHeader(jws));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Jws_ParseHeader);

// ---- Rivals: one library call per verify, key and context set up before the loop ----

constexpr size_t kRivalMessageSize = 2048;

// An OpenSSL key of `type` ("ED25519" or "EC" on P-256) with a signature of `data` made
// by OpenSSL: Ed25519 over the message, P-256 (DER) over its SHA-256 digest.
struct RivalKey {
  EVP_PKEY* pkey = nullptr;
  std::string raw_public;  // 32 bytes, or the 65-byte uncompressed point
  std::string data;        // the message (Ed25519) or its SHA-256 (P-256)
  std::string signature;   // 64 bytes (Ed25519) or DER (P-256)
  ~RivalKey() { EVP_PKEY_free(pkey); }
};

const RivalKey& Ed25519RivalKey() {
  static const RivalKey* key = [] {
    auto* k = new RivalKey;
    k->pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    unsigned char raw[32];
    size_t raw_len = sizeof(raw);
    EVP_PKEY_get_raw_public_key(k->pkey, raw, &raw_len);
    k->raw_public.assign(reinterpret_cast<char*>(raw), raw_len);
    k->data = Document(kRivalMessageSize);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned char sig[64];
    size_t sig_len = sizeof(sig);
    EVP_DigestSignInit_ex(ctx, nullptr, nullptr, nullptr, nullptr, k->pkey, nullptr);
    EVP_DigestSign(ctx, sig, &sig_len, reinterpret_cast<const unsigned char*>(k->data.data()),
                   k->data.size());
    EVP_MD_CTX_free(ctx);
    k->signature.assign(reinterpret_cast<char*>(sig), sig_len);
    return k;
  }();
  return *key;
}

const RivalKey& P256RivalKey() {
  static const RivalKey* key = [] {
    auto* k = new RivalKey;
    k->pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    unsigned char point[65];
    size_t point_len = 0;
    EVP_PKEY_get_octet_string_param(k->pkey, "encoded-pub-key", point, sizeof(point), &point_len);
    k->raw_public.assign(reinterpret_cast<char*>(point), point_len);
    Digest digest = Sha256(Document(kRivalMessageSize));
    k->data.assign(reinterpret_cast<const char*>(digest.data()), digest.size());
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, k->pkey, nullptr);
    unsigned char sig[80];
    size_t sig_len = sizeof(sig);
    EVP_PKEY_sign_init(ctx);
    EVP_PKEY_sign(ctx, sig, &sig_len, digest.data(), digest.size());
    EVP_PKEY_CTX_free(ctx);
    k->signature.assign(reinterpret_cast<char*>(sig), sig_len);
    return k;
  }();
  return *key;
}

const unsigned char* U(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

void Count(benchmark::State& state, size_t message_size) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * message_size));
}

// OpenSSL 3.0 as `openssl speed ed25519` drives it: one EVP_MD_CTX initialised once.
void BM_Ed25519Verify2KiB_OpenSsl(benchmark::State& state) {
  const RivalKey& k = Ed25519RivalKey();
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestVerifyInit_ex(ctx, nullptr, nullptr, nullptr, nullptr, k.pkey, nullptr);
  for (auto _ : state) {
    int rc = EVP_DigestVerify(ctx, U(k.signature), k.signature.size(), U(k.data), k.data.size());
    benchmark::DoNotOptimize(rc);
    if (rc != 1) state.SkipWithError("OpenSSL refused a valid Ed25519 signature");
  }
  EVP_MD_CTX_free(ctx);
  Count(state, k.data.size());
}

void BM_Ed25519Verify2KiB_Libsodium(benchmark::State& state) {
  const RivalKey& k = Ed25519RivalKey();
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  for (auto _ : state) {
    int rc = crypto_sign_verify_detached(U(k.signature), U(k.data), k.data.size(), U(k.raw_public));
    benchmark::DoNotOptimize(rc);
    if (rc != 0) state.SkipWithError("libsodium refused a valid Ed25519 signature");
  }
  Count(state, k.data.size());
}

void BM_Ed25519Verify2KiB_WolfSsl(benchmark::State& state) {
  const RivalKey& k = Ed25519RivalKey();
  std::unique_ptr<bench::WolfSslVerifier> v = bench::WolfSslVerifier::Ed25519(k.raw_public);
  if (!v) state.SkipWithError("wolfSSL refused the Ed25519 key");
  for (auto _ : state) {
    bool ok = v && v->Verify(k.data, k.signature);
    benchmark::DoNotOptimize(ok);
    if (!ok) state.SkipWithError("wolfSSL refused a valid Ed25519 signature");
  }
  Count(state, k.data.size());
}

// What the engine calls: lcproc's rule (ed25519_rule.h) and then the chosen library.
void BM_Ed25519Verify2KiB_Lcproc(benchmark::State& state) {
  const RivalKey& k = Ed25519RivalKey();
  PublicKey pub = PublicKey::FromRaw(Algorithm::kEdDsa, k.raw_public).value();
  for (auto _ : state) {
    Status s = pub.Verify(k.data, k.signature);
    benchmark::DoNotOptimize(s);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  Count(state, k.data.size());
}
BENCHMARK(BM_Ed25519Verify2KiB_OpenSsl);
BENCHMARK(BM_Ed25519Verify2KiB_Libsodium);
BENCHMARK(BM_Ed25519Verify2KiB_WolfSsl);
BENCHMARK(BM_Ed25519Verify2KiB_Lcproc);

// P-256 over a SHA-256 digest (hashing excluded), as `openssl speed ecdsap256` measures.
void BM_P256Verify_OpenSsl(benchmark::State& state) {
  const RivalKey& k = P256RivalKey();
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, k.pkey, nullptr);
  EVP_PKEY_verify_init(ctx);
  for (auto _ : state) {
    int rc = EVP_PKEY_verify(ctx, U(k.signature), k.signature.size(), U(k.data), k.data.size());
    benchmark::DoNotOptimize(rc);
    if (rc != 1) state.SkipWithError("OpenSSL refused a valid P-256 signature");
  }
  EVP_PKEY_CTX_free(ctx);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_P256Verify_WolfSsl(benchmark::State& state) {
  const RivalKey& k = P256RivalKey();
  std::unique_ptr<bench::WolfSslVerifier> v = bench::WolfSslVerifier::P256(k.raw_public);
  if (!v) state.SkipWithError("wolfSSL refused the P-256 key");
  for (auto _ : state) {
    bool ok = v && v->Verify(k.data, k.signature);
    benchmark::DoNotOptimize(ok);
    if (!ok) state.SkipWithError("wolfSSL refused a valid P-256 signature");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_P256Verify_OpenSsl);
BENCHMARK(BM_P256Verify_WolfSsl);

}  // namespace
}  // namespace lcproc::crypto

BENCHMARK_MAIN();
