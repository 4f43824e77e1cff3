// CreditHistory: one credit as its ledger entries tell it, rebuilt by replaying them
// through the rulebook (trade::Apply, the same function the engine's sequence stage
// calls through TradeRules). What the REST gateway shows as a credit's terms, state,
// balance, deadlines and timeline, so the gateway re-decides no trade rule.
//
// Reads the store through its const methods only; safe from any thread as the store's
// const calls are.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ledger_store/ledger_entry.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/status.h"
#include "pipeline/trade/calendar.h"
#include "pipeline/trade/credit_state.h"
#include "pipeline/trade/document.h"

namespace lcproc::rulebook {

using ledger_store::LedgerEntry;
using ledger_store::LedgerStore;

// One ledger entry of the credit, accepted or rejected.
struct TimelineEvent {
  uint64_t index = 0;
  LedgerEntry entry;
  std::optional<trade::DocumentType> type;  // nullopt when the body no longer decodes
};

struct CreditHistory {
  std::string reference;
  // The state after every accepted entry; nullopt when none was accepted (a credit
  // whose every document was rejected, e.g. an amendment for an unknown credit).
  std::optional<trade::CreditState> state;
  std::vector<TimelineEvent> timeline;
  // Every BIC that may read this credit, normalised to 11 characters: the parties of the
  // state's terms and every submitter of one of its entries.
  std::vector<std::string> readers;
};

// Replays the entries of `reference` in ledger order. NotFound when the credit has no
// entry; DataLoss when a stored leaf does not decode or an accepted entry no longer
// applies (the ledger and the rules disagree).
Result<CreditHistory> ReplayCredit(
    const LedgerStore& store, std::string_view reference,
    const trade::BankingCalendar& calendar = trade::BankingCalendar());

// The parties of a credit's terms (issuing, advising, confirming, nominated (41a),
// reimbursing, advise-through and the applicant's and beneficiary's BICs when given),
// normalised to 11 characters (Bic::normalized: "COBADEHH" is "COBADEHHXXX"), sorted,
// unique: the same set TradeRules records in the store's CreditRow.
std::vector<std::string> CreditParties(const trade::CreditState& state);

// The roles `bic` holds in the credit: "issuing", "advising", "confirming",
// "nominated" (41a available with), "beneficiary" (the beneficiary's bank), "reimbursing"
// (53a), in that order; empty when none.
std::vector<std::string> PartyRoles(const trade::CreditState& state, std::string_view bic);

}  // namespace lcproc::rulebook
