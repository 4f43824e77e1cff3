#include "services/gateway/engine_slot.h"

#include <algorithm>
#include <array>
#include <utility>

namespace lcproc::gateway {
namespace {

template <typename T, size_t N>
void AddArray(std::array<T, N>& into, const std::array<T, N>& from) {
  for (size_t i = 0; i < N; ++i) into[i] += from[i];
}

// Counters add up over engines; the gauges (in_flight, tree_size) are the later one's.
engine::EngineStats Sum(engine::EngineStats base, const engine::EngineStats& later) {
  base.submitted += later.submitted;
  base.overloaded += later.overloaded;
  base.accepted += later.accepted;
  base.rejected += later.rejected;
  base.refused += later.refused;
  base.duplicates += later.duplicates;
  base.failed += later.failed;
  AddArray(base.rejected_by_code, later.rejected_by_code);
  AddArray(base.refused_by_code, later.refused_by_code);
  AddArray(base.refused_by_key, later.refused_by_key);
  base.batches += later.batches;
  base.batch_entries += later.batch_entries;
  AddArray(base.batch_size_histogram, later.batch_size_histogram);
  base.commit_failures += later.commit_failures;
  for (size_t i = 0; i < base.stages.size(); ++i) {
    base.stages[i].count += later.stages[i].count;
    base.stages[i].total_ns += later.stages[i].total_ns;
    base.stages[i].max_ns = std::max(base.stages[i].max_ns, later.stages[i].max_ns);
  }
  base.submit_to_ack_total_ns += later.submit_to_ack_total_ns;
  base.in_flight = later.in_flight;
  base.tree_size = later.tree_size;
  return base;
}

}  // namespace

void EngineSlot::Lead(engine::Engine* engine, std::string self) {
  WriterLock lock(mu_);
  engine_ = engine;
  leader_ = std::move(self);
}

engine::Engine* EngineSlot::Follow(std::string leader) {
  WriterLock lock(mu_);
  engine::Engine* was = engine_;
  if (was != nullptr) {
    engine::EngineStats last = was->stats();
    last.in_flight = 0;  // the caller's Shutdown answers them
    retired_ = Sum(retired_, last);
  }
  engine_ = nullptr;
  leader_ = std::move(leader);
  return was;
}

void EngineSlot::SetLeader(std::string leader) {
  WriterLock lock(mu_);
  if (engine_ == nullptr) leader_ = std::move(leader);
}

engine::Admission EngineSlot::Submit(std::unique_ptr<engine::Submission> submission,
                                     engine::Completion done, bool* not_leading) {
  ReaderLock lock(mu_);
  if (engine_ == nullptr) {
    if (not_leading != nullptr) *not_leading = true;
    return {
        Unavailable(leader_.empty()
                        ? "this instance does not sequence and no leader is known yet "
                          "(an election is under way); retry shortly"
                        : "this instance does not sequence; send writes to the leader, " + leader_),
        std::move(submission)};
  }
  return engine_->Submit(std::move(submission), std::move(done));
}

bool EngineSlot::leading() const {
  ReaderLock lock(mu_);
  return engine_ != nullptr;
}

std::string EngineSlot::leader() const {
  ReaderLock lock(mu_);
  return leader_;
}

engine::EngineStats EngineSlot::stats() const {
  ReaderLock lock(mu_);
  if (engine_ == nullptr) return retired_;
  return Sum(retired_, engine_->stats());
}

}  // namespace lcproc::gateway
