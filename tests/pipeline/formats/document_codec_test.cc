#include "pipeline/formats/document_codec.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/testing/source_file.h"

namespace lcproc::formats {
namespace {

TEST(DocumentCodecTest, ParsesContentTypeHeaders) {
  EXPECT_EQ(ParseContentType("application/json").value(), ContentType::kJson);
  EXPECT_EQ(ParseContentType("Application/JSON; charset=UTF-8").value(), ContentType::kJson);
  EXPECT_EQ(ParseContentType("application/x-capnp").value(), ContentType::kCapnp);
  EXPECT_EQ(ParseContentType("application/capnp").value(), ContentType::kCapnp);
  EXPECT_EQ(ParseContentType("application/vnd.swift.mt").value(), ContentType::kSwiftMt);
  EXPECT_FALSE(ParseContentType("application/json; charset=latin1").ok());
  EXPECT_EQ(ParseContentType("text/xml").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ContentTypeName(ContentType::kCapnp), "application/x-capnp");
}

TEST(DocumentCodecTest, TheThreeFormsOfOneCreditDecodeEqual) {
  auto json = DecodeDocument("application/json",
                             testing::ReadSourceFile("schemas/examples/letterOfCredit.json"));
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  auto capnp_bytes = EncodeDocument(ContentType::kCapnp, *json);
  ASSERT_TRUE(capnp_bytes.ok());
  auto capnp = DecodeDocument("application/x-capnp", *capnp_bytes);
  ASSERT_TRUE(capnp.ok()) << capnp.status().ToString();
  EXPECT_EQ(*capnp, *json);
  auto mt = DecodeDocument("application/vnd.swift.mt",
                           testing::ReadSourceFile("tests/testdata/swift/mt700_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok()) << mt.status().ToString();
  auto credit = std::get<trade::LetterOfCredit>(*mt);
  credit.extra_fields.clear();
  EXPECT_EQ(trade::Document(credit), *json);
}

TEST(DocumentCodecTest, DispatchesSwiftByMessageType) {
  auto amendment =
      DecodeDocument("application/vnd.swift.mt",
                     testing::ReadSourceFile("tests/testdata/swift/mt707_lc_2026_0042_1.txt"));
  ASSERT_TRUE(amendment.ok()) << amendment.status().ToString();
  EXPECT_EQ(trade::TypeOf(*amendment), trade::DocumentType::kAmendment);
  auto mt103 =
      DecodeDocument("application/vnd.swift.mt",
                     "{1:F01COBADEHHAXXX0000000000}{2:I103BFTVVNVXXXXXN}{4:\r\n:20:X\r\n-}");
  EXPECT_EQ(
      mt103.status().message(),
      "line 1: MT103 is not accepted; lcproc reads MT700 (with MT701), MT707 (with MT708), MT730, "
      "MT734, MT750, MT752, MT754 and MT756");
  struct Case {
    const char* file;
    trade::DocumentType type;
  } cases[] = {
      {"mt730_lc_2026_0042.txt", trade::DocumentType::kAdvice},
      {"mt734_lc_2026_0042.txt", trade::DocumentType::kExaminationResult},
      {"mt750_lc_2026_0042.txt", trade::DocumentType::kExaminationResult},
      {"mt752_lc_2026_0042.txt", trade::DocumentType::kWaiver},
      {"mt754_lc_2026_0042.txt", trade::DocumentType::kPayment},
      {"mt756_lc_2026_0042.txt", trade::DocumentType::kPayment},
  };
  for (const Case& c : cases) {
    auto doc =
        DecodeDocument("application/vnd.swift.mt",
                       testing::ReadSourceFile(std::string("tests/testdata/swift/") + c.file));
    ASSERT_TRUE(doc.ok()) << c.file << ": " << doc.status().ToString();
    EXPECT_EQ(trade::TypeOf(*doc), c.type) << c.file;
  }
  // The refusal the MT734 carries is the JSON example's, field for field.
  auto refusal =
      DecodeDocument("application/vnd.swift.mt",
                     testing::ReadSourceFile("tests/testdata/swift/mt734_lc_2026_0042.txt"));
  ASSERT_TRUE(refusal.ok());
  EXPECT_EQ(*refusal,
            *DecodeDocument("application/json",
                            testing::ReadSourceFile("schemas/examples/examinationResult.json")));
}

TEST(DocumentCodecTest, RefusesUnsupportedContentTypeAndNeverThrows) {
  EXPECT_EQ(DecodeDocument("text/csv", "a,b").status().code(), StatusCode::kInvalidArgument);
  for (std::string_view type :
       {"application/json", "application/x-capnp", "application/vnd.swift.mt"}) {
    for (std::string_view body : {"", "{", "\x00\x01\x02\x03\x04\x05\x06\x07", "{4:\n-}"}) {
      EXPECT_FALSE(DecodeDocument(type, body).ok()) << type;
    }
  }
  EXPECT_FALSE(
      EncodeDocument(ContentType::kSwiftMt,
                     *DecodeDocument("application/json",
                                     testing::ReadSourceFile("schemas/examples/payment.json")))
          .ok());
}

}  // namespace
}  // namespace lcproc::formats
