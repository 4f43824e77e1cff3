// Fuzzes the detached JWS parser (crypto/jws.h): any bytes must parse or fail with a
// Status; a parsed JWS reassembled from its parts parses to the same header and parts,
// and verifying it against a key never crashes (and never succeeds: the fuzzer holds no
// signature made with that key).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/crypto/jws.h"
#include "pipeline/crypto/private_key.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lcproc;
  static const crypto::PublicKey kKey =
      crypto::PrivateKey::FromEd25519Seed(std::string(32, '\x07')).value().public_key();
  std::string_view jws(reinterpret_cast<const char*>(data), size);
  auto parsed = crypto::ParseDetached(jws);
  auto header = crypto::ParseDetachedHeader(jws);
  FUZZ_CHECK(parsed.ok() == header.ok(), "ParseDetached and ParseDetachedHeader disagree");
  if (!parsed.ok()) return 0;
  FUZZ_CHECK(header->alg == parsed->header.alg && header->kid == parsed->header.kid,
             "header differs");
  std::string rebuilt = std::string(parsed->encoded_header) + ".." + std::string(parsed->signature);
  auto again = crypto::ParseDetached(rebuilt);
  FUZZ_CHECK(again.ok(), again.status().ToString());
  FUZZ_CHECK(again->header.alg == parsed->header.alg && again->header.kid == parsed->header.kid &&
                 again->encoded_header == parsed->encoded_header &&
                 again->signature == parsed->signature,
             rebuilt);
  FUZZ_CHECK(!crypto::VerifyDetached(*parsed, "payload", kKey).ok(),
             "verified without a signature");
  return 0;
}
