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
  // Set by Check when CheckDocument passed (on the thread that owns the document, before
  // the engine hands it to Apply), so Apply does not check it again. A document Apply
  // gets unchecked (a credit's history replayed from the ledger) is checked there.
  mutable bool checked = false;
};

struct TradeCreditState final : Rules::CreditState {
  ledger_store::CreditRow Summary() const override {
    return {state->credit_number(), std::string(trade::CreditStatusName(state->status)),
            CreditParties(*state)};
  }
  std::optional<trade::CreditState> state;  // always set once the object exists
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
  const auto& d = static_cast<const TradeDocument&>(document);
  Status status = trade::CheckDocument(d.doc);
  d.checked = status.ok();
  return status;
}

Rules::Decision TradeRules::Apply(std::unique_ptr<CreditState>& current, Document& document,
                                  std::string_view submitter, int64_t received_millis) const {
  auto bic = trade::Bic::Parse(submitter);
  if (!bic.ok()) return {false, PermissionDenied("the submitter is not a BIC"), {}};
  int64_t days = received_millis / kMillisPerDay;
  // In place: no copy of the credit's state. A credit not seen yet starts empty and is
  // kept only when an issuance is accepted.
  std::optional<trade::CreditState> fresh;
  std::optional<trade::CreditState>& state =
      current != nullptr ? static_cast<TradeCreditState&>(*current).state : fresh;
  // What the state keeps of the document (a credit, an amendment, a presentation) is
  // moved, not copied: the engine does not use the document again.
  auto& d = static_cast<TradeDocument&>(document);
  const trade::Date today = trade::Date::FromDays(static_cast<int32_t>(days));
  auto outcome = d.checked ? trade::ApplyInPlace(state, std::move(d.doc), *bic, today, calendar_,
                                                 trade::AlreadyChecked{})
                           : trade::ApplyInPlace(state, std::move(d.doc), *bic, today, calendar_);
  if (!outcome.ok()) return {false, outcome.status(), {}};
  Decision out;
  out.discrepancies.reserve(outcome->discrepancies.size());
  for (const auto& d : outcome->discrepancies) out.discrepancies.push_back(DescribeDiscrepancy(d));
  if (outcome->accepted && state) {
    out.accepted = true;
    if (current == nullptr) {
      auto created = std::make_unique<TradeCreditState>();
      created->state = std::move(fresh);
      current = std::move(created);
    }
    return out;
  }
  const Status& reason = outcome->reason;
  std::string message = outcome->reason_code;
  if (!reason.message().empty()) message += (message.empty() ? "" : ": ") + reason.message();
  out.reason = Status(reason.ok() ? StatusCode::kFailedPrecondition : reason.code(), message);
  return out;
}

}  // namespace lcproc::rulebook
