#include "pipeline/trade/amendment.h"

#include "pipeline/trade/enum_names_internal.h"

namespace lcproc::trade {
namespace {

constexpr std::pair<AmendmentDecision, std::string_view> kDecisions[] = {
    {AmendmentDecision::kAccepted, "accepted"},
    {AmendmentDecision::kRejected, "rejected"},
    {AmendmentDecision::kPartiallyAccepted, "partiallyAccepted"},
};

template <typename T>
void Replace(T& field, const std::optional<T>& replacement) {
  if (replacement) field = *replacement;
}

}  // namespace

std::string_view AmendmentDecisionName(AmendmentDecision v) {
  return internal::NameOf(kDecisions, v);
}
Result<AmendmentDecision> ParseAmendmentDecision(std::string_view s) {
  return internal::ValueOf(kDecisions, s, "amendment decision");
}

Result<LetterOfCredit> ApplyAmendment(const LetterOfCredit& terms, const Amendment& amendment) {
  LetterOfCredit out = terms;
  if (amendment.increase) {
    LCPROC_ASSIGN_OR_RETURN(out.amount, out.amount.Add(*amendment.increase));
  }
  if (amendment.decrease) {
    LCPROC_ASSIGN_OR_RETURN(out.amount, out.amount.Subtract(*amendment.decrease));
    if (out.amount.minor < 0) {
      return InvalidArgument("amendment " + std::to_string(amendment.amendment_number) +
                             " decreases the credit below zero");
    }
  }
  Replace(out.expiry_date, amendment.new_expiry_date);
  if (amendment.new_latest_shipment_date) {
    out.latest_shipment_date = amendment.new_latest_shipment_date;
    out.shipment_period.reset();  // 44C and 44D are mutually exclusive in MT700
  }
  if (amendment.new_shipment_period) {
    out.shipment_period = amendment.new_shipment_period;
    out.latest_shipment_date.reset();
  }
  if (amendment.new_tolerance) out.tolerance = amendment.new_tolerance;
  Replace(out.partial_shipments, amendment.new_partial_shipments);
  Replace(out.transhipment, amendment.new_transhipment);
  Replace(out.port_of_loading, amendment.new_port_of_loading);
  Replace(out.port_of_discharge, amendment.new_port_of_discharge);
  if (amendment.new_presentation_period)
    out.presentation_period = amendment.new_presentation_period;
  Replace(out.goods, amendment.new_goods);
  Replace(out.documents_required, amendment.new_documents_required);
  Replace(out.beneficiary, amendment.new_beneficiary);
  return out;
}

}  // namespace lcproc::trade
