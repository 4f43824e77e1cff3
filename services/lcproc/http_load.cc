#include "services/lcproc/http_load.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "services/demo/demo_network.h"
#include "services/demo/demo_node.h"
#include "services/demo/workload.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

constexpr char kCommand[] = "lcproc loadgen";

struct Target {
  std::string host;
  std::string port;
  std::string base;  // path prefix without a trailing slash ("" for none)
};

// "http://HOST:PORT[/BASE]". HTTPS is not driven by this client (the server is
// measured on loopback, where it serves plain HTTP).
std::optional<Target> ParseUrl(const std::string& url, std::string* error) {
  constexpr std::string_view kScheme = "http://";
  if (url.rfind(kScheme, 0) != 0) {
    *error = "--url must start with http:// (got " + url + ")";
    return std::nullopt;
  }
  std::string rest = url.substr(kScheme.size());
  Target t;
  const size_t slash = rest.find('/');
  if (slash != std::string::npos) {
    t.base = rest.substr(slash);
    rest.resize(slash);
    while (!t.base.empty() && t.base.back() == '/') t.base.pop_back();
  }
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon + 1 == rest.size() || rest.back() == ']') {
    t.host = rest;
    t.port = "80";
  } else {
    t.host = rest.substr(0, colon);
    t.port = rest.substr(colon + 1);
  }
  if (t.host.size() > 2 && t.host.front() == '[' && t.host.back() == ']')
    t.host = t.host.substr(1, t.host.size() - 2);
  if (t.host.empty() || t.port.find_first_not_of("0123456789") != std::string::npos) {
    *error = "--url has no valid host and port: " + url;
    return std::nullopt;
  }
  return t;
}

// A JSON string literal (RFC 8259 section 7) of UTF-8 text.
std::string JsonString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8 + 2);
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x",
                        static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

// "BIC TOKEN" a line ('#' starts a comment); BICs compared in their 11-character form.
std::string Bic11(std::string bic) { return bic.size() == 8 ? bic + "XXX" : bic; }

std::optional<std::map<std::string, std::string>> ReadTokens(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << kCommand << ": cannot read --tokens " << path << "\n";
    return std::nullopt;
  }
  std::map<std::string, std::string> tokens;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.find(' ');
    if (space == std::string::npos || space + 1 == line.size()) {
      std::cerr << kCommand << ": " << path << ":" << n << ": want \"BIC TOKEN\"\n";
      return std::nullopt;
    }
    tokens[Bic11(line.substr(0, space))] = line.substr(space + 1);
  }
  return tokens;
}

struct Settings {
  Target target;
  size_t connections = 64;
  double rate = 0;   // documents per second; 0: closed loop
  size_t batch = 0;  // 0: single documents
  double duration_seconds = 120;
  bool progress = false;
};

// One pre-built document: its credit, its bank and both request forms.
struct Doc {
  size_t credit = 0;
  size_t bank = 0;
  bool expect_accepted = true;
  std::string request;  // the whole POST /v1/documents request (single mode)
  std::string line;     // its NDJSON line (batch mode)
};

// One request in flight on a connection.
struct Work {
  std::vector<size_t> docs;
  const std::string* request = nullptr;  // points into a Doc or at `owned`
  std::string owned;
  SteadyClock::time_point intended;
};

// What to send next, and the tally of answers. Single-threaded: every call comes from
// the one thread that runs the io_context.
class Load {
 public:
  Load(Settings settings, std::vector<Doc> docs, size_t credits, size_t banks,
       std::vector<std::string> batch_heads)
      : settings_(std::move(settings)),
        docs_(std::move(docs)),
        credits_(credits),
        ready_(banks),
        batch_heads_(std::move(batch_heads)) {
    for (size_t i = 0; i < docs_.size(); ++i) credits_[docs_[i].credit].pending.push_back(i);
    for (size_t c = 0; c < credits_.size(); ++c) {
      if (!credits_[c].pending.empty())
        ready_[docs_[credits_[c].pending.front()].bank].push_back(c);
    }
    untaken_ = docs_.size();
    latencies_ns_.reserve(docs_.size());
  }

  const Settings& settings() const { return settings_; }

  void Start() {
    start_ = SteadyClock::now();
    deadline_ = start_ + std::chrono::duration_cast<SteadyClock::duration>(
                             std::chrono::duration<double>(settings_.duration_seconds));
  }
  SteadyClock::time_point start() const { return start_; }

  // The next request's intended send time: now in a closed loop; the next slot of the
  // fixed schedule in an open loop.
  SteadyClock::time_point NextSlot() {
    if (settings_.rate <= 0) return SteadyClock::now();
    const double per_request =
        static_cast<double>(std::max<size_t>(settings_.batch, 1)) / settings_.rate;
    return start_ + std::chrono::duration_cast<SteadyClock::duration>(
                        std::chrono::duration<double>(per_request * static_cast<double>(slots_++)));
  }

  // Nothing left to send (everything taken, or the duration is over).
  bool Exhausted() const { return untaken_ == 0 || SteadyClock::now() >= deadline_; }
  // Nothing left to send and nothing in flight.
  bool Finished() const { return Exhausted() && in_flight_ == 0; }
  // Connections still open or connecting (Connection counts itself).
  size_t& alive() { return alive_; }
  // Says `what` on stderr the first time only (every connection meets the same failure).
  void ReportOnce(const std::string& what) {
    if (reported_) return;
    reported_ = true;
    std::cerr << (settings_.progress ? "\n" : "") << kCommand << ": " << what << "\n";
  }

  // Fills `work` with the next eligible documents (each the oldest unanswered one of its
  // credit, all from one bank); false when none is eligible now.
  bool Take(Work& work) {
    size_t bank = 0;
    for (size_t b = 1; b < ready_.size(); ++b) {
      if (ready_[b].size() > ready_[bank].size()) bank = b;
    }
    if (ready_[bank].empty()) return false;
    work.docs.clear();
    const size_t max = std::max<size_t>(settings_.batch, 1);
    while (work.docs.size() < max && !ready_[bank].empty()) {
      Credit& credit = credits_[ready_[bank].front()];
      ready_[bank].pop_front();
      work.docs.push_back(credit.pending.front());
      credit.pending.pop_front();
      credit.busy = true;
    }
    untaken_ -= work.docs.size();
    ++in_flight_;
    if (settings_.batch == 0) {
      work.request = &docs_[work.docs.front()].request;
      return true;
    }
    std::string body;
    for (size_t i : work.docs) body += docs_[i].line;
    work.owned = batch_heads_[bank] + std::to_string(body.size()) + "\r\n\r\n" + body;
    work.request = &work.owned;
    return true;
  }

  // The answer to `work`: an HTTP status and body.
  void Answered(const Work& work, unsigned status, std::string_view body) {
    latencies_ns_.push_back((SteadyClock::now() - work.intended).count());
    last_answer_ = SteadyClock::now();
    ++requests_;
    if (settings_.batch == 0) {
      Settle(work.docs.front(), status);
    } else if (status == 200) {
      size_t k = 0;
      size_t pos = 0;
      while (k < work.docs.size() && pos < body.size()) {
        size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        Settle(work.docs[k++], LineStatus(body.substr(pos, end - pos)));
        pos = end + 1;
      }
      while (k < work.docs.size()) Settle(work.docs[k++], 0);  // a missing line
    } else {
      for (size_t i : work.docs) Settle(i, status);
    }
    --in_flight_;
  }

  // No answer: the connection failed. Every document of `work` counts as an error.
  void Failed(const Work& work) {
    ++transport_errors_;
    for (size_t i : work.docs) Settle(i, 0);
    --in_flight_;
  }

  void PrintProgress() {
    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - start_).count();
    const uint64_t done = accepted_ + rejected_;
    const double rate = static_cast<double>(done - progress_done_);
    progress_done_ = done;
    std::fprintf(stderr, "\r%s: %6.1f s  %8llu/%zu docs  %7.0f docs/s  errors %llu   ", kCommand,
                 elapsed, static_cast<unsigned long long>(done), docs_.size(), rate,
                 static_cast<unsigned long long>(errors_));
    std::fflush(stderr);
  }

  // Prints the summary; returns the exit code.
  int Report() {
    if (settings_.progress) std::fprintf(stderr, "\n");
    std::sort(latencies_ns_.begin(), latencies_ns_.end());
    auto pct = [&](double q) {
      if (latencies_ns_.empty()) return 0.0;
      const size_t k = std::min(latencies_ns_.size() - 1,
                                static_cast<size_t>(q * static_cast<double>(latencies_ns_.size())));
      return static_cast<double>(latencies_ns_[k]) / 1e6;
    };
    const double seconds =
        std::max(1e-9, std::chrono::duration<double>(last_answer_ - start_).count());
    const uint64_t documents = accepted_ + rejected_;
    const uint64_t unresolved = docs_.size() - documents - errors_ - skipped_;
    const double docs_per_s = static_cast<double>(documents) / seconds;
    std::printf(
        "%s: http %s loop%s, %zu connections, %s\n", kCommand,
        settings_.rate > 0 ? "open" : "closed",
        settings_.rate > 0
            ? (" at " + std::to_string(static_cast<long>(settings_.rate)) + " docs/s").c_str()
            : "",
        settings_.connections,
        settings_.batch ? ("batches of up to " + std::to_string(settings_.batch)).c_str()
                        : "single documents");
    std::printf(
        "documents %llu (accepted %llu, rejected %llu; %llu not as the workload expects), errors "
        "%llu, "
        "skipped %llu, retried %llu, unresolved %llu\n",
        static_cast<unsigned long long>(documents), static_cast<unsigned long long>(accepted_),
        static_cast<unsigned long long>(rejected_), static_cast<unsigned long long>(unexpected_),
        static_cast<unsigned long long>(errors_), static_cast<unsigned long long>(skipped_),
        static_cast<unsigned long long>(retried_), static_cast<unsigned long long>(unresolved));
    std::printf(
        "%.0f docs/s, %.0f requests/s over %.3f s; latency%s ms: p50 %.2f  p99 %.2f  p99.9 %.2f  "
        "max %.2f\n",
        docs_per_s, static_cast<double>(requests_) / seconds, seconds,
        settings_.rate > 0 ? " from intended send time" : "", pct(0.5), pct(0.99), pct(0.999),
        pct(1.0));
    if (!statuses_.empty()) {
      std::printf("statuses:");
      for (const auto& [status, n] : statuses_)
        std::printf(" %u=%llu", status, static_cast<unsigned long long>(n));
      std::printf("\n");
    }
    // One machine-readable line for scripts (bench/rest_compare.sh).
    std::printf(
        "RESULT mode=%s batch=%zu connections=%zu rate=%.0f documents=%llu requests=%llu "
        "seconds=%.3f "
        "docs_per_s=%.1f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f accepted=%llu "
        "rejected=%llu "
        "unexpected=%llu errors=%llu unresolved=%llu\n",
        settings_.rate > 0 ? "open" : "closed", settings_.batch, settings_.connections,
        settings_.rate, static_cast<unsigned long long>(documents),
        static_cast<unsigned long long>(requests_), seconds, docs_per_s, pct(0.5), pct(0.99),
        pct(0.999), pct(1.0), static_cast<unsigned long long>(accepted_),
        static_cast<unsigned long long>(rejected_), static_cast<unsigned long long>(unexpected_),
        static_cast<unsigned long long>(errors_), static_cast<unsigned long long>(unresolved));
    std::fflush(stdout);
    return errors_ == 0 && unexpected_ == 0 && unresolved == 0 ? kExitOk : kExitNegative;
  }

 private:
  struct Credit {
    std::deque<size_t> pending;
    bool busy = false;
    bool broken = false;  // a document failed: the rest would only be refused out of order
  };

  // A batch answer line's "status" member (the first one: a problem's own status is the
  // same number). 0 when there is none.
  static unsigned LineStatus(std::string_view line) {
    const size_t at = line.find("\"status\"");
    if (at == std::string_view::npos) return 0;
    size_t i = at + 8;
    while (i < line.size() && (line[i] == ' ' || line[i] == ':')) ++i;
    unsigned status = 0;
    for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
      status = status * 10 + (line[i] - '0');
    return status;
  }

  void Settle(size_t i, unsigned status) {
    Doc& doc = docs_[i];
    Credit& credit = credits_[doc.credit];
    ++statuses_[status];
    if (status == 429 || status == 503) {
      // Not recorded: back-pressure or the bank's rate. Send it again later.
      ++retried_;
      credit.pending.push_front(i);
      ++untaken_;
    } else if (status == 201 || status == 422) {
      const bool accepted = status == 201;
      (accepted ? accepted_ : rejected_)++;
      if (accepted != doc.expect_accepted) ++unexpected_;
    } else {
      ++errors_;
      credit.broken = true;
    }
    credit.busy = false;
    if (credit.broken) {
      skipped_ += credit.pending.size();
      untaken_ -= std::min(untaken_, credit.pending.size());
      credit.pending.clear();
    } else if (!credit.pending.empty()) {
      ready_[docs_[credit.pending.front()].bank].push_back(doc.credit);
    }
  }

  Settings settings_;
  std::vector<Doc> docs_;
  std::vector<Credit> credits_;
  std::vector<std::deque<size_t>> ready_;  // per bank: credits whose next document may go
  std::vector<std::string>
      batch_heads_;  // per bank: the batch request head up to Content-Length's value
  size_t untaken_ = 0;
  size_t in_flight_ = 0;
  size_t alive_ = 0;
  bool reported_ = false;
  uint64_t slots_ = 0;
  SteadyClock::time_point start_, deadline_, last_answer_;
  std::vector<int64_t> latencies_ns_;
  uint64_t requests_ = 0, accepted_ = 0, rejected_ = 0, unexpected_ = 0, errors_ = 0, skipped_ = 0,
           retried_ = 0, transport_errors_ = 0, progress_done_ = 0;
  std::map<unsigned, uint64_t> statuses_;
};

// One keep-alive connection: take work, wait for its slot, write, read, repeat. On a
// broken connection the work fails and the connection reconnects (up to 3 times in a
// row without an answer in between).
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(asio::io_context& io, Load& load, tcp::resolver::results_type endpoints)
      : load_(load), endpoints_(std::move(endpoints)), stream_(io), timer_(io) {
    ++load_.alive();
  }
  ~Connection() { --load_.alive(); }

  void Start() { Connect(); }

 private:
  void Connect() {
    stream_.expires_after(std::chrono::seconds(10));
    stream_.async_connect(endpoints_,
                          [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
                            if (ec) {
                              if (++self->failures_ > 3) {
                                self->load_.ReportOnce("cannot connect: " + ec.message());
                                self->Abandon();
                                return;
                              }
                              self->Retry();
                              return;
                            }
                            self->stream_.socket().set_option(tcp::no_delay(true));
                            self->Next();
                          });
  }

  void Retry() {
    timer_.expires_after(std::chrono::milliseconds(100));
    timer_.async_wait([self = shared_from_this()](beast::error_code) {
      beast::error_code ignored;
      self->stream_.socket().close(ignored);
      self->Connect();
    });
  }

  // A connection that cannot reach the server gives up; it sends nothing more.
  void Abandon() {
    beast::error_code ignored;
    stream_.socket().close(ignored);
  }

  void Next() {
    if (load_.Exhausted()) {
      if (load_.Finished()) return Abandon();
      return WaitThen(SteadyClock::now() + std::chrono::milliseconds(5), &Connection::Next);
    }
    work_.intended = load_.NextSlot();
    WaitThen(work_.intended, &Connection::TakeAndSend);
  }

  void WaitThen(SteadyClock::time_point when, void (Connection::*then)()) {
    if (when <= SteadyClock::now()) return (this->*then)();
    timer_.expires_at(when);
    timer_.async_wait([self = shared_from_this(), then](beast::error_code) { ((*self).*then)(); });
  }

  void TakeAndSend() {
    if (load_.Exhausted()) return Next();
    if (!load_.Take(work_)) {
      // Every credit with work left has a document in flight: wait for one to finish.
      // The intended time stays, so the wait counts as latency.
      return WaitThen(SteadyClock::now() + std::chrono::microseconds(500),
                      &Connection::TakeAndSend);
    }
    // A closed loop measures from the actual send; an open loop from the slot.
    if (load_.settings().rate <= 0) work_.intended = SteadyClock::now();
    stream_.expires_after(std::chrono::seconds(60));
    asio::async_write(stream_, asio::buffer(*work_.request),
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        if (ec) return self->Broken();
                        self->Read();
                      });
  }

  void Read() {
    parser_.emplace();
    parser_->body_limit(256u << 20);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       if (ec) return self->Broken();
                       self->failures_ = 0;
                       const auto& response = self->parser_->get();
                       self->load_.Answered(self->work_, response.result_int(), response.body());
                       if (!response.keep_alive()) {
                         beast::error_code ignored;
                         self->stream_.socket().close(ignored);
                         return self->Connect();
                       }
                       self->Next();
                     });
  }

  void Broken() {
    load_.Failed(work_);
    beast::error_code ignored;
    stream_.socket().close(ignored);
    buffer_.clear();
    if (++failures_ > 3) {
      load_.ReportOnce("connections keep failing; giving them up");
      return;
    }
    Connect();
  }

  Load& load_;
  tcp::resolver::results_type endpoints_;
  beast::tcp_stream stream_;
  asio::steady_timer timer_;
  beast::flat_buffer buffer_;
  std::optional<http::response_parser<http::string_body>> parser_;
  Work work_;
  int failures_ = 0;
};

void TickProgress(asio::steady_timer& timer, Load& load) {
  timer.expires_after(std::chrono::seconds(1));
  timer.async_wait([&timer, &load](beast::error_code ec) {
    if (ec || load.Finished() || load.alive() == 0) return;
    load.PrintProgress();
    TickProgress(timer, load);
  });
}

}  // namespace

int RunHttpLoad(const std::vector<std::string>& args) {
  Flags flags("loadgen",
              "Drives a running `lcproc serve` at --url over keep-alive connections with\n"
              "demo-workload documents signed (with the keys under --data-dir/demo-network)\n"
              "before the clock starts, and prints docs/s and p50/p99/p99.9 latency.\n"
              "--rate 0 is a closed loop (as fast as the server answers); --rate R an open\n"
              "loop at R documents/s whose latency runs from each request's intended send\n"
              "time. --batch N sends POST /v1/documents:batch of up to N documents. Exit 0\n"
              "when every document was answered 201 or 422 as the workload expects.");
  flags.Option("url", "URL", "the server, http://HOST:PORT", /*required=*/true);
  flags.Option("data-dir", "DIR", "the server's data directory (for demo-network/*.pem)", true);
  flags.Option("tokens", "FILE", "bearer tokens, one \"BIC TOKEN\" a line", true);
  flags.Option("count", "N", "documents to send", false, "20000");
  flags.Option("connections", "N", "keep-alive connections", false, "64");
  flags.Option("rate", "R", "documents per second (0: closed loop)", false, "0");
  flags.Option("batch", "N", "documents per documents:batch request (0: single documents)", false,
               "0");
  flags.Option("active-credits", "N", "credits open at once (0: 4 x connections x max(batch,1))",
               false, "0");
  flags.Option("prefix", "P", "credit number prefix (default: from the clock, unique per run)",
               false, "");
  flags.Option("duration", "S", "stop sending after S seconds", false, "120");
  flags.Option("seed", "N", "workload seed", false, "1");
  flags.Switch("no-idempotency-key", "send no Idempotency-Key header");
  if (auto exit = flags.Parse(args)) return *exit;

  Settings settings;
  std::string error;
  auto target = ParseUrl(flags.Get("url"), &error);
  if (!target) {
    std::cerr << kCommand << ": " << error << "\n";
    return kExitUsage;
  }
  settings.target = *target;
  size_t count = 0, active = 0;
  uint64_t seed = 1;
  try {
    count = std::stoull(flags.Get("count"));
    settings.connections = std::max<size_t>(1, std::stoull(flags.Get("connections")));
    settings.rate = std::stod(flags.Get("rate"));
    settings.batch = std::stoull(flags.Get("batch"));
    active = std::stoull(flags.Get("active-credits"));
    settings.duration_seconds = std::stod(flags.Get("duration"));
    seed = std::stoull(flags.Get("seed"));
  } catch (const std::exception&) {
    std::cerr << kCommand
              << ": --count, --connections, --rate, --batch, --active-credits, --duration and "
                 "--seed want numbers\n";
    return kExitUsage;
  }
  if (count == 0 || settings.rate < 0 || settings.duration_seconds <= 0) {
    std::cerr << kCommand << ": --count and --duration must be positive, --rate at least 0\n";
    return kExitUsage;
  }
  settings.progress = ::isatty(STDERR_FILENO) != 0;
  if (active == 0) active = 4 * settings.connections * std::max<size_t>(settings.batch, 1);

  auto tokens = ReadTokens(flags.Get("tokens"));
  if (!tokens) return kExitUsage;
  auto network = demo::DemoNetwork::Load(demo::DemoNetworkDir(flags.Get("data-dir")));
  if (!network.ok()) {
    std::cerr << kCommand << ": " << network.status().ToString() << "\n";
    return kExitUsage;
  }
  const auto& banks = network->banks();
  std::vector<std::string> auth(banks.size());
  for (size_t b = 0; b < banks.size(); ++b) {
    auto it = tokens->find(Bic11(banks[b].bic));
    // The load's workload never has the reimbursing bank submit (the benchmarks' classic
    // mix), so a tokens file made before that bank joined the demo network still serves.
    if (it == tokens->end() && b == demo::DemoNetwork::kReimbursing) continue;
    if (it == tokens->end()) {
      std::cerr << kCommand << ": --tokens has no token for " << banks[b].bic << "\n";
      return kExitUsage;
    }
    auth[b] = "Bearer " + it->second;
  }

  // Sign everything before the clock starts.
  SystemClock clock;
  demo::WorkloadOptions w;
  w.seed = seed;
  w.today = trade::Date::FromDays(static_cast<int32_t>(clock.NowMillis() / 86'400'000));
  w.active_credits = active;
  std::string prefix = flags.Get("prefix");
  if (prefix.empty()) {
    // Unique per run within a day's ledger; at most 16 characters with the number.
    prefix = "H" + std::to_string(clock.NowMillis() / 1000 % 100'000'000) + "-";
  }
  w.credit_prefix = prefix;
  if (!flags.IsSet("no-idempotency-key")) w.idempotency_prefix = prefix;
  demo::Workload workload(*network, w);
  auto signed_docs = workload.Take(count);
  if (!signed_docs.ok()) {
    std::cerr << kCommand << ": " << signed_docs.status().ToString() << "\n";
    return kExitNegative;
  }
  const std::string host = settings.target.host.find(':') != std::string::npos
                               ? "[" + settings.target.host + "]:" + settings.target.port
                               : settings.target.host + ":" + settings.target.port;
  std::map<std::string, size_t> credit_ids;
  std::map<std::string, size_t> bank_ids;
  for (size_t b = 0; b < banks.size(); ++b) bank_ids[banks[b].bic] = b;
  std::vector<Doc> docs;
  docs.reserve(signed_docs->size());
  for (auto& d : *signed_docs) {
    const auto& s = d.submission;
    Doc doc;
    doc.credit = credit_ids.emplace(d.credit_number, credit_ids.size()).first->second;
    doc.bank = bank_ids.at(s.submitter);
    if (auth[doc.bank].empty()) {
      std::cerr << kCommand << ": --tokens has no token for " << s.submitter << "\n";
      return kExitUsage;
    }
    doc.expect_accepted = d.expect_accepted;
    if (settings.batch == 0) {
      doc.request =
          "POST " + settings.target.base + "/v1/documents HTTP/1.1\r\nHost: " + host +
          "\r\nAuthorization: " + auth[doc.bank] + "\r\nContent-Type: " + s.content_type +
          "\r\nx-jws-signature: " + s.jws + "\r\n" +
          (s.idempotency_key.empty() ? "" : "Idempotency-Key: " + s.idempotency_key + "\r\n") +
          "Content-Length: " + std::to_string(s.body.size()) + "\r\n\r\n" + s.body;
    } else {
      doc.line =
          "{\"contentType\":" + JsonString(s.content_type) + ",\"body\":" + JsonString(s.body) +
          ",\"jws\":" + JsonString(s.jws) +
          (s.idempotency_key.empty() ? ""
                                     : ",\"idempotencyKey\":" + JsonString(s.idempotency_key)) +
          "}\n";
    }
    docs.push_back(std::move(doc));
  }
  signed_docs->clear();
  std::vector<std::string> batch_heads(banks.size());
  for (size_t b = 0; b < banks.size(); ++b) {
    batch_heads[b] = "POST " + settings.target.base +
                     "/v1/documents:batch HTTP/1.1\r\nHost: " + host +
                     "\r\nAuthorization: " + auth[b] +
                     "\r\nContent-Type: application/x-ndjson\r\nContent-Length: ";
  }

  asio::io_context io(1);
  tcp::resolver resolver(io);
  beast::error_code ec;
  auto endpoints = resolver.resolve(settings.target.host, settings.target.port, ec);
  if (ec) {
    std::cerr << kCommand << ": cannot resolve " << settings.target.host << ": " << ec.message()
              << "\n";
    return kExitUsage;
  }
  Load load(settings, std::move(docs), credit_ids.size(), banks.size(), std::move(batch_heads));
  load.Start();
  for (size_t c = 0; c < settings.connections; ++c) {
    std::make_shared<Connection>(io, load, endpoints)->Start();
  }
  asio::steady_timer progress(io);
  if (settings.progress) TickProgress(progress, load);
  io.run();
  return load.Report();
}

}  // namespace lcproc::cli
