// ParticipantRegistry: the banks allowed to submit documents and the keys they sign
// with. The engine's authenticate stage asks it which bank owns a JWS's key id and
// whether that key may sign now.
//
// The registry's file format is pipeline/formats/registry_json.h; BICs are checked by
// trade::Bic.
//
// Immutable once built; every const method is safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/crypto/algorithm.h"
#include "pipeline/crypto/public_key.h"
#include "pipeline/status.h"

namespace lcproc::participants {

struct BankKey {
  std::string kid;
  crypto::PublicKey key;
  std::optional<int64_t> not_before_millis;  // inclusive
  std::optional<int64_t> not_after_millis;   // exclusive
  bool revoked = false;
};

struct Bank {
  std::string bic;
  std::string name;
  std::vector<std::string> roles;
  std::vector<BankKey> keys;
};

// Why a key may not sign a submission; each counted separately in EngineStats.
enum class KeyRefusal : uint8_t {
  kUnknownKey = 0,  // no bank has this kid
  kRevoked,         // the key is marked revoked
  kExpired,         // outside notBefore .. notAfter
  kOtherBank,       // the key belongs to a bank other than the submitter
  kCount,
};
std::string_view KeyRefusalName(KeyRefusal refusal);

class ParticipantRegistry {
 public:
  // An empty registry: every key is unknown.
  ParticipantRegistry() = default;

  // Adds a bank. InvalidArgument when its BIC is not an ISO 9362 BIC, or when the BIC or
  // one of its kids is already known.
  Status AddBank(Bank bank);

  // The key `kid` if `submitter` may sign with it at `now_millis`. On refusal,
  // Unauthenticated (unknown, revoked, expired) or PermissionDenied (other bank), with
  // `*refusal` set when non-null.
  Result<const BankKey*> Authorize(std::string_view submitter, std::string_view kid,
                                   int64_t now_millis, KeyRefusal* refusal = nullptr) const;

  const Bank* FindBank(std::string_view bic) const;
  const std::vector<Bank>& banks() const { return banks_; }

 private:
  std::vector<Bank> banks_;
  // kid -> (bank position, key position), for the hot path.
  std::unordered_map<std::string, std::pair<size_t, size_t>> by_kid_;
};

}  // namespace lcproc::participants
