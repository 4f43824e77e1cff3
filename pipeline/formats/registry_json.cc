#include "pipeline/formats/registry_json.h"

#include <boost/json.hpp>

#include "pipeline/crypto/algorithm.h"
#include "pipeline/trade/timestamp.h"

namespace lcproc::formats {
namespace json = boost::json;
namespace {

Result<std::string> StringField(const json::object& o, std::string_view name, bool required) {
  const json::value* v = o.if_contains(name);
  if (v == nullptr) {
    if (required) return Malformed("registry: missing \"" + std::string(name) + "\"");
    return std::string();
  }
  if (!v->is_string()) return Malformed("registry: \"" + std::string(name) + "\" must be a string");
  return std::string(v->as_string());
}

Result<participants::BankKey> ParseKey(const json::value& v, const std::string& bic) {
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
  participants::BankKey out{kid, *key, std::nullopt, std::nullopt, false};
  for (auto [field, target] : {std::pair{"notBefore", &out.not_before_millis},
                               std::pair{"notAfter", &out.not_after_millis}}) {
    LCPROC_ASSIGN_OR_RETURN(std::string text, StringField(o, field, false));
    if (text.empty()) continue;
    auto millis = trade::ParseUtcTimestampMillis(text);
    if (!millis.ok()) return millis.status().WithContext("registry: key " + kid + " " + field);
    *target = *millis;
  }
  if (const json::value* r = o.if_contains("revoked")) {
    if (!r->is_bool()) return Malformed("registry: \"revoked\" must be a boolean");
    out.revoked = r->as_bool();
  }
  return out;
}

Result<participants::Bank> ParseBank(const json::value& v) {
  if (!v.is_object()) return Malformed("registry: a bank must be an object");
  const json::object& o = v.as_object();
  participants::Bank bank;
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
    LCPROC_ASSIGN_OR_RETURN(participants::BankKey key, ParseKey(k, bank.bic));
    bank.keys.push_back(std::move(key));
  }
  return bank;
}

}  // namespace

Result<participants::ParticipantRegistry> ParseRegistryJson(std::string_view text) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) return Malformed("registry: not JSON: " + ec.message());
  if (!root.is_object()) return Malformed("registry: the top level must be an object");
  const json::value* banks = root.as_object().if_contains("banks");
  if (banks == nullptr || !banks->is_array())
    return Malformed("registry: \"banks\" must be an array");
  participants::ParticipantRegistry registry;
  for (const auto& b : banks->as_array()) {
    LCPROC_ASSIGN_OR_RETURN(participants::Bank bank, ParseBank(b));
    LCPROC_RETURN_IF_ERROR(registry.AddBank(std::move(bank)));
  }
  return registry;
}

std::string RegistryToJson(const participants::ParticipantRegistry& registry) {
  json::array banks;
  for (const participants::Bank& bank : registry.banks()) {
    json::array roles, keys;
    for (const auto& r : bank.roles) roles.emplace_back(r);
    for (const participants::BankKey& k : bank.keys) {
      json::object key{{"kid", k.kid},
                       {"alg", crypto::AlgorithmName(k.key.algorithm())},
                       {"publicKeyPem", k.key.ToPem()},
                       {"revoked", k.revoked}};
      if (k.not_before_millis)
        key["notBefore"] = trade::FormatUtcTimestampMillis(*k.not_before_millis);
      if (k.not_after_millis)
        key["notAfter"] = trade::FormatUtcTimestampMillis(*k.not_after_millis);
      keys.emplace_back(std::move(key));
    }
    banks.emplace_back(json::object{{"bic", bank.bic},
                                    {"name", bank.name},
                                    {"roles", std::move(roles)},
                                    {"keys", std::move(keys)}});
  }
  return json::serialize(json::object{{"banks", std::move(banks)}}) + "\n";
}

}  // namespace lcproc::formats
