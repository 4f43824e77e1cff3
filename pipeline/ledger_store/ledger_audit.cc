#include "pipeline/ledger_store/ledger_audit.h"

#include <string>
#include <vector>

#include "pipeline/crypto/jws.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger_store/ledger_entry.h"

namespace lcproc::ledger_store {
namespace {

constexpr uint64_t kProgressEvery = 4096;

Status EntryProblem(uint64_t index, const std::string& what) {
  return DataLoss("entry " + std::to_string(index) + ": " + what);
}

// Everything one leaf must satisfy on its own.
Status CheckEntry(uint64_t index, std::string_view leaf,
                  const participants::ParticipantRegistry& registry, AuditReport& report) {
  auto entry = DecodeLeaf(leaf);
  if (!entry.ok()) return EntryProblem(index, entry.status().message());
  auto header = crypto::ParseDetachedHeader(entry->jws);
  if (!header.ok())
    return EntryProblem(index, "the JWS does not parse: " + header.status().message());
  participants::KeyRefusal refusal{};
  auto key = registry.Authorize(entry->submitter, header->kid, entry->received_millis, &refusal);
  if (!key.ok() && refusal == participants::KeyRefusal::kRevoked) {
    // Revoked since: the registry keeps no revocation time, so judge the signature.
    const participants::Bank* bank = registry.FindBank(entry->submitter);
    for (const participants::BankKey& k :
         bank != nullptr ? bank->keys : std::vector<participants::BankKey>{}) {
      if (k.kid == header->kid) key = &k;
    }
  }
  if (!key.ok()) {
    return EntryProblem(index, "signed with a key the registry does not allow (" +
                                   std::string(participants::KeyRefusalName(refusal)) +
                                   "): " + key.status().message());
  }
  Status verified = crypto::VerifyDetached(entry->jws, entry->body, (*key)->key);
  if (!verified.ok())
    return EntryProblem(index, "the bank signature does not verify: " + verified.message());
  ++(entry->accepted ? report.accepted : report.rejected);
  return Status::Ok();
}

// The recomputed tiles must be what the store holds.
Status CompareTiles(const LedgerStore& store, const std::vector<ledger::TileWrite>& writes) {
  for (const ledger::TileWrite& w : writes) {
    auto stored = store.ReadTile(w.id.level, w.id.index, w.id.width);
    std::string where = ledger::TilePath(w.id);
    if (!stored.ok()) return DataLoss(where + ": " + stored.status().message());
    if (std::string_view(*stored).substr(0, w.hashes.size()) != w.hashes) {
      return DataLoss(where + ": the stored hashes differ from those recomputed from the entries");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<AuditReport> AuditLedger(const LedgerStore& store,
                                const participants::ParticipantRegistry& registry,
                                const ledger::NoteVerifier& verifier,
                                const AuditProgress& progress) {
  AuditReport report;
  auto total = store.Size();
  if (!total.ok()) return total.status();
  ledger::MerkleTree tree;
  std::vector<crypto::Digest> hashes;
  hashes.reserve(kProgressEvery);

  auto advance_to = [&](uint64_t size) -> Status {
    if (size > *total) {
      return DataLoss("a checkpoint covers " + std::to_string(size) +
                      " entries but the store holds " + std::to_string(*total));
    }
    auto flush = [&]() -> Status {
      auto writes = tree.Append(hashes);
      hashes.clear();
      if (!writes.ok()) return writes.status();
      return CompareTiles(store, *writes);
    };
    LCPROC_RETURN_IF_ERROR(store.ScanLeaves(
        tree.size() + hashes.size(), size, [&](uint64_t index, std::string_view leaf) {
          LCPROC_RETURN_IF_ERROR(CheckEntry(index, leaf, registry, report));
          hashes.push_back(ledger::LeafHash(leaf));
          ++report.entries;
          if (hashes.size() == kProgressEvery) {
            LCPROC_RETURN_IF_ERROR(flush());
            if (progress) progress(report.entries, *total);
          }
          return Status::Ok();
        }));
    return flush();
  };

  uint64_t last_size = 0;
  LCPROC_RETURN_IF_ERROR(store.ScanCheckpoints([&](uint64_t size, std::string_view note) -> Status {
    LCPROC_RETURN_IF_ERROR(advance_to(size));
    std::string where = "checkpoint at size " + std::to_string(size);
    auto checkpoint = ledger::VerifyCheckpoint(verifier, note);
    if (!checkpoint.ok()) return DataLoss(where + ": " + checkpoint.status().message());
    if (checkpoint->origin != verifier.name())
      return DataLoss(where + ": origin is " + checkpoint->origin);
    if (checkpoint->size != size)
      return DataLoss(where + ": the note says size " + std::to_string(checkpoint->size));
    if (checkpoint->root != tree.Root()) {
      return DataLoss(where + ": the signed root is not the root of the stored entries");
    }
    ++report.checkpoints;
    last_size = size;
    return Status::Ok();
  }));
  if (last_size != *total) {
    return DataLoss("entries " + std::to_string(last_size) + ".." + std::to_string(*total) +
                    " are not covered by any checkpoint");
  }
  if (progress) progress(report.entries, *total);
  return report;
}

}  // namespace lcproc::ledger_store
