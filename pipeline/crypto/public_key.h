// PublicKey: a bank's (or the processor's) verification key, Ed25519 or ECDSA P-256.
//
// Parsed once and shared: copies are cheap (a reference count), and Verify is const
// and safe to call from many threads at once. The key id is the base64url SHA-256 of
// the DER SubjectPublicKeyInfo, so any party can recompute it from the public key.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/crypto/algorithm.h"
#include "pipeline/status.h"

namespace lcproc::crypto {

class PublicKey {
 public:
  // A PEM "PUBLIC KEY" block (SubjectPublicKeyInfo). Malformed when it is not one, or
  // InvalidArgument when the key is of an algorithm we do not accept (RSA, P-384 …) or
  // an Ed25519 key that is non-canonical or of small order (ed25519_rule.h, rule 2).
  static Result<PublicKey> FromPem(std::string_view pem);
  // DER SubjectPublicKeyInfo.
  static Result<PublicKey> FromDer(std::string_view spki_der);
  // Ed25519: the 32-byte public key of RFC 8032. ES256: the 65-byte uncompressed point.
  static Result<PublicKey> FromRaw(Algorithm alg, std::string_view raw);

  Algorithm algorithm() const;
  // base64url(SHA-256(DER SPKI)), 43 characters.
  const std::string& key_id() const;
  const std::string& spki_der() const;
  std::string ToPem() const;
  // Ed25519: 32 bytes; ES256: 65-byte uncompressed point.
  std::string RawPublicKey() const;

  // OK when `signature` is a valid signature of `message` by this key. ES256 takes raw
  // r||s (64 bytes), never DER. Unauthenticated with the reason otherwise (wrong
  // length, not canonical, does not verify). Ed25519 follows lcproc's rule
  // (ed25519_rule.h) and is verified by libsodium, which keeps no state. ES256: each
  // thread keeps one OpenSSL verify context per key (context_cache.h), so a repeated
  // call creates no OpenSSL key or context.
  Status Verify(std::string_view message, std::string_view signature) const;

  struct Impl;  // defined in crypto/, holds the parsed EVP_PKEY

 private:
  explicit PublicKey(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  friend struct KeyAccess;  // crypto/'s own hot paths reach the parsed key
  std::shared_ptr<const Impl> impl_;
};

}  // namespace lcproc::crypto
