// `lcproc ledger`: the public side of the ledger.
//
//   lcproc ledger export --data-dir D --out DIR
//       writes (or brings up to date) the C2SP tlog-tiles static layout in DIR
//   lcproc ledger proof inclusion --data-dir D --index I [--size N]
//   lcproc ledger proof consistency --data-dir D --from M [--to N]
//       print RFC 9162 proofs as JSON, hashes in standard base64, with the signed
//       checkpoint(s) when one was signed at that size
//   lcproc ledger checkpoint --data-dir D
//       prints the latest signed checkpoint
#include <iostream>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "pipeline/crypto/base64.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/proof.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/store/static_export.h"

namespace lcproc::cli {
namespace {

namespace json = boost::json;
constexpr char kName[] = "ledger";

std::string B64(const crypto::Digest& d) { return crypto::Base64Encode(crypto::AsBytes(d)); }

json::array B64List(const std::vector<crypto::Digest>& hashes) {
  json::array out;
  for (const auto& h : hashes) out.emplace_back(B64(h));
  return out;
}

bool ParseU64(const std::string& text, uint64_t& out) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 19)
    return false;
  out = std::stoull(text);
  return true;
}

// The size of the latest checkpoint (0 for an empty ledger).
Result<uint64_t> LatestSize(const ledger_store::LedgerStore& store) {
  auto latest = store.LatestCheckpoint();
  if (!latest.ok()) {
    return latest.status().code() == StatusCode::kNotFound ? Result<uint64_t>(0) : latest.status();
  }
  return latest->size;
}

json::value CheckpointOrNull(const ledger_store::LedgerStore& store, uint64_t size) {
  auto note = store.CheckpointAt(size);
  return note.ok() ? json::value(*note) : json::value(nullptr);
}

int Export(const std::vector<std::string>& args) {
  Flags flags("ledger export",
              "Writes the C2SP tlog-tiles static layout (checkpoint, tile/...,\n"
              "tile/entries/...) into DIR, or brings an earlier export up to date.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  AddStoreFlag(flags);
  flags.Option("out", "DIR", "where to write the static files", true);
  if (auto exit = flags.Parse(args)) return *exit;
  auto data = OpenDataDirOrComplain("ledger export", flags);
  if (!data) return kExitUsage;
  auto report = store::ExportStatic(data->store(), flags.Get("out"));
  if (!report.ok()) return Complain(kExitNegative, kName, report.status().message());
  std::cout << "exported tree size " << report->new_size << " (was " << report->old_size
            << "): " << report->tiles_written << " tiles, " << report->bundles_written
            << " entry bundles\n";
  return kExitOk;
}

int Inclusion(const std::vector<std::string>& args) {
  Flags flags("ledger proof inclusion",
              "Prints the RFC 9162 inclusion proof of entry I in the tree of size N.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  AddStoreFlag(flags);
  flags.Option("index", "I", "the entry's leaf index", true);
  flags.Option("size", "N", "the tree size (default: the latest checkpoint's)");
  if (auto exit = flags.Parse(args)) return *exit;
  uint64_t index = 0, size = 0;
  if (!ParseU64(flags.Get("index"), index))
    return Complain(kExitUsage, kName, "--index takes a number");
  if (flags.Has("size") && !ParseU64(flags.Get("size"), size))
    return Complain(kExitUsage, kName, "--size takes a number");
  auto data = OpenDataDirOrComplain("ledger proof", flags);
  if (!data) return kExitUsage;
  const auto& store = data->store();
  if (!flags.Has("size")) {
    auto latest = LatestSize(store);
    if (!latest.ok()) return Complain(kExitNegative, kName, latest.status().message());
    size = *latest;
  }
  if (index >= size)
    return Complain(
        kExitNegative, kName,
        "entry " + std::to_string(index) + " is not in a tree of size " + std::to_string(size));
  auto leaf = store.ReadLeaf(index);
  auto proof = ledger::InclusionProof(store, index, size);
  auto root = ledger::RootAt(store, size);
  if (!leaf.ok() || !proof.ok() || !root.ok()) {
    return Complain(kExitNegative, kName,
                    (!leaf.ok()    ? leaf.status()
                     : !proof.ok() ? proof.status()
                                   : root.status())
                        .message());
  }
  json::object out{{"index", index},
                   {"treeSize", size},
                   {"leafHash", B64(ledger::LeafHash(*leaf))},
                   {"rootHash", B64(*root)},
                   {"proof", B64List(*proof)},
                   {"checkpoint", CheckpointOrNull(store, size)}};
  std::cout << json::serialize(out) << "\n";
  return kExitOk;
}

int Consistency(const std::vector<std::string>& args) {
  Flags flags("ledger proof consistency",
              "Prints the RFC 9162 consistency proof from tree size M to N.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  AddStoreFlag(flags);
  flags.Option("from", "M", "the older tree size", true);
  flags.Option("to", "N", "the newer tree size (default: the latest checkpoint's)");
  if (auto exit = flags.Parse(args)) return *exit;
  uint64_t from = 0, to = 0;
  if (!ParseU64(flags.Get("from"), from))
    return Complain(kExitUsage, kName, "--from takes a number");
  if (flags.Has("to") && !ParseU64(flags.Get("to"), to))
    return Complain(kExitUsage, kName, "--to takes a number");
  auto data = OpenDataDirOrComplain("ledger proof", flags);
  if (!data) return kExitUsage;
  const auto& store = data->store();
  if (!flags.Has("to")) {
    auto latest = LatestSize(store);
    if (!latest.ok()) return Complain(kExitNegative, kName, latest.status().message());
    to = *latest;
  }
  auto latest = LatestSize(store);
  if (from > to || (latest.ok() && to > *latest)) {
    return Complain(kExitNegative, kName,
                    "need 0 <= from <= to <= " + std::to_string(latest.value_or(0)));
  }
  auto proof = ledger::ConsistencyProof(store, from, to);
  auto from_root = ledger::RootAt(store, from);
  auto to_root = ledger::RootAt(store, to);
  if (!proof.ok() || !from_root.ok() || !to_root.ok()) {
    return Complain(kExitNegative, kName,
                    (!proof.ok()       ? proof.status()
                     : !from_root.ok() ? from_root.status()
                                       : to_root.status())
                        .message());
  }
  json::object out{{"from", from},
                   {"to", to},
                   {"fromRoot", B64(*from_root)},
                   {"toRoot", B64(*to_root)},
                   {"proof", B64List(*proof)},
                   {"fromCheckpoint", CheckpointOrNull(store, from)},
                   {"toCheckpoint", CheckpointOrNull(store, to)}};
  std::cout << json::serialize(out) << "\n";
  return kExitOk;
}

int ShowCheckpoint(const std::vector<std::string>& args) {
  Flags flags("ledger checkpoint", "Prints the latest signed checkpoint (a C2SP signed note).");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  AddStoreFlag(flags);
  if (auto exit = flags.Parse(args)) return *exit;
  auto data = OpenDataDirOrComplain("ledger checkpoint", flags);
  if (!data) return kExitUsage;
  auto latest = data->store().LatestCheckpoint();
  if (!latest.ok()) return Complain(kExitNegative, kName, latest.status().message());
  std::cout << latest->note;
  return kExitOk;
}

int Run(const std::vector<std::string>& args) {
  const std::string usage =
      "usage: lcproc ledger export|checkpoint|proof inclusion|proof consistency [OPTIONS]\n";
  if (args.empty()) return Complain(kExitUsage, kName, "missing subcommand\n" + usage);
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "export") return Export(rest);
  if (args[0] == "checkpoint") return ShowCheckpoint(rest);
  if (args[0] == "proof" && !rest.empty()) {
    std::vector<std::string> more(rest.begin() + 1, rest.end());
    if (rest[0] == "inclusion") return Inclusion(more);
    if (rest[0] == "consistency") return Consistency(more);
  }
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << usage;
    return kExitOk;
  }
  return Complain(kExitUsage, kName, "unknown subcommand\n" + usage);
}

CommandRegistration kReg({kName, "export the ledger as static tiles; print proofs and checkpoints",
                          &Run});

}  // namespace
}  // namespace lcproc::cli
