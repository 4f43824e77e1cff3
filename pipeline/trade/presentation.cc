#include "pipeline/trade/presentation.h"

#include "pipeline/trade/enum_names_internal.h"

namespace lcproc::trade {
namespace {

constexpr std::pair<BillOfLadingSigner, std::string_view> kSigners[] = {
    {BillOfLadingSigner::kUnsigned, "unsigned"},
    {BillOfLadingSigner::kCarrier, "carrier"},
    {BillOfLadingSigner::kMaster, "master"},
    {BillOfLadingSigner::kAgentForCarrier, "agentForCarrier"},
    {BillOfLadingSigner::kAgentForMaster, "agentForMaster"},
};
constexpr std::pair<InsuranceDocumentKind, std::string_view> kInsuranceKinds[] = {
    {InsuranceDocumentKind::kPolicy, "policy"},
    {InsuranceDocumentKind::kCertificate, "certificate"},
    {InsuranceDocumentKind::kDeclaration, "declaration"},
    {InsuranceDocumentKind::kCoverNote, "coverNote"},
};

}  // namespace

std::string_view BillOfLadingSignerName(BillOfLadingSigner v) { return internal::NameOf(kSigners, v); }
Result<BillOfLadingSigner> ParseBillOfLadingSigner(std::string_view s) {
  return internal::ValueOf(kSigners, s, "bill of lading signer");
}
std::string_view InsuranceDocumentKindName(InsuranceDocumentKind v) {
  return internal::NameOf(kInsuranceKinds, v);
}
Result<InsuranceDocumentKind> ParseInsuranceDocumentKind(std::string_view s) {
  return internal::ValueOf(kInsuranceKinds, s, "insurance document kind");
}

int Presentation::DocumentCount() const {
  return invoice.has_value() + transport.has_value() + insurance.has_value() +
         certificate_of_origin.has_value() + packing_list.has_value();
}

}  // namespace lcproc::trade
