// Conversion between the two spellings of an ECDSA P-256 signature: raw r||s, 32 bytes
// each (IEEE P1363, what JWS ES256 carries, RFC 7518 §3.4), and the DER
// ECDSA-Sig-Value OpenSSL signs and verifies (RFC 5480 §2.2 / SEC 1).
//
// For pipeline/crypto/ only. Pure functions on caller-owned buffers; no allocation,
// thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lcproc::crypto {

// A DER ECDSA-Sig-Value of two 32-byte integers is at most 2 + 2 * (2 + 33) bytes.
inline constexpr size_t kMaxEcdsaDerSize = 72;

// Writes the minimal DER SEQUENCE { INTEGER r, INTEGER s } for `raw` (64 bytes, r||s
// big-endian unsigned) into `der` and returns its length (<= kMaxEcdsaDerSize).
size_t EcdsaRawToDer(const uint8_t* raw, uint8_t* der);

// Parses a DER ECDSA-Sig-Value (as OpenSSL produces it) into 64 bytes r||s. Returns
// false when it is not a well-formed SEQUENCE of two non-negative INTEGERs that each
// fit 32 bytes.
bool EcdsaDerToRaw(const uint8_t* der, size_t der_len, uint8_t* raw);

}  // namespace lcproc::crypto
