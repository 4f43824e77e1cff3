#include "services/store/sqlite_ledger_store.h"

#include <array>

#include <sqlite3.h>

namespace lcproc::store {
namespace {

constexpr int kSchemaVersion = 1;

// 64 KiB pages: entries of ~2.5 KiB pack ~25 to a page instead of one per 4 KiB page
// with the rest wasted, which is what keeps a ledger entry within its bytes + 300.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS entries(
  idx INTEGER PRIMARY KEY,
  leaf BLOB NOT NULL,
  replay INTEGER NOT NULL,
  idem INTEGER,
  credit INTEGER);
CREATE INDEX IF NOT EXISTS entries_replay ON entries(replay);
CREATE INDEX IF NOT EXISTS entries_idem ON entries(idem) WHERE idem IS NOT NULL;
CREATE INDEX IF NOT EXISTS entries_credit ON entries(credit) WHERE credit IS NOT NULL;
CREATE TABLE IF NOT EXISTS tiles(id INTEGER PRIMARY KEY, hashes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints(size INTEGER PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS credits(
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS credits_state ON credits(state);
CREATE TABLE IF NOT EXISTS credit_parties(
  bic TEXT NOT NULL,
  credit INTEGER NOT NULL,
  PRIMARY KEY(bic, credit)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS credit_parties_credit ON credit_parties(credit);
)sql";

enum Sql {
  kSize,
  kInsertEntry,
  kFindCreditId,
  kInsertCredit,
  kUpdateCredit,
  kInsertParty,
  kPutTile,
  kPutCheckpoint,
  kLatestCheckpoint,
  kCheckpointAt,
  kReadLeaf,
  kByReplay,
  kByIdem,
  kByCredit,
  kReadCredit,
  kCreditParties,
  kScanLeaves,
  kScanCheckpoints,
  kReadTile,
  kOfParty,
  kInState,
  kReplayKeys,
  kIdemKeys,
  kListCredits,
  kListPartyCredits,
  kEntriesForParty,
  kSqlCount,
};

constexpr std::array<const char*, kSqlCount> kStatements = {
    "SELECT COALESCE(MAX(idx) + 1, 0) FROM entries",
    "INSERT INTO entries(idx, leaf, replay, idem, credit) VALUES(?, ?, ?, ?, ?)",
    "SELECT id FROM credits WHERE reference = ?",
    "INSERT INTO credits(reference, state) VALUES(?, '')",
    "UPDATE credits SET state = ? WHERE id = ?",
    "INSERT OR IGNORE INTO credit_parties(bic, credit) VALUES(?, ?)",
    "INSERT OR REPLACE INTO tiles(id, hashes) VALUES(?, ?)",
    "INSERT INTO checkpoints(size, note) VALUES(?, ?)",
    "SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1",
    "SELECT note FROM checkpoints WHERE size = ?",
    "SELECT leaf FROM entries WHERE idx = ?",
    "SELECT idx FROM entries WHERE replay = ? ORDER BY idx",
    "SELECT idx FROM entries WHERE idem = ? ORDER BY idx",
    "SELECT e.idx FROM credits c JOIN entries e ON e.credit = c.id WHERE c.reference = ? "
    "ORDER BY e.idx",
    "SELECT id, state FROM credits WHERE reference = ?",
    "SELECT bic FROM credit_parties WHERE credit = ? ORDER BY bic",
    "SELECT idx, leaf FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx",
    "SELECT size, note FROM checkpoints WHERE size > ? ORDER BY size LIMIT 256",
    "SELECT hashes FROM tiles WHERE id = ?",
    "SELECT c.reference FROM credit_parties p JOIN credits c ON c.id = p.credit WHERE p.bic = ? "
    "ORDER BY c.reference",
    "SELECT reference FROM credits WHERE state = ? ORDER BY reference",
    "SELECT replay FROM entries INDEXED BY entries_replay",
    "SELECT idem FROM entries INDEXED BY entries_idem WHERE idem IS NOT NULL",
    "SELECT id, reference, state FROM credits WHERE (?1 = '' OR state = ?1) AND reference > ?2 "
    "ORDER BY reference LIMIT ?3",
    "SELECT c.id, c.reference, c.state FROM credit_parties p JOIN credits c ON c.id = p.credit "
    "WHERE p.bic = ?4 AND (?1 = '' OR c.state = ?1) AND c.reference > ?2 "
    "ORDER BY c.reference LIMIT ?3",
    "SELECT e.idx FROM credit_parties p JOIN entries e ON e.credit = p.credit "
    "WHERE p.bic = ?1 AND e.idx >= ?2 ORDER BY e.idx LIMIT ?3",
};

// SQLite integers are signed: the 64-bit key prefixes are stored as their two's
// complement (the same bits).
int64_t AsColumn(uint64_t prefix) { return static_cast<int64_t>(prefix); }

int64_t TileRowId(uint8_t level, uint64_t index) {
  return static_cast<int64_t>((static_cast<uint64_t>(level) << 56) | index);
}

constexpr size_t kScanChunk = 1024;

// Steps `s` to its end, appending each row's (integer, blob) columns 0 and 1.
Status StepRows(Statement& s, ledger_store::IndexedRows& out) {
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    out.emplace_back(static_cast<uint64_t>(s.ColumnInt64(0)), std::string(s.ColumnBlob(1)));
  }
}

}  // namespace

struct SqliteLedgerStore::Connection {
  Database db;
  std::array<Statement, kSqlCount> sql;

  Statement& operator[](Sql which) { return sql[which]; }
};

namespace {

Result<std::unique_ptr<SqliteLedgerStore::Connection>> Connect(const std::string& path,
                                                               const SqliteOptions& options,
                                                               bool writer) {
  auto conn = std::make_unique<SqliteLedgerStore::Connection>();
  LCPROC_ASSIGN_OR_RETURN(conn->db, Database::Open(path, writer && options.create));
  Database& db = conn->db;
  LCPROC_RETURN_IF_ERROR(db.Exec("PRAGMA busy_timeout = 5000"));
  // SQLite's default page cache is 2 MB: 31 of the ledger's 64 KiB pages. Past a few tens
  // of thousands of entries, nearly every index lookup went back to the kernel for whole
  // pages: a served ledger read 43 KiB per document at 20,000 entries and 307 KiB at
  // 120,000, and its CPU per document grew by half. With 16 MiB a connection (two
  // connections: 32 MiB at most) the same run reads 50-68 KiB per document throughout
  // (/proc/PID/io rchar over 6 rounds of 20,000 documents through `lcproc serve`).
  LCPROC_RETURN_IF_ERROR(db.Exec("PRAGMA cache_size = -16384"));
  if (writer) {
    LCPROC_ASSIGN_OR_RETURN(Statement version, db.Prepare("PRAGMA user_version"));
    LCPROC_ASSIGN_OR_RETURN(bool row, version.Step());
    int64_t user_version = row ? version.ColumnInt64(0) : 0;
    version.Reset();
    if (user_version == 0) {
      LCPROC_ASSIGN_OR_RETURN(Statement tables, db.Prepare("SELECT COUNT(*) FROM sqlite_master"));
      LCPROC_ASSIGN_OR_RETURN(bool has, tables.Step());
      bool foreign = has && tables.ColumnInt64(0) != 0;
      tables.Reset();  // page_size is ignored while a read is open
      if (foreign) return DataLoss(path + " is an SQLite database but not an lcproc ledger");
      LCPROC_RETURN_IF_ERROR(db.Exec("PRAGMA page_size = 65536"));
    } else if (user_version != kSchemaVersion) {
      return DataLoss(path + " has ledger schema version " + std::to_string(user_version) +
                      "; this lcproc reads version " + std::to_string(kSchemaVersion));
    }
    LCPROC_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
    LCPROC_RETURN_IF_ERROR(
        db.Exec(options.durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = OFF"));
    if (user_version == 0) {
      LCPROC_RETURN_IF_ERROR(db.Exec(std::string("BEGIN; ") + kSchema + "PRAGMA user_version = " +
                                     std::to_string(kSchemaVersion) + "; COMMIT;"));
    }
  } else {
    LCPROC_RETURN_IF_ERROR(db.Exec("PRAGMA query_only = 1"));
  }
  for (int i = 0; i < kSqlCount; ++i) {
    LCPROC_ASSIGN_OR_RETURN(conn->sql[i], db.Prepare(kStatements[i]));
  }
  return conn;
}

}  // namespace

Result<std::unique_ptr<SqliteLedgerStore>> SqliteLedgerStore::Open(const std::string& path,
                                                                   const SqliteOptions& options) {
  LCPROC_ASSIGN_OR_RETURN(auto writer, Connect(path, options, true));
  LCPROC_ASSIGN_OR_RETURN(auto reader, Connect(path, options, false));
  return std::unique_ptr<SqliteLedgerStore>(
      new SqliteLedgerStore(std::move(writer), std::move(reader)));
}

SqliteLedgerStore::SqliteLedgerStore(std::unique_ptr<Connection> writer,
                                     std::unique_ptr<Connection> reader)
    : writer_(std::move(writer)), reader_(std::move(reader)) {}

SqliteLedgerStore::~SqliteLedgerStore() = default;

Result<int64_t> SqliteLedgerStore::CreditId(const std::string& reference) {
  auto it = credit_ids_.find(reference);
  if (it != credit_ids_.end()) return it->second;
  Connection& w = *writer_;
  {
    Statement& find = w[kFindCreditId];
    ResetOnExit reset(find);
    LCPROC_RETURN_IF_ERROR(find.BindText(1, reference));
    LCPROC_ASSIGN_OR_RETURN(bool row, find.Step());
    if (row) return credit_ids_[reference] = find.ColumnInt64(0);
  }
  Statement& insert = w[kInsertCredit];
  ResetOnExit reset(insert);
  LCPROC_RETURN_IF_ERROR(insert.BindText(1, reference));
  LCPROC_RETURN_IF_ERROR(insert.Run());
  return credit_ids_[reference] = sqlite3_last_insert_rowid(w.db.get());
}

Status SqliteLedgerStore::CommitLocked(const ledger_store::CommitBatch& batch) {
  Connection& w = *writer_;
  {
    Statement& size = w[kSize];
    ResetOnExit reset(size);
    LCPROC_ASSIGN_OR_RETURN(bool row, size.Step());
    uint64_t current = row ? static_cast<uint64_t>(size.ColumnInt64(0)) : 0;
    if (current != batch.old_size) {
      return FailedPrecondition("batch starts at " + std::to_string(batch.old_size) +
                                " but the ledger holds " + std::to_string(current));
    }
  }
  for (const ledger_store::EntryRecord& e : batch.entries) {
    int64_t credit = 0;
    if (!e.credit_number.empty()) {
      LCPROC_ASSIGN_OR_RETURN(credit, CreditId(e.credit_number));
    }
    Statement& insert = w[kInsertEntry];
    ResetOnExit reset(insert);
    LCPROC_RETURN_IF_ERROR(insert.BindInt64(1, static_cast<int64_t>(e.index)));
    LCPROC_RETURN_IF_ERROR(insert.BindBlob(2, e.leaf));
    LCPROC_RETURN_IF_ERROR(insert.BindInt64(3, AsColumn(e.replay_prefix)));
    LCPROC_RETURN_IF_ERROR(e.idempotency_key.empty()
                               ? insert.BindNull(4)
                               : insert.BindInt64(4, AsColumn(e.idempotency_prefix)));
    LCPROC_RETURN_IF_ERROR(credit != 0 ? insert.BindInt64(5, credit) : insert.BindNull(5));
    LCPROC_RETURN_IF_ERROR(insert.Run());
  }
  for (const ledger::TileWrite& t : batch.tiles) {
    Statement& put = w[kPutTile];
    ResetOnExit reset(put);
    LCPROC_RETURN_IF_ERROR(put.BindInt64(1, TileRowId(t.id.level, t.id.index)));
    LCPROC_RETURN_IF_ERROR(put.BindBlob(2, t.hashes));
    LCPROC_RETURN_IF_ERROR(put.Run());
  }
  for (const ledger_store::CreditRow& c : batch.credits) {
    LCPROC_ASSIGN_OR_RETURN(int64_t id, CreditId(c.reference));
    // The summary rows hold what the last batch wrote: skip the statements that would
    // change nothing (most batches touch a credit without changing its state or
    // parties; these were two of every three statements of a commit).
    CreditRowCache& known = credit_rows_[id];
    if (known.state != c.state) {
      Statement& update = w[kUpdateCredit];
      ResetOnExit reset(update);
      LCPROC_RETURN_IF_ERROR(update.BindText(1, c.state));
      LCPROC_RETURN_IF_ERROR(update.BindInt64(2, id));
      LCPROC_RETURN_IF_ERROR(update.Run());
      known.state = c.state;
    }
    for (const std::string& bic : c.parties) {
      if (known.parties.contains(bic)) continue;
      Statement& party = w[kInsertParty];
      ResetOnExit reset(party);
      LCPROC_RETURN_IF_ERROR(party.BindText(1, bic));
      LCPROC_RETURN_IF_ERROR(party.BindInt64(2, id));
      LCPROC_RETURN_IF_ERROR(party.Run());
      known.parties.insert(bic);
    }
  }
  Statement& checkpoint = w[kPutCheckpoint];
  ResetOnExit reset(checkpoint);
  LCPROC_RETURN_IF_ERROR(checkpoint.BindInt64(1, static_cast<int64_t>(batch.new_size)));
  LCPROC_RETURN_IF_ERROR(checkpoint.BindText(2, batch.checkpoint));
  return checkpoint.Run();
}

Status SqliteLedgerStore::Commit(const ledger_store::CommitBatch& batch) {
  MutexLock lock(write_mu_);
  Database& db = writer_->db;
  LCPROC_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status status = CommitLocked(batch);
  if (status.ok()) status = db.Exec("COMMIT");
  if (!status.ok()) {
    // SQLite may have rolled back already (SQLITE_FULL does); a second ROLLBACK's
    // "no transaction is active" is expected and ignored. Credit ids inserted by the
    // lost transaction are gone with it, and so are the summary rows it wrote.
    (void)db.Exec("ROLLBACK");
    credit_ids_.clear();
    credit_rows_.clear();
  }
  return status;
}

Result<uint64_t> SqliteLedgerStore::Size() const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kSize];
  ResetOnExit reset(s);
  LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<uint64_t>(s.ColumnInt64(0)) : 0;
}

Result<ledger_store::StoredCheckpoint> SqliteLedgerStore::LatestCheckpoint() const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kLatestCheckpoint];
  ResetOnExit reset(s);
  LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("no checkpoint yet");
  return ledger_store::StoredCheckpoint{static_cast<uint64_t>(s.ColumnInt64(0)),
                                        std::string(s.ColumnBlob(1))};
}

Result<std::string> SqliteLedgerStore::CheckpointAt(uint64_t size) const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kCheckpointAt];
  ResetOnExit reset(s);
  LCPROC_RETURN_IF_ERROR(s.BindInt64(1, static_cast<int64_t>(size)));
  LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("no checkpoint for tree size " + std::to_string(size));
  return std::string(s.ColumnBlob(0));
}

Result<std::string> SqliteLedgerStore::ReadLeaf(uint64_t index) const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kReadLeaf];
  ResetOnExit reset(s);
  LCPROC_RETURN_IF_ERROR(s.BindInt64(1, static_cast<int64_t>(index)));
  LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("no entry " + std::to_string(index));
  return std::string(s.ColumnBlob(0));
}

Result<std::vector<uint64_t>> SqliteLedgerStore::Indexes(int which, int64_t key) const {
  MutexLock lock(read_mu_);
  Statement& s = reader_->sql[which];
  ResetOnExit reset(s);
  LCPROC_RETURN_IF_ERROR(s.BindInt64(1, key));
  std::vector<uint64_t> out;
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(static_cast<uint64_t>(s.ColumnInt64(0)));
  }
}

Result<std::vector<uint64_t>> SqliteLedgerStore::FindByReplayKey(const crypto::Digest& key) const {
  return Indexes(kByReplay, AsColumn(ledger_store::ReplayKeyPrefix(key)));
}

Result<std::vector<uint64_t>> SqliteLedgerStore::FindByIdempotencyKey(std::string_view submitter,
                                                                      std::string_view key) const {
  return Indexes(kByIdem, AsColumn(ledger_store::IdempotencyKeyPrefix(submitter, key)));
}

Result<std::vector<uint64_t>> SqliteLedgerStore::EntriesForCredit(std::string_view credit) const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kByCredit];
  ResetOnExit reset(s);
  LCPROC_RETURN_IF_ERROR(s.BindText(1, credit));
  std::vector<uint64_t> out;
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(static_cast<uint64_t>(s.ColumnInt64(0)));
  }
}

Result<ledger_store::CreditRow> SqliteLedgerStore::ReadCredit(std::string_view reference) const {
  MutexLock lock(read_mu_);
  ledger_store::CreditRow row{std::string(reference), {}, {}};
  int64_t id;
  {
    Statement& s = (*reader_)[kReadCredit];
    ResetOnExit reset(s);
    LCPROC_RETURN_IF_ERROR(s.BindText(1, reference));
    LCPROC_ASSIGN_OR_RETURN(bool found, s.Step());
    if (!found) return NotFound("no credit " + std::string(reference));
    id = s.ColumnInt64(0);
    row.state = std::string(s.ColumnBlob(1));
  }
  Statement& p = (*reader_)[kCreditParties];
  ResetOnExit reset(p);
  LCPROC_RETURN_IF_ERROR(p.BindInt64(1, id));
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool more, p.Step());
    if (!more) return row;
    row.parties.emplace_back(p.ColumnBlob(0));
  }
}

Status SqliteLedgerStore::ScanLeaves(uint64_t begin, uint64_t end, const LeafVisitor& visit) const {
  auto fetch = [this](uint64_t from, uint64_t to, ledger_store::IndexedRows& out) -> Status {
    MutexLock lock(read_mu_);
    Statement& s = (*reader_)[kScanLeaves];
    ResetOnExit reset(s);
    LCPROC_RETURN_IF_ERROR(s.BindInt64(1, static_cast<int64_t>(from)));
    LCPROC_RETURN_IF_ERROR(s.BindInt64(2, static_cast<int64_t>(to)));
    return StepRows(s, out);
  };
  return ledger_store::ScanLeavesInChunks(begin, end, kScanChunk, fetch, visit);
}

Status SqliteLedgerStore::ScanDuplicateKeys(const DuplicateKeyVisitor& visit) const {
  // The columns hold ledger_store::ReplayKeyPrefix / IdempotencyKeyPrefix (same bytes, read
  // as signed); the visitor only fills a filter, so it runs under the lock.
  MutexLock lock(read_mu_);
  for (Sql which : {kReplayKeys, kIdemKeys}) {
    Statement& s = (*reader_)[which];
    ResetOnExit reset(s);
    for (;;) {
      LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      visit(static_cast<uint64_t>(s.ColumnInt64(0)));
    }
  }
  return Status::Ok();
}

Status SqliteLedgerStore::ScanCheckpoints(const CheckpointVisitor& visit) const {
  auto fetch = [this](int64_t after, ledger_store::IndexedRows& out) -> Status {
    MutexLock lock(read_mu_);
    Statement& s = (*reader_)[kScanCheckpoints];
    ResetOnExit reset(s);
    LCPROC_RETURN_IF_ERROR(s.BindInt64(1, after));
    return StepRows(s, out);
  };
  return ledger_store::ScanCheckpointsInChunks(fetch, visit);
}

Result<std::string> SqliteLedgerStore::ReadTile(uint8_t level, uint64_t index,
                                                uint16_t min_width) const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kReadTile];
  ResetOnExit reset(s);
  LCPROC_RETURN_IF_ERROR(s.BindInt64(1, TileRowId(level, index)));
  LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
  std::string where = "tile " + std::to_string(level) + "/" + std::to_string(index);
  if (!row) return NotFound("no " + where);
  std::string_view hashes = s.ColumnBlob(0);
  if (hashes.size() % ledger::kHashSize != 0 ||
      hashes.size() > ledger::kTileWidth * ledger::kHashSize) {
    return DataLoss(where + " is " + std::to_string(hashes.size()) + " bytes, not whole hashes");
  }
  if (hashes.size() < size_t{min_width} * ledger::kHashSize) {
    return NotFound(where + " is narrower than " + std::to_string(min_width));
  }
  return std::string(hashes);
}

Result<std::vector<std::string>> SqliteLedgerStore::CreditsOfParty(std::string_view bic) const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kOfParty];
  ResetOnExit reset(s);
  LCPROC_RETURN_IF_ERROR(s.BindText(1, bic));
  std::vector<std::string> out;
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.emplace_back(s.ColumnBlob(0));
  }
}

Result<std::vector<std::string>> SqliteLedgerStore::CreditsInState(std::string_view state) const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kInState];
  ResetOnExit reset(s);
  LCPROC_RETURN_IF_ERROR(s.BindText(1, state));
  std::vector<std::string> out;
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.emplace_back(s.ColumnBlob(0));
  }
}

Result<std::vector<ledger_store::CreditRow>> SqliteLedgerStore::ListCredits(
    const ledger_store::CreditQuery& query) const {
  MutexLock lock(read_mu_);
  std::vector<std::pair<int64_t, ledger_store::CreditRow>> rows;
  {
    Statement& s = (*reader_)[query.party.empty() ? kListCredits : kListPartyCredits];
    ResetOnExit reset(s);
    LCPROC_RETURN_IF_ERROR(s.BindText(1, query.state));
    LCPROC_RETURN_IF_ERROR(s.BindText(2, query.after_reference));
    LCPROC_RETURN_IF_ERROR(s.BindInt64(3, static_cast<int64_t>(query.limit)));
    if (!query.party.empty()) LCPROC_RETURN_IF_ERROR(s.BindText(4, query.party));
    for (;;) {
      LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      rows.push_back(
          {s.ColumnInt64(0), {std::string(s.ColumnBlob(1)), std::string(s.ColumnBlob(2)), {}}});
    }
  }
  std::vector<ledger_store::CreditRow> out;
  Statement& parties = (*reader_)[kCreditParties];
  for (auto& [id, row] : rows) {
    ResetOnExit reset(parties);
    LCPROC_RETURN_IF_ERROR(parties.BindInt64(1, id));
    for (;;) {
      LCPROC_ASSIGN_OR_RETURN(bool more, parties.Step());
      if (!more) break;
      row.parties.emplace_back(parties.ColumnBlob(0));
    }
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<uint64_t>> SqliteLedgerStore::EntriesForParty(std::string_view bic,
                                                                 uint64_t begin,
                                                                 size_t limit) const {
  MutexLock lock(read_mu_);
  Statement& s = (*reader_)[kEntriesForParty];
  ResetOnExit reset(s);
  LCPROC_RETURN_IF_ERROR(s.BindText(1, bic));
  LCPROC_RETURN_IF_ERROR(s.BindInt64(2, static_cast<int64_t>(begin)));
  LCPROC_RETURN_IF_ERROR(s.BindInt64(3, static_cast<int64_t>(limit)));
  std::vector<uint64_t> out;
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(static_cast<uint64_t>(s.ColumnInt64(0)));
  }
}

Result<std::vector<std::pair<uint64_t, std::string>>> SqliteLedgerStore::EntryCredits(
    uint64_t begin, uint64_t end) const {
  MutexLock lock(read_mu_);
  LCPROC_ASSIGN_OR_RETURN(
      Statement s,
      reader_->db.Prepare("SELECT e.idx, c.reference FROM entries e JOIN credits c "
                          "ON c.id = e.credit WHERE e.idx >= ? AND e.idx < ? ORDER BY e.idx"));
  LCPROC_RETURN_IF_ERROR(s.BindInt64(1, static_cast<int64_t>(begin)));
  LCPROC_RETURN_IF_ERROR(s.BindInt64(2, static_cast<int64_t>(end)));
  std::vector<std::pair<uint64_t, std::string>> out;
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.emplace_back(static_cast<uint64_t>(s.ColumnInt64(0)), std::string(s.ColumnBlob(1)));
  }
}

Result<std::vector<std::string>> SqliteLedgerStore::AllCredits() const {
  MutexLock lock(read_mu_);
  LCPROC_ASSIGN_OR_RETURN(Statement s,
                          reader_->db.Prepare("SELECT reference FROM credits ORDER BY reference"));
  std::vector<std::string> out;
  for (;;) {
    LCPROC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.emplace_back(s.ColumnBlob(0));
  }
}

}  // namespace lcproc::store
