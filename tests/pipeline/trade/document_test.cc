#include "pipeline/trade/document.h"

#include <gtest/gtest.h>

#include "pipeline/trade/lifecycle.h"
#include "tests/pipeline/trade/sample_credit.h"

namespace lcproc::trade {
namespace {

TEST(DocumentTest, TypeNamesRoundTrip) {
  const char* names[] = {"letterOfCredit", "amendment",    "amendmentResponse",
                         "advice",         "presentation", "examinationResult",
                         "waiver",         "payment",      "cancellation"};
  for (int i = 0; i < 9; ++i) {
    auto type = static_cast<DocumentType>(i);
    EXPECT_EQ(DocumentTypeName(type), names[i]);
    EXPECT_EQ(*ParseDocumentType(names[i]), type);
  }
  EXPECT_FALSE(ParseDocumentType("LetterOfCredit").ok());
  EXPECT_FALSE(ParseDocumentType("").ok());
}

TEST(DocumentTest, TypeOfAndCreditNumber) {
  Document lc = fixtures::SampleCredit();
  EXPECT_EQ(TypeOf(lc), DocumentType::kLetterOfCredit);
  EXPECT_EQ(CreditNumber(lc), "LC2026-0001");
  Document pay = Payment{"LC-9", 1, fixtures::IssuingBank(), fixtures::Usd("1.00"), {}, "", ""};
  EXPECT_EQ(TypeOf(pay), DocumentType::kPayment);
  EXPECT_EQ(CreditNumber(pay), "LC-9");
}

TEST(CheckDocumentTest, AcceptsTheSamples) {
  EXPECT_TRUE(CheckDocument(fixtures::SampleCredit()).ok());
  EXPECT_TRUE(CheckDocument(fixtures::CompliantPresentation()).ok());
}

TEST(CheckDocumentTest, NamesTheBadField) {
  struct Bad {
    const char* field;
    void (*edit)(LetterOfCredit&);
  };
  const Bad cases[] = {
      {"creditNumber", [](LetterOfCredit& lc) { lc.credit_number = ""; }},
      {"creditNumber", [](LetterOfCredit& lc) { lc.credit_number = "LC//1"; }},
      {"creditNumber", [](LetterOfCredit& lc) { lc.credit_number = "12345678901234567"; }},
      {"amount", [](LetterOfCredit& lc) { lc.amount.minor = 0; }},
      {"issuingBank", [](LetterOfCredit& lc) { lc.issuing_bank = Bic(); }},
      {"beneficiary.country", [](LetterOfCredit& lc) { lc.beneficiary.country = CountryCode(); }},
      {"expiryDate", [](LetterOfCredit& lc) { lc.expiry_date = fixtures::D("2026-08-31"); }},
      {"latestShipmentDate",
       [](LetterOfCredit& lc) { lc.latest_shipment_date = fixtures::D("2026-12-01"); }},
      {"shipmentPeriod",
       [](LetterOfCredit& lc) { lc.shipment_period = *DateTerm::Parse("END 2026-10"); }},
      {"tolerance",
       [](LetterOfCredit& lc) {
         lc.tolerance = PercentageTolerance{100, 0};
       }},
      {"goods[0].unitPrice",
       [](LetterOfCredit& lc) { lc.goods[0].unit_price = fixtures::M("EUR", "1"); }},
      {"insurancePercentage", [](LetterOfCredit& lc) { lc.insurance_percentage = 90; }},
  };
  for (const Bad& c : cases) {
    LetterOfCredit lc = fixtures::SampleCredit();
    c.edit(lc);
    Status s = CheckDocument(lc);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(s.message().rfind(c.field, 0), 0u) << s.message();
  }
}

TEST(CheckDocumentTest, PresentationNeedsDocumentsAndAPositiveDrawing) {
  Presentation p = fixtures::CompliantPresentation();
  p.drawing_amount.minor = 0;
  EXPECT_FALSE(CheckDocument(p).ok());
  p = fixtures::CompliantPresentation();
  p.invoice.reset();
  p.transport.reset();
  p.insurance.reset();
  p.certificate_of_origin.reset();
  p.packing_list.reset();
  p.draft.reset();  // the fixture presents a sight draft too
  p.certificates.clear();
  p.other_documents.clear();
  EXPECT_FALSE(CheckDocument(p).ok());
}

TEST(CheckDocumentTest, RefusalMustStateDiscrepancies_16c) {
  ExaminationResult r;
  r.credit_number = "LC2026-0001";
  r.decision = ExaminationDecision::kDiscrepant;
  EXPECT_FALSE(CheckDocument(r).ok());
  r.discrepancies.push_back(
      {"LATE_PRESENTATION", "14(c)", "presentation", "presentationDate", "late"});
  EXPECT_TRUE(CheckDocument(r).ok());
}

TEST(CheckDocumentTest, AmendmentCannotIncreaseAndDecrease) {
  Amendment a;
  a.credit_number = "LC2026-0001";
  a.issuing_bank = fixtures::IssuingBank();
  a.increase = fixtures::Usd("1.00");
  a.decrease = fixtures::Usd("1.00");
  EXPECT_FALSE(CheckDocument(a).ok());
  a.decrease.reset();
  EXPECT_TRUE(CheckDocument(a).ok());
}

}  // namespace
}  // namespace lcproc::trade
