// Presentation: documents presented under a credit by the beneficiary's bank or the
// nominated bank (UCP 600 art. 2 "presentation"), with the drawing it claims, and the
// trade documents it carries: commercial invoice (art. 18), bill of lading (art. 20),
// insurance document (art. 28), certificate of origin and packing list (art. 14(f)).
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
#include "pipeline/trade/date.h"
#include "pipeline/trade/goods.h"
#include "pipeline/trade/money.h"
#include "pipeline/trade/party.h"

namespace lcproc::trade {

struct CommercialInvoice {
  std::string number;
  Party issuer;        // art. 18(a)(i): the beneficiary
  Party made_out_to;   // art. 18(a)(ii): the applicant
  Date date;
  int originals = 1;
  int copies = 0;
  Money amount;        // art. 18(a)(iii): in the credit's currency
  std::string goods_description;
  std::vector<GoodsLine> goods;  // art. 18(c): corresponds with 45A
  Incoterm incoterm = Incoterm::kNone;
  std::string port_of_loading;    // optional on an invoice; compared when given (14(d))
  std::string port_of_discharge;
  friend bool operator==(const CommercialInvoice&, const CommercialInvoice&) = default;
};

// Art. 20(a)(i): who signed the bill of lading.
enum class BillOfLadingSigner { kUnsigned, kCarrier, kMaster, kAgentForCarrier, kAgentForMaster };
std::string_view BillOfLadingSignerName(BillOfLadingSigner v);  // "agentForCarrier" …
Result<BillOfLadingSigner> ParseBillOfLadingSigner(std::string_view s);

struct TransportDocument {  // a bill of lading covering at least port-to-port shipment
  std::string number;
  std::string carrier_name;      // art. 20(a)(i)
  BillOfLadingSigner signed_by = BillOfLadingSigner::kCarrier;
  Date date;                     // date of issue
  std::optional<Date> on_board_date;  // art. 20(a)(ii): the date of shipment
  std::string vessel;
  std::string port_of_loading;   // art. 20(a)(iii)
  std::string port_of_discharge;
  std::string place_of_receipt;
  std::string place_of_delivery;
  Party shipper;
  std::string consignee;         // "TO ORDER OF ISSUING BANK", a name …
  std::string notify_party;
  bool clean = true;             // art. 27: no clause declaring a defective condition
  std::vector<std::string> clauses;
  bool charter_party = false;    // art. 20(a)(vi)
  bool transhipment = false;     // art. 20(b): unloading and reloading en route
  // Art. 20(c)(ii): goods shipped in a container, trailer or LASH barge as shown by the
  // bill of lading, so transhipment may be indicated even where the credit prohibits it.
  bool containerised = false;
  int originals = 1;             // originals presented
  int originals_issued = 1;      // art. 20(a)(iv): the full set as issued
  std::string goods_description; // art. 14(e): general terms not conflicting
  std::vector<GoodsLine> goods;
  friend bool operator==(const TransportDocument&, const TransportDocument&) = default;
};

enum class InsuranceDocumentKind { kPolicy, kCertificate, kDeclaration, kCoverNote };
std::string_view InsuranceDocumentKindName(InsuranceDocumentKind v);
Result<InsuranceDocumentKind> ParseInsuranceDocumentKind(std::string_view s);

struct InsuranceDocument {
  std::string number;
  InsuranceDocumentKind kind = InsuranceDocumentKind::kPolicy;  // art. 28(c)
  Party issuer;                  // art. 28(a): insurer, underwriter or agent
  Date date;                     // art. 28(e)
  std::optional<Date> cover_starts;  // art. 28(e): cover effective from
  int originals = 1;
  int originals_issued = 1;      // art. 28(b)
  Money insured_amount;          // art. 28(f)(i)(ii)
  std::vector<std::string> risks;
  std::string route_from;        // art. 28(f)(iii)
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
  Party consignor;               // art. 14(j): the beneficiary's country when shown
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

struct Presentation {
  std::string credit_number;
  int presentation_number = 1;  // 1, 2, … per credit
  Bic presenting_bank;
  Date presentation_date;       // the day the documents reached the nominated/issuing bank
  Money drawing_amount;         // the amount for which honour is requested
  std::optional<CommercialInvoice> invoice;
  std::optional<TransportDocument> transport;
  std::optional<InsuranceDocument> insurance;
  std::optional<CertificateOfOrigin> certificate_of_origin;
  std::optional<PackingList> packing_list;
  std::string covering_letter;
  friend bool operator==(const Presentation&, const Presentation&) = default;

  // How many trade documents the presentation carries (0..5).
  int DocumentCount() const;
};

}  // namespace lcproc::trade
