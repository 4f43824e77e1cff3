// `lcproc registry`: edits the participant registry (registry.json in the data
// directory): the banks that may submit and the public keys they sign with. The engine
// reads the file when it starts.
//
//   lcproc registry add-bank --data-dir D --bic BIC --name NAME [--roles a,b] --key PUB.pem
//                            [--not-before T] [--not-after T]
//   lcproc registry add-key  --data-dir D --bic BIC --key PUB.pem [--not-before T] [--not-after T]
//   lcproc registry revoke   --data-dir D --kid KID
//   lcproc registry show     --data-dir D
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/crypto/public_key.h"
#include "pipeline/formats/registry_json.h"
#include "pipeline/participants/participant_registry.h"
#include "pipeline/trade/timestamp.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/store/data_dir.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "registry";

Result<participants::ParticipantRegistry> Load(const std::string& dir) {
  auto text = store::ReadWholeFile(dir + "/" + store::kRegistryFile);
  if (!text.ok()) return text.status();
  return formats::ParseRegistryJson(*text);
}

Status Save(const std::string& dir, const participants::ParticipantRegistry& registry) {
  return store::WriteFileAtomically(dir + "/" + store::kRegistryFile,
                                    formats::RegistryToJson(registry));
}

void KeyOptions(Flags& flags) {
  flags.Option("key", "PUB.pem", "the bank's public key (PEM), from lcproc keygen", true);
  flags.Option("not-before", "TIME", "first valid instant, RFC 3339 UTC (2026-01-01T00:00:00Z)");
  flags.Option("not-after", "TIME", "first invalid instant, RFC 3339 UTC");
}

Result<participants::BankKey> KeyFromFlags(const Flags& flags) {
  auto pem = store::ReadWholeFile(flags.Get("key"));
  if (!pem.ok()) return pem.status();
  LCPROC_ASSIGN_OR_RETURN(crypto::PublicKey key, crypto::PublicKey::FromPem(*pem));
  participants::BankKey out{key.key_id(), key, std::nullopt, std::nullopt, false};
  if (flags.Has("not-before")) {
    LCPROC_ASSIGN_OR_RETURN(out.not_before_millis,
                            trade::ParseUtcTimestampMillis(flags.Get("not-before")));
  }
  if (flags.Has("not-after")) {
    LCPROC_ASSIGN_OR_RETURN(out.not_after_millis,
                            trade::ParseUtcTimestampMillis(flags.Get("not-after")));
  }
  return out;
}

int AddBank(const std::vector<std::string>& args) {
  Flags flags("registry add-bank", "Adds a bank and its first signing key to registry.json.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  flags.Option("bic", "BIC", "the bank's BIC (8 or 11 characters)", true);
  flags.Option("name", "NAME", "the bank's name", true);
  flags.Option("roles", "ROLE,...", "comma-separated roles (issuing, advising, ...)");
  KeyOptions(flags);
  if (auto exit = flags.Parse(args)) return *exit;
  auto registry = Load(flags.Get("data-dir"));
  if (!registry.ok()) return Complain(kExitUsage, kName, registry.status().message());
  auto key = KeyFromFlags(flags);
  if (!key.ok()) return Complain(kExitUsage, kName, key.status().message());
  participants::Bank bank{flags.Get("bic"), flags.Get("name"), {}, {*key}};
  if (flags.Has("roles")) {
    std::stringstream roles(flags.Get("roles"));
    for (std::string role; std::getline(roles, role, ',');) {
      if (!role.empty()) bank.roles.push_back(role);
    }
  }
  Status status = registry->AddBank(std::move(bank));
  if (status.ok()) status = Save(flags.Get("data-dir"), *registry);
  if (!status.ok()) return Complain(kExitUsage, kName, status.message());
  std::cout << key->kid << "\n";
  return kExitOk;
}

int AddKey(const std::vector<std::string>& args) {
  Flags flags("registry add-key", "Adds a signing key to a bank already in registry.json.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  flags.Option("bic", "BIC", "the bank's BIC", true);
  KeyOptions(flags);
  if (auto exit = flags.Parse(args)) return *exit;
  auto registry = Load(flags.Get("data-dir"));
  if (!registry.ok()) return Complain(kExitUsage, kName, registry.status().message());
  auto key = KeyFromFlags(flags);
  if (!key.ok()) return Complain(kExitUsage, kName, key.status().message());
  // Rebuild with the bank's keys plus the new one, so AddBank re-checks every kid.
  participants::ParticipantRegistry updated;
  bool found = false;
  for (participants::Bank bank : registry->banks()) {
    if (bank.bic == flags.Get("bic")) {
      bank.keys.push_back(*key);
      found = true;
    }
    Status status = updated.AddBank(std::move(bank));
    if (!status.ok()) return Complain(kExitUsage, kName, status.message());
  }
  if (!found)
    return Complain(kExitUsage, kName, "no bank " + flags.Get("bic") + " in the registry");
  Status status = Save(flags.Get("data-dir"), updated);
  if (!status.ok()) return Complain(kExitUsage, kName, status.message());
  std::cout << key->kid << "\n";
  return kExitOk;
}

int Revoke(const std::vector<std::string>& args) {
  Flags flags("registry revoke", "Marks a key revoked: the engine refuses documents it signs.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  flags.Option("kid", "KID", "the key id", true);
  if (auto exit = flags.Parse(args)) return *exit;
  auto registry = Load(flags.Get("data-dir"));
  if (!registry.ok()) return Complain(kExitUsage, kName, registry.status().message());
  participants::ParticipantRegistry updated;
  bool found = false;
  for (participants::Bank bank : registry->banks()) {
    for (auto& key : bank.keys) {
      if (key.kid == flags.Get("kid")) key.revoked = found = true;
    }
    Status status = updated.AddBank(std::move(bank));
    if (!status.ok()) return Complain(kExitUsage, kName, status.message());
  }
  if (!found) return Complain(kExitUsage, kName, "no key " + flags.Get("kid") + " in the registry");
  Status status = Save(flags.Get("data-dir"), updated);
  return status.ok() ? kExitOk : Complain(kExitUsage, kName, status.message());
}

int Show(const std::vector<std::string>& args) {
  Flags flags("registry show", "Prints registry.json after checking it.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  if (auto exit = flags.Parse(args)) return *exit;
  auto registry = Load(flags.Get("data-dir"));
  if (!registry.ok()) return Complain(kExitUsage, kName, registry.status().message());
  std::cout << formats::RegistryToJson(*registry);
  return kExitOk;
}

int Run(const std::vector<std::string>& args) {
  const std::string usage =
      "usage: lcproc registry add-bank|add-key|revoke|show [OPTIONS]  (--help on each)\n";
  if (args.empty()) {
    std::cerr << usage;
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "add-bank") return AddBank(rest);
  if (args[0] == "add-key") return AddKey(rest);
  if (args[0] == "revoke") return Revoke(rest);
  if (args[0] == "show") return Show(rest);
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << usage;
    return kExitOk;
  }
  std::cerr << usage;
  return Complain(kExitUsage, kName, "unknown subcommand '", args[0], "'");
}

CommandRegistration kReg({kName, "add banks and keys to the participant registry", &Run});

}  // namespace
}  // namespace lcproc::cli
