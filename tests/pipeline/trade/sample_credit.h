// Test fixtures for pipeline/trade: a sample documentary credit and a presentation that
// complies with it, built in C++ (not parsed), so each test can change one field and
// see one rule fire.
//
// The credit: LC2026-0001, USD 100,000.00 ±5%, 20 MT FROZEN SHRIMP at USD 5,000.00/MT,
// CIF HAMBURG, SHANGHAI to HAMBURG, latest shipment 2026-10-31, expiry 2026-11-30 at
// the advising bank (Bank of China, BKCHCNBJ), issued by Deutsche Bank (DEUTDEFF),
// partial shipments allowed, transhipment not allowed, confirmation MAY ADD.
// The presentation: shipped on board 2026-10-20, presented 2026-10-26, drawing the full
// amount with the five documents 46A asks for and the sight draft 42C calls for.
#pragma once

#include <string_view>

#include "pipeline/trade/bic.h"
#include "pipeline/trade/credit_state.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/letter_of_credit.h"
#include "pipeline/trade/money.h"
#include "pipeline/trade/presentation.h"

namespace lcproc::trade::fixtures {

// Fail-fast helpers for literals known to be valid (assert in tests).
Bic B(std::string_view bic);
Date D(std::string_view iso);
Money Usd(std::string_view amount);
Money M(std::string_view currency, std::string_view amount);
Quantity Q(std::string_view number, std::string_view unit);

Bic IssuingBank();   // DEUTDEFF
Bic AdvisingBank();  // BKCHCNBJ
Bic OtherBank();     // BNPAFRPP, no role in the sample credit

LetterOfCredit SampleCredit();
Presentation CompliantPresentation();
// The sample credit issued and advised, without drawings.
CreditState AdvisedState(const LetterOfCredit& lc);
// Sets the quantity of every goods line of invoice, bill of lading and packing list.
void SetQuantity(Presentation& p, std::string_view number, std::string_view unit = "MT");

}  // namespace lcproc::trade::fixtures
