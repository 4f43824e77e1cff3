#include "pipeline/formats/mt752.h"

#include <gtest/gtest.h>

#include "tests/pipeline/formats/mt_test_support.h"

namespace lcproc::formats {
namespace {

using testing_mt::BicOf;
using testing_mt::Example;
using testing_mt::Sample;

TEST(Mt752Test, ReadsTheAuthorisationAsTheWaiver) {
  auto mt = ParseMt752(Sample("mt752_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok()) << mt.status().ToString();
  EXPECT_EQ(mt->waiver, Example<trade::Waiver>("waiver"));
  EXPECT_EQ(mt->presenting_bank_reference, "BFTV-NEG-0042");
  EXPECT_EQ(mt->further_identification, "REIMBURSE");
  EXPECT_EQ(mt->extra_fields, (std::vector<trade::ExtraField>{{"32B", "USD125000,00"}}));
}

TEST(Mt752Test, MessageToWaiverToMessage) {
  auto mt = ParseMt752(Sample("mt752_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok());
  auto text = WriteMt752(*mt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  testing_mt::ExpectSameFields(*text, Sample("mt752_lc_2026_0042.txt"));
  EXPECT_EQ(ParseMt752(*text).value(), *mt);
}

TEST(Mt752Test, WaiverToMessageToWaiver) {
  Mt752 mt;
  mt.waiver = Example<trade::Waiver>("waiver");
  mt.receiver = BicOf("BFTVVNVX");
  for (int presentation : {1, 3}) {
    mt.waiver.presentation_number = presentation;
    mt.waiver.waived_codes = presentation == 1
                                 ? std::vector<std::string>{}
                                 : std::vector<std::string>{"LATE_SHIPMENT", "LATE_PRESENTATION"};
    auto text = WriteMt752(mt);
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    auto back = ParseMt752(*text);
    ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << *text;
    EXPECT_EQ(back->waiver, mt.waiver);
  }
}

TEST(Mt752Test, ErrorsNameLineAndTag) {
  std::string text = Sample("mt752_lc_2026_0042.txt");
  auto at = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return ParseMt752(t).status().message();
  };
  EXPECT_EQ(at("/WAIVED/LATE_SHIPMENT", "/WAIVED/late"),
            "line 7, tag 79Z: /WAIVED/ needs a discrepancy code, got 'late'");
  EXPECT_EQ(at(":23:REIMBURSE\n", ""), "block 4: mandatory field 23 is missing");
  EXPECT_EQ(at("{2:I752", "{2:I753"), "line 1: block 2 names MT753, not MT752");
}

}  // namespace
}  // namespace lcproc::formats
