// TradeRules: the engine's Rules over the real rulebook: pipeline/formats decodes (JSON,
// Cap'n Proto, SWIFT MT by Content-Type) and pipeline/trade checks (CheckDocument) and
// applies (the LC lifecycle with automatic UCP 600 examination of presentations).
//
// A rejection's message starts with the trade domain's stable reason code
// ("OUT_OF_ORDER: ..."), and a discrepancy reads "CODE art. 14(c) document.field:
// message", so both survive in the ledger leaf as plain text.
//
// `today` for the lifecycle is the UTC date of the submission's received time, so
// replaying an entry later gives the same answer. Immutable; thread-safe as Rules asks.
#pragma once

#include "pipeline/engine/rules.h"
#include "pipeline/trade/calendar.h"

namespace lcproc::rulebook {

class TradeRules final : public engine::Rules {
 public:
  explicit TradeRules(trade::BankingCalendar calendar = trade::BankingCalendar())
      : calendar_(std::move(calendar)) {}

  Result<std::unique_ptr<Document>> Decode(std::string_view content_type,
                                           std::string_view body) const override;
  Status Check(const Document& document) const override;
  Decision Apply(std::unique_ptr<CreditState>& current, Document& document,
                 std::string_view submitter, int64_t received_millis) const override;

 private:
  trade::BankingCalendar calendar_;
};

}  // namespace lcproc::rulebook
