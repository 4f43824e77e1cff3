// OpsBoard: what trade operations must act on, digested from the ledger. It reads the
// entries committed since its last look, replays each credit they touch through the
// rulebook (rulebook::ReplayCredit, the engine's own rules) and keeps one digest per
// credit, plus the recorded rejections by reason and submitting bank. The work queues,
// discrepancy and rejection tables of /v1/ops/* are views over a Snapshot; no trade rule
// is decided here (the art. 14(b) deadline is the examination's, time left is the
// banking calendar's).
//
// Thread-safety: Refresh and snapshot() from any thread; a Snapshot is immutable and
// may be read while a later Refresh builds the next one.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/mutex.h"
#include "pipeline/status.h"
#include "pipeline/trade/calendar.h"
#include "pipeline/trade/credit_state.h"

namespace lcproc::gateway {

// One credit as the work queues need it.
struct CreditDigest {
  std::string reference;
  std::vector<std::string> readers;  // BICs (11 characters) that may read the credit
  trade::CreditState state;
};

struct RejectionKey {
  std::string reason;     // "WRONG_ROLE", "SCHEMA", … (the rule's code, or the status code)
  std::string submitter;  // BIC as submitted
  friend auto operator<=>(const RejectionKey&, const RejectionKey&) = default;
};

struct BoardSnapshot {
  uint64_t tree_size = 0;                                              // entries digested
  std::map<std::string, std::shared_ptr<const CreditDigest>> credits;  // by reference
  std::map<RejectionKey, uint64_t> rejections;                         // recorded in the ledger
};

// The reason code of a recorded rejection: the rule's code at the head of the message
// ("WRONG_ROLE: …"), else the status code's name in capitals.
std::string RejectionReason(StatusCode code, const std::string& message);

class OpsBoard {
 public:
  // `store` must outlive the board.
  OpsBoard(const ledger_store::LedgerStore& store, trade::BankingCalendar calendar);

  // Digests what was committed since the last Refresh. On a read error the previous
  // snapshot stays and the error is returned.
  Status Refresh();
  std::shared_ptr<const BoardSnapshot> snapshot() const;
  const trade::BankingCalendar& calendar() const { return calendar_; }

 private:
  const ledger_store::LedgerStore& store_;
  const trade::BankingCalendar calendar_;
  Mutex refresh_mu_;  // one Refresh at a time; readers never wait for it
  mutable Mutex mu_;
  std::shared_ptr<const BoardSnapshot> snapshot_ GUARDED_BY(mu_);
};

}  // namespace lcproc::gateway
