#include "pipeline/trade/credit_state.h"

#include "pipeline/trade/calendar.h"
#include "pipeline/trade/enum_names_internal.h"

namespace lcproc::trade {
namespace {

constexpr std::pair<CreditStatus, std::string_view> kStatuses[] = {
    {CreditStatus::kIssued, "issued"},         {CreditStatus::kAdvised, "advised"},
    {CreditStatus::kConfirmed, "confirmed"},   {CreditStatus::kPresented, "presented"},
    {CreditStatus::kDiscrepant, "discrepant"}, {CreditStatus::kRefused, "refused"},
    {CreditStatus::kWaived, "waived"},         {CreditStatus::kHonoured, "honoured"},
    {CreditStatus::kClosed, "closed"},         {CreditStatus::kExpired, "expired"},
    {CreditStatus::kCancelled, "cancelled"},
};
constexpr std::pair<AmendmentStatus, std::string_view> kAmendmentStatuses[] = {
    {AmendmentStatus::kPending, "pending"},
    {AmendmentStatus::kAccepted, "accepted"},
    {AmendmentStatus::kRejected, "rejected"},
};
constexpr std::pair<PresentationStatus, std::string_view> kPresentationStatuses[] = {
    {PresentationStatus::kCompliant, "compliant"}, {PresentationStatus::kDiscrepant, "discrepant"},
    {PresentationStatus::kRefused, "refused"},     {PresentationStatus::kWaived, "waived"},
    {PresentationStatus::kHonoured, "honoured"},
};

}  // namespace

std::string_view CreditStatusName(CreditStatus v) { return internal::NameOf(kStatuses, v); }
Result<CreditStatus> ParseCreditStatus(std::string_view s) {
  return internal::ValueOf(kStatuses, s, "credit status");
}
std::string_view AmendmentStatusName(AmendmentStatus v) {
  return internal::NameOf(kAmendmentStatuses, v);
}
std::string_view PresentationStatusName(PresentationStatus v) {
  return internal::NameOf(kPresentationStatuses, v);
}

Money CreditState::MaximumAmount() const {
  int plus = 0;
  if (terms.tolerance) {
    plus = terms.tolerance->plus;
  } else if (terms.amount_about) {
    plus = 10;  // art. 30(a)
  }
  // Rounded down: a maximum is never rounded in the drawer's favour. Overflow cannot
  // happen for amounts CheckDocument accepts (below 10^15 minor units); fall back to the
  // bare amount if it somehow does.
  auto max = terms.amount.Scale(100 + plus, 100, Rounding::kDown);
  return max.ok() ? *max : terms.amount;
}

Money CreditState::AvailableBalance() const {
  auto left = MaximumAmount().Subtract(drawn);
  if (!left.ok() || left->minor < 0) return Money{terms.amount.currency, 0};
  return *left;
}

Date CreditState::EffectiveExpiry(const BankingCalendar& calendar) const {
  return calendar.OnOrNextBankingDay(terms.expiry_date);  // art. 29(a)
}

const PresentationRecord* CreditState::FindPresentation(int number) const {
  for (const auto& p : presentations) {
    if (p.presentation.presentation_number == number) return &p;
  }
  return nullptr;
}

PresentationRecord* CreditState::FindPresentation(int number) {
  for (auto& p : presentations) {
    if (p.presentation.presentation_number == number) return &p;
  }
  return nullptr;
}

const AmendmentRecord* CreditState::FindAmendment(int number) const {
  for (const auto& a : amendments) {
    if (a.amendment.amendment_number == number) return &a;
  }
  return nullptr;
}

bool CreditState::HasOpenPresentation() const {
  for (const auto& p : presentations) {
    if (p.status != PresentationStatus::kRefused && p.status != PresentationStatus::kHonoured) {
      return true;
    }
  }
  return false;
}

int CreditState::DrawingCount() const {
  int n = 0;
  for (const auto& p : presentations) n += p.status != PresentationStatus::kRefused;
  return n;
}

}  // namespace lcproc::trade
