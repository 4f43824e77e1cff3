// MT707 (Amendment to a Documentary Credit) to and from trade::Amendment.
//
// Field map: 20 credit number, 26E amendment number, 30 date of amendment, 52A issuing
// bank (the block 1 sender when absent), 32B increase, 33B decrease, 31E new expiry date,
// 44C new latest shipment date, 44D new shipment period (UCP 600 art. 3 term), 39A, 43P,
// 43T, 44E, 44F, 48, 45B new goods (structured "GOODS …" items, replacing the list), 46B
// new documents required (replacing the list), 59 new beneficiary, 79Z narrative, 71N
// charges. Every other tag (21, 22A, 23, 31C …) is kept in Amendment::extra_fields and
// written back; 21 defaults to NONREF. An amendment continued by MT708s (27 "1/N") is
// joined as swift_sequence.h describes. Same conventions and errors as mt700.h.
// Pure functions; thread-safe; never throw.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/amendment.h"

namespace lcproc::formats {

Result<trade::Amendment> ParseMt707(const SwiftMessage& message);
// One MT707, or an MT707 and its MT708 continuations one after the other.
Result<trade::Amendment> ParseMt707(std::string_view text);
Result<trade::Amendment> ParseMt707Sequence(const std::vector<SwiftMessage>& messages);

// `receiver` is the advising bank the amendment goes to (MT707 itself does not name it).
// BuildMt707 gives the amendment as one (joined) message; BuildMt707Messages the MT707 and
// MT708s it needs, each checked to read back.
Result<SwiftMessage> BuildMt707(const trade::Amendment& amendment, const trade::Bic& receiver);
Result<std::vector<SwiftMessage>> BuildMt707Messages(const trade::Amendment& amendment,
                                                     const trade::Bic& receiver);
Result<std::string> WriteMt707(const trade::Amendment& amendment, const trade::Bic& receiver);

}  // namespace lcproc::formats
