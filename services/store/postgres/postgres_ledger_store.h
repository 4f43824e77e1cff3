// PostgresLedgerStore: the LedgerStore on PostgreSQL (libpq), for a ledger that must
// outlive one machine. Same contract as SqliteLedgerStore.
//
// Schema (version 1, tables prefixed lcproc_ so the ledger can share a database):
//   lcproc_meta(key, value)                schema_version
//   lcproc_head(id = 1, size, term, holder, lease_until)
//       the committed tree size, and the sequencer's lease (see below)
//   lcproc_entries(idx PK, leaf bytea, replay int8, idem int8, credit text)
//       indexes on replay, idem (partial) and (credit, idx) (partial), as in SQLite
//   lcproc_tiles(id PK = level << 56 | index, hashes bytea)
//   lcproc_checkpoints(size PK, note)      one per batch
//   lcproc_credits(reference PK, state)    index on state
//   lcproc_credit_parties(bic, credit) PK(bic, credit), index on credit
//
// One Commit is one transaction: it first moves lcproc_head.size from old_size to
// new_size (a compare-and-set whose row lock also serialises writers), then inserts the
// whole batch with one statement per table (arrays through unnest, binary parameters),
// then COMMIT with synchronous_commit = on. Readers see a statement snapshot of
// committed data only, so never half a batch.
//
// Several lcproc instances over one database: exactly one sequences at a time. An
// instance becomes the sequencer with AcquireLease (PostgreSQL's clock decides when a
// lease has run out; taking it bumps the term) and keeps it with RenewLease. Once it
// holds a term, each Commit carries that term and the transaction refuses it when the
// head's term has moved on (kFailedPrecondition, "fenced"), as it refuses a stale
// old_size: a paused or partitioned old leader can never write a second branch of the
// tree. A store that never called AcquireLease (a single instance, the command-line
// tools) commits unfenced, still guarded by the size check.
//
// Errors: see pg_connection.h for the codes. A lost connection is re-established on the
// next call; a transaction that failed before COMMIT is retried once on a fresh
// connection (nothing of it was durable). When the connection breaks during COMMIT
// itself, the outcome is unknown: Commit reconnects for up to resolve_timeout and
// reads back whether the batch's checkpoint is there, returning OK if it is.
//
// Thread-safety: as SqliteLedgerStore — a writer connection under one mutex (Commit and
// the lease calls), a reader connection under another (every const call).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/mutex.h"

namespace lcproc::store::postgres {

class PgConnection;
class PgParams;

struct PostgresOptions {
  bool create = true;  // create the schema when the database has none
  // How long Commit keeps trying to learn the outcome of a COMMIT whose connection broke.
  std::chrono::milliseconds resolve_timeout{30000};
};

// The sequencer lease, as read from the head row.
struct Lease {
  uint64_t term = 0;   // 0: never taken
  uint64_t size = 0;   // the committed tree size when read
  std::string holder;  // who took it last
  bool live = false;   // not yet run out (by the server's clock)
};

class PostgresLedgerStore final : public ledger_store::LedgerStore {
 public:
  // Connects to `spec` (postgresql://user@host:port/db, or libpq key=value). Unavailable
  // when the server cannot be reached; NotFound when the database holds no ledger and
  // create is off; DataLoss for an unknown schema version or a foreign lcproc_ table.
  static Result<std::unique_ptr<PostgresLedgerStore>> Open(const std::string& spec,
                                                           const PostgresOptions& options = {});
  ~PostgresLedgerStore() override;

  Status Commit(const ledger_store::CommitBatch& batch) override;
  Result<uint64_t> Size() const override;
  Result<ledger_store::StoredCheckpoint> LatestCheckpoint() const override;
  Result<std::vector<ledger_store::CreditRow>> ListCredits(
      const ledger_store::CreditQuery& query) const override;
  Result<std::vector<uint64_t>> EntriesForParty(std::string_view bic, uint64_t begin,
                                                size_t limit) const override;
  Result<std::string> CheckpointAt(uint64_t size) const override;
  Result<std::string> ReadLeaf(uint64_t index) const override;
  Result<std::vector<uint64_t>> FindByReplayKey(const crypto::Digest& key) const override;
  Result<std::vector<uint64_t>> FindByIdempotencyKey(std::string_view submitter,
                                                     std::string_view key) const override;
  Result<std::vector<uint64_t>> EntriesForCredit(std::string_view credit_number) const override;
  Result<ledger_store::CreditRow> ReadCredit(std::string_view reference) const override;
  Status ScanLeaves(uint64_t begin, uint64_t end, const LeafVisitor& visit) const override;
  Status ScanDuplicateKeys(const DuplicateKeyVisitor& visit) const override;
  Status ScanCheckpoints(const CheckpointVisitor& visit) const override;
  Result<std::string> ReadTile(uint8_t level, uint64_t index, uint16_t min_width) const override;

  Result<std::vector<std::string>> CreditsOfParty(std::string_view bic) const;
  Result<std::vector<std::string>> CreditsInState(std::string_view state) const;

  // Takes the sequencer lease for `holder` for `duration` when it is free, run out, or
  // already `holder`'s; the term goes up by one and this store commits under it from
  // now on. Unavailable ("held by X") when another holder's lease is live.
  Result<Lease> AcquireLease(const std::string& holder, std::chrono::milliseconds duration);
  // Extends this store's lease; FailedPrecondition ("fenced") when the term moved on.
  Status RenewLease(std::chrono::milliseconds duration);
  // The head row: current term, holder, liveness, committed size. Any thread.
  Result<Lease> ReadLease() const;
  // The term this store commits under; 0 when unfenced.
  uint64_t term() const { return term_.load(std::memory_order_acquire); }

  // "PostgreSQL at host:port/db" (no password).
  const std::string& where() const;

 private:
  PostgresLedgerStore(std::unique_ptr<PgConnection> writer, std::unique_ptr<PgConnection> reader,
                      const PostgresOptions& options);
  Status CommitOnce(const ledger_store::CommitBatch& batch, bool* at_commit) REQUIRES(write_mu_);
  Status ResolveLostCommit(const ledger_store::CommitBatch& batch) REQUIRES(write_mu_);
  // The first column of statement `which`'s one row for `key`; NotFound("<missing><key>").
  Result<std::string> BytesAt(int which, uint64_t key, std::string_view missing) const;
  // The first column (entry indexes) of every row statement `which` returns.
  Result<std::vector<uint64_t>> Indexes(int which, const PgParams& params) const;
  Result<std::vector<std::string>> Strings(int which, std::string_view key) const;

  PostgresOptions options_;
  mutable Mutex write_mu_;
  std::unique_ptr<PgConnection> writer_ GUARDED_BY(write_mu_);
  mutable Mutex read_mu_;
  std::unique_ptr<PgConnection> reader_ GUARDED_BY(read_mu_);
  std::atomic<uint64_t> term_{0};
};

}  // namespace lcproc::store::postgres
