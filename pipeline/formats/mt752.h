// MT752 (Authorisation to Pay, Accept or Negotiate) to and from trade::Waiver: the issuing
// bank, answering an MT750, authorises the nominated bank to honour despite the
// discrepancies, the applicant having waived them (UCP 600 art. 16(b)).
//
// Field map (Standards Release 2023): 20 documentary credit number = credit_number; 21
// presenting bank's reference (Mt752::presenting_bank_reference, NONREF when empty); 23
// further identification (Mt752::further_identification: ACCEPT, DEBIT, NEGOTIATE,
// REIMBURSE, REMITTED or SEE72); 30 = Waiver::date; 72Z "/PRESNO/n" when not 1, other lines
// kept; 79Z "/WAIVED/CODE" lines (one per waived discrepancy code; none: all waived), then
// Waiver::narrative wrapped at 50. Sender = Waiver::issuing_bank; receiver =
// Mt752::receiver (the nominated bank). Every other tag (32B, 71D, 33a, 53a, 54a) is kept in
// extra_fields in message order. Same errors as mt700.h. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/extra_field.h"
#include "pipeline/trade/waiver.h"

namespace lcproc::formats {

struct Mt752 {
  trade::Waiver waiver;
  std::string presenting_bank_reference;
  std::string further_identification = "REIMBURSE";
  std::vector<std::string> sender_to_receiver;  // 72Z lines other than lcproc's
  trade::Bic receiver;
  std::vector<trade::ExtraField> extra_fields;
  friend bool operator==(const Mt752&, const Mt752&) = default;
};

Result<Mt752> ParseMt752(const SwiftMessage& message);
Result<Mt752> ParseMt752(std::string_view text);
Result<SwiftMessage> BuildMt752(const Mt752& mt);
Result<std::string> WriteMt752(const Mt752& mt);

}  // namespace lcproc::formats
