#include "pipeline/trade/roles.h"

#include <gtest/gtest.h>

#include "tests/pipeline/trade/sample_credit.h"

namespace lcproc::trade {
namespace {

using fixtures::AdvisingBank;
using fixtures::B;
using fixtures::IssuingBank;
using fixtures::OtherBank;
using fixtures::SampleCredit;

TEST(RolesTest, PartiesAreFoundByBicIncludingTheXxxForm) {
  CreditState s = fixtures::AdvisedState(SampleCredit());
  EXPECT_TRUE(Has(RolesOf(s, IssuingBank()), Role::kIssuingBank));
  EXPECT_TRUE(Has(RolesOf(s, B("DEUTDEFFXXX")), Role::kIssuingBank));
  EXPECT_FALSE(Has(RolesOf(s, B("DEUTDEFF500")), Role::kIssuingBank));
  RoleSet advising = RolesOf(s, AdvisingBank());
  EXPECT_TRUE(Has(advising, Role::kAdvisingBank));
  EXPECT_TRUE(Has(advising, Role::kNominatedBank));  // 41a names it
  EXPECT_FALSE(Has(advising, Role::kConfirmingBank));
  EXPECT_EQ(RolesOf(s, OtherBank()), 0u);
}

TEST(RolesTest, ConfirmingBankOnlyOnceConfirmationIsAdded) {
  CreditState s = fixtures::AdvisedState(SampleCredit());
  s.terms.confirming_bank = OtherBank();  // 58a: requested
  EXPECT_FALSE(Has(RolesOf(s, OtherBank()), Role::kConfirmingBank));
  s.confirming_bank = OtherBank();
  EXPECT_TRUE(Has(RolesOf(s, OtherBank()), Role::kConfirmingBank));
}

TEST(RolesTest, BeneficiarysBankMayPresent) {
  CreditState s = fixtures::AdvisedState(SampleCredit());
  s.terms.beneficiary.bic = B("ICBKCNBJ");
  Presentation p = fixtures::CompliantPresentation();
  EXPECT_TRUE(CheckRole(&s, p, B("ICBKCNBJ")).ok());
  EXPECT_EQ(CheckRole(&s, p, OtherBank()).code(), StatusCode::kPermissionDenied);
}

TEST(RolesTest, ReimbursingBankOf53aMayPayButNotExamineOrPresent) {
  CreditState s = fixtures::AdvisedState(SampleCredit());
  Payment pay{
      "LC2026-0001", 1, OtherBank(), fixtures::Usd("1.00"), fixtures::D("2026-10-30"), "", ""};
  EXPECT_EQ(CheckRole(&s, pay, OtherBank()).code(), StatusCode::kPermissionDenied);
  s.terms.reimbursing_bank = B("BNPAFRPPXXX");  // OtherBank() in its 11-character form
  EXPECT_TRUE(Has(RolesOf(s, OtherBank()), Role::kReimbursingBank));
  EXPECT_FALSE(Has(RolesOf(s, AdvisingBank()), Role::kReimbursingBank));
  EXPECT_TRUE(CheckRole(&s, pay, OtherBank()).ok());
  EXPECT_EQ(CheckRole(&s, fixtures::CompliantPresentation(), OtherBank()).code(),
            StatusCode::kPermissionDenied);
  ExaminationResult exam;
  exam.credit_number = "LC2026-0001";
  EXPECT_EQ(CheckRole(&s, exam, OtherBank()).code(), StatusCode::kPermissionDenied);
}

TEST(RolesTest, NewCreditMustComeFromItsIssuingBank) {
  LetterOfCredit lc = SampleCredit();
  EXPECT_TRUE(CheckRole(nullptr, lc, IssuingBank()).ok());
  Status wrong = CheckRole(nullptr, lc, AdvisingBank());
  EXPECT_EQ(wrong.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(wrong.message().find("issuing bank"), std::string::npos);
}

}  // namespace
}  // namespace lcproc::trade
