// `lcproc loadgen`: steady load from the demo network through the real engine and
// SQLite store, for the crash-safety tests and for watching a processor work.
//
// Every acknowledged submission (an outcome with a leaf index) is appended to the ack
// log as "<idempotency key> <leaf index> <tree size> <verdict>\n" and the log is
// fsync'ed after it, so a line in the log is a promise the ledger must keep after any
// crash: the crash test kills this process with SIGKILL and checks exactly that.
// Lines are written after the engine's acknowledgement, never before; a kill between
// the two only loses the line, not the promise.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/mutex.h"
#include "services/demo/demo_node.h"
#include "services/demo/workload.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/lcproc/http_load.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "loadgen";

// Appends acknowledgements to a file and fsyncs them, in groups, off the engine's threads.
class AckLog {
 public:
  explicit AckLog(int fd) : fd_(fd), writer_([this] { Write(); }) {}
  ~AckLog() {
    {
      MutexLock lock(mu_);
      closing_ = true;
    }
    cv_.SignalAll();
    writer_.join();
  }
  void Append(std::string line) {
    {
      MutexLock lock(mu_);
      pending_ += line;
    }
    cv_.Signal();
  }
  bool failed() const { return failed_.load(); }

 private:
  void Write() {
    for (;;) {
      std::string out;
      {
        MutexLock lock(mu_);
        while (!closing_ && pending_.empty()) cv_.Wait(mu_);
        if (pending_.empty() && closing_) return;
        out.swap(pending_);
      }
      size_t done = 0;
      while (done < out.size()) {
        ssize_t n = ::write(fd_, out.data() + done, out.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          failed_ = true;
          break;
        }
        done += static_cast<size_t>(n);
      }
      if (::fsync(fd_) != 0) failed_ = true;
    }
  }

  int fd_;
  Mutex mu_;
  CondVar cv_;  // lines pending, or closing
  std::string pending_ GUARDED_BY(mu_);
  bool closing_ GUARDED_BY(mu_) = false;
  std::atomic<bool> failed_{false};
  std::thread writer_;
};

// A kill may cut the log's last line short (a write interrupted part way). That line
// was never a promise; cut it off, so the first line of this run does not run on from
// it and read as a different key. False when the file cannot be read or truncated.
bool DropTornTail(int fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return false;
  off_t end = st.st_size;
  char block[4096];
  while (end > 0) {
    const off_t start =
        end > static_cast<off_t>(sizeof block) ? end - static_cast<off_t>(sizeof block) : 0;
    const ssize_t n = ::pread(fd, block, static_cast<size_t>(end - start), start);
    if (n != end - start) return false;
    for (ssize_t i = n; i > 0; --i) {
      if (block[i - 1] == '\n') {
        const off_t keep = start + i;
        return keep == st.st_size || ::ftruncate(fd, keep) == 0;
      }
    }
    end = start;
  }
  return st.st_size == 0 || ::ftruncate(fd, 0) == 0;
}

int Run(const std::vector<std::string>& args) {
  // With --url: the HTTP mode against a running `lcproc serve` (http_load.h).
  for (const auto& a : args) {
    if (a == "--url" || a.rfind("--url=", 0) == 0) return RunHttpLoad(args);
  }
  Flags flags(kName,
              "Submits a steady stream of signed documents from the demo network to the\n"
              "engine over --data-dir (created when missing) and appends each acknowledged\n"
              "one to --ack-log as \"<idempotency key> <leaf index> <tree size> <verdict>\",\n"
              "fsync'ed after the acknowledgement. Runs until --count documents are\n"
              "answered (0: until killed). Used by the crash-safety tests.\n"
              "With --url it drives a running `lcproc serve` over HTTP instead\n"
              "(`lcproc loadgen --url URL --help`).");
  flags.Option("data-dir", "DIR", "the data directory", /*required=*/true);
  flags.Option("ack-log", "FILE", "where acknowledgements are appended", /*required=*/true);
  flags.Option("run", "N", "distinguishes restarts: credit numbers and keys carry it", false, "0");
  flags.Option("count", "N", "documents to submit (0: until killed)", false, "0");
  flags.Option("in-flight", "N", "most submissions awaiting an answer", false, "256");
  flags.Option("keys", "PLAN", "signing algorithms of a network created now: mixed, es256 or eddsa",
               false, "mixed");
  if (auto exit = flags.Parse(args)) return *exit;
  const std::string run = flags.Get("run");
  uint64_t count = 0, max_in_flight = 0, run_number = 0;
  try {
    run_number = std::stoull(run);
    count = std::stoull(flags.Get("count"));
    max_in_flight = std::max<uint64_t>(1, std::stoull(flags.Get("in-flight")));
  } catch (const std::exception&) {
    return Complain(kExitUsage, kName, "--run, --count and --in-flight want numbers");
  }

  int fd = ::open(flags.Get("ack-log").c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0 || !DropTornTail(fd)) {
    Complain(kExitUsage, kName, "cannot open ", flags.Get("ack-log"), ": ", std::strerror(errno));
    if (fd >= 0) ::close(fd);
    return kExitUsage;
  }
  demo::DemoNodeOptions node_options;
  if (flags.Get("keys") == "es256") {
    node_options.keys = demo::KeyPlan::kAllEs256;
  } else if (flags.Get("keys") == "eddsa") {
    node_options.keys = demo::KeyPlan::kAllEdDsa;
  } else if (flags.Get("keys") != "mixed") {
    ::close(fd);
    return Complain(kExitUsage, kName, "--keys wants mixed, es256 or eddsa");
  }
  auto node = demo::DemoNode::Open(flags.Get("data-dir"), node_options);
  if (!node.ok()) {
    ::close(fd);
    return Complain(kExitNegative, kName, node.status().ToString());
  }
  demo::WorkloadOptions options;
  options.seed = run_number * 7919 + 1;
  options.today =
      trade::Date::FromDays(static_cast<int32_t>((*node)->clock().NowMillis() / 86'400'000));
  options.credit_prefix = "R" + run + "-";
  options.idempotency_prefix = "r" + run + "-";
  demo::Workload workload((*node)->network(), options);

  std::atomic<uint64_t> answered{0}, failed{0};
  std::mutex mu;
  std::condition_variable cv;
  uint64_t in_flight = 0;  // guarded by mu
  {
    AckLog log(fd);
    std::cout << "started at tree size " << (*node)->engine().committed_size() << std::endl;
    for (uint64_t i = 0; count == 0 || i < count; ++i) {
      auto doc = workload.Next();
      if (!doc.ok()) {
        Complain(kExitNegative, kName, doc.status().ToString());
        break;
      }
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return in_flight < max_in_flight; });
        ++in_flight;
      }
      std::string key = doc->submission.idempotency_key;
      auto done = [&, key](engine::Outcome outcome) {
        if (outcome.leaf_index) {
          log.Append(key + " " + std::to_string(*outcome.leaf_index) + " " +
                     std::to_string(outcome.tree_size) + " " +
                     std::string(engine::VerdictName(outcome.verdict)) + "\n");
        } else {
          failed.fetch_add(1);
        }
        answered.fetch_add(1);
        {
          std::lock_guard lock(mu);
          --in_flight;
        }
        cv.notify_all();
      };
      auto submission = std::make_unique<engine::Submission>(std::move(doc->submission));
      submission->received_millis = (*node)->clock().NowMillis();
      for (;;) {
        engine::Admission admission = (*node)->engine().Submit(std::move(submission), done);
        if (admission.ok()) break;
        if (admission.status.code() != StatusCode::kResourceExhausted) {
          return Complain(kExitNegative, kName, admission.status.ToString());
        }
        submission = std::move(admission.returned);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return in_flight == 0; });
  }
  node->reset();
  ::close(fd);
  std::cout << "answered " << answered.load() << ", not acknowledged " << failed.load()
            << std::endl;
  return failed.load() == 0 ? kExitOk : kExitNegative;
}

CommandRegistration kReg({kName, "steady signed load from the demo network (crash tests)", &Run});

}  // namespace
}  // namespace lcproc::cli
