// PostgresStoreTest: the fixture of the PostgreSQL store's own tests — a throwaway server
// (tests/testing/postgres_server.h) with one fresh database, stores opened on it, and
// commit batches built as the engine builds them (tests/testing/test_batch.h).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger/signed_note.h"
#include "services/store/postgres/postgres_ledger_store.h"
#include "tests/testing/postgres_server.h"
#include "tests/testing/test_batch.h"

namespace lcproc::store::postgres {

class PostgresStoreTest : public ::testing::Test {
 protected:
  PostgresStoreTest()
      : server_(testing::PostgresServer::Start({.fsync = false})),
        uri_(server_.CreateDatabase("ledger")) {}

  // A store on the test's database (nullptr, and a test failure, when it cannot open).
  std::unique_ptr<PostgresLedgerStore> OpenStore(
      std::chrono::milliseconds resolve_timeout = std::chrono::seconds(30)) {
    auto store =
        PostgresLedgerStore::Open(uri_, {.create = true, .resolve_timeout = resolve_timeout});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // `n` entries extending `tree`, of credit "LC-<tag>", bodies "<tag>-<index>": batches
  // of two trees at the same size differ by their tags.
  ledger_store::CommitBatch MakeBatch(ledger::MerkleTree& tree, int n, const std::string& tag) {
    return testing::MakeTestBatch(tree, signer_, n,
                                  {.credit = "LC-" + tag, .body_prefix = tag + "-"});
  }

  // A store holding one committed batch of three entries (tag "x"), and in `next` the
  // batch of three that follows it (tag "y"), not committed.
  std::unique_ptr<PostgresLedgerStore> OpenWithABatch(ledger::MerkleTree& tree,
                                                      ledger_store::CommitBatch& next) {
    auto store = OpenStore();
    if (!store) return nullptr;
    Status committed = store->Commit(MakeBatch(tree, 3, "x"));
    EXPECT_TRUE(committed.ok()) << committed.ToString();
    next = MakeBatch(tree, 3, "y");
    return committed.ok() ? std::move(store) : nullptr;
  }

  testing::PostgresServer server_;
  std::string uri_;
  ledger::NoteSigner signer_ = *ledger::NoteSigner::Generate("test/log");
};

}  // namespace lcproc::store::postgres
