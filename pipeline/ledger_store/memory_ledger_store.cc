#include "pipeline/ledger_store/memory_ledger_store.h"

#include <algorithm>
#include <utility>

namespace lcproc::ledger_store {
namespace {

std::vector<uint64_t> All(const std::multimap<uint64_t, uint64_t>& m, uint64_t key) {
  std::vector<uint64_t> out;
  auto [begin, end] = m.equal_range(key);
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

}  // namespace

Status MemoryLedgerStore::Commit(const CommitBatch& batch) {
  WriterLock lock(mu_);
  if (!fail_with_.ok()) return fail_with_;
  if (batch.old_size != leaves_.size())
    return FailedPrecondition("batch does not start at the end");
  for (const EntryRecord& e : batch.entries) {
    leaves_.push_back(e.leaf);
    by_replay_.emplace(e.replay_prefix, e.index);
    if (!e.idempotency_key.empty()) by_idempotency_.emplace(e.idempotency_prefix, e.index);
    if (!e.credit_number.empty()) by_credit_[e.credit_number].push_back(e.index);
  }
  tiles_.Apply(batch.tiles);
  for (const CreditRow& c : batch.credits) credits_[c.reference] = c;
  checkpoints_[batch.new_size] = batch.checkpoint;
  ++commits_;
  return std::exchange(lose_answer_, Status::Ok());
}

Result<uint64_t> MemoryLedgerStore::Size() const {
  ReaderLock lock(mu_);
  return static_cast<uint64_t>(leaves_.size());
}

Result<StoredCheckpoint> MemoryLedgerStore::LatestCheckpoint() const {
  ReaderLock lock(mu_);
  if (checkpoints_.empty()) return NotFound("no checkpoint yet");
  return StoredCheckpoint{checkpoints_.rbegin()->first, checkpoints_.rbegin()->second};
}

Result<std::string> MemoryLedgerStore::CheckpointAt(uint64_t size) const {
  ReaderLock lock(mu_);
  auto it = checkpoints_.find(size);
  if (it == checkpoints_.end()) return NotFound("no checkpoint at that size");
  return it->second;
}

Result<std::string> MemoryLedgerStore::ReadLeaf(uint64_t index) const {
  ReaderLock lock(mu_);
  if (index >= leaves_.size()) return NotFound("no such entry");
  return leaves_[index];
}

Result<std::vector<uint64_t>> MemoryLedgerStore::FindByReplayKey(const crypto::Digest& key) const {
  ReaderLock lock(mu_);
  return All(by_replay_, ReplayKeyPrefix(key));
}

Result<std::vector<uint64_t>> MemoryLedgerStore::FindByIdempotencyKey(std::string_view submitter,
                                                                      std::string_view key) const {
  ReaderLock lock(mu_);
  return All(by_idempotency_, IdempotencyKeyPrefix(submitter, key));
}

Result<std::vector<uint64_t>> MemoryLedgerStore::EntriesForCredit(std::string_view credit) const {
  ReaderLock lock(mu_);
  auto it = by_credit_.find(credit);
  if (it == by_credit_.end()) return std::vector<uint64_t>();
  return it->second;
}

Result<CreditRow> MemoryLedgerStore::ReadCredit(std::string_view reference) const {
  ReaderLock lock(mu_);
  auto it = credits_.find(reference);
  if (it == credits_.end()) return NotFound("no such credit");
  return it->second;
}

Status MemoryLedgerStore::ScanLeaves(uint64_t begin, uint64_t end, const LeafVisitor& visit) const {
  for (uint64_t i = begin; i < end; ++i) {
    LCPROC_ASSIGN_OR_RETURN(std::string leaf, ReadLeaf(i));
    LCPROC_RETURN_IF_ERROR(visit(i, leaf));
  }
  return Status::Ok();
}

Status MemoryLedgerStore::ScanCheckpoints(const CheckpointVisitor& visit) const {
  std::map<uint64_t, std::string> copy;
  {
    ReaderLock lock(mu_);
    copy = checkpoints_;
  }
  for (const auto& [size, note] : copy) LCPROC_RETURN_IF_ERROR(visit(size, note));
  return Status::Ok();
}

Result<std::string> MemoryLedgerStore::ReadTile(uint8_t level, uint64_t index,
                                                uint16_t min_width) const {
  return tiles_.ReadTile(level, index, min_width);
}

void MemoryLedgerStore::FailCommits(Status status) {
  WriterLock lock(mu_);
  fail_with_ = std::move(status);
}

void MemoryLedgerStore::LoseNextCommitAnswer(Status status) {
  WriterLock lock(mu_);
  lose_answer_ = std::move(status);
}

void MemoryLedgerStore::TamperLeaf(uint64_t index, std::string leaf) {
  WriterLock lock(mu_);
  leaves_.at(index) = std::move(leaf);
}

void MemoryLedgerStore::TamperLatestCheckpoint(std::string note) {
  WriterLock lock(mu_);
  if (!checkpoints_.empty()) checkpoints_.rbegin()->second = std::move(note);
}

uint64_t MemoryLedgerStore::commits() const {
  ReaderLock lock(mu_);
  return commits_;
}

Result<std::vector<CreditRow>> MemoryLedgerStore::ListCredits(const CreditQuery& query) const {
  ReaderLock lock(mu_);
  std::vector<CreditRow> out;
  for (auto it = credits_.upper_bound(query.after_reference);
       it != credits_.end() && out.size() < query.limit; ++it) {
    const CreditRow& row = it->second;
    if (!query.state.empty() && row.state != query.state) continue;
    if (!query.party.empty() &&
        std::find(row.parties.begin(), row.parties.end(), query.party) == row.parties.end()) {
      continue;
    }
    out.push_back(row);
    std::sort(out.back().parties.begin(), out.back().parties.end());
  }
  return out;
}

Result<std::vector<uint64_t>> MemoryLedgerStore::EntriesForParty(std::string_view bic,
                                                                 uint64_t begin,
                                                                 size_t limit) const {
  ReaderLock lock(mu_);
  std::vector<uint64_t> out;
  for (const auto& [reference, row] : credits_) {
    if (std::find(row.parties.begin(), row.parties.end(), bic) == row.parties.end()) continue;
    auto entries = by_credit_.find(reference);
    if (entries == by_credit_.end()) continue;
    const auto& v = entries->second;
    out.insert(out.end(), std::lower_bound(v.begin(), v.end(), begin), v.end());
  }
  std::sort(out.begin(), out.end());
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace lcproc::ledger_store
