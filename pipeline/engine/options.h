// EngineOptions and Completion: the engine's settings and the callback that answers one
// submission. Their own header so the stage files need not include the engine's front
// door (engine.h) for them. Plain values; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "pipeline/engine/outcome.h"

namespace lcproc::engine {

// Called exactly once per submission Engine::Submit took, from an engine thread.
using Completion = std::function<void(Outcome)>;

struct EngineOptions {
  // Submissions accepted but not yet completed; Submit answers ResourceExhausted
  // beyond. Bounds memory: each holds at most one body.
  size_t max_in_flight = 8192;
  // A batch is cut at this many submissions or this long after its first one.
  size_t batch_max_entries = 256;
  int64_t batch_max_millis = 5;
  // Worker slots of the task arena (0: all hardware threads).
  int threads = 0;
  // Live tokens of the parallel_pipeline (0: 16 per thread).
  size_t tokens = 0;
  // Credit states kept in memory. Beyond it, states with nothing uncommitted are
  // dropped and rebuilt from the ledger when next needed (a state holds the credit's
  // terms twice, a few KiB, so this bounds memory under any number of credits).
  size_t max_cached_credits = 8192;
};

}  // namespace lcproc::engine
