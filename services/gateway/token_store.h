// TokenStore: the bearer tokens of the REST API, kept hashed in the data directory.
//
// File `<data-dir>/tokens` (mode 0600), one token a line, never the token itself:
//   sha256:<64 hex digits of SHA-256(token)> bank <BIC>
//   sha256:<64 hex digits> operator
// Tokens are 32 random bytes (base64url, prefixed "lcp_"), so an unsalted SHA-256 is
// enough: nobody can guess one from its hash. `lcproc token add` appends a line and
// prints the token once; a running server sees new lines within a second (it re-reads
// the file when its modification time changes).
//
// Thread-safe: Lookup may be called from any thread.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pipeline/mutex.h"
#include "pipeline/status.h"
#include "services/gateway/access_policy.h"

namespace lcproc::gateway {

inline constexpr const char* kTokensFile = "tokens";

class TokenStore {
 public:
  explicit TokenStore(std::string path) : path_(std::move(path)) {}

  // Creates a token for `caller` (a bank with its BIC, or an operator), appends its hash
  // to the file and returns the token. IoError when the file cannot be written.
  static Result<std::string> Add(const std::string& path, const Caller& caller);

  // Loads the file now. Malformed with the line number for a damaged file; a missing
  // file is an empty store.
  Status Load();

  // The caller `token` stands for; nullopt for an unknown token.
  std::optional<Caller> Lookup(std::string_view token);

 private:
  Status LoadLocked() REQUIRES(mu_);
  std::string path_;
  Mutex mu_;
  std::unordered_map<std::string, Caller> by_hash_ GUARDED_BY(mu_);  // hex SHA-256 -> caller
  int64_t loaded_mtime_ns_ GUARDED_BY(mu_) = -1;
  int64_t checked_at_ns_ GUARDED_BY(mu_) = 0;
};

}  // namespace lcproc::gateway
