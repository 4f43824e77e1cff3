// LedgerStore: the durable home of the ledger, as the engine sees it. The engine owns
// this interface; services/store implements it on SQLite (the embedded default) and a
// later backend (PostgreSQL) implements it without touching pipeline/.
//
// One Commit writes one batch atomically: its entries, the tiles they changed, the
// credit summary rows and the checkpoint signed over the new tree. Either all of it is
// durable when Commit returns OK, or none of it is visible (a failed Commit leaves the
// store exactly as before, and the store accepts the next Commit once the cause —
// disk full, read-only file — is gone).
//
// As a ledger::TileReader it serves the tiles of every committed tree, so proofs are
// computed straight from the store.
//
// Thread-safety: implementations must allow Commit from one thread (the engine's
// committer) concurrently with any const call from any number of threads; a const
// call sees some committed state, never a half-written batch.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/crypto/sha256.h"
#include "pipeline/ledger/tile.h"
#include "pipeline/ledger/tile_store.h"
#include "pipeline/status.h"

namespace lcproc::ledger_store {

// One new entry of a batch.
struct EntryRecord {
  uint64_t index = 0;
  std::string leaf;  // EncodeLeaf bytes: the only copy of body and JWS kept
  // The duplicate keys the engine already computed, for the store to index as they are:
  // ReplayKeyPrefix(ReplayKey(jws, body)) finds a replayed signed document, and
  // IdempotencyKeyPrefix(submitter, idempotency_key) a retry (0 and unused when the
  // submission had no idempotency key).
  uint64_t replay_prefix = 0;
  uint64_t idempotency_prefix = 0;
  // Idempotency index: both non-empty, or key empty for none.
  std::string submitter;
  std::string idempotency_key;
  // The credit the document concerns (empty when it did not decode): the index used
  // to rebuild one credit's state from its entries.
  std::string credit_number;
};

// The summary of one credit after a batch (upserted): for the API's listings by
// reference, party and state. Derived data; the ledger entries are the truth.
struct CreditRow {
  std::string reference;
  std::string state;                 // the lifecycle state's name, e.g. "issued"
  std::vector<std::string> parties;  // BICs of every party to the credit
};

// A signed checkpoint as stored, with the size of the tree it covers (the number the
// batch wrote it for, so no reader parses the note back to learn it).
struct StoredCheckpoint {
  uint64_t size = 0;
  std::string note;
};

// A page request over the credit summaries, ordered by reference. Empty `party` or
// `state`: no filter on it. `after_reference`: only references strictly greater (the
// opaque cursor of the API is this reference), so a page sequence is stable under
// concurrent commits: a row is never repeated or skipped; rows added meanwhile appear
// once they sort after the cursor.
struct CreditQuery {
  std::string party;
  std::string state;
  std::string after_reference;
  size_t limit = 100;
};

struct CommitBatch {
  uint64_t old_size = 0;                 // tree size before; REQUIRES == Size()
  uint64_t new_size = 0;                 // old_size + entries.size()
  std::vector<EntryRecord> entries;      // indexes old_size .. new_size-1, ascending
  std::vector<ledger::TileWrite> tiles;  // MerkleTree::Append's writes for these leaves
  std::vector<CreditRow> credits;
  std::string checkpoint;  // signed note of the tree of new_size
};

// SHA-256(jws || "\n" || body): the key under which a signed document is a replay.
crypto::Digest ReplayKey(std::string_view jws, std::string_view body);

// The 64-bit forms of the duplicate keys: the first 8 bytes (big-endian) of the
// replay key, and of SHA-256(submitter || 0x00 || idempotency key). What a backend may
// index (false positives allowed) and what the engine's DuplicateFilter holds.
uint64_t ReplayKeyPrefix(const crypto::Digest& replay_key);
uint64_t IdempotencyKeyPrefix(std::string_view submitter, std::string_view idempotency_key);

class LedgerStore : public ledger::TileReader {
 public:
  ~LedgerStore() override = default;

  // Makes the batch durable, all or nothing. FailedPrecondition when old_size is not
  // the committed size; IoError/Unavailable from the backend (disk full, read-only),
  // with the store unchanged.
  virtual Status Commit(const CommitBatch& batch) = 0;

  // The number of committed entries (the size of the latest checkpoint's tree).
  virtual Result<uint64_t> Size() const = 0;

  // The latest signed checkpoint and its tree size; NotFound when nothing was ever
  // committed.
  virtual Result<StoredCheckpoint> LatestCheckpoint() const = 0;
  // The checkpoint signed for exactly `size`; NotFound when no batch ended there.
  virtual Result<std::string> CheckpointAt(uint64_t size) const = 0;

  // The leaf bytes of entry `index`; NotFound beyond Size().
  virtual Result<std::string> ReadLeaf(uint64_t index) const = 0;

  // Entry indexes that may hold this replay key / idempotency key, ascending. A
  // backend may index a prefix of the key and return false positives: the caller
  // confirms against the leaf. Never misses a committed match.
  virtual Result<std::vector<uint64_t>> FindByReplayKey(const crypto::Digest& key) const = 0;
  virtual Result<std::vector<uint64_t>> FindByIdempotencyKey(std::string_view submitter,
                                                             std::string_view key) const = 0;

  // The indexes of every entry recorded for `credit_number`, ascending.
  virtual Result<std::vector<uint64_t>> EntriesForCredit(std::string_view credit_number) const = 0;

  // The credit summary row, NotFound when the credit is unknown.
  virtual Result<CreditRow> ReadCredit(std::string_view reference) const = 0;

  // Up to `limit` credit rows matching `query`, by ascending reference (parties sorted).
  virtual Result<std::vector<CreditRow>> ListCredits(const CreditQuery& query) const = 0;

  // The indexes of entries >= `begin` whose credit has `bic` among its parties (the
  // current party set of the credit), ascending, at most `limit`. The inbox reads it.
  virtual Result<std::vector<uint64_t>> EntriesForParty(std::string_view bic, uint64_t begin,
                                                        size_t limit) const = 0;

  // Calls `visit(index, leaf)` for entries begin..end-1 in order, streaming (constant
  // memory). Stops at and returns the first non-OK status from `visit`.
  using LeafVisitor = std::function<Status(uint64_t index, std::string_view leaf)>;
  virtual Status ScanLeaves(uint64_t begin, uint64_t end, const LeafVisitor& visit) const = 0;

  // Calls `visit(prefix)` with the ReplayKeyPrefix of every committed entry and the
  // IdempotencyKeyPrefix of every one that has an idempotency key, in any order; the
  // engine fills its DuplicateFilter from it at start. The default decodes every leaf
  // (ScanLeaves); a backend that indexes the prefixes overrides it with index scans.
  using DuplicateKeyVisitor = std::function<void(uint64_t prefix)>;
  virtual Status ScanDuplicateKeys(const DuplicateKeyVisitor& visit) const;

  // Calls `visit(size, note)` for every stored checkpoint, by ascending size.
  using CheckpointVisitor = std::function<Status(uint64_t size, std::string_view note)>;
  virtual Status ScanCheckpoints(const CheckpointVisitor& visit) const = 0;
};

// For backends: ScanLeaves and ScanCheckpoints in chunks. Each chunk is copied out of
// the backend by `fetch` (which takes the backend's lock) before the visitor sees it,
// so memory stays bounded by one chunk and the visitor may call back into the store
// without meeting that lock.
using IndexedRows = std::vector<std::pair<uint64_t, std::string>>;  // (index or size, bytes)

// fetch(from, to, out) appends the leaves of indexes from..to-1 in ascending order;
// `chunk` entries at most per call. An index missing from the store is DataLoss.
using LeafChunkFetch = std::function<Status(uint64_t from, uint64_t to, IndexedRows& out)>;
Status ScanLeavesInChunks(uint64_t begin, uint64_t end, uint64_t chunk, const LeafChunkFetch& fetch,
                          const LedgerStore::LeafVisitor& visit);

// fetch(after, out) appends the next checkpoints with size > after (-1 at first) by
// ascending size, as many as the backend likes; none appended ends the scan.
using CheckpointChunkFetch = std::function<Status(int64_t after, IndexedRows& out)>;
Status ScanCheckpointsInChunks(const CheckpointChunkFetch& fetch,
                               const LedgerStore::CheckpointVisitor& visit);

}  // namespace lcproc::ledger_store
