#include "pipeline/crypto/base64.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace lcproc::crypto {
namespace {

// RFC 4648 §10 test vectors.
const std::vector<std::pair<std::string, std::string>> kRfc4648 = {
    {"", ""},
    {"f", "Zg=="},
    {"fo", "Zm8="},
    {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="},
    {"fooba", "Zm9vYmE="},
    {"foobar", "Zm9vYmFy"},
};

TEST(Base64Test, EncodesRfc4648Vectors) {
  for (const auto& [plain, encoded] : kRfc4648) EXPECT_EQ(Base64Encode(plain), encoded) << plain;
}

TEST(Base64Test, DecodesRfc4648Vectors) {
  for (const auto& [plain, encoded] : kRfc4648) {
    Result<std::string> decoded = Base64Decode(encoded);
    ASSERT_TRUE(decoded.ok()) << encoded << ": " << decoded.status().ToString();
    EXPECT_EQ(*decoded, plain);
  }
}

TEST(Base64Test, UrlFormIsUnpaddedRfc4648Section5) {
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
  EXPECT_EQ(*Base64UrlDecode("-_8"), "\xfb\xff");
}

TEST(Base64Test, RefusesWrongPaddingAndLength) {
  Result<std::string> r = Base64Decode("Zg=");
  EXPECT_EQ(r.status().code(), StatusCode::kMalformed);
  EXPECT_NE(r.status().message().find("multiple of 4"), std::string::npos);
  EXPECT_FALSE(Base64Decode("Zg").ok());
  EXPECT_FALSE(Base64UrlDecode("Zg==").ok());  // url form is unpadded
  EXPECT_NE(Base64UrlDecode("A").status().message().find("impossible length"), std::string::npos);
}

TEST(Base64Test, RefusesNonCanonicalTrailingBits) {
  // "Zh==" would decode to "f" too if the low bits were ignored.
  Result<std::string> r = Base64Decode("Zh==");
  EXPECT_EQ(r.status().code(), StatusCode::kMalformed);
  EXPECT_NE(r.status().message().find("trailing bits"), std::string::npos);
  EXPECT_FALSE(Base64UrlDecode("Zh").ok());
}

TEST(Base64Test, RefusesCharactersOutsideTheAlphabet) {
  Result<std::string> r = Base64Decode("Zm9v\nYmFy");
  EXPECT_EQ(r.status().code(), StatusCode::kMalformed);
  EXPECT_FALSE(Base64UrlDecode("+/8").ok());  // standard alphabet in url form
  EXPECT_FALSE(Base64Decode("-_8=").ok());    // url alphabet in standard form
  Result<std::string> space = Base64UrlDecode("Zm9v YmF");
  EXPECT_NE(space.status().message().find("offset 4"), std::string::npos);
}

TEST(Base64Test, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n = 0; n <= all.size(); n += 17) {
    std::string s = all.substr(0, n);
    EXPECT_EQ(*Base64Decode(Base64Encode(s)), s);
    EXPECT_EQ(*Base64UrlDecode(Base64UrlEncode(s)), s);
  }
}

}  // namespace
}  // namespace lcproc::crypto
