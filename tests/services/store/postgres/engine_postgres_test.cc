// The engine over the PostgreSQL store, with PostgreSQL crashed and restarted
// (immediate shutdown: no shutdown checkpoint, WAL replay) twice under load: every
// acknowledged entry is in the ledger exactly once at its acknowledged index, the
// failures in between are clear Unavailable errors, the same engine goes on committing
// without a restart, and the audit of the whole ledger passes.
#include "services/store/postgres/postgres_ledger_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <future>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "pipeline/engine/engine.h"
#include "pipeline/ledger_store/ledger_audit.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "tests/pipeline/engine/engine_test_env.h"
#include "tests/testing/postgres_server.h"

namespace lcproc::store::postgres {
namespace {

using namespace std::chrono_literals;
using engine::Outcome;
using engine::Verdict;
using engine::testing::EngineTestEnv;

std::string Body(int i) { return "LC" + std::to_string(i) + "|issue|1"; }

class EnginePostgresTest : public ::testing::Test {
 protected:
  EnginePostgresTest()
      : server_(testing::PostgresServer::Start({.fsync = false})),
        uri_(server_.CreateDatabase("ledger")) {}
  void SetUp() override {
    auto store = PostgresLedgerStore::Open(uri_, {.create = true, .resolve_timeout = 30s});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    // The engine cuts batches by the (manual) clock: keep it moving.
    ticker_ = std::thread([this] {
      while (!stop_.load()) {
        env_.clock.Advance(2);
        std::this_thread::sleep_for(1ms);
      }
    });
  }
  void TearDown() override {
    stop_.store(true);
    if (ticker_.joinable()) ticker_.join();
  }

  testing::PostgresServer server_;
  std::string uri_;
  EngineTestEnv env_;
  std::unique_ptr<PostgresLedgerStore> store_;
  std::atomic<bool> stop_{false};
  std::thread ticker_;
};

TEST_F(EnginePostgresTest, EveryAcknowledgedEntrySurvivesImmediateRestartsUnderLoad) {
  constexpr int kDocs = 900;
  constexpr size_t kWindow = 64;
  const std::set<int> restart_at = {300, 600};
  auto engine = env_.Start(*store_, {.batch_max_entries = 16, .batch_max_millis = 2});
  ASSERT_NE(engine, nullptr);

  std::map<int, uint64_t> acknowledged;  // document -> leaf index
  std::vector<int> failed;
  int first_try_after_last_restart = 0;
  auto record = [&](int i, Outcome out) {
    if (out.verdict == Verdict::kAccepted) {
      ASSERT_TRUE(out.leaf_index.has_value());
      acknowledged[i] = *out.leaf_index;
      if (i > *restart_at.rbegin()) ++first_try_after_last_restart;
      return;
    }
    // Not recorded: a clear, retryable error naming the cause.
    EXPECT_EQ(out.verdict, Verdict::kFailed) << out.status.ToString();
    EXPECT_EQ(out.status.code(), StatusCode::kUnavailable) << out.status.ToString();
    EXPECT_FALSE(out.status.message().empty());
    failed.push_back(i);
  };

  std::deque<std::pair<int, std::future<Outcome>>> in_flight;
  for (int i = 0; i < kDocs; ++i) {
    if (restart_at.contains(i)) server_.Restart("immediate");  // with kWindow documents in flight
    in_flight.emplace_back(i, engine->Submit(env_.FromA(Body(i))));
    while (in_flight.size() > kWindow || (i + 1 == kDocs && !in_flight.empty())) {
      auto [doc, future] = std::move(in_flight.front());
      in_flight.pop_front();
      record(doc, future.get());
    }
  }
  // The same engine, without a restart, takes the failed ones again: each is recorded
  // once (a document that did reach the ledger is answered as a duplicate with its index).
  std::vector<int> retry = std::move(failed);
  failed.clear();
  ::testing::Test::RecordProperty("failed_during_restarts", static_cast<int>(retry.size()));
  std::cout << retry.size() << " of " << kDocs << " documents failed during the restarts ("
            << engine->stats().commit_failures << " failed commits); resubmitting them\n";
  for (int i : retry) record(i, engine->Submit(env_.FromA(Body(i))).get());
  EXPECT_TRUE(failed.empty()) << failed.size() << " documents failed twice";
  EXPECT_GT(first_try_after_last_restart, 0);
  engine->Shutdown();

  ASSERT_EQ(acknowledged.size(), static_cast<size_t>(kDocs));
  std::set<uint64_t> indexes;
  for (const auto& [doc, index] : acknowledged) {
    EXPECT_TRUE(indexes.insert(index).second) << "index " << index << " acknowledged twice";
    auto leaf = store_->ReadLeaf(index);
    ASSERT_TRUE(leaf.ok()) << "acknowledged entry " << index << ": " << leaf.status().ToString();
    auto entry = ledger_store::DecodeLeaf(*leaf);
    ASSERT_TRUE(entry.ok());
    EXPECT_EQ(entry->body, Body(doc)) << "at index " << index;
  }
  EXPECT_EQ(*store_->Size(), static_cast<uint64_t>(kDocs));  // nothing twice, nothing extra
  auto audit = ledger_store::AuditLedger(*store_, env_.registry, env_.verifier);
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  EXPECT_EQ(audit->entries, static_cast<uint64_t>(kDocs));
}

}  // namespace
}  // namespace lcproc::store::postgres
