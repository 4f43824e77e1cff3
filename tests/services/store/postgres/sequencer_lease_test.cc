// SequencerLease between two instances over one real PostgreSQL: one leads, the other
// takes over once the leader stops renewing (dead or paused), and the old leader's
// commits are fenced; a leader whose term was taken steps down.
#include "services/store/postgres/sequencer_lease.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "tests/services/store/postgres/postgres_store_test.h"

namespace lcproc::store::postgres {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Waits up to `limit` for `done`: a bound against hanging, not a timing claim.
template <typename Done>
bool WaitFor(Done done, std::chrono::milliseconds limit = 30s) {
  auto until = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() > until) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

class SequencerLeaseTest : public PostgresStoreTest {
 protected:
  std::unique_ptr<PostgresLedgerStore> OpenStore() { return PostgresStoreTest::OpenStore(5s); }
  // One entry extending `tree` (advanced).
  ledger_store::CommitBatch OneEntryBatch(ledger::MerkleTree& tree) {
    return MakeBatch(tree, 1, "b" + std::to_string(tree.size()));
  }
};

TEST_F(SequencerLeaseTest, AFollowerTakesOverWhenTheLeaderStopsAndTheOldLeaderIsFenced) {
  auto a = OpenStore();
  auto b = OpenStore();
  ASSERT_TRUE(a && b);
  std::mutex mu;
  std::vector<std::pair<bool, uint64_t>> b_changes;
  auto lease_a =
      std::make_unique<SequencerLease>(*a, SequencerLease::Options{"a", 3s, 100ms}, nullptr);
  ASSERT_TRUE(WaitFor([&] { return lease_a->leading(); }));
  EXPECT_EQ(lease_a->term(), 1u);
  SequencerLease lease_b(*b, {"b", 3s, 100ms}, [&](bool leading, uint64_t term) {
    std::lock_guard lock(mu);
    b_changes.emplace_back(leading, term);
  });
  // The leader commits while it leads.
  ledger::MerkleTree tree;
  ASSERT_TRUE(a->Commit(OneEntryBatch(tree)).ok());

  // The leader stops renewing (killed, or paused past its lease).
  auto stopped = Clock::now();
  lease_a.reset();
  ASSERT_TRUE(WaitFor([&] { return lease_b.leading(); }));
  auto takeover = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - stopped);
  std::cout << "takeover " << takeover.count()
            << " ms after the leader stopped renewing (lease 3000 ms)\n";
  EXPECT_EQ(lease_b.term(), 2u);
  {
    std::lock_guard lock(mu);
    ASSERT_FALSE(b_changes.empty());
    EXPECT_EQ(b_changes.back(), std::make_pair(true, uint64_t{2}));
  }
  // The old leader, resumed, cannot extend the tree; the new one can.
  auto stale = OneEntryBatch(tree);
  Status fenced = a->Commit(stale);
  EXPECT_EQ(fenced.code(), StatusCode::kFailedPrecondition) << fenced.ToString();
  EXPECT_TRUE(b->Commit(stale).ok());
  EXPECT_EQ(*a->Size(), 2u);
}

TEST_F(SequencerLeaseTest, ALeaderWhoseTermWasTakenStepsDown) {
  auto a = OpenStore();
  ASSERT_TRUE(a);
  std::atomic<int> downs{0};
  SequencerLease lease(*a, {"a", 3s, 100ms}, [&](bool leading, uint64_t) {
    if (!leading) downs.fetch_add(1);
  });
  ASSERT_TRUE(WaitFor([&] { return lease.leading(); }));
  // Another instance took a newer term (as after a takeover the leader did not see).
  server_.Psql("UPDATE lcproc_head SET term = term + 1, holder = 'x'", "ledger");
  ASSERT_TRUE(WaitFor([&] { return !lease.leading(); }));
  EXPECT_EQ(downs.load(), 1);
}

}  // namespace
}  // namespace lcproc::store::postgres
