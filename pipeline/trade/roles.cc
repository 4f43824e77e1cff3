#include "pipeline/trade/roles.h"

namespace lcproc::trade {
namespace {

constexpr RoleSet Bit(Role r) { return static_cast<RoleSet>(r); }

// Who may submit each document type, by DocumentType order (see roles.h).
constexpr RoleSet kAllowed[] = {
    Bit(Role::kIssuingBank),   // letterOfCredit
    Bit(Role::kIssuingBank),   // amendment
    Bit(Role::kAdvisingBank),  // amendmentResponse
    Bit(Role::kAdvisingBank),  // advice
    Bit(Role::kNominatedBank) | Bit(Role::kAdvisingBank) | Bit(Role::kConfirmingBank) |
        Bit(Role::kBeneficiaryBank),  // presentation
    Bit(Role::kIssuingBank) | Bit(Role::kConfirmingBank) | Bit(Role::kNominatedBank),  // exam.
    Bit(Role::kIssuingBank),                                                           // waiver
    Bit(Role::kIssuingBank) | Bit(Role::kConfirmingBank) | Bit(Role::kNominatedBank) |
        Bit(Role::kReimbursingBank),  // payment
    Bit(Role::kIssuingBank),          // cancellation
};

constexpr const char* kNeeded[] = {
    "the issuing bank",
    "the issuing bank",
    "the advising bank (conveying the beneficiary's answer, art. 10(c))",
    "the advising bank (art. 9)",
    "a nominated, advising, confirming or the beneficiary's bank",
    "the issuing, confirming or nominated bank (art. 14, 16)",
    "the issuing bank, for the applicant (art. 16(b))",
    "the issuing, confirming or nominated bank, or the reimbursing bank of 53a (art. 13)",
    "the issuing bank (art. 10(a))",
};

}  // namespace

RoleSet RolesIn(const LetterOfCredit& terms, const std::optional<Bic>& confirming_bank,
                const Bic& bank) {
  RoleSet roles = 0;
  if (terms.issuing_bank == bank) roles |= Bit(Role::kIssuingBank);
  if (terms.advising_bank == bank) roles |= Bit(Role::kAdvisingBank);
  if (confirming_bank && *confirming_bank == bank) roles |= Bit(Role::kConfirmingBank);
  if (terms.available_with.bank ? *terms.available_with.bank == bank : !bank.empty()) {
    // Available with ANY BANK: every bank is a nominated bank (art. 2 "nominated bank").
    roles |= Bit(Role::kNominatedBank);
  }
  if (terms.beneficiary.bic && *terms.beneficiary.bic == bank) roles |= Bit(Role::kBeneficiaryBank);
  if (terms.reimbursing_bank && *terms.reimbursing_bank == bank)
    roles |= Bit(Role::kReimbursingBank);
  return roles;
}

RoleSet RolesOf(const CreditState& state, const Bic& bank) {
  // Before a confirmation is added, the bank 58a asks to confirm is not yet confirming.
  return RolesIn(state.terms, state.confirming_bank, bank);
}

Status CheckRole(const CreditState* state, const Document& doc, const Bic& submitter) {
  const auto type = static_cast<size_t>(TypeOf(doc));
  RoleSet roles = 0;
  if (state != nullptr) {
    roles = RolesOf(*state, submitter);
  } else if (const auto* lc = std::get_if<LetterOfCredit>(&doc)) {
    roles = RolesIn(*lc, std::nullopt, submitter);
  }
  if ((roles & kAllowed[type]) != 0) return Status::Ok();
  return PermissionDenied("a " + std::string(DocumentTypeName(TypeOf(doc))) + " of credit '" +
                          CreditNumber(doc) + "' must come from " + kNeeded[type] + "; " +
                          (submitter.empty() ? std::string("(no BIC)") : submitter.str()) +
                          (roles == 0 ? " is not a party to it" : " is in another role"));
}

}  // namespace lcproc::trade
