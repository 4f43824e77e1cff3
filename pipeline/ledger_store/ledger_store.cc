#include "pipeline/ledger_store/ledger_store.h"

#include <algorithm>

#include "pipeline/ledger_store/ledger_entry.h"

namespace lcproc::ledger_store {
namespace {

uint64_t Prefix(const crypto::Digest& d) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | d[i];
  return v;
}

}  // namespace

crypto::Digest ReplayKey(std::string_view jws, std::string_view body) {
  return crypto::Sha256({jws, "\n", body});
}

uint64_t ReplayKeyPrefix(const crypto::Digest& replay_key) { return Prefix(replay_key); }

uint64_t IdempotencyKeyPrefix(std::string_view submitter, std::string_view idempotency_key) {
  return Prefix(crypto::Sha256({submitter, std::string_view("\0", 1), idempotency_key}));
}

Status LedgerStore::ScanDuplicateKeys(const DuplicateKeyVisitor& visit) const {
  LCPROC_ASSIGN_OR_RETURN(uint64_t size, Size());
  return ScanLeaves(0, size, [&](uint64_t, std::string_view leaf) -> Status {
    LCPROC_ASSIGN_OR_RETURN(LedgerEntry entry, DecodeLeaf(leaf));
    visit(ReplayKeyPrefix(ReplayKey(entry.jws, entry.body)));
    if (!entry.idempotency_key.empty()) {
      visit(IdempotencyKeyPrefix(entry.submitter, entry.idempotency_key));
    }
    return Status::Ok();
  });
}

Status ScanLeavesInChunks(uint64_t begin, uint64_t end, uint64_t chunk, const LeafChunkFetch& fetch,
                          const LedgerStore::LeafVisitor& visit) {
  IndexedRows rows;
  while (begin < end) {
    rows.clear();
    LCPROC_RETURN_IF_ERROR(fetch(begin, std::min(end, begin + chunk), rows));
    for (const auto& [index, leaf] : rows) {
      if (index != begin) return DataLoss("entry " + std::to_string(begin) + " is missing");
      LCPROC_RETURN_IF_ERROR(visit(index, leaf));
      ++begin;
    }
    if (rows.empty()) return DataLoss("entry " + std::to_string(begin) + " is missing");
  }
  return Status::Ok();
}

Status ScanCheckpointsInChunks(const CheckpointChunkFetch& fetch,
                               const LedgerStore::CheckpointVisitor& visit) {
  int64_t after = -1;
  IndexedRows rows;
  do {
    rows.clear();
    LCPROC_RETURN_IF_ERROR(fetch(after, rows));
    for (const auto& [size, note] : rows) {
      LCPROC_RETURN_IF_ERROR(visit(size, note));
      after = static_cast<int64_t>(size);
    }
  } while (!rows.empty());
  return Status::Ok();
}

}  // namespace lcproc::ledger_store
