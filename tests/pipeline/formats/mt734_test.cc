#include "pipeline/formats/mt734.h"

#include <gtest/gtest.h>

#include "tests/pipeline/formats/mt_test_support.h"

namespace lcproc::formats {
namespace {

using testing_mt::BicOf;
using testing_mt::Example;
using testing_mt::Sample;

trade::Money Usd(const char* amount) {
  return trade::Money::Parse(trade::CurrencyCode::Parse("USD").value(), amount).value();
}

TEST(Mt734Test, ReadsTheRefusalAsTheExaminationResult) {
  auto mt = ParseMt734(Sample("mt734_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok()) << mt.status().ToString();
  EXPECT_EQ(mt->result, Example<trade::ExaminationResult>("examinationResult"));
  EXPECT_EQ(mt->presenting_bank_reference, "BFTV-NEG-0042");
  EXPECT_EQ(mt->amount, Usd("125000.00"));
  EXPECT_TRUE(mt->disposal.empty());  // /HOLD/
  ASSERT_EQ(mt->extra_fields.size(), 2u);
  EXPECT_EQ(mt->extra_fields[0], (trade::ExtraField{"73A", "/COMM/USD100,00"}));
  // Rule C1: charges claimed (73A) come with the total amount claimed (33a).
  EXPECT_EQ(mt->extra_fields[1], (trade::ExtraField{"33B", "USD125100,00"}));
}

// The Standards Release's network-validated rules between optional fields, applied on
// reading and on writing (sources: the MT734 and MT730 rules C1/C2 as published, and the
// currency rule C02 of 32B with 34B (MT750) and with 33A (MT756)).
TEST(Mt734Test, NetworkValidatedRulesOnReadingAndWriting) {
  const std::string text = Sample("mt734_lc_2026_0042.txt");
  auto with = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return ParseMt734(t).status().message();
  };
  EXPECT_EQ(with(":33B:USD125100,00\n", ""), "block 4: field 73A needs field 33a (MT734 rule C1)");
  EXPECT_EQ(with(":33B:USD125100,00", ":33B:EUR125100,00"),
            "block 4: fields 32A and 33B must be in the same currency (MT734 rule C2)");
  // Writing the same: kept fields that break a rule are refused, not sent.
  auto mt = ParseMt734(text);
  ASSERT_TRUE(mt.ok()) << mt.status().ToString();
  mt->extra_fields.pop_back();
  auto written = WriteMt734(*mt);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(written.status().message(), "block 4: field 73A needs field 33a (MT734 rule C1)");

  const std::string mt750 = Sample("mt750_lc_2026_0042.txt");
  std::string t = mt750;
  t.replace(t.find(":72Z:"), 5, ":34B:EUR125050,00\n:72Z:");
  EXPECT_EQ(ParseMt750(t).status().message(),
            "block 4: fields 32B and 34B must be in the same currency (MT750 network rule, "
            "error C02)");
}

TEST(Mt734Test, MessageToResultToMessage) {
  auto mt = ParseMt734(Sample("mt734_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok());
  auto text = WriteMt734(*mt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  testing_mt::ExpectSameFields(*text, Sample("mt734_lc_2026_0042.txt"));
  EXPECT_EQ(ParseMt734(*text).value(), *mt);
}

TEST(Mt734Test, ResultToMessageToResult) {
  Mt734 mt;
  mt.result = Example<trade::ExaminationResult>("examinationResult");
  mt.result.presentation_number = 2;
  mt.result.discrepancies.push_back(trade::Discrepancy{"QUANTITY_OUT_OF_TOLERANCE", "30(a), 30(b)",
                                                       "commercialInvoice", "goods[0]",
                                                       "quantity 300 MT, more than 275 MT (+10%)"});
  mt.result.discrepancies.push_back(trade::Discrepancy{"DOCUMENT_MISSING", "14(a)", "", "", ""});
  mt.amount = Usd("125000.00");
  mt.receiver = BicOf("BFTVVNVX");
  mt.disposal = {"/RETURN/"};
  mt.sender_to_receiver = {"/BENCON/"};
  auto text = WriteMt734(mt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("FIELD goods(0) TEXT"), std::string::npos) << *text;
  auto back = ParseMt734(*text);
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << *text;
  EXPECT_EQ(back->result, mt.result);
  EXPECT_EQ(*back, mt);
}

TEST(Mt734Test, RefusesWhatCannotBeARefusal) {
  Mt734 mt;
  mt.result = Example<trade::ExaminationResult>("examinationResult");
  mt.amount = Usd("1.00");
  mt.receiver = BicOf("BFTVVNVX");
  mt.result.decision = trade::ExaminationDecision::kCompliant;
  EXPECT_EQ(WriteMt734(mt).status().message(),
            "MT734 reports discrepancies; the result is compliant");
  mt.result.decision = trade::ExaminationDecision::kDiscrepant;
  mt.result.discrepancies.clear();
  EXPECT_EQ(WriteMt734(mt).status().message(),
            "field 77J: a refusal states at least one discrepancy");
  mt.result = Example<trade::ExaminationResult>("examinationResult");
  mt.result.discrepancies[0].field = "a b";
  EXPECT_EQ(
      WriteMt734(mt).status().message(),
      "field 77J: discrepancy 1 (LATE_SHIPMENT) cannot be written so that it reads back the same");
}

TEST(Mt734Test, ErrorsNameLineAndTag) {
  std::string text = Sample("mt734_lc_2026_0042.txt");
  auto at = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return ParseMt734(t).status().message();
  };
  EXPECT_EQ(at(":32A:260406USD125000,00", ":32A:USD125000,00"),
            "line 4, tag 32A: date must be YYMMDD");
  EXPECT_EQ(at("+LATE_SHIPMENT ART", "+LATE_SHIPMENT AT"),
            "line 10, tag 77J: item 1 must read 'CODE ART article DOC document FIELD field [TEXT "
            "message]'");
  EXPECT_EQ(at("/DEADLINE/260413", "/DEADLINE/2604"),
            "line 7, tag 72Z: /DEADLINE/: date must be YYMMDD");
  EXPECT_EQ(at(":77B:/HOLD/\n", ""), "block 4: mandatory field 77B is missing");
  EXPECT_EQ(at("+NOTE WE", "+NOTE X\n+NOTE WE"),
            "line 10, tag 77J: the NOTE item must be the last");
}

TEST(Mt750Test, DiscrepancyAdviceBothWays) {
  auto mt = ParseMt750(Sample("mt750_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok()) << mt.status().ToString();
  EXPECT_EQ(mt->result.examining_bank->str(), "BFTVVNVX");
  EXPECT_EQ(mt->result.presented_on.ToIso(), "2026-04-06");
  EXPECT_EQ(mt->result.discrepancies.size(), 1u);
  EXPECT_EQ(mt->sender_to_receiver, std::vector<std::string>{"PLEASE AUTHORISE PAYMENT"});
  EXPECT_EQ(mt->extra_fields, (std::vector<trade::ExtraField>{{"71D", "/COMM/USD50,00"}}));
  auto text = WriteMt750(*mt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  testing_mt::ExpectSameFields(*text, Sample("mt750_lc_2026_0042.txt"));
  EXPECT_EQ(ParseMt750(*text).value(), *mt);

  Mt750 from_doc;
  from_doc.result = Example<trade::ExaminationResult>("examinationResult");
  from_doc.result.examining_bank = BicOf("BFTVVNVX");
  from_doc.amount = Usd("125000.00");
  from_doc.receiver = BicOf("COBADEHH");
  auto written = WriteMt750(from_doc);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(ParseMt750(*written).value().result, from_doc.result);
}

}  // namespace
}  // namespace lcproc::formats
