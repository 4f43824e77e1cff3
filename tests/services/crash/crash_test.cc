// Crash safety under SIGKILL (issue 5): the real lcproc binary runs `lcproc loadgen` on
// one data directory, is killed at random moments under steady load, and restarted on
// the same directory, at least 20 times. Afterwards:
//   - every acknowledged document (a line of the fsync'ed ack log) is in the ledger
//     exactly once, at the leaf index it was acknowledged with;
//   - after every crash the store opens, its latest checkpoint verifies and its tree
//     size never went backwards; stored checkpoints grow strictly;
//   - the offline audit (AuditLedger: every signature, checkpoint and root) passes;
//   - the processor still works: a final run to completion acknowledges everything.
// LCPROC_CRASH_SEED reproduces a run's kill timings.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/engine/engine.h"
#include "pipeline/ledger_store/ledger_audit.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "pipeline/ledger_store/store_head.h"
#include "services/store/data_dir.h"

namespace lcproc {
namespace {

constexpr int kKills = 22;

int Wait(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// "exited with N" or "killed by signal N", for failure messages (127: exec failed).
std::string Describe(int status) {
  if (WIFEXITED(status)) return "exited with " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "wait status " + std::to_string(status);
}

// A spawned lcproc with its stdout on a pipe. Whatever way the test leaves (a failed
// ASSERT included), the destructor kills and reaps a child still running, so no
// loadgen outlives the test writing into a directory TearDown removed, or holds ctest's
// output pipe open.
class Child {
 public:
  explicit Child(const std::vector<std::string>& args) {
    // argv is built before fork: the child only calls async-signal-safe functions.
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid == 0) {
      // Should the test itself be killed (a ctest timeout), the loadgen dies with it
      // rather than run on for ever as an orphan.
      if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent) ::_exit(126);
      ::dup2(fds[1], STDOUT_FILENO);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    if (pid < 0) {
      ::close(fds[0]);
      return;
    }
    pid_ = pid;
    out_ = fds[0];
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      Wait(pid_);
    }
    if (out_ >= 0) ::close(out_);
  }

  pid_t pid() const { return pid_; }
  int out() const { return out_; }  // the child's stdout
  // Waits for the child to end; its wait status.
  int Reap() {
    int status = Wait(pid_);
    pid_ = -1;
    return status;
  }
  // Kills the child if it still runs and says how it ended.
  std::string Stop() {
    ::kill(pid_, SIGKILL);
    return Describe(Reap());
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

// Reads the child's stdout up to the first newline; false on EOF or after `timeout`.
bool WaitForLine(int fd, std::chrono::milliseconds timeout, std::string& line) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char c;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    if (::read(fd, &c, 1) != 1) return false;
    if (c == '\n') return true;
    line.push_back(c);
  }
  return false;
}

struct Ack {
  std::string key;
  uint64_t leaf = 0;
  uint64_t tree_size = 0;
};

// Complete lines only: a kill may tear the last one, which was then never promised.
std::vector<Ack> ReadAcks(const std::string& path) {
  std::ifstream in(path);
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str();
  std::vector<Ack> acks;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
    std::istringstream line(text.substr(start, nl - start));
    Ack a;
    std::string verdict;
    if (line >> a.key >> a.leaf >> a.tree_size >> verdict) acks.push_back(a);
  }
  return acks;
}

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin = std::getenv("LCPROC_BIN");
    ASSERT_NE(bin, nullptr) << "LCPROC_BIN must name the lcproc binary";
    bin_ = bin;
    dir_ = ::testing::TempDir() + "/lcproc-crash-" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    ack_log_ = dir_ + ".ack";
    std::filesystem::remove(ack_log_);
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    std::filesystem::remove(ack_log_);
  }
  std::vector<std::string> Loadgen(int run, const std::string& count) {
    return {bin_,     "loadgen", "--data-dir",        dir_,      "--ack-log",
            ack_log_, "--run",   std::to_string(run), "--count", count};
  }

  std::string bin_, dir_, ack_log_;
};

TEST_F(CrashTest, AcknowledgedDocumentsSurviveRepeatedSigkill) {
  uint64_t seed = std::random_device{}();
  if (const char* s = std::getenv("LCPROC_CRASH_SEED")) seed = std::stoull(s);
  std::cout << "LCPROC_CRASH_SEED=" << seed << "\n";
  std::mt19937_64 rng(seed);

  uint64_t last_size = 0;
  int kills = 0;
  for (int run = 0; run < kKills; ++run) {
    Child child(Loadgen(run, "0"));
    ASSERT_GT(child.pid(), 0);
    std::string line;
    if (!WaitForLine(child.out(), std::chrono::seconds(60), line)) {
      FAIL() << "run " << run << " did not print its start line in 60 s; it " << child.Stop();
    }
    // Kill somewhere in the first ~half second of load: batches are being verified,
    // committed and acknowledged all the time, so the kill lands at any step.
    std::this_thread::sleep_for(std::chrono::milliseconds(10 + rng() % 500));
    ASSERT_EQ(::kill(child.pid(), SIGKILL), 0);
    int status = child.Reap();
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "run " << run << " ended by itself: " << Describe(status);
    ++kills;

    auto data = store::DataDir::Open(dir_);
    ASSERT_TRUE(data.ok()) << "after kill " << kills << ": " << data.status().ToString();
    Status head = ledger_store::VerifyStoreHead((*data)->store(), (*data)->verifier());
    ASSERT_TRUE(head.ok()) << "after kill " << kills << ": " << head.ToString();
    auto size = (*data)->store().Size();
    ASSERT_TRUE(size.ok());
    EXPECT_GE(*size, last_size) << "tree size went backwards after kill " << kills;
    last_size = *size;
  }
  EXPECT_GE(kills, 20);

  // The processor still works after the crashes: a run to completion acknowledges all.
  Child last(Loadgen(kKills, "300"));
  ASSERT_GT(last.pid(), 0);
  int status = last.Reap();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the last run " << Describe(status);

  auto data = store::DataDir::Open(dir_);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  const ledger_store::LedgerStore& store = (*data)->store();
  auto size = store.Size();
  ASSERT_TRUE(size.ok());
  ASSERT_GE(*size, last_size + 300);

  std::map<std::string, std::vector<uint64_t>> by_key;
  Status scan = store.ScanLeaves(0, *size, [&](uint64_t index, std::string_view leaf) {
    LCPROC_ASSIGN_OR_RETURN(ledger_store::LedgerEntry entry, ledger_store::DecodeLeaf(leaf));
    by_key[entry.idempotency_key].push_back(index);
    return Status::Ok();
  });
  ASSERT_TRUE(scan.ok()) << scan.ToString();

  const std::vector<Ack> acks = ReadAcks(ack_log_);
  ASSERT_GE(acks.size(), 300u);
  for (const Ack& a : acks) {
    auto it = by_key.find(a.key);
    ASSERT_NE(it, by_key.end()) << "acknowledged " << a.key << " is missing";
    ASSERT_EQ(it->second, std::vector<uint64_t>{a.leaf})
        << a.key << " not exactly once at its index";
    EXPECT_GT(a.tree_size, a.leaf) << a.key << ": its checkpoint does not cover it";
    EXPECT_LE(a.tree_size, *size);
  }

  uint64_t previous = 0, checkpoints = 0;
  Status cps = store.ScanCheckpoints([&](uint64_t cp_size, std::string_view) {
    if (cp_size <= previous && checkpoints > 0) return DataLoss("checkpoint sizes do not grow");
    previous = cp_size;
    ++checkpoints;
    return Status::Ok();
  });
  ASSERT_TRUE(cps.ok()) << cps.ToString();
  EXPECT_EQ(previous, *size);

  auto audit = ledger_store::AuditLedger(store, (*data)->registry(), (*data)->verifier());
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  EXPECT_EQ(audit->entries, *size);
  std::cout << kills << " kills, " << acks.size() << " acknowledged, " << *size << " entries, "
            << checkpoints << " checkpoints, audit OK\n";
}

// A kill can cut the ack log's last line short. The next run must not append to that
// fragment: "r3-ab" followed by "r4-1 0 1 accepted" would read as a key never submitted.
TEST_F(CrashTest, RestartCutsOffAnAckLineTornByTheKill) {
  {
    std::ofstream torn(ack_log_, std::ios::binary);
    torn << "r0-1 0 1 accepted\nr0-2 1 2 acc";
  }
  Child run(Loadgen(1, "3"));
  ASSERT_GT(run.pid(), 0);
  const int status = run.Reap();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "loadgen " << Describe(status);

  std::ifstream in(ack_log_, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str().rfind("r0-1 0 1 accepted\nr1-1 0 ", 0), 0u) << text.str();
  const std::vector<Ack> acks = ReadAcks(ack_log_);
  ASSERT_EQ(acks.size(), 4u) << text.str();
  for (size_t i = 1; i < acks.size(); ++i) EXPECT_EQ(acks[i].key, "r1-" + std::to_string(i));
}

}  // namespace
}  // namespace lcproc
