#include "services/gateway/problem.h"

#include <boost/json.hpp>

namespace lcproc::gateway {
namespace {

struct ProblemInfo {
  std::string_view slug;
  int status;
  std::string_view title;
};

// The classes of schemas/openapi.json (build.mjs problemClasses): slug, status, title.
ProblemInfo Info(ProblemType type) {
  switch (type) {
    case ProblemType::kMalformed: return {"malformed", 400, "Malformed request"};
    case ProblemType::kBadRequest: return {"malformed", 400, "Malformed request"};
    case ProblemType::kUnauthenticated: return {"unauthenticated", 401, "Authentication required"};
    case ProblemType::kBadSignature:
      return {"invalid-signature", 401, "Invalid document signature"};
    case ProblemType::kForbidden: return {"forbidden", 403, "Not allowed"};
    case ProblemType::kNotFound: return {"not-found", 404, "Not found"};
    case ProblemType::kMethodNotAllowed: return {"method-not-allowed", 405, "Method not allowed"};
    case ProblemType::kTimeout: return {"request-timeout", 408, "Request timeout"};
    case ProblemType::kBodyTooLarge: return {"payload-too-large", 413, "Payload too large"};
    case ProblemType::kUnsupportedMediaType:
      return {"unsupported-media-type", 415, "Unsupported media type"};
    case ProblemType::kValidation: return {"invalid-document", 422, "Invalid document"};
    case ProblemType::kBusinessRule: return {"document-rejected", 422, "Document rejected"};
    case ProblemType::kIdempotencyReuse:
      return {"idempotency-conflict", 422, "Idempotency key reused"};
    case ProblemType::kRateLimited: return {"rate-limited", 429, "Too many requests"};
    case ProblemType::kHeaderTooLarge:
      return {"header-too-large", 431, "Request header fields too large"};
    case ProblemType::kInternal: return {"internal", 500, "Internal error"};
    case ProblemType::kOverloaded: return {"unavailable", 503, "Service unavailable"};
    case ProblemType::kNotLeader: return {"not-leader", 503, "Not the leader"};
  }
  return {"internal", 500, "Internal error"};
}

}  // namespace

std::string ProblemTypeUri(ProblemType type) {
  return "https://lcproc.dev/problems/" + std::string(Info(type).slug);
}

int ProblemStatus(ProblemType type) { return Info(type).status; }

HttpResponse MakeProblem(ProblemType type, std::string_view detail, std::string_view request_id,
                         const std::vector<FieldError>& errors, std::string_view reason_code,
                         std::string_view receipt_json_object) {
  ProblemInfo info = Info(type);
  boost::json::object o;
  o["type"] = ProblemTypeUri(type);
  o["title"] = info.title;
  o["status"] = info.status;
  o["detail"] = detail;
  o["requestId"] = request_id;
  if (!reason_code.empty()) o["reasonCode"] = reason_code;
  if (!errors.empty()) {
    boost::json::array list;
    for (size_t i = 0; i < errors.size() && i < 100; ++i) {
      list.push_back(
          boost::json::object{{"pointer", errors[i].pointer}, {"reason", errors[i].reason}});
    }
    o["errors"] = std::move(list);
  }
  if (!receipt_json_object.empty()) {
    boost::system::error_code ec;
    boost::json::value receipt = boost::json::parse(receipt_json_object, ec);
    if (!ec && receipt.is_object()) o["receipt"] = std::move(receipt);
  }
  HttpResponse r;
  r.status = info.status;
  r.content_type = "application/problem+json";
  r.body = boost::json::serialize(o);
  if (info.status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"lcproc\"");
  if (info.status == 415) {
    r.headers.emplace_back("Accept-Post",
                           "application/json, application/x-capnp, application/vnd.swift.mt, "
                           "application/x-ndjson");
  }
  if (info.status == 503 || info.status == 429) r.headers.emplace_back("Retry-After", "1");
  return r;
}

HttpResponse MakeNotLeaderProblem(std::string_view leader, std::string_view request_id) {
  HttpResponse r = MakeProblem(
      ProblemType::kNotLeader,
      leader.empty() ? "this instance does not sequence writes and no leader is known yet (an "
                       "election is under way); retry shortly"
                     : "this instance does not sequence writes; send them to the leader, " +
                           std::string(leader),
      request_id);
  if (leader.empty()) return r;
  boost::json::object o = boost::json::parse(r.body).as_object();
  o["leader"] = leader;
  r.body = boost::json::serialize(o);
  r.headers.emplace_back("Lcproc-Leader", std::string(leader));
  return r;
}

}  // namespace lcproc::gateway
