// Base64 (RFC 4648 §4, padded) and base64url (§5, unpadded, as JWS uses it).
// Decoders are strict: they refuse characters outside the alphabet, wrong padding and
// non-zero trailing bits, so one value has exactly one encoding (a JWS signature or a
// checkpoint root cannot be smuggled in two spellings).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace lcproc::crypto {

std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);

std::string Base64UrlEncode(std::string_view bytes);
Result<std::string> Base64UrlDecode(std::string_view text);

}  // namespace lcproc::crypto
