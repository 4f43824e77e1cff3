// InterimTradeRules: engine::Rules over pipeline/formats (JSON decoding) and
// pipeline/trade (CheckDocument, the lifecycle's Apply), so the demo, the load
// generator and the benchmark run the real UCP 600 rulebook. Stands in until the
// engine's own TradeRules (rules.h names it) lands; it then replaces this file.
//
// The day a document is applied on is the UTC date of its received time; banking days
// follow a Saturday/Sunday calendar without holidays.
//
// Thread-safe: Decode and Check keep no state; Apply is pure.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/engine/rules.h"
#include "pipeline/trade/calendar.h"

namespace lcproc::demo {

class InterimTradeRules final : public engine::Rules {
 public:
  Result<std::unique_ptr<Document>> Decode(std::string_view content_type,
                                           std::string_view body) const override;
  Status Check(const Document& document) const override;
  Decision Apply(const CreditState* current, const Document& document, std::string_view submitter,
                 int64_t received_millis) const override;

 private:
  trade::BankingCalendar calendar_;
};

}  // namespace lcproc::demo
