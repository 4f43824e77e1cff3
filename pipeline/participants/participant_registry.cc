#include "pipeline/participants/participant_registry.h"

#include "pipeline/trade/bic.h"

namespace lcproc::participants {

std::string_view KeyRefusalName(KeyRefusal refusal) {
  switch (refusal) {
    case KeyRefusal::kUnknownKey: return "unknown_key";
    case KeyRefusal::kRevoked: return "revoked_key";
    case KeyRefusal::kExpired: return "expired_key";
    case KeyRefusal::kOtherBank: return "other_bank_key";
    case KeyRefusal::kCount: break;
  }
  return "unknown";
}

Status ParticipantRegistry::AddBank(Bank bank) {
  auto bic = trade::Bic::Parse(bank.bic);
  if (!bic.ok()) return bic.status().WithContext("registry: bank '" + bank.bic + "'");
  if (FindBank(bank.bic) != nullptr) return InvalidArgument("registry: duplicate bank " + bank.bic);
  for (size_t i = 0; i < bank.keys.size(); ++i) {
    const std::string& kid = bank.keys[i].kid;
    if (by_kid_.count(kid) != 0) return InvalidArgument("registry: duplicate kid " + kid);
    for (size_t j = 0; j < i; ++j) {
      if (bank.keys[j].kid == kid) return InvalidArgument("registry: duplicate kid " + kid);
    }
  }
  for (size_t i = 0; i < bank.keys.size(); ++i) by_kid_[bank.keys[i].kid] = {banks_.size(), i};
  banks_.push_back(std::move(bank));
  return Status::Ok();
}

const Bank* ParticipantRegistry::FindBank(std::string_view bic) const {
  for (const Bank& bank : banks_) {
    if (bank.bic == bic) return &bank;
  }
  return nullptr;
}

Result<const BankKey*> ParticipantRegistry::Authorize(std::string_view submitter,
                                                      std::string_view kid, int64_t now_millis,
                                                      KeyRefusal* refusal) const {
  auto refuse = [&](KeyRefusal why, Status status) -> Result<const BankKey*> {
    if (refusal != nullptr) *refusal = why;
    return status;
  };
  auto it = by_kid_.find(std::string(kid));
  if (it == by_kid_.end())
    return refuse(KeyRefusal::kUnknownKey, Unauthenticated("unknown key id"));
  const Bank& bank = banks_[it->second.first];
  const BankKey& key = bank.keys[it->second.second];
  if (bank.bic != submitter) {
    return refuse(KeyRefusal::kOtherBank,
                  PermissionDenied("the key belongs to " + bank.bic + ", not the submitter"));
  }
  if (key.revoked) return refuse(KeyRefusal::kRevoked, Unauthenticated("the key is revoked"));
  if ((key.not_before_millis && now_millis < *key.not_before_millis) ||
      (key.not_after_millis && now_millis >= *key.not_after_millis)) {
    return refuse(KeyRefusal::kExpired, Unauthenticated("the key is outside its validity period"));
  }
  return &key;
}

}  // namespace lcproc::participants
