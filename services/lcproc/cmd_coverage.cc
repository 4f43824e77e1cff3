// `lcproc coverage`: the share of the presented documents that lcproc examined
// automatically, over every credit of a ledger (or the credits named), replayed from the
// ledger through the rules (examination_coverage.h). Exit 0, 2 for usage or a ledger
// that cannot be read.
#include <iostream>
#include <string>
#include <vector>

#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/examination_coverage.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "coverage";

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Replays every credit of the ledger (or those given with --credit) through the\n"
              "rules and counts the documents of every presentation: presented, examined\n"
              "wholly automatically, and left in part to a document checker.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  flags.Option("credit", "REFERENCE", "one credit only");
  AddStoreFlag(flags);
  if (auto exit = flags.Parse(args)) return *exit;
  auto data = OpenDataDirOrComplain(kName, flags);
  if (!data) return kExitUsage;
  std::vector<std::string> credits;
  if (flags.Has("credit") && !flags.Get("credit").empty()) {
    credits.push_back(flags.Get("credit"));
  } else {
    auto all = AllCredits(data->store());
    if (!all.ok()) return Complain(kExitUsage, kName, all.status().ToString());
    credits = std::move(*all);
  }
  auto coverage = MeasureExaminationCoverage(data->store(), credits);
  if (!coverage.ok()) return Complain(kExitUsage, kName, coverage.status().ToString());
  std::cout << "examination coverage: " << coverage->Summary() << "\n";
  return kExitOk;
}

CommandRegistration kReg({kName, "share of presented documents examined automatically", &Run});

}  // namespace
}  // namespace lcproc::cli
