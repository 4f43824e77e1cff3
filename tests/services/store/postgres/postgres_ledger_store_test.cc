// What only the PostgreSQL store does: fencing between instances, and riding out a lost
// connection, a server restart and a read-only server. Against a real server the test
// starts (tests/testing/postgres_server.h). The shared contract is in
// ledger_store_contract_test.cc.
#include "services/store/postgres/postgres_ledger_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "tests/services/store/postgres/postgres_store_test.h"

namespace lcproc::store::postgres {
namespace {

using namespace std::chrono_literals;

using PostgresLedgerStoreTest = PostgresStoreTest;

TEST_F(PostgresLedgerStoreTest, AStaleLeaderIsFencedOutAfterAnotherTakesOver) {
  auto a = OpenStore();
  auto b = OpenStore();
  ASSERT_TRUE(a && b);
  auto lease_a = a->AcquireLease("instance-a", 300ms);
  ASSERT_TRUE(lease_a.ok()) << lease_a.status().ToString();
  EXPECT_EQ(lease_a->term, 1u);
  // While A's lease is live, B cannot take it.
  auto refused = b->AcquireLease("instance-b", 300ms);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(refused.status().message().find("instance-a"), std::string::npos)
      << refused.status().message();

  ledger::MerkleTree tree;
  ASSERT_TRUE(a->Commit(MakeBatch(tree, 5, "a")).ok());

  // A stops renewing (paused, partitioned); once its lease runs out B takes over.
  Result<Lease> lease_b = Unavailable("not yet");
  for (int i = 0; i < 100 && !lease_b.ok(); ++i) {
    std::this_thread::sleep_for(50ms);
    lease_b = b->AcquireLease("instance-b", 10s);
  }
  ASSERT_TRUE(lease_b.ok()) << lease_b.status().ToString();
  EXPECT_EQ(lease_b->term, 2u);
  EXPECT_EQ(lease_b->size, 5u);

  // A wakes up and commits the next batch, at the right size: refused, as term 1.
  ledger::MerkleTree tree_b = tree;
  ledger_store::CommitBatch stale = MakeBatch(tree, 3, "a2");
  Status fenced = a->Commit(stale);
  ASSERT_EQ(fenced.code(), StatusCode::kFailedPrecondition) << fenced.ToString();
  EXPECT_NE(fenced.message().find("fenced"), std::string::npos) << fenced.message();
  EXPECT_EQ(a->RenewLease(10s).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*b->Size(), 5u);

  // B extends the tree; A's batch never appears.
  ledger_store::CommitBatch next = MakeBatch(tree_b, 4, "b");
  ASSERT_TRUE(b->Commit(next).ok());
  EXPECT_TRUE(b->RenewLease(10s).ok());
  EXPECT_EQ(*a->Size(), 9u);
  EXPECT_EQ(a->LatestCheckpoint()->note, next.checkpoint);
  EXPECT_EQ(a->ReadCredit("LC-a2").status().code(), StatusCode::kNotFound);
  auto lease = a->ReadLease();
  ASSERT_TRUE(lease.ok());
  EXPECT_EQ(lease->term, 2u);
  EXPECT_EQ(lease->holder, "instance-b");
  EXPECT_TRUE(lease->live);
}

TEST_F(PostgresLedgerStoreTest, TwoWritersRacingForTheSameSizeNeverFork) {
  auto a = OpenStore();
  auto b = OpenStore();
  ASSERT_TRUE(a && b);
  for (int round = 0; round < 10; ++round) {
    auto size = a->Size();
    ASSERT_TRUE(size.ok());
    auto tree = ledger::MerkleTree::Open(*a, *size);
    ASSERT_TRUE(tree.ok());
    ledger::MerkleTree tree_a = *tree, tree_b = *tree;
    auto batch_a = MakeBatch(tree_a, 20, "a" + std::to_string(round));
    auto batch_b = MakeBatch(tree_b, 20, "b" + std::to_string(round));
    Status sa, sb;
    std::thread ta([&] { sa = a->Commit(batch_a); });
    std::thread tb([&] { sb = b->Commit(batch_b); });
    ta.join();
    tb.join();
    ASSERT_NE(sa.ok(), sb.ok()) << sa.ToString() << " / " << sb.ToString();
    const Status& loser = sa.ok() ? sb : sa;
    EXPECT_EQ(loser.code(), StatusCode::kFailedPrecondition) << loser.ToString();
    EXPECT_EQ(a->LatestCheckpoint()->note, sa.ok() ? batch_a.checkpoint : batch_b.checkpoint);
  }
  EXPECT_EQ(*b->Size(), 200u);
  auto reopened = ledger::MerkleTree::Open(*b, 200);
  EXPECT_TRUE(reopened.ok()) << reopened.status().ToString();
}

TEST_F(PostgresLedgerStoreTest, ReconnectsAfterAnImmediateRestartWithoutLosingACommit) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  ledger::MerkleTree tree;
  auto first = MakeBatch(tree, 10, "x");
  ASSERT_TRUE(store->Commit(first).ok());
  server_.Restart("immediate");  // a crash: no shutdown checkpoint, WAL replay on start
  // Both connections are dead; the store finds out on use and reconnects.
  EXPECT_EQ(*store->Size(), 10u);
  EXPECT_EQ(*store->ReadLeaf(9), first.entries[9].leaf);
  ASSERT_TRUE(store->Commit(MakeBatch(tree, 10, "y")).ok());
  EXPECT_EQ(*store->Size(), 20u);
}

TEST_F(PostgresLedgerStoreTest, ACommitWhileTheServerIsDownFailsClearlyAndTheNextOneWorks) {
  ledger::MerkleTree tree;
  ledger_store::CommitBatch batch;
  auto store = OpenWithABatch(tree, batch);
  ASSERT_TRUE(store);
  server_.Stop("immediate");
  Status down = store->Commit(batch);
  EXPECT_EQ(down.code(), StatusCode::kUnavailable) << down.ToString();
  EXPECT_NE(down.message().find("127.0.0.1:" + std::to_string(server_.port())), std::string::npos)
      << down.message();
  EXPECT_EQ(store->Size().status().code(), StatusCode::kUnavailable);
  server_.StartAgain();
  EXPECT_EQ(*store->Size(), 3u);  // nothing of the failed batch
  ASSERT_TRUE(store->Commit(batch).ok());
  EXPECT_EQ(*store->Size(), 6u);
}

TEST_F(PostgresLedgerStoreTest, AReadOnlyServerRefusesCommitsAsUnavailableUntilWritable) {
  ledger::MerkleTree tree;
  ledger_store::CommitBatch batch;
  auto store = OpenWithABatch(tree, batch);
  ASSERT_TRUE(store);
  // What a demoted primary or a standby looks like to a session: read-only
  // transactions. New sessions get it; the store's are killed, so it must reconnect.
  const std::string kill =
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'ledger'";
  server_.Psql("ALTER DATABASE ledger SET default_transaction_read_only = on");
  server_.Psql(kill);
  Status refused = store->Commit(batch);
  EXPECT_EQ(refused.code(), StatusCode::kUnavailable) << refused.ToString();
  EXPECT_NE(refused.message().find("read-only"), std::string::npos) << refused.message();
  EXPECT_EQ(*store->Size(), 3u);  // reads still work, and nothing of the batch is there
  EXPECT_EQ(store->ReadLeaf(3).status().code(), StatusCode::kNotFound);
  server_.Psql("ALTER DATABASE ledger RESET default_transaction_read_only");
  server_.Psql(kill);
  Status ok = store->Commit(batch);
  EXPECT_TRUE(ok.ok()) << ok.ToString();
  EXPECT_EQ(*store->Size(), 6u);
}

TEST_F(PostgresLedgerStoreTest, AnUnreachableServerIsUnavailableAtOpen) {
  server_.Stop("fast");
  auto store = PostgresLedgerStore::Open(uri_, {.create = true, .resolve_timeout = 1s});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnavailable) << store.status().ToString();
  EXPECT_NE(store.status().message().find("127.0.0.1"), std::string::npos);
  server_.StartAgain();
}

}  // namespace
}  // namespace lcproc::store::postgres
