// MT707 (Amendment to a Documentary Credit) to and from trade::Amendment.
//
// Field map: 20 credit number, 26E amendment number, 30 date of amendment, 52A issuing
// bank (the block 1 sender when absent), 32B increase, 33B decrease, 31E new expiry date,
// 44C new latest shipment date, 44D new shipment period (UCP 600 art. 3 term), 39A, 43P,
// 43T, 44E, 44F, 48, 45B new goods (structured "GOODS …" items, replacing the list), 46B
// new documents required (replacing the list), 59 new beneficiary, 79Z narrative, 71N
// charges. Every other tag (21, 22A, 23, 31C …) is kept in Amendment::extra_fields and
// written back; 21 defaults to NONREF. Same conventions and errors as mt700.h.
// Pure functions; thread-safe; never throw.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/amendment.h"

namespace lcproc::formats {

Result<trade::Amendment> ParseMt707(const SwiftMessage& message);
Result<trade::Amendment> ParseMt707(std::string_view text);

// `receiver` is the advising bank the amendment goes to (MT707 itself does not name it).
Result<SwiftMessage> BuildMt707(const trade::Amendment& amendment, const trade::Bic& receiver);
Result<std::string> WriteMt707(const trade::Amendment& amendment, const trade::Bic& receiver);

}  // namespace lcproc::formats
