// Engine: the processing pipeline. Banks' signed documents go in through Submit; each
// comes out once, through its completion callback, as an Outcome.
//
//   input        a bounded queue; Submit never blocks (ResourceExhausted when full)
//   1 decode       Rules::Decode                                   parallel
//   2 authenticate JWS (RFC 7515/7797) against the ParticipantRegistry parallel
//   3 check        Rules::Check                                    parallel
//   4 sequence     idempotency, replay, Rules::Apply, leaf index    serial, in order
//   5 batch        cut at batch_max_entries or batch_max_millis;
//                  append to the Merkle tree, sign the checkpoint   serial, in order
//   6 commit       LedgerStore::Commit, one transaction per batch   committer thread
//   7 acknowledge  completion callbacks, after the commit           committer thread
//
// Stages 1-5 are one oneTBB parallel_pipeline in a task_arena of `threads` slots,
// run by one feeder thread; commit runs on its own thread so an fsync never holds a
// TBB worker that could be verifying signatures. The feeder sleeps on a condition
// variable when idle (no spinning); it wakes at most once per batch_max_millis while
// a batch is open, to cut it by time, unless a cut batch still waits for the commit
// thread: then the open batch keeps filling until that queue drains (group commit,
// committer.h), so under load an fsync is paid per full batch.
//
// Every authenticated submission becomes a ledger entry with its outcome, accepted or
// rejected; unauthenticated ones are refused and never reach the ledger. A completion
// fires only after the entry's batch (and the checkpoint over it) is durable. If a
// commit fails (disk full, read-only) every submission of that batch and of any batch
// sequenced after it completes as kFailed, and the engine rolls its in-memory tree and
// credit states back to the store's last committed state; the next batch tries again.
//
// Thread-safety: Submit, stats() and Shutdown may be called from any thread.
// Completion callbacks run on engine threads: they must be quick and must not call
// Shutdown (they may call Submit).
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>

#include "pipeline/clock.h"
#include "pipeline/engine/engine_stats.h"
#include "pipeline/engine/options.h"
#include "pipeline/engine/outcome.h"
#include "pipeline/engine/rules.h"
#include "pipeline/engine/submission.h"
#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/participants/participant_registry.h"
#include "pipeline/status.h"

namespace lcproc::engine {

// What Engine::Submit answers. OK: the engine took the submission and will call the
// completion exactly once. Otherwise ResourceExhausted (max_in_flight submissions are
// in the engine: retry shortly) or Unavailable (after Shutdown), the completion is
// never called, and the submission comes back untouched in `returned`, so the caller
// retries it without re-reading or re-parsing it.
struct [[nodiscard]] Admission {
  Status status;
  std::unique_ptr<Submission> returned;  // set exactly when !status.ok()

  bool ok() const { return status.ok(); }
};

class Engine {
 public:
  using Completion = engine::Completion;

  // Opens the engine over `store`, after checking it: the latest checkpoint must verify
  // with `signer`'s key and its root must equal the root recomputed from the stored
  // tiles (DataLoss otherwise: a damaged store is never served). The borrowed objects
  // must outlive the engine. Starts the feeder and committer threads.
  static Result<std::unique_ptr<Engine>> Start(const EngineOptions& options,
                                               ledger_store::LedgerStore& store,
                                               const participants::ParticipantRegistry& registry,
                                               const Rules& rules, const Clock& clock,
                                               const ledger::NoteSigner& signer);

  // Drains: calls Shutdown.
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Hands `submission` to the pipeline (REQUIRES: non-null). See Admission: when taken,
  // `done` is called exactly once, later, from an engine thread.
  Admission Submit(std::unique_ptr<Submission> submission, Completion done);

  // Submit, with the outcome as a future. On ResourceExhausted/Unavailable the future
  // holds Outcome::Failed with that status (and the submission is dropped).
  std::future<Outcome> Submit(std::unique_ptr<Submission> submission);

  // Stops taking submissions, completes every one already taken (cutting the open
  // batch), then stops the threads. Idempotent.
  void Shutdown();

  // A snapshot of the counters. Cheap; any thread.
  EngineStats stats() const;

  // The latest durable checkpoint (signed note) and its tree size.
  std::string LatestCheckpoint() const;
  uint64_t committed_size() const;

  class Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace lcproc::engine
