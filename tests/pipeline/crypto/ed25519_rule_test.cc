// lcproc's Ed25519 encoding rule (ed25519_rule.h) at its boundaries. Whether the listed
// small-order points really are small order is shown in ed25519_verify_test.cc, where a
// forged signature under each of them passes OpenSSL 3.0 on its own.
#include "pipeline/crypto/ed25519_rule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "pipeline/crypto/hex.h"

namespace lcproc::crypto {
namespace {

using ::testing::HasSubstr;
using Bytes32 = std::array<uint8_t, 32>;
using Bytes64 = std::array<uint8_t, 64>;

Bytes32 FromHex(std::string_view hex) {
  std::string raw = HexDecode(hex).value();
  Bytes32 out{};
  std::copy(raw.begin(), raw.end(), out.begin());
  return out;
}

Bytes64 Signature(const Bytes32& r, const Bytes32& s) {
  Bytes64 sig{};
  std::copy(r.begin(), r.end(), sig.begin());
  std::copy(s.begin(), s.end(), sig.begin() + 32);
  return sig;
}

// RFC 8032 §7.1 TEST 1's public key and signature halves.
const Bytes32 kKey = FromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
const Bytes32 kR = FromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155");
const Bytes32 kS = FromHex("5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

// L, the order of the base point (RFC 8032 §5.1), little-endian.
const Bytes32 kL = FromHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

TEST(Ed25519RuleTest, AcceptsRfc8032KeyAndSignature) {
  EXPECT_TRUE(CheckEd25519PublicKey(kKey).ok());
  EXPECT_TRUE(CheckEd25519Signature(Signature(kR, kS)).ok());
}

TEST(Ed25519RuleTest, RefusesSAtOrAboveTheGroupOrder) {
  Status at_l = CheckEd25519Signature(Signature(kR, kL));
  EXPECT_EQ(at_l.code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(at_l.message(), HasSubstr("S is not below the group order"));

  Bytes32 l_minus_1 = kL;
  l_minus_1[0] -= 1;
  EXPECT_TRUE(CheckEd25519Signature(Signature(kR, l_minus_1)).ok());

  // S + L: the same point [S]B, a second spelling of a valid signature (malleability).
  Bytes32 s_plus_l{};
  unsigned carry = 0;
  for (size_t i = 0; i < 32; ++i) {
    unsigned sum = kS[i] + kL[i] + carry;
    s_plus_l[i] = static_cast<uint8_t>(sum);
    carry = sum >> 8;
  }
  EXPECT_FALSE(CheckEd25519Signature(Signature(kR, s_plus_l)).ok());

  Bytes32 all_ones;
  all_ones.fill(0xff);
  EXPECT_FALSE(CheckEd25519Signature(Signature(kR, all_ones)).ok());
}

TEST(Ed25519RuleTest, RefusesNonCanonicalKeysAndR) {
  // y = p - 2 is the largest canonical y that is not of small order; y = p .. p + 18 (and
  // 2^255 - 1) are second spellings of y = 0 .. 18, in either sign.
  Bytes32 p_minus_2 = FromHex("ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  EXPECT_TRUE(CheckEd25519PublicKey(p_minus_2).ok());
  EXPECT_TRUE(CheckEd25519Signature(Signature(p_minus_2, kS)).ok());
  for (uint8_t low = 0xed; low != 0; ++low) {
    for (uint8_t sign : {0x00, 0x80}) {
      Bytes32 y = p_minus_2;
      y[0] = low;
      y[31] = 0x7f | sign;
      SCOPED_TRACE(HexEncode(std::string_view(reinterpret_cast<const char*>(y.data()), 32)));
      Status key = CheckEd25519PublicKey(y);
      EXPECT_EQ(key.code(), StatusCode::kInvalidArgument);
      EXPECT_THAT(key.message(), HasSubstr("not a canonical encoding"));
      Status r = CheckEd25519Signature(Signature(y, kS));
      EXPECT_EQ(r.code(), StatusCode::kUnauthenticated);
      EXPECT_THAT(r.message(), HasSubstr("R is not a canonical encoding"));
    }
  }
}

TEST(Ed25519RuleTest, RefusesEverySmallOrderPointInBothSigns) {
  const char* kSmallOrderY[] = {
      "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
      "0100000000000000000000000000000000000000000000000000000000000000",  // identity
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  // order 8
  };
  for (const char* hex : kSmallOrderY) {
    for (uint8_t sign : {0x00, 0x80}) {
      Bytes32 point = FromHex(hex);
      point[31] |= sign;
      SCOPED_TRACE(std::string(hex) + (sign ? " with the sign bit" : ""));
      Status key = CheckEd25519PublicKey(point);
      EXPECT_EQ(key.code(), StatusCode::kInvalidArgument);
      EXPECT_THAT(key.message(), HasSubstr("small order"));
      Status r = CheckEd25519Signature(Signature(point, kS));
      EXPECT_EQ(r.code(), StatusCode::kUnauthenticated);
      EXPECT_THAT(r.message(), HasSubstr("R is a point of small order"));
    }
  }
  // One bit away from a small-order y is an ordinary encoding.
  Bytes32 near = FromHex(kSmallOrderY[3]);
  near[0] ^= 1;
  EXPECT_TRUE(CheckEd25519PublicKey(near).ok());
}

}  // namespace
}  // namespace lcproc::crypto
