// Outcome: the engine's answer to one Submission, delivered once through the
// completion callback given to Engine::Submit.
//
//   kAccepted  in the ledger at `leaf_index`; the trade rules accepted it.
//   kRejected  in the ledger at `leaf_index`; the rules refused it (`status` says why,
//              `discrepancies` lists UCP 600 findings). Still a durable, signed record.
//   kRefused   never in the ledger: not authenticated (bad signature, unknown, revoked,
//              expired or another bank's key), or an idempotency key reused with other
//              bytes (Conflict). `status` says why.
//   kFailed    not acknowledged: the engine could not make it durable (disk full,
//              read-only store, shutting down). Nothing was recorded; resubmit later.
//
// A plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace lcproc::engine {

enum class Verdict : uint8_t { kAccepted = 1, kRejected = 2, kRefused = 3, kFailed = 4 };

// "accepted", "rejected", "refused", "failed".
std::string_view VerdictName(Verdict verdict);

struct Outcome {
  Verdict verdict = Verdict::kFailed;
  // OK when accepted; the reason otherwise (code + message for a person).
  Status status;
  // UCP 600 discrepancies found on examination (may be non-empty when accepted, e.g.
  // a presentation recorded as discrepant).
  std::vector<std::string> discrepancies;
  // The entry's leaf index: set for kAccepted and kRejected.
  std::optional<uint64_t> leaf_index;
  // The signed checkpoint (C2SP signed note) of a tree that includes the entry, and its
  // size; empty/0 when there is no entry. Fetch the inclusion proof with
  // ledger::InclusionProof(store, *leaf_index, tree_size).
  std::string checkpoint;
  uint64_t tree_size = 0;
  // True when this answers a retry or replay with the first submission's entry.
  bool duplicate = false;
  // The credit the document concerns, when it decoded (empty otherwise).
  std::string credit_number;

  bool recorded() const { return leaf_index.has_value(); }

  // The named ways to build one; every outcome the engine gives starts from these.
  // Never in the ledger (`status` says why: not authenticated, or a reused idempotency key).
  static Outcome Refused(Status status, std::string credit_number = {}) {
    return Unrecorded(Verdict::kRefused, std::move(status), std::move(credit_number));
  }
  // Not acknowledged: nothing was recorded; the bank may resubmit later.
  static Outcome Failed(Status status, std::string credit_number = {}) {
    return Unrecorded(Verdict::kFailed, std::move(status), std::move(credit_number));
  }
  // In the ledger at `index`: accepted when `status` is OK, rejected otherwise.
  static Outcome Recorded(uint64_t index, Status status, std::vector<std::string> discrepancies) {
    Outcome out;
    out.verdict = status.ok() ? Verdict::kAccepted : Verdict::kRejected;
    out.status = std::move(status);
    out.discrepancies = std::move(discrepancies);
    out.leaf_index = index;
    return out;
  }

 private:
  static Outcome Unrecorded(Verdict verdict, Status status, std::string credit_number) {
    Outcome out;
    out.verdict = verdict;
    out.status = std::move(status);
    out.credit_number = std::move(credit_number);
    return out;
  }
};

}  // namespace lcproc::engine
