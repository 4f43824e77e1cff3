#include "pipeline/engine/engine_core.h"

namespace lcproc::engine {
void EngineCore::Complete(WorkItem& item, Outcome outcome) {
  auto bump = [](std::atomic<uint64_t>& a) { a.fetch_add(1, std::memory_order_relaxed); };
  size_t code = static_cast<size_t>(outcome.status.code());
  switch (outcome.verdict) {
    case Verdict::kAccepted: bump(stats.accepted); break;
    case Verdict::kRejected:
      bump(stats.rejected);
      bump(stats.rejected_by_code[code]);
      break;
    case Verdict::kRefused:
      bump(stats.refused);
      bump(stats.refused_by_code[code]);
      if (item.key_refusal) bump(stats.refused_by_key[static_cast<size_t>(*item.key_refusal)]);
      break;
    case Verdict::kFailed: bump(stats.failed); break;
  }
  if (outcome.duplicate) bump(stats.duplicates);
  if (outcome.recorded()) {
    stats.submit_to_ack_total_ns.fetch_add(NanosSince(item.submitted_at_nanos),
                                           std::memory_order_relaxed);
  }
  Completion done = std::move(item.done);
  item.disposition = Disposition::kCompleted;
  try {
    if (done) done(std::move(outcome));
  } catch (...) {
    // The caller's callback failed; the outcome stands and the pipeline goes on.
  }
  stats.in_flight.fetch_sub(1, std::memory_order_relaxed);
}

}  // namespace lcproc::engine
