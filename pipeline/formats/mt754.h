// MT754 (Advice of Payment/Acceptance/Negotiation) and MT756 (Advice of Reimbursement or
// Payment) to and from trade::Payment: the nominated bank's advice that it honoured or
// negotiated (UCP 600 art. 7(c), 12), and the issuing bank's advice that it reimbursed or
// paid the presenting bank.
//
// Field map (Standards Release 2023):
//   MT754: 20 sender's reference (Mt754::sender_reference; the credit number when empty);
//          21 related reference = credit_number; 32A value date and principal amount =
//          value_date + amount (lcproc reads option A only: a payment has a value date).
//   MT756: 20 sender's reference = credit_number; 21 presenting bank's reference
//          (Mt756::presenting_bank_reference, NONREF when empty); 32B total amount claimed
//          (Mt756::amount_claimed; the amount paid when unset); 33A value date and amount
//          reimbursed or paid = value_date + amount.
//   72Z (both): "/PRESNO/n" (when not 1), "/DEBIT/account", "/CREDIT/account", then the
//          other lines, kept in `sender_to_receiver`.
// Sender = Payment::paying_bank. Every other tag (33B, 71D, 73A, 34a, 53a, 54a, 57a, 58a,
// 77, 79Z) is kept in extra_fields in message order. Same errors as mt700.h.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/extra_field.h"
#include "pipeline/trade/money.h"
#include "pipeline/trade/payment.h"

namespace lcproc::formats {

struct Mt754 {
  trade::Payment payment;
  std::string sender_reference;
  std::vector<std::string> sender_to_receiver;
  trade::Bic receiver;
  std::vector<trade::ExtraField> extra_fields;
  friend bool operator==(const Mt754&, const Mt754&) = default;
};

struct Mt756 {
  trade::Payment payment;
  std::string presenting_bank_reference;
  std::optional<trade::Money> amount_claimed;
  std::vector<std::string> sender_to_receiver;
  trade::Bic receiver;
  std::vector<trade::ExtraField> extra_fields;
  friend bool operator==(const Mt756&, const Mt756&) = default;
};

Result<Mt754> ParseMt754(const SwiftMessage& message);
Result<Mt754> ParseMt754(std::string_view text);
Result<SwiftMessage> BuildMt754(const Mt754& mt);
Result<std::string> WriteMt754(const Mt754& mt);

Result<Mt756> ParseMt756(const SwiftMessage& message);
Result<Mt756> ParseMt756(std::string_view text);
Result<SwiftMessage> BuildMt756(const Mt756& mt);
Result<std::string> WriteMt756(const Mt756& mt);

}  // namespace lcproc::formats
