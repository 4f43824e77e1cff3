#include "pipeline/ledger_store/ledger_store.h"

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

}  // namespace lcproc::ledger_store
