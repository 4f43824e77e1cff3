// PrivateKey: a signing key, Ed25519 or ECDSA P-256. Sign is const and safe to call
// from many threads. Copies share the key.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/crypto/algorithm.h"
#include "pipeline/crypto/public_key.h"
#include "pipeline/status.h"

namespace lcproc::crypto {

class PrivateKey {
 public:
  // A fresh key from OpenSSL's CSPRNG.
  static Result<PrivateKey> Generate(Algorithm alg);
  // A PEM "PRIVATE KEY" (PKCS#8) block, or the traditional "EC PRIVATE KEY".
  static Result<PrivateKey> FromPem(std::string_view pem);
  // Ed25519 from its 32-byte seed (RFC 8032 §5.1.5), as known-answer tests and C2SP
  // note keys give it.
  static Result<PrivateKey> FromEd25519Seed(std::string_view seed);

  Algorithm algorithm() const;
  const PublicKey& public_key() const { return public_key_; }
  // Unencrypted PKCS#8 PEM. Whoever writes it to disk must restrict the file's mode.
  std::string ToPem() const;
  // Ed25519: the 32-byte seed. REQUIRES: algorithm() == kEdDsa.
  std::string Ed25519Seed() const;

  // A 64-byte signature of `message`: Ed25519 (pure, RFC 8032), or ECDSA P-256 over
  // SHA-256(message) as raw r||s (RFC 7518 §3.4). Reuses this thread's signing context
  // for the key (context_cache.h), which holds a reference to the key until that slot
  // is reused or the thread exits.
  Result<std::string> Sign(std::string_view message) const;

  struct Impl;

 private:
  PrivateKey(std::shared_ptr<const Impl> impl, PublicKey pub)
      : impl_(std::move(impl)), public_key_(std::move(pub)) {}
  static Result<PrivateKey> FromPkey(void* owned_evp_pkey);
  std::shared_ptr<const Impl> impl_;
  PublicKey public_key_;
};

}  // namespace lcproc::crypto
