// Workload: a deterministic stream of realistic signed submissions from the demo
// network, for the engine's benchmark, the load generator and the crash tests.
//
// It keeps `active_credits` credits open at once and picks, with a seeded PRNG, which
// one moves next, so documents of many credits interleave (and the engine's parallel
// stages see independent credits) while each credit's documents come in the order its
// CreditScript needs. A finished credit is replaced by a new one. Bodies are the JSON
// encoding (pipeline/formats) of the trade documents, signed with the submitting bank's
// key as a detached JWS (RFC 7515/7797); a credit's issuance and its presentation of
// five documents are 2-4 KiB, its other documents smaller.
//
// The same seed, network keys and options give the same sequence of bodies (JWS bytes
// differ only through ECDSA's randomised signatures).
//
// Not thread-safe: one generator per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "pipeline/engine/submission.h"
#include "pipeline/status.h"
#include "pipeline/trade/date.h"
#include "services/demo/credit_script.h"
#include "services/demo/demo_network.h"

namespace lcproc::demo {

struct WorkloadOptions {
  uint64_t seed = 1;
  trade::Date today;           // the day the documents will be submitted (UTC)
  size_t active_credits = 64;  // credits interleaved at any time
  // Credit numbers are "<prefix><n>" (n from 1): distinct prefixes keep runs apart in
  // one ledger. At most 16 characters in all (SWIFT field 20).
  std::string credit_prefix = "LC";
  int discrepant_percent = 25;        // credits with a presentation shipped late (LATE_SHIPMENT)
  int partial_shipment_percent = 70;  // credits shipped in one presentation per goods line
  int confirmed_percent = 30;         // credits confirmed by DBS Singapore
  int rejected_amendment_percent = 10;
  // The live demo's variety (0/false keep the benchmarks' classic mix, byte for byte):
  // credits naming the reimbursing bank (53a), which pays; credits that also require a
  // phytosanitary certificate and a shipping company's certificate (an other document);
  // discrepant presentations with each of the five defects of Defect rather than late
  // shipment only; applicants and beneficiaries from every country of the demo.
  int reimbursed_percent = 0;
  int certificates_percent = 0;
  bool every_defect = false;
  bool many_countries = false;
  // Idempotency keys are "<prefix><sequence>" when non-empty.
  std::string idempotency_prefix;
};

// One signed document, ready for Engine::Submit, and what the engine should answer.
struct SignedDocument {
  engine::Submission submission;
  std::string credit_number;
  trade::DocumentType type = trade::DocumentType::kLetterOfCredit;
  bool expect_accepted = true;
  std::vector<std::string> expect_discrepancies;
};

// Signs `document` (its JSON encoding) with `bank`'s key into a Submission from that bank.
Result<engine::Submission> SignDocument(const DemoBank& bank, const trade::Document& document);

class Workload {
 public:
  // REQUIRES: `network` outlives the workload; options.active_credits > 0.
  Workload(const DemoNetwork& network, WorkloadOptions options);

  // The next document. Errors only if signing fails.
  Result<SignedDocument> Next();
  // The next `count` documents.
  Result<std::vector<SignedDocument>> Take(size_t count);

  uint64_t credits_started() const { return credits_started_; }
  uint64_t documents() const { return sequence_; }

 private:
  struct OpenCredit {
    std::vector<ScriptStep> steps;
    size_t next = 0;
  };
  OpenCredit StartCredit();

  const DemoNetwork& network_;
  WorkloadOptions options_;
  std::mt19937_64 rng_;
  std::vector<OpenCredit> open_;
  uint64_t credits_started_ = 0;
  uint64_t sequence_ = 0;
};

}  // namespace lcproc::demo
