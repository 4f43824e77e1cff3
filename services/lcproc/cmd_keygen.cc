// `lcproc keygen`: makes a signing key pair for a bank (or the processor) and prints
// its key id, the "kid" every JWS it signs will carry.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/crypto/algorithm.h"
#include "pipeline/crypto/private_key.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "keygen";

// KEY.pem -> KEY.pub.pem; any other name gets ".pub.pem" appended.
std::string PublicPath(const std::string& out) {
  constexpr std::string_view kPem = ".pem";
  if (out.size() > kPem.size() && out.compare(out.size() - kPem.size(), kPem.size(), kPem) == 0) {
    return out.substr(0, out.size() - kPem.size()) + ".pub.pem";
  }
  return out + ".pub.pem";
}

// Writes `data` to a new file `path` with `mode`. O_EXCL unless `overwrite`, so a bank's
// existing key is never replaced by accident; fchmod because umask and an existing file
// could otherwise leave a private key readable by others.
bool WriteNewFile(const std::string& path, const std::string& data, mode_t mode, bool overwrite) {
  int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL);
  int fd = ::open(path.c_str(), flags, mode);
  if (fd < 0) {
    Complain(kExitUsage, kName, "cannot create ", path, ": ", std::strerror(errno),
             errno == EEXIST ? " (use --force to overwrite)" : "");
    return false;
  }
  bool ok = ::fchmod(fd, mode) == 0;
  size_t done = 0;
  while (ok && done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok) Complain(kExitUsage, kName, "cannot write ", path, ": ", std::strerror(errno));
  return ok;
}

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Generates a signing key pair. The private key goes to OUT as unencrypted PKCS#8\n"
              "PEM with mode 0600; the public key (SubjectPublicKeyInfo PEM) goes beside it,\n"
              "KEY.pem -> KEY.pub.pem. Prints the key id: base64url(SHA-256(DER public key)),\n"
              "the \"kid\" of every JWS the key signs.");
  flags.Option("alg", "ES256|EdDSA", "signature algorithm (JWS name)", /*required=*/true);
  flags.Option("out", "KEY.pem", "file for the private key", /*required=*/true);
  flags.Switch("force", "overwrite existing key files");
  if (auto exit = flags.Parse(args)) return *exit;

  Result<crypto::Algorithm> alg = crypto::ParseAlgorithm(flags.Get("alg"));
  if (!alg.ok()) {
    return Complain(kExitUsage, kName, "--alg: ", alg.status().message());
  }
  Result<crypto::PrivateKey> key = crypto::PrivateKey::Generate(*alg);
  if (!key.ok()) {
    return Complain(kExitUsage, kName, key.status().message());
  }
  const std::string& out = flags.Get("out");
  std::string pub = PublicPath(out);
  bool force = flags.IsSet("force");
  if (!WriteNewFile(out, key->ToPem(), 0600, force)) return kExitUsage;
  if (!WriteNewFile(pub, key->public_key().ToPem(), 0644, force)) return kExitUsage;
  std::cerr << "wrote " << out << " (private, mode 0600) and " << pub << "\n";
  std::cout << key->public_key().key_id() << "\n";
  return kExitOk;
}

CommandRegistration kReg({kName, "generate an ES256 or EdDSA signing key pair; prints its key id",
                          &Run});

}  // namespace
}  // namespace lcproc::cli
