#include "pipeline/rulebook/credit_history.h"

#include <algorithm>
#include <set>

#include "pipeline/formats/document_codec.h"
#include "pipeline/trade/lifecycle.h"

namespace lcproc::rulebook {
namespace {

constexpr int64_t kMillisPerDay = 86400000;

}  // namespace

std::vector<std::string> CreditParties(const trade::CreditState& state) {
  // At most nine BICs: a sorted vector, not a node per party (the engine takes this
  // summary for every accepted document).
  std::vector<std::string> parties;
  parties.reserve(9);
  const auto& t = state.terms;
  parties.push_back(t.issuing_bank.normalized());
  parties.push_back(t.advising_bank.normalized());
  for (const auto* bic :
       {&t.confirming_bank, &t.reimbursing_bank, &t.advise_through_bank, &state.confirming_bank,
        &t.applicant.bic, &t.beneficiary.bic, &t.available_with.bank}) {
    if (bic->has_value()) parties.push_back((*bic)->normalized());
  }
  std::sort(parties.begin(), parties.end());
  parties.erase(std::unique(parties.begin(), parties.end()), parties.end());
  return parties;
}

std::vector<std::string> PartyRoles(const trade::CreditState& state, std::string_view text) {
  std::vector<std::string> roles;
  auto parsed = trade::Bic::Parse(text);
  if (!parsed.ok()) return roles;
  const trade::Bic& bic = *parsed;
  const auto& t = state.terms;
  auto is = [&](const std::optional<trade::Bic>& b) { return b.has_value() && *b == bic; };
  if (t.issuing_bank == bic) roles.emplace_back("issuing");
  if (t.advising_bank == bic) roles.emplace_back("advising");
  if (is(state.confirming_bank) || is(t.confirming_bank)) roles.emplace_back("confirming");
  if (is(t.available_with.bank)) roles.emplace_back("nominated");
  if (is(t.beneficiary.bic)) roles.emplace_back("beneficiary");
  if (is(t.reimbursing_bank)) roles.emplace_back("reimbursing");
  return roles;
}

Result<CreditHistory> ReplayCredit(const LedgerStore& store, std::string_view reference,
                                   const trade::BankingCalendar& calendar) {
  LCPROC_ASSIGN_OR_RETURN(std::vector<uint64_t> indexes, store.EntriesForCredit(reference));
  if (indexes.empty()) return NotFound("no credit " + std::string(reference));
  CreditHistory out;
  out.reference = std::string(reference);
  std::set<std::string> readers;
  for (uint64_t index : indexes) {
    LCPROC_ASSIGN_OR_RETURN(std::string leaf, store.ReadLeaf(index));
    auto entry = ledger_store::DecodeLeaf(leaf);
    if (!entry.ok())
      return DataLoss("entry " + std::to_string(index) + ": " + entry.status().message());
    TimelineEvent event{index, std::move(*entry), std::nullopt};
    auto submitter = trade::Bic::Parse(event.entry.submitter);
    readers.insert(submitter.ok() ? submitter->normalized() : event.entry.submitter);
    auto doc = formats::DecodeDocument(event.entry.content_type, event.entry.body);
    if (doc.ok()) event.type = trade::TypeOf(*doc);
    if (event.entry.accepted) {
      if (!doc.ok())
        return DataLoss("accepted entry " + std::to_string(index) + " no longer decodes");
      auto bic = trade::Bic::Parse(event.entry.submitter);
      if (!bic.ok()) return DataLoss("entry " + std::to_string(index) + " has no BIC submitter");
      auto today =
          trade::Date::FromDays(static_cast<int32_t>(event.entry.received_millis / kMillisPerDay));
      auto applied = trade::ApplyInPlace(out.state, std::move(*doc), *bic, today, calendar);
      if (!applied.ok() || !applied->accepted || !out.state) {
        return DataLoss("accepted entry " + std::to_string(index) + " no longer applies");
      }
    }
    out.timeline.push_back(std::move(event));
  }
  if (out.state) {
    for (auto& p : CreditParties(*out.state)) readers.insert(std::move(p));
  }
  out.readers.assign(readers.begin(), readers.end());
  return out;
}

}  // namespace lcproc::rulebook
