#include "pipeline/crypto/ecdsa_signature.h"

#include <cstring>

namespace lcproc::crypto {
namespace {

// X.690 §8.3: an INTEGER is two's complement, minimal; a positive value whose top bit
// is set gets a leading 0x00. Zero is the one byte 0x00.
size_t PutInteger(const uint8_t* value32, uint8_t* out) {
  size_t skip = 0;
  while (skip < 31 && value32[skip] == 0) ++skip;
  size_t len = 32 - skip;
  bool pad = (value32[skip] & 0x80) != 0;
  out[0] = 0x02;
  out[1] = static_cast<uint8_t>(len + (pad ? 1 : 0));
  uint8_t* p = out + 2;
  if (pad) *p++ = 0x00;
  std::memcpy(p, value32 + skip, len);
  return 2 + (pad ? 1 : 0) + len;
}

// Reads one INTEGER at der[*pos] into a 32-byte big-endian field.
bool GetInteger(const uint8_t* der, size_t end, size_t* pos, uint8_t* out32) {
  if (*pos + 2 > end || der[*pos] != 0x02) return false;
  size_t len = der[*pos + 1];
  size_t start = *pos + 2;
  if (len == 0 || len > 33 || start + len > end) return false;
  if (der[start] & 0x80) return false;  // negative
  const uint8_t* v = der + start;
  size_t n = len;
  if (n == 33) {
    if (v[0] != 0) return false;
    ++v;
    --n;
  }
  std::memset(out32, 0, 32 - n);
  std::memcpy(out32 + 32 - n, v, n);
  *pos = start + len;
  return true;
}

}  // namespace

size_t EcdsaRawToDer(const uint8_t* raw, uint8_t* der) {
  size_t len = PutInteger(raw, der + 2);
  len += PutInteger(raw + 32, der + 2 + len);
  der[0] = 0x30;
  der[1] = static_cast<uint8_t>(len);  // at most 70: the short length form
  return len + 2;
}

bool EcdsaDerToRaw(const uint8_t* der, size_t der_len, uint8_t* raw) {
  if (der_len < 2 || der[0] != 0x30 || der[1] != der_len - 2 || der[1] >= 0x80) return false;
  size_t pos = 2;
  if (!GetInteger(der, der_len, &pos, raw)) return false;
  if (!GetInteger(der, der_len, &pos, raw + 32)) return false;
  return pos == der_len;
}

}  // namespace lcproc::crypto
