// The parsed forms behind PublicKey and PrivateKey. For crypto/ and its tests only.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "pipeline/crypto/context_cache.h"
#include "pipeline/crypto/ed25519_rule.h"
#include "pipeline/crypto/openssl_ptr.h"
#include "pipeline/crypto/private_key.h"
#include "pipeline/crypto/public_key.h"

namespace lcproc::crypto {

struct PublicKey::Impl {
  EvpPkeyPtr pkey;
  Algorithm alg;
  std::string spki_der;
  std::string key_id;
  // Ed25519 only: the raw key of RFC 8032, which libsodium verifies with (it passed
  // CheckEd25519PublicKey when parsed). Zero for ES256.
  std::array<uint8_t, kEd25519PublicKeySize> ed25519_key{};
  // Names this key in the per-thread context cache (context_cache.h).
  uint64_t serial = NextKeySerial();
};

struct PrivateKey::Impl {
  EvpPkeyPtr pkey;
  Algorithm alg;
  uint64_t serial = NextKeySerial();
};

struct KeyAccess {
  static PublicKey Make(std::shared_ptr<const PublicKey::Impl> impl) {
    return PublicKey(std::move(impl));
  }
  static const PublicKey::Impl& Of(const PublicKey& key) { return *key.impl_; }
};

// Wraps an owned EVP_PKEY holding (at least) a public key: checks that it is Ed25519
// or P-256, and computes its DER and key id. Takes ownership whatever the outcome.
Result<PublicKey> PublicKeyFromPkey(EvpPkeyPtr pkey);

// The EVP_PKEY inside a key, borrowed, for crypto/'s own hot paths.
const EVP_PKEY* PkeyOf(const PublicKey& key);

}  // namespace lcproc::crypto
