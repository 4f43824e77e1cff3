#include "pipeline/engine/sequencer.h"

#include <utility>

namespace lcproc::engine {
namespace {

std::string IdempotencyMapKey(const Submission& s) {
  if (s.idempotency_key.empty()) return {};
  std::string key = s.submitter;
  key.push_back('\0');
  key += s.idempotency_key;
  return key;
}

}  // namespace

Outcome OutcomeFromEntry(const ledger_store::LedgerEntry& entry, uint64_t index) {
  return Outcome::Recorded(index,
                           entry.accepted ? Status::Ok() : Status(entry.reason_code, entry.reason),
                           entry.discrepancies);
}

void Sequencer::Reset() {
  credits_.clear();
  pending_by_idempotency_.clear();
  pending_by_replay_.clear();
  pending_order_.clear();
  next_index_ = core_.committed_size.load(std::memory_order_acquire);
}

Status Sequencer::Open() {
  LCPROC_ASSIGN_OR_RETURN(uint64_t size, core_.store.Size());
  // Two keys an entry at most, and room for the ledger to double before the false
  // hits climb (the filter bounds its own size).
  filter_ = DuplicateFilter(4 * size);
  LCPROC_RETURN_IF_ERROR(core_.store.ScanDuplicateKeys([this](uint64_t key) { filter_.Add(key); })
                             .WithContext("reading the ledger's duplicate keys"));
  Reset();
  return Status::Ok();
}

void Sequencer::SyncWithCommits() {
  uint64_t epoch = core_.epoch.load(std::memory_order_acquire);
  if (epoch != epoch_) {
    // A commit failed: every index handed out since the last good commit is void.
    epoch_ = epoch;
    Reset();
  }
  // Committed entries are found in the store from now on; forget them here. The commit
  // thread publishes committed_size only after the store's commit, so nothing falls
  // between the two lookups.
  uint64_t committed = core_.committed_size.load(std::memory_order_acquire);
  while (!pending_order_.empty() && pending_order_.front().index < committed) {
    const PendingKeys& keys = pending_order_.front();
    if (!keys.idempotency.empty()) {
      auto it = pending_by_idempotency_.find(keys.idempotency);
      if (it != pending_by_idempotency_.end() && it->second.index == keys.index) {
        pending_by_idempotency_.erase(it);
      }
    }
    auto it = pending_by_replay_.find(keys.replay);
    if (it != pending_by_replay_.end() && it->second.index == keys.index)
      pending_by_replay_.erase(it);
    pending_order_.pop_front();
  }
}

void Sequencer::Refuse(WorkItem& item, Status status) {
  item.disposition = Disposition::kCompleted;
  core_.Complete(item,
                 Outcome::Refused(std::move(status),
                                  item.document ? item.document->credit_number() : std::string()));
}

Result<std::optional<Outcome>> Sequencer::FindCommitted(const WorkItem& item, bool& conflict) {
  const Submission& s = *item.submission;
  // A filter miss proves the store holds no such key: skip the lookup.
  if (!s.idempotency_key.empty() && filter_.MayContain(item.idempotency_prefix)) {
    LCPROC_ASSIGN_OR_RETURN(auto candidates,
                            core_.store.FindByIdempotencyKey(s.submitter, s.idempotency_key));
    for (uint64_t index : candidates) {
      LCPROC_ASSIGN_OR_RETURN(std::string leaf, core_.store.ReadLeaf(index));
      LCPROC_ASSIGN_OR_RETURN(ledger_store::LedgerEntry entry, ledger_store::DecodeLeaf(leaf));
      if (entry.submitter != s.submitter || entry.idempotency_key != s.idempotency_key) continue;
      if (entry.body != s.body) {
        conflict = true;
        return std::optional<Outcome>();
      }
      return std::optional<Outcome>(OutcomeFromEntry(entry, index));
    }
  }
  if (!filter_.MayContain(ledger_store::ReplayKeyPrefix(item.replay_key)))
    return std::optional<Outcome>();
  LCPROC_ASSIGN_OR_RETURN(auto candidates, core_.store.FindByReplayKey(item.replay_key));
  for (uint64_t index : candidates) {
    LCPROC_ASSIGN_OR_RETURN(std::string leaf, core_.store.ReadLeaf(index));
    LCPROC_ASSIGN_OR_RETURN(ledger_store::LedgerEntry entry, ledger_store::DecodeLeaf(leaf));
    if (entry.jws == s.jws && entry.body == s.body) {
      return std::optional<Outcome>(OutcomeFromEntry(entry, index));
    }
  }
  return std::optional<Outcome>();
}

bool Sequencer::AnswerDuplicate(WorkItem& item) {
  const Submission& s = *item.submission;
  std::string idem = IdempotencyMapKey(s);
  const Pending* pending = nullptr;
  if (!idem.empty()) {
    auto it = pending_by_idempotency_.find(idem);
    if (it != pending_by_idempotency_.end()) {
      if (it->second.body_hash != item.body_hash) {
        Refuse(item, Conflict("idempotency key already used for a different document"));
        return true;
      }
      pending = &it->second;
    }
  }
  if (pending == nullptr) {
    auto it = pending_by_replay_.find(item.replay_key);
    if (it != pending_by_replay_.end()) pending = &it->second;
  }
  if (pending != nullptr) {
    item.outcome = *pending->outcome;
    item.outcome.duplicate = true;
    item.disposition = Disposition::kPendingDuplicate;
    Release(item);
    return true;
  }

  bool conflict = false;
  auto committed = FindCommitted(item, conflict);
  if (!committed.ok()) {
    item.disposition = Disposition::kCompleted;
    core_.Complete(
        item, Outcome::Failed(committed.status().WithContext("looking up earlier submissions")));
    return true;
  }
  if (conflict) {
    Refuse(item, Conflict("idempotency key already used for a different document"));
    return true;
  }
  if (!committed->has_value()) return false;
  Outcome out = std::move(**committed);
  out.duplicate = true;
  if (item.document) out.credit_number = item.document->credit_number();
  // The store's checkpoint, not the engine's cached one: the commit that made this
  // entry visible may not have published its checkpoint yet.
  auto latest = core_.store.LatestCheckpoint();
  if (latest.ok()) {
    out.checkpoint = std::move(latest->note);
    out.tree_size = latest->size;
  }
  item.disposition = Disposition::kCompleted;
  core_.Complete(item, std::move(out));
  return true;
}

Result<Sequencer::CachedCredit*> Sequencer::LoadCredit(const std::string& credit) {
  auto it = credits_.find(credit);
  if (it != credits_.end()) return &it->second;
  if (credits_.size() >= core_.options.max_cached_credits) EvictCredits();
  LCPROC_ASSIGN_OR_RETURN(auto indexes, core_.store.EntriesForCredit(credit));
  CachedCredit cached;
  for (uint64_t index : indexes) {
    LCPROC_ASSIGN_OR_RETURN(std::string leaf, core_.store.ReadLeaf(index));
    LCPROC_ASSIGN_OR_RETURN(ledger_store::LedgerEntry entry, ledger_store::DecodeLeaf(leaf));
    cached.last_index = index;
    if (!entry.accepted) continue;
    auto document = core_.rules.Decode(entry.content_type, entry.body);
    if (!document.ok()) {
      return DataLoss("credit " + credit + ": accepted entry " + std::to_string(index) +
                      " no longer decodes: " + document.status().message());
    }
    auto decision =
        core_.rules.Apply(cached.state, **document, entry.submitter, entry.received_millis);
    if (!decision.accepted || cached.state == nullptr) {
      return DataLoss("credit " + credit + ": replaying accepted entry " + std::to_string(index) +
                      " is now rejected: " + decision.reason.message());
    }
  }
  return &credits_.emplace(credit, std::move(cached)).first->second;
}

void Sequencer::EvictCredits() {
  // Only credits with nothing uncommitted: their state can be rebuilt from the store.
  uint64_t committed = core_.committed_size.load(std::memory_order_acquire);
  std::erase_if(credits_, [&](const auto& kv) { return kv.second.last_index < committed; });
}

void Sequencer::Process(WorkItem& item) {
  SyncWithCommits();
  item.epoch = epoch_;
  Submission& s = *item.submission;
  if (AnswerDuplicate(item)) return;

  // The body and JWS move into the leaf: the item needs neither after this (Release).
  ledger_store::LedgerEntry entry{false,
                                  s.received_millis,
                                  s.submitter,
                                  s.content_type,
                                  s.idempotency_key,
                                  std::move(s.body),
                                  std::move(s.jws),
                                  StatusCode::kOk,
                                  {},
                                  {}};
  std::string credit;
  Status reason;
  if (!item.decode_status.ok()) {
    reason = item.decode_status;
  } else {
    credit = item.document->credit_number();
    if (!item.check_status.ok()) {
      reason = item.check_status;
    } else {
      auto cached = LoadCredit(credit);
      if (!cached.ok()) {
        item.disposition = Disposition::kCompleted;
        core_.Complete(item, Outcome::Failed(cached.status(), credit));
        return;
      }
      // In place: a rejected document leaves the state as it was.
      auto decision =
          core_.rules.Apply((*cached)->state, *item.document, s.submitter, s.received_millis);
      (*cached)->last_index = next_index_;
      entry.discrepancies = std::move(decision.discrepancies);
      if (decision.accepted && (*cached)->state != nullptr) {
        entry.accepted = true;
        item.credit_row = (*cached)->state->Summary();
      } else {
        reason = decision.reason.ok() ? Internal("rules accepted without a new state")
                                      : std::move(decision.reason);
      }
    }
  }
  if (!entry.accepted) {
    entry.reason_code = reason.code();
    entry.reason = reason.message();
  }

  uint64_t index = next_index_++;
  item.outcome = OutcomeFromEntry(entry, index);
  item.outcome.duplicate = false;
  item.outcome.credit_number = credit;
  item.record = ledger_store::EntryRecord{index,
                                          ledger_store::EncodeLeaf(entry),
                                          ledger_store::ReplayKeyPrefix(item.replay_key),
                                          item.idempotency_prefix,
                                          s.submitter,
                                          s.idempotency_key,
                                          credit};
  item.disposition = Disposition::kEntry;

  auto shared = std::make_shared<const Outcome>(item.outcome);
  std::string idem = IdempotencyMapKey(s);
  filter_.Add(ledger_store::ReplayKeyPrefix(item.replay_key));
  if (!idem.empty()) {
    filter_.Add(item.idempotency_prefix);
    pending_by_idempotency_[idem] = Pending{index, item.body_hash, shared};
  }
  pending_by_replay_[item.replay_key] = Pending{index, item.body_hash, shared};
  pending_order_.push_back(PendingKeys{index, std::move(idem), item.replay_key});
  Release(item);
}

void Sequencer::Release(WorkItem& item) {
  // From here on the leaf (or the first entry's outcome) is all the item needs: free the
  // decoded document and the submission's large fields, which would otherwise sit twice
  // in memory for every uncommitted entry.
  item.document.reset();
  std::string().swap(item.submission->body);
  std::string().swap(item.submission->jws);
}

}  // namespace lcproc::engine
