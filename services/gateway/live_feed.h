// LiveFeed: the dashboard's live figures. One ticker thread takes a snapshot a second
// of the engine's statistics and the gateway's acknowledgement histogram, turns the
// differences into rates and percentiles, and keeps the last kHistory of them as ready
// Server-Sent Events text. Every open stream (LiveStream) only copies the events it
// has not sent yet, so ten dashboards cost what one does.
//
// Thread-safety: EventsAfter from any thread; the ticker is the only writer.
// `on_tick`, when set, runs on the ticker thread after each snapshot, with the
// wall-clock time (milliseconds) the ledger last grew.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "pipeline/engine/engine.h"
#include "pipeline/mutex.h"
#include "services/gateway/change_signal.h"
#include "services/gateway/engine_slot.h"
#include "services/gateway/http_message.h"
#include "services/gateway/metrics.h"

namespace lcproc::gateway {

class LiveFeed {
 public:
  static constexpr size_t kHistory = 300;  // five minutes at one a second

  // `engines` and `metrics` must outlive the feed. The ticker starts at once.
  LiveFeed(const EngineSlot* engines, const Metrics* metrics, uint64_t max_in_flight,
           std::function<void(int64_t)> on_tick = {}, int period_millis = 1000);
  ~LiveFeed();  // stops and joins the ticker
  LiveFeed(const LiveFeed&) = delete;
  LiveFeed& operator=(const LiveFeed&) = delete;

  // The events with a sequence number above `after` (0: the whole history), and the
  // latest sequence number through *latest.
  std::string EventsAfter(uint64_t after, uint64_t* latest) const;
  // The wall-clock time (milliseconds) the ledger last grew; 0 before it was seen to.
  int64_t checkpoint_advanced_millis() const;
  // Notified after each tick, so open streams send the new figures at once.
  ChangeSignal& ticks() const { return ticks_; }

 private:
  void Run();
  void Tick();

  const EngineSlot* engines_;
  const Metrics* metrics_;
  const uint64_t max_in_flight_;
  const std::function<void(int64_t)> on_tick_;
  const int period_millis_;
  mutable ChangeSignal ticks_;

  // Ticker-thread state: the previous snapshot the rates are computed against.
  engine::EngineStats previous_{};
  std::array<uint64_t, kLatencyBuckets.size() + 1> previous_ack_{};
  int64_t previous_millis_ = 0;

  mutable Mutex mu_;
  CondVar wake_;
  bool stop_ GUARDED_BY(mu_) = false;
  std::deque<std::pair<uint64_t, std::string>> events_ GUARDED_BY(mu_);
  uint64_t sequence_ GUARDED_BY(mu_) = 0;
  int64_t checkpoint_millis_ GUARDED_BY(mu_) = 0;
  std::thread thread_;
};

// The SSE source of one GET /v1/ops/live stream.
class LiveStream final : public EventStream {
 public:
  LiveStream(const LiveFeed& feed, uint64_t after) : feed_(feed), after_(after) {}
  ~LiveStream() override {
    if (subscription_) feed_.ticks().Unsubscribe(*subscription_);
  }
  void Poll(std::function<void(std::string events, bool end)> deliver) override;
  void SetWaker(std::function<void()> wake) override {
    subscription_ = feed_.ticks().Subscribe(std::move(wake));
  }

 private:
  const LiveFeed& feed_;
  uint64_t after_;  // only Poll touches it; the session never polls twice at once
  std::optional<uint64_t> subscription_;
};

}  // namespace lcproc::gateway
