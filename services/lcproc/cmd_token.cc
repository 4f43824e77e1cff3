// `lcproc token add`: creates a bearer token for the REST API, bound to a bank's BIC or
// to the read-only operator role. The token is printed once; the data directory keeps
// only its SHA-256 (services/gateway/token_store.h). A running server picks it up within
// a second.
#include <iostream>
#include <string>
#include <vector>

#include "services/gateway/token_store.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "token";

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "lcproc token add --data-dir DIR (--bic BIC | --operator): prints a new bearer token "
              "for the\n"
              "REST API once. Only its SHA-256 is stored, in DIR/tokens.");
  flags.Positional("ACTION", "add");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  flags.Option("bic", "BIC", "the bank the token authenticates");
  flags.Switch("operator", "a read-only operator token (sees everything, submits nothing)");
  if (auto exit = flags.Parse(args)) return *exit;
  if (flags.Get("ACTION") != "add") {
    return Complain(kExitUsage, kName, "unknown action \"", flags.Get("ACTION"), "\" (only: add)");
  }
  bool has_bic = flags.Has("bic") && !flags.Get("bic").empty();
  if (has_bic == flags.IsSet("operator")) {
    return Complain(kExitUsage, kName, "give exactly one of --bic BIC and --operator");
  }
  gateway::Caller caller = has_bic ? gateway::Caller{gateway::Role::kBank, flags.Get("bic")}
                                   : gateway::Caller{gateway::Role::kOperator, ""};
  auto token = gateway::TokenStore::Add(flags.Get("data-dir") + "/" + gateway::kTokensFile, caller);
  if (!token.ok()) {
    return Complain(kExitUsage, kName, token.status().message());
  }
  std::cout << *token << "\n";
  return kExitOk;
}

CommandRegistration kReg({kName, "create a REST API bearer token for a bank or an operator", &Run});

}  // namespace
}  // namespace lcproc::cli
