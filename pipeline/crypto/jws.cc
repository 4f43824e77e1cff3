// Detached JWS with unencoded payload (RFC 7515 + RFC 7797). The header JSON lives in
// jws_header.cc; this file splits, encodes and checks the compact serialization.
#include "pipeline/crypto/jws.h"

#include <string>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/jws_internal.h"

namespace lcproc::crypto {
namespace {

struct DetachedParts {
  std::string_view header;     // base64url protected header
  std::string_view signature;  // base64url signature
};

// "<header>..<signature>": RFC 7515 §7.1 compact form whose payload part is empty
// because the payload travels beside it (RFC 7515 Appendix F).
Result<DetachedParts> Split(std::string_view jws) {
  if (jws.empty()) return Malformed("JWS is empty");
  size_t first = jws.find('.');
  if (first == std::string_view::npos)
    return Malformed("JWS has no '.'; expected header..signature");
  size_t second = jws.find('.', first + 1);
  if (second == std::string_view::npos) {
    return Malformed("JWS has one '.'; expected three parts header..signature");
  }
  if (jws.find('.', second + 1) != std::string_view::npos) {
    return Malformed("JWS has more than three parts");
  }
  if (second != first + 1) {
    return Malformed("JWS payload part is not empty; lcproc takes detached JWS only");
  }
  DetachedParts parts{jws.substr(0, first), jws.substr(second + 1)};
  if (parts.header.empty()) return Malformed("JWS protected header part is empty");
  if (parts.header.size() > kMaxProtectedHeaderSize) {
    return Malformed("JWS protected header is " + std::to_string(parts.header.size()) +
                     " bytes encoded; the limit is " + std::to_string(kMaxProtectedHeaderSize));
  }
  if (parts.signature.empty()) return Malformed("JWS signature part is empty");
  return parts;
}

Result<JwsHeader> DecodeHeader(std::string_view encoded) {
  Result<std::string> json = Base64UrlDecode(encoded);
  if (!json.ok()) return Malformed("JWS protected header: " + json.status().message());
  return ParseProtectedHeaderJson(*json);
}

// One buffer per thread for the signing input: Ed25519 needs the message in one
// piece, and reusing the capacity keeps the hot path free of allocations.
std::string& ThreadSigningInput() {
  thread_local std::string buffer;
  return buffer;
}

}  // namespace

Result<std::string> SignDetached(const PrivateKey& key, std::string_view payload) {
  std::string header =
      Base64UrlEncode(EncodeProtectedHeader(key.algorithm(), key.public_key().key_id()));
  std::string& input = ThreadSigningInput();
  BuildSigningInput(header, payload, input);
  LCPROC_ASSIGN_OR_RETURN(std::string signature, key.Sign(input));
  header += "..";
  header += Base64UrlEncode(signature);
  return header;
}

Result<ParsedJws> ParseDetached(std::string_view jws) {
  LCPROC_ASSIGN_OR_RETURN(DetachedParts parts, Split(jws));
  LCPROC_ASSIGN_OR_RETURN(JwsHeader header, DecodeHeader(parts.header));
  return ParsedJws{std::move(header), parts.header, parts.signature};
}

Result<JwsHeader> ParseDetachedHeader(std::string_view jws) {
  LCPROC_ASSIGN_OR_RETURN(ParsedJws parsed, ParseDetached(jws));
  return std::move(parsed.header);
}

Status VerifyDetached(std::string_view jws, std::string_view payload, const PublicKey& key) {
  LCPROC_ASSIGN_OR_RETURN(ParsedJws parsed, ParseDetached(jws));
  return VerifyDetached(parsed, payload, key);
}

Status VerifyDetached(const ParsedJws& jws, std::string_view payload, const PublicKey& key) {
  const JwsHeader& header = jws.header;
  // RFC 7515 §10.7 / RFC 8725 §3.1: the key decides the algorithm, never the header.
  if (header.alg != key.algorithm()) {
    return Unauthenticated("JWS alg " + std::string(AlgorithmName(header.alg)) +
                           " does not match the key's algorithm " +
                           std::string(AlgorithmName(key.algorithm())));
  }
  if (header.kid != key.key_id()) {
    return Unauthenticated("JWS kid '" + header.kid + "' is not the key's id '" + key.key_id() +
                           "'");
  }
  Result<std::string> signature = Base64UrlDecode(jws.signature);
  if (!signature.ok()) return Malformed("JWS signature: " + signature.status().message());
  std::string& input = ThreadSigningInput();
  BuildSigningInput(jws.encoded_header, payload, input);
  return key.Verify(input, *signature);
}

}  // namespace lcproc::crypto
