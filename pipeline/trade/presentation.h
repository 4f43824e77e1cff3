// Presentation: documents presented under a credit by the beneficiary's bank or the
// nominated bank (UCP 600 art. 2 "presentation"), with the drawing it claims, and the
// trade documents it carries: commercial invoice (art. 18), draft (art. 6(c)), the
// transport documents of art. 19 to 25, insurance document (art. 28), certificate of
// origin, packing list and the usual certificates (art. 14(f)), and any other document a
// credit may require (art. 14(f), kept with its title).
//
// Each document holds what the examiner needs for its own article and for the
// cross-document checks of art. 14(d): issuer, date, originals, goods, ports, parties.
// Plain value types; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/boxed.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/goods.h"
#include "pipeline/trade/letter_of_credit.h"
#include "pipeline/trade/money.h"
#include "pipeline/trade/party.h"

namespace lcproc::trade {

struct CommercialInvoice {
  std::string number;
  Party issuer;       // art. 18(a)(i): the beneficiary
  Party made_out_to;  // art. 18(a)(ii): the applicant
  Date date;
  int originals = 1;
  int copies = 0;
  Money amount;  // art. 18(a)(iii): in the credit's currency
  std::string goods_description;
  std::vector<GoodsLine> goods;  // art. 18(c): corresponds with 45A
  Incoterm incoterm = Incoterm::kNone;
  std::string port_of_loading;  // optional on an invoice; compared when given (14(d))
  std::string port_of_discharge;
  friend bool operator==(const CommercialInvoice&, const CommercialInvoice&) = default;
};

// Who signed a transport document: art. 19(a)(i), 20(a)(i), 21(a)(i), 23(a)(i), 24(a)(i)
// (carrier, master or a named agent) and art. 22(a)(i) (also owner or charterer).
enum class BillOfLadingSigner {
  kUnsigned,
  kCarrier,
  kMaster,
  kAgentForCarrier,
  kAgentForMaster,
  kOwner,
  kCharterer,
  kAgentForOwner,
  kAgentForCharterer,
};
std::string_view BillOfLadingSignerName(BillOfLadingSigner v);  // "agentForCarrier" …
Result<BillOfLadingSigner> ParseBillOfLadingSigner(std::string_view s);

// Art. 26(c) and 46A's "marked freight prepaid / collect".
enum class FreightTerms { kNotStated, kPrepaid, kCollect };
std::string_view FreightTermsName(FreightTerms v);  // "notStated", "prepaid", "collect"
Result<FreightTerms> ParseFreightTerms(std::string_view s);

// A transport document of art. 19 to 24: bill of lading (20), multimodal or combined
// transport document (19), non-negotiable sea waybill (21), charter party bill of lading
// (22), air transport document (23), road, rail or inland waterway document (24). Which one
// it is, is the Presentation member holding it. For air and land carriage the ports are the
// airports or places of departure and destination; on_board_date is the notation of the
// actual date of shipment or dispatch, without which the date of issue is the date of
// shipment (19(a)(ii), 23(a)(iii), 24(a)(ii)).
struct TransportDocument {
  std::string number;
  std::string carrier_name;  // art. 20(a)(i)
  BillOfLadingSigner signed_by = BillOfLadingSigner::kCarrier;
  Date date;                          // date of issue
  std::optional<Date> on_board_date;  // art. 20(a)(ii): the date of shipment
  std::string vessel;
  std::string port_of_loading;  // art. 20(a)(iii)
  std::string port_of_discharge;
  std::string place_of_receipt;
  std::string place_of_delivery;
  Party shipper;
  std::string consignee;  // "TO ORDER OF ISSUING BANK", a name …
  std::string notify_party;
  // The consignee's and notify party's details when the document shows an address: art.
  // 14(j) wants the applicant's there exactly as in the credit.
  std::optional<Party> consignee_details;
  std::optional<Party> notify_party_details;
  bool on_deck = false;  // art. 26(a): states the goods are or will be loaded on deck
  bool shippers_load_and_count = false;             // art. 26(b): acceptable
  FreightTerms freight = FreightTerms::kNotStated;  // art. 26(c)
  bool clean = true;  // art. 27: no clause declaring a defective condition
  std::vector<std::string> clauses;
  bool charter_party = false;  // art. 20(a)(vi)
  bool transhipment = false;   // art. 20(b): unloading and reloading en route
  // Art. 20(c)(ii): goods shipped in a container, trailer or LASH barge as shown by the
  // bill of lading, so transhipment may be indicated even where the credit prohibits it.
  bool containerised = false;
  int originals = 1;              // originals presented
  int originals_issued = 1;       // art. 20(a)(iv): the full set as issued
  std::string goods_description;  // art. 14(e): general terms not conflicting
  std::vector<GoodsLine> goods;
  friend bool operator==(const TransportDocument&, const TransportDocument&) = default;
};

enum class InsuranceDocumentKind { kPolicy, kCertificate, kDeclaration, kCoverNote };
std::string_view InsuranceDocumentKindName(InsuranceDocumentKind v);
Result<InsuranceDocumentKind> ParseInsuranceDocumentKind(std::string_view s);

struct InsuranceDocument {
  std::string number;
  InsuranceDocumentKind kind = InsuranceDocumentKind::kPolicy;  // art. 28(c)
  Party issuer;                      // art. 28(a): insurer, underwriter or agent
  Date date;                         // art. 28(e)
  std::optional<Date> cover_starts;  // art. 28(e): cover effective from
  int originals = 1;
  int originals_issued = 1;  // art. 28(b)
  Money insured_amount;      // art. 28(f)(i)(ii)
  std::vector<std::string> risks;
  std::string route_from;  // art. 28(f)(iii)
  std::string route_to;
  std::string goods_description;
  friend bool operator==(const InsuranceDocument&, const InsuranceDocument&) = default;
};

struct CertificateOfOrigin {
  std::string number;
  Party issuer;
  Date date;
  int originals = 1;
  CountryCode country_of_origin;
  Party consignor;  // art. 14(j): the beneficiary's country when shown
  std::string goods_description;
  friend bool operator==(const CertificateOfOrigin&, const CertificateOfOrigin&) = default;
};

struct PackingList {
  std::string number;
  Party issuer;
  Date date;
  int originals = 1;
  std::vector<GoodsLine> goods;  // quantities compared with the invoice (art. 14(d))
  std::optional<Quantity> gross_weight;
  std::optional<Quantity> net_weight;
  friend bool operator==(const PackingList&, const PackingList&) = default;
};

// Art. 6(c) and ISBP 821 section B: a bill of exchange drawn under the credit.
struct Draft {
  std::string number;
  Party drawer;                   // the beneficiary
  std::string drawee;             // the name on the draft
  std::optional<Bic> drawee_bic;  // when the draft identifies the drawee bank by BIC
  Date date;
  std::string tenor;  // "AT SIGHT", "AT 60 DAYS AFTER BILL OF LADING DATE" (42C)
  Money amount;       // the amount drawn
  std::string payee;  // "TO THE ORDER OF ..."
  bool signed_by_drawer = true;
  int originals = 1;
  friend bool operator==(const Draft&, const Draft&) = default;
};

// Art. 25: a courier receipt (25(a)) or a post receipt or certificate of posting (25(c)).
struct CourierReceipt {
  std::string number;
  std::string courier_name;       // 25(a)(i); empty on a post receipt
  bool signed_or_stamped = true;  // 25(a)(i), 25(c)
  Date date;                      // pick-up or receipt: the date of shipment
  std::string place_of_dispatch;  // 25(a)(ii), 25(c): where the credit says goods are shipped
  std::string destination;
  Party consignee_details;  // optional: name and address the receipt shows
  std::string goods_description;
  int originals = 1;
  friend bool operator==(const CourierReceipt&, const CourierReceipt&) = default;
};

// A certificate of art. 14(f): inspection, weight, quality, analysis, phytosanitary,
// health, fumigation, or the beneficiary's own certificate.
struct Certificate {
  TradeDocumentType type = TradeDocumentType::kInspectionCertificate;  // IsCertificate(type)
  std::string number;
  Party issuer;
  Date date;  // of issue
  // When the inspection, analysis or fumigation took place, if the certificate says.
  std::optional<Date> event_date;
  int originals = 1;
  int copies = 0;
  std::string goods_description;
  std::vector<GoodsLine> goods;          // compared with the invoice and 45A (art. 14(d))
  std::optional<Quantity> gross_weight;  // a weight certificate's
  std::optional<Quantity> net_weight;
  std::vector<std::string> statements;  // what the certificate certifies, as worded
  friend bool operator==(const Certificate&, const Certificate&) = default;
};

// Any other document a credit requires (art. 14(f)), named by its title as on its face.
struct OtherDocument {
  std::string title;  // "PACKING DECLARATION", "SHIPPING COMPANY CERTIFICATE"
  std::string number;
  Party issuer;
  Date date;
  int originals = 1;
  int copies = 0;
  std::string goods_description;
  std::vector<std::string> statements;
  friend bool operator==(const OtherDocument&, const OtherDocument&) = default;
};

struct Presentation {
  std::string credit_number;
  int presentation_number = 1;  // 1, 2, … per credit
  Bic presenting_bank;
  Date presentation_date;  // the day the documents reached the nominated/issuing bank
  Money drawing_amount;    // the amount for which honour is requested
  std::optional<CommercialInvoice> invoice;
  std::optional<TransportDocument> transport;
  std::optional<InsuranceDocument> insurance;
  std::optional<CertificateOfOrigin> certificate_of_origin;
  std::optional<PackingList> packing_list;
  std::string covering_letter;
  Boxed<Draft> draft;
  Boxed<TransportDocument> multimodal_transport;          // art. 19
  Boxed<TransportDocument> sea_waybill;                   // art. 21
  Boxed<TransportDocument> charter_party_bill_of_lading;  // art. 22
  Boxed<TransportDocument> air_transport;                 // art. 23
  Boxed<TransportDocument> road_transport;                // art. 24
  Boxed<TransportDocument> rail_transport;                // art. 24
  Boxed<TransportDocument> inland_waterway_transport;     // art. 24
  Boxed<CourierReceipt> courier_receipt;                  // art. 25(a)
  Boxed<CourierReceipt> post_receipt;                     // art. 25(c)
  std::vector<Certificate> certificates;
  std::vector<OtherDocument> other_documents;
  friend bool operator==(const Presentation&, const Presentation&) = default;

  // How many trade documents the presentation carries.
  int DocumentCount() const;
  // The transport document of `type` (IsTransportDocument, not a receipt), or null.
  const TransportDocument* Transport(TradeDocumentType type) const;
  // The courier or post receipt, or null.
  const CourierReceipt* Receipt(TradeDocumentType type) const;
};

}  // namespace lcproc::trade
