// SHA-256 (FIPS 180-4) over byte strings. Thread-safe: every thread reuses its own
// digest context, so hashing on the hot path allocates nothing in OpenSSL.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace lcproc::crypto {

using Digest = std::array<uint8_t, 32>;

// SHA-256 of `data`.
Digest Sha256(std::string_view data);

// SHA-256 of the concatenation of `parts`, without copying them together; the
// Merkle tree hashes 0x00||leaf and 0x01||left||right this way.
Digest Sha256(std::initializer_list<std::string_view> parts);

// The digest's bytes as a string_view (borrowed from `d`).
inline std::string_view AsBytes(const Digest& d) {
  return {reinterpret_cast<const char*>(d.data()), d.size()};
}

// Lower-case hexadecimal, 64 characters.
std::string ToHex(const Digest& d);

}  // namespace lcproc::crypto
