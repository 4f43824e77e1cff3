// The pieces of a detached JWS (jws.h) exposed to pipeline/crypto/ and its tests: the
// protected header's JSON in both directions and the RFC 7797 signing input.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "pipeline/crypto/algorithm.h"
#include "pipeline/crypto/jws.h"
#include "pipeline/status.h"

namespace lcproc::crypto {

// The longest base64url protected header accepted (4 KiB); ours is about 120 bytes.
// Bounds the work an unauthenticated request can ask of the JSON parser.
inline constexpr size_t kMaxProtectedHeaderSize = 4096;

// {"alg":"<alg>","kid":"<kid>","b64":false,"crit":["b64"]}, the header SignDetached
// writes (RFC 7797 §3 and §6).
std::string EncodeProtectedHeader(Algorithm alg, std::string_view kid);

// Parses the header JSON (already base64url-decoded) and applies the rules of jws.h:
// Malformed for bad JSON, a non-object, a duplicate member name (RFC 7515 §4: names
// MUST be unique), a known member of the wrong JSON type or an empty crit;
// InvalidArgument for a missing, "none" or unsupported alg, a missing kid, b64 missing
// or true, crit missing, not naming b64 or naming a parameter lcproc does not
// understand (RFC 7515 §4.1.11, RFC 7797 §6).
Result<JwsHeader> ParseProtectedHeaderJson(std::string_view json);

// ASCII(encoded_header) || '.' || payload: the JWS Signing Input when "b64" is false
// (RFC 7797 §3), written into `out` (replacing its contents, reusing its capacity).
void BuildSigningInput(std::string_view encoded_header, std::string_view payload, std::string& out);

}  // namespace lcproc::crypto
