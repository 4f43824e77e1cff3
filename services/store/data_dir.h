// DataDir: one lcproc data directory and what lives in it.
//
//   lcproc.db          the SQLite ledger (SqliteLedgerStore), plus -wal/-shm files, unless
//                      the ledger lives in PostgreSQL (StoreOptions::store, `--store`)
//   registry.json      the participant registry (ParticipantRegistry's format)
//   checkpoint.key     the processor's C2SP note signing key, "PRIVATE+KEY+<origin>+..."
//                      (mode 0600; created by Init)
//   checkpoint.vkey    its verifier key "<origin>+<id>+<key>" (public: give it to auditors)
//
// The origin of every checkpoint is the key's name. Opening never creates a key:
// a ledger signed with a lost key must not quietly continue under a new one.
// Not thread-safe to open; the opened members follow their own rules.
#pragma once

#include <memory>
#include <string>

#include "pipeline/ledger/signed_note.h"
#include "pipeline/participants/participant_registry.h"
#include "services/store/open_ledger_store.h"
#include "services/store/sqlite_ledger_store.h"

namespace lcproc::store {

inline constexpr const char* kDatabaseFile = "lcproc.db";
inline constexpr const char* kRegistryFile = "registry.json";
inline constexpr const char* kSignerKeyFile = "checkpoint.key";
inline constexpr const char* kVerifierKeyFile = "checkpoint.vkey";

class DataDir {
 public:
  // Creates `dir` (and parents) with a fresh Ed25519 checkpoint key named `origin`, an
  // empty registry.json unless one exists, and an empty ledger (in the store `store`
  // names; "" for SQLite in the directory). AlreadyExists when the directory already
  // holds a key; IoError when it cannot be written.
  static Status Init(const std::string& dir, const std::string& origin,
                     const std::string& store = "");

  // Opens an initialised directory: loads the key and the registry, opens the store
  // (OpenLedgerStore). NotFound (with a hint to run `lcproc init`) when the key is missing.
  static Result<std::unique_ptr<DataDir>> Open(const std::string& dir,
                                               const StoreOptions& options = StoreOptions{});

  const std::string& path() const { return path_; }
  const ledger::NoteSigner& signer() const { return signer_; }
  const ledger::NoteVerifier& verifier() const { return verifier_; }
  const participants::ParticipantRegistry& registry() const { return registry_; }
  ledger_store::LedgerStore& store() { return *store_; }

  // Replaces registry.json with `registry` (written to a temporary file, then renamed).
  Status SaveRegistry(const participants::ParticipantRegistry& registry);

 private:
  DataDir(std::string path, ledger::NoteSigner signer, ledger::NoteVerifier verifier)
      : path_(std::move(path)), signer_(std::move(signer)), verifier_(std::move(verifier)) {}
  std::string path_;
  ledger::NoteSigner signer_;
  ledger::NoteVerifier verifier_;
  participants::ParticipantRegistry registry_;
  std::unique_ptr<ledger_store::LedgerStore> store_;
};

// Reads a whole file; IoError/NotFound with the path and reason otherwise.
Result<std::string> ReadWholeFile(const std::string& path);
// Writes `data` to `path` via a temporary file, fsync and rename, with `mode`.
Status WriteFileAtomically(const std::string& path, std::string_view data, unsigned mode = 0644);

}  // namespace lcproc::store
