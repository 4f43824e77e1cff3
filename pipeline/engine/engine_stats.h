// EngineStats: counters the engine keeps while it runs, and the snapshot it hands out.
//
// The engine bumps relaxed atomics on the hot path (StatsCounters); Snapshot() copies
// them into a plain EngineStats, cheap enough to call on every /metrics scrape or
// dashboard tick. Counters only grow; a snapshot is not one consistent instant (each
// counter is read on its own), which is all a dashboard needs.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string_view>

#include "pipeline/participants/participant_registry.h"
#include "pipeline/status.h"

namespace lcproc::engine {

// The pipeline's stages, in order, for latency figures.
enum class Stage : uint8_t {
  kDecode = 0,
  kAuthenticate,
  kCheck,
  kSequence,
  kBatch,
  kCommit,
  kAcknowledge,
  kCount,
};
std::string_view StageName(Stage stage);

inline constexpr size_t kStatusCodeCount = static_cast<size_t>(StatusCode::kInternal) + 1;
inline constexpr size_t kStageCount = static_cast<size_t>(Stage::kCount);
inline constexpr size_t kKeyRefusalCount = static_cast<size_t>(participants::KeyRefusal::kCount);
// Batch size histogram buckets: [1], [2,3], [4,7], ... [256, 511], [512, ...).
inline constexpr size_t kBatchBuckets = 11;

struct StageLatency {
  uint64_t count = 0;     // items (or batches, for kCommit) timed
  uint64_t total_ns = 0;  // sum of their time in the stage
  uint64_t max_ns = 0;
};

struct EngineStats {
  uint64_t submitted = 0;   // accepted into the engine by Submit
  uint64_t overloaded = 0;  // Submit answered ResourceExhausted (never entered)
  uint64_t accepted = 0;    // recorded, rules accepted
  uint64_t rejected = 0;    // recorded, rules rejected
  uint64_t refused = 0;     // not recorded: authentication or conflict
  uint64_t duplicates = 0;  // answered with an earlier entry
  uint64_t failed = 0;      // store failure: not acknowledged
  std::array<uint64_t, kStatusCodeCount> rejected_by_code{};  // index: StatusCode
  std::array<uint64_t, kStatusCodeCount> refused_by_code{};
  std::array<uint64_t, kKeyRefusalCount> refused_by_key{};  // index: participants::KeyRefusal
  uint64_t batches = 0;
  uint64_t batch_entries = 0;  // entries in all committed batches
  std::array<uint64_t, kBatchBuckets> batch_size_histogram{};
  uint64_t commit_failures = 0;
  std::array<StageLatency, kStageCount> stages{};
  uint64_t submit_to_ack_total_ns = 0;  // over acknowledged submissions
  uint64_t in_flight = 0;               // submitted, not yet completed (queue depth)
  uint64_t tree_size = 0;               // committed entries
};

// The engine's live counters. Thread-safe: every member is an atomic.
struct StatsCounters {
  std::atomic<uint64_t> submitted{0}, overloaded{0}, accepted{0}, rejected{0}, refused{0},
      duplicates{0}, failed{0}, batches{0}, batch_entries{0}, commit_failures{0},
      submit_to_ack_total_ns{0}, in_flight{0}, tree_size{0};
  std::array<std::atomic<uint64_t>, kStatusCodeCount> rejected_by_code{}, refused_by_code{};
  std::array<std::atomic<uint64_t>, kKeyRefusalCount> refused_by_key{};
  std::array<std::atomic<uint64_t>, kBatchBuckets> batch_size_histogram{};
  struct StageCounters {
    std::atomic<uint64_t> count{0}, total_ns{0}, max_ns{0};
  };
  std::array<StageCounters, kStageCount> stages{};

  void RecordStage(Stage stage, uint64_t ns, uint64_t items = 1);
  void RecordBatch(uint64_t entries);
  EngineStats Snapshot() const;
};

}  // namespace lcproc::engine
