#include "pipeline/crypto/algorithm.h"

#include <string>

namespace lcproc::crypto {

std::string_view AlgorithmName(Algorithm alg) {
  return alg == Algorithm::kEs256 ? "ES256" : "EdDSA";
}

Result<Algorithm> ParseAlgorithm(std::string_view name) {
  if (name == "ES256") return Algorithm::kEs256;
  if (name == "EdDSA") return Algorithm::kEdDsa;
  return InvalidArgument("algorithm '" + std::string(name) +
                         "' is not accepted; use ES256 or EdDSA");
}

}  // namespace lcproc::crypto
