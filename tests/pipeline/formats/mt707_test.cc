#include "pipeline/formats/mt707.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/formats/json_codec.h"

#include "tests/testing/source_file.h"

namespace lcproc::formats {
namespace {

std::string Sample() {
  return testing::ReadSourceFile("tests/testdata/swift/mt707_lc_2026_0042_1.txt");
}

trade::Bic Advising() { return trade::Bic::Parse("BFTVVNVX").value(); }

TEST(Mt707Test, ParsesTheAmendmentAndKeepsUnknownTags) {
  auto a = ParseMt707(Sample());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->credit_number, "LC-2026-0042");
  EXPECT_EQ(a->amendment_number, 1);
  EXPECT_EQ(a->issuing_bank.str(), "COBADEHH");
  EXPECT_EQ(a->increase->ToDisplay(), "USD 12500.00");
  EXPECT_EQ(a->new_expiry_date->ToIso(), "2026-05-15");
  ASSERT_TRUE(a->new_goods.has_value());
  EXPECT_EQ(a->new_goods->at(0).quantity->thousandths, 275000);
  ASSERT_EQ(a->extra_fields.size(), 1u);
  EXPECT_EQ(a->extra_fields[0], (trade::ExtraField{"22A", "ISCA"}));
}

TEST(Mt707Test, AgreesWithTheJsonExample) {
  auto a = ParseMt707(Sample());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto doc = DecodeJson(testing::ReadSourceFile("schemas/examples/amendment.json"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  trade::Amendment without = *a;
  without.extra_fields.clear();
  EXPECT_EQ(without, std::get<trade::Amendment>(*doc));
}

TEST(Mt707Test, WriteThenParseGivesTheSameAmendment) {
  auto a = ParseMt707(Sample());
  ASSERT_TRUE(a.ok());
  a->decrease = trade::Money::Parse(a->increase->currency, "100.00").value();
  a->new_partial_shipments = trade::ShipmentPermission::kAllowed;
  a->new_port_of_discharge = "BREMERHAVEN";
  a->new_tolerance = trade::PercentageTolerance{10, 0};
  a->new_beneficiary = trade::Party{"SAIGON COFFEE EXPORT JSC",
                                    {"HO CHI MINH CITY"},
                                    trade::CountryCode::Parse("VN").value(),
                                    std::nullopt,
                                    ""};
  a->extra_fields.insert(a->extra_fields.begin(), {"21", "BFTV-ADV-77"});  // message order
  auto text = WriteMt707(*a, Advising());
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->find(":21:NONREF"), std::string::npos);
  EXPECT_LT(text->find(":21:BFTV-ADV-77"), text->find(":52A:"));
  auto again = ParseMt707(*text);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, *a);
}

TEST(Mt707Test, MalformedFieldsNameLineAndTag) {
  std::string text = Sample();
  text.replace(text.find(":32B:USD12500,00"), 16, ":32B:USD12500.00");
  EXPECT_EQ(ParseMt707(text).status().message(),
            "line 9, tag 32B: amount must use a comma decimal separator");
  text = Sample();
  text.replace(text.find(":26E:1"), 6, ":26E:X");
  EXPECT_EQ(ParseMt707(text).status().message(),
            "line 6, tag 26E: number of amendment must be 1 to 3 digits");
  text = Sample();
  text.replace(text.find(":27:1/1"), 7, ":27:2/2");
  EXPECT_NE(ParseMt707(text).status().message().find("tag 27"), std::string::npos);
  EXPECT_EQ(ParseMt707(testing::ReadSourceFile("tests/testdata/swift/mt700_lc_2026_0042.txt"))
                .status()
                .message(),
            "line 1: block 2 names MT700, not MT707");
}

// Fuzzing fault 1 (issue 12), the fuzzer's minimal input with valid headers: a field 59
// of one line was accepted as a beneficiary without country.
TEST(Mt707Test, RefusesTheFuzzersOneLineBeneficiary) {
  auto a = ParseMt707(
      "{1:F01COBADEHHAXXX0000000000}{2:I707BFTVVNVXXXXXN}{4:\n:20:5\n:26E:1\n:30:260210\n:59:2\n-"
      "}");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(
      a.status().message(),
      "line 5, tag 59: needs the party's name and, on the last line, its ISO 3166 country code");
}

// Fuzzing fault 2 (issue 12) for MT707: kept tags in reverse specification order.
TEST(Mt707Test, KeptTagsOutOfSpecificationOrderRoundTrip) {
  std::string text = Sample();
  text.replace(text.find(":22A:ISCA"), 9, ":23S:CANCEL");
  text.insert(text.find("-}"), ":22A:ISCA\r\n");
  auto a = ParseMt707(text);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->extra_fields.size(), 2u);
  EXPECT_EQ(a->extra_fields[0].tag, "23S");
  EXPECT_EQ(a->extra_fields[1].tag, "22A");
  auto written = WriteMt707(*a, Advising());
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  auto again = ParseMt707(*written);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, *a);
}

TEST(Mt707Test, JoinsAndWritesMt708Continuations) {
  auto a = ParseMt707(Sample());
  ASSERT_TRUE(a.ok());
  a->new_documents_required.emplace();
  for (int i = 0; i < 120; ++i) {
    a->new_documents_required->push_back(trade::RequiredDocument{});
    a->new_documents_required->back().text =
        "SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS FOR LOT " + std::to_string(i);
  }
  // Reading the items back types them; write what the parser would read.
  auto first = WriteMt707(*a, Advising());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_NE(first->find("{2:I708BFTVVNVXXXXXN}"), std::string::npos);
  EXPECT_NE(first->find(":27:2/2"), std::string::npos);
  auto read = ParseMt707(*first);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->new_documents_required->size(), 120u);
  auto again = WriteMt707(*read, Advising());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *first);
  std::string bad = *first;
  bad.replace(bad.rfind(":26E:1"), 6, ":26E:2");
  EXPECT_NE(ParseMt707(bad).status().message().find("tag 26E: differs from field 26E of the MT707"),
            std::string::npos);
}

}  // namespace
}  // namespace lcproc::formats
