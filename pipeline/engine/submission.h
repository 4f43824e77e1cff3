// Submission: one signed trade document as a bank handed it in, before the engine has
// looked at it. The REST gateway and `lcproc ingest` build one per request and move it
// into Engine::Submit; the engine owns it from then on.
//
// A plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <string>

namespace lcproc::engine {

struct Submission {
  // The BIC the submitting connection authenticated as (mTLS or token at the gateway).
  // The JWS key must belong to this bank.
  std::string submitter;
  // The detached JWS over `body` (RFC 7515 + RFC 7797, "<header>..<signature>").
  std::string jws;
  // "application/json", a Cap'n Proto or SWIFT MT media type: picks the decoder.
  std::string content_type;
  // The exact bytes the bank signed. Stored verbatim in the ledger.
  std::string body;
  // Client-chosen key making retries safe; empty when the client gave none.
  std::string idempotency_key;
  // When the edge received it (Clock milliseconds since the Unix epoch, UTC): key
  // validity is judged at this time and it is recorded in the leaf. 0: the engine's
  // clock when Submit is called.
  int64_t received_millis = 0;
};

}  // namespace lcproc::engine
