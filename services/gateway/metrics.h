// Metrics: the gateway's counters and histograms, rendered in the Prometheus text
// exposition format at GET /metrics. Names and labels are a public interface (the
// dashboard and Grafana read them); the README lists every one. Labels are only
// route (the route's pattern, a fixed set), outcome, reason and stage, so no label
// value is unbounded.
//
// Thread-safe: every recording call is a relaxed atomic add, callable from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/engine/engine_stats.h"

namespace lcproc::gateway {

// Why the HTTP layer refused a request or a connection before any handler ran.
enum class Rejection : uint8_t {
  kRateLimited = 0,  // 429
  kOverloaded,       // 503: engine back-pressure
  kConnectionLimit,  // 503: too many connections
  kBodyTooLarge,     // 413
  kHeaderTooLarge,   // 431
  kTimeout,          // 408 / closed: a client too slow
  kBadRequest,       // 400: unparsable HTTP
  kCount,
};

// Latency buckets of the _seconds histograms (upper bounds).
inline constexpr std::array<double, 12> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                           0.1,   0.25,   0.5,   1,    2.5,   10};

class Histogram {
 public:
  void Observe(double seconds);
  // Appends the _bucket/_sum/_count lines of `name` with the label set `labels`
  // (e.g. "route=\"/v1/documents\"", may be empty).
  void Render(std::string& out, std::string_view name, std::string_view labels) const;
  // The observations per bucket (not cumulative), the last one above every bound.
  std::array<uint64_t, kLatencyBuckets.size() + 1> Counts() const;

 private:
  std::array<std::atomic<uint64_t>, kLatencyBuckets.size() + 1> buckets_{};
  std::atomic<uint64_t> count_{0};
  std::atomic<uint64_t> sum_ns_{0};
};

class Metrics {
 public:
  // Routes are numbered by their position in the router's table; `kMaxRoutes` bounds it.
  static constexpr size_t kMaxRoutes = 32;
  // HTTP statuses are counted by class of exact code among these; others go to "other".
  static constexpr std::array<int, 20> kStatuses = {200, 201, 202, 204, 304, 400, 401,
                                                    403, 404, 405, 406, 408, 409, 413,
                                                    415, 422, 429, 431, 500, 503};

  void SetRouteName(size_t route, std::string name);
  void CountRequest(size_t route, int status, double seconds);
  void CountRejection(Rejection reason);
  void CountDocument(std::string_view outcome);  // "accepted", "rejected", "refused", "failed"
  void ConnectionOpened() {
    connections_opened_.fetch_add(1, std::memory_order_relaxed);
    ++open_;
  }
  void ConnectionClosed() { --open_; }
  void StreamOpened() { ++streams_; }
  void StreamClosed() { --streams_; }
  void ObserveAck(double seconds) { ack_.Observe(seconds); }
  const Histogram& ack() const { return ack_; }

  // Figures the operations view keeps up to date (services/gateway/ops_api.h): the
  // engine's back-pressure limit, when the checkpoint last advanced (wall-clock
  // milliseconds) and the work queues' lengths.
  struct WorkQueues {
    uint64_t examination = 0;  // presentations awaiting examination or a decision
    uint64_t discrepant = 0;   // discrepant, awaiting waiver or refusal (art. 16)
    uint64_t amendments = 0;   // awaiting the beneficiary's answer (art. 10)
    uint64_t expiring = 0;     // open credits expiring within the next 7 days
    uint64_t overdue = 0;      // open presentations past their art. 14(b) deadline
    uint64_t due_next_day =
        0;  // open presentations whose deadline is today or the next banking day
  };
  void SetMaxInFlight(uint64_t limit) { max_in_flight_ = limit; }
  void SetCheckpointAdvanced(int64_t wall_millis) { checkpoint_millis_ = wall_millis; }
  void SetWorkQueues(const WorkQueues& q);

  // The whole exposition: the gateway's metrics, then the engine's from `engine`.
  std::string Render(const engine::EngineStats& engine, bool ready) const;

 private:
  std::array<std::string, kMaxRoutes> route_names_;
  std::array<std::array<std::atomic<uint64_t>, kStatuses.size() + 1>, kMaxRoutes> requests_{};
  std::array<Histogram, kMaxRoutes> durations_;
  std::array<std::atomic<uint64_t>, static_cast<size_t>(Rejection::kCount)> rejections_{};
  std::array<std::atomic<uint64_t>, 4> documents_{};
  std::atomic<uint64_t> connections_opened_{0};
  std::atomic<int64_t> open_{0};
  std::atomic<int64_t> streams_{0};
  Histogram ack_;
  std::atomic<uint64_t> max_in_flight_{0};
  std::atomic<int64_t> checkpoint_millis_{0};
  std::array<std::atomic<uint64_t>, 6> queues_{};
  std::atomic<bool> queues_known_{false};
};

}  // namespace lcproc::gateway
