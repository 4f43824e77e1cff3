// The signature algorithms banks may sign with, named as JWS (RFC 7518 §3.4, RFC 8037)
// names them.
#pragma once

#include <string_view>

#include "pipeline/status.h"

namespace lcproc::crypto {

enum class Algorithm {
  kEs256,  // ECDSA P-256 with SHA-256; signatures are raw r||s, 64 bytes
  kEdDsa,  // Ed25519 (RFC 8032); signatures are 64 bytes
};

// "ES256" or "EdDSA".
std::string_view AlgorithmName(Algorithm alg);
// Exact, case-sensitive match of a JWS "alg" value; anything else is InvalidArgument.
Result<Algorithm> ParseAlgorithm(std::string_view name);

inline constexpr size_t kSignatureSize = 64;  // both algorithms

}  // namespace lcproc::crypto
