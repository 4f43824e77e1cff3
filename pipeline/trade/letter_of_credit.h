// LetterOfCredit: a documentary credit as issued (SWIFT MT700), the terms every later
// document of the credit is checked against. Field tags of MT700 are given beside each
// member. A plain value type; thread-compatible. CheckDocument (lifecycle.h) validates
// its internal consistency; the struct itself accepts anything.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/date_term.h"
#include "pipeline/trade/extra_field.h"
#include "pipeline/trade/goods.h"
#include "pipeline/trade/money.h"
#include "pipeline/trade/party.h"

namespace lcproc::trade {

// 40A. Credits under UCP 600 are irrevocable (art. 3).
enum class CreditForm { kIrrevocable, kIrrevocableTransferable };

// 40E.
enum class ApplicableRules {
  kUcpLatestVersion,
  kEucpLatestVersion,
  kUcpUrrLatestVersion,
  kEucpUrrLatestVersion,
  kOther
};

// 41a "BY ...".
enum class AvailableBy { kPayment, kAcceptance, kNegotiation, kDeferredPayment, kMixedPayment };

// 43P and 43T.
enum class ShipmentPermission { kAllowed, kNotAllowed, kConditional };

// 49.
enum class ConfirmationInstruction { kConfirm, kMayAdd, kWithout };

// The kinds of document a credit may call for in 46A and a presentation may carry. The
// first five were lcproc's first documents; the order is the wire ordinal (never reorder).
// Anything a credit requires that is none of these is kOtherDocument, kept with its wording.
enum class TradeDocumentType {
  kCommercialInvoice,                // art. 18
  kBillOfLading,                     // art. 20
  kInsuranceDocument,                // art. 28
  kCertificateOfOrigin,              // art. 14(f)
  kPackingList,                      // art. 14(f)
  kDraft,                            // bill of exchange, art. 6(c), 42C/42a
  kMultimodalTransportDocument,      // art. 19
  kSeaWaybill,                       // art. 21, non-negotiable
  kCharterPartyBillOfLading,         // art. 22
  kAirTransportDocument,             // art. 23
  kRoadTransportDocument,            // art. 24
  kRailTransportDocument,            // art. 24
  kInlandWaterwayTransportDocument,  // art. 24
  kCourierReceipt,                   // art. 25(a)
  kPostReceipt,                      // art. 25(c)
  kInspectionCertificate,            // art. 14(f) from here on
  kWeightCertificate,
  kQualityCertificate,
  kAnalysisCertificate,
  kPhytosanitaryCertificate,
  kHealthCertificate,
  kFumigationCertificate,
  kBeneficiaryCertificate,
  kOtherDocument,  // any other document: examined under art. 14(f)
};

// Every TradeDocumentType, in order.
inline constexpr TradeDocumentType kAllTradeDocumentTypes[] = {
    TradeDocumentType::kCommercialInvoice,
    TradeDocumentType::kBillOfLading,
    TradeDocumentType::kInsuranceDocument,
    TradeDocumentType::kCertificateOfOrigin,
    TradeDocumentType::kPackingList,
    TradeDocumentType::kDraft,
    TradeDocumentType::kMultimodalTransportDocument,
    TradeDocumentType::kSeaWaybill,
    TradeDocumentType::kCharterPartyBillOfLading,
    TradeDocumentType::kAirTransportDocument,
    TradeDocumentType::kRoadTransportDocument,
    TradeDocumentType::kRailTransportDocument,
    TradeDocumentType::kInlandWaterwayTransportDocument,
    TradeDocumentType::kCourierReceipt,
    TradeDocumentType::kPostReceipt,
    TradeDocumentType::kInspectionCertificate,
    TradeDocumentType::kWeightCertificate,
    TradeDocumentType::kQualityCertificate,
    TradeDocumentType::kAnalysisCertificate,
    TradeDocumentType::kPhytosanitaryCertificate,
    TradeDocumentType::kHealthCertificate,
    TradeDocumentType::kFumigationCertificate,
    TradeDocumentType::kBeneficiaryCertificate,
    TradeDocumentType::kOtherDocument,
};

// The transport documents of art. 19 to 25.
bool IsTransportDocument(TradeDocumentType t);
// The certificates a Presentation carries in `certificates` (inspection … beneficiary's).
bool IsCertificate(TradeDocumentType t);

// 39A: "10/10" is plus 10%, minus 10% on the credit amount.
struct PercentageTolerance {
  int plus = 0;
  int minus = 0;
  friend bool operator==(const PercentageTolerance&, const PercentageTolerance&) = default;
};

// 41a: a bank by BIC, or any bank (freely available).
struct AvailableWith {
  std::optional<Bic> bank;  // empty means "ANY BANK"
  AvailableBy by = AvailableBy::kPayment;
  friend bool operator==(const AvailableWith&, const AvailableWith&) = default;
};

// One line of 46A (or one JSON documentsRequired entry): any document a credit may
// require, typed where lcproc knows the type, otherwise kOtherDocument with its wording.
struct RequiredDocument {
  TradeDocumentType type = TradeDocumentType::kCommercialInvoice;
  int originals = 1;  // at least this many originals (art. 17(a)); 0 means "copy acceptable"
  int copies = 0;
  std::string text;  // the 46A narrative for this document
  // Who the credit says must issue it ("PLANT PROTECTION DEPT", "BENEFICIARY"); empty when
  // the credit does not say (art. 14(f): any issuer).
  std::string issuer;
  // The data content the credit asks of it ("GOODS FREE FROM PESTS"); empty when none.
  std::string data_required;
  friend bool operator==(const RequiredDocument&, const RequiredDocument&) = default;
};

// 48: "21/..." days after shipment, with an optional narrative.
struct PresentationPeriod {
  int days = 21;
  std::string narrative;
  friend bool operator==(const PresentationPeriod&, const PresentationPeriod&) = default;
};

// An instalment of art. 32: a shipment/drawing period and the most it may draw.
struct Instalment {
  Date from;
  Date to;  // inclusive
  Money amount;
  friend bool operator==(const Instalment&, const Instalment&) = default;
};

struct LetterOfCredit {
  std::string credit_number;                                   // 20
  CreditForm form = CreditForm::kIrrevocable;                  // 40A
  ApplicableRules rules = ApplicableRules::kUcpLatestVersion;  // 40E
  std::string rules_narrative;                                 // 40E, with kOther
  Date date_of_issue;                                          // 31C
  Date expiry_date;                                            // 31D
  std::string expiry_place;                                    // 31D
  Party applicant;                                             // 50
  Party beneficiary;                                           // 59
  Money amount;                                                // 32B
  std::optional<PercentageTolerance> tolerance;                // 39A
  // "about" qualifies the credit amount: ±10% (art. 30(a)), when 39A is absent.
  bool amount_about = false;
  AvailableWith available_with;                                         // 41a
  std::string drafts_at;                                                // 42C
  std::optional<Bic> drawee;                                            // 42a
  ShipmentPermission partial_shipments = ShipmentPermission::kAllowed;  // 43P (art. 31(a))
  ShipmentPermission transhipment = ShipmentPermission::kAllowed;       // 43T
  std::string place_of_taking_in_charge;                                // 44A
  std::string port_of_loading;                                          // 44E
  std::string port_of_discharge;                                        // 44F
  std::string final_destination;                                        // 44B
  std::optional<Date> latest_shipment_date;                             // 44C
  std::optional<DateTerm> shipment_period;                              // 44D, art. 3 terms
  std::string goods_description;                                        // 45A narrative
  std::vector<GoodsLine> goods;                                         // 45A structured lines
  Incoterm incoterm = Incoterm::kNone;                                  // from 45A ("CIF HAMBURG")
  std::string incoterm_place;
  std::vector<RequiredDocument> documents_required;  // 46A
  // 46A may ask for insurance at another percentage than art. 28(f)(ii)'s 110%.
  std::optional<int> insurance_percentage;
  std::vector<std::string> additional_conditions;         // 47A
  std::string charges;                                    // 71D
  std::optional<PresentationPeriod> presentation_period;  // 48 (default 21 days, art. 14(c))
  ConfirmationInstruction confirmation = ConfirmationInstruction::kWithout;  // 49
  std::vector<Instalment> instalments;     // art. 32 schedule, if any
  Bic issuing_bank;                        // sender of the MT700 (52a)
  Bic advising_bank;                       // receiver of the MT700
  std::optional<Bic> confirming_bank;      // 58a requested confirmation party
  std::optional<Bic> reimbursing_bank;     // 53a
  std::optional<Bic> advise_through_bank;  // 57a
  std::string sender_to_receiver_info;     // 72Z
  std::vector<ExtraField> extra_fields;    // tags not modelled, kept verbatim

  friend bool operator==(const LetterOfCredit&, const LetterOfCredit&) = default;
};

// Stable camelCase names used in JSON and messages ("irrevocableTransferable",
// "billOfLading" …) and their inverses (InvalidArgument for an unknown name).
std::string_view CreditFormName(CreditForm v);
Result<CreditForm> ParseCreditForm(std::string_view s);
std::string_view ApplicableRulesName(ApplicableRules v);
Result<ApplicableRules> ParseApplicableRules(std::string_view s);
std::string_view AvailableByName(AvailableBy v);
Result<AvailableBy> ParseAvailableBy(std::string_view s);
std::string_view ShipmentPermissionName(ShipmentPermission v);
Result<ShipmentPermission> ParseShipmentPermission(std::string_view s);
std::string_view ConfirmationInstructionName(ConfirmationInstruction v);
Result<ConfirmationInstruction> ParseConfirmationInstruction(std::string_view s);
std::string_view TradeDocumentTypeName(TradeDocumentType v);
Result<TradeDocumentType> ParseTradeDocumentType(std::string_view s);

}  // namespace lcproc::trade
