#include "services/store/postgres/postgres_ledger_store.h"

#include <map>
#include <set>
#include <thread>

#include "services/store/postgres/pg_connection.h"

namespace lcproc::store::postgres {
namespace {

constexpr int kSchemaVersion = 1;

// Tiles are hashes (incompressible): STORAGE EXTERNAL skips the compression attempt.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS lcproc_meta(key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS lcproc_head(
  id int PRIMARY KEY CHECK (id = 1),
  size bigint NOT NULL,
  term bigint NOT NULL,
  holder text NOT NULL DEFAULT '',
  lease_until timestamptz NOT NULL DEFAULT 'epoch');
INSERT INTO lcproc_head(id, size, term) VALUES (1, 0, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS lcproc_entries(
  idx bigint PRIMARY KEY,
  leaf bytea NOT NULL,
  replay bigint NOT NULL,
  idem bigint,
  credit text);
CREATE INDEX IF NOT EXISTS lcproc_entries_replay ON lcproc_entries(replay);
CREATE INDEX IF NOT EXISTS lcproc_entries_idem ON lcproc_entries(idem) WHERE idem IS NOT NULL;
CREATE INDEX IF NOT EXISTS lcproc_entries_credit ON lcproc_entries(credit, idx)
  WHERE credit IS NOT NULL;
CREATE TABLE IF NOT EXISTS lcproc_tiles(id bigint PRIMARY KEY, hashes bytea NOT NULL);
ALTER TABLE lcproc_tiles ALTER COLUMN hashes SET STORAGE EXTERNAL;
CREATE TABLE IF NOT EXISTS lcproc_checkpoints(size bigint PRIMARY KEY, note text NOT NULL);
CREATE TABLE IF NOT EXISTS lcproc_credits(reference text PRIMARY KEY, state text NOT NULL);
CREATE INDEX IF NOT EXISTS lcproc_credits_state ON lcproc_credits(state);
CREATE TABLE IF NOT EXISTS lcproc_credit_parties(
  bic text NOT NULL,
  credit text NOT NULL,
  PRIMARY KEY(bic, credit));
CREATE INDEX IF NOT EXISTS lcproc_credit_parties_credit ON lcproc_credit_parties(credit);
)sql";

enum Sql {
  kSchemaVersionOf,
  kHead,
  kAdvanceHead,
  kInsertEntries,
  kPutTiles,
  kUpsertCredits,
  kInsertParties,
  kPutCheckpoint,
  kLatestCheckpoint,
  kCheckpointAt,
  kReadLeaf,
  kByReplay,
  kByIdem,
  kByCredit,
  kReadCredit,
  kScanLeaves,
  kScanKeys,
  kScanCheckpoints,
  kReadTile,
  kOfParty,
  kInState,
  kAcquire,
  kRenew,
  kListCredits,
  kEntriesForParty,
  kSqlCount,
};

// Sorting is by bytes (COLLATE "C"), as SQLite sorts, whatever the database's locale.
std::vector<std::string> Statements() {
  return {
      "SELECT value FROM lcproc_meta WHERE key = 'schema_version'",
      "SELECT size, term, holder, (lease_until > now())::int::int8 FROM lcproc_head WHERE id = 1",
      // The fence: moves the head only from the size (and, when fenced, the term) the
      // batch extends. The row lock it takes serialises competing writers; under READ
      // COMMITTED a waiter re-checks the row its rival committed, and matches nothing.
      "UPDATE lcproc_head SET size = $2::int8 WHERE id = 1 AND size = $1::int8 "
      "AND ($3::int8 = 0 OR term = $3::int8) RETURNING size",
      "INSERT INTO lcproc_entries(idx, leaf, replay, idem, credit) "
      "SELECT i, l, r, d, NULLIF(c, '') "
      "FROM unnest($1::int8[], $2::bytea[], $3::int8[], $4::int8[], $5::text[]) AS u(i, l, r, d, "
      "c)",
      "INSERT INTO lcproc_tiles(id, hashes) SELECT * FROM unnest($1::int8[], $2::bytea[]) "
      "ON CONFLICT (id) DO UPDATE SET hashes = EXCLUDED.hashes",
      "INSERT INTO lcproc_credits(reference, state) SELECT * FROM unnest($1::text[], $2::text[]) "
      "ON CONFLICT (reference) DO UPDATE SET state = EXCLUDED.state "
      "WHERE lcproc_credits.state <> EXCLUDED.state",
      "INSERT INTO lcproc_credit_parties(bic, credit) SELECT * FROM unnest($1::text[], $2::text[]) "
      "ON CONFLICT DO NOTHING",
      "INSERT INTO lcproc_checkpoints(size, note) VALUES ($1::int8, $2::text)",
      "SELECT note, size FROM lcproc_checkpoints ORDER BY size DESC LIMIT 1",
      "SELECT note FROM lcproc_checkpoints WHERE size = $1::int8",
      "SELECT leaf FROM lcproc_entries WHERE idx = $1::int8",
      "SELECT idx FROM lcproc_entries WHERE replay = $1::int8 ORDER BY idx",
      "SELECT idx FROM lcproc_entries WHERE idem = $1::int8 ORDER BY idx",
      "SELECT idx FROM lcproc_entries WHERE credit = $1::text ORDER BY idx",
      "SELECT c.state, ARRAY(SELECT p.bic FROM lcproc_credit_parties p "
      "WHERE p.credit = c.reference ORDER BY p.bic COLLATE \"C\") "
      "FROM lcproc_credits c WHERE c.reference = $1::text",
      "SELECT idx, leaf FROM lcproc_entries WHERE idx >= $1::int8 AND idx < $2::int8 ORDER BY idx",
      "SELECT replay, idem FROM lcproc_entries WHERE idx >= $1::int8 AND idx < $2::int8",
      "SELECT size, note FROM lcproc_checkpoints WHERE size > $1::int8 ORDER BY size LIMIT 256",
      "SELECT hashes FROM lcproc_tiles WHERE id = $1::int8",
      "SELECT credit FROM lcproc_credit_parties WHERE bic = $1::text ORDER BY credit COLLATE \"C\"",
      "SELECT reference FROM lcproc_credits WHERE state = $1::text ORDER BY reference COLLATE "
      "\"C\"",
      // Leadership: PostgreSQL's clock alone decides whether a lease ran out.
      "UPDATE lcproc_head SET term = term + 1, holder = $1::text, "
      "lease_until = now() + $2::int8 * interval '1 millisecond' "
      "WHERE id = 1 AND (lease_until <= now() OR holder = $1::text) RETURNING term, size",
      "UPDATE lcproc_head SET lease_until = now() + $2::int8 * interval '1 millisecond' "
      "WHERE id = 1 AND term = $1::int8 RETURNING term",
      // The API's listings (LedgerStore::ListCredits, EntriesForParty).
      "SELECT c.reference, c.state, ARRAY(SELECT p.bic FROM lcproc_credit_parties p "
      "WHERE p.credit = c.reference ORDER BY p.bic COLLATE \"C\") FROM lcproc_credits c "
      "WHERE c.reference COLLATE \"C\" > $1::text COLLATE \"C\" "
      "AND ($2::text = '' OR c.state = $2::text) "
      "AND ($3::text = '' OR EXISTS (SELECT 1 FROM lcproc_credit_parties q "
      "WHERE q.credit = c.reference AND q.bic = $3::text)) "
      "ORDER BY c.reference COLLATE \"C\" LIMIT $4::int8",
      "SELECT e.idx FROM lcproc_entries e WHERE e.idx >= $2::int8 AND e.credit IN "
      "(SELECT p.credit FROM lcproc_credit_parties p WHERE p.bic = $1::text) "
      "ORDER BY e.idx LIMIT $3::int8",
  };
}

int64_t PrefixKey(const crypto::Digest& d) {
  return static_cast<int64_t>(ledger_store::ReplayKeyPrefix(d));
}

int64_t TileRowId(uint8_t level, uint64_t index) {
  return static_cast<int64_t>((static_cast<uint64_t>(level) << 56) | index);
}

constexpr uint64_t kScanChunk = 1024;
constexpr uint64_t kKeyScanChunk = 65536;

bool IsLost(const Status& s, const PgConnection& c) {
  return s.code() == StatusCode::kUnavailable && c.broken();
}

// Opens (and when asked creates) the schema, on the writer connection.
Status EnsureSchema(PgConnection& c, bool create) {
  LCPROC_ASSIGN_OR_RETURN(PgResult exists, c.Exec("SELECT to_regclass('lcproc_meta') IS NOT NULL, "
                                                  "to_regclass('lcproc_entries') IS NOT NULL"));
  bool has_meta = exists.Bytes(0, 0) == "t";
  bool has_entries = exists.Bytes(0, 1) == "t";
  if (!has_meta) {
    if (has_entries) {
      return DataLoss(c.where() +
                      " has an lcproc_entries table but no lcproc_meta: not a ledger "
                      "this lcproc wrote");
    }
    if (!create) {
      return NotFound("no lcproc ledger in " + c.where() +
                      "; create one with `lcproc init --store <this URI>`");
    }
    // One creator at a time (two instances starting together), in one transaction.
    LCPROC_RETURN_IF_ERROR(c.Exec(std::string("BEGIN; SELECT pg_advisory_xact_lock(7386240161); ") +
                                  kSchema + "INSERT INTO lcproc_meta VALUES ('schema_version', '" +
                                  std::to_string(kSchemaVersion) +
                                  "') ON CONFLICT DO NOTHING; COMMIT;")
                               .status()
                               .WithContext("creating the ledger schema"));
  }
  LCPROC_ASSIGN_OR_RETURN(PgResult version,
                          c.Exec("SELECT value FROM lcproc_meta WHERE key = 'schema_version'"));
  std::string v = version.rows() == 1 ? std::string(version.Bytes(0, 0)) : "none";
  if (v != std::to_string(kSchemaVersion)) {
    return DataLoss(c.where() + " has ledger schema version " + v + "; this lcproc reads version " +
                    std::to_string(kSchemaVersion));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<PostgresLedgerStore>> PostgresLedgerStore::Open(
    const std::string& spec, const PostgresOptions& options) {
  // Statements reference the tables, so the schema comes first, on a bare connection.
  {
    LCPROC_ASSIGN_OR_RETURN(auto bare, PgConnection::Connect(spec, {}));
    LCPROC_RETURN_IF_ERROR(EnsureSchema(*bare, options.create));
  }
  LCPROC_ASSIGN_OR_RETURN(auto writer, PgConnection::Connect(spec, Statements()));
  LCPROC_ASSIGN_OR_RETURN(auto reader, PgConnection::Connect(spec, Statements()));
  return std::unique_ptr<PostgresLedgerStore>(
      new PostgresLedgerStore(std::move(writer), std::move(reader), options));
}

PostgresLedgerStore::PostgresLedgerStore(std::unique_ptr<PgConnection> writer,
                                         std::unique_ptr<PgConnection> reader,
                                         const PostgresOptions& options)
    : options_(options), writer_(std::move(writer)), reader_(std::move(reader)) {}

PostgresLedgerStore::~PostgresLedgerStore() = default;

const std::string& PostgresLedgerStore::where() const {
  MutexLock lock(read_mu_);
  return reader_->where();  // fixed at connect: safe to read after the lock
}

// ---- writing

Status PostgresLedgerStore::CommitOnce(const ledger_store::CommitBatch& batch, bool* at_commit) {
  PgConnection& w = *writer_;
  *at_commit = false;
  LCPROC_RETURN_IF_ERROR(w.Exec("BEGIN").status());
  uint64_t term = term_.load(std::memory_order_acquire);
  {
    PgParams p;
    p.Int64(static_cast<int64_t>(batch.old_size)).Int64(static_cast<int64_t>(batch.new_size));
    p.Int64(static_cast<int64_t>(term));
    LCPROC_ASSIGN_OR_RETURN(PgResult moved, w.Run(kAdvanceHead, p));
    if (moved.rows() != 1) {
      LCPROC_ASSIGN_OR_RETURN(PgResult head, w.Run(kHead, PgParams()));
      uint64_t size = static_cast<uint64_t>(head.Int64(0, 0));
      uint64_t now_term = static_cast<uint64_t>(head.Int64(0, 1));
      if (size != batch.old_size) {
        return FailedPrecondition("batch starts at " + std::to_string(batch.old_size) +
                                  " but the ledger holds " + std::to_string(size));
      }
      return FailedPrecondition("fenced: this instance commits under term " + std::to_string(term) +
                                " but " + std::string(head.Bytes(0, 2)) + " took term " +
                                std::to_string(now_term));
    }
  }
  if (!batch.entries.empty()) {
    std::vector<int64_t> idx, replay, idem;
    std::vector<bool> idem_null;
    std::vector<std::string_view> leaves, credits;
    for (const ledger_store::EntryRecord& e : batch.entries) {
      idx.push_back(static_cast<int64_t>(e.index));
      leaves.push_back(e.leaf);
      replay.push_back(static_cast<int64_t>(e.replay_prefix));
      bool none = e.idempotency_key.empty();
      idem.push_back(none ? 0 : static_cast<int64_t>(e.idempotency_prefix));
      idem_null.push_back(none);
      credits.push_back(e.credit_number);
    }
    PgParams p;
    p.Int64Array(idx).BytesArray(leaves, PgParams::kByteaOid).Int64Array(replay);
    p.Int64Array(idem, &idem_null).BytesArray(credits, PgParams::kTextOid);
    LCPROC_RETURN_IF_ERROR(w.Run(kInsertEntries, p).status());
  }
  if (!batch.tiles.empty()) {
    // The last write of a tile wins, as in the tree; one row per id per statement.
    std::map<int64_t, std::string_view> tiles;
    for (const ledger::TileWrite& t : batch.tiles)
      tiles[TileRowId(t.id.level, t.id.index)] = t.hashes;
    std::vector<int64_t> ids;
    std::vector<std::string_view> hashes;
    for (const auto& [id, h] : tiles) {
      ids.push_back(id);
      hashes.push_back(h);
    }
    PgParams p;
    p.Int64Array(ids).BytesArray(hashes, PgParams::kByteaOid);
    LCPROC_RETURN_IF_ERROR(w.Run(kPutTiles, p).status());
  }
  if (!batch.credits.empty()) {
    std::map<std::string_view, std::string_view> states;
    std::set<std::pair<std::string_view, std::string_view>> parties;
    for (const ledger_store::CreditRow& c : batch.credits) {
      states[c.reference] = c.state;
      for (const std::string& bic : c.parties) parties.emplace(bic, c.reference);
    }
    std::vector<std::string_view> refs, st, bics, party_refs;
    for (const auto& [r, s] : states) {
      refs.push_back(r);
      st.push_back(s);
    }
    for (const auto& [b, r] : parties) {
      bics.push_back(b);
      party_refs.push_back(r);
    }
    PgParams c;
    c.BytesArray(refs, PgParams::kTextOid).BytesArray(st, PgParams::kTextOid);
    LCPROC_RETURN_IF_ERROR(w.Run(kUpsertCredits, c).status());
    if (!bics.empty()) {
      PgParams p;
      p.BytesArray(bics, PgParams::kTextOid).BytesArray(party_refs, PgParams::kTextOid);
      LCPROC_RETURN_IF_ERROR(w.Run(kInsertParties, p).status());
    }
  }
  {
    PgParams p;
    p.Int64(static_cast<int64_t>(batch.new_size)).Bytes(batch.checkpoint);
    LCPROC_RETURN_IF_ERROR(w.Run(kPutCheckpoint, p).status());
  }
  *at_commit = true;
  return w.Exec("COMMIT").status();
}

Status PostgresLedgerStore::Commit(const ledger_store::CommitBatch& batch) {
  MutexLock lock(write_mu_);
  PgConnection& w = *writer_;
  Status status;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (w.broken()) LCPROC_RETURN_IF_ERROR(w.Reset());
    bool at_commit = false;
    status = CommitOnce(batch, &at_commit);
    if (status.ok()) return status;
    if (!w.broken()) {
      // The server answered: the transaction is aborted (or never began). Roll back so
      // the connection is ready for the next batch.
      (void)w.Exec("ROLLBACK");
      return status;
    }
    if (at_commit) return ResolveLostCommit(batch);
    // Lost before COMMIT was sent: nothing of it is durable, so one more try on a fresh
    // connection (a server restart between two batches should not fail a batch).
  }
  return status;
}

Status PostgresLedgerStore::ResolveLostCommit(const ledger_store::CommitBatch& batch) {
  PgConnection& w = *writer_;
  auto deadline = std::chrono::steady_clock::now() + options_.resolve_timeout;
  std::string range = "entries " + std::to_string(batch.old_size) + ".." +
                      std::to_string(batch.new_size - (batch.new_size > 0 ? 1 : 0));
  for (;;) {
    if (w.Reset().ok()) {
      PgParams p;
      p.Int64(static_cast<int64_t>(batch.new_size));
      auto found = w.Run(kCheckpointAt, p);
      if (found.ok()) {
        if (found->rows() == 1 && found->Bytes(0, 0) == batch.checkpoint) return Status::Ok();
        return Unavailable("the connection to " + w.where() + " broke while committing " + range +
                           "; the server has not recorded them");
      }
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return Unavailable("the connection to " + w.where() + " broke while committing " + range +
                     " and the server did not come back within " +
                     std::to_string(options_.resolve_timeout.count()) +
                     " ms: whether they are durable is unknown");
}

// ---- leadership

Result<Lease> PostgresLedgerStore::AcquireLease(const std::string& holder,
                                                std::chrono::milliseconds duration) {
  MutexLock lock(write_mu_);
  PgConnection& w = *writer_;
  if (w.broken()) LCPROC_RETURN_IF_ERROR(w.Reset());
  PgParams p;
  p.Bytes(holder).Int64(duration.count());
  LCPROC_ASSIGN_OR_RETURN(PgResult r, w.Run(kAcquire, p));
  if (r.rows() != 1) {
    LCPROC_ASSIGN_OR_RETURN(PgResult head, w.Run(kHead, PgParams()));
    return Unavailable("the sequencer lease is held by " + std::string(head.Bytes(0, 2)) +
                       " (term " + std::to_string(head.Int64(0, 1)) + ")");
  }
  Lease lease{static_cast<uint64_t>(r.Int64(0, 0)), static_cast<uint64_t>(r.Int64(0, 1)), holder,
              true};
  term_.store(lease.term, std::memory_order_release);
  return lease;
}

Status PostgresLedgerStore::RenewLease(std::chrono::milliseconds duration) {
  MutexLock lock(write_mu_);
  PgConnection& w = *writer_;
  if (w.broken()) LCPROC_RETURN_IF_ERROR(w.Reset());
  uint64_t term = term_.load(std::memory_order_acquire);
  if (term == 0) return FailedPrecondition("this instance holds no sequencer lease");
  PgParams p;
  p.Int64(static_cast<int64_t>(term)).Int64(duration.count());
  LCPROC_ASSIGN_OR_RETURN(PgResult r, w.Run(kRenew, p));
  if (r.rows() != 1)
    return FailedPrecondition("fenced: term " + std::to_string(term) + " was superseded");
  return Status::Ok();
}

// ---- reading

namespace {

// Runs a read on `c`, reconnecting once when the connection turns out broken (reads
// are idempotent).
Result<PgResult> Read(PgConnection& c, int which, const PgParams& p) {
  if (c.broken()) LCPROC_RETURN_IF_ERROR(c.Reset());
  auto r = c.Run(which, p);
  if (r.ok() || !IsLost(r.status(), c)) return r;
  LCPROC_RETURN_IF_ERROR(c.Reset());
  return c.Run(which, p);
}

}  // namespace

Result<Lease> PostgresLedgerStore::ReadLease() const {
  MutexLock lock(read_mu_);
  LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kHead, PgParams()));
  if (r.rows() != 1) return DataLoss("the lcproc_head row is missing in " + reader_->where());
  return Lease{static_cast<uint64_t>(r.Int64(0, 1)), static_cast<uint64_t>(r.Int64(0, 0)),
               std::string(r.Bytes(0, 2)), r.Int64(0, 3) != 0};
}

Result<uint64_t> PostgresLedgerStore::Size() const {
  LCPROC_ASSIGN_OR_RETURN(Lease head, ReadLease());
  return head.size;
}

Result<ledger_store::StoredCheckpoint> PostgresLedgerStore::LatestCheckpoint() const {
  MutexLock lock(read_mu_);
  LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kLatestCheckpoint, PgParams()));
  if (r.rows() == 0) return NotFound("no checkpoint yet");
  return ledger_store::StoredCheckpoint{static_cast<uint64_t>(r.Int64(0, 1)),
                                        std::string(r.Bytes(0, 0))};
}

Result<std::vector<ledger_store::CreditRow>> PostgresLedgerStore::ListCredits(
    const ledger_store::CreditQuery& query) const {
  MutexLock lock(read_mu_);
  PgParams p;
  p.Bytes(query.after_reference)
      .Bytes(query.state)
      .Bytes(query.party)
      .Int64(static_cast<int64_t>(query.limit));
  LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kListCredits, p));
  std::vector<ledger_store::CreditRow> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({std::string(r.Bytes(i, 0)), std::string(r.Bytes(i, 1)), r.TextArray(i, 2)});
  }
  return out;
}

Result<std::vector<uint64_t>> PostgresLedgerStore::EntriesForParty(std::string_view bic,
                                                                   uint64_t begin,
                                                                   size_t limit) const {
  MutexLock lock(read_mu_);
  PgParams p;
  p.Bytes(bic).Int64(static_cast<int64_t>(begin)).Int64(static_cast<int64_t>(limit));
  LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kEntriesForParty, p));
  std::vector<uint64_t> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(static_cast<uint64_t>(r.Int64(i, 0)));
  return out;
}

Result<std::string> PostgresLedgerStore::BytesAt(int which, uint64_t key,
                                                 std::string_view missing) const {
  MutexLock lock(read_mu_);
  PgParams p;
  p.Int64(static_cast<int64_t>(key));
  LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, which, p));
  if (r.rows() == 0) return NotFound(std::string(missing) + std::to_string(key));
  return std::string(r.Bytes(0, 0));
}

Result<std::string> PostgresLedgerStore::CheckpointAt(uint64_t size) const {
  return BytesAt(kCheckpointAt, size, "no checkpoint for tree size ");
}

Result<std::string> PostgresLedgerStore::ReadLeaf(uint64_t index) const {
  return BytesAt(kReadLeaf, index, "no entry ");
}

Result<std::vector<uint64_t>> PostgresLedgerStore::Indexes(int which,
                                                           const PgParams& params) const {
  MutexLock lock(read_mu_);
  LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, which, params));
  std::vector<uint64_t> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(static_cast<uint64_t>(r.Int64(i, 0)));
  return out;
}

Result<std::vector<std::string>> PostgresLedgerStore::Strings(int which,
                                                              std::string_view key) const {
  MutexLock lock(read_mu_);
  PgParams p;
  p.Bytes(key);
  LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, which, p));
  std::vector<std::string> out;
  for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.Bytes(i, 0));
  return out;
}

Result<std::vector<uint64_t>> PostgresLedgerStore::FindByReplayKey(
    const crypto::Digest& key) const {
  return Indexes(kByReplay, PgParams().Int64(PrefixKey(key)));
}

Result<std::vector<uint64_t>> PostgresLedgerStore::FindByIdempotencyKey(
    std::string_view submitter, std::string_view key) const {
  return Indexes(
      kByIdem,
      PgParams().Int64(static_cast<int64_t>(ledger_store::IdempotencyKeyPrefix(submitter, key))));
}

Result<std::vector<uint64_t>> PostgresLedgerStore::EntriesForCredit(std::string_view credit) const {
  return Indexes(kByCredit, PgParams().Bytes(credit));
}

Result<ledger_store::CreditRow> PostgresLedgerStore::ReadCredit(std::string_view reference) const {
  MutexLock lock(read_mu_);
  PgParams p;
  p.Bytes(reference);
  LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kReadCredit, p));
  if (r.rows() == 0) return NotFound("no credit " + std::string(reference));
  return ledger_store::CreditRow{std::string(reference), std::string(r.Bytes(0, 0)),
                                 r.TextArray(0, 1)};
}

Status PostgresLedgerStore::ScanLeaves(uint64_t begin, uint64_t end,
                                       const LeafVisitor& visit) const {
  auto fetch = [this](uint64_t from, uint64_t to, ledger_store::IndexedRows& out) -> Status {
    MutexLock lock(read_mu_);
    PgParams p;
    p.Int64(static_cast<int64_t>(from)).Int64(static_cast<int64_t>(to));
    LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kScanLeaves, p));
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.Int64(i, 0), std::string(r.Bytes(i, 1)));
    return Status::Ok();
  };
  return ledger_store::ScanLeavesInChunks(begin, end, kScanChunk, fetch, visit);
}

Status PostgresLedgerStore::ScanDuplicateKeys(const DuplicateKeyVisitor& visit) const {
  LCPROC_ASSIGN_OR_RETURN(uint64_t size, Size());
  for (uint64_t begin = 0; begin < size; begin += kKeyScanChunk) {
    MutexLock lock(read_mu_);
    PgParams p;
    p.Int64(static_cast<int64_t>(begin)).Int64(static_cast<int64_t>(begin + kKeyScanChunk));
    LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kScanKeys, p));
    for (int i = 0; i < r.rows(); ++i) {
      visit(static_cast<uint64_t>(r.Int64(i, 0)));
      if (!r.IsNull(i, 1)) visit(static_cast<uint64_t>(r.Int64(i, 1)));
    }
  }
  return Status::Ok();
}

Status PostgresLedgerStore::ScanCheckpoints(const CheckpointVisitor& visit) const {
  auto fetch = [this](int64_t after, ledger_store::IndexedRows& out) -> Status {
    MutexLock lock(read_mu_);
    PgParams p;
    p.Int64(after);
    LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kScanCheckpoints, p));
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.Int64(i, 0), std::string(r.Bytes(i, 1)));
    return Status::Ok();
  };
  return ledger_store::ScanCheckpointsInChunks(fetch, visit);
}

Result<std::string> PostgresLedgerStore::ReadTile(uint8_t level, uint64_t index,
                                                  uint16_t min_width) const {
  std::string hashes;
  {
    MutexLock lock(read_mu_);
    PgParams p;
    p.Int64(TileRowId(level, index));
    LCPROC_ASSIGN_OR_RETURN(PgResult r, Read(*reader_, kReadTile, p));
    std::string where = "tile " + std::to_string(level) + "/" + std::to_string(index);
    if (r.rows() == 0) return NotFound("no " + where);
    hashes = std::string(r.Bytes(0, 0));
  }
  std::string where = "tile " + std::to_string(level) + "/" + std::to_string(index);
  if (hashes.size() % ledger::kHashSize != 0 ||
      hashes.size() > ledger::kTileWidth * ledger::kHashSize) {
    return DataLoss(where + " is " + std::to_string(hashes.size()) + " bytes, not whole hashes");
  }
  if (hashes.size() < size_t{min_width} * ledger::kHashSize) {
    return NotFound(where + " is narrower than " + std::to_string(min_width));
  }
  return hashes;
}

Result<std::vector<std::string>> PostgresLedgerStore::CreditsOfParty(std::string_view bic) const {
  return Strings(kOfParty, bic);
}

Result<std::vector<std::string>> PostgresLedgerStore::CreditsInState(std::string_view state) const {
  return Strings(kInState, state);
}

}  // namespace lcproc::store::postgres
