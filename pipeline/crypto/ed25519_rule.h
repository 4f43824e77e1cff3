// lcproc's rule for which Ed25519 signatures are acceptable, checked on the encodings
// alone before either verifier (libsodium on the hot path, OpenSSL beside it) sees them.
//
// RFC 8032 §5.1.7 leaves room: implementations differ on small-order points and on
// non-canonical encodings ("Taming the many EdDSAs", Chalkias et al., 2020). OpenSSL 3.0
// checks S < L and the cofactorless equation only; libsodium 1.0.18 also refuses
// small-order and non-canonical keys and small-order R. lcproc's rule, the strict one,
// holds whichever library verifies:
//
//   1. S, the second half of the signature, is below the group order L (RFC 8032
//      §5.1.7 step 1): no second spelling of a signature.
//   2. The public key A is a canonical encoding (y < p) and not a point of small order
//      (order 1, 2, 4 or 8, in either sign). Such a key has no private key behind it:
//      anyone can make "signatures" that verify under it.
//   3. R, the first half of the signature, is a canonical encoding and not a point of
//      small order.
//   4. Then the cofactorless equation [S]B = R + [SHA-512(R || A || M)]A holds, R
//      compared by its encoding (both libraries verify this way).
//
// Keys breaking rule 2 are refused when parsed (PublicKey::FromDer and friends);
// signatures breaking 1 or 3 are Unauthenticated with the rule's reason. Mixed-order keys
// (a real key plus a small-order component) cannot be told apart from the encoding and
// are verified cofactorless, as both libraries do.
//
// Pure functions of bytes, no curve arithmetic: comparisons against L, p and the five
// canonical small-order y coordinates. Thread-safe.
#pragma once

#include <cstdint>
#include <span>

#include "pipeline/status.h"

namespace lcproc::crypto {

inline constexpr size_t kEd25519PublicKeySize = 32;

// Rule 2. OK, or InvalidArgument naming what is wrong with the key.
Status CheckEd25519PublicKey(std::span<const uint8_t, kEd25519PublicKeySize> key);

// Rules 1 and 3 on a 64-byte signature R || S. OK, or Unauthenticated with the reason.
Status CheckEd25519Signature(std::span<const uint8_t, 64> signature);

}  // namespace lcproc::crypto
