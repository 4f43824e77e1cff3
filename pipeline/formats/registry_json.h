// The participant registry's file (`registry.json` in a data directory), read and
// written like every other JSON lcproc takes in:
//
//   {"banks": [{"bic": "BANKGB2LXXX", "name": "Bank of Example",
//               "roles": ["issuing", "advising"],
//               "keys": [{"kid": "<base64url SHA-256 of the DER SPKI>",
//                         "alg": "ES256" | "EdDSA",
//                         "publicKeyPem": "-----BEGIN PUBLIC KEY-----\n...",
//                         "notBefore": "2026-01-01T00:00:00Z",   (optional)
//                         "notAfter": "2027-01-01T00:00:00Z",    (optional)
//                         "revoked": false}]}]}                  (optional)
//
// Parsing checks every key: the PEM parses, "kid" equals the id computed from it (so a
// registry cannot bind one bank's name to another's key id), "alg" matches the key;
// timestamps are trade::ParseUtcTimestampMillis's and BICs trade::Bic's; no kid or BIC
// appears twice (ParticipantRegistry::AddBank). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/participants/participant_registry.h"
#include "pipeline/status.h"

namespace lcproc::formats {

// Malformed for bad JSON or a member of the wrong type; InvalidArgument for a
// kid/alg/PEM mismatch, a duplicate, a bad BIC or timestamp.
Result<participants::ParticipantRegistry> ParseRegistryJson(std::string_view json);

// The registry in the format above; round-trips through ParseRegistryJson.
std::string RegistryToJson(const participants::ParticipantRegistry& registry);

}  // namespace lcproc::formats
