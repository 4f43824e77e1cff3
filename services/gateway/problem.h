// Problem: RFC 9457 problem details, the body of every error the API answers
// (application/problem+json). Each class of error has a stable `type` URI, listed in
// the OpenAPI document and the README; clients switch on it, never on `detail`.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "services/gateway/http_message.h"

namespace lcproc::gateway {

enum class ProblemType {
  kMalformed,             // 400: unparsable JSON, Cap'n Proto, SWIFT MT, NDJSON, query
  kBadRequest,            // 400: a header or parameter with a wrong value
  kUnauthenticated,       // 401: no or unknown credentials
  kBadSignature,          // 401: x-jws-signature missing, malformed or not verifying
  kForbidden,             // 403: a write for another bank, an operator writing
  kNotFound,              // 404: no such route or resource (or not the caller's)
  kMethodNotAllowed,      // 405
  kTimeout,               // 408
  kBodyTooLarge,          // 413
  kUnsupportedMediaType,  // 415
  kValidation,            // 422: schema violation, with errors[]
  kBusinessRule,          // 422: the trade rules refused it, with a reason code
  kIdempotencyReuse,      // 422: an Idempotency-Key reused with other bytes
  kRateLimited,           // 429
  kHeaderTooLarge,        // 431
  kInternal,              // 500
  kOverloaded,            // 503: back-pressure, connection limit, shutting down
  kNotLeader,             // 503: a write to an instance that does not sequence
};

struct FieldError {
  std::string pointer;  // RFC 6901 JSON pointer into the request ("" for the whole body)
  std::string reason;
};

// The stable URI of `type`, "https://lcproc.dev/problems/<slug>" (the classes of
// schemas/openapi.json; kBadRequest shares "malformed").
std::string ProblemTypeUri(ProblemType type);
int ProblemStatus(ProblemType type);

// An application/problem+json response with `reasonCode`, `errors` and `receipt` (a
// JSON object text, the receipt of a recorded rejection) when given. Adds the headers
// the class requires: WWW-Authenticate (401), Accept-Post (415), Retry-After: 1 (429,
// 503; a caller may set another value afterwards, the last one wins).
HttpResponse MakeProblem(ProblemType type, std::string_view detail, std::string_view request_id,
                         const std::vector<FieldError>& errors = {},
                         std::string_view reason_code = {},
                         std::string_view receipt_json_object = {});

// The 503 `not-leader` problem for a write reaching an instance that follows: the
// leader's URL in the `leader` member and the `Lcproc-Leader` header (both left out
// while no leader is known, during an election), and Retry-After: 1.
HttpResponse MakeNotLeaderProblem(std::string_view leader, std::string_view request_id);

}  // namespace lcproc::gateway
