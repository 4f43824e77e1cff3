// `lcproc verify-receipt`: a bank's offline proof that its document is in the ledger.
// Given the receipt the REST API answered (201 body, a 422 problem's "receipt", or a
// GET /v1/documents/{id} answer) and the processor's checkpoint verifier key, it checks,
// knowing nothing else and contacting nothing:
//   1. the receipt's checkpoint is a signed note (c2sp.org/signed-note) by that key;
//   2. the checkpoint's tree size is the receipt's treeSize;
//   3. the inclusion proof (RFC 9162 §2.1.3.2) leads from leafHash at ledgerIndex to
//      the checkpoint's root hash.
// Exit 0 when all hold, 1 when one does not (with which), 2 for unreadable input.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "pipeline/crypto/base64.h"
#include "pipeline/ledger/inclusion_proof.h"
#include "pipeline/ledger/signed_note.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

namespace json = boost::json;
constexpr char kName[] = "verify-receipt";

std::optional<crypto::Digest> DigestOf(std::string_view base64) {
  auto bytes = crypto::Base64Decode(base64);
  if (!bytes.ok() || bytes->size() != 32) return std::nullopt;
  crypto::Digest d;
  std::copy(bytes->begin(), bytes->end(), d.begin());
  return d;
}

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  return s.substr(start);
}

int Run(const std::vector<std::string>& args) {
  Flags flags(
      kName,
      "Checks a receipt from POST /v1/documents offline: its checkpoint is signed by the\n"
      "processor's key, and its inclusion proof leads from its leaf hash to that checkpoint's\n"
      "root. Give the key as a file (--checkpoint-key, e.g. the data directory's\n"
      "checkpoint.vkey, or the logKey of GET /v1/participants) or as the string (--vkey).");
  flags.Positional("RECEIPT", "the receipt JSON ('-' for standard input)");
  flags.Option("checkpoint-key", "FILE", "file holding the verifier key \"<origin>+<id>+<key>\"");
  flags.Option("vkey", "KEY", "the verifier key itself");
  if (auto exit = flags.Parse(args)) return *exit;
  const bool has_file = flags.Has("checkpoint-key") && !flags.Get("checkpoint-key").empty();
  const bool has_vkey = flags.Has("vkey") && !flags.Get("vkey").empty();
  if (has_file == has_vkey)
    return Complain(kExitUsage, kName, "give exactly one of --checkpoint-key FILE and --vkey KEY");
  std::string vkey_text;
  if (has_file) {
    auto text = ReadFileOrComplain(kName, flags.Get("checkpoint-key"));
    if (!text) return kExitUsage;
    vkey_text = Trim(*text);
  } else {
    vkey_text = Trim(flags.Get("vkey"));
  }
  auto verifier = ledger::NoteVerifier::FromVerifierKey(vkey_text);
  if (!verifier.ok())
    return Complain(kExitUsage, kName, "the verifier key: ", verifier.status().message());

  auto text = ReadFileOrComplain(kName, flags.Get("RECEIPT"));
  if (!text) return kExitUsage;
  boost::system::error_code ec;
  json::value v = json::parse(*text, ec);
  if (ec || !v.is_object())
    return Complain(kExitUsage, kName, flags.Get("RECEIPT"), ": not a JSON object");
  const json::object* r = &v.as_object();
  if (auto* inner = r->if_contains("receipt"); inner && inner->is_object()) r = &inner->as_object();
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto* f = r->if_contains(key);
    if (!f || !f->is_string()) return std::nullopt;
    return std::string(f->as_string());
  };
  auto num = [&](const char* key) -> std::optional<uint64_t> {
    auto* f = r->if_contains(key);
    if (!f) return std::nullopt;
    if (f->is_uint64()) return f->as_uint64();
    if (f->is_int64() && f->as_int64() >= 0) return static_cast<uint64_t>(f->as_int64());
    return std::nullopt;
  };
  auto checkpoint_note = str("checkpoint");
  auto leaf_text = str("leafHash");
  auto index = num("ledgerIndex");
  auto tree_size = num("treeSize");
  auto* proof_json = r->if_contains("inclusionProof");
  if (!checkpoint_note || !leaf_text || !index || !tree_size || !proof_json ||
      !proof_json->is_array()) {
    return Complain(kExitUsage, kName, flags.Get("RECEIPT"),
                    ": not a ledger receipt (wants checkpoint, leafHash, ledgerIndex, treeSize and "
                    "inclusionProof; a refused document has none: it was never recorded)");
  }
  auto leaf = DigestOf(*leaf_text);
  if (!leaf) return Complain(kExitUsage, kName, "leafHash is not a base64 SHA-256 hash");
  std::vector<crypto::Digest> proof;
  for (const auto& h : proof_json->as_array()) {
    auto d = h.is_string() ? DigestOf(h.as_string()) : std::nullopt;
    if (!d)
      return Complain(kExitUsage, kName,
                      "inclusionProof holds something that is not a base64 SHA-256 hash");
    proof.push_back(*d);
  }

  auto checkpoint = ledger::VerifyCheckpoint(*verifier, *checkpoint_note);
  if (!checkpoint.ok()) {
    return Complain(kExitNegative, kName, "the checkpoint is not signed by ", verifier->name(),
                    ": ", checkpoint.status().message());
  }
  if (checkpoint->size != *tree_size) {
    return Complain(kExitNegative, kName, "the checkpoint is of tree size ", checkpoint->size,
                    ", the receipt claims ", *tree_size);
  }
  Status included = ledger::VerifyInclusion(*leaf, *index, *tree_size, proof, checkpoint->root);
  if (!included.ok()) {
    return Complain(
        kExitNegative, kName,
        "the inclusion proof does not lead to the checkpoint's root: ", included.message());
  }
  std::cout << "verified: entry #" << *index << " (leaf " << *leaf_text << ") is in "
            << checkpoint->origin << "'s ledger of " << checkpoint->size
            << " entries, checkpoint signed by key " << verifier->name() << "\n";
  return kExitOk;
}

CommandRegistration kReg({kName, "verify a receipt's inclusion proof and signed checkpoint offline",
                          &Run});

}  // namespace
}  // namespace lcproc::cli
