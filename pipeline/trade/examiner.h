// The automatic examination of a presentation under UCP 600: every check a document
// checker at a bank makes on the face of the documents (art. 14(a)), each discrepancy
// named with a stable code, its article, the document and the field. The table of checks
// is in discrepancy_codes.h and the README section "For trade operations".
//
// Pure and thread-safe: depends only on its arguments.
#pragma once

#include "pipeline/trade/calendar.h"
#include "pipeline/trade/credit_state.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/examination.h"
#include "pipeline/trade/presentation.h"

namespace lcproc::trade {

// Examines `presentation` against the credit in `state` (its terms in force and earlier
// drawings, which must not include this presentation), presented on `presented_on`.
// The result's deadline is the 5th banking day following `presented_on` (art. 14(b));
// examined_on is `presented_on` (Apply sets the day it actually ran).
ExaminationResult Examine(const CreditState& state, const Presentation& presentation,
                          Date presented_on, const BankingCalendar& calendar);

}  // namespace lcproc::trade
