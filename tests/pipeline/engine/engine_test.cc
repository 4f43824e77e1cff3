#include "pipeline/engine/engine.h"

#include <gtest/gtest.h>

#include <functional>
#include <future>
#include <string>
#include <vector>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/inclusion_proof.h"
#include "pipeline/ledger_store/checkpoint_note.h"
#include "pipeline/ledger_store/ledger_audit.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "pipeline/ledger_store/memory_ledger_store.h"
#include "pipeline/ledger_store/store_head.h"
#include "tests/pipeline/engine/engine_test_env.h"

namespace lcproc::engine {
namespace {

using ledger_store::AuditLedger;
using ledger_store::DecodeLeaf;
using ledger_store::MemoryLedgerStore;
using ledger_store::UnverifiedCheckpoint;
using ledger_store::VerifyStoreHead;
using participants::KeyRefusal;

using testing::EngineTestEnv;

class EngineTest : public ::testing::Test {
 protected:
  EngineTestEnv env;
  MemoryLedgerStore store;

  // Waits for an outcome, moving the ManualClock on so that time-cut batches close.
  Outcome Await(std::future<Outcome>& future) {
    while (future.wait_for(std::chrono::milliseconds(2)) != std::future_status::ready) {
      env.clock.Advance(10);
    }
    return future.get();
  }
  Outcome Run(Engine& engine, std::unique_ptr<Submission> s) {
    auto future = engine.Submit(std::move(s));
    return Await(future);
  }
  // An engine cutting a batch per document, LC0 issued at index 0; then LC1's issuance
  // submitted after `arm` set up the store's next commit, its outcome checked as failed
  // with `code` and no index.
  std::unique_ptr<Engine> StartAndFailLc1(const std::function<void()>& arm, StatusCode code) {
    auto engine = env.Start(store, {.batch_max_entries = 1, .batch_max_millis = 1});
    EXPECT_EQ(Run(*engine, env.FromA("LC0|issue")).verdict, Verdict::kAccepted);
    arm();
    Outcome failed = Run(*engine, env.FromA("LC1|issue"));
    EXPECT_EQ(failed.verdict, Verdict::kFailed);
    EXPECT_EQ(failed.status.code(), code);
    EXPECT_FALSE(failed.leaf_index.has_value());
    return engine;
  }
};

TEST_F(EngineTest, AcceptsSignedIssuanceWithVerifiableReceipt) {
  auto engine = env.Start(store);
  Outcome out = Run(*engine, env.FromA("LC1|issue"));
  ASSERT_EQ(out.verdict, Verdict::kAccepted) << out.status.ToString();
  ASSERT_TRUE(out.leaf_index.has_value());
  EXPECT_EQ(*out.leaf_index, 0u);
  EXPECT_EQ(out.credit_number, "LC1");
  EXPECT_EQ(out.tree_size, 1u);

  auto checkpoint = ledger::VerifyCheckpoint(env.verifier, out.checkpoint);
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.status().ToString();
  EXPECT_EQ(checkpoint->size, 1u);
  EXPECT_EQ(checkpoint->origin, "lcproc.test/ledger");

  // The receipt verifies with RFC 9162 alone: leaf hash, index, proof, signed root.
  auto leaf = store.ReadLeaf(0);
  ASSERT_TRUE(leaf.ok());
  auto proof = ledger::InclusionProof(store, 0, checkpoint->size);
  ASSERT_TRUE(proof.ok());
  EXPECT_TRUE(ledger::VerifyInclusion(ledger::LeafHash(*leaf), 0, checkpoint->size, *proof,
                                      checkpoint->root)
                  .ok());
  auto entry = DecodeLeaf(*leaf);
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->body, "LC1|issue");
  EXPECT_EQ(entry->submitter, EngineTestEnv::kBankA);
  EXPECT_TRUE(entry->accepted);
}

TEST_F(EngineTest, RecordsRuleRejectionsAsEntries) {
  auto engine = env.Start(store);
  Outcome unknown = Run(*engine, env.FromA("LC9|amend|2"));
  Outcome malformed = Run(*engine, env.FromA("no separator"));
  Outcome invalid = Run(*engine, env.FromA("LC9|invalid"));
  for (const Outcome* out : {&unknown, &malformed, &invalid}) {
    EXPECT_EQ(out->verdict, Verdict::kRejected);
    EXPECT_TRUE(out->leaf_index.has_value());
  }
  EXPECT_EQ(unknown.status.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(malformed.status.code(), StatusCode::kMalformed);
  EXPECT_EQ(invalid.status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*store.Size(), 3u);
  auto entry = DecodeLeaf(*store.ReadLeaf(*unknown.leaf_index));
  ASSERT_TRUE(entry.ok());
  EXPECT_FALSE(entry->accepted);
  EXPECT_EQ(entry->reason_code, StatusCode::kFailedPrecondition);
  engine->Shutdown();
  EXPECT_EQ(engine->stats().rejected_by_code[static_cast<size_t>(StatusCode::kMalformed)], 1u);
}

TEST_F(EngineTest, RefusesUnauthenticatedAndNeverRecordsThem) {
  auto engine = env.Start(store);
  auto tampered = env.FromA("LC1|issue");
  tampered->body = "LC2|issue";  // changed after signing
  auto other_bank = env.Signed(EngineTestEnv::kBankA, env.key_b, "LC3|issue");
  auto unknown = env.Signed(EngineTestEnv::kBankA, env.unregistered, "LC4|issue");
  auto revoked = env.Signed(EngineTestEnv::kBankA, env.revoked_a, "LC5|issue");
  auto expired = env.Signed(EngineTestEnv::kBankA, env.expired_a, "LC6|issue");
  auto garbage = env.FromA("LC7|issue");
  garbage->jws = "not a jws";

  EXPECT_EQ(Run(*engine, std::move(tampered)).status.code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Run(*engine, std::move(other_bank)).status.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Run(*engine, std::move(unknown)).status.code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Run(*engine, std::move(revoked)).status.code(), StatusCode::kUnauthenticated);
  Outcome last = Run(*engine, std::move(expired));
  EXPECT_EQ(last.verdict, Verdict::kRefused);
  EXPECT_FALSE(last.leaf_index.has_value());
  EXPECT_EQ(Run(*engine, std::move(garbage)).verdict, Verdict::kRefused);

  Outcome good = Run(*engine, env.FromA("LC1|issue"));
  EXPECT_EQ(good.verdict, Verdict::kAccepted);
  EXPECT_EQ(*good.leaf_index, 0u);  // nothing refused took an index
  EXPECT_EQ(*store.Size(), 1u);

  engine->Shutdown();
  EngineStats stats = engine->stats();
  EXPECT_EQ(stats.refused, 6u);
  EXPECT_EQ(stats.refused_by_key[static_cast<size_t>(KeyRefusal::kOtherBank)], 1u);
  EXPECT_EQ(stats.refused_by_key[static_cast<size_t>(KeyRefusal::kUnknownKey)], 1u);
  EXPECT_EQ(stats.refused_by_key[static_cast<size_t>(KeyRefusal::kRevoked)], 1u);
  EXPECT_EQ(stats.refused_by_key[static_cast<size_t>(KeyRefusal::kExpired)], 1u);
  EXPECT_EQ(stats.in_flight, 0u);
}

TEST_F(EngineTest, IdempotentRetryGetsFirstOutcomeAndOtherBytesConflict) {
  auto engine = env.Start(store, {.batch_max_entries = 64, .batch_max_millis = 1});
  // Back to back: the retry meets the first while it is still uncommitted.
  auto first = engine->Submit(env.FromA("LC1|issue", "key-1"));
  auto retry = engine->Submit(env.FromA("LC1|issue", "key-1"));  // re-signed, same bytes
  auto conflict = engine->Submit(env.FromA("LC2|issue", "key-1"));
  Outcome a = Await(first), b = Await(retry), c = Await(conflict);
  ASSERT_EQ(a.verdict, Verdict::kAccepted);
  EXPECT_EQ(b.verdict, Verdict::kAccepted);
  EXPECT_TRUE(b.duplicate);
  EXPECT_EQ(b.leaf_index, a.leaf_index);
  EXPECT_EQ(c.verdict, Verdict::kRefused);
  EXPECT_EQ(c.status.code(), StatusCode::kConflict);

  // After the commit the answer comes from the store.
  Outcome later = Run(*engine, env.FromA("LC1|issue", "key-1"));
  EXPECT_TRUE(later.duplicate);
  EXPECT_EQ(later.leaf_index, a.leaf_index);
  EXPECT_TRUE(ledger::VerifyCheckpoint(env.verifier, later.checkpoint).ok());
  EXPECT_EQ(Run(*engine, env.FromA("LC3|issue", "key-1")).status.code(), StatusCode::kConflict);
  // Another bank may use the same key for its own document.
  EXPECT_EQ(
      Run(*engine, env.Signed(EngineTestEnv::kBankB, env.key_b, "LC4|issue", "key-1")).verdict,
      Verdict::kAccepted);
  EXPECT_EQ(*store.Size(), 2u);
}

TEST_F(EngineTest, ReplayOfSignedDocumentIsAnsweredWithFirstIndex) {
  auto engine = env.Start(store);
  auto original = env.FromA("LC1|issue");
  auto replay = std::make_unique<Submission>(*original);
  Outcome a = Run(*engine, std::move(original));
  Outcome b = Run(*engine, std::move(replay));
  EXPECT_EQ(a.verdict, Verdict::kAccepted);
  EXPECT_TRUE(b.duplicate);
  EXPECT_EQ(b.verdict, Verdict::kAccepted);  // the first outcome, not "already issued"
  EXPECT_EQ(b.leaf_index, a.leaf_index);
  EXPECT_EQ(*store.Size(), 1u);
}

TEST_F(EngineTest, KeepsArrivalOrderPerCreditUnderParallelLoad) {
  auto engine = env.Start(store, {.batch_max_entries = 32, .batch_max_millis = 1, .threads = 2});
  constexpr int kCredits = 16, kDocs = 24;
  std::vector<std::future<Outcome>> outcomes;
  for (int seq = 1; seq <= kDocs; ++seq) {
    for (int c = 0; c < kCredits; ++c) {
      std::string body =
          "LC" + std::to_string(c) + (seq == 1 ? "|issue" : "|amend|" + std::to_string(seq));
      // Mixed algorithms make verification times differ, so the parallel stages finish
      // out of order and only the sequence stage restores it.
      const auto& key = (seq + c) % 2 ? env.key_a : env.key_a_es256;
      outcomes.push_back(engine->Submit(env.Signed(EngineTestEnv::kBankA, key, body)));
    }
  }
  for (auto& f : outcomes) {
    Outcome out = Await(f);
    EXPECT_EQ(out.verdict, Verdict::kAccepted) << out.status.ToString();
  }
  EXPECT_EQ(*store.Size(), static_cast<uint64_t>(kCredits * kDocs));
  auto row = store.ReadCredit("LC3");
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->state, "amended");
}

TEST_F(EngineTest, SubmitRefusesAtOnceWhenInFlightLimitIsReached) {
  // A batch that never cuts by count, and a clock that does not move: nothing completes.
  auto engine =
      env.Start(store, {.max_in_flight = 4, .batch_max_entries = 1000, .batch_max_millis = 60000});
  std::vector<std::future<Outcome>> outcomes;
  for (int i = 0; i < 4; ++i)
    outcomes.push_back(engine->Submit(env.FromA("LC" + std::to_string(i) + "|issue")));
  auto submission = env.FromA("LC9|issue");
  const std::string body = submission->body;
  Admission refused = engine->Submit(std::move(submission), [](Outcome) { FAIL() << "called"; });
  EXPECT_EQ(refused.status.code(), StatusCode::kResourceExhausted);
  // Handed back whole, so the caller retries without rebuilding it.
  ASSERT_NE(refused.returned, nullptr);
  EXPECT_EQ(refused.returned->body, body);
  EXPECT_EQ(engine->stats().overloaded, 1u);
  engine->Shutdown();  // drains: cuts the open batch
  for (auto& f : outcomes) EXPECT_EQ(f.get().verdict, Verdict::kAccepted);
  Admission late = engine->Submit(env.FromA("LC10|issue"), [](Outcome) {});
  EXPECT_EQ(late.status.code(), StatusCode::kUnavailable);
  EXPECT_NE(late.returned, nullptr);
}

TEST_F(EngineTest, CutsBatchesByCount) {
  auto engine = env.Start(store, {.batch_max_entries = 4, .batch_max_millis = 60000});
  std::vector<std::future<Outcome>> outcomes;
  for (int i = 0; i < 8; ++i)
    outcomes.push_back(engine->Submit(env.FromA("LC" + std::to_string(i) + "|issue")));
  for (auto& f : outcomes) EXPECT_EQ(f.get().verdict, Verdict::kAccepted);
  EngineStats stats = engine->stats();
  EXPECT_EQ(stats.batches, 2u);
  EXPECT_EQ(stats.batch_size_histogram[2], 2u);  // [4, 8)
  EXPECT_TRUE(store.CheckpointAt(4).ok());
  EXPECT_TRUE(store.CheckpointAt(8).ok());
}

TEST_F(EngineTest, CutsBatchByTimeOnTheInjectedClock) {
  auto engine = env.Start(store, {.batch_max_entries = 1000, .batch_max_millis = 250});
  std::vector<std::future<Outcome>> outcomes;
  for (int i = 0; i < 3; ++i)
    outcomes.push_back(engine->Submit(env.FromA("LC" + std::to_string(i) + "|issue")));
  // Only time can cut this batch; the feeder notices the clock within its poll.
  while (engine->stats().stages[static_cast<size_t>(Stage::kSequence)].count < 3)
    std::this_thread::yield();
  env.clock.Advance(250);
  for (auto& f : outcomes) EXPECT_EQ(f.get().verdict, Verdict::kAccepted);
  EXPECT_EQ(engine->stats().batches, 1u);
  EXPECT_EQ(engine->stats().batch_entries, 3u);
}

TEST_F(EngineTest, FailedCommitFailsBatchRollsBackAndRecovers) {
  auto engine = StartAndFailLc1([&] { store.FailCommits(IoError("database or disk is full")); },
                                StatusCode::kIoError);
  store.FailCommits(Status::Ok());

  // The lost issuance left no trace: not in the tree, not in the credit's state.
  Outcome amend = Run(*engine, env.FromA("LC1|amend|2"));
  EXPECT_EQ(amend.verdict, Verdict::kRejected);
  EXPECT_EQ(*amend.leaf_index, 1u);
  Outcome retry = Run(*engine, env.FromA("LC1|issue"));
  EXPECT_EQ(retry.verdict, Verdict::kAccepted);
  EXPECT_EQ(*retry.leaf_index, 2u);
  EXPECT_TRUE(VerifyStoreHead(store, env.verifier).ok());
  EXPECT_GE(engine->stats().commit_failures, 1u);
}

TEST_F(EngineTest, ACommitWhoseAnswerWasLostIsTakenFromTheStoreNotGuessed) {
  // The store commits LC1 but the engine hears "unknown" (a connection broken during
  // COMMIT): never acknowledged, and the engine must continue from the store's head.
  auto engine = StartAndFailLc1(
      [&] { store.LoseNextCommitAnswer(Unavailable("the connection broke during COMMIT")); },
      StatusCode::kUnavailable);
  ASSERT_EQ(*store.Size(), 2u);

  // The same engine, no restart: the next document extends the tree the store holds
  // (index 2, not a refused batch at size 1), the credit LC1 is known, and a retry of
  // LC1's issuance is answered with the index it already has.
  Outcome next = Run(*engine, env.FromA("LC2|issue"));
  EXPECT_EQ(next.verdict, Verdict::kAccepted);
  EXPECT_EQ(next.leaf_index, std::optional<uint64_t>(2));
  Outcome amend = Run(*engine, env.FromA("LC1|amend|2"));
  EXPECT_EQ(amend.verdict, Verdict::kAccepted) << amend.status.ToString();
  EXPECT_EQ(amend.leaf_index, std::optional<uint64_t>(3));
  Outcome retry = Run(*engine, env.FromA("LC1|issue"));
  EXPECT_TRUE(retry.duplicate);
  EXPECT_EQ(retry.leaf_index, std::optional<uint64_t>(1));
  EXPECT_EQ(engine->committed_size(), 4u);
  EXPECT_TRUE(VerifyStoreHead(store, env.verifier).ok());
}

TEST_F(EngineTest, RebuildsCreditStateFromTheLedgerAfterRestart) {
  {
    auto engine = env.Start(store);
    ASSERT_EQ(Run(*engine, env.FromA("LC1|issue")).verdict, Verdict::kAccepted);
    ASSERT_EQ(Run(*engine, env.FromA("LC1|amend|2")).verdict, Verdict::kAccepted);
    ASSERT_EQ(Run(*engine, env.FromA("LC1|amend|9")).verdict, Verdict::kRejected);
  }
  auto engine = env.Start(store);
  EXPECT_EQ(Run(*engine, env.FromA("LC1|amend|3")).verdict, Verdict::kAccepted);
  EXPECT_EQ(Run(*engine, env.FromA("LC1|issue|2")).verdict, Verdict::kRejected);
}

TEST_F(EngineTest, EvictedCreditStatesAreRebuiltFromTheLedger) {
  auto engine =
      env.Start(store, {.batch_max_entries = 1, .batch_max_millis = 1, .max_cached_credits = 2});
  for (int c = 0; c < 6; ++c) {
    ASSERT_EQ(Run(*engine, env.FromA("LC" + std::to_string(c) + "|issue")).verdict,
              Verdict::kAccepted);
  }
  // LC0's state was evicted long ago; amendments still see it, in order.
  EXPECT_EQ(Run(*engine, env.FromA("LC0|amend|2")).verdict, Verdict::kAccepted);
  EXPECT_EQ(Run(*engine, env.FromA("LC0|amend|4")).verdict, Verdict::kRejected);
  for (int c = 1; c < 6; ++c) {
    EXPECT_EQ(Run(*engine, env.FromA("LC" + std::to_string(c) + "|amend|2")).verdict,
              Verdict::kAccepted);
  }
  EXPECT_EQ(Run(*engine, env.FromA("LC0|amend|3")).verdict, Verdict::kAccepted);
}

TEST_F(EngineTest, StartRefusesAStoreWhoseCheckpointWasTampered) {
  {
    auto engine = env.Start(store);
    ASSERT_EQ(Run(*engine, env.FromA("LC1|issue")).verdict, Verdict::kAccepted);
  }
  auto forger = *ledger::NoteSigner::Generate("lcproc.test/ledger");
  auto body = ledger_store::UnverifiedCheckpoint(store.LatestCheckpoint()->note);
  ASSERT_TRUE(body.ok());
  store.TamperLatestCheckpoint(*forger.Sign(ledger::FormatCheckpoint(*body)));
  auto engine = Engine::Start({}, store, env.registry, env.rules, env.clock, env.signer);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(engine.status().message().find("does not verify"), std::string::npos);
}

TEST_F(EngineTest, AuditPassesAndFindsAFlippedByte) {
  {
    auto engine = env.Start(store, {.batch_max_entries = 3, .batch_max_millis = 1});
    for (int i = 0; i < 10; ++i) Run(*engine, env.FromA("LC" + std::to_string(i) + "|issue"));
    Run(*engine, env.FromA("LC0|amend|7"));  // rejected, still audited
  }
  auto report = AuditLedger(store, env.registry, env.verifier);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->entries, 11u);
  EXPECT_EQ(report->accepted, 10u);
  EXPECT_EQ(report->rejected, 1u);

  std::string leaf = *store.ReadLeaf(5);
  leaf[leaf.size() - 100] ^= 0x01;  // inside the JWS or body
  store.TamperLeaf(5, leaf);
  auto bad = AuditLedger(store, env.registry, env.verifier);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(bad.status().message().find("entry 5"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace lcproc::engine
