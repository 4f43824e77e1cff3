// `lcproc migrate --from DIR --to postgresql://...`: copies the SQLite ledger of data
// directory DIR into PostgreSQL, batch for batch with the same signed checkpoints, then
// audits the copy. The data directory keeps its keys and registry: afterwards run every
// command with --store URI (or $LCPROC_STORE). Exit 0 when the copy audits clean, 1 when
// the copy or its audit fails, 2 for usage.
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/ledger_store/ledger_audit.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/store/migrate_ledger.h"
#include "services/store/open_ledger_store.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "migrate";

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Copies the SQLite ledger of data directory DIR into an empty PostgreSQL database\n"
              "(same entries, tiles and signed checkpoints), then audits the copy.");
  flags.Option("from", "DIR", "the data directory whose lcproc.db is copied", true);
  flags.Option("to", "URI", "the destination, postgresql://user@host:port/database", true);
  if (auto exit = flags.Parse(args)) return *exit;
  const std::string& dir = flags.Get("from");
  const std::string& to_spec = flags.Get("to");
  if (!store::IsPostgresSpec(to_spec)) {
    return Complain(kExitUsage, kName,
                    "--to must be a PostgreSQL URI (postgresql://user@host:port/database)");
  }
  auto data = store::DataDir::Open(dir, store::StoreOptions{});
  if (!data.ok()) {
    return Complain(kExitUsage, kName, data.status().message());
  }
  auto* from = dynamic_cast<store::SqliteLedgerStore*>(&(*data)->store());
  auto to = store::OpenLedgerStore(dir, {.create = true, .durable = true, .store = to_spec});
  if (from == nullptr || !to.ok()) {
    return Complain(kExitNegative, kName,
                    to.ok() ? "the source is not a SQLite ledger" : to.status().message());
  }
  ProgressBar copy_bar("copy");
  auto report = store::MigrateLedger(
      *from, **to, [&](uint64_t done, uint64_t total) { copy_bar.Update(done, total); });
  copy_bar.Finish();
  if (!report.ok()) {
    return Complain(kExitNegative, kName, report.status().message());
  }
  std::cout << "copied " << report->entries << " entries, " << report->checkpoints
            << " checkpoints and " << report->credits << " credits to "
            << store::DescribeStore(dir, to_spec) << "\n";
  ProgressBar audit_bar("audit");
  auto audit = ledger_store::AuditLedger(
      **to, (*data)->registry(), (*data)->verifier(),
      [&](uint64_t done, uint64_t total) { audit_bar.Update(done, total); });
  audit_bar.Finish();
  if (!audit.ok()) {
    std::cout << "audit of the copy FAILED: " << audit.status().message() << "\n";
    return kExitNegative;
  }
  std::cout
      << "audit of the copy OK: " << audit->entries << " entries, " << audit->checkpoints
      << " checkpoints, every signature and root verified\n"
      << "from now on add --store with this URI (or set LCPROC_STORE) to commands on --data-dir "
      << dir << "\n";
  return kExitOk;
}

CommandRegistration kReg({kName, "copy a SQLite ledger into PostgreSQL and audit the copy", &Run});

}  // namespace
}  // namespace lcproc::cli
