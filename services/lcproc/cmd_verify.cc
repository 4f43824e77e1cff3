// `lcproc verify`: checks an x-jws-signature value against a body and a public key,
// exactly as the gateway does, and says why when it does not hold.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/crypto/jws.h"
#include "pipeline/crypto/public_key.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "verify";

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Verifies a detached JWS (RFC 7515 + RFC 7797, b64 false) over FILE's exact\n"
              "bytes with the public key PUB. Prints \"valid\" and exits 0, or prints\n"
              "\"invalid: <reason>\" and exits 1. Unreadable inputs exit 2.");
  flags.Option("pub", "PUB.pem", "public key (SubjectPublicKeyInfo PEM)", /*required=*/true);
  flags.Option("jws", "VALUE", "the x-jws-signature value, header..signature", /*required=*/true);
  flags.Positional("FILE", "the signed body ('-' for standard input)");
  if (auto exit = flags.Parse(args)) return *exit;

  std::optional<std::string> pem = ReadFileOrComplain(kName, flags.Get("pub"));
  if (!pem) return kExitUsage;
  Result<crypto::PublicKey> key = crypto::PublicKey::FromPem(*pem);
  if (!key.ok()) {
    return Complain(kExitUsage, kName, flags.Get("pub"), ": ", key.status().message());
  }
  std::optional<std::string> body = ReadFileOrComplain(kName, flags.Get("FILE"));
  if (!body) return kExitUsage;
  Status status = crypto::VerifyDetached(flags.Get("jws"), *body, *key);
  if (!status.ok()) {
    std::cout << "invalid: " << status.message() << "\n";
    return kExitNegative;
  }
  std::cout << "valid\n";
  return kExitOk;
}

CommandRegistration kReg({kName, "verify a detached JWS over a file with a public key", &Run});

}  // namespace
}  // namespace lcproc::cli
