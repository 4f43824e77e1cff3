#include "pipeline/crypto/hex.h"

#include <string>

#include <gtest/gtest.h>

namespace lcproc::crypto {
namespace {

TEST(HexTest, EncodesLowerCase) {
  EXPECT_EQ(HexEncode(std::string("\x00\x01\xab\xff", 4)), "0001abff");
  EXPECT_EQ(HexEncode(""), "");
}

TEST(HexTest, DecodesEitherCase) {
  EXPECT_EQ(*HexDecode("0001abff"), std::string("\x00\x01\xab\xff", 4));
  EXPECT_EQ(*HexDecode("ABff"), "\xab\xff");
  EXPECT_EQ(*HexDecode(""), "");
}

TEST(HexTest, RefusesOddLength) {
  Result<std::string> r = HexDecode("abc");
  EXPECT_EQ(r.status().code(), StatusCode::kMalformed);
  EXPECT_NE(r.status().message().find("odd"), std::string::npos);
}

TEST(HexTest, RefusesNonHexDigitWithItsOffset) {
  Result<std::string> r = HexDecode("00zz");
  EXPECT_EQ(r.status().code(), StatusCode::kMalformed);
  EXPECT_NE(r.status().message().find("offset 2"), std::string::npos);
}

}  // namespace
}  // namespace lcproc::crypto
