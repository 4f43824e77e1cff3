#include "services/demo/interim_trade_rules.h"

#include "pipeline/formats/json_codec.h"
#include "pipeline/trade/lifecycle.h"

namespace lcproc::demo {
namespace {

constexpr int64_t kMillisPerDay = 86'400'000;

struct TradeDocument final : engine::Rules::Document {
  explicit TradeDocument(trade::Document d) : doc(std::move(d)), credit(trade::CreditNumber(doc)) {}
  const std::string& credit_number() const override { return credit; }
  trade::Document doc;
  std::string credit;
};

struct TradeCredit final : engine::Rules::CreditState {
  explicit TradeCredit(trade::CreditState s) : state(std::move(s)) {}
  engine::CreditRow Summary() const override {
    engine::CreditRow row;
    row.reference = state.credit_number();
    row.state = std::string(trade::CreditStatusName(state.status));
    const trade::LetterOfCredit& t = state.terms;
    for (const trade::Bic* bic : {&t.issuing_bank, &t.advising_bank}) row.parties.push_back(bic->normalized());
    if (state.confirming_bank) row.parties.push_back(state.confirming_bank->normalized());
    return row;
  }
  trade::CreditState state;
};

}  // namespace

Result<std::unique_ptr<engine::Rules::Document>> InterimTradeRules::Decode(
    std::string_view content_type, std::string_view body) const {
  if (content_type != "application/json") {
    return InvalidArgument("unsupported content type '" + std::string(content_type) + "'");
  }
  LCPROC_ASSIGN_OR_RETURN(trade::Document doc, formats::DecodeJson(body));
  return std::unique_ptr<Document>(std::make_unique<TradeDocument>(std::move(doc)));
}

Status InterimTradeRules::Check(const Document& document) const {
  return trade::CheckDocument(static_cast<const TradeDocument&>(document).doc);
}

engine::Rules::Decision InterimTradeRules::Apply(const CreditState* current, const Document& document,
                                                 std::string_view submitter,
                                                 int64_t received_millis) const {
  Decision out;
  auto bic = trade::Bic::Parse(submitter);
  if (!bic.ok()) {
    out.reason = bic.status();
    return out;
  }
  const trade::CreditState* state =
      current == nullptr ? nullptr : &static_cast<const TradeCredit*>(current)->state;
  const trade::Date today = trade::Date::FromDays(static_cast<int32_t>(received_millis / kMillisPerDay));
  auto t = trade::Apply(state, static_cast<const TradeDocument&>(document).doc, *bic, today, calendar_);
  if (!t.ok()) {
    out.reason = t.status();
    return out;
  }
  for (const trade::Discrepancy& d : t->outcome.discrepancies) {
    out.discrepancies.push_back(d.code + " (UCP 600 art. " + d.article + "): " + d.message);
  }
  out.accepted = t->outcome.accepted;
  if (!out.accepted) {
    out.reason = t->outcome.reason.ok() ? FailedPrecondition(t->outcome.reason_code) : t->outcome.reason;
    return out;
  }
  out.next = std::make_shared<TradeCredit>(std::move(*t->state));
  return out;
}

}  // namespace lcproc::demo
