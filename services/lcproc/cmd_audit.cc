// `lcproc audit`: the offline backstop. Re-reads every entry of the ledger, re-verifies
// every bank signature and every checkpoint signature, recomputes every root and tile
// from the leaves, and reports the first inconsistency. O(n) time, constant memory.
// Exit 0 when the ledger is consistent, 1 at the first inconsistency, 2 for usage.
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/ledger_store/ledger_audit.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "audit";

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Re-derives the whole ledger from its entries: every bank signature, every\n"
              "checkpoint signature and root, every tile. Prints the first inconsistency.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  AddStoreFlag(flags);
  if (auto exit = flags.Parse(args)) return *exit;
  auto data = OpenDataDirOrComplain(kName, flags);
  if (!data) return kExitUsage;
  ProgressBar progress("audit");
  auto report = ledger_store::AuditLedger(
      data->store(), data->registry(), data->verifier(),
      [&](uint64_t done, uint64_t total) { progress.Update(done, total); });
  progress.Finish();
  if (!report.ok()) {
    std::cout << "audit FAILED: " << report.status().message() << "\n";
    return kExitNegative;
  }
  std::cout << "audit OK: " << report->entries << " entries (" << report->accepted << " accepted, "
            << report->rejected << " rejected), " << report->checkpoints
            << " checkpoints, every signature and root verified\n";
  return kExitOk;
}

CommandRegistration kReg({kName, "re-verify the whole ledger (signatures, roots, tiles)", &Run});

}  // namespace
}  // namespace lcproc::cli
