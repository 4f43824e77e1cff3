#include "pipeline/engine/participant_registry.h"

#include <cstdio>
#include <exception>

#include <boost/json.hpp>

namespace lcproc::engine {
namespace json = boost::json;
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// A BIC's shape (ISO 9362): 4 letters bank, 2 letters country, 2 alphanumerics
// location, optional 3 alphanumerics branch. The trade domain validates countries.
bool LooksLikeBic(std::string_view bic) {
  if (bic.size() != 8 && bic.size() != 11) return false;
  for (size_t i = 0; i < bic.size(); ++i) {
    char c = bic[i];
    bool upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    if (i < 6 ? !upper : !(upper || digit)) return false;
  }
  return true;
}

Result<std::string> StringField(const json::object& o, std::string_view name, bool required) {
  const json::value* v = o.if_contains(name);
  if (v == nullptr) {
    if (required) return Malformed("registry: missing \"" + std::string(name) + "\"");
    return std::string();
  }
  if (!v->is_string()) return Malformed("registry: \"" + std::string(name) + "\" must be a string");
  return std::string(v->as_string());
}

Result<BankKey> ParseKey(const json::value& v, const std::string& bic) {
  if (!v.is_object()) return Malformed("registry: a key must be an object");
  const json::object& o = v.as_object();
  LCPROC_ASSIGN_OR_RETURN(std::string kid, StringField(o, "kid", true));
  LCPROC_ASSIGN_OR_RETURN(std::string alg, StringField(o, "alg", true));
  LCPROC_ASSIGN_OR_RETURN(std::string pem, StringField(o, "publicKeyPem", true));
  auto key = crypto::PublicKey::FromPem(pem);
  if (!key.ok()) return key.status().WithContext("registry: bank " + bic + " key " + kid);
  if (key->key_id() != kid) {
    return InvalidArgument("registry: bank " + bic + ": kid " + kid +
                           " is not the key's id (expected " + key->key_id() + ")");
  }
  auto parsed_alg = crypto::ParseAlgorithm(alg);
  if (!parsed_alg.ok() || *parsed_alg != key->algorithm()) {
    return InvalidArgument("registry: bank " + bic + " key " + kid + ": alg " + alg +
                           " does not match the key");
  }
  BankKey out{kid, *key, std::nullopt, std::nullopt, false};
  for (auto [field, target] : {std::pair{"notBefore", &out.not_before_millis},
                               std::pair{"notAfter", &out.not_after_millis}}) {
    LCPROC_ASSIGN_OR_RETURN(std::string text, StringField(o, field, false));
    if (text.empty()) continue;
    auto millis = ParseTimestampMillis(text);
    if (!millis.ok()) return millis.status().WithContext("registry: key " + kid + " " + field);
    *target = *millis;
  }
  if (const json::value* r = o.if_contains("revoked")) {
    if (!r->is_bool()) return Malformed("registry: \"revoked\" must be a boolean");
    out.revoked = r->as_bool();
  }
  return out;
}

Result<Bank> ParseBank(const json::value& v) {
  if (!v.is_object()) return Malformed("registry: a bank must be an object");
  const json::object& o = v.as_object();
  Bank bank;
  LCPROC_ASSIGN_OR_RETURN(bank.bic, StringField(o, "bic", true));
  LCPROC_ASSIGN_OR_RETURN(bank.name, StringField(o, "name", false));
  if (const json::value* roles = o.if_contains("roles")) {
    if (!roles->is_array()) return Malformed("registry: \"roles\" must be an array");
    for (const auto& r : roles->as_array()) {
      if (!r.is_string()) return Malformed("registry: a role must be a string");
      bank.roles.emplace_back(r.as_string());
    }
  }
  const json::value* keys = o.if_contains("keys");
  if (keys == nullptr || !keys->is_array()) return Malformed("registry: \"keys\" must be an array");
  for (const auto& k : keys->as_array()) {
    LCPROC_ASSIGN_OR_RETURN(BankKey key, ParseKey(k, bank.bic));
    bank.keys.push_back(std::move(key));
  }
  return bank;
}

}  // namespace

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

Result<int64_t> ParseTimestampMillis(std::string_view s) {
  int y, mo, d, h, mi, sec, frac = 0;
  if (!Digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !Digits(s, 5, 2, mo) ||
      s[7] != '-' || !Digits(s, 8, 2, d) || s[10] != 'T' || !Digits(s, 11, 2, h) ||
      s[13] != ':' || !Digits(s, 14, 2, mi) || s[16] != ':' || !Digits(s, 17, 2, sec)) {
    return InvalidArgument("timestamp must be YYYY-MM-DDTHH:MM:SSZ (RFC 3339, UTC)");
  }
  size_t pos = 19;
  if (s[pos] == '.') {
    if (!Digits(s, pos + 1, 3, frac)) return InvalidArgument("timestamp: need 3 fraction digits");
    pos += 4;
  }
  if (pos + 1 != s.size() || s[pos] != 'Z') return InvalidArgument("timestamp must end in Z");
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) {
    return InvalidArgument("timestamp out of range");
  }
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 24 + h) * 60 + mi) * 60000 + sec * 1000 + frac;
}

std::string FormatTimestampMillis(int64_t millis) {
  int64_t secs = millis / 1000, ms = millis % 1000;
  if (ms < 0) {
    ms += 1000;
    --secs;
  }
  int64_t days = secs / 86400, rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  // civil_from_days (H. Hinnant).
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60),
                static_cast<long long>(ms));
  return buf;
}

Result<ParticipantRegistry> ParticipantRegistry::Parse(std::string_view text) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) return Malformed("registry: not JSON: " + ec.message());
  if (!root.is_object()) return Malformed("registry: the top level must be an object");
  const json::value* banks = root.as_object().if_contains("banks");
  if (banks == nullptr || !banks->is_array()) return Malformed("registry: \"banks\" must be an array");
  ParticipantRegistry registry;
  for (const auto& b : banks->as_array()) {
    LCPROC_ASSIGN_OR_RETURN(Bank bank, ParseBank(b));
    LCPROC_RETURN_IF_ERROR(registry.AddBank(std::move(bank)));
  }
  return registry;
}

Status ParticipantRegistry::AddBank(Bank bank) {
  if (!LooksLikeBic(bank.bic)) return InvalidArgument("registry: not a BIC: " + bank.bic);
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

std::string ParticipantRegistry::ToJson() const {
  json::array banks;
  for (const Bank& bank : banks_) {
    json::array roles, keys;
    for (const auto& r : bank.roles) roles.emplace_back(r);
    for (const BankKey& k : bank.keys) {
      json::object key{{"kid", k.kid},
                       {"alg", crypto::AlgorithmName(k.key.algorithm())},
                       {"publicKeyPem", k.key.ToPem()},
                       {"revoked", k.revoked}};
      if (k.not_before_millis) key["notBefore"] = FormatTimestampMillis(*k.not_before_millis);
      if (k.not_after_millis) key["notAfter"] = FormatTimestampMillis(*k.not_after_millis);
      keys.emplace_back(std::move(key));
    }
    banks.emplace_back(json::object{
        {"bic", bank.bic}, {"name", bank.name}, {"roles", std::move(roles)}, {"keys", std::move(keys)}});
  }
  return json::serialize(json::object{{"banks", std::move(banks)}}) + "\n";
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
  if (it == by_kid_.end()) return refuse(KeyRefusal::kUnknownKey, Unauthenticated("unknown key id"));
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

}  // namespace lcproc::engine
