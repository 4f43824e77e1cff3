#include "services/gateway/metrics.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace lcproc::gateway {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Rejection::kCount)> kRejectionNames = {
    "rate_limited",     "overloaded", "connection_limit", "body_too_large",
    "header_too_large", "timeout",    "bad_request"};
constexpr std::array<std::string_view, 4> kDocumentOutcomes = {"accepted", "rejected", "refused",
                                                               "failed"};

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

void Header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void Line(std::string& out, std::string_view name, std::string_view labels,
          const std::string& value) {
  out.append(name);
  if (!labels.empty()) out.append("{").append(labels).append("}");
  out.append(" ").append(value).append("\n");
}

}  // namespace

void Histogram::Observe(double seconds) {
  size_t i = std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), seconds) -
             kLatencyBuckets.begin();
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_ns_.fetch_add(static_cast<uint64_t>(std::max(0.0, seconds) * 1e9), std::memory_order_relaxed);
}

void Histogram::Render(std::string& out, std::string_view name, std::string_view labels) const {
  std::string prefix(labels);
  if (!prefix.empty()) prefix += ",";
  uint64_t cumulative = 0;
  std::string bucket = std::string(name) + "_bucket";
  for (size_t i = 0; i <= kLatencyBuckets.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    std::string le = i < kLatencyBuckets.size() ? Number(kLatencyBuckets[i]) : "+Inf";
    Line(out, bucket, prefix + "le=\"" + le + "\"", std::to_string(cumulative));
  }
  Line(out, std::string(name) + "_sum", labels,
       Number(sum_ns_.load(std::memory_order_relaxed) / 1e9));
  Line(out, std::string(name) + "_count", labels,
       std::to_string(count_.load(std::memory_order_relaxed)));
}

std::array<uint64_t, kLatencyBuckets.size() + 1> Histogram::Counts() const {
  std::array<uint64_t, kLatencyBuckets.size() + 1> out{};
  for (size_t i = 0; i < out.size(); ++i) out[i] = buckets_[i].load(std::memory_order_relaxed);
  return out;
}

void Metrics::SetWorkQueues(const WorkQueues& q) {
  const uint64_t values[] = {q.examination, q.discrepant, q.amendments,
                             q.expiring,    q.overdue,    q.due_next_day};
  for (size_t i = 0; i < queues_.size(); ++i)
    queues_[i].store(values[i], std::memory_order_relaxed);
  queues_known_ = true;
}

void Metrics::SetRouteName(size_t route, std::string name) {
  if (route < kMaxRoutes) route_names_[route] = std::move(name);
}

void Metrics::CountRequest(size_t route, int status, double seconds) {
  if (route >= kMaxRoutes) return;
  auto it = std::find(kStatuses.begin(), kStatuses.end(), status);
  requests_[route][it - kStatuses.begin()].fetch_add(1, std::memory_order_relaxed);
  durations_[route].Observe(seconds);
}

void Metrics::CountRejection(Rejection reason) {
  rejections_[static_cast<size_t>(reason)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::CountDocument(std::string_view outcome) {
  auto it = std::find(kDocumentOutcomes.begin(), kDocumentOutcomes.end(), outcome);
  if (it != kDocumentOutcomes.end())
    documents_[it - kDocumentOutcomes.begin()].fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::Render(const engine::EngineStats& e, bool ready) const {
  std::string out;
  out.reserve(16384);
  Header(out, "lcproc_http_requests_total", "counter",
         "HTTP requests answered, by route and status (outcome).");
  for (size_t r = 0; r < kMaxRoutes; ++r) {
    if (route_names_[r].empty()) continue;
    for (size_t s = 0; s <= kStatuses.size(); ++s) {
      uint64_t v = requests_[r][s].load(std::memory_order_relaxed);
      if (v == 0) continue;
      std::string outcome = s < kStatuses.size() ? std::to_string(kStatuses[s]) : "other";
      Line(out, "lcproc_http_requests_total",
           "route=\"" + route_names_[r] + "\",outcome=\"" + outcome + "\"", std::to_string(v));
    }
  }
  Header(out, "lcproc_http_request_duration_seconds", "histogram",
         "Time from a request read to its response queued.");
  for (size_t r = 0; r < kMaxRoutes; ++r) {
    if (!route_names_[r].empty()) {
      durations_[r].Render(out, "lcproc_http_request_duration_seconds",
                           "route=\"" + route_names_[r] + "\"");
    }
  }
  Header(out, "lcproc_http_rejections_total", "counter",
         "Requests or connections refused by the HTTP layer, by reason.");
  for (size_t i = 0; i < kRejectionNames.size(); ++i) {
    Line(out, "lcproc_http_rejections_total", "reason=\"" + std::string(kRejectionNames[i]) + "\"",
         std::to_string(rejections_[i].load(std::memory_order_relaxed)));
  }
  Header(out, "lcproc_http_connections_total", "counter", "TCP connections accepted.");
  Line(out, "lcproc_http_connections_total", "", std::to_string(connections_opened_.load()));
  Header(out, "lcproc_http_connections_open", "gauge", "TCP connections open now.");
  Line(out, "lcproc_http_connections_open", "", std::to_string(open_.load()));
  Header(out, "lcproc_inbox_streams_open", "gauge", "Server-Sent Events inbox streams open now.");
  Line(out, "lcproc_inbox_streams_open", "", std::to_string(streams_.load()));
  Header(out, "lcproc_documents_total", "counter",
         "Documents answered through the API, by outcome.");
  for (size_t i = 0; i < kDocumentOutcomes.size(); ++i) {
    Line(out, "lcproc_documents_total", "outcome=\"" + std::string(kDocumentOutcomes[i]) + "\"",
         std::to_string(documents_[i].load(std::memory_order_relaxed)));
  }
  Header(out, "lcproc_document_ack_seconds", "histogram",
         "Time from a document's request read to its durable answer.");
  ack_.Render(out, "lcproc_document_ack_seconds", "");

  Header(out, "lcproc_engine_submissions_total", "counter",
         "Submissions the engine finished, by outcome.");
  for (auto [name, v] : {std::pair<const char*, uint64_t>{"accepted", e.accepted},
                         {"rejected", e.rejected},
                         {"refused", e.refused},
                         {"failed", e.failed},
                         {"overloaded", e.overloaded}}) {
    Line(out, "lcproc_engine_submissions_total", std::string("outcome=\"") + name + "\"",
         std::to_string(v));
  }
  Header(out, "lcproc_engine_rejections_total", "counter",
         "Recorded rejections and refusals, by reason code.");
  for (size_t c = 0; c < engine::kStatusCodeCount; ++c) {
    std::string reason(StatusCodeName(static_cast<StatusCode>(c)));
    if (e.rejected_by_code[c]) {
      Line(out, "lcproc_engine_rejections_total", "outcome=\"rejected\",reason=\"" + reason + "\"",
           std::to_string(e.rejected_by_code[c]));
    }
    if (e.refused_by_code[c]) {
      Line(out, "lcproc_engine_rejections_total", "outcome=\"refused\",reason=\"" + reason + "\"",
           std::to_string(e.refused_by_code[c]));
    }
  }
  Header(out, "lcproc_engine_duplicates_total", "counter",
         "Submissions answered with an earlier entry.");
  Line(out, "lcproc_engine_duplicates_total", "", std::to_string(e.duplicates));
  Header(out, "lcproc_engine_batches_total", "counter", "Batches committed.");
  Line(out, "lcproc_engine_batches_total", "", std::to_string(e.batches));
  Header(out, "lcproc_engine_batch_entries_total", "counter", "Entries in committed batches.");
  Line(out, "lcproc_engine_batch_entries_total", "", std::to_string(e.batch_entries));
  Header(out, "lcproc_engine_commit_failures_total", "counter", "Batches whose commit failed.");
  Line(out, "lcproc_engine_commit_failures_total", "", std::to_string(e.commit_failures));
  Header(out, "lcproc_engine_stage_seconds", "summary", "Time items spent in each pipeline stage.");
  for (size_t i = 0; i < engine::kStageCount; ++i) {
    std::string stage =
        "stage=\"" + std::string(engine::StageName(static_cast<engine::Stage>(i))) + "\"";
    Line(out, "lcproc_engine_stage_seconds_sum", stage, Number(e.stages[i].total_ns / 1e9));
    Line(out, "lcproc_engine_stage_seconds_count", stage, std::to_string(e.stages[i].count));
  }
  Header(out, "lcproc_engine_in_flight", "gauge", "Submissions in the engine, not yet answered.");
  Line(out, "lcproc_engine_in_flight", "", std::to_string(e.in_flight));
  Header(out, "lcproc_ledger_entries", "gauge", "Committed ledger entries (tree size).");
  Line(out, "lcproc_ledger_entries", "", std::to_string(e.tree_size));
  Header(out, "lcproc_engine_max_in_flight", "gauge",
         "The back-pressure limit: submissions in flight beyond it are refused 503.");
  Line(out, "lcproc_engine_max_in_flight", "", std::to_string(max_in_flight_.load()));
  if (int64_t at = checkpoint_millis_.load(); at > 0) {
    int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    Header(out, "lcproc_checkpoint_age_seconds", "gauge",
           "Time since the signed checkpoint last advanced.");
    Line(out, "lcproc_checkpoint_age_seconds", "", Number(std::max<int64_t>(0, now - at) / 1e3));
  }
  if (queues_known_) {
    static constexpr std::array<std::string_view, 4> kQueues = {"examination", "discrepant",
                                                                "amendments", "expiring"};
    Header(out, "lcproc_work_queue_items", "gauge",
           "Items waiting in each operations work queue (examination, discrepant, amendments, "
           "expiring within 7 days).");
    for (size_t i = 0; i < kQueues.size(); ++i) {
      Line(out, "lcproc_work_queue_items", "queue=\"" + std::string(kQueues[i]) + "\"",
           std::to_string(queues_[i].load()));
    }
    Header(out, "lcproc_presentations_deadline_items", "gauge",
           "Open presentations past their art. 14(b) deadline (overdue) or due today or the next "
           "banking day (due_next_banking_day).");
    Line(out, "lcproc_presentations_deadline_items", "urgency=\"overdue\"",
         std::to_string(queues_[4].load()));
    Line(out, "lcproc_presentations_deadline_items", "urgency=\"due_next_banking_day\"",
         std::to_string(queues_[5].load()));
  }
  Header(out, "lcproc_ready", "gauge", "1 when /readyz answers 200.");
  Line(out, "lcproc_ready", "", ready ? "1" : "0");
  return out;
}

}  // namespace lcproc::gateway
