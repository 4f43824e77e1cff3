// MT734 (Advice of Refusal) and MT750 (Advice of Discrepancy) to and from
// trade::ExaminationResult with decision kDiscrepant: the issuing or confirming bank's
// notice of refusal (UCP 600 art. 16(c)), and the nominated bank's report of the
// discrepancies it found, asking the issuing bank to authorise payment (MT752 answers).
//
// Field map (Standards Release 2023):
//   MT734: 20 sender's TRN = credit number; 21 presenting bank's reference
//          (Mt734::presenting_bank_reference, NONREF when empty); 32A date and amount of
//          utilisation = presented_on + Mt734::amount; 77J discrepancies; 77B disposal of
//          documents (Mt734::disposal, "/HOLD/" when empty); 72Z lcproc's lines below.
//   MT750: 20 sender's reference (Mt750::sender_reference; the credit number when empty);
//          21 related reference = credit number; 32B principal amount claimed
//          (Mt750::amount); 77J discrepancies; 72Z lcproc's lines below, including
//          "/PRESENTED/YYMMDD" (MT750 has no date field).
//   77J (70*50z): one "+" item per discrepancy: "CODE ART article DOC document FIELD field
//          TEXT message" (NONE for an empty part; a field path's [ ] written as ( )), and
//          a last item "NOTE narrative" for ExaminationResult::narrative.
//   72Z (6*35z): "/PRESNO/n" (when not 1), "/EXAMINED/YYMMDD", "/DEADLINE/YYMMDD",
//          "/AVAILBAL/<3!a15d>" (available_before, when set); other lines are kept in
//          `sender_to_receiver` and written after lcproc's.
// Sender (block 1) = examining_bank; receiver = Mt734::receiver (the presenting bank) /
// Mt750::receiver (the issuing bank). Every other tag (73A, 33a, 57a, 71D, 34B …) is kept
// in extra_fields in message order. A compliant result has no MT734/MT750
// (InvalidArgument). Same errors as mt700.h. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/examination.h"
#include "pipeline/trade/extra_field.h"
#include "pipeline/trade/money.h"

namespace lcproc::formats {

struct Mt734 {
  trade::ExaminationResult result;  // examining_bank is the sender
  std::string presenting_bank_reference;
  trade::Money amount;                          // 32A
  std::vector<std::string> disposal;            // 77B lines
  std::vector<std::string> sender_to_receiver;  // 72Z lines other than lcproc's
  trade::Bic receiver;
  std::vector<trade::ExtraField> extra_fields;
  friend bool operator==(const Mt734&, const Mt734&) = default;
};

struct Mt750 {
  trade::ExaminationResult result;
  std::string sender_reference;
  trade::Money amount;  // 32B
  std::vector<std::string> sender_to_receiver;
  trade::Bic receiver;
  std::vector<trade::ExtraField> extra_fields;
  friend bool operator==(const Mt750&, const Mt750&) = default;
};

Result<Mt734> ParseMt734(const SwiftMessage& message);
Result<Mt734> ParseMt734(std::string_view text);
Result<SwiftMessage> BuildMt734(const Mt734& mt);
Result<std::string> WriteMt734(const Mt734& mt);

Result<Mt750> ParseMt750(const SwiftMessage& message);
Result<Mt750> ParseMt750(std::string_view text);
Result<SwiftMessage> BuildMt750(const Mt750& mt);
Result<std::string> WriteMt750(const Mt750& mt);

}  // namespace lcproc::formats
