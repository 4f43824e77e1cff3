// JWS compact serialization with a detached, unencoded payload: RFC 7515 with RFC 7797
// ("b64": false, "crit": ["b64"]), the form Open Banking uses for x-jws-signature.
//
// A bank signs the exact bytes of the HTTP body; the JWS travels beside it as
// "<base64url(protected header)>..<base64url(signature)>" (the payload part is empty).
// The signing input is ASCII(base64url(header)) || '.' || payload bytes.
//
// All functions are thread-safe and keep no state between calls.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/crypto/algorithm.h"
#include "pipeline/crypto/private_key.h"
#include "pipeline/crypto/public_key.h"
#include "pipeline/status.h"

namespace lcproc::crypto {

// The protected header fields lcproc reads. Unknown fields are allowed and ignored,
// except in "crit", where only "b64" is understood (RFC 7515 §4.1.11).
struct JwsHeader {
  Algorithm alg = Algorithm::kEs256;
  std::string kid;
};

// Signs `payload` (not encoded) with `key`; the header carries alg, kid =
// key.public_key().key_id(), b64=false and crit=["b64"].
Result<std::string> SignDetached(const PrivateKey& key, std::string_view payload);

// Parses and checks the protected header of a detached JWS without verifying it, so the
// caller can find the key by kid. Malformed for syntax errors (empty input, not three
// parts, a non-empty payload part, an encoded header over 4 KiB, bad base64url, bad
// JSON, a duplicate member name, a known member of the wrong JSON type, an empty crit);
// InvalidArgument for a missing, "none" or unsupported alg, a missing or empty kid, b64
// missing or true, crit missing, not naming b64 or naming any other parameter.
Result<JwsHeader> ParseDetachedHeader(std::string_view jws);

// A detached JWS split into its parts, with the protected header parsed: what
// ParseDetached returns so a caller that looked the key up by kid verifies without
// parsing the header a second time. The views point into the JWS string passed to
// ParseDetached, which must outlive this.
struct ParsedJws {
  JwsHeader header;
  std::string_view encoded_header;  // base64url, as signed
  std::string_view signature;       // base64url
};

// ParseDetachedHeader's checks and errors, keeping the parts.
Result<ParsedJws> ParseDetached(std::string_view jws);

// Verifies `jws` over `payload` with `key`. Header errors are those of
// ParseDetachedHeader; a signature part that is not canonical base64url is Malformed.
// Then Unauthenticated with the precise reason: alg is not the key's algorithm (the
// key decides, never the header: RFC 8725 §3.1), kid is not the key's id, the
// signature is not 64 bytes, or it does not verify.
// Creates no OpenSSL key or context once this thread has verified with `key` (see
// context_cache.h).
Status VerifyDetached(std::string_view jws, std::string_view payload, const PublicKey& key);

// The same, for a JWS already parsed by ParseDetached (same errors, same order).
Status VerifyDetached(const ParsedJws& jws, std::string_view payload, const PublicKey& key);

}  // namespace lcproc::crypto
