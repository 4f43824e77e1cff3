// The cryptographic hot path under Google Benchmark: SHA-256 at the block sizes
// `openssl speed` reports, raw Ed25519 / ECDSA P-256 sign and verify over a 32-byte
// message (as `openssl speed ed25519 ecdsap256` measures them, there over 20 bytes),
// and the full detached JWS over a 2 KiB document, as the gateway verifies it.
// bench/compare_openssl.sh puts these figures beside `openssl speed`.
#include <string>

#include <benchmark/benchmark.h>

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

}  // namespace
}  // namespace lcproc::crypto

BENCHMARK_MAIN();
