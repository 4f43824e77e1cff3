#include "services/lcproc/examination_coverage.h"

#include <cstdio>

#include "pipeline/rulebook/credit_history.h"

namespace lcproc::cli {

std::string ExaminationCoverage::Percent() const {
  if (documents == 0) return "n/a";
  // Integer arithmetic, rounded down to a tenth of a percent: never overstated.
  const uint64_t tenths = automatic * 1000 / documents;
  char text[32];
  std::snprintf(text, sizeof text, "%llu.%llu%%", static_cast<unsigned long long>(tenths / 10),
                static_cast<unsigned long long>(tenths % 10));
  return text;
}

std::string ExaminationCoverage::Summary() const {
  return std::to_string(automatic) + " of " + std::to_string(documents) + " documents presented (" +
         Percent() + ") in " + std::to_string(presentations) + " presentations of " +
         std::to_string(credits) + " credits were examined automatically; " +
         std::to_string(manual_checks) + " manual checks (needs a document checker) in " +
         std::to_string(presentations_with_manual_checks) + " presentations; " +
         std::to_string(disregarded) + " documents disregarded (art. 14(g))";
}

Result<ExaminationCoverage> MeasureExaminationCoverage(const ledger_store::LedgerStore& store,
                                                       const std::vector<std::string>& credits) {
  ExaminationCoverage out;
  for (const std::string& reference : credits) {
    LCPROC_ASSIGN_OR_RETURN(rulebook::CreditHistory history,
                            rulebook::ReplayCredit(store, reference));
    if (!history.state || history.state->presentations.empty()) continue;
    ++out.credits;
    for (const trade::PresentationRecord& record : history.state->presentations) {
      const trade::ExaminationResult& exam = record.examination;
      ++out.presentations;
      out.documents += static_cast<uint64_t>(exam.documents_presented);
      out.automatic += static_cast<uint64_t>(exam.documents_examined_automatically);
      out.disregarded += exam.disregarded_documents.size();
      out.manual_checks += exam.manual_checks.size();
      out.presentations_with_manual_checks += exam.manual_checks.empty() ? 0 : 1;
    }
  }
  return out;
}

Result<std::vector<std::string>> AllCredits(const ledger_store::LedgerStore& store) {
  std::vector<std::string> references;
  ledger_store::CreditQuery query;
  query.limit = 1000;
  while (true) {
    LCPROC_ASSIGN_OR_RETURN(std::vector<ledger_store::CreditRow> page, store.ListCredits(query));
    for (auto& row : page) references.push_back(std::move(row.reference));
    if (page.size() < query.limit) break;
    query.after_reference = references.back();
  }
  return references;
}

}  // namespace lcproc::cli
