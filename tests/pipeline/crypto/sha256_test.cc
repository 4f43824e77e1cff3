#include "pipeline/crypto/sha256.h"

#include <string>

#include <gtest/gtest.h>

namespace lcproc::crypto {
namespace {

// FIPS 180-4 examples as published by NIST (SHA256.pdf, SHA2_Additional.pdf).
TEST(Sha256Test, MatchesNistOneBlockMessageAbc) {
  EXPECT_EQ(ToHex(Sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, MatchesNistEmptyMessage) {
  EXPECT_EQ(ToHex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, MatchesNistTwoBlockMessage448Bits) {
  EXPECT_EQ(ToHex(Sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, MatchesNistMillionTimesA) {
  EXPECT_EQ(ToHex(Sha256(std::string(1000000, 'a'))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, PartsHashLikeTheirConcatenation) {
  std::string a = "abcdbcdecdefdefgefgh", b = "fghighijhijkijkljklm", c = "klmnlmnomnopnopq";
  EXPECT_EQ(Sha256({a, b, c}), Sha256(a + b + c));
  EXPECT_EQ(Sha256({"", "abc", ""}), Sha256("abc"));
}

TEST(Sha256Test, HashesBinaryBytesIncludingNul) {
  std::string with_nul("a\0b", 3);
  EXPECT_NE(Sha256(with_nul), Sha256("ab"));
  EXPECT_EQ(AsBytes(Sha256(with_nul)).size(), 32u);
}

}  // namespace
}  // namespace lcproc::crypto
