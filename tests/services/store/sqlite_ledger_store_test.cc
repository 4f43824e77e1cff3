#include "services/store/sqlite_ledger_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "pipeline/engine/ledger_entry.h"
#include "pipeline/engine/memory_ledger_store.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger/signed_note.h"

namespace lcproc::store {
namespace {

namespace fs = std::filesystem;

class SqliteLedgerStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lcproc-store-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string db() const { return (dir_ / "lcproc.db").string(); }

  // A batch of `n` entries after `tree`, for credit `credit`, signed checkpoint included.
  engine::CommitBatch MakeBatch(ledger::MerkleTree& tree, int n, const std::string& credit,
                                const std::string& idem_prefix = "") {
    engine::CommitBatch batch;
    batch.old_size = tree.size();
    std::vector<crypto::Digest> hashes;
    for (int i = 0; i < n; ++i) {
      uint64_t index = tree.size() + i;
      engine::LedgerEntry e{true, 1000, "BANKGB2LXXX", "application/json",
                            idem_prefix.empty() ? "" : idem_prefix + std::to_string(index),
                            "body-" + std::to_string(index), "jws-" + std::to_string(index),
                            StatusCode::kOk, "", {}};
      engine::EntryRecord r{index, engine::EncodeLeaf(e), engine::ReplayKey(e.jws, e.body), e.submitter,
                            e.idempotency_key, credit};
      hashes.push_back(ledger::LeafHash(r.leaf));
      batch.entries.push_back(std::move(r));
    }
    batch.tiles = *tree.Append(hashes);
    batch.new_size = tree.size();
    batch.credits.push_back({credit, "issued", {"BANKGB2LXXX", "BANKFRPPXXX"}});
    batch.checkpoint = *signer_.Sign(ledger::FormatCheckpoint({"test/log", tree.size(), tree.Root(), {}}));
    return batch;
  }

  fs::path dir_;
  ledger::NoteSigner signer_ = *ledger::NoteSigner::Generate("test/log");
};

TEST_F(SqliteLedgerStoreTest, CommitsAndReadsBackEverything) {
  auto store = SqliteLedgerStore::Open(db());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ledger::MerkleTree tree;
  auto batch = MakeBatch(tree, 300, "LC1", "key-");
  ASSERT_TRUE((*store)->Commit(batch).ok());

  EXPECT_EQ(*(*store)->Size(), 300u);
  EXPECT_EQ(*(*store)->LatestCheckpoint(), batch.checkpoint);
  EXPECT_EQ(*(*store)->CheckpointAt(300), batch.checkpoint);
  EXPECT_EQ((*store)->CheckpointAt(299).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*(*store)->ReadLeaf(7), batch.entries[7].leaf);
  EXPECT_EQ((*store)->ReadLeaf(300).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*(*store)->FindByReplayKey(batch.entries[42].replay_key), std::vector<uint64_t>{42});
  EXPECT_EQ(*(*store)->FindByIdempotencyKey("BANKGB2LXXX", "key-9"), std::vector<uint64_t>{9});
  EXPECT_TRUE((*store)->FindByIdempotencyKey("BANKFRPPXXX", "key-9")->empty());
  EXPECT_EQ((*store)->EntriesForCredit("LC1")->size(), 300u);
  auto credit = (*store)->ReadCredit("LC1");
  ASSERT_TRUE(credit.ok());
  EXPECT_EQ(credit->state, "issued");
  EXPECT_EQ(credit->parties, (std::vector<std::string>{"BANKFRPPXXX", "BANKGB2LXXX"}));
  EXPECT_EQ(*(*store)->CreditsOfParty("BANKFRPPXXX"), std::vector<std::string>{"LC1"});
  EXPECT_EQ(*(*store)->CreditsInState("issued"), std::vector<std::string>{"LC1"});

  // Tiles: the full level-0 tile and the partial one of width 44.
  auto full = (*store)->ReadTile(0, 0, 256);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->substr(0, 32), std::string(crypto::AsBytes(ledger::LeafHash(batch.entries[0].leaf))));
  EXPECT_TRUE((*store)->ReadTile(0, 1, 44).ok());
  EXPECT_EQ((*store)->ReadTile(0, 1, 45).status().code(), StatusCode::kNotFound);

  uint64_t visited = 0;
  ASSERT_TRUE((*store)->ScanLeaves(10, 290, [&](uint64_t i, std::string_view leaf) {
    EXPECT_EQ(leaf, batch.entries[i].leaf);
    ++visited;
    return Status::Ok();
  }).ok());
  EXPECT_EQ(visited, 280u);
}

TEST_F(SqliteLedgerStoreTest, RefusesABatchThatDoesNotStartAtTheEnd) {
  auto store = SqliteLedgerStore::Open(db());
  ASSERT_TRUE(store.ok());
  ledger::MerkleTree tree;
  auto first = MakeBatch(tree, 3, "LC1");
  ASSERT_TRUE((*store)->Commit(first).ok());
  EXPECT_EQ((*store)->Commit(first).code(), StatusCode::kFailedPrecondition);
  // Nothing of the refused batch is visible; the next good batch goes through.
  EXPECT_EQ(*(*store)->Size(), 3u);
  EXPECT_TRUE((*store)->Commit(MakeBatch(tree, 2, "LC2")).ok());
  EXPECT_EQ(*(*store)->Size(), 5u);
}

TEST_F(SqliteLedgerStoreTest, PersistsAcrossReopenAndScansCheckpointsInOrder) {
  ledger::MerkleTree tree;
  {
    auto store = SqliteLedgerStore::Open(db());
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < 3; ++i) ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 100, "LC" + std::to_string(i))).ok());
  }
  auto store = SqliteLedgerStore::Open(db(), {.create = false});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->Size(), 300u);
  std::vector<uint64_t> sizes;
  ASSERT_TRUE((*store)->ScanCheckpoints([&](uint64_t size, std::string_view) {
    sizes.push_back(size);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(sizes, (std::vector<uint64_t>{100, 200, 300}));
  auto reopened = ledger::MerkleTree::Open(**store, 300);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->Root(), tree.Root());
}

TEST_F(SqliteLedgerStoreTest, LaterBatchesUpdateACreditsStateAndAddParties) {
  auto store = SqliteLedgerStore::Open(db());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ledger::MerkleTree tree;
  ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 2, "LC1")).ok());
  engine::CommitBatch same = MakeBatch(tree, 2, "LC1");  // unchanged row: nothing to write
  ASSERT_TRUE((*store)->Commit(same).ok());
  engine::CommitBatch next = MakeBatch(tree, 2, "LC1");
  next.credits[0] = {"LC1", "advised", {"BANKDEFFXXX", "BANKFRPPXXX", "BANKGB2LXXX"}};
  ASSERT_TRUE((*store)->Commit(next).ok());
  auto credit = (*store)->ReadCredit("LC1");
  ASSERT_TRUE(credit.ok()) << credit.status().ToString();
  EXPECT_EQ(credit->state, "advised");
  EXPECT_EQ(credit->parties, (std::vector<std::string>{"BANKDEFFXXX", "BANKFRPPXXX", "BANKGB2LXXX"}));
  EXPECT_TRUE((*store)->CreditsInState("issued")->empty());
  EXPECT_EQ(*(*store)->CreditsOfParty("BANKDEFFXXX"), std::vector<std::string>{"LC1"});
}

TEST_F(SqliteLedgerStoreTest, IndexScanOfDuplicateKeysEqualsTheLeafDerivedOne) {
  auto store = SqliteLedgerStore::Open(db());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ledger::MerkleTree tree;
  ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 5, "LC1", "idem-")).ok());
  ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 3, "LC2")).ok());
  std::multiset<uint64_t> indexed, derived;
  ASSERT_TRUE((*store)->ScanDuplicateKeys([&](uint64_t k) { indexed.insert(k); }).ok());
  const engine::LedgerStore& base = **store;
  ASSERT_TRUE(base.LedgerStore::ScanDuplicateKeys([&](uint64_t k) { derived.insert(k); }).ok());
  EXPECT_EQ(indexed.size(), 8u + 5u);  // every replay key, and the 5 idempotency keys
  EXPECT_EQ(indexed, derived);
  EXPECT_EQ(indexed.count(engine::IdempotencyKeyPrefix("BANKGB2LXXX", "idem-0")), 1u);
}

TEST_F(SqliteLedgerStoreTest, RefusesAForeignDatabase) {
  {
    auto other = Database::Open(db(), true);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(other->Exec("CREATE TABLE t(x)").ok());
  }
  auto store = SqliteLedgerStore::Open(db());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kDataLoss);
}

TEST_F(SqliteLedgerStoreTest, MissingFileIsAnIoErrorWhenNotCreating) {
  auto store = SqliteLedgerStore::Open(db(), {.create = false});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
}


// ListCredits and EntriesForParty, the API's listing and inbox reads, answer the same on
// SQLite and in memory: filtered by party and state, paged by reference.
TEST_F(SqliteLedgerStoreTest, ListsCreditsAndPartyEntriesLikeTheMemoryStore) {
  auto sqlite = SqliteLedgerStore::Open(db());
  ASSERT_TRUE(sqlite.ok()) << sqlite.status().ToString();
  engine::MemoryLedgerStore memory;
  ledger::MerkleTree tree;
  std::vector<engine::CommitBatch> batches;
  batches.push_back(MakeBatch(tree, 3, "LC-B"));                  // entries 0..2
  batches.push_back(MakeBatch(tree, 2, "LC-A"));                  // 3..4
  batches.back().credits[0] = {"LC-A", "advised", {"BANKDEFFXXX", "BANKGB2LXXX"}};
  batches.push_back(MakeBatch(tree, 2, "LC-C"));                  // 5..6
  batches.back().credits[0] = {"LC-C", "issued", {"BANKDEFFXXX"}};
  for (const auto& b : batches) {
    ASSERT_TRUE((*sqlite)->Commit(b).ok());
    ASSERT_TRUE(memory.Commit(b).ok());
  }
  for (const engine::LedgerStore* store : {static_cast<const engine::LedgerStore*>(sqlite->get()),
                                           static_cast<const engine::LedgerStore*>(&memory)}) {
    auto query = [](std::string party, std::string state, std::string after, size_t limit = 100) {
      engine::CreditQuery q;
      q.party = std::move(party);
      q.state = std::move(state);
      q.after_reference = std::move(after);
      q.limit = limit;
      return q;
    };
    auto refs = [&](engine::CreditQuery q) {
      std::vector<std::string> out;
      auto rows = store->ListCredits(q);
      EXPECT_TRUE(rows.ok()) << rows.status().ToString();
      for (const auto& row : *rows) out.push_back(row.reference);
      return out;
    };
    EXPECT_EQ(refs(query("", "", "")), (std::vector<std::string>{"LC-A", "LC-B", "LC-C"}));
    EXPECT_EQ(refs(query("BANKDEFFXXX", "", "")), (std::vector<std::string>{"LC-A", "LC-C"}));
    EXPECT_EQ(refs(query("", "issued", "")), (std::vector<std::string>{"LC-B", "LC-C"}));
    EXPECT_EQ(refs(query("BANKDEFFXXX", "issued", "")), std::vector<std::string>{"LC-C"});
    EXPECT_EQ(refs(query("", "", "", 2)), (std::vector<std::string>{"LC-A", "LC-B"}));
    EXPECT_EQ(refs(query("", "", "LC-B", 2)), std::vector<std::string>{"LC-C"});
    EXPECT_TRUE(refs(query("BANKUS33XXX", "", "")).empty());
    auto rows = *store->ListCredits(query("BANKDEFFXXX", "", "", 1));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].state, "advised");
    EXPECT_EQ(rows[0].parties, (std::vector<std::string>{"BANKDEFFXXX", "BANKGB2LXXX"}));

    EXPECT_EQ(*store->EntriesForParty("BANKDEFFXXX", 0, 100), (std::vector<uint64_t>{3, 4, 5, 6}));
    EXPECT_EQ(*store->EntriesForParty("BANKDEFFXXX", 4, 2), (std::vector<uint64_t>{4, 5}));
    EXPECT_EQ(*store->EntriesForParty("BANKGB2LXXX", 0, 100), (std::vector<uint64_t>{0, 1, 2, 3, 4}));
    EXPECT_TRUE(store->EntriesForParty("BANKDEFFXXX", 7, 100)->empty());
    EXPECT_TRUE(store->EntriesForParty("BANKUS33XXX", 0, 100)->empty());
  }
}

}  // namespace
}  // namespace lcproc::store
