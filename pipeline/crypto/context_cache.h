// ContextCache: this thread's OpenSSL operation contexts, each set up once for one key
// and one operation, so signing and verifying on the hot path neither allocate nor
// re-run the provider lookup inside EVP_*_init (the way `openssl speed` measures:
// one pre-initialised context per key, reused for every operation).
//
// For pipeline/crypto/ only. Each thread has its own cache (thread_local), so no lock
// is taken. The cache is direct-mapped on the key's serial number (never reused within
// a process, so a slot can never answer for a different key) and bounded to
// kContextCacheSlots slots per thread; a slot keeps a reference to its EVP_PKEY until
// it is replaced or the thread exits.
#pragma once

#include <cstddef>
#include <cstdint>

#include "pipeline/crypto/openssl_ptr.h"

namespace lcproc::crypto {

inline constexpr size_t kContextCacheSlots = 256;

enum class KeyOperation : uint8_t { kSign = 0, kVerify = 1 };

// A process-unique, non-zero number for a newly parsed key. Thread-safe.
uint64_t NextKeySerial();

// The EVP_PKEY_CTX for raw-digest ECDSA (EVP_PKEY_sign / EVP_PKEY_verify) with `pkey`,
// initialised for `op` on first use in this thread. nullptr, with the OpenSSL error
// queue set, when initialisation fails. REQUIRES: `serial` identifies `pkey`.
EVP_PKEY_CTX* CachedPkeyContext(uint64_t serial, EVP_PKEY* pkey, KeyOperation op);

// The EVP_MD_CTX for one-shot EVP_DigestSign / EVP_DigestVerify with `pkey` and no
// separate digest (Ed25519), initialised for `op` on first use in this thread.
// nullptr, with the OpenSSL error queue set, when initialisation fails.
EVP_MD_CTX* CachedDigestContext(uint64_t serial, EVP_PKEY* pkey, KeyOperation op);

}  // namespace lcproc::crypto
