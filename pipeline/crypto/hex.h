// Hexadecimal encoding of byte strings (lower case out; either case in).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace lcproc::crypto {

std::string HexEncode(std::string_view bytes);
// Malformed on an odd length or a character outside [0-9a-fA-F].
Result<std::string> HexDecode(std::string_view hex);

}  // namespace lcproc::crypto
