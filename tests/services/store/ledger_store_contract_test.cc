// The LedgerStore contract, run against every backend: SQLite (a file in a temporary
// directory) and PostgreSQL (a throwaway server this test starts; see
// tests/testing/postgres_server.h). One suite, parameterised by a backend factory.
#include "services/store/open_ledger_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "pipeline/ledger_store/memory_ledger_store.h"
#include "services/store/database.h"
#include "services/store/postgres/postgres_ledger_store.h"
#include "services/store/sqlite_ledger_store.h"
#include "tests/testing/postgres_server.h"
#include "tests/testing/test_batch.h"

namespace lcproc::store {
namespace {

namespace fs = std::filesystem;

// One backend under test: where its ledger lives, and what the contract leaves to it.
class Backend {
 public:
  virtual ~Backend() = default;
  // The spec OpenLedgerStore takes ("" for SQLite in dir()).
  virtual std::string spec() const = 0;
  // Puts a table that is not an lcproc ledger where the ledger would go.
  virtual void MakeForeign() = 0;
  // The code Open without create gives when there is no ledger yet.
  virtual StatusCode missing_code() const = 0;
  // The listings by party and by state (not on the engine's interface).
  virtual Result<std::vector<std::string>> CreditsOfParty(ledger_store::LedgerStore& s,
                                                          std::string_view bic) = 0;
  virtual Result<std::vector<std::string>> CreditsInState(ledger_store::LedgerStore& s,
                                                          std::string_view st) = 0;

  const std::string& dir() const { return dir_; }

 protected:
  Backend() {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = c == '/' ? '-' : c;  // "Test/backend"
    dir_ = (fs::temp_directory_path() / ("lcproc-store-" + std::to_string(::getpid()) + "-" + name))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  std::string dir_;
};

class SqliteBackend final : public Backend {
 public:
  ~SqliteBackend() override { fs::remove_all(dir_); }
  std::string spec() const override { return ""; }
  void MakeForeign() override {
    auto other = Database::Open(dir_ + "/lcproc.db", true);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(other->Exec("CREATE TABLE t(x)").ok());
  }
  StatusCode missing_code() const override { return StatusCode::kIoError; }
  Result<std::vector<std::string>> CreditsOfParty(ledger_store::LedgerStore& s,
                                                  std::string_view bic) override {
    return dynamic_cast<SqliteLedgerStore&>(s).CreditsOfParty(bic);
  }
  Result<std::vector<std::string>> CreditsInState(ledger_store::LedgerStore& s,
                                                  std::string_view st) override {
    return dynamic_cast<SqliteLedgerStore&>(s).CreditsInState(st);
  }
};

class PostgresBackend final : public Backend {
 public:
  PostgresBackend() : server_(testing::PostgresServer::Start({.fsync = false})) {
    uri_ = server_.CreateDatabase("ledger");
  }
  ~PostgresBackend() override { fs::remove_all(dir_); }
  std::string spec() const override { return uri_; }
  void MakeForeign() override { server_.Psql("CREATE TABLE lcproc_entries(x int)", "ledger"); }
  StatusCode missing_code() const override { return StatusCode::kNotFound; }
  Result<std::vector<std::string>> CreditsOfParty(ledger_store::LedgerStore& s,
                                                  std::string_view bic) override {
    return dynamic_cast<postgres::PostgresLedgerStore&>(s).CreditsOfParty(bic);
  }
  Result<std::vector<std::string>> CreditsInState(ledger_store::LedgerStore& s,
                                                  std::string_view st) override {
    return dynamic_cast<postgres::PostgresLedgerStore&>(s).CreditsInState(st);
  }

 private:
  testing::PostgresServer server_;
  std::string uri_;
};

std::unique_ptr<Backend> MakeBackend(const std::string& name) {
  if (name == "sqlite") return std::make_unique<SqliteBackend>();
  return std::make_unique<PostgresBackend>();
}

class LedgerStoreContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { backend_ = MakeBackend(GetParam()); }
  void TearDown() override { backend_.reset(); }

  Result<std::unique_ptr<ledger_store::LedgerStore>> Open(bool create = true) {
    return OpenLedgerStore(backend_->dir(),
                           {.create = create, .durable = true, .store = backend_->spec()});
  }

  // A batch of `n` entries after `tree`, for credit `credit`, signed checkpoint included.
  ledger_store::CommitBatch MakeBatch(ledger::MerkleTree& tree, int n, const std::string& credit,
                                      const std::string& idem_prefix = "") {
    return testing::MakeTestBatch(tree, signer_, n,
                                  {.credit = credit, .idempotency_prefix = idem_prefix});
  }

  std::unique_ptr<Backend> backend_;
  ledger::NoteSigner signer_ = *ledger::NoteSigner::Generate("test/log");
};

TEST_P(LedgerStoreContractTest, CommitsAndReadsBackEverything) {
  auto store = Open();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ledger::MerkleTree tree;
  auto batch = MakeBatch(tree, 300, "LC1", "key-");
  ASSERT_TRUE((*store)->Commit(batch).ok());

  EXPECT_EQ(*(*store)->Size(), 300u);
  EXPECT_EQ((*store)->LatestCheckpoint()->note, batch.checkpoint);
  EXPECT_EQ((*store)->LatestCheckpoint()->size, batch.new_size);
  EXPECT_EQ(*(*store)->CheckpointAt(300), batch.checkpoint);
  EXPECT_EQ((*store)->CheckpointAt(299).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*(*store)->ReadLeaf(7), batch.entries[7].leaf);
  EXPECT_EQ((*store)->ReadLeaf(300).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*(*store)->FindByReplayKey(ledger_store::ReplayKey("jws-42", "body-42")),
            std::vector<uint64_t>{42});
  EXPECT_EQ(*(*store)->FindByIdempotencyKey("BANKGB2LXXX", "key-9"), std::vector<uint64_t>{9});
  EXPECT_TRUE((*store)->FindByIdempotencyKey("BANKFRPPXXX", "key-9")->empty());
  EXPECT_EQ((*store)->EntriesForCredit("LC1")->size(), 300u);
  auto credit = (*store)->ReadCredit("LC1");
  ASSERT_TRUE(credit.ok());
  EXPECT_EQ(credit->state, "issued");
  EXPECT_EQ(credit->parties, (std::vector<std::string>{"BANKFRPPXXX", "BANKGB2LXXX"}));
  EXPECT_EQ(*backend_->CreditsOfParty(**store, "BANKFRPPXXX"), std::vector<std::string>{"LC1"});
  EXPECT_EQ(*backend_->CreditsInState(**store, "issued"), std::vector<std::string>{"LC1"});

  // Tiles: the full level-0 tile and the partial one of width 44.
  auto full = (*store)->ReadTile(0, 0, 256);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->substr(0, 32),
            std::string(crypto::AsBytes(ledger::LeafHash(batch.entries[0].leaf))));
  EXPECT_TRUE((*store)->ReadTile(0, 1, 44).ok());
  EXPECT_EQ((*store)->ReadTile(0, 1, 45).status().code(), StatusCode::kNotFound);

  uint64_t visited = 0;
  ASSERT_TRUE((*store)
                  ->ScanLeaves(10, 290,
                               [&](uint64_t i, std::string_view leaf) {
                                 EXPECT_EQ(leaf, batch.entries[i].leaf);
                                 ++visited;
                                 return Status::Ok();
                               })
                  .ok());
  EXPECT_EQ(visited, 280u);
}

TEST_P(LedgerStoreContractTest, RefusesABatchThatDoesNotStartAtTheEnd) {
  auto store = Open();
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

TEST_P(LedgerStoreContractTest, PersistsAcrossReopenAndScansCheckpointsInOrder) {
  ledger::MerkleTree tree;
  {
    auto store = Open();
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < 3; ++i)
      ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 100, "LC" + std::to_string(i))).ok());
  }
  auto store = Open(/*create=*/false);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->Size(), 300u);
  std::vector<uint64_t> sizes;
  ASSERT_TRUE((*store)
                  ->ScanCheckpoints([&](uint64_t size, std::string_view) {
                    sizes.push_back(size);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(sizes, (std::vector<uint64_t>{100, 200, 300}));
  auto reopened = ledger::MerkleTree::Open(**store, 300);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->Root(), tree.Root());
}

TEST_P(LedgerStoreContractTest, LaterBatchesUpdateACreditsStateAndAddParties) {
  auto store = Open();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ledger::MerkleTree tree;
  ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 2, "LC1")).ok());
  ledger_store::CommitBatch same = MakeBatch(tree, 2, "LC1");  // unchanged row: nothing to write
  ASSERT_TRUE((*store)->Commit(same).ok());
  ledger_store::CommitBatch next = MakeBatch(tree, 2, "LC1");
  next.credits[0] = {"LC1", "advised", {"BANKDEFFXXX", "BANKFRPPXXX", "BANKGB2LXXX"}};
  ASSERT_TRUE((*store)->Commit(next).ok());
  auto credit = (*store)->ReadCredit("LC1");
  ASSERT_TRUE(credit.ok()) << credit.status().ToString();
  EXPECT_EQ(credit->state, "advised");
  EXPECT_EQ(credit->parties,
            (std::vector<std::string>{"BANKDEFFXXX", "BANKFRPPXXX", "BANKGB2LXXX"}));
  EXPECT_TRUE(backend_->CreditsInState(**store, "issued")->empty());
  EXPECT_EQ(*backend_->CreditsOfParty(**store, "BANKDEFFXXX"), std::vector<std::string>{"LC1"});
}

TEST_P(LedgerStoreContractTest, IndexScanOfDuplicateKeysEqualsTheLeafDerivedOne) {
  auto store = Open();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ledger::MerkleTree tree;
  ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 5, "LC1", "idem-")).ok());
  ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 3, "LC2")).ok());
  std::multiset<uint64_t> indexed, derived;
  ASSERT_TRUE((*store)->ScanDuplicateKeys([&](uint64_t k) { indexed.insert(k); }).ok());
  const ledger_store::LedgerStore& base = **store;
  ASSERT_TRUE(base.LedgerStore::ScanDuplicateKeys([&](uint64_t k) { derived.insert(k); }).ok());
  EXPECT_EQ(indexed.size(), 8u + 5u);  // every replay key, and the 5 idempotency keys
  EXPECT_EQ(indexed, derived);
  EXPECT_EQ(indexed.count(ledger_store::IdempotencyKeyPrefix("BANKGB2LXXX", "idem-0")), 1u);
}

TEST_P(LedgerStoreContractTest, RefusesAForeignDatabase) {
  backend_->MakeForeign();
  auto store = Open();
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kDataLoss) << store.status().ToString();
}

TEST_P(LedgerStoreContractTest, MissingLedgerIsAnErrorWhenNotCreating) {
  auto store = Open(/*create=*/false);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), backend_->missing_code()) << store.status().ToString();
}

TEST_P(LedgerStoreContractTest, ReadsDuringCommitsNeverSeeHalfABatch) {
  auto store = Open();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ledger::MerkleTree tree;
  std::vector<ledger_store::CommitBatch> batches;
  for (int i = 0; i < 20; ++i) batches.push_back(MakeBatch(tree, 50, "LC" + std::to_string(i)));
  std::atomic<bool> done{false};
  std::atomic<int> torn{0}, reads{0};
  std::thread reader([&] {
    while (!done.load()) {
      // The size, the latest checkpoint and the last entry agree whenever they are read
      // in that order: a batch is visible whole or not at all.
      auto size = (*store)->Size();
      if (!size.ok()) continue;
      reads.fetch_add(1);
      if (*size == 0) continue;
      if (!(*store)->CheckpointAt(*size).ok() || !(*store)->ReadLeaf(*size - 1).ok())
        torn.fetch_add(1);
    }
  });
  for (const auto& b : batches) ASSERT_TRUE((*store)->Commit(b).ok());
  done.store(true);
  reader.join();
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(*(*store)->Size(), 1000u);
}

TEST_P(LedgerStoreContractTest, AFailedBatchLeavesNothingBehind) {
  auto store = Open();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ledger::MerkleTree tree;
  ASSERT_TRUE((*store)->Commit(MakeBatch(tree, 3, "LC1")).ok());
  // Entry 4 is given twice: the insert fails after the head, the tiles of the first
  // rows and the credit could have been written; none of it may remain.
  ledger::MerkleTree scratch = *ledger::MerkleTree::Open(**store, 3);
  ledger_store::CommitBatch bad = MakeBatch(scratch, 4, "LC9", "k-");
  bad.entries[2].index = bad.entries[1].index;
  Status status = (*store)->Commit(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(*(*store)->Size(), 3u);
  EXPECT_EQ((*store)->ReadLeaf(3).status().code(), StatusCode::kNotFound);
  EXPECT_EQ((*store)->ReadCredit("LC9").status().code(), StatusCode::kNotFound);
  EXPECT_EQ((*store)->CheckpointAt(7).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE((*store)->FindByIdempotencyKey("BANKGB2LXXX", "k-3")->empty());
  EXPECT_TRUE((*store)->Commit(MakeBatch(tree, 2, "LC2")).ok());
  EXPECT_EQ(*(*store)->Size(), 5u);
}

// The API's listings (the gateway's credit list and inbox), the same on every backend as
// in the in-memory reference store.
TEST_P(LedgerStoreContractTest, ListsCreditsAndPartyEntriesLikeTheMemoryStore) {
  auto sqlite = Open();
  ASSERT_TRUE(sqlite.ok()) << sqlite.status().ToString();
  ledger_store::MemoryLedgerStore memory;
  ledger::MerkleTree tree;
  std::vector<ledger_store::CommitBatch> batches;
  batches.push_back(MakeBatch(tree, 3, "LC-B"));  // entries 0..2
  batches.push_back(MakeBatch(tree, 2, "LC-A"));  // 3..4
  batches.back().credits[0] = {"LC-A", "advised", {"BANKDEFFXXX", "BANKGB2LXXX"}};
  batches.push_back(MakeBatch(tree, 2, "LC-C"));  // 5..6
  batches.back().credits[0] = {"LC-C", "issued", {"BANKDEFFXXX"}};
  for (const auto& b : batches) {
    ASSERT_TRUE((*sqlite)->Commit(b).ok());
    ASSERT_TRUE(memory.Commit(b).ok());
  }
  for (const ledger_store::LedgerStore* store :
       {static_cast<const ledger_store::LedgerStore*>(sqlite->get()),
        static_cast<const ledger_store::LedgerStore*>(&memory)}) {
    auto refs = [&](ledger_store::CreditQuery q) {
      std::vector<std::string> out;
      auto listed = store->ListCredits(q);  // named: the rows live in the Result
      for (const auto& row : *listed) out.push_back(row.reference);
      return out;
    };
    EXPECT_EQ(refs({}), (std::vector<std::string>{"LC-A", "LC-B", "LC-C"}));
    EXPECT_EQ(refs({.party = "BANKDEFFXXX"}), (std::vector<std::string>{"LC-A", "LC-C"}));
    EXPECT_EQ(refs({.state = "issued"}), (std::vector<std::string>{"LC-B", "LC-C"}));
    EXPECT_EQ(refs({.party = "BANKDEFFXXX", .state = "issued"}), std::vector<std::string>{"LC-C"});
    EXPECT_EQ(refs({.limit = 2}), (std::vector<std::string>{"LC-A", "LC-B"}));
    EXPECT_EQ(refs({.after_reference = "LC-B", .limit = 2}), std::vector<std::string>{"LC-C"});
    EXPECT_TRUE(refs({.party = "BANKUS33XXX"}).empty());
    auto rows = *store->ListCredits({.party = "BANKDEFFXXX", .limit = 1});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].state, "advised");
    EXPECT_EQ(rows[0].parties, (std::vector<std::string>{"BANKDEFFXXX", "BANKGB2LXXX"}));

    EXPECT_EQ(*store->EntriesForParty("BANKDEFFXXX", 0, 100), (std::vector<uint64_t>{3, 4, 5, 6}));
    EXPECT_EQ(*store->EntriesForParty("BANKDEFFXXX", 4, 2), (std::vector<uint64_t>{4, 5}));
    EXPECT_EQ(*store->EntriesForParty("BANKGB2LXXX", 0, 100),
              (std::vector<uint64_t>{0, 1, 2, 3, 4}));
    EXPECT_TRUE(store->EntriesForParty("BANKDEFFXXX", 7, 100)->empty());
    EXPECT_TRUE(store->EntriesForParty("BANKUS33XXX", 0, 100)->empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerStoreContractTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

}  // namespace
}  // namespace lcproc::store
