// MT730 (Acknowledgement) to and from trade::Advice: the advising bank acknowledges a
// credit (or amendment) and tells whether it added its confirmation (UCP 600 art. 8, 9).
//
// Field map (Standards Release 2023): 20 sender's reference (Mt730::sender_reference; the
// credit number when empty), 21 receiver's reference = Advice::credit_number, 30 =
// Advice::date_of_advice (lcproc acknowledges on the day it advises), 79Z = lcproc's lines
// "/CONFIRMED/[BIC]" (confirmation added; the BIC is Advice::confirming_bank when set)
// or "/CONFBANK/BIC" (the confirming bank the credit asked for, confirmation not added),
// then Advice::narrative wrapped at 50. Sender (block 1) = Advice::advising_bank; receiver
// = Mt730::receiver (the issuing bank). Every other tag (25, 32a, 57a, 71D, 72Z …) is kept
// in Mt730::extra_fields in message order. Same errors as mt700.h. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/advice.h"
#include "pipeline/trade/extra_field.h"

namespace lcproc::formats {

struct Mt730 {
  trade::Advice advice;
  std::string sender_reference;  // 20; empty: written as the credit number
  trade::Bic receiver;
  std::vector<trade::ExtraField> extra_fields;
  friend bool operator==(const Mt730&, const Mt730&) = default;
};

Result<Mt730> ParseMt730(const SwiftMessage& message);
Result<Mt730> ParseMt730(std::string_view text);
Result<SwiftMessage> BuildMt730(const Mt730& mt);
Result<std::string> WriteMt730(const Mt730& mt);

}  // namespace lcproc::formats
