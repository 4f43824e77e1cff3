#include "pipeline/rulebook/trade_rules.h"

#include "pipeline/formats/document_codec.h"
#include "pipeline/rulebook/credit_history.h"
#include "pipeline/trade/credit_state.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/document.h"
#include "pipeline/trade/lifecycle.h"

namespace lcproc::rulebook {
using engine::Rules;

namespace {

constexpr int64_t kMillisPerDay = 86400000;

struct TradeDocument final : Rules::Document {
  explicit TradeDocument(trade::Document d) : doc(std::move(d)) {}
  const std::string& credit_number() const override { return trade::CreditNumber(doc); }
  trade::Document doc;
};

struct TradeCreditState final : Rules::CreditState {
  explicit TradeCreditState(trade::CreditState s) : state(std::move(s)) {}
  ledger_store::CreditRow Summary() const override {
    return {state.credit_number(), std::string(trade::CreditStatusName(state.status)),
            CreditParties(state)};
  }
  trade::CreditState state;
};

std::string DescribeDiscrepancy(const trade::Discrepancy& d) {
  std::string out = d.code;
  if (!d.article.empty()) out += " art. " + d.article;
  if (!d.document.empty() || !d.field.empty())
    out += " " + d.document + (d.field.empty() ? "" : "." + d.field);
  if (!d.message.empty()) out += ": " + d.message;
  return out;
}

}  // namespace

Result<std::unique_ptr<Rules::Document>> TradeRules::Decode(std::string_view content_type,
                                                            std::string_view body) const {
  LCPROC_ASSIGN_OR_RETURN(trade::Document doc, formats::DecodeDocument(content_type, body));
  if (trade::CreditNumber(doc).empty()) return InvalidArgument("the document names no credit");
  return std::unique_ptr<Rules::Document>(std::make_unique<TradeDocument>(std::move(doc)));
}

Status TradeRules::Check(const Document& document) const {
  return trade::CheckDocument(static_cast<const TradeDocument&>(document).doc);
}

Rules::Decision TradeRules::Apply(const CreditState* current, const Document& document,
                                  std::string_view submitter, int64_t received_millis) const {
  auto bic = trade::Bic::Parse(submitter);
  if (!bic.ok()) return {false, PermissionDenied("the submitter is not a BIC"), {}, nullptr};
  int64_t days = received_millis / kMillisPerDay;
  const trade::CreditState* state =
      current != nullptr ? &static_cast<const TradeCreditState*>(current)->state : nullptr;
  auto transition = trade::Apply(state, static_cast<const TradeDocument&>(document).doc, *bic,
                                 trade::Date::FromDays(static_cast<int32_t>(days)), calendar_);
  if (!transition.ok()) return {false, transition.status(), {}, nullptr};
  Decision out;
  for (const auto& d : transition->outcome.discrepancies)
    out.discrepancies.push_back(DescribeDiscrepancy(d));
  if (transition->outcome.accepted && transition->state) {
    out.accepted = true;
    out.next = std::make_shared<TradeCreditState>(std::move(*transition->state));
    return out;
  }
  const Status& reason = transition->outcome.reason;
  std::string message = transition->outcome.reason_code;
  if (!reason.message().empty()) message += (message.empty() ? "" : ": ") + reason.message();
  out.reason = Status(reason.ok() ? StatusCode::kFailedPrecondition : reason.code(), message);
  return out;
}

}  // namespace lcproc::rulebook
