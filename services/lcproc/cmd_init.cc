// `lcproc init`: creates a data directory: the processor's checkpoint signing key (the
// origin of every checkpoint), its public verifier key, an empty participant registry
// and an empty ledger.
#include <iostream>
#include <string>
#include <vector>

#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/store/data_dir.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "init";

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Creates a data directory: checkpoint.key (the C2SP note signing key, mode 0600),\n"
              "checkpoint.vkey (its verifier key, for auditors), registry.json and the ledger:\n"
              "lcproc.db, or the lcproc_ tables in the PostgreSQL database --store names.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  flags.Option("origin", "NAME", "the log's name: the origin line of every checkpoint", false,
               "lcproc.example/ledger");
  AddStoreFlag(flags);
  if (auto exit = flags.Parse(args)) return *exit;
  const std::string& dir = flags.Get("data-dir");
  Status status = store::DataDir::Init(dir, flags.Get("origin"), StoreSpec(flags));
  if (!status.ok()) {
    return Complain(kExitUsage, kName, status.message());
  }
  auto vkey = store::ReadWholeFile(dir + "/" + store::kVerifierKeyFile);
  std::cout << "initialised " << dir << "\nverifier key: " << (vkey.ok() ? *vkey : "\n");
  return kExitOk;
}

CommandRegistration kReg({kName, "create a data directory (checkpoint key, registry, ledger)",
                          &Run});

}  // namespace
}  // namespace lcproc::cli
