// ExaminationCoverage: how much of the presentations in a ledger lcproc examined
// automatically (issue 12's "share of a presentation's documents examined automatically").
// Each credit is replayed from its entries through the rulebook (the engine's own rules),
// and every presentation's examination result counts its documents: presented, examined
// wholly automatically, and left in part to a document checker (manual checks). `lcproc
// demo` prints it for the credits it presented; `lcproc coverage` for a whole ledger.
//
// Reads the store through its const methods only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/status.h"

namespace lcproc::cli {

struct ExaminationCoverage {
  uint64_t credits = 0;  // with at least one presentation
  uint64_t presentations = 0;
  uint64_t documents = 0;    // documents presented, every presentation
  uint64_t automatic = 0;    // of them, examined wholly automatically
  uint64_t disregarded = 0;  // presented but not required (art. 14(g)): not examined
  uint64_t manual_checks = 0;
  uint64_t presentations_with_manual_checks = 0;

  // automatic ÷ documents, in percent with one decimal ("94.7%"); "n/a" without documents.
  std::string Percent() const;
  // One line: "1234 of 1300 documents presented (94.9%) in 210 presentations of 80 credits
  // were examined automatically; 66 manual checks in 66 presentations".
  std::string Summary() const;
};

// The coverage of the presentations of `credits` (references). NotFound for a credit
// without entries; DataLoss when the ledger and the rules disagree.
Result<ExaminationCoverage> MeasureExaminationCoverage(const ledger_store::LedgerStore& store,
                                                       const std::vector<std::string>& credits);

// Every credit reference of the ledger, in reference order.
Result<std::vector<std::string>> AllCredits(const ledger_store::LedgerStore& store);

}  // namespace lcproc::cli
