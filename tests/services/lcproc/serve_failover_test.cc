// Several `lcproc serve` instances over one PostgreSQL ledger, as real processes the test
// starts (127.0.0.1, ephemeral ports, a temporary data directory, a throwaway PostgreSQL),
// under a load the test drives itself: a client that follows the leader (503 not-leader
// and its Lcproc-Leader header; on a broken connection, the next instance).
//
//   SigkillOfTheLeaderUnderLoad  10 rounds of SIGKILL of the current leader (restarted
//                                as a follower each round); prints the failover times
//   SigstoppedLeaderIsFencedOut  the leader paused past its lease, another takes over and
//                                commits, the old one resumes: nothing it answers after
//                                resuming is an acknowledgement, nothing it held is written
//   PostgresKilledUnderLoad      pg_ctl stop -m immediate and start again, twice, with the
//                                instances running: they carry on without a restart
//   AFullDiskIs…                 the database on a small tmpfs filled up under load (root:
//                                the test mounts it): 503 disk full, then commits resume
//
// Each ends with the same checks: every acknowledged document is in the ledger exactly
// once at its acknowledged index; every checkpoint any instance signed (in receipts and at
// /v1/ledger/checkpoint) is consistent with the final tree (RFC 9162 consistency proofs
// from the store: one tree, no fork); `lcproc audit --store` passes.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "pipeline/ledger/consistency_proof.h"
#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "services/demo/demo_network.h"
#include "services/demo/demo_node.h"
#include "services/demo/workload.h"
#include "services/store/data_dir.h"
#include "services/store/postgres/postgres_ledger_store.h"
#include "tests/services/lcproc/cli_runner.h"
#include "tests/testing/postgres_server.h"

namespace lcproc::testing {
namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// The instances' --lease-millis: short, so ten rounds stay within a minute; set
// $LCPROC_FAILOVER_LEASE_MILLIS to measure another (3000 is serve's default).
std::string LeaseMillis() {
  const char* env = std::getenv("LCPROC_FAILOVER_LEASE_MILLIS");
  return env != nullptr && *env != '\0' ? env : "1500";
}

// ---- a minimal HTTP/1.1 client (one request per connection) ---------------------------

struct HttpReply {
  int status = 0;                              // 0: no answer (refused, reset, timed out)
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// "http://127.0.0.1:PORT" -> PORT.
int PortOf(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

HttpReply Http(const std::string& url, const std::string& method, const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& headers,
               const std::string& body, std::chrono::milliseconds timeout) {
  HttpReply reply;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return reply;
  timeval tv{static_cast<time_t>(timeout.count() / 1000),
             static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(PortOf(url)));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return reply;
  }
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  req += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (size_t sent = 0; sent < req.size();) {
    ssize_t n = send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      close(fd);
      return reply;
    }
    sent += static_cast<size_t>(n);
  }
  std::string in;
  const auto deadline = Clock::now() + timeout;
  char buf[16384];
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0) {
      in.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR && Clock::now() < deadline) continue;
    break;
  }
  close(fd);
  const size_t head_end = in.find("\r\n\r\n");
  if (in.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) return reply;
  reply.status = std::atoi(in.c_str() + 9);
  size_t pos = in.find("\r\n") + 2;
  while (pos < head_end) {
    size_t eol = in.find("\r\n", pos);
    std::string line = in.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      size_t v = line.find_first_not_of(' ', colon + 1);
      reply.headers[name] = v == std::string::npos ? "" : line.substr(v);
    }
    pos = eol + 2;
  }
  reply.body = in.substr(head_end + 4);
  auto cl = reply.headers.find("content-length");
  if (cl != reply.headers.end() && reply.body.size() < std::stoul(cl->second)) {
    reply.status = 0;  // cut short
  }
  return reply;
}

std::optional<json::object> JsonObject(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return v.as_object();
}

// ---- lcproc serve as a child process ----------------------------------------------------

class ServeProcess {
 public:
  // Starts `lcproc serve` and waits for its "listening on" line.
  ServeProcess(const std::vector<std::string>& args, const std::string& log_path) {
    const char* bin = std::getenv("LCPROC_BIN");
    if (bin == nullptr) throw std::runtime_error("LCPROC_BIN is not set");
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ == 0) {
      // Dies with the test, whatever way the test ends.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(127);
      dup2(out[1], 1);
      int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (log >= 0) dup2(log, 2);
      std::vector<char*> argv{const_cast<char*>(bin), const_cast<char*>("serve")};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(bin, argv.data());
      _exit(127);
    }
    close(out[1]);
    out_ = out[0];
    std::string text;
    const auto deadline = Clock::now() + 90s;
    while (Clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buf[512];
      ssize_t n = read(out_, buf, sizeof buf);
      if (n <= 0) break;
      text.append(buf, static_cast<size_t>(n));
      size_t at = text.find("listening on ");
      size_t eol = text.find('\n', at);
      if (at != std::string::npos && eol != std::string::npos) {
        url_ = text.substr(at + 13, eol - at - 13);
        while (!url_.empty() && url_.back() == '/') url_.pop_back();
        return;
      }
    }
    Kill();
    std::string log = ReadFile(log_path);
    throw std::runtime_error("lcproc serve did not start; its log ends:\n" +
                             log.substr(log.size() > 3000 ? log.size() - 3000 : 0));
  }
  ~ServeProcess() { Kill(); }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  const std::string& url() const { return url_; }
  pid_t pid() const { return pid_; }
  bool alive() const { return pid_ > 0 && kill(pid_, 0) == 0; }
  void Signal(int sig) const {
    if (pid_ > 0) kill(pid_, sig);
  }
  void Kill() {
    if (pid_ <= 0) return;
    kill(pid_, SIGCONT);
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    if (out_ >= 0) close(out_);
    out_ = -1;
  }
  // SIGTERM and wait (SIGKILL after 30 s); the exit status.
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 300; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(100ms);
    }
    Kill();
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string url_;
};

// ---- the load client ---------------------------------------------------------------------

struct Ack {
  crypto::Digest key;  // the replay key: which document
  uint64_t index = 0;
  std::string checkpoint;
  std::string url;  // who answered
  Clock::time_point at;
  bool duplicate = false;
};

// Submits the demo workload from `threads` threads, each one document at a time (a
// credit's documents must arrive in order), until Stop. A document is retried until it
// is recorded: on 503 at the Lcproc-Leader named (else the next instance), on a broken
// connection at the next instance.
class LoadClient {
 public:
  LoadClient(const demo::DemoNetwork& network, std::map<std::string, std::string> tokens,
             std::vector<std::string> urls, int threads, const std::string& prefix)
      : network_(network), tokens_(std::move(tokens)), urls_(std::move(urls)) {
    for (int t = 0; t < threads; ++t) {
      threads_.emplace_back([this, t, prefix] { Run(prefix + std::to_string(t) + "x"); });
    }
  }
  ~LoadClient() { Stop(); }

  void Stop() {
    stop_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  void SetUrls(std::vector<std::string> urls) {
    std::lock_guard lock(mu_);
    urls_ = std::move(urls);
  }
  std::vector<Ack> acks() const {
    std::lock_guard lock(mu_);
    return acks_;
  }
  size_t ack_count() const {
    std::lock_guard lock(mu_);
    return acks_.size();
  }
  std::vector<std::string> problems() const {
    std::lock_guard lock(mu_);
    return problems_;
  }
  // Whether some 503 answer's body contained `text`.
  bool Saw503(const std::string& text) const {
    std::lock_guard lock(mu_);
    for (const std::string& body : bodies_503_) {
      if (body.find(text) != std::string::npos) return true;
    }
    return false;
  }

 private:
  std::string Target(size_t* rotate) {
    std::lock_guard lock(mu_);
    if (!leader_.empty() && std::find(urls_.begin(), urls_.end(), leader_) != urls_.end() &&
        *rotate == 0) {
      return leader_;
    }
    return urls_[(*rotate + next_++) % urls_.size()];
  }
  void Problem(std::string what) {
    std::lock_guard lock(mu_);
    if (problems_.size() < 20) problems_.push_back(std::move(what));
  }

  void Run(const std::string& prefix) {
    demo::WorkloadOptions w;
    w.seed = std::hash<std::string>{}(prefix);
    w.today = trade::Date::FromDays(
        static_cast<int32_t>(std::chrono::duration_cast<std::chrono::hours>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count() /
                             24));
    w.active_credits = 4;
    w.credit_prefix = prefix;
    w.idempotency_prefix = prefix;
    demo::Workload workload(network_, w);
    while (!stop_) {
      auto doc = workload.Next();
      if (!doc.ok()) return Problem("workload: " + doc.status().ToString());
      const engine::Submission& s = doc->submission;
      const crypto::Digest key = ledger_store::ReplayKey(s.jws, s.body);
      std::vector<std::pair<std::string, std::string>> headers = {
          {"Content-Type", s.content_type},
          {"X-JWS-Signature", s.jws},
          {"Authorization", "Bearer " + tokens_.at(s.submitter)},
          {"Idempotency-Key", s.idempotency_key}};
      size_t rotate = 0;
      while (!stop_) {
        const std::string url = Target(&rotate);
        HttpReply r = Http(url, "POST", "/v1/documents", headers, s.body, 3000ms);
        std::optional<json::object> body = JsonObject(r.body);
        const json::object* receipt = nullptr;
        if (body && r.status == 201) receipt = &*body;
        if (body && r.status == 422 && body->if_contains("receipt"))
          receipt = &body->at("receipt").as_object();
        if (receipt != nullptr && receipt->if_contains("ledgerIndex")) {
          std::lock_guard lock(mu_);
          const json::value* duplicate = receipt->if_contains("duplicate");
          acks_.push_back({key, receipt->at("ledgerIndex").to_number<uint64_t>(),
                           std::string(receipt->at("checkpoint").as_string()), url, Clock::now(),
                           duplicate != nullptr && duplicate->is_bool() && duplicate->as_bool()});
          leader_ = url;
          break;
        }
        if (r.status == 503) {
          auto it = r.headers.find("lcproc-leader");
          std::lock_guard lock(mu_);
          if (bodies_503_.size() >= 64) bodies_503_.pop_front();
          bodies_503_.push_back(r.body);
          if (it != r.headers.end() && it->second != url) {
            leader_ = it->second;
            rotate = 0;
          } else {
            leader_.clear();
            ++rotate;
          }
        } else if (r.status == 0) {
          std::lock_guard lock(mu_);
          leader_.clear();
          ++rotate;
        } else {
          Problem(url + " answered " + std::to_string(r.status) + ": " + r.body.substr(0, 300));
          break;  // a wrong answer: the test fails on problems()
        }
        std::this_thread::sleep_for(50ms);
      }
    }
  }

  const demo::DemoNetwork& network_;
  const std::map<std::string, std::string> tokens_;
  mutable std::mutex mu_;
  std::vector<std::string> urls_;
  std::string leader_;
  size_t next_ = 0;
  std::vector<Ack> acks_;
  std::vector<std::string> problems_;
  std::deque<std::string> bodies_503_;
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

// ---- the fixture --------------------------------------------------------------------------

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

class ServeFailoverTest : public ::testing::Test {
 protected:
  ServeFailoverTest() : pg_(PostgresServer::Start({.fsync = false})) {}

  void SetUp() override {
    data_ = dir_.File("data");
    CliRun demo = RunLcproc({"demo", "--data-dir", data_, "--burst", "0"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    uri_ = pg_.CreateDatabase("ledger");
    CliRun migrate = RunLcproc({"migrate", "--from", data_, "--to", uri_});
    ASSERT_EQ(migrate.exit_code, 0) << migrate.err;
    auto network = demo::DemoNetwork::Load(demo::DemoNetworkDir(data_));
    ASSERT_TRUE(network.ok()) << network.status().ToString();
    network_ = std::make_unique<demo::DemoNetwork>(std::move(*network));
    for (const auto& bank : network_->banks()) {
      CliRun token = RunLcproc({"token", "add", "--data-dir", data_, "--bic", bank.bic});
      ASSERT_EQ(token.exit_code, 0) << token.err;
      std::string out = Trim(token.out);
      tokens_[bank.bic] = out.substr(out.rfind('\n') + 1);
    }
    auto vkey = ReadFile(data_ + "/" + store::kVerifierKeyFile);
    auto verifier = ledger::NoteVerifier::FromVerifierKey(Trim(vkey));
    ASSERT_TRUE(verifier.ok()) << verifier.status().ToString();
    verifier_ = std::make_unique<ledger::NoteVerifier>(std::move(*verifier));
  }

  std::unique_ptr<ServeProcess> StartInstance() {
    const std::string log = dir_.File("serve-" + std::to_string(++started_) + ".log");
    return std::make_unique<ServeProcess>(
        std::vector<std::string>{"--data-dir", data_, "--store", uri_, "--listen", "127.0.0.1",
                                 "--port", "0", "--lease-millis", LeaseMillis(), "--io-threads",
                                 "2", "--engine-threads", "1", "--blocking-threads", "2"},
        log);
  }

  static std::optional<json::object> Ready(const std::string& url) {
    HttpReply r = Http(url, "GET", "/readyz", {}, "", 2000ms);
    if (r.status != 200) return std::nullopt;
    return JsonObject(r.body);
  }
  static bool Leads(const std::string& url) {
    auto ready = Ready(url);
    return ready && ready->if_contains("leading") && ready->at("leading").as_bool();
  }
  // The instance that leads, waiting up to `wait` for one to.
  static int Leader(const std::vector<std::unique_ptr<ServeProcess>>& instances,
                    std::chrono::seconds wait = 30s) {
    const auto deadline = Clock::now() + wait;
    while (Clock::now() < deadline) {
      for (size_t i = 0; i < instances.size(); ++i) {
        if (Leads(instances[i]->url())) return static_cast<int>(i);
      }
      std::this_thread::sleep_for(100ms);
    }
    return -1;
  }
  static std::vector<std::string> Urls(const std::vector<std::unique_ptr<ServeProcess>>& list) {
    std::vector<std::string> urls;
    for (const auto& p : list) urls.push_back(p->url());
    return urls;
  }
  // Waits until the client holds `count` acknowledgements (false after `wait`).
  static bool WaitForAcks(const LoadClient& load, size_t count, std::chrono::seconds wait = 60s) {
    const auto deadline = Clock::now() + wait;
    while (load.ack_count() < count) {
      if (Clock::now() > deadline) return false;
      std::this_thread::sleep_for(20ms);
    }
    return true;
  }

  // The ledger's checks: every acknowledgement once at its index; every checkpoint seen
  // (receipts, each instance's /v1/ledger/checkpoint) a prefix of the final tree; audit.
  void CheckLedger(const std::vector<Ack>& acks, const std::vector<std::string>& urls,
                   const std::set<std::string>& never_recorded = {}) {
    auto opened = store::postgres::PostgresLedgerStore::Open(uri_, {.create = false});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    auto& store = **opened;
    auto latest = store.LatestCheckpoint();
    ASSERT_TRUE(latest.ok()) << latest.status().ToString();
    auto head = ledger::VerifyCheckpoint(*verifier_, latest->note);
    ASSERT_TRUE(head.ok()) << head.status().ToString();
    std::map<std::string, std::vector<uint64_t>> where;  // replay key bytes -> indexes
    Status scanned = store.ScanLeaves(0, head->size, [&](uint64_t index, std::string_view leaf) {
      auto entry = ledger_store::DecodeLeaf(leaf);
      if (!entry.ok()) return entry.status();
      where[std::string(crypto::AsBytes(ledger_store::ReplayKey(entry->jws, entry->body)))]
          .push_back(index);
      return Status::Ok();
    });
    ASSERT_TRUE(scanned.ok()) << scanned.ToString();
    std::set<std::string> notes;
    for (const Ack& ack : acks) {
      const auto& found = where[std::string(crypto::AsBytes(ack.key))];
      ASSERT_EQ(found, std::vector<uint64_t>{ack.index})
          << "acknowledged at " << ack.index << " by " << ack.url;
      notes.insert(ack.checkpoint);
    }
    for (const std::string& key : never_recorded) {
      EXPECT_EQ(where.count(key), 0u) << "a document a fenced leader held reached the ledger";
    }
    for (const std::string& url : urls) {
      HttpReply r = Http(url, "GET", "/v1/ledger/checkpoint", {}, "", 5000ms);
      ASSERT_EQ(r.status, 200) << url;
      notes.insert(r.body);
    }
    std::set<uint64_t> sizes;
    for (const std::string& note : notes) {
      auto cp = ledger::VerifyCheckpoint(*verifier_, note);
      ASSERT_TRUE(cp.ok()) << cp.status().ToString();
      ASSERT_LE(cp->size, head->size);
      auto proof = ledger::ConsistencyProof(store, cp->size, head->size);
      ASSERT_TRUE(proof.ok()) << proof.status().ToString();
      Status consistent =
          ledger::VerifyConsistency(cp->size, head->size, cp->root, head->root, *proof);
      EXPECT_TRUE(consistent.ok()) << "checkpoint at " << cp->size << ": " << consistent.ToString();
      sizes.insert(cp->size);
    }
    std::cout << "checked " << acks.size() << " acknowledgements and " << notes.size()
              << " distinct checkpoints (" << sizes.size() << " sizes) against tree size "
              << head->size << std::endl;
    CliRun audit = RunLcproc({"audit", "--data-dir", data_, "--store", uri_});
    EXPECT_EQ(audit.exit_code, 0) << audit.out << audit.err;
  }

  TempDir dir_;
  PostgresServer pg_;
  std::string data_, uri_;
  std::unique_ptr<demo::DemoNetwork> network_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ledger::NoteVerifier> verifier_;
  int started_ = 0;
};

TEST_F(ServeFailoverTest, SigkillOfTheLeaderUnderLoad) {
  std::vector<std::unique_ptr<ServeProcess>> instances;
  for (int i = 0; i < 3; ++i) instances.push_back(StartInstance());
  ASSERT_GE(Leader(instances), 0);
  LoadClient load(*network_, tokens_, Urls(instances), 3, "K");
  ASSERT_TRUE(WaitForAcks(load, 30)) << "no load got through";

  std::vector<double> failover_ms;
  for (int round = 0; round < 10; ++round) {
    const int leader = Leader(instances);
    ASSERT_GE(leader, 0) << "round " << round << ": no leader";
    const std::string killed = instances[leader]->url();
    const auto killed_at = Clock::now();
    instances[leader]->Kill();
    instances[leader] = StartInstance();  // back as a follower
    load.SetUrls(Urls(instances));
    // The first acknowledgement from another instance after the kill.
    std::optional<Clock::time_point> first;
    const auto deadline = killed_at + 60s;
    while (!first && Clock::now() < deadline) {
      for (const Ack& a : load.acks()) {
        if (a.at > killed_at && a.url != killed) {
          first = a.at;
          break;
        }
      }
      if (!first) std::this_thread::sleep_for(20ms);
    }
    ASSERT_TRUE(first) << "round " << round << ": nothing acknowledged after the kill";
    failover_ms.push_back(std::chrono::duration<double, std::milli>(*first - killed_at).count());
    std::cout << "round " << round << ": failover " << failover_ms.back() << " ms" << std::endl;
    ASSERT_TRUE(WaitForAcks(load, load.ack_count() + 10)) << "round " << round;
  }
  load.Stop();
  EXPECT_EQ(load.problems(), std::vector<std::string>{});
  std::sort(failover_ms.begin(), failover_ms.end());
  const double median = (failover_ms[4] + failover_ms[5]) / 2;
  std::cout << "FAILOVER lease=" << LeaseMillis() << "ms rounds=" << failover_ms.size()
            << " median_ms=" << median << " max_ms=" << failover_ms.back()
            << " acknowledged=" << load.ack_count() << std::endl;
  CheckLedger(load.acks(), Urls(instances));
}

TEST_F(ServeFailoverTest, SigstoppedLeaderIsFencedOut) {
  std::vector<std::unique_ptr<ServeProcess>> instances;
  for (int i = 0; i < 2; ++i) instances.push_back(StartInstance());
  const int a = Leader(instances);
  ASSERT_GE(a, 0);
  const int b = 1 - a;
  const std::string old_url = instances[a]->url();
  LoadClient load(*network_, tokens_, Urls(instances), 2, "S");
  ASSERT_TRUE(WaitForAcks(load, 20));

  instances[a]->Signal(SIGSTOP);
  const auto stopped_at = Clock::now();
  // Documents sent to the paused leader: they wait in its socket backlog and engine.
  demo::WorkloadOptions w;
  w.today = trade::Date::FromDays(
      static_cast<int32_t>(std::chrono::duration_cast<std::chrono::hours>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count() /
                           24));
  w.credit_prefix = "P";
  w.active_credits = 3;
  demo::Workload probes(*network_, w);
  std::set<std::string> probe_keys;
  std::vector<std::thread> probe_threads;
  std::mutex probe_mu;
  std::vector<HttpReply> probe_replies;
  for (int i = 0; i < 3; ++i) {
    auto doc = probes.Next();
    ASSERT_TRUE(doc.ok());
    const engine::Submission s = doc->submission;
    probe_keys.insert(std::string(crypto::AsBytes(ledger_store::ReplayKey(s.jws, s.body))));
    probe_threads.emplace_back([&, s] {
      HttpReply r = Http(old_url, "POST", "/v1/documents",
                         {{"Content-Type", s.content_type},
                          {"X-JWS-Signature", s.jws},
                          {"Authorization", "Bearer " + tokens_.at(s.submitter)}},
                         s.body, 60000ms);
      std::lock_guard lock(probe_mu);
      probe_replies.push_back(std::move(r));
    });
  }
  // Another instance takes over and commits.
  const auto deadline = Clock::now() + 30s;
  while (!Leads(instances[b]->url()) && Clock::now() < deadline) std::this_thread::sleep_for(50ms);
  ASSERT_TRUE(Leads(instances[b]->url())) << "the follower never took over";
  const size_t before = load.ack_count();
  ASSERT_TRUE(WaitForAcks(load, before + 20));
  std::cout << "paused " << std::chrono::duration<double>(Clock::now() - stopped_at).count()
            << " s; resuming the old leader" << std::endl;
  const auto resumed_at = Clock::now();
  instances[a]->Signal(SIGCONT);
  for (auto& t : probe_threads) t.join();
  ASSERT_TRUE(WaitForAcks(load, load.ack_count() + 20));
  // The old leader steps down once it sees the fence.
  const auto follow_deadline = Clock::now() + 15s;
  while (Leads(old_url) && Clock::now() < follow_deadline) std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(Leads(old_url));
  load.Stop();
  EXPECT_EQ(load.problems(), std::vector<std::string>{});
  for (const HttpReply& r : probe_replies) {
    EXPECT_EQ(r.status, 503) << "the resumed old leader answered " << r.status << ": " << r.body;
    auto problem = JsonObject(r.body);
    std::cout << "held by the paused leader, answered after resuming: " << r.status << " "
              << (problem && problem->if_contains("detail") ? problem->at("detail").as_string()
                                                            : json::string(r.body))
              << std::endl;
  }
  // After resuming, the old leader must never write: no new entry (an acknowledgement that
  // is not a duplicate) at or past the first entry the new leader wrote. Either instance may
  // answer a retry of a document already in the shared ledger as a duplicate with its index,
  // whoever wrote it (the old leader before the pause: its answer was lost to the client's
  // timeout); CheckLedger checks every acknowledgement's document is at that index, once.
  uint64_t new_leader_first = UINT64_MAX;
  for (const Ack& ack : load.acks()) {
    if (ack.url == instances[b]->url() && !ack.duplicate) {
      new_leader_first = std::min(new_leader_first, ack.index);
    }
  }
  ASSERT_NE(new_leader_first, UINT64_MAX);
  for (const Ack& ack : load.acks()) {
    if (ack.url != old_url || ack.at <= resumed_at) continue;
    std::cout << "the resumed old leader answered a retry with index " << ack.index
              << (ack.duplicate ? " (duplicate)" : "") << "; the new leader's first entry is "
              << new_leader_first << std::endl;
    if (!ack.duplicate) {
      EXPECT_LT(ack.index, new_leader_first)
          << "the old leader acknowledged a new entry after resuming";
    }
  }
  EXPECT_TRUE(instances[a]->alive());
  CheckLedger(load.acks(), Urls(instances), probe_keys);
}

TEST_F(ServeFailoverTest, PostgresKilledUnderLoad) {
  std::vector<std::unique_ptr<ServeProcess>> instances;
  for (int i = 0; i < 2; ++i) instances.push_back(StartInstance());
  ASSERT_GE(Leader(instances), 0);
  LoadClient load(*network_, tokens_, Urls(instances), 2, "Q");
  ASSERT_TRUE(WaitForAcks(load, 20));
  for (int round = 0; round < 2; ++round) {
    pg_.Stop("immediate");
    std::this_thread::sleep_for(1s);
    pg_.StartAgain();
    const auto restarted_at = Clock::now();
    ASSERT_TRUE(WaitForAcks(load, load.ack_count() + 20)) << "round " << round;
    size_t after = 0;
    for (const Ack& a : load.acks()) after += a.at > restarted_at;
    EXPECT_GT(after, 0u);
  }
  load.Stop();
  EXPECT_EQ(load.problems(), std::vector<std::string>{});
  for (const auto& p : instances) EXPECT_TRUE(p->alive()) << p->url();
  CheckLedger(load.acks(), Urls(instances));
}

// The ledger's database on a filesystem of its own (a 24 MiB tmpfs as a tablespace: the
// test mounts it, so it runs as root), filled up under load: commits fail with PostgreSQL's
// disk-full error, answered 503 (retryable, nothing recorded); once space is back the same
// instance commits again without a restart, and the ledger checks hold.
TEST_F(ServeFailoverTest, AFullDiskIsAnsweredRetryableAndCommitsResumeWhenSpaceReturns) {
  ASSERT_EQ(geteuid(), 0u) << "this test mounts a small tmpfs for PostgreSQL: run it as root";
  // Its own directory under /tmp (the test's directory is root's alone, and the server
  // runs as postgres), mounted over, then owned by the server's user.
  std::string small = (std::filesystem::temp_directory_path() / "lcproc-full-XXXXXX").string();
  ASSERT_NE(mkdtemp(small.data()), nullptr);
  struct Unmount {
    std::string path;
    ~Unmount() {
      umount2(path.c_str(), MNT_DETACH);
      rmdir(path.c_str());
    }
  } unmount{small};
  ASSERT_EQ(mount("tmpfs", small.c_str(), "tmpfs", 0, "size=24m,mode=0700"), 0)
      << "mount tmpfs: " << strerror(errno);
  const passwd* pg_user = getpwnam("postgres");
  ASSERT_NE(pg_user, nullptr);
  ASSERT_EQ(chown(small.c_str(), pg_user->pw_uid, pg_user->pw_gid), 0);
  pg_.Psql("CREATE TABLESPACE small LOCATION '" + small + "'");
  pg_.Psql("ALTER DATABASE ledger SET TABLESPACE small");

  std::vector<std::unique_ptr<ServeProcess>> instances;
  instances.push_back(StartInstance());
  ASSERT_GE(Leader(instances), 0);
  {
    LoadClient load(*network_, tokens_, Urls(instances), 2, "D");
    ASSERT_TRUE(WaitForAcks(load, 20));
    // Take every free byte of the filesystem.
    const std::string filler = small + "/filler";
    {
      std::ofstream out(filler, std::ios::binary);
      const std::string block(64 * 1024, 'x');
      while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
      }
    }
    const auto deadline = Clock::now() + 60s;
    while (!load.Saw503("disk is full") && Clock::now() < deadline) {
      std::this_thread::sleep_for(50ms);
    }
    EXPECT_TRUE(load.Saw503("disk is full")) << "no commit failed for want of space";
    std::remove(filler.c_str());
    const size_t before = load.ack_count();
    ASSERT_TRUE(WaitForAcks(load, before + 20)) << "commits did not resume once space was back";
    load.Stop();
    EXPECT_EQ(load.problems(), std::vector<std::string>{});
    EXPECT_TRUE(instances[0]->alive());
    CheckLedger(load.acks(), Urls(instances));
  }
  for (auto& p : instances) p->Kill();
  pg_.Psql("DROP DATABASE ledger");
  pg_.Psql("DROP TABLESPACE small");
}

}  // namespace
}  // namespace lcproc::testing
