#include "pipeline/crypto/ed25519_rule.h"

#include <array>

namespace lcproc::crypto {
namespace {

using Encoding = std::array<uint8_t, 32>;

// L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 §5.1), little-endian.
constexpr Encoding kGroupOrder = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                  0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                  0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};

// The y coordinates (little-endian, below p) of the eight points of order 1, 2, 4 and 8:
// y = 0 (two points of order 4), 1 (the identity), p - 1 (order 2) and the two values y8
// and p - y8 of the four points of order 8. Each y carries two points (x and -x, told
// apart by the sign bit), so the sign bit is ignored when matching.
constexpr std::array<Encoding, 5> kSmallOrderY = {{
    {0},
    {1},
    {0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
     0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
     0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
    {0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4,
     0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6,
     0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05},
    {0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b,
     0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39,
     0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a},
}};

// y < p = 2^255 - 19, with the sign bit (bit 255) set aside: the 255-bit y is at least p
// only when bits 8..254 are all ones and the low byte is at least 0xed.
bool IsCanonicalPoint(std::span<const uint8_t, 32> e) {
  if ((e[31] & 0x7f) != 0x7f) return true;
  for (size_t i = 1; i < 31; ++i) {
    if (e[i] != 0xff) return true;
  }
  return e[0] < 0xed;
}

bool IsSmallOrderPoint(std::span<const uint8_t, 32> e) {
  for (const Encoding& y : kSmallOrderY) {
    bool same = (e[31] & 0x7f) == y[31];
    for (size_t i = 0; same && i < 31; ++i) same = e[i] == y[i];
    if (same) return true;
  }
  return false;
}

// Little-endian comparison from the most significant byte down.
bool IsBelowGroupOrder(std::span<const uint8_t, 32> s) {
  for (size_t i = 32; i-- > 0;) {
    if (s[i] != kGroupOrder[i]) return s[i] < kGroupOrder[i];
  }
  return false;  // equal to L
}

}  // namespace

Status CheckEd25519PublicKey(std::span<const uint8_t, kEd25519PublicKeySize> key) {
  if (!IsCanonicalPoint(key)) {
    return InvalidArgument("Ed25519 public key is not a canonical encoding (y is not below p)");
  }
  if (IsSmallOrderPoint(key)) {
    return InvalidArgument(
        "Ed25519 public key is a point of small order; signatures under it can be forged");
  }
  return Status::Ok();
}

Status CheckEd25519Signature(std::span<const uint8_t, 64> signature) {
  std::span<const uint8_t, 32> r = signature.first<32>();
  std::span<const uint8_t, 32> s = signature.last<32>();
  // S first: RFC 8032 §5.1.7 makes S >= L a reason to reject before anything else.
  if (!IsBelowGroupOrder(s)) {
    return Unauthenticated("Ed25519 signature S is not below the group order (RFC 8032 §5.1.7)");
  }
  if (!IsCanonicalPoint(r)) {
    return Unauthenticated("Ed25519 signature R is not a canonical encoding");
  }
  if (IsSmallOrderPoint(r)) return Unauthenticated("Ed25519 signature R is a point of small order");
  return Status::Ok();
}

}  // namespace lcproc::crypto
