#include "pipeline/formats/capnp_codec.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/formats/json_codec.h"

#include "tests/testing/source_file.h"

namespace lcproc::formats {
namespace {

trade::Document Example(const std::string& type) {
  auto doc = DecodeJson(testing::ReadSourceFile("schemas/examples/" + type + ".json"));
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return *doc;
}

uint64_t Word(const std::string& bytes, size_t i) {
  uint64_t w;
  std::memcpy(&w, bytes.data() + 8 * i, 8);
  return w;
}

void SetWord(std::string& bytes, size_t i, uint64_t w) { std::memcpy(bytes.data() + 8 * i, &w, 8); }

TEST(CapnpCodecTest, RoundTripsACredit) {
  trade::Document doc = Example("letterOfCredit");
  auto bytes = EncodeCapnp(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(bytes->size() % 8, 0u);
  auto again = DecodeCapnp(*bytes);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, doc);
}

TEST(CapnpCodecTest, DecodesFromAnyAlignment) {
  auto bytes = EncodeCapnp(Example("payment"));
  ASSERT_TRUE(bytes.ok());
  std::string shifted = "x" + *bytes;
  auto doc = DecodeCapnp(std::string_view(shifted).substr(1));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(*doc, Example("payment"));
}

TEST(CapnpCodecTest, RefusesMalformedBytes) {
  EXPECT_EQ(DecodeCapnp("").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(DecodeCapnp("1234567").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(DecodeCapnp(std::string(64, '\xff')).status().code(), StatusCode::kMalformed);
  auto bytes = EncodeCapnp(Example("letterOfCredit"));
  ASSERT_TRUE(bytes.ok());
  // Truncated: the segment table promises more words than arrive.
  auto truncated = DecodeCapnp(std::string_view(*bytes).substr(0, bytes->size() - 64));
  EXPECT_EQ(truncated.status().code(), StatusCode::kMalformed) << truncated.status().ToString();
}

TEST(CapnpCodecTest, ValueErrorsCarryAPointer) {
  trade::Document doc = Example("payment");
  auto bytes = EncodeCapnp(doc);
  ASSERT_TRUE(bytes.ok());
  // "USD" is stored once as text; make it an unknown code of the same length.
  std::string tampered = *bytes;
  size_t at = tampered.find("USD");
  ASSERT_NE(at, std::string::npos);
  tampered.replace(at, 3, "USX");
  auto result = DecodeCapnp(tampered);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().message().rfind("/amount/currency: ", 0), 0u)
      << result.status().message();
}

TEST(CapnpCodecTest, RefusesOversizeBodiesAndLongLists) {
  EXPECT_EQ(DecodeCapnp(std::string(kMaxCapnpBodyBytes + 8, '\0')).status().code(),
            StatusCode::kResourceExhausted);
  auto credit = std::get<trade::LetterOfCredit>(Example("letterOfCredit"));
  credit.additional_conditions.assign(1001, "X");
  auto bytes = EncodeCapnp(credit);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(DecodeCapnp(*bytes).status().message(),
            "/additionalConditions: has 1001 items, at most 1000 allowed");
}

// A list of zero-sized structs costs no bytes but claims 2^29 elements: capnp's
// amplification guard (the traversal limit) must refuse it, not loop over it.
TEST(CapnpCodecTest, RefusesAmplifiedListWithinTheTraversalLimit) {
  auto result = std::get<trade::ExaminationResult>(Example("examinationResult"));
  auto bytes = EncodeCapnp(result);
  ASSERT_TRUE(bytes.ok());
  std::string patched = *bytes;
  // Find the INLINE_COMPOSITE list pointer (kind 1, element size 7) and its tag word.
  bool done = false;
  for (size_t i = 1; i + 1 < patched.size() / 8 && !done; ++i) {
    uint64_t w = Word(patched, i);
    if ((w & 3) != 1 || ((w >> 32) & 7) != 7) continue;
    int64_t offset = static_cast<int32_t>(static_cast<uint32_t>(w)) >> 2;
    size_t tag = i + 1 + offset;
    if (tag >= patched.size() / 8) continue;
    SetWord(patched, i, (w & 0xFFFFFFFFull) | (7ull << 32));              // 0 words of content
    SetWord(patched, tag, (static_cast<uint64_t>((1u << 29) - 1) << 2));  // 2^29 empty elements
    done = true;
  }
  ASSERT_TRUE(done);
  auto decoded = DecodeCapnp(patched);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kResourceExhausted) << decoded.status().ToString();
}

}  // namespace
}  // namespace lcproc::formats
