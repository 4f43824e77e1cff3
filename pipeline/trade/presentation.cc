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
    {BillOfLadingSigner::kOwner, "owner"},
    {BillOfLadingSigner::kCharterer, "charterer"},
    {BillOfLadingSigner::kAgentForOwner, "agentForOwner"},
    {BillOfLadingSigner::kAgentForCharterer, "agentForCharterer"},
};
constexpr std::pair<FreightTerms, std::string_view> kFreight[] = {
    {FreightTerms::kNotStated, "notStated"},
    {FreightTerms::kPrepaid, "prepaid"},
    {FreightTerms::kCollect, "collect"},
};
constexpr std::pair<InsuranceDocumentKind, std::string_view> kInsuranceKinds[] = {
    {InsuranceDocumentKind::kPolicy, "policy"},
    {InsuranceDocumentKind::kCertificate, "certificate"},
    {InsuranceDocumentKind::kDeclaration, "declaration"},
    {InsuranceDocumentKind::kCoverNote, "coverNote"},
};

}  // namespace

std::string_view BillOfLadingSignerName(BillOfLadingSigner v) {
  return internal::NameOf(kSigners, v);
}
Result<BillOfLadingSigner> ParseBillOfLadingSigner(std::string_view s) {
  return internal::ValueOf(kSigners, s, "bill of lading signer");
}
std::string_view InsuranceDocumentKindName(InsuranceDocumentKind v) {
  return internal::NameOf(kInsuranceKinds, v);
}
Result<InsuranceDocumentKind> ParseInsuranceDocumentKind(std::string_view s) {
  return internal::ValueOf(kInsuranceKinds, s, "insurance document kind");
}

std::string_view FreightTermsName(FreightTerms v) { return internal::NameOf(kFreight, v); }
Result<FreightTerms> ParseFreightTerms(std::string_view s) {
  return internal::ValueOf(kFreight, s, "freight terms");
}

int Presentation::DocumentCount() const {
  return invoice.has_value() + transport.has_value() + insurance.has_value() +
         certificate_of_origin.has_value() + packing_list.has_value() + draft.has_value() +
         multimodal_transport.has_value() + sea_waybill.has_value() +
         charter_party_bill_of_lading.has_value() + air_transport.has_value() +
         road_transport.has_value() + rail_transport.has_value() +
         inland_waterway_transport.has_value() + courier_receipt.has_value() +
         post_receipt.has_value() + static_cast<int>(certificates.size()) +
         static_cast<int>(other_documents.size());
}

const TransportDocument* Presentation::Transport(TradeDocumentType type) const {
  const std::optional<TransportDocument>* slot = nullptr;
  switch (type) {
    case TradeDocumentType::kBillOfLading: slot = &transport; break;
    case TradeDocumentType::kMultimodalTransportDocument: slot = &multimodal_transport; break;
    case TradeDocumentType::kSeaWaybill: slot = &sea_waybill; break;
    case TradeDocumentType::kCharterPartyBillOfLading: slot = &charter_party_bill_of_lading; break;
    case TradeDocumentType::kAirTransportDocument: slot = &air_transport; break;
    case TradeDocumentType::kRoadTransportDocument: slot = &road_transport; break;
    case TradeDocumentType::kRailTransportDocument: slot = &rail_transport; break;
    case TradeDocumentType::kInlandWaterwayTransportDocument:
      slot = &inland_waterway_transport;
      break;
    default: return nullptr;
  }
  return slot->has_value() ? &**slot : nullptr;
}

const CourierReceipt* Presentation::Receipt(TradeDocumentType type) const {
  if (type == TradeDocumentType::kCourierReceipt && courier_receipt) return &*courier_receipt;
  if (type == TradeDocumentType::kPostReceipt && post_receipt) return &*post_receipt;
  return nullptr;
}

}  // namespace lcproc::trade
