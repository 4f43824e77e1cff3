// CreditScript: the documents one documentary credit goes through in the demo network,
// in an order the lifecycle (pipeline/trade/lifecycle.h) accepts:
//
//   letterOfCredit      issuing bank (DE)           MT700, 2-4 goods lines, CIF Hamburg
//   advice              advising bank (VN)          with DBS's confirmation when planned
//   amendment           issuing bank                expiry extended (MT707)
//   amendmentResponse   advising bank               accepted or rejected (art. 10(c))
//   then per shipment (one, or one per goods line when partial shipments are allowed):
//   presentation        nominated bank (VN)         invoice, bill of lading, insurance,
//                                                   certificate of origin, packing list
//     compliant:   payment (issuing bank)
//     discrepant:  examinationResult refusing it (art. 16(c)), waiver (art. 16(b)), payment
//
// A discrepant presentation is shipped after 44C's latest shipment date, so the examiner
// finds LATE_SHIPMENT, UCP 600 art. 20(a)(ii) and 29(c). Every date is relative to the
// plan's `today` (the engine applies a document on the day it is received), so a script
// built for the day of submission passes the lifecycle's date checks.
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/trade/date.h"
#include "pipeline/trade/document.h"
#include "services/demo/demo_network.h"

namespace lcproc::demo {

struct CreditPlan {
  std::string credit_number;  // 20: at most 16 characters (SWIFT x-set)
  trade::Date today;          // the day the documents are submitted
  uint64_t variant = 0;       // picks commodities, quantities, prices and names
  bool confirmed = false;     // DBS adds its confirmation on advice (art. 8)
  bool amendment_accepted = true;
  // Partial shipments allowed (43P): one presentation per goods line, each paid on its
  // own; otherwise one presentation of every line.
  bool partial_shipments = false;
  // Which presentation (1-based) is shipped late; 0 for none.
  int discrepant_presentation = 0;
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
// every line when empty), on board before 44C or, when `discrepant`, two days after it.
trade::Presentation MakePresentation(const CreditPlan& plan, const trade::LetterOfCredit& credit,
                                     int number, std::vector<trade::GoodsLine> goods,
                                     bool discrepant, const DemoNetwork& network);
// The examination result refusing `presentation` for late shipment (art. 16(c)), the
// waiver of it (art. 16(b)) and the payment of it, by the issuing bank.
trade::ExaminationResult MakeRefusal(const CreditPlan& plan, const trade::LetterOfCredit& credit,
                                     const trade::Presentation& presentation);
trade::Waiver MakeWaiver(const CreditPlan& plan, const trade::Presentation& presentation);
trade::Payment MakePayment(const CreditPlan& plan, const trade::LetterOfCredit& credit,
                           const trade::Presentation& presentation);

}  // namespace lcproc::demo
