#include "services/gateway/live_feed.h"

#include <chrono>
#include <cstdio>

#include "pipeline/trade/timestamp.h"

namespace lcproc::gateway {
namespace {

int64_t WallMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Num(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// The q-quantile of the observations counted in `delta` (per bucket), interpolated
// linearly inside its bucket as Prometheus' histogram_quantile does; -1 when empty.
double Quantile(const std::array<uint64_t, kLatencyBuckets.size() + 1>& delta, double q) {
  uint64_t total = 0;
  for (uint64_t c : delta) total += c;
  if (total == 0) return -1;
  const double rank = q * static_cast<double>(total);
  uint64_t below = 0;
  for (size_t i = 0; i < delta.size(); ++i) {
    if (static_cast<double>(below + delta[i]) >= rank && delta[i] > 0) {
      if (i == kLatencyBuckets.size()) return kLatencyBuckets.back();  // above every bound
      const double lo = i == 0 ? 0 : kLatencyBuckets[i - 1], hi = kLatencyBuckets[i];
      return lo + (hi - lo) * (rank - static_cast<double>(below)) / static_cast<double>(delta[i]);
    }
    below += delta[i];
  }
  return kLatencyBuckets.back();
}

}  // namespace

LiveFeed::LiveFeed(const EngineSlot* engines, const Metrics* metrics, uint64_t max_in_flight,
                   std::function<void(int64_t)> on_tick, int period_millis)
    : engines_(engines),
      metrics_(metrics),
      max_in_flight_(max_in_flight),
      on_tick_(std::move(on_tick)),
      period_millis_(period_millis) {
  previous_ = engines_->stats();
  previous_ack_ = metrics_->ack().Counts();
  previous_millis_ = WallMillis();
  thread_ = std::thread([this] { Run(); });
}

LiveFeed::~LiveFeed() {
  {
    MutexLock lock(mu_);
    stop_ = true;
  }
  wake_.SignalAll();
  thread_.join();
}

void LiveFeed::Run() {
  auto next = std::chrono::steady_clock::now();
  for (;;) {
    next += std::chrono::milliseconds(period_millis_);
    {
      MutexLock lock(mu_);
      while (!stop_ && std::chrono::steady_clock::now() < next) {
        wake_.WaitFor(mu_, next - std::chrono::steady_clock::now());
      }
      if (stop_) return;
    }
    Tick();
    ticks_.Notify();
    if (on_tick_) on_tick_(checkpoint_advanced_millis());
  }
}

void LiveFeed::Tick() {
  const engine::EngineStats now = engines_->stats();
  const auto ack = metrics_->ack().Counts();
  const int64_t millis = WallMillis();
  const double seconds = std::max<int64_t>(1, millis - previous_millis_) / 1e3;
  auto rate = [&](uint64_t later, uint64_t earlier) {
    return Num(static_cast<double>(later - earlier) / seconds);
  };
  std::array<uint64_t, kLatencyBuckets.size() + 1> delta{};
  for (size_t i = 0; i < delta.size(); ++i) delta[i] = ack[i] - previous_ack_[i];
  const double p50 = Quantile(delta, 0.5), p99 = Quantile(delta, 0.99);
  const uint64_t batches = now.batches - previous_.batches;
  const uint64_t entries = now.batch_entries - previous_.batch_entries;

  MutexLock lock(mu_);
  if (now.tree_size != previous_.tree_size || checkpoint_millis_ == 0) checkpoint_millis_ = millis;
  const uint64_t seq = ++sequence_;
  std::string data =
      "{\"seq\":" + std::to_string(seq) + ",\"at\":\"" + trade::FormatUtcTimestampMillis(millis) +
      "\",\"atMillis\":" + std::to_string(millis) + ",\"receivedPerSecond\":" +
      rate(now.submitted + now.overloaded, previous_.submitted + previous_.overloaded) +
      ",\"acceptedPerSecond\":" + rate(now.accepted, previous_.accepted) +
      ",\"rejectedPerSecond\":" + rate(now.rejected, previous_.rejected) +
      ",\"refusedPerSecond\":" + rate(now.refused, previous_.refused) +
      ",\"overloadedPerSecond\":" + rate(now.overloaded, previous_.overloaded) +
      ",\"batchesPerSecond\":" + rate(now.batches, previous_.batches) +
      ",\"batchSizeMean\":" + (batches ? Num(static_cast<double>(entries) / batches) : "null") +
      ",\"ackP50Seconds\":" + (p50 < 0 ? "null" : Num(p50)) +
      ",\"ackP99Seconds\":" + (p99 < 0 ? "null" : Num(p99)) +
      ",\"inFlight\":" + std::to_string(now.in_flight) +
      ",\"maxInFlight\":" + std::to_string(max_in_flight_) +
      ",\"ledgerEntries\":" + std::to_string(now.tree_size) +
      ",\"checkpointAgeSeconds\":" + Num((millis - checkpoint_millis_) / 1e3) + "}";
  events_.emplace_back(seq,
                       "event: figures\nid: " + std::to_string(seq) + "\ndata: " + data + "\n\n");
  while (events_.size() > kHistory) events_.pop_front();
  previous_ = now;
  previous_ack_ = ack;
  previous_millis_ = millis;
}

std::string LiveFeed::EventsAfter(uint64_t after, uint64_t* latest) const {
  MutexLock lock(mu_);
  *latest = sequence_;
  std::string out;
  for (const auto& [seq, text] : events_) {
    if (seq > after) out += text;
  }
  return out;
}

int64_t LiveFeed::checkpoint_advanced_millis() const {
  MutexLock lock(mu_);
  return checkpoint_millis_;
}

void LiveStream::Poll(std::function<void(std::string, bool)> deliver) {
  uint64_t latest = after_;
  std::string events = feed_.EventsAfter(after_, &latest);
  after_ = latest;
  deliver(std::move(events), false);
}

}  // namespace lcproc::gateway
