// Roles: which banks are parties to a credit and which documents each may submit.
//
// A credit's parties are its issuing bank, advising bank, confirming bank (requested in
// 58a or added on advice), nominated bank (41a) and reimbursing bank (53a, art. 13); the
// beneficiary's bank (59 option A) may present too, and any bank may present when the
// credit is available with ANY BANK.
// Banks are matched by BIC, an 8-character BIC equalling its XXX form.
//   letterOfCredit, amendment, waiver, cancellation: the issuing bank (art. 7, 10, 16(b))
//   advice, amendmentResponse: the advising bank (art. 9, 10(c))
//   presentation: nominated, advising, confirming or beneficiary's bank (art. 2, 12)
//   examinationResult: issuing, confirming or nominated bank (art. 7, 8, 12, 16)
//   payment: issuing, confirming or nominated bank (art. 7, 8, 12), or the reimbursing
//     bank of 53a paying on the issuing bank's behalf (art. 13(a): the reimbursement of the
//     claiming bank; the issuing bank stays liable, 13(b)(ii)); the lifecycle's conditions
//     for honour apply whoever pays
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/credit_state.h"
#include "pipeline/trade/document.h"

namespace lcproc::trade {

enum class Role : unsigned {
  kIssuingBank = 1u << 0,
  kAdvisingBank = 1u << 1,
  kConfirmingBank = 1u << 2,
  kNominatedBank = 1u << 3,
  kBeneficiaryBank = 1u << 4,
  kReimbursingBank = 1u << 5,  // 53a (art. 13)
};

// A set of roles as a bit mask of Role.
using RoleSet = unsigned;

inline bool Has(RoleSet set, Role role) { return (set & static_cast<unsigned>(role)) != 0; }

// The roles `bank` holds in `state`'s credit (0 when it is not a party). For a new
// credit, pass the LetterOfCredit's own terms via RolesIn.
RoleSet RolesOf(const CreditState& state, const Bic& bank);
RoleSet RolesIn(const LetterOfCredit& terms, const std::optional<Bic>& confirming_bank,
                const Bic& bank);

// OK when `submitter` may submit a document of `doc`'s type for this credit;
// PermissionDenied naming the role needed otherwise. `state` is null for a new credit.
Status CheckRole(const CreditState* state, const Document& doc, const Bic& submitter);

}  // namespace lcproc::trade
