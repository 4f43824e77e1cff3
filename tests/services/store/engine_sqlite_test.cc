// The engine over the real SQLite store: restart, recovery checks against tampering,
// audit, the static export, and the ledger's size per entry.
#include "services/store/sqlite_ledger_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "pipeline/engine/engine.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/inclusion_proof.h"
#include "pipeline/ledger_store/ledger_audit.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "services/store/static_export.h"
#include "tests/pipeline/engine/engine_test_env.h"

namespace lcproc::store {
namespace {

namespace fs = std::filesystem;
using engine::Outcome;
using engine::Verdict;
using engine::testing::EngineTestEnv;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class EngineSqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lcproc-engine-sqlite-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    if (std::getenv("LCPROC_KEEP_TEST_DIR") == nullptr) fs::remove_all(dir_);
  }
  std::string db() const { return (dir_ / "lcproc.db").string(); }
  void Reopen(bool durable = true) {
    store_.reset();
    auto store = SqliteLedgerStore::Open(db(), {.create = true, .durable = durable});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  // Runs raw SQL on the file, as an attacker with write access would.
  void Tamper(const std::string& sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db().c_str(), &raw), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << error;
    sqlite3_free(error);
    sqlite3_close(raw);
  }
  // Submits `n` issuances (credit LC<i>) and waits for all of them.
  std::vector<Outcome> Issue(engine::Engine& engine, int first, int n, size_t padding = 0) {
    std::vector<std::future<Outcome>> futures;
    for (int i = first; i < first + n; ++i) {
      std::string body = "LC" + std::to_string(i) + "|issue|1" + std::string(padding, ' ');
      futures.push_back(engine.Submit(env_.Signed(EngineTestEnv::kBankA, env_.key_a_es256, body)));
    }
    std::vector<Outcome> out;
    for (auto& f : futures) {
      while (f.wait_for(std::chrono::milliseconds(2)) != std::future_status::ready)
        env_.clock.Advance(10);
      out.push_back(f.get());
    }
    return out;
  }

  EngineTestEnv env_;
  fs::path dir_;
  std::unique_ptr<SqliteLedgerStore> store_;
};

TEST_F(EngineSqliteTest, RestartsOnTheSameFileAndAuditPasses) {
  {
    auto engine = env_.Start(*store_, {.batch_max_entries = 64, .batch_max_millis = 1});
    auto outcomes = Issue(*engine, 0, 300);
    for (const auto& out : outcomes)
      ASSERT_EQ(out.verdict, Verdict::kAccepted) << out.status.ToString();
    // A receipt verifies against the store's tiles.
    const Outcome& o = outcomes[123];
    auto checkpoint = ledger::VerifyCheckpoint(env_.verifier, o.checkpoint);
    ASSERT_TRUE(checkpoint.ok());
    auto proof = ledger::InclusionProof(*store_, *o.leaf_index, checkpoint->size);
    ASSERT_TRUE(proof.ok());
    EXPECT_TRUE(ledger::VerifyInclusion(ledger::LeafHash(*store_->ReadLeaf(*o.leaf_index)),
                                        *o.leaf_index, checkpoint->size, *proof, checkpoint->root)
                    .ok());
  }
  Reopen();
  auto engine = env_.Start(*store_);
  ASSERT_NE(engine, nullptr);
  auto again = Issue(*engine, 299, 2);  // LC299 exists already: its state came back
  EXPECT_EQ(again[0].verdict, Verdict::kRejected);
  EXPECT_EQ(again[1].verdict, Verdict::kAccepted);
  EXPECT_EQ(*again[1].leaf_index, 301u);
  engine->Shutdown();
  auto report = ledger_store::AuditLedger(*store_, env_.registry, env_.verifier);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->entries, 302u);
}

TEST_F(EngineSqliteTest, StartRefusesATamperedTile) {
  {
    auto engine = env_.Start(*store_);
    Issue(*engine, 0, 10);
  }
  store_.reset();
  Tamper("UPDATE tiles SET hashes = zeroblob(length(hashes)) WHERE id = 0");
  Reopen();
  auto engine =
      engine::Engine::Start({}, *store_, env_.registry, env_.rules, env_.clock, env_.signer);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(engine.status().message().find("tiles"), std::string::npos)
      << engine.status().message();
}

TEST_F(EngineSqliteTest, StartRefusesATamperedCheckpoint) {
  {
    auto engine = env_.Start(*store_);
    Issue(*engine, 0, 10);
  }
  store_.reset();
  // Claim a larger tree under the old signature.
  Tamper(
      "UPDATE checkpoints SET note = replace(note, char(10) || '10' || char(10), char(10) || '11' "
      "|| char(10))");
  Reopen();
  auto engine =
      engine::Engine::Start({}, *store_, env_.registry, env_.rules, env_.clock, env_.signer);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kDataLoss);
}

TEST_F(EngineSqliteTest, AuditReportsTheEntryWithAFlippedByte) {
  {
    auto engine = env_.Start(*store_, {.batch_max_entries = 4, .batch_max_millis = 1});
    Issue(*engine, 0, 12);
  }
  ASSERT_TRUE(ledger_store::AuditLedger(*store_, env_.registry, env_.verifier).ok());
  std::string leaf = *store_->ReadLeaf(7);
  size_t at = leaf.find("LC7|issue");
  ASSERT_NE(at, std::string::npos);
  store_.reset();
  // "LC7" becomes "LC6" inside the signed body: the bank signature no longer verifies.
  Tamper("UPDATE entries SET leaf = substr(leaf, 1, " + std::to_string(at + 2) +
         ") || CAST('6' AS BLOB) || substr(leaf, " + std::to_string(at + 4) + ") WHERE idx = 7");
  Reopen();
  auto report = ledger_store::AuditLedger(*store_, env_.registry, env_.verifier);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(report.status().message().find("entry 7"), std::string::npos)
      << report.status().message();
}

TEST_F(EngineSqliteTest, ExportWritesTheC2spLayoutAndCatchesUp) {
  auto engine = env_.Start(*store_, {.batch_max_entries = 100, .batch_max_millis = 1});
  Issue(*engine, 0, 300);
  fs::path out = dir_ / "public";
  auto first = ExportStatic(*store_, out.string());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->new_size, 300u);
  for (const char* path : {"checkpoint", "tile/0/000", "tile/0/001.p/44", "tile/1/000.p/1",
                           "tile/entries/000", "tile/entries/001.p/44"}) {
    EXPECT_TRUE(fs::exists(out / path)) << path;
  }
  EXPECT_EQ(Slurp(out / "checkpoint"), store_->LatestCheckpoint()->note);
  // tile/0/000 is the 256 leaf hashes; the entry bundle is the 256 leaves, each behind a
  // big-endian uint16 length.
  std::string tile = Slurp(out / "tile/0/000");
  std::string bundle = Slurp(out / "tile/entries/000");
  ASSERT_EQ(tile.size(), 256u * 32);
  size_t pos = 0;
  for (uint64_t i = 0; i < 256; ++i) {
    ASSERT_LE(pos + 2, bundle.size());
    size_t len = (static_cast<uint8_t>(bundle[pos]) << 8) | static_cast<uint8_t>(bundle[pos + 1]);
    std::string leaf = bundle.substr(pos + 2, len);
    EXPECT_EQ(leaf, *store_->ReadLeaf(i));
    EXPECT_EQ(tile.substr(i * 32, 32), std::string(crypto::AsBytes(ledger::LeafHash(leaf))));
    pos += 2 + len;
  }
  EXPECT_EQ(pos, bundle.size());

  Issue(*engine, 300, 300);
  auto second = ExportStatic(*store_, out.string());
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->old_size, 300u);
  EXPECT_EQ(second->new_size, 600u);
  for (const char* path :
       {"tile/0/001", "tile/0/002.p/88", "tile/1/000.p/2", "tile/entries/002.p/88"}) {
    EXPECT_TRUE(fs::exists(out / path)) << path;
  }
  auto third = ExportStatic(*store_, out.string());
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->tiles_written, 0u);  // already up to date
}

TEST_F(EngineSqliteTest, LedgerCostsAtMostSignedBytesPlus300PerEntry) {
  // The marginal cost of an entry: the file's growth from 2,000 to 8,000 entries (about
  // 2 KiB bodies, ES256; an issuance and three amendments per credit) beyond the signed
  // bytes (body + JWS) added. The empty file's fixed cost (one 64 KiB page per table
  // and index) is not per entry and is left out.
  Reopen(/*durable=*/false);  // size, not durability, is measured here
  auto submit = [&](int first_credit, int credits) {
    auto engine = env_.Start(*store_, {.batch_max_entries = 256, .batch_max_millis = 5});
    std::vector<std::future<Outcome>> futures;
    for (int seq = 1; seq <= 4; ++seq) {
      for (int c = first_credit; c < first_credit + credits; ++c) {
        std::string body = "LC" + std::to_string(c) +
                           (seq == 1 ? "|issue|1" : "|amend|" + std::to_string(seq)) +
                           std::string(2000, ' ');
        futures.push_back(
            engine->Submit(env_.Signed(EngineTestEnv::kBankA, env_.key_a_es256, body)));
      }
    }
    for (auto& f : futures) {
      while (f.wait_for(std::chrono::milliseconds(2)) != std::future_status::ready)
        env_.clock.Advance(10);
      EXPECT_EQ(f.get().verdict, Verdict::kAccepted);
    }
  };
  auto file_bytes = [&] {
    store_.reset();  // the last connection's close checkpoints the WAL into the file
    uint64_t size = fs::file_size(db());
    Reopen(false);
    return size;
  };
  submit(0, 500);
  uint64_t before = file_bytes();
  submit(500, 1500);
  uint64_t after = file_bytes();
  uint64_t added_signed = 0;
  ASSERT_TRUE(store_
                  ->ScanLeaves(2000, 8000,
                               [&](uint64_t, std::string_view leaf) {
                                 auto e = ledger_store::DecodeLeaf(leaf);
                                 added_signed += e->body.size() + e->jws.size();
                                 return Status::Ok();
                               })
                  .ok());
  double overhead =
      (static_cast<double>(after - before) - static_cast<double>(added_signed)) / 6000;
  std::cout << "ledger file: " << before << " bytes at 2000 entries, " << after
            << " at 8000; overhead per entry beyond the signed bytes: " << overhead << " bytes\n";
  EXPECT_LE(overhead, 300.0);
}

}  // namespace
}  // namespace lcproc::store
