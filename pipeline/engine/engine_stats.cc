#include "pipeline/engine/engine_stats.h"

#include <bit>

namespace lcproc::engine {

std::string_view StageName(Stage stage) {
  switch (stage) {
    case Stage::kDecode: return "decode";
    case Stage::kAuthenticate: return "authenticate";
    case Stage::kCheck: return "check";
    case Stage::kSequence: return "sequence";
    case Stage::kBatch: return "batch";
    case Stage::kCommit: return "commit";
    case Stage::kAcknowledge: return "acknowledge";
    case Stage::kCount: break;
  }
  return "unknown";
}

void StatsCounters::RecordStage(Stage stage, uint64_t ns, uint64_t items) {
  auto& s = stages[static_cast<size_t>(stage)];
  s.count.fetch_add(items, std::memory_order_relaxed);
  s.total_ns.fetch_add(ns, std::memory_order_relaxed);
  uint64_t seen = s.max_ns.load(std::memory_order_relaxed);
  while (ns > seen && !s.max_ns.compare_exchange_weak(seen, ns, std::memory_order_relaxed)) {
  }
}

void StatsCounters::RecordBatch(uint64_t entries) {
  batches.fetch_add(1, std::memory_order_relaxed);
  batch_entries.fetch_add(entries, std::memory_order_relaxed);
  // Bucket b holds sizes in [2^b, 2^(b+1)); size 0 (a batch of duplicates) joins [1].
  size_t bucket = entries == 0 ? 0 : static_cast<size_t>(std::bit_width(entries) - 1);
  if (bucket >= kBatchBuckets) bucket = kBatchBuckets - 1;
  batch_size_histogram[bucket].fetch_add(1, std::memory_order_relaxed);
}

EngineStats StatsCounters::Snapshot() const {
  auto load = [](const std::atomic<uint64_t>& a) { return a.load(std::memory_order_relaxed); };
  EngineStats s;
  s.submitted = load(submitted);
  s.overloaded = load(overloaded);
  s.accepted = load(accepted);
  s.rejected = load(rejected);
  s.refused = load(refused);
  s.duplicates = load(duplicates);
  s.failed = load(failed);
  s.batches = load(batches);
  s.batch_entries = load(batch_entries);
  s.commit_failures = load(commit_failures);
  s.submit_to_ack_total_ns = load(submit_to_ack_total_ns);
  s.in_flight = load(in_flight);
  s.tree_size = load(tree_size);
  for (size_t i = 0; i < kStatusCodeCount; ++i) {
    s.rejected_by_code[i] = load(rejected_by_code[i]);
    s.refused_by_code[i] = load(refused_by_code[i]);
  }
  for (size_t i = 0; i < kKeyRefusalCount; ++i) s.refused_by_key[i] = load(refused_by_key[i]);
  for (size_t i = 0; i < kBatchBuckets; ++i)
    s.batch_size_histogram[i] = load(batch_size_histogram[i]);
  for (size_t i = 0; i < kStageCount; ++i) {
    s.stages[i] = {load(stages[i].count), load(stages[i].total_ns), load(stages[i].max_ns)};
  }
  return s;
}

}  // namespace lcproc::engine
