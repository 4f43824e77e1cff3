#include "pipeline/formats/mt754.h"

#include <gtest/gtest.h>

#include "tests/pipeline/formats/mt_test_support.h"

namespace lcproc::formats {
namespace {

using testing_mt::BicOf;
using testing_mt::Example;
using testing_mt::Sample;

TEST(Mt754Test, ReadsTheAdviceOfNegotiationAsThePayment) {
  auto mt = ParseMt754(Sample("mt754_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok()) << mt.status().ToString();
  trade::Payment expected = Example<trade::Payment>("payment");
  expected.paying_bank = BicOf("BFTVVNVX");  // the nominated bank negotiated
  EXPECT_EQ(mt->payment, expected);
  EXPECT_EQ(mt->sender_reference, "BFTV-NEG-0042");
  EXPECT_EQ(
      mt->extra_fields,
      (std::vector<trade::ExtraField>{{"77", "DOCUMENTS NEGOTIATED AND SENT TO YOU\nBY COURIER"}}));
  auto text = WriteMt754(*mt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  testing_mt::ExpectSameFields(*text, Sample("mt754_lc_2026_0042.txt"));
  EXPECT_EQ(ParseMt754(*text).value(), *mt);
}

TEST(Mt754Test, PaymentToMessageToPayment) {
  Mt754 mt;
  mt.payment = Example<trade::Payment>("payment");
  mt.payment.presentation_number = 2;
  mt.receiver = BicOf("DEUTDEFF");
  auto text = WriteMt754(mt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto back = ParseMt754(*text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->payment, mt.payment);
  mt.payment.debit_account = std::string(30, '1');
  EXPECT_EQ(WriteMt754(mt).status().message(),
            "field 72Z: line '/DEBIT/" + std::string(30, '1') + "' is longer than 35 characters");
}

TEST(Mt754Test, RefusesOptionBWithoutValueDate) {
  std::string text = Sample("mt754_lc_2026_0042.txt");
  text.replace(text.find(":32A:260410"), 11, ":32B:");
  EXPECT_EQ(ParseMt754(text).status().message(),
            "line 4, tag 32B: lcproc reads the principal amount with its value date, option 32A");
}

TEST(Mt756Test, AmountsClaimedAndPaidInOneCurrency) {
  std::string text = Sample("mt756_lc_2026_0042.txt");
  text.replace(text.find(":32B:USD"), 8, ":32B:EUR");
  EXPECT_EQ(ParseMt756(text).status().message(),
            "block 4: fields 32B and 33A must be in the same currency (MT756 network rule, "
            "error C02)");
}

TEST(Mt756Test, ReimbursementBothWays) {
  auto mt = ParseMt756(Sample("mt756_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok()) << mt.status().ToString();
  EXPECT_EQ(mt->payment, Example<trade::Payment>("payment"));
  EXPECT_EQ(mt->amount_claimed->ToDisplay(), "USD 125100.00");
  EXPECT_EQ(mt->extra_fields,
            (std::vector<trade::ExtraField>{{"79Z", "WE HAVE CREDITED YOUR ACCOUNT"}}));
  auto text = WriteMt756(*mt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  testing_mt::ExpectSameFields(*text, Sample("mt756_lc_2026_0042.txt"));
  EXPECT_EQ(ParseMt756(*text).value(), *mt);

  Mt756 from_doc;
  from_doc.payment = Example<trade::Payment>("payment");
  from_doc.receiver = BicOf("BFTVVNVX");
  auto written = WriteMt756(from_doc);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_NE(written->find(":21:NONREF"), std::string::npos);
  EXPECT_EQ(ParseMt756(*written).value(), from_doc);
}

}  // namespace
}  // namespace lcproc::formats
