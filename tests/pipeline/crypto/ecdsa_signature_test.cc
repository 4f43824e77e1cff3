#include "pipeline/crypto/ecdsa_signature.h"

#include <string>

#include <gtest/gtest.h>

#include "pipeline/crypto/hex.h"

namespace lcproc::crypto {
namespace {

std::string ToDer(const std::string& raw_hex) {
  std::string raw = HexDecode(raw_hex).value();
  uint8_t der[kMaxEcdsaDerSize];
  size_t n = EcdsaRawToDer(reinterpret_cast<const uint8_t*>(raw.data()), der);
  return HexEncode(std::string(reinterpret_cast<char*>(der), n));
}

TEST(EcdsaSignatureTest, EncodesMinimalDerIntegers) {
  // r = 1, s = 0x80 (needs a 0x00 sign octet, X.690 §8.3.2).
  std::string r(64, '0'), s(64, '0');
  r[63] = '1';
  s[62] = '8';
  EXPECT_EQ(ToDer(r + s),
            "3007020101020200"
            "80");
  // Zero stays one octet.
  EXPECT_EQ(ToDer(std::string(128, '0')), "3006020100020100");
  // Full-width values with the top bit set take 33 octets each: the 72-byte maximum.
  EXPECT_EQ(ToDer(std::string(128, 'f')).size(), 2 * kMaxEcdsaDerSize);
}

TEST(EcdsaSignatureTest, DerRoundTripsToRaw) {
  std::string raw =
      HexDecode(std::string(2, '0') + std::string(62, '7') + std::string(64, 'f')).value();
  uint8_t der[kMaxEcdsaDerSize], back[64];
  size_t n = EcdsaRawToDer(reinterpret_cast<const uint8_t*>(raw.data()), der);
  ASSERT_TRUE(EcdsaDerToRaw(der, n, back));
  EXPECT_EQ(std::string(reinterpret_cast<char*>(back), 64), raw);
}

TEST(EcdsaSignatureTest, RefusesMalformedDer) {
  uint8_t out[64];
  std::string bad[] = {
      "",                    // empty
      "3006020100020100ff",  // trailing byte
      "3006020100030100",    // second element not an INTEGER
      "30060201800201"
      "00",                // negative r
      "3005020100020100",  // length mismatch
      "3027"
      "0222" +
          std::string(68, '0') + "020100",  // 34-octet r
  };
  for (const std::string& hex : bad) {
    std::string der = HexDecode(hex).value();
    EXPECT_FALSE(EcdsaDerToRaw(reinterpret_cast<const uint8_t*>(der.data()), der.size(), out))
        << hex;
  }
}

}  // namespace
}  // namespace lcproc::crypto
