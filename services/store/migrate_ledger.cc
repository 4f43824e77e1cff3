#include "services/store/migrate_ledger.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger_store/ledger_entry.h"

namespace lcproc::store {

Result<MigrationReport> MigrateLedger(const SqliteLedgerStore& from, ledger_store::LedgerStore& to,
                                      const std::function<void(uint64_t, uint64_t)>& progress) {
  LCPROC_ASSIGN_OR_RETURN(uint64_t existing, to.Size());
  if (existing != 0) {
    return FailedPrecondition("the destination already holds " + std::to_string(existing) +
                              " entries; migrate copies into an empty ledger");
  }
  LCPROC_ASSIGN_OR_RETURN(uint64_t total, from.Size());
  std::vector<std::pair<uint64_t, std::string>> checkpoints;
  LCPROC_RETURN_IF_ERROR(from.ScanCheckpoints([&](uint64_t size, std::string_view note) {
    checkpoints.emplace_back(size, std::string(note));
    return Status::Ok();
  }));
  uint64_t last = checkpoints.empty() ? 0 : checkpoints.back().first;
  if (last != total) {
    return DataLoss("the source holds " + std::to_string(total) +
                    " entries but its last checkpoint is at " + std::to_string(last));
  }
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> credit_refs, from.AllCredits());

  MigrationReport report;
  ledger::MerkleTree tree;
  for (size_t c = 0; c < checkpoints.size(); ++c) {
    const auto& [size, note] = checkpoints[c];
    ledger_store::CommitBatch batch;
    batch.old_size = tree.size();
    batch.new_size = size;
    LCPROC_ASSIGN_OR_RETURN(auto credit_of, from.EntryCredits(batch.old_size, size));
    std::map<uint64_t, std::string> credits(credit_of.begin(), credit_of.end());
    std::vector<crypto::Digest> hashes;
    LCPROC_RETURN_IF_ERROR(
        from.ScanLeaves(batch.old_size, size, [&](uint64_t index, std::string_view leaf) {
          LCPROC_ASSIGN_OR_RETURN(ledger_store::LedgerEntry e, ledger_store::DecodeLeaf(leaf));
          ledger_store::EntryRecord r;
          r.index = index;
          r.leaf = std::string(leaf);
          r.replay_prefix = ledger_store::ReplayKeyPrefix(ledger_store::ReplayKey(e.jws, e.body));
          if (!e.idempotency_key.empty()) {
            r.idempotency_prefix =
                ledger_store::IdempotencyKeyPrefix(e.submitter, e.idempotency_key);
          }
          r.submitter = e.submitter;
          r.idempotency_key = e.idempotency_key;
          auto it = credits.find(index);
          if (it != credits.end()) r.credit_number = it->second;
          hashes.push_back(ledger::LeafHash(r.leaf));
          batch.entries.push_back(std::move(r));
          return Status::Ok();
        }));
    LCPROC_ASSIGN_OR_RETURN(batch.tiles, tree.Append(hashes));
    if (c + 1 == checkpoints.size()) {
      for (const std::string& ref : credit_refs) {
        LCPROC_ASSIGN_OR_RETURN(ledger_store::CreditRow row, from.ReadCredit(ref));
        batch.credits.push_back(std::move(row));
      }
      report.credits = batch.credits.size();
    }
    batch.checkpoint = note;
    LCPROC_RETURN_IF_ERROR(to.Commit(batch).WithContext(
        "copying entries " + std::to_string(batch.old_size) + ".." + std::to_string(size)));
    report.entries = size;
    report.checkpoints += 1;
    if (progress) progress(size, total);
  }
  return report;
}

}  // namespace lcproc::store
