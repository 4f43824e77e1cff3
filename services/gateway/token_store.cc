#include "services/gateway/token_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include <openssl/rand.h>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/hex.h"
#include "pipeline/crypto/sha256.h"
#include "pipeline/trade/bic.h"

namespace lcproc::gateway {
namespace {

std::string HashToken(std::string_view token) {
  return crypto::HexEncode(crypto::AsBytes(crypto::Sha256(token)));
}

int64_t MtimeNs(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Result<std::string> TokenStore::Add(const std::string& path, const Caller& caller) {
  if (caller.role == Role::kAnonymous)
    return InvalidArgument("a token is for a bank or an operator");
  if (caller.role == Role::kBank) {
    auto bic = trade::Bic::Parse(caller.bic);
    if (!bic.ok()) return InvalidArgument("--bic: " + bic.status().message());
  }
  unsigned char random[32];
  if (RAND_bytes(random, sizeof random) != 1) return Internal("no random bytes from OpenSSL");
  std::string token = "lcp_" + crypto::Base64UrlEncode(std::string_view(
                                   reinterpret_cast<char*>(random), sizeof random));
  std::string line =
      "sha256:" + HashToken(token) +
      (caller.role == Role::kBank ? " bank " + caller.bic : std::string(" operator")) + "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return IoError("cannot write " + path);
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return IoError("cannot write " + path);
  return token;
}

Status TokenStore::Load() {
  MutexLock lock(mu_);
  return LoadLocked();
}

Status TokenStore::LoadLocked() {
  int64_t mtime = MtimeNs(path_);
  std::unordered_map<std::string, Caller> loaded;
  std::ifstream in(path_);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string hash, role, bic, extra;
    fields >> hash >> role >> bic >> extra;
    auto bad = [&](std::string_view why) {
      return Malformed(path_ + ":" + std::to_string(number) + ": " + std::string(why));
    };
    if (hash.size() != 7 + 64 || hash.compare(0, 7, "sha256:") != 0)
      return bad("expected sha256:<64 hex>");
    if (!extra.empty()) return bad("too many fields");
    Caller caller;
    if (role == "bank" && trade::Bic::Parse(bic).ok()) {
      caller = {Role::kBank, bic};
    } else if (role == "operator" && bic.empty()) {
      caller = {Role::kOperator, ""};
    } else {
      return bad("expected \"bank <BIC>\" or \"operator\"");
    }
    loaded[hash.substr(7)] = caller;
  }
  by_hash_ = std::move(loaded);
  loaded_mtime_ns_ = mtime;
  return Status::Ok();
}

std::optional<Caller> TokenStore::Lookup(std::string_view token) {
  MutexLock lock(mu_);
  int64_t now = NowNs();
  if (now - checked_at_ns_ > 1000000000) {
    checked_at_ns_ = now;
    if (MtimeNs(path_) != loaded_mtime_ns_) {
      // A damaged file keeps the tokens loaded before; Load at start reports it.
      (void)LoadLocked();
    }
  }
  auto it = by_hash_.find(HashToken(token));
  if (it == by_hash_.end()) return std::nullopt;
  return it->second;
}

}  // namespace lcproc::gateway
