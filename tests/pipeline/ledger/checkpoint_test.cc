#include "pipeline/ledger/checkpoint.h"

#include <string>

#include <gtest/gtest.h>

#include "pipeline/crypto/base64.h"

namespace lcproc::ledger {
namespace {

// The example of c2sp.org/tlog-checkpoint.
constexpr std::string_view kSpecBody =
    "example.com/behind-the-sofa\n"
    "20852163\n"
    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

TEST(CheckpointTest, ParsesSpecExample) {
  auto cp = ParseCheckpoint(kSpecBody);
  ASSERT_TRUE(cp.ok()) << cp.status().ToString();
  EXPECT_EQ(cp->origin, "example.com/behind-the-sofa");
  EXPECT_EQ(cp->size, 20852163u);
  EXPECT_EQ(crypto::Base64Encode(crypto::AsBytes(cp->root)),
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
  EXPECT_TRUE(cp->extensions.empty());
  EXPECT_EQ(FormatCheckpoint(*cp), kSpecBody);
}

TEST(CheckpointTest, RoundTripsWithExtensionsAndExtremeSizes) {
  for (uint64_t size : {uint64_t{0}, uint64_t{1}, UINT64_MAX}) {
    Checkpoint cp{"lcproc.example/ledger", size, crypto::Sha256("root"), {"ext one", "ext+2"}};
    const std::string body = FormatCheckpoint(cp);
    EXPECT_EQ(body.back(), '\n');
    auto parsed = ParseCheckpoint(body);
    ASSERT_TRUE(parsed.ok()) << body;
    EXPECT_EQ(*parsed, cp);
  }
  EXPECT_EQ(FormatCheckpoint({"o", 0, crypto::Digest{}, {}}),
            "o\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
}

TEST(CheckpointTest, RefusesMalformedBodies) {
  const std::string root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
  for (const std::string& bad : {
           std::string("origin\n5\n") + root,                            // no final newline
           std::string("origin\n5\n"),                                   // no root
           std::string("\n5\n") + root + "\n",                           // empty origin
           std::string("origin\n05\n") + root + "\n",                    // leading zero
           std::string("origin\n+5\n") + root + "\n",                    // sign
           std::string("origin\n-1\n") + root + "\n",                    // negative
           std::string("origin\n 5\n") + root + "\n",                    // space
           std::string("origin\n18446744073709551616\n") + root + "\n",  // 2^64
           std::string("origin\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n"),   // unpadded
           std::string("origin\n5\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n"),  // base64url
           std::string("origin\n5\nAAAA\n"),                                          // 3-byte root
           std::string("origin\n5\n") + root + "\n\n",     // empty extension
           std::string("origin\n5\n") + root + "\nx\n\n",  // blank line after ext
           std::string("ori\tgin\n5\n") + root + "\n",     // control character
           std::string("origin\r\n5\n") + root + "\n",     // CRLF
       }) {
    auto cp = ParseCheckpoint(bad);
    EXPECT_FALSE(cp.ok()) << bad;
    if (!cp.ok()) {
      EXPECT_EQ(cp.status().code(), StatusCode::kMalformed) << bad;
    }
  }
}

}  // namespace
}  // namespace lcproc::ledger
