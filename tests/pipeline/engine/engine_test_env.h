// EngineTestEnv: two banks with keys (plus a revoked, an expired and an unregistered
// key), their registry, the processor's note signer, a ManualClock and FakeRules: what
// every engine test needs, built once per test.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "pipeline/clock.h"
#include "pipeline/crypto/jws.h"
#include "pipeline/crypto/private_key.h"
#include "pipeline/engine/engine.h"
#include "pipeline/ledger/signed_note.h"
#include "pipeline/participants/participant_registry.h"
#include "tests/pipeline/engine/fake_rules.h"

namespace lcproc::engine::testing {

using ledger_store::LedgerStore;
using participants::Bank;
using participants::BankKey;
using participants::ParticipantRegistry;

inline crypto::PrivateKey NewKey(crypto::Algorithm alg = crypto::Algorithm::kEdDsa) {
  auto key = crypto::PrivateKey::Generate(alg);
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  return *key;
}

struct EngineTestEnv {
  static constexpr const char* kBankA = "BANKGB2LXXX";
  static constexpr const char* kBankB = "BANKFRPPXXX";
  static constexpr int64_t kNow = 1780000000000;  // 2026-05-28

  crypto::PrivateKey key_a = NewKey();
  crypto::PrivateKey key_a_es256 = NewKey(crypto::Algorithm::kEs256);
  crypto::PrivateKey key_b = NewKey();
  crypto::PrivateKey revoked_a = NewKey();
  crypto::PrivateKey expired_a = NewKey();
  crypto::PrivateKey unregistered = NewKey();
  ParticipantRegistry registry;
  ledger::NoteSigner signer = *ledger::NoteSigner::Generate("lcproc.test/ledger");
  ledger::NoteVerifier verifier = *ledger::NoteVerifier::FromVerifierKey(signer.VerifierKey());
  ManualClock clock{kNow};
  FakeRules rules;

  EngineTestEnv() {
    auto bank_key = [](const crypto::PrivateKey& k) {
      return BankKey{k.public_key().key_id(), k.public_key(), std::nullopt, std::nullopt, false};
    };
    Bank a{kBankA,
           "Bank A",
           {"issuing"},
           {bank_key(key_a), bank_key(key_a_es256), bank_key(revoked_a), bank_key(expired_a)}};
    a.keys[2].revoked = true;
    a.keys[3].not_after_millis = kNow - 1000;
    Bank b{kBankB, "Bank B", {"advising"}, {bank_key(key_b)}};
    EXPECT_TRUE(registry.AddBank(std::move(a)).ok());
    EXPECT_TRUE(registry.AddBank(std::move(b)).ok());
  }

  std::unique_ptr<Submission> Signed(const std::string& submitter, const crypto::PrivateKey& key,
                                     const std::string& body,
                                     const std::string& idempotency_key = "") {
    auto s = std::make_unique<Submission>();
    s->submitter = submitter;
    s->content_type = "text/plain";
    s->body = body;
    s->jws = *crypto::SignDetached(key, body);
    s->idempotency_key = idempotency_key;
    s->received_millis = clock.NowMillis();
    return s;
  }
  std::unique_ptr<Submission> FromA(const std::string& body, const std::string& idem = "") {
    return Signed(kBankA, key_a, body, idem);
  }

  std::unique_ptr<Engine> Start(LedgerStore& store, EngineOptions options = {}) {
    if (options.threads == 0) options.threads = 2;
    auto engine = Engine::Start(options, store, registry, rules, clock, signer);
    EXPECT_TRUE(engine.ok()) << engine.status().ToString();
    return engine.ok() ? std::move(*engine) : nullptr;
  }
};

}  // namespace lcproc::engine::testing
