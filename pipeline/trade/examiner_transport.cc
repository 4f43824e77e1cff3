// Transport documents: bill of lading (art. 20), multimodal (19), sea waybill (21), charter
// party bill of lading (22), air (23), road, rail and inland waterway (24), courier and post
// receipts (25); on deck, shipper's load and count and freight (26); clean (27). One
// table row per article says which of the shared conditions it imposes.
#include <string>

#include "pipeline/trade/examiner_internal.h"
#include "pipeline/trade/required_document.h"

namespace lcproc::trade::internal {
namespace {

enum class Places { kPorts, kPlaces, kAirports };
enum class Transhipment {
  kUnlessContainerised,  // 20(c), 21(c): prohibited by 43T unless containerised
  kAlwaysAcceptable,     // 19(c), 23(c), 24(e): one document covers the whole carriage
  kNotAddressed,         // 22
};
enum class Signers { kCarrierOrMaster, kCharterParty, kCarrierOnly };

struct ArticleConditions {
  TradeDocumentType type;
  bool carrier_named;
  Signers signers;
  bool on_board_required;
  Places places;
  bool full_set;  // else: the original for consignor or shipper (23(a)(v), 24(b))
  bool charter_party_prohibited;
  Transhipment transhipment;
  // The sub-articles each condition comes from.
  std::string_view carrier, signature, on_board, places_article, originals, charter, tranship;
};

constexpr ArticleConditions kArticles[] = {
    {TradeDocumentType::kBillOfLading, true, Signers::kCarrierOrMaster, true, Places::kPorts, true,
     true, Transhipment::kUnlessContainerised, "20(a)(i)", "20(a)(i)", "20(a)(ii)", "20(a)(iii)",
     "20(a)(iv)", "20(a)(vi)", "20(c)"},
    {TradeDocumentType::kMultimodalTransportDocument, true, Signers::kCarrierOrMaster, false,
     Places::kPlaces, true, true, Transhipment::kAlwaysAcceptable, "19(a)(i)", "19(a)(i)", "",
     "19(a)(iii)", "19(a)(iv)", "19(a)(v)", "19(c)"},
    {TradeDocumentType::kSeaWaybill, true, Signers::kCarrierOrMaster, true, Places::kPorts, true,
     true, Transhipment::kUnlessContainerised, "21(a)(i)", "21(a)(i)", "21(a)(ii)", "21(a)(iii)",
     "21(a)(iv)", "21(a)(vi)", "21(c)"},
    {TradeDocumentType::kCharterPartyBillOfLading, false, Signers::kCharterParty, true,
     Places::kPorts, true, false, Transhipment::kNotAddressed, "", "22(a)(i)", "22(a)(ii)",
     "22(a)(iii)", "22(a)(iv)", "", ""},
    {TradeDocumentType::kAirTransportDocument, true, Signers::kCarrierOnly, false,
     Places::kAirports, false, false, Transhipment::kAlwaysAcceptable, "23(a)(i)", "23(a)(i)", "",
     "23(a)(iv)", "23(a)(v)", "", "23(c)"},
    {TradeDocumentType::kRoadTransportDocument, true, Signers::kCarrierOnly, false, Places::kPlaces,
     false, false, Transhipment::kAlwaysAcceptable, "24(a)(i)", "24(a)(i)", "", "24(a)(iv)",
     "24(b)", "", "24(e)"},
    {TradeDocumentType::kRailTransportDocument, true, Signers::kCarrierOnly, false, Places::kPlaces,
     false, false, Transhipment::kAlwaysAcceptable, "24(a)(i)", "24(a)(i)", "", "24(a)(iv)",
     "24(b)", "", "24(e)"},
    {TradeDocumentType::kInlandWaterwayTransportDocument, true, Signers::kCarrierOnly, false,
     Places::kPlaces, false, false, Transhipment::kAlwaysAcceptable, "24(a)(i)", "24(a)(i)", "",
     "24(a)(iv)", "24(b)", "", "24(e)"},
};

bool SignedAsAllowed(BillOfLadingSigner s, Signers allowed) {
  using S = BillOfLadingSigner;
  switch (allowed) {
    case Signers::kCarrierOrMaster:
      return s == S::kCarrier || s == S::kMaster || s == S::kAgentForCarrier ||
             s == S::kAgentForMaster;
    case Signers::kCharterParty:
      return s == S::kMaster || s == S::kAgentForMaster || s == S::kOwner ||
             s == S::kAgentForOwner || s == S::kCharterer || s == S::kAgentForCharterer;
    case Signers::kCarrierOnly: return s == S::kCarrier || s == S::kAgentForCarrier;
  }
  return false;
}

// The credit's place of dispatch and destination for the article: ports (44E/44F),
// airports (44E/44F) or places (44A/44B, else the ports).
std::string_view CreditFrom(const LetterOfCredit& lc, Places places) {
  if (places == Places::kPlaces && !lc.place_of_taking_in_charge.empty()) {
    return lc.place_of_taking_in_charge;
  }
  return lc.port_of_loading;
}
std::string_view CreditTo(const LetterOfCredit& lc, Places places) {
  if (places == Places::kPlaces && !lc.final_destination.empty()) return lc.final_destination;
  return lc.port_of_discharge;
}

// Art. 26(a) and (c), art. 27, and 46A's freight marking: shared by every transport
// document.
void CheckClauses(const ExamContext& c, TradeDocumentType type, const TransportDocument& d) {
  const std::string_view doc = TradeDocumentTypeName(type);
  if (d.on_deck) {
    c.Add(kOnDeck, doc, "onDeck", "the document states the goods are loaded on deck");
  }
  // Art. 26(b): "shipper's load and count" and "said by shipper to contain" are acceptable.
  if (!d.clean) {
    std::string clauses;
    for (const auto& clause : d.clauses) clauses += (clauses.empty() ? "" : "; ") + clause;
    const ExaminationRule& rule =
        type == TradeDocumentType::kBillOfLading ? kBlNotClean : kTransportNotClean;
    c.Add(rule, doc, "clean",
          "claused " + std::string(doc) + (clauses.empty() ? std::string() : ": " + clauses));
  }
  const RequiredDocument* required = c.Requirement(type);
  if (required == nullptr) return;
  const FreightTerms want = RequiredFreight(*required);
  if (want == FreightTerms::kNotStated || d.freight == want) return;
  if (d.freight == FreightTerms::kNotStated) {
    c.Refer(doc, "26(c)", "freight",
            "46A asks for freight marked " + std::string(FreightTermsName(want)) +
                "; the presentation does not say how the document is marked: check it",
            &d);
  } else {
    c.Add(kFreightMarking, doc, "freight",
          "freight marked " + std::string(FreightTermsName(d.freight)) + ", 46A asks for " +
              std::string(FreightTermsName(want)));
  }
}

void CheckTransport(const ExamContext& c, const ArticleConditions& a, const TransportDocument& d) {
  const bool bl = a.type == TradeDocumentType::kBillOfLading;
  const std::string_view doc = TradeDocumentTypeName(a.type);
  if (a.carrier_named && NormalizeText(d.carrier_name).empty()) {
    c.Add(bl ? kBlCarrierNotNamed : kTransportCarrierNotNamed, doc, "carrierName",
          "the " + std::string(doc) + " does not name the carrier", a.carrier);
  }
  if (!SignedAsAllowed(d.signed_by, a.signers)) {
    c.Add(bl ? kBlNotSigned : kTransportNotSigned, doc, "signedBy",
          "signed by '" + std::string(BillOfLadingSignerName(d.signed_by)) + "', which art. " +
              std::string(a.signature) + " does not allow",
          a.signature);
  }
  if (a.on_board_required && !d.on_board_date) {
    c.Add(bl ? kBlNotOnBoard : kTransportNotOnBoard, doc, "onBoardDate",
          "no dated shipped-on-board notation", a.on_board);
  }
  const std::string_view from = CreditFrom(c.lc, a.places), to = CreditTo(c.lc, a.places);
  const bool ports = a.places != Places::kPlaces;
  const std::string& got_from =
      ports || d.place_of_receipt.empty() ? d.port_of_loading : d.place_of_receipt;
  const std::string& got_to =
      ports || d.place_of_delivery.empty() ? d.port_of_discharge : d.place_of_delivery;
  if (!from.empty() && !SamePlace(got_from, from)) {
    c.Add(bl ? kBlPortOfLoading : kTransportPlaceOfDispatch, doc,
          ports ? "portOfLoading" : "placeOfReceipt",
          "from '" + got_from + "', the credit states '" + std::string(from) + "'",
          a.places_article);
  }
  if (!to.empty() && !SamePlace(got_to, to)) {
    c.Add(bl ? kBlPortOfDischarge : kTransportPlaceOfDestination, doc,
          ports ? "portOfDischarge" : "placeOfDelivery",
          "to '" + got_to + "', the credit states '" + std::string(to) + "'", a.places_article);
  }
  if (a.full_set ? d.originals < d.originals_issued : d.originals < 1) {
    c.Add(bl ? kBlFullSet : kTransportFullSet, doc, "originals",
          a.full_set ? std::to_string(d.originals) + " of " + std::to_string(d.originals_issued) +
                           " originals issued presented; the full set is required"
                     : std::string("the original for consignor or shipper is not presented"),
          a.originals);
  }
  if (a.charter_party_prohibited && d.charter_party) {
    c.Add(bl ? kBlCharterParty : kTransportCharterParty, doc, "charterParty",
          "the " + std::string(doc) + " is subject to a charter party", a.charter);
  }
  // Art. 20(c)(ii), 21(c)(ii): transhipment may be indicated even where the credit
  // prohibits it when the goods are in a container, trailer or LASH barge.
  if (a.transhipment == Transhipment::kUnlessContainerised && d.transhipment &&
      c.lc.transhipment == ShipmentPermission::kNotAllowed && !d.containerised) {
    c.Add(kTranshipmentNotAllowed, doc, "transhipment",
          "the " + std::string(doc) +
              " shows transhipment, 43T does not allow it, and the goods are not containerised",
          a.tranship);
  }
  CheckClauses(c, a.type, d);
}

void CheckReceipt(const ExamContext& c, TradeDocumentType type, const CourierReceipt& r) {
  const bool courier = type == TradeDocumentType::kCourierReceipt;
  const std::string_view doc = TradeDocumentTypeName(type);
  const std::string_view article = courier ? "25(a)(i)" : "25(c)";
  if (courier && NormalizeText(r.courier_name).empty()) {
    c.Add(kTransportCarrierNotNamed, doc, "courierName", "the receipt does not name the courier",
          article);
  }
  if (!r.signed_or_stamped) {
    c.Add(kTransportNotSigned, doc, "signedOrStamped",
          courier ? "not stamped or signed by the courier" : "not stamped or signed by the post",
          article);
  }
  const std::string_view from = CreditFrom(c.lc, Places::kPlaces);
  if (!from.empty() && !SamePlace(r.place_of_dispatch, from)) {
    c.Add(kTransportPlaceOfDispatch, doc, "placeOfDispatch",
          "dispatched at '" + r.place_of_dispatch + "', the credit states '" + std::string(from) +
              "'",
          article);
  }
}

}  // namespace

void CheckBillOfLading(const ExamContext& c) {
  if (!c.p.transport || !c.Requires(TradeDocumentType::kBillOfLading)) return;
  CheckTransport(c, kArticles[0], *c.p.transport);
}

void CheckOtherTransport(const ExamContext& c) {
  for (size_t i = 1; i < std::size(kArticles); ++i) {
    const TransportDocument* d = c.p.Transport(kArticles[i].type);
    if (d != nullptr && c.Requires(kArticles[i].type)) CheckTransport(c, kArticles[i], *d);
  }
  for (TradeDocumentType t :
       {TradeDocumentType::kCourierReceipt, TradeDocumentType::kPostReceipt}) {
    const CourierReceipt* r = c.p.Receipt(t);
    if (r != nullptr && c.Requires(t)) CheckReceipt(c, t, *r);
  }
}

}  // namespace lcproc::trade::internal
