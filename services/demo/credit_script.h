// CreditScript: the documents one documentary credit goes through in the demo network,
// in an order the lifecycle (pipeline/trade/lifecycle.h) accepts:
//
//   letterOfCredit      issuing bank (DE)           MT700, 2-4 goods lines, CIF Hamburg
//   advice              advising bank (VN)          with DBS's confirmation when planned
//   amendment           issuing bank                expiry extended (MT707)
//   amendmentResponse   advising bank               accepted or rejected (art. 10(c))
//   then per shipment (one, or one per goods line when partial shipments are allowed):
//   presentation        nominated bank (VN)         invoice, bill of lading, insurance,
//                                                   certificate of origin, packing list,
//                                                   sight draft; with `certificates`, also a
//                                                   phytosanitary certificate and a shipping
//                                                   company's certificate (an other document)
//     compliant:   payment (issuing bank; the reimbursing bank of 53a when `reimbursed`)
//     discrepant:  examinationResult refusing it (art. 16(c)), waiver (art. 16(b)), payment
//     over the tolerance: examinationResult refusing it, then the corrected documents
//                  presented again (a new presentation, compliant) and paid
//
// A discrepant presentation carries one defect (Defect), which the examiner finds as one
// UCP 600 discrepancy: shipped after 44C (LATE_SHIPMENT, art. 20(a)(ii), 29(c)), drawn
// above 32B plus the 39A tolerance (DRAWING_EXCEEDS_BALANCE, art. 18(b)), loaded at another
// port than 44E (BL_PORT_OF_LOADING, art. 20(a)(iii)), insured below 110% of the CIF value
// (INSURANCE_UNDERINSURED, art. 28(f)(ii)) or presented more than 21 days after shipment
// (LATE_PRESENTATION, art. 14(c)). Every date is relative to the plan's `today` (the
// engine applies a document on the day it is received), so a script built for the day of
// submission passes the lifecycle's date checks.
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/trade/date.h"
#include "pipeline/trade/document.h"
#include "services/demo/demo_network.h"

namespace lcproc::demo {

// The one defect of a discrepant presentation (see above).
enum class Defect {
  kLateShipment,
  kAmountOverTolerance,
  kPortOfLoading,
  kUnderinsured,
  kLatePresentation,
};
inline constexpr Defect kAllDefects[] = {Defect::kLateShipment, Defect::kAmountOverTolerance,
                                         Defect::kPortOfLoading, Defect::kUnderinsured,
                                         Defect::kLatePresentation};
// The UCP 600 discrepancy code the examiner reports for `defect`.
const char* DefectCode(Defect defect);

struct CreditPlan {
  std::string credit_number;  // 20: at most 16 characters (SWIFT x-set)
  trade::Date today;          // the day the documents are submitted
  uint64_t variant = 0;       // picks commodities, quantities, prices and names
  bool confirmed = false;     // DBS adds its confirmation on advice (art. 8)
  bool amendment_accepted = true;
  // Partial shipments allowed (43P): one presentation per goods line, each paid on its
  // own; otherwise one presentation of every line.
  bool partial_shipments = false;
  // Which presentation (1-based) carries `defect`; 0 for none. kAmountOverTolerance
  // needs a credit without partial shipments (the corrected documents are presented again).
  int discrepant_presentation = 0;
  Defect defect = Defect::kLateShipment;
  // 53a names the demo's reimbursing bank, which pays (reimburses) for the issuing bank.
  bool reimbursed = false;
  // 46A also requires a phytosanitary certificate and a shipping company's certificate (an
  // "other document" whose function a document checker confirms, art. 14(f)).
  bool certificates = false;
  // Applicants and beneficiaries from every country of the demo (AT, CZ, DE, DK, NL; KH,
  // VN); otherwise the Hamburg buyers and Vietnamese sellers only.
  bool many_countries = false;
};

// One document of a script: who submits it and what the engine should answer.
struct ScriptStep {
  size_t bank = 0;  // index into DemoNetwork::banks()
  trade::Document document;
  bool expect_accepted = true;
  // UCP 600 discrepancy codes the examination should find (presentations only).
  std::vector<std::string> expect_discrepancies;
};

// The documents of `plan`'s credit, in submission order.
std::vector<ScriptStep> CreditScript(const CreditPlan& plan, const DemoNetwork& network);

// The individual documents, for callers that tell their own story (lcproc demo).
trade::LetterOfCredit MakeCredit(const CreditPlan& plan, const DemoNetwork& network);
// Presentation `number` shipping `goods` (a subset of the credit's lines, full quantities;
// every line when empty), compliant, or with `defect` when given.
trade::Presentation MakePresentation(const CreditPlan& plan, const trade::LetterOfCredit& credit,
                                     int number, std::vector<trade::GoodsLine> goods,
                                     std::optional<Defect> defect, const DemoNetwork& network);
// The examination result refusing `presentation` for `defect` (art. 16(c)), the waiver of
// it (art. 16(b)), by the issuing bank, and the payment of it, by the issuing bank or,
// when the plan is reimbursed, the reimbursing bank.
trade::ExaminationResult MakeRefusal(const CreditPlan& plan, const trade::LetterOfCredit& credit,
                                     const trade::Presentation& presentation, Defect defect);
trade::Waiver MakeWaiver(const CreditPlan& plan, const trade::Presentation& presentation,
                         Defect defect);
trade::Payment MakePayment(const CreditPlan& plan, const trade::LetterOfCredit& credit,
                           const trade::Presentation& presentation, const DemoNetwork& network);

}  // namespace lcproc::demo
