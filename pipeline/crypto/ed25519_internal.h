// The two Ed25519 verifiers behind PublicKey::Verify. For crypto/ and its tests only.
//
// libsodium verifies on the hot path: on the development machine its
// crypto_sign_verify_detached is faster than OpenSSL 3.0's Ed25519 (README, Performance,
// "Ed25519: libsodium beside OpenSSL"). The OpenSSL verifier stays, held to the same
// rule, so the tests can run every vector through both and show they agree. Both apply
// CheckEd25519Signature (ed25519_rule.h) first; the key was checked when it was parsed.
// Thread-safe: libsodium's verify keeps no state; the OpenSSL one uses this thread's
// cached context (context_cache.h).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "pipeline/crypto/ed25519_rule.h"
#include "pipeline/crypto/openssl_ptr.h"
#include "pipeline/status.h"

namespace lcproc::crypto {

// Makes libsodium ready (sodium_init), once per process; every later call is a no-op.
// Called when a key is parsed, so no verify can run before it. Internal error when
// libsodium cannot initialise.
Status EnsureSodiumReady();

// REQUIRES: `public_key` passed CheckEd25519PublicKey; EnsureSodiumReady() returned OK.
// OK when `signature` (64 bytes) is valid for `message`; Unauthenticated otherwise.
Status VerifyEd25519Sodium(std::span<const uint8_t, kEd25519PublicKeySize> public_key,
                           std::string_view message, std::span<const uint8_t, 64> signature);

// The same check through OpenSSL, with this thread's verify context for key `serial`.
// REQUIRES: `pkey` is the Ed25519 key whose raw form passed CheckEd25519PublicKey.
Status VerifyEd25519OpenSsl(uint64_t serial, EVP_PKEY* pkey, std::string_view message,
                            std::span<const uint8_t, 64> signature);

}  // namespace lcproc::crypto
