// The whole engine under Google Benchmark, in process (no HTTP): pre-signed documents
// of the demo workload (issuances, advices, amendments, presentations of five documents,
// refusals, waivers, payments; services/demo/workload.h) go through decode, JWS
// verification, UCP 600 checks, the lifecycle, batching, the SQLite commit and the
// signed checkpoint, and are acknowledged.
//
//   BM_Pipeline/<alg>/<threads>/<durable>   alg 0 ES256, 1 EdDSA; threads 0 = all cores;
//                                           durable 1 = synchronous=FULL, 0 = OFF
// Counters: items_per_second (docs/s, submit of the first to acknowledgement of the
// last), p50_us / p99_us (submit -> acknowledge), rss_mib (peak RSS, getrusage),
// cpu_us_per_doc (process CPU time over the run / documents: robust on a shared machine),
// ledger_bytes_per_entry (database + WAL after the run / entries), signed_bytes (average
// body + JWS), the per-stage mean latencies of EngineStats (stage_<name>_us), and
// allocs_per_doc (heap allocations of the whole process over the run / documents) when
// bench/malloc_count.c is preloaded.
//   BM_PipelineStore/<alg>/<store>          the same, all cores, durable, on store 0 SQLite
//                                           or 1 PostgreSQL (a throwaway server this
//                                           binary starts: initdb + pg_ctl, fsync on,
//                                           synchronous_commit on; see
//                                           tests/testing/postgres_server.h), with
//                                           commit_p50_us / commit_p99_us: the store's
//                                           Commit alone, timed around each call
//   BM_PipelineLatency/<alg>/<window>       all cores, durable, `window` submissions
//                                           outstanding
//   BM_PipelineAtRate/<alg>/<percent>       all cores, durable: a run at saturation, then
//                                           one offering `percent` of its docs/s on a
//                                           fixed schedule (open loop); p50/p99 from each
//                                           document's scheduled time
// Environment: LCPROC_BENCH_DOCS (documents per run), LCPROC_BENCH_DIR,
// LCPROC_BENCH_PERF_CTL (a perf --control fifo: see PerfControl), and the engine
// settings LCPROC_BENCH_BATCH_ENTRIES, LCPROC_BENCH_BATCH_MILLIS, LCPROC_BENCH_TOKENS.
// bench/pipeline_compare.sh sets these beside `openssl speed`.
#include <dlfcn.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>

#include "pipeline/crypto/jws.h"
#include "pipeline/engine/heap_tuning.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/rulebook/trade_rules.h"
#include "services/demo/demo_node.h"
#include "services/demo/workload.h"
#include "tests/testing/postgres_server.h"

namespace lcproc::demo {
namespace {

using Clock = std::chrono::steady_clock;

size_t EnvOr(const char* name, size_t fallback) {
  const char* n = std::getenv(name);
  return n ? std::stoul(n) : fallback;
}

size_t DocumentsPerRun() { return EnvOr("LCPROC_BENCH_DOCS", 20000); }

// Forwards every call to the real store and times each Commit.
class TimedStore final : public ledger_store::LedgerStore {
 public:
  explicit TimedStore(ledger_store::LedgerStore& inner, std::vector<int64_t>& commit_ns)
      : inner_(inner), commit_ns_(commit_ns) {}
  Status Commit(const ledger_store::CommitBatch& batch) override {
    auto start = Clock::now();
    Status s = inner_.Commit(batch);
    commit_ns_.push_back((Clock::now() - start).count());  // the committer's thread only
    return s;
  }
  Result<uint64_t> Size() const override { return inner_.Size(); }
  Result<ledger_store::StoredCheckpoint> LatestCheckpoint() const override {
    return inner_.LatestCheckpoint();
  }
  Result<std::string> CheckpointAt(uint64_t size) const override {
    return inner_.CheckpointAt(size);
  }
  Result<std::string> ReadLeaf(uint64_t index) const override { return inner_.ReadLeaf(index); }
  Result<std::vector<uint64_t>> FindByReplayKey(const crypto::Digest& key) const override {
    return inner_.FindByReplayKey(key);
  }
  Result<std::vector<uint64_t>> FindByIdempotencyKey(std::string_view submitter,
                                                     std::string_view key) const override {
    return inner_.FindByIdempotencyKey(submitter, key);
  }
  Result<std::vector<uint64_t>> EntriesForCredit(std::string_view credit) const override {
    return inner_.EntriesForCredit(credit);
  }
  Result<ledger_store::CreditRow> ReadCredit(std::string_view reference) const override {
    return inner_.ReadCredit(reference);
  }
  Result<std::vector<ledger_store::CreditRow>> ListCredits(
      const ledger_store::CreditQuery& query) const override {
    return inner_.ListCredits(query);
  }
  Result<std::vector<uint64_t>> EntriesForParty(std::string_view bic, uint64_t begin,
                                                size_t limit) const override {
    return inner_.EntriesForParty(bic, begin, limit);
  }
  Status ScanLeaves(uint64_t begin, uint64_t end, const LeafVisitor& visit) const override {
    return inner_.ScanLeaves(begin, end, visit);
  }
  Status ScanDuplicateKeys(const DuplicateKeyVisitor& visit) const override {
    return inner_.ScanDuplicateKeys(visit);
  }
  Status ScanCheckpoints(const CheckpointVisitor& visit) const override {
    return inner_.ScanCheckpoints(visit);
  }
  Result<std::string> ReadTile(uint8_t level, uint64_t index, uint16_t min_width) const override {
    return inner_.ReadTile(level, index, min_width);
  }

 private:
  ledger_store::LedgerStore& inner_;
  std::vector<int64_t>& commit_ns_;
};

// One PostgreSQL server for the whole binary, started on first use (fsync on: the
// durable figure), a fresh database per run.
std::string FreshPostgresDatabase() {
  static testing::PostgresServer server = testing::PostgresServer::Start({.fsync = true});
  static int runs = 0;
  return server.CreateDatabase("bench" + std::to_string(++runs));
}

std::string BenchDir() {
  const char* d = std::getenv("LCPROC_BENCH_DIR");
  return (d ? std::string(d) : std::filesystem::temp_directory_path().string()) + "/lcproc-bench-" +
         std::to_string(::getpid());
}

uint64_t DirectoryBytes(const std::string& dir, const std::string& prefix) {
  uint64_t total = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) total += e.file_size();
  }
  return total;
}

// Heap allocations so far in the whole process, when bench/malloc_count.c is preloaded
// (LD_PRELOAD=.../liblcproc_malloc_count.so); -1 otherwise.
double MallocCount() {
  using CountFn = unsigned long (*)();
  static const auto count = reinterpret_cast<CountFn>(::dlsym(RTLD_DEFAULT, "lcproc_malloc_count"));
  return count ? static_cast<double>(count()) : -1;
}

// `perf record --control fifo:PATH -D -1` profiles only the timed part of each run when
// LCPROC_BENCH_PERF_CTL names the same fifo: signing the workload stays out of the profile.
void PerfControl(const char* command) {
  static const char* path = std::getenv("LCPROC_BENCH_PERF_CTL");
  if (path == nullptr) return;
  if (std::FILE* f = std::fopen(path, "w")) {
    std::fputs(command, f);
    std::fclose(f);
  }
}

double ProcessCpuSeconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// One run's settings. `window`: most submissions the bench keeps outstanding (0: as
// many as the engine takes, i.e. saturation, where latency is mostly queueing). `rate`:
// documents per second offered on a fixed schedule, open loop (0: as fast as the engine
// takes them); latency is then measured from each document's scheduled time, so a
// stalled engine is charged for the documents that would have arrived meanwhile.
struct RunConfig {
  KeyPlan plan = KeyPlan::kAllEs256;
  int threads = 0;
  bool durable = true;
  size_t window = 0;
  bool postgres = false;
  double rate = 0;
};

struct RunResult {
  size_t documents = 0;
  double seconds = 0;  // submit of the first to acknowledgement of the last
  std::map<std::string, double> counters;
};

Result<RunResult> RunOnce(const RunConfig& config) {
  const size_t count = DocumentsPerRun();
  std::vector<int64_t> commit_ns;
  const std::string dir = BenchDir();
  std::filesystem::remove_all(dir);
  DemoNodeOptions options;
  options.keys = config.plan;
  options.engine.threads = config.threads;
  // Overrides for choosing the defaults by measurement (see readme-perf.md).
  options.engine.batch_max_entries =
      EnvOr("LCPROC_BENCH_BATCH_ENTRIES", options.engine.batch_max_entries);
  options.engine.batch_max_millis = static_cast<int64_t>(
      EnvOr("LCPROC_BENCH_BATCH_MILLIS", static_cast<size_t>(options.engine.batch_max_millis)));
  options.engine.tokens = EnvOr("LCPROC_BENCH_TOKENS", options.engine.tokens);
  options.store.durable = config.durable;
  if (config.postgres) {
    try {
      options.store.store = FreshPostgresDatabase();
    } catch (const std::exception& e) {
      return Unavailable(e.what());
    }
  }
  commit_ns.reserve(count);
  options.wrap_store = [&commit_ns](ledger_store::LedgerStore& inner) {
    return std::make_unique<TimedStore>(inner, commit_ns);
  };
  auto node = DemoNode::Open(dir, options);
  if (!node.ok()) return node.status();
  WorkloadOptions w;
  w.today = trade::Date::FromDays(static_cast<int32_t>((*node)->clock().NowMillis() / 86'400'000));
  w.active_credits = 256;
  Workload workload((*node)->network(), w);
  auto docs = workload.Take(count);
  if (!docs.ok()) return docs.status();
  uint64_t signed_bytes = 0;
  for (auto& d : *docs) {
    signed_bytes += d.submission.body.size() + d.submission.jws.size();
    d.submission.received_millis = (*node)->clock().NowMillis();
  }
  const size_t window = config.window;
  std::vector<int64_t> latency_ns(count);
  std::atomic<size_t> done{0}, wrong{0};
  std::mutex mu;
  std::condition_variable cv;
  const double cpu_before = ProcessCpuSeconds();
  const double mallocs_before = MallocCount();
  PerfControl("enable\n");

  const auto start = Clock::now();
  const auto interval = std::chrono::duration<double>(config.rate > 0 ? 1.0 / config.rate : 0);
  for (size_t i = 0; i < count; ++i) {
    // Moved, not copied, as a gateway hands a request's body to the engine; a
    // submission refused by back-pressure comes back and is offered again.
    auto pending = std::make_unique<engine::Submission>(std::move((*docs)[i].submission));
    if (window != 0 && i >= window) {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return i - done.load() < window; });
    }
    std::optional<Clock::time_point> due;
    if (config.rate > 0) {
      due = start + std::chrono::duration_cast<Clock::duration>(interval * static_cast<double>(i));
      if (Clock::now() < *due) std::this_thread::sleep_until(*due);
    }
    for (;;) {
      const auto submitted = due.value_or(Clock::now());
      engine::Admission admission =
          (*node)->engine().Submit(std::move(pending), [&, i, submitted](engine::Outcome o) {
            latency_ns[i] = (Clock::now() - submitted).count();
            if (o.verdict != engine::Verdict::kAccepted) wrong.fetch_add(1);
            const size_t finished = done.fetch_add(1) + 1;
            if (finished == count || window != 0) {
              std::lock_guard lock(mu);
              cv.notify_all();
            }
          });
      if (admission.ok()) break;
      if (admission.status.code() != StatusCode::kResourceExhausted) return admission.status;
      pending = std::move(admission.returned);
      // Back-pressure: max_in_flight submissions (~1 s of work at saturation) are in
      // the engine. Retry after 1 ms: polling every 50 us copied and freed a body per
      // try and woke this thread 20k times a second, CPU charged to cpu_us_per_doc.
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return done.load() == count; });
  }
  RunResult result;
  result.documents = count;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();

  PerfControl("disable\n");
  const double cpu_seconds = ProcessCpuSeconds() - cpu_before;
  const double mallocs = MallocCount() - mallocs_before;
  auto& counters = result.counters;
  // Every thread's allocations (engine, committer, this submitter) per document.
  if (mallocs_before >= 0) counters["allocs_per_doc"] = mallocs / count;
  const engine::EngineStats stats = (*node)->engine().stats();
  // CPU of every thread (engine, committer, this submitter) per document: what the
  // machine can do at most, cores / cpu_us_per_doc, whatever else runs beside us.
  counters["cpu_us_per_doc"] = cpu_seconds * 1e6 / count;
  node->reset();
  std::sort(latency_ns.begin(), latency_ns.end());
  counters["p50_us"] = latency_ns[count / 2] / 1e3;
  counters["p99_us"] = latency_ns[count * 99 / 100] / 1e3;
  counters["not_accepted"] = static_cast<double>(wrong.load());
  std::sort(commit_ns.begin(), commit_ns.end());
  if (!commit_ns.empty()) {
    counters["commits"] = static_cast<double>(commit_ns.size());
    counters["commit_p50_us"] = commit_ns[commit_ns.size() / 2] / 1e3;
    counters["commit_p99_us"] = commit_ns[commit_ns.size() * 99 / 100] / 1e3;
  }
  counters["signed_bytes"] = static_cast<double>(signed_bytes) / count;
  counters["ledger_bytes_per_entry"] =
      static_cast<double>(DirectoryBytes(dir, "lcproc.db")) / count;
  counters["batch_mean"] =
      stats.batches ? static_cast<double>(stats.batch_entries) / stats.batches : 0;
  for (size_t s = 0; s < engine::kStageCount; ++s) {
    const auto& st = stats.stages[s];
    if (st.count == 0) continue;
    counters["stage_" + std::string(engine::StageName(static_cast<engine::Stage>(s))) + "_us"] =
        st.total_ns / 1e3 / st.count;
  }
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  counters["rss_mib"] = usage.ru_maxrss / 1024.0;
  std::filesystem::remove_all(dir);
  return result;
}

void Report(benchmark::State& state, const RunResult& r) {
  state.SetIterationTime(r.seconds);
  for (const auto& [name, value] : r.counters) state.counters[name] = value;
  state.SetItemsProcessed(state.items_processed() + static_cast<int64_t>(r.documents));
}

void RunPipeline(benchmark::State& state, const RunConfig& config) {
  for (auto _ : state) {
    auto r = RunOnce(config);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      break;
    }
    Report(state, *r);
  }
}

KeyPlan PlanOf(int64_t alg) { return alg == 0 ? KeyPlan::kAllEs256 : KeyPlan::kAllEdDsa; }

void BM_Pipeline(benchmark::State& state) {
  RunPipeline(state, {.plan = PlanOf(state.range(0)),
                      .threads = static_cast<int>(state.range(1)),
                      .durable = state.range(2) != 0});
}

void BM_PipelineStore(benchmark::State& state) {
  RunPipeline(state, {.plan = PlanOf(state.range(0)), .postgres = state.range(1) != 0});
}

// Latency at a moderate load: 64 submissions outstanding (as 64 bank connections each
// waiting for its receipt), all cores, durable.
void BM_PipelineLatency(benchmark::State& state) {
  RunPipeline(state,
              {.plan = PlanOf(state.range(0)), .window = static_cast<size_t>(state.range(1))});
}

// Latency at a fixed share of the maximum rate, open loop, all cores, durable: one run at
// saturation finds the maximum docs/s, a second offers `percent` of it on a fixed
// schedule (as independent banks would, whatever the engine's latency). The counters
// are the paced run's, with max_docs_per_s and offered_docs_per_s.
void BM_PipelineAtRate(benchmark::State& state) {
  const RunConfig saturated{.plan = PlanOf(state.range(0))};
  for (auto _ : state) {
    auto max = RunOnce(saturated);
    if (!max.ok()) {
      state.SkipWithError(max.status().ToString().c_str());
      break;
    }
    RunConfig paced = saturated;
    paced.rate = max->documents / max->seconds * static_cast<double>(state.range(1)) / 100;
    auto r = RunOnce(paced);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      break;
    }
    r->counters["max_docs_per_s"] = max->documents / max->seconds;
    r->counters["offered_docs_per_s"] = paced.rate;
    Report(state, *r);
  }
}

// The per-document work of each stage alone, on one thread, over the same mix: what a
// core can do at most, to compare with the pipeline's docs/s per core.
const std::vector<SignedDocument>& StageDocs() {
  static const DemoNetwork network = DemoNetwork::Generate(KeyPlan::kAllEs256).value();
  static const std::vector<SignedDocument> docs = [] {
    WorkloadOptions w;
    w.today = trade::Date::FromDays(static_cast<int32_t>(SystemClock().NowMillis() / 86'400'000));
    Workload workload(network, w);
    return workload.Take(2000).value();
  }();
  return docs;
}

void BM_Stage_Decode(benchmark::State& state) {
  rulebook::TradeRules rules;
  const auto& docs = StageDocs();
  size_t i = 0;
  for (auto _ : state) {
    const auto& s = docs[i++ % docs.size()].submission;
    benchmark::DoNotOptimize(rules.Decode(s.content_type, s.body));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Stage_Decode);

// Verification alone on 1 and 2 threads: whether the signature check itself scales.
void BM_Stage_VerifyJws(benchmark::State& state) {
  static const DemoNetwork es = DemoNetwork::Generate(KeyPlan::kAllEs256).value();
  static const DemoNetwork ed = DemoNetwork::Generate(KeyPlan::kAllEdDsa).value();
  const DemoBank& bank = (state.range(0) == 0 ? es : ed).issuing();
  const auto& docs = StageDocs();
  std::vector<std::string> jws;
  for (size_t k = 0; k < 256; ++k)
    jws.push_back(crypto::SignDetached(bank.key, docs[k].submission.body).value());
  const crypto::PublicKey& key = bank.key.public_key();
  size_t i = 0;
  for (auto _ : state) {
    const size_t k = i++ % jws.size();
    benchmark::DoNotOptimize(crypto::VerifyDetached(jws[k], docs[k].submission.body, key));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Stage_VerifyJws)
    ->ArgName("alg")
    ->Arg(0)
    ->Arg(1)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime();

// Decode outside the timing; Apply in arrival order with the engine's per-credit states.
void BM_Stage_Apply(benchmark::State& state) {
  rulebook::TradeRules rules;
  const auto& docs = StageDocs();
  std::vector<std::unique_ptr<engine::Rules::Document>> decoded;
  const int64_t now = SystemClock().NowMillis();
  for (auto _ : state) {
    // Apply may move parts of a document into the state: decode afresh, untimed.
    state.PauseTiming();
    decoded.clear();
    for (const auto& d : docs)
      decoded.push_back(rules.Decode(d.submission.content_type, d.submission.body).value());
    state.ResumeTiming();
    std::map<std::string, std::unique_ptr<engine::Rules::CreditState>> credits;
    for (size_t k = 0; k < docs.size(); ++k) {
      auto& current = credits[decoded[k]->credit_number()];
      benchmark::DoNotOptimize(
          rules.Apply(current, *decoded[k], docs[k].submission.submitter, now));
    }
    benchmark::DoNotOptimize(credits);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}
BENCHMARK(BM_Stage_Apply)->Unit(benchmark::kMillisecond);

BENCHMARK(BM_PipelineLatency)
    ->ArgNames({"alg", "window"})
    ->ArgsProduct({{0, 1}, {64}})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK(BM_PipelineAtRate)
    ->ArgNames({"alg", "percent"})
    ->ArgsProduct({{0, 1}, {70}})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK(BM_PipelineStore)
    ->ArgNames({"alg", "store"})
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK(BM_Pipeline)
    ->ArgNames({"alg", "threads", "durable"})
    ->ArgsProduct({{0, 1}, {1, 0}, {1, 0}})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lcproc::demo

// As the lcproc binary does (services/lcproc/main.cc): glibc keeps freed memory, unless
// LCPROC_HEAP_DEFAULTS is set (bench/allocator_compare.sh measures both).
int main(int argc, char** argv) {
  const char* defaults = std::getenv("LCPROC_HEAP_DEFAULTS");
  if (defaults == nullptr || *defaults == '\0') lcproc::engine::TuneHeapForThroughput();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
