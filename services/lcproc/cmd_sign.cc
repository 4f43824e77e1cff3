// `lcproc sign`: what a bank engineer runs to produce the x-jws-signature header for a
// request body: a detached JWS (RFC 7515 + RFC 7797) over the file's exact bytes.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/crypto/jws.h"
#include "pipeline/crypto/private_key.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "sign";

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Prints the x-jws-signature value for FILE's exact bytes: a detached JWS with\n"
              "header {\"alg\",\"kid\",\"b64\":false,\"crit\":[\"b64\"]} (RFC 7797). Send FILE\n"
              "unchanged as the body; any byte changed afterwards breaks the signature.");
  flags.Option("key", "KEY.pem", "private key (PKCS#8 PEM), from lcproc keygen", /*required=*/true);
  flags.Positional("FILE", "the body to sign ('-' for standard input)");
  if (auto exit = flags.Parse(args)) return *exit;

  std::optional<std::string> pem = ReadFileOrComplain(kName, flags.Get("key"));
  if (!pem) return kExitUsage;
  Result<crypto::PrivateKey> key = crypto::PrivateKey::FromPem(*pem);
  if (!key.ok()) {
    return Complain(kExitUsage, kName, flags.Get("key"), ": ", key.status().message());
  }
  std::optional<std::string> body = ReadFileOrComplain(kName, flags.Get("FILE"));
  if (!body) return kExitUsage;
  Result<std::string> jws = crypto::SignDetached(*key, *body);
  if (!jws.ok()) {
    return Complain(kExitUsage, kName, jws.status().message());
  }
  std::cout << *jws << "\n";
  return kExitOk;
}

CommandRegistration kReg({kName, "print the detached JWS (x-jws-signature) of a file", &Run});

}  // namespace
}  // namespace lcproc::cli
