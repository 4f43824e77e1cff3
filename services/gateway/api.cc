#include "services/gateway/api.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <variant>

#include <boost/json.hpp>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/hex.h"
#include "pipeline/formats/document_codec.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/registry_json.h"
#include "pipeline/ledger/consistency_proof.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/inclusion_proof.h"
#include "pipeline/ledger/tile.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "pipeline/mutex.h"
#include "pipeline/rulebook/credit_history.h"
#include "pipeline/trade/timestamp.h"
#include "services/gateway/access_policy.h"
#include "services/gateway/change_signal.h"
#include "services/gateway/ops_api.h"
#include "services/gateway/problem.h"
#include "services/gateway/rate_limiter.h"

namespace lcproc::gateway {
namespace {

namespace json = boost::json;

// Route indexes: metrics labels and log fields. 0 is "no route matched".
enum RouteId : size_t {
  kUnmatched = 0,
  kDocuments,
  kDocumentsBatch,
  kDocument,
  kCredits,
  kCredit,
  kInbox,
  kInboxStream,
  kCheckpoint,
  kTile,
  kInclusionProof,
  kConsistencyProof,
  kEntry,
  kParticipants,
  kHealthz,
  kReadyz,
  kMetrics,
  kOpenApi,
  kOpsFirst,  // OpsRouteNames(), in OpsRoute order from kQueues
};

const std::vector<std::string> kRouteNames = [] {
  std::vector<std::string> names = {"unmatched",
                                    "/v1/documents",
                                    "/v1/documents:batch",
                                    "/v1/documents/{id}",
                                    "/v1/credits",
                                    "/v1/credits/{reference}",
                                    "/v1/inbox",
                                    "/v1/inbox/stream",
                                    "/v1/ledger/checkpoint",
                                    "/v1/ledger/tile",
                                    "/v1/ledger/proof/inclusion",
                                    "/v1/ledger/proof/consistency",
                                    "/v1/ledger/entries/{index}",
                                    "/v1/participants",
                                    "/healthz",
                                    "/readyz",
                                    "/metrics",
                                    "/openapi.json"};
  names.insert(names.end(), OpsRouteNames().begin(), OpsRouteNames().end());
  return names;
}();

// ---- small parsing helpers ---------------------------------------------------------

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 percent-decoding, '+' as space (form encoding). nullopt on a bad escape.
std::optional<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

struct Target {
  std::string path;
  std::map<std::string, std::string> query;
  bool ok = true;
};

Target ParseTarget(std::string_view target) {
  Target t;
  size_t q = target.find('?');
  auto path = PercentDecode(target.substr(0, q));
  if (!path) {
    t.ok = false;
    return t;
  }
  t.path = *path;
  if (q == std::string_view::npos) return t;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    auto key = PercentDecode(pair.substr(0, eq));
    auto value =
        PercentDecode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!key || !value) {
      t.ok = false;
      return t;
    }
    t.query.emplace(std::move(*key), std::move(*value));
  }
  return t;
}

std::optional<uint64_t> ParseUint(std::string_view s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

// A query parameter as an unsigned decimal; nullopt when absent or not one.
std::optional<uint64_t> QueryUint(const std::map<std::string, std::string>& query,
                                  const std::string& name) {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return ParseUint(it->second);
}

// The opaque cursors of the inbox and the credit listing: base64url of a tagged value,
// so clients treat them as tokens, not numbers to compute with.
std::string MakeCursor(char tag, std::string_view value) {
  std::string raw(1, tag);
  raw.push_back(':');
  raw.append(value);
  return crypto::Base64UrlEncode(raw);
}

std::optional<std::string> ReadCursor(char tag, std::string_view cursor) {
  auto raw = crypto::Base64UrlDecode(cursor);
  if (!raw.ok() || raw->size() < 2 || (*raw)[0] != tag || (*raw)[1] != ':') return std::nullopt;
  return raw->substr(2);
}

std::string Iso8601(int64_t millis) { return trade::FormatUtcTimestampMillis(millis); }

// "goods[1].quantity" -> "/goods/1/quantity" (RFC 6901).
std::string PointerFromPath(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == '.' || c == '[') {
      out.push_back('/');
    } else if (c == ']') {
      continue;
    } else if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out[0] != '/') out.insert(out.begin(), '/');
  return out;
}

bool LooksLikeFieldPath(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '[' || c == ']' ||
           c == '_';
  });
}

// The trade domain's reason code at the head of a rejection message ("WRONG_ROLE: …").
std::string ReasonCode(const Status& status) {
  const std::string& m = status.message();
  size_t i = 0;
  while (i < m.size() && (std::isupper(static_cast<unsigned char>(m[i])) || m[i] == '_' ||
                          std::isdigit(static_cast<unsigned char>(m[i])))) {
    ++i;
  }
  if (i >= 3 && (i == m.size() || m[i] == ':')) return m.substr(0, i);
  std::string code(StatusCodeName(status.code()));
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

// TradeRules writes a discrepancy as "CODE art. 14(c) document.field: message".
json::object DiscrepancyJson(std::string_view text) {
  json::object o;
  size_t colon = text.find(": ");
  std::string_view head = text.substr(0, colon);
  o["message"] = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 2);
  size_t sp = head.find(' ');
  o["code"] = head.substr(0, sp);
  std::string_view rest = sp == std::string_view::npos ? std::string_view() : head.substr(sp + 1);
  std::string_view article, where;
  if (rest.substr(0, 5) == "art. ") {
    // The article may list several, comma-separated: "20(a)(ii), 29(c)".
    rest.remove_prefix(5);
    size_t end = 0;
    for (;;) {
      size_t s = rest.find(' ', end);
      size_t token_end = s == std::string_view::npos ? rest.size() : s;
      end = token_end;
      if (token_end == 0 || rest[token_end - 1] != ',' || s == std::string_view::npos) break;
      end = token_end + 1;
    }
    article = rest.substr(0, end);
    rest = end >= rest.size() ? std::string_view() : rest.substr(end + 1);
  }
  where = rest;
  size_t dot = where.find('.');
  o["article"] = article;
  o["document"] = where.substr(0, dot);
  o["field"] = dot == std::string_view::npos ? std::string_view() : where.substr(dot + 1);
  return o;
}

json::array DiscrepanciesJson(const std::vector<std::string>& list) {
  json::array a;
  for (const auto& d : list) a.push_back(DiscrepancyJson(d));
  return a;
}

json::array HashesJson(const std::vector<crypto::Digest>& hashes) {
  json::array a;
  for (const auto& h : hashes) a.emplace_back(crypto::Base64Encode(crypto::AsBytes(h)));
  return a;
}

HttpResponse JsonResponse(int status, const json::value& v) {
  HttpResponse r;
  r.status = status;
  r.body = json::serialize(v);
  return r;
}

HttpResponse TextResponse(int status, std::string content_type, std::string body) {
  HttpResponse r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

bool IsTextContentType(std::string_view ct) { return ct != formats::kCapnpContentType; }

// The contract's document id: base64url (no padding) of the ledger's replay key.
std::string DocumentIdOf(std::string_view jws, std::string_view body) {
  return crypto::Base64UrlEncode(crypto::AsBytes(ledger_store::ReplayKey(jws, body)));
}

std::optional<crypto::Digest> ParseDocumentId(std::string_view id) {
  if (id.size() != 43) return std::nullopt;
  auto raw = crypto::Base64UrlDecode(id);
  if (!raw.ok() || raw->size() != 32) return std::nullopt;
  crypto::Digest d{};
  std::copy(raw->begin(), raw->end(), d.begin());
  return d;
}

std::string LeafHashText(std::string_view leaf) {
  return crypto::Base64Encode(crypto::AsBytes(ledger::LeafHash(leaf)));
}

// Who may read an entry: its submitter and the parties of its credit.
std::vector<std::string> EntryReaders(const ledger_store::LedgerStore& store,
                                      const ledger_store::LedgerEntry& entry,
                                      std::string* credit_out) {
  std::vector<std::string> readers{entry.submitter};
  auto doc = formats::DecodeDocument(entry.content_type, entry.body);
  if (doc.ok()) {
    const std::string& credit = trade::CreditNumber(*doc);
    if (credit_out) *credit_out = credit;
    auto row = store.ReadCredit(credit);
    if (row.ok()) readers.insert(readers.end(), row->parties.begin(), row->parties.end());
  }
  return readers;
}

std::optional<std::string> DocumentTypeOf(const ledger_store::LedgerEntry& entry) {
  auto doc = formats::DecodeDocument(entry.content_type, entry.body);
  if (!doc.ok()) return std::nullopt;
  return std::string(trade::DocumentTypeName(trade::TypeOf(*doc)));
}

// The reason code of a refused submission, as the contract names them.
std::string RefusalCode(const Status& st) {
  const std::string& m = st.message();
  if (st.code() == StatusCode::kPermissionDenied) return "OTHER_BANK_KEY";
  if (st.code() == StatusCode::kConflict) return "IDEMPOTENCY_KEY_REUSED";
  if (m.rfind("JWS: ", 0) == 0) return "MALFORMED_SIGNATURE";
  if (m.find("unknown key") != std::string::npos) return "UNKNOWN_KEY";
  if (m.find("revoked") != std::string::npos) return "REVOKED_KEY";
  if (m.find("validity") != std::string::npos) return "EXPIRED_KEY";
  return "BAD_SIGNATURE";
}

int64_t WallMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// ---- the implementation ------------------------------------------------------------

class Api::Impl {
 public:
  Impl(ApiOptions options, ApiServices services)
      : options_(std::move(options)),
        s_(std::move(services)),
        limiter_(options_.bank_rate, options_.bank_burst) {
    ops_ = std::make_unique<OpsApi>(
        OpsServices{s_.engines, s_.store, s_.metrics, s_.run_blocking, s_.max_in_flight});
  }

  void Handle(HttpRequest req, Responder respond);

  struct Call {
    HttpRequest req;
    Target target;
    Caller caller;
    size_t route = kUnmatched;
    Responder respond;
  };
  using CallPtr = std::shared_ptr<Call>;

  void Answer(const CallPtr& call, HttpResponse r) {
    r.route = call->route;
    r.bank = call->caller.bic;
    call->respond(std::move(r));
  }
  void Problem(const CallPtr& call, ProblemType type, std::string_view detail,
               const std::vector<FieldError>& errors = {}, std::string_view reason = {}) {
    Answer(call, MakeProblem(type, detail, call->req.request_id, errors, reason));
  }
  void NotFound(const CallPtr& call) {
    Problem(call, ProblemType::kNotFound, "no such resource: " + call->target.path);
  }
  // Asks the policy; answers and returns false when access is refused.
  bool Allowed(const CallPtr& call, Resource resource,
               const std::vector<std::string>& readers = {}) {
    switch (Decide(call->caller, resource, readers)) {
      case Access::kAllow: return true;
      case Access::kUnauthenticated:
        Problem(
            call, ProblemType::kUnauthenticated,
            "send Authorization: Bearer <token> or a client certificate registered for your bank");
        return false;
      case Access::kForbidden:
        Problem(call, ProblemType::kForbidden,
                call->caller.role == Role::kOperator
                    ? "operators read; they cannot submit documents"
                    : "not allowed for this caller",
                {}, call->caller.role == Role::kOperator ? "READ_ONLY_CALLER" : "FORBIDDEN");
        return false;
      case Access::kHidden: NotFound(call); return false;
    }
    return false;
  }
  void Blocking(const CallPtr& call, std::function<void(const CallPtr&)> work) {
    s_.run_blocking([call, work = std::move(work)] { work(call); });
  }
  bool RateLimited(const CallPtr& call) {
    int wait = limiter_.Acquire(call->caller.bic, call->req.received);
    if (wait == 0) return false;
    s_.metrics->CountRejection(Rejection::kRateLimited);
    HttpResponse r =
        MakeProblem(ProblemType::kRateLimited, call->caller.bic + " is over its request rate",
                    call->req.request_id);
    r.headers.emplace_back("Retry-After", std::to_string(wait));
    Answer(call, std::move(r));
    return true;
  }

  Result<Caller> Authenticate(const HttpRequest& req);
  void Dispatch(const CallPtr& call);

  void PostDocument(const CallPtr& call);
  void PostBatch(const CallPtr& call);
  void GetDocument(const CallPtr& call, std::string id);
  void ListCredits(const CallPtr& call);
  void GetCredit(const CallPtr& call, std::string reference);
  void GetInbox(const CallPtr& call, bool stream);
  void GetTile(const CallPtr& call, std::string_view tile_path);
  void GetInclusionProof(const CallPtr& call);
  void GetConsistencyProof(const CallPtr& call);
  void GetEntry(const CallPtr& call, std::string_view index);
  void GetParticipants(const CallPtr& call);

  struct Prepared {
    std::unique_ptr<engine::Submission> submission;
    std::string document_id;
  };
  // A submission from the request's parts, or the problem that refuses it.
  std::variant<Prepared, HttpResponse> Prepare(const Caller& caller, std::string_view content_type,
                                               std::string body, std::string jws,
                                               std::string idempotency_key,
                                               std::string_view request_id);
  // The receipt of an outcome (reads the recorded leaf and the inclusion proof: call on
  // the blocking pool).
  json::object Receipt(const std::string& document_id, const engine::Outcome& out,
                       std::string_view submitter);
  // The answer to an engine outcome: 201 with the receipt, or a problem.
  HttpResponse OutcomeResponse(const std::string& document_id, const engine::Outcome& out,
                               std::string_view submitter, std::string_view request_id);
  std::string InboxPage(const Caller& caller, uint64_t begin, size_t limit, uint64_t* next,
                        bool sse);

  ApiOptions options_;
  ApiServices s_;
  RateLimiter limiter_;
  std::unique_ptr<OpsApi> ops_;  // /v1/ops/* and the dashboard (ops_api.h)

  // Outcomes of Prefer: respond-async submissions, oldest first, bounded by
  // options_.async_results_kept: pending ones, and refused or failed ones (never in
  // the ledger, so only here).
  struct AsyncResult {
    std::string submitter;
    bool done = false;
    engine::Outcome outcome;
  };
  ChangeSignal commits_;  // a commit this instance made: wakes the inbox streams
  Mutex async_mu_;
  std::unordered_map<std::string, AsyncResult> async_ GUARDED_BY(async_mu_);
  std::deque<std::string> async_order_ GUARDED_BY(async_mu_);
};

Result<Caller> Api::Impl::Authenticate(const HttpRequest& req) {
  std::optional<Caller> by_cert;
  if (!req.client_cert_sha256.empty()) {
    auto it = options_.client_certificates.find(req.client_cert_sha256);
    if (it == options_.client_certificates.end()) {
      return Unauthenticated("the client certificate is not registered for any bank");
    }
    by_cert = Caller{Role::kBank, it->second};
  }
  if (const std::string* auth = req.Header("authorization")) {
    std::string_view v = *auth;
    if (v.size() < 7 || !std::equal(v.begin(), v.begin() + 7, "bearer ", [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return Unauthenticated("Authorization must be \"Bearer <token>\"");
    }
    v.remove_prefix(7);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    auto caller = s_.tokens->Lookup(v);
    if (!caller) return Unauthenticated("unknown bearer token");
    if (by_cert && (caller->role != Role::kBank || caller->bic != by_cert->bic)) {
      return Unauthenticated("the bearer token and the client certificate name different callers");
    }
    return *caller;
  }
  if (by_cert) return *by_cert;
  return Caller{};
}

void Api::Impl::Handle(HttpRequest req, Responder respond) {
  auto call = std::make_shared<Call>();
  call->req = std::move(req);
  call->respond = std::move(respond);
  call->target = ParseTarget(call->req.target);
  if (!call->target.ok) {
    return Problem(call, ProblemType::kBadRequest, "the request target has a bad percent-escape",
                   {{"", "bad %-escape"}});
  }
  auto caller = Authenticate(call->req);
  if (!caller.ok()) return Problem(call, ProblemType::kUnauthenticated, caller.status().message());
  call->caller = *caller;
  if (call->caller.role == Role::kBank && RateLimited(call)) return;
  if (call->caller.role == Role::kBank) {
    // The engine matches the submitter against the registry's spelling of the BIC.
    for (const auto& bank : s_.registry->banks()) {
      if (NormalizedBic(bank.bic) == NormalizedBic(call->caller.bic)) call->caller.bic = bank.bic;
    }
  }
  Dispatch(call);
}

void Api::Impl::Dispatch(const CallPtr& call) {
  const std::string& path = call->target.path;
  const std::string& method = call->req.method;
  auto route = [&](RouteId id, std::string_view allow) -> bool {
    call->route = id;
    if (method == allow) return true;
    HttpResponse r = MakeProblem(
        ProblemType::kMethodNotAllowed,
        method + " is not allowed on " + kRouteNames[id] + "; use " + std::string(allow),
        call->req.request_id);
    r.headers.emplace_back("Allow", std::string(allow));
    Answer(call, std::move(r));
    return false;
  };
  auto starts = [&](std::string_view prefix) {
    return path.compare(0, prefix.size(), prefix) == 0;
  };
  auto one_segment_after = [&](size_t n) {
    return path.size() > n && path.find('/', n) == std::string::npos;
  };

  if (path == "/v1/documents") {
    if (route(kDocuments, "POST")) PostDocument(call);
  } else if (path == "/v1/documents:batch") {
    if (route(kDocumentsBatch, "POST")) PostBatch(call);
  } else if (starts("/v1/documents/") && one_segment_after(14)) {
    if (route(kDocument, "GET")) GetDocument(call, path.substr(14));
  } else if (path == "/v1/credits") {
    if (route(kCredits, "GET")) ListCredits(call);
  } else if (starts("/v1/credits/") && one_segment_after(12)) {
    if (route(kCredit, "GET")) GetCredit(call, path.substr(12));
  } else if (path == "/v1/inbox") {
    if (route(kInbox, "GET")) GetInbox(call, false);
  } else if (path == "/v1/inbox/stream") {
    if (route(kInboxStream, "GET")) GetInbox(call, true);
  } else if (path == "/v1/ledger/checkpoint") {
    if (!route(kCheckpoint, "GET")) return;
    Blocking(call, [this](const CallPtr& c) {
      auto latest = s_.store->LatestCheckpoint();
      if (!latest.ok()) return Problem(c, ProblemType::kNotFound, "nothing has been committed yet");
      HttpResponse r = TextResponse(200, "text/plain; charset=utf-8", latest->note);
      r.headers.emplace_back("Cache-Control", "no-cache");
      Answer(c, std::move(r));
    });
  } else if (starts("/v1/ledger/tile/")) {
    if (route(kTile, "GET")) GetTile(call, std::string_view(path).substr(11));
  } else if (path == "/v1/ledger/proof/inclusion") {
    if (route(kInclusionProof, "GET")) GetInclusionProof(call);
  } else if (path == "/v1/ledger/proof/consistency") {
    if (route(kConsistencyProof, "GET")) GetConsistencyProof(call);
  } else if (starts("/v1/ledger/entries/") && one_segment_after(19)) {
    if (route(kEntry, "GET")) GetEntry(call, std::string_view(path).substr(19));
  } else if (path == "/v1/participants") {
    if (route(kParticipants, "GET")) GetParticipants(call);
  } else if (path == "/healthz") {
    if (route(kHealthz, "GET")) Answer(call, JsonResponse(200, json::object{{"status", "ok"}}));
  } else if (path == "/readyz") {
    if (!route(kReadyz, "GET")) return;
    if (s_.ready()) {
      // Leader and followers alike serve reads; `leading` tells which one takes writes.
      json::object o{{"status", "ready"}, {"leading", s_.engines->leading()}};
      if (std::string leader = s_.engines->leader(); !leader.empty()) o["leader"] = leader;
      return Answer(call, JsonResponse(200, o));
    }
    Problem(call, ProblemType::kOverloaded, "not ready: starting or shutting down");
  } else if (path == "/metrics") {
    if (route(kMetrics, "GET")) {
      Answer(call, TextResponse(200, "text/plain; version=0.0.4",
                                s_.metrics->Render(s_.engines->stats(), s_.ready())));
    }
  } else if (path == "/openapi.json") {
    if (route(kOpenApi, "GET"))
      Answer(call, TextResponse(200, "application/json", s_.openapi_json));
  } else if (OpsRoute ops = MatchOpsRoute(path); ops != OpsRoute::kNone) {
    if (!route(static_cast<RouteId>(kOpsFirst + static_cast<size_t>(ops) - 1), "GET")) return;
    const std::string* last = call->req.Header("last-event-id");
    ops_->Handle({ops, method, path, call->target.query, call->caller, last ? *last : "",
                  call->req.request_id},
                 [this, call](HttpResponse r) { Answer(call, std::move(r)); });
  } else {
    NotFound(call);
  }
}

// ---- writes ------------------------------------------------------------------------

std::variant<Api::Impl::Prepared, HttpResponse> Api::Impl::Prepare(
    const Caller& caller, std::string_view content_type, std::string body, std::string jws,
    std::string idempotency_key, std::string_view request_id) {
  auto type = formats::ParseContentType(content_type);
  if (content_type.empty() || !type.ok()) {
    return MakeProblem(ProblemType::kUnsupportedMediaType,
                       "\"" + std::string(content_type) +
                           "\" is not accepted; use application/json, application/x-capnp or "
                           "application/vnd.swift.mt",
                       request_id);
  }
  if (jws.empty()) {
    return MakeProblem(
        ProblemType::kBadSignature,
        "x-jws-signature is missing: sign the exact body (lcproc sign) and send the detached JWS",
        request_id, {}, "MISSING_SIGNATURE");
  }
  if (idempotency_key.size() > 255 || !std::all_of(idempotency_key.begin(), idempotency_key.end(),
                                                   [](char c) { return c > 0x20 && c < 0x7f; })) {
    return MakeProblem(ProblemType::kBadRequest,
                       "Idempotency-Key must be 1-255 visible ASCII characters", request_id,
                       {{"#/headers/idempotency-key", "1-255 visible ASCII characters"}});
  }
  Prepared p;
  p.document_id = DocumentIdOf(jws, body);
  p.submission = std::make_unique<engine::Submission>();
  p.submission->submitter = caller.bic;
  p.submission->jws = std::move(jws);
  p.submission->content_type = std::string(formats::ContentTypeName(*type));
  p.submission->body = std::move(body);
  p.submission->idempotency_key = std::move(idempotency_key);
  p.submission->received_millis = WallMillis();
  return p;
}

json::object Api::Impl::Receipt(const std::string& document_id, const engine::Outcome& out,
                                std::string_view submitter) {
  json::object o;
  o["documentId"] = document_id;
  o["outcome"] = engine::VerdictName(out.verdict);
  if (!out.status.ok()) {
    o["reasonCode"] =
        out.verdict == engine::Verdict::kRefused ? RefusalCode(out.status) : ReasonCode(out.status);
    o["reason"] = out.status.message();
  }
  if (!out.credit_number.empty()) o["creditNumber"] = out.credit_number;
  if (!submitter.empty()) o["submitter"] = submitter;
  o["discrepancies"] = DiscrepanciesJson(out.discrepancies);
  o["duplicate"] = out.duplicate;
  if (!out.leaf_index) return o;
  uint64_t index = *out.leaf_index;
  o["ledgerIndex"] = index;
  o["treeSize"] = out.tree_size;
  o["checkpoint"] = out.checkpoint;
  if (auto leaf = s_.store->ReadLeaf(index); leaf.ok()) {
    o["leafHash"] = LeafHashText(*leaf);
    if (auto entry = ledger_store::DecodeLeaf(*leaf); entry.ok()) {
      o["submitter"] = entry->submitter;
      o["receivedAt"] = Iso8601(entry->received_millis);
      if (!entry->idempotency_key.empty()) o["idempotencyKey"] = entry->idempotency_key;
      if (auto type = DocumentTypeOf(*entry)) o["documentType"] = *type;
    }
  }
  auto proof = ledger::InclusionProof(*s_.store, index, out.tree_size);
  if (proof.ok()) o["inclusionProof"] = HashesJson(*proof);
  return o;
}

HttpResponse Api::Impl::OutcomeResponse(const std::string& document_id, const engine::Outcome& out,
                                        std::string_view submitter, std::string_view request_id) {
  s_.metrics->CountDocument(engine::VerdictName(out.verdict));
  const Status& st = out.status;
  switch (out.verdict) {
    case engine::Verdict::kAccepted: {
      HttpResponse r = JsonResponse(201, Receipt(document_id, out, submitter));
      r.headers.emplace_back("Location", "/v1/documents/" + document_id);
      return r;
    }
    case engine::Verdict::kRejected: {
      std::string receipt = json::serialize(Receipt(document_id, out, submitter));
      if (st.code() == StatusCode::kMalformed) {
        return MakeProblem(ProblemType::kMalformed, st.message(), request_id, {{"", st.message()}},
                           "MALFORMED", receipt);
      }
      if (st.code() == StatusCode::kInvalidArgument) {
        size_t colon = st.message().find(": ");
        std::string field = colon == std::string::npos ? "" : st.message().substr(0, colon);
        // The JSON decoder already names the field with an RFC 6901 pointer ("/amount/currency").
        const bool pointer = field.size() > 1 && field[0] == '/' &&
                             std::all_of(field.begin(), field.end(), [](char c) {
                               return std::isalnum(static_cast<unsigned char>(c)) || c == '/' ||
                                      c == '_' || c == '~';
                             });
        bool path = pointer || LooksLikeFieldPath(field);
        FieldError e{pointer ? field
                     : path  ? PointerFromPath(field)
                             : "",
                     path ? st.message().substr(colon + 2) : st.message()};
        return MakeProblem(ProblemType::kValidation, st.message(), request_id, {e},
                           "INVALID_DOCUMENT", receipt);
      }
      return MakeProblem(ProblemType::kBusinessRule, st.message(), request_id, {}, ReasonCode(st),
                         receipt);
    }
    case engine::Verdict::kRefused:
      ops_->CountRefusal(submitter, RefusalCode(st));
      if (st.code() == StatusCode::kPermissionDenied) {
        return MakeProblem(ProblemType::kForbidden, st.message(), request_id, {}, RefusalCode(st));
      }
      if (st.code() == StatusCode::kConflict) {
        return MakeProblem(ProblemType::kIdempotencyReuse, st.message(), request_id,
                           {{"#/headers/idempotency-key", "already used with other bytes"}},
                           RefusalCode(st));
      }
      return MakeProblem(ProblemType::kBadSignature, st.message(), request_id, {}, RefusalCode(st));
    case engine::Verdict::kFailed: break;
  }
  HttpResponse r =
      MakeProblem(ProblemType::kOverloaded,
                  st.message().empty() ? "not recorded; retry later"
                                       : st.message() + "; nothing was recorded, retry later",
                  request_id);
  r.headers.emplace_back("Retry-After", st.code() == StatusCode::kResourceExhausted ? "1" : "5");
  return r;
}

void Api::Impl::PostDocument(const CallPtr& call) {
  if (!Allowed(call, Resource::kWrite)) return;
  const HttpRequest& req = call->req;
  if (!s_.engines->leading()) {
    s_.metrics->CountRejection(Rejection::kOverloaded);
    return Answer(call, MakeNotLeaderProblem(s_.engines->leader(), req.request_id));
  }
  auto header = [&](std::string_view name) {
    return req.Header(name) ? *req.Header(name) : std::string();
  };
  auto prepared = Prepare(call->caller, header("content-type"), std::move(call->req.body),
                          header("x-jws-signature"), header("idempotency-key"), req.request_id);
  if (auto* problem = std::get_if<HttpResponse>(&prepared))
    return Answer(call, std::move(*problem));
  Prepared p = std::move(std::get<Prepared>(prepared));
  bool async = header("prefer").find("respond-async") != std::string::npos;
  std::string id = p.document_id;
  auto started = std::chrono::steady_clock::now();
  if (async) {
    MutexLock lock(async_mu_);
    auto [it, fresh] = async_.try_emplace(id);
    if (fresh) {
      it->second.submitter = call->caller.bic;
      async_order_.push_back(id);
      while (async_order_.size() > options_.async_results_kept) {
        async_.erase(async_order_.front());
        async_order_.pop_front();
      }
    }
  }
  bool not_leading = false;
  engine::Admission submitted = s_.engines->Submit(
      std::move(p.submission),
      [this, call, id, async, started](engine::Outcome out) {
        if (out.recorded()) commits_.Notify();
        if (async) {
          s_.metrics->CountDocument(engine::VerdictName(out.verdict));
          MutexLock lock(async_mu_);
          auto it = async_.find(id);
          if (it != async_.end()) {
            it->second.done = true;
            it->second.outcome = std::move(out);
          }
          return;
        }
        s_.run_blocking([this, call, id, started, out = std::move(out)] {
          s_.metrics->ObserveAck(
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
          Answer(call, OutcomeResponse(id, out, call->caller.bic, call->req.request_id));
        });
      },
      &not_leading);
  if (!submitted.ok()) {
    if (async) {
      MutexLock lock(async_mu_);
      async_.erase(id);
    }
    s_.metrics->CountRejection(Rejection::kOverloaded);
    if (not_leading)
      return Answer(call, MakeNotLeaderProblem(s_.engines->leader(), call->req.request_id));
    return Problem(call, ProblemType::kOverloaded, submitted.status.message());
  }
  if (async) {
    HttpResponse r = JsonResponse(202, json::object{{"documentId", id}, {"status", "pending"}});
    r.headers.emplace_back("Location", "/v1/documents/" + id);
    r.headers.emplace_back("Retry-After", "1");
    r.headers.emplace_back("Preference-Applied", "respond-async");
    Answer(call, std::move(r));
  }
}

void Api::Impl::PostBatch(const CallPtr& call) {
  if (!Allowed(call, Resource::kWrite)) return;
  if (!s_.engines->leading()) {
    s_.metrics->CountRejection(Rejection::kOverloaded);
    return Answer(call, MakeNotLeaderProblem(s_.engines->leader(), call->req.request_id));
  }
  const std::string* ct = call->req.Header("content-type");
  std::string_view media = ct ? std::string_view(*ct).substr(0, ct->find(';')) : std::string_view();
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (media != "application/x-ndjson") {
    return Problem(call, ProblemType::kUnsupportedMediaType,
                   "a batch is application/x-ndjson: one {contentType, body|bodyBase64, jws, "
                   "idempotencyKey} a line");
  }
  struct Line {
    std::optional<HttpResponse> problem;  // set when the line itself is bad
    std::string content_type, body, jws, key;
  };
  std::vector<Line> lines;
  std::string_view rest = call->req.body;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view text = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (lines.size() >= options_.max_batch_documents) {
      return Problem(
          call, ProblemType::kBodyTooLarge,
          "a batch holds at most " + std::to_string(options_.max_batch_documents) + " documents");
    }
    Line line;
    auto bad = [&](std::string detail, std::string pointer) {
      line.problem =
          MakeProblem(ProblemType::kMalformed, detail, call->req.request_id, {{pointer, detail}});
    };
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_object()) {
      bad("the line is not a JSON object", "");
    } else {
      const json::object& o = v.as_object();
      auto str = [&](const char* name, std::string& out) -> bool {
        const json::value* f = o.if_contains(name);
        if (f == nullptr) return true;
        if (!f->is_string()) return false;
        out = std::string(f->as_string());
        return true;
      };
      std::string body64;
      bool has_body = o.contains("body"), has_base64 = o.contains("bodyBase64");
      if (!(str("contentType", line.content_type) && str("body", line.body) &&
            str("jws", line.jws) && str("idempotencyKey", line.key) && str("bodyBase64", body64))) {
        bad("contentType, body, bodyBase64, jws and idempotencyKey are strings", "");
      } else if (has_body == has_base64) {
        bad("give exactly one of body and bodyBase64", "");
      } else if (has_base64) {
        auto raw = crypto::Base64Decode(body64);
        if (!raw.ok()) {
          bad("bodyBase64 is not base64", "/bodyBase64");
        } else {
          line.body = std::move(*raw);
        }
      }
    }
    lines.push_back(std::move(line));
  }
  if (lines.empty())
    return Problem(call, ProblemType::kMalformed, "the batch has no lines", {{"", "empty"}});

  struct BatchState {
    std::vector<std::string> results;
    std::atomic<size_t> remaining{0};
  };
  auto state = std::make_shared<BatchState>();
  state->results.resize(lines.size());
  state->remaining = lines.size();
  auto finish_one = [this, call, state](size_t i, const HttpResponse& r) {
    json::object o{{"line", i + 1}, {"status", r.status}};
    boost::system::error_code ec;
    json::value body = json::parse(r.body, ec);
    if (!ec) o[r.status < 300 ? "receipt" : "problem"] = std::move(body);
    state->results[i] = json::serialize(o);
    if (state->remaining.fetch_sub(1) == 1) {
      std::string out;
      for (const auto& line : state->results) out.append(line).push_back('\n');
      Answer(call, TextResponse(200, "application/x-ndjson", std::move(out)));
    }
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].problem) {
      finish_one(i, *lines[i].problem);
      continue;
    }
    auto prepared = Prepare(call->caller, lines[i].content_type, std::move(lines[i].body),
                            std::move(lines[i].jws), std::move(lines[i].key), call->req.request_id);
    if (auto* problem = std::get_if<HttpResponse>(&prepared)) {
      finish_one(i, *problem);
      continue;
    }
    Prepared p = std::move(std::get<Prepared>(prepared));
    std::string id = p.document_id;
    bool not_leading = false;
    engine::Admission submitted = s_.engines->Submit(
        std::move(p.submission),
        [this, call, id, i, finish_one](engine::Outcome out) {
          if (out.recorded()) commits_.Notify();
          s_.run_blocking([this, call, id, i, finish_one, out = std::move(out)] {
            finish_one(i, OutcomeResponse(id, out, call->caller.bic, call->req.request_id));
          });
        },
        &not_leading);
    if (!submitted.ok()) {
      s_.metrics->CountRejection(Rejection::kOverloaded);
      finish_one(i, not_leading ? MakeNotLeaderProblem(s_.engines->leader(), call->req.request_id)
                                : MakeProblem(ProblemType::kOverloaded, submitted.status.message(),
                                              call->req.request_id));
    }
  }
}

// ---- reads -------------------------------------------------------------------------

void Api::Impl::GetDocument(const CallPtr& call, std::string id) {
  if (!Allowed(call, Resource::kOwnCollection)) return;
  auto digest = ParseDocumentId(id);
  if (!digest) return NotFound(call);
  {
    MutexLock lock(async_mu_);
    auto it = async_.find(id);
    if (it != async_.end() && (!it->second.done || !it->second.outcome.recorded())) {
      if (Decide(call->caller, Resource::kPartyData, {it->second.submitter}) != Access::kAllow)
        return NotFound(call);
      if (!it->second.done) {
        HttpResponse r = JsonResponse(200, json::object{{"documentId", id}, {"status", "pending"}});
        r.headers.emplace_back("Retry-After", "1");
        return Answer(call, std::move(r));
      }
      engine::Outcome out = it->second.outcome;
      std::string submitter = it->second.submitter;
      return Blocking(call, [this, id, out, submitter](const CallPtr& c) {
        json::object o{{"documentId", id}};
        if (out.verdict == engine::Verdict::kRefused) {
          o["status"] = "done";
          o["receipt"] = Receipt(id, out, submitter);
        } else {
          o["status"] = "failed";
          HttpResponse problem = OutcomeResponse(id, out, submitter, c->req.request_id);
          boost::system::error_code ec;
          json::value p = json::parse(problem.body, ec);
          if (!ec) o["problem"] = std::move(p);
        }
        Answer(c, JsonResponse(200, o));
      });
    }
  }
  Blocking(call, [this, id, digest = *digest](const CallPtr& c) {
    auto indexes = s_.store->FindByReplayKey(digest);
    if (!indexes.ok()) return Problem(c, ProblemType::kInternal, indexes.status().message());
    for (uint64_t index : *indexes) {
      auto leaf = s_.store->ReadLeaf(index);
      if (!leaf.ok()) continue;
      auto entry = ledger_store::DecodeLeaf(*leaf);
      if (!entry.ok() || ledger_store::ReplayKey(entry->jws, entry->body) != digest) continue;
      std::string credit;
      auto readers = EntryReaders(*s_.store, *entry, &credit);
      if (!Allowed(c, Resource::kPartyData, readers)) return;
      auto latest = s_.store->LatestCheckpoint();
      engine::Outcome out = engine::Outcome::Recorded(
          index, entry->accepted ? Status::Ok() : Status(entry->reason_code, entry->reason),
          entry->discrepancies);
      if (latest.ok()) {
        out.checkpoint = std::move(latest->note);
        out.tree_size = latest->size;
      }
      out.credit_number = credit;
      json::object o{
          {"documentId", id}, {"status", "done"}, {"receipt", Receipt(id, out, entry->submitter)}};
      return Answer(c, JsonResponse(200, o));
    }
    NotFound(c);
  });
}

static std::optional<size_t> PageLimit(const std::map<std::string, std::string>& q,
                                       const ApiOptions& o, std::string* error) {
  auto it = q.find("limit");
  if (it == q.end()) return std::min(o.default_page, o.max_page);
  auto v = ParseUint(it->second);
  if (!v || *v == 0 || *v > o.max_page) {
    *error = "limit must be 1.." + std::to_string(o.max_page);
    return std::nullopt;
  }
  return static_cast<size_t>(*v);
}

void Api::Impl::ListCredits(const CallPtr& call) {
  if (!Allowed(call, Resource::kOwnCollection)) return;
  const auto& q = call->target.query;
  ledger_store::CreditQuery query;
  std::string error;
  auto limit = PageLimit(q, options_, &error);
  if (!limit) return Problem(call, ProblemType::kBadRequest, error, {{"#/query/limit", error}});
  query.limit = *limit;
  if (auto it = q.find("state"); it != q.end()) {
    if (!trade::ParseCreditStatus(it->second).ok()) {
      return Problem(
          call, ProblemType::kBadRequest, "unknown state \"" + it->second + "\"",
          {{"#/query/state", "one of the credit states, e.g. issued, advised, honoured"}});
    }
    query.state = it->second;
  }
  if (auto it = q.find("party"); it != q.end()) {
    if (!trade::Bic::Parse(it->second).ok()) {
      return Problem(call, ProblemType::kBadRequest, "party must be a BIC",
                     {{"#/query/party", "a BIC"}});
    }
    query.party = NormalizedBic(it->second);
  }
  if (auto it = q.find("cursor"); it != q.end()) {
    auto after = ReadCursor('c', it->second);
    if (!after)
      return Problem(call, ProblemType::kBadRequest, "bad cursor",
                     {{"#/query/cursor", "not a cursor we gave"}});
    query.after_reference = *after;
  }
  // A bank sees only credits it is a party to: its own BIC filters the store's query,
  // and a `party` naming another bank narrows that page further.
  std::string also;
  if (call->caller.role == Role::kBank) {
    if (!query.party.empty() && query.party != NormalizedBic(call->caller.bic)) also = query.party;
    query.party = NormalizedBic(call->caller.bic);
  }
  Blocking(call, [this, query, also](const CallPtr& c) {
    auto rows = s_.store->ListCredits(query);
    if (!rows.ok()) return Problem(c, ProblemType::kInternal, rows.status().message());
    json::array items;
    for (const auto& row : *rows) {
      if (!also.empty() &&
          std::find(row.parties.begin(), row.parties.end(), also) == row.parties.end())
        continue;
      if (!trade::ParseCreditStatus(row.state).ok()) continue;
      json::array parties;
      for (const auto& p : row.parties) {
        if (trade::Bic::Parse(p).ok()) parties.emplace_back(p);
      }
      items.push_back(json::object{
          {"reference", row.reference}, {"state", row.state}, {"parties", std::move(parties)}});
    }
    json::object o{{"items", std::move(items)}};
    o["nextCursor"] = rows->size() == query.limit
                          ? json::value(MakeCursor('c', rows->back().reference))
                          : json::value(nullptr);
    Answer(c, JsonResponse(200, o));
  });
}

json::object MoneyJson(const trade::Money& m) {
  return json::object{{"currency", m.currency.str()}, {"amount", m.ToString()}};
}

void Api::Impl::GetCredit(const CallPtr& call, std::string reference) {
  if (!Allowed(call, Resource::kOwnCollection)) return;
  Blocking(call, [this, reference](const CallPtr& c) {
    uint64_t tree_size = s_.store->Size().value_or(0);
    auto history = rulebook::ReplayCredit(*s_.store, reference);
    if (!history.ok()) {
      if (history.status().code() == StatusCode::kNotFound) return NotFound(c);
      return Problem(c, ProblemType::kInternal, history.status().message());
    }
    if (!Allowed(c, Resource::kPartyData, history->readers)) return;
    // A reference whose every document was rejected never became a credit.
    if (!history->state) return NotFound(c);
    const trade::CreditState& st = *history->state;
    const trade::LetterOfCredit& t = st.terms;
    json::object o;
    o["reference"] = reference;
    o["state"] = trade::CreditStatusName(st.status);
    json::object parties{{"issuingBank", t.issuing_bank.str()},
                         {"advisingBank", t.advising_bank.str()}};
    if (st.confirming_bank)
      parties["confirmingBank"] = st.confirming_bank->str();
    else if (t.confirming_bank)
      parties["confirmingBank"] = t.confirming_bank->str();
    if (t.available_with.bank) parties["nominatedBank"] = t.available_with.bank->str();
    if (t.beneficiary.bic) parties["beneficiaryBank"] = t.beneficiary.bic->str();
    o["parties"] = std::move(parties);
    o["terms"] = formats::EncodeJsonDocument(trade::Document(t));
    o["amounts"] = json::object{{"maximum", MoneyJson(st.MaximumAmount())},
                                {"drawn", MoneyJson(st.drawn)},
                                {"paid", MoneyJson(st.paid)},
                                {"available", MoneyJson(st.AvailableBalance())}};
    json::object deadlines;
    deadlines["expiryDate"] = t.expiry_date.ToIso();
    if (!t.expiry_place.empty()) deadlines["expiryPlace"] = t.expiry_place;
    deadlines["effectiveExpiryDate"] = st.EffectiveExpiry(trade::BankingCalendar()).ToIso();
    if (t.latest_shipment_date) deadlines["latestShipmentDate"] = t.latest_shipment_date->ToIso();
    json::array deadline_items, presentations;
    for (const auto& p : st.presentations) {
      bool open = p.status != trade::PresentationStatus::kRefused &&
                  p.status != trade::PresentationStatus::kHonoured;
      deadline_items.push_back(
          json::object{{"presentationNumber", p.presentation.presentation_number},
                       {"presentedOn", p.presentation.presentation_date.ToIso()},
                       {"examinationDeadline", p.examination.deadline.ToIso()},
                       {"open", open}});
      json::array discrepancies;
      for (const auto& d : p.examination.discrepancies) {
        discrepancies.push_back(json::object{{"code", d.code},
                                             {"article", d.article},
                                             {"document", d.document},
                                             {"field", d.field},
                                             {"message", d.message}});
      }
      json::object item{{"presentationNumber", p.presentation.presentation_number},
                        {"presentingBank", p.presentation.presenting_bank.str()},
                        {"presentedOn", p.presentation.presentation_date.ToIso()},
                        {"drawing", MoneyJson(p.presentation.drawing_amount)},
                        {"status", trade::PresentationStatusName(p.status)},
                        {"examinationDeadline", p.examination.deadline.ToIso()},
                        {"discrepancies", std::move(discrepancies)},
                        {"refusedAfterDeadline", p.refused_after_deadline}};
      if (p.refused_on) item["refusedOn"] = p.refused_on->ToIso();
      if (p.paid) item["paid"] = MoneyJson(*p.paid);
      if (p.paid_on) item["paidOn"] = p.paid_on->ToIso();
      presentations.push_back(std::move(item));
    }
    deadlines["presentations"] = std::move(deadline_items);
    o["deadlines"] = std::move(deadlines);
    json::array amendments;
    for (const auto& a : st.amendments) {
      json::object item{{"amendmentNumber", a.amendment.amendment_number},
                        {"status", trade::AmendmentStatusName(a.status)}};
      if (a.decided_on) item["decidedOn"] = a.decided_on->ToIso();
      amendments.push_back(std::move(item));
    }
    o["amendments"] = std::move(amendments);
    o["presentations"] = std::move(presentations);
    json::array timeline;
    for (const auto& ev : history->timeline) {
      if (!ev.type) continue;  // an entry whose body no longer decodes names no document type
      json::array codes;
      for (const auto& d : ev.entry.discrepancies)
        codes.emplace_back(std::string_view(d).substr(0, d.find(' ')));
      json::object item{{"ledgerIndex", ev.index},
                        {"documentId", DocumentIdOf(ev.entry.jws, ev.entry.body)},
                        {"documentType", trade::DocumentTypeName(*ev.type)},
                        {"submitter", ev.entry.submitter},
                        {"receivedAt", Iso8601(ev.entry.received_millis)},
                        {"outcome", ev.entry.accepted ? "accepted" : "rejected"},
                        {"discrepancies", std::move(codes)}};
      if (!ev.entry.accepted)
        item["reasonCode"] = ReasonCode(Status(ev.entry.reason_code, ev.entry.reason));
      timeline.push_back(std::move(item));
    }
    o["timeline"] = std::move(timeline);
    o["treeSize"] = tree_size;
    Answer(c, JsonResponse(200, o));
  });
}

std::string Api::Impl::InboxPage(const Caller& caller, uint64_t begin, size_t limit, uint64_t* next,
                                 bool sse) {
  *next = begin;
  std::string out;
  json::array items;
  // Operators see every entry; a bank the entries of its credits submitted by others.
  std::vector<uint64_t> indexes;
  if (caller.role == Role::kOperator) {
    uint64_t size = s_.store->Size().value_or(0);
    for (uint64_t i = begin; i < size && indexes.size() < limit; ++i) indexes.push_back(i);
  } else {
    indexes = s_.store->EntriesForParty(NormalizedBic(caller.bic), begin, limit)
                  .value_or(std::vector<uint64_t>());
  }
  // The caller's roles per credit, from the credit's replayed terms (once per credit).
  std::map<std::string, std::vector<std::string>> roles_of;
  for (uint64_t index : indexes) {
    auto leaf = s_.store->ReadLeaf(index);
    if (!leaf.ok()) break;
    *next = index + 1;
    auto entry = ledger_store::DecodeLeaf(*leaf);
    if (!entry.ok()) continue;
    if (caller.role == Role::kBank && NormalizedBic(entry->submitter) == NormalizedBic(caller.bic))
      continue;
    auto doc = formats::DecodeDocument(entry->content_type, entry->body);
    if (!doc.ok()) continue;  // only decoded documents name a credit
    const std::string& credit = trade::CreditNumber(*doc);
    auto [it, fresh] = roles_of.try_emplace(credit);
    if (fresh) {
      if (caller.role == Role::kOperator) {
        it->second = {"operator"};
      } else if (auto history = rulebook::ReplayCredit(*s_.store, credit);
                 history.ok() && history->state) {
        it->second = rulebook::PartyRoles(*history->state, caller.bic);
      }
    }
    json::array roles;
    for (const auto& r : it->second) roles.emplace_back(r);
    std::string cursor = MakeCursor('i', std::to_string(index + 1));
    json::object item{{"cursor", cursor},
                      {"ledgerIndex", index},
                      {"documentId", DocumentIdOf(entry->jws, entry->body)},
                      {"creditNumber", credit},
                      {"documentType", trade::DocumentTypeName(trade::TypeOf(*doc))},
                      {"submitter", entry->submitter},
                      {"receivedAt", Iso8601(entry->received_millis)},
                      {"outcome", entry->accepted ? "accepted" : "rejected"},
                      {"discrepancies", DiscrepanciesJson(entry->discrepancies)},
                      {"roles", std::move(roles)}};
    if (!entry->accepted)
      item["reasonCode"] = ReasonCode(Status(entry->reason_code, entry->reason));
    if (sse) {
      out += "event: entry\nid: " + cursor + "\ndata: " + json::serialize(item) + "\n\n";
    } else {
      items.push_back(std::move(item));
    }
  }
  if (sse) return out;
  json::object o{{"items", std::move(items)},
                 {"nextCursor", MakeCursor('i', std::to_string(*next))}};
  return json::serialize(o);
}

// The SSE source of one inbox stream: each Poll reads what was committed since.
class InboxStream final : public EventStream, public std::enable_shared_from_this<InboxStream> {
 public:
  InboxStream(Api::Impl* api, Caller caller, uint64_t next)
      : api_(api), caller_(std::move(caller)), next_(next) {}
  ~InboxStream() override {
    if (subscription_) api_->commits_.Unsubscribe(*subscription_);
  }

  // Woken by every commit this instance makes; the session's polling interval remains
  // for entries another instance committed to a shared store.
  void SetWaker(std::function<void()> wake) override {
    subscription_ = api_->commits_.Subscribe(std::move(wake));
  }

  void Poll(std::function<void(std::string, bool)> deliver) override {
    api_->s_.run_blocking([this, self = shared_from_this(), deliver = std::move(deliver)] {
      uint64_t next = next_;
      std::string events = api_->InboxPage(caller_, next_, api_->options_.max_page, &next, true);
      next_ = next;
      deliver(std::move(events), !api_->s_.ready());
    });
  }

 private:
  Api::Impl* api_;
  Caller caller_;
  uint64_t next_;  // only touched by Poll's task; the session never polls twice at once
  std::optional<uint64_t> subscription_;
};

void Api::Impl::GetInbox(const CallPtr& call, bool stream) {
  if (!Allowed(call, Resource::kOwnCollection)) return;
  const auto& q = call->target.query;
  std::string error;
  auto limit = PageLimit(q, options_, &error);
  if (!limit) return Problem(call, ProblemType::kBadRequest, error, {{"#/query/limit", error}});
  uint64_t begin = 0;
  std::string cursor, where = "#/query/after";
  if (auto it = q.find("after"); it != q.end()) cursor = it->second;
  if (stream) {
    if (const std::string* last = call->req.Header("last-event-id"); last && !last->empty()) {
      cursor = *last;
      where = "#/headers/last-event-id";
    }
  }
  if (!cursor.empty()) {
    auto v = ReadCursor('i', cursor);
    auto n = v ? ParseUint(*v) : std::nullopt;
    if (!n)
      return Problem(call, ProblemType::kBadRequest, "bad cursor",
                     {{where, "not a cursor this server gave"}});
    begin = *n;
  }
  if (!stream) {
    return Blocking(call, [this, begin, limit = *limit](const CallPtr& c) {
      uint64_t next = begin;
      Answer(c, TextResponse(200, "application/json",
                             InboxPage(c->caller, begin, limit, &next, false)));
    });
  }
  HttpResponse r;
  r.status = 200;
  r.content_type = "text/event-stream";
  r.body = "retry: 2000\n\n";
  r.stream = std::make_shared<InboxStream>(this, call->caller, begin);
  Answer(call, std::move(r));
}

void Api::Impl::GetTile(const CallPtr& call, std::string_view tile_path) {
  if (tile_path.substr(0, 13) == "tile/entries/") {
    return Problem(
        call, ProblemType::kNotFound,
        "entry bundles are not published: entry contents are served to the credit's parties at "
        "/v1/ledger/entries/{index}; the public tiles hold hashes only");
  }
  auto id = ledger::ParseTilePath(tile_path);
  if (!id.ok()) return NotFound(call);
  Blocking(call, [this, id = *id](const CallPtr& c) {
    uint64_t size = s_.store->Size().value_or(0);
    uint64_t stored = ledger::StoredHashCount(id.level, size);
    if (id.index > (stored - std::min<uint64_t>(stored, id.width)) / ledger::kTileWidth ||
        id.index * ledger::kTileWidth + id.width > stored) {
      return NotFound(c);
    }
    auto hashes = s_.store->ReadTile(id.level, id.index, id.width);
    if (!hashes.ok()) return NotFound(c);
    HttpResponse r = TextResponse(200, "application/octet-stream",
                                  hashes->substr(0, size_t{id.width} * ledger::kHashSize));
    r.headers.emplace_back("Cache-Control",
                           id.full() ? "public, max-age=31536000, immutable" : "no-cache");
    Answer(c, std::move(r));
  });
}

void Api::Impl::GetInclusionProof(const CallPtr& call) {
  const auto& q = call->target.query;
  const std::optional<uint64_t> index = QueryUint(q, "index");
  const std::optional<uint64_t> size = QueryUint(q, "size");
  std::vector<FieldError> errors;
  if (!index) errors.push_back({"#/query/index", "a leaf index, a decimal integer"});
  if (!size) errors.push_back({"#/query/size", "a tree size, a decimal integer"});
  if (index && size && *index >= *size)
    errors.push_back({"#/query/index", "must be less than size"});
  if (!errors.empty())
    return Problem(call, ProblemType::kBadRequest, "index < size are required", errors);
  Blocking(call, [this, index = *index, size = *size](const CallPtr& c) {
    if (size > s_.store->Size().value_or(0)) {
      return Problem(c, ProblemType::kBadRequest, "size is beyond the committed tree",
                     {{"#/query/size", "at most the latest checkpoint's size"}});
    }
    auto proof = ledger::InclusionProof(*s_.store, index, size);
    if (!proof.ok()) return Problem(c, ProblemType::kInternal, proof.status().message());
    json::object o{{"index", index}, {"treeSize", size}, {"hashes", HashesJson(*proof)}};
    if (auto leaf = s_.store->ReadLeaf(index); leaf.ok()) o["leafHash"] = LeafHashText(*leaf);
    if (auto note = s_.store->CheckpointAt(size); note.ok()) o["checkpoint"] = *note;
    Answer(c, JsonResponse(200, o));
  });
}

void Api::Impl::GetConsistencyProof(const CallPtr& call) {
  const auto& q = call->target.query;
  const std::optional<uint64_t> from = QueryUint(q, "from");
  const std::optional<uint64_t> to = QueryUint(q, "to");
  std::vector<FieldError> errors;
  if (!from) errors.push_back({"#/query/from", "a tree size, a decimal integer"});
  if (!to) errors.push_back({"#/query/to", "a tree size, a decimal integer"});
  if (from && to && (*from == 0 || *from > *to))
    errors.push_back({"#/query/from", "must be 1..to"});
  if (!errors.empty())
    return Problem(call, ProblemType::kBadRequest, "1 <= from <= to are required", errors);
  Blocking(call, [this, from = *from, to = *to](const CallPtr& c) {
    if (to > s_.store->Size().value_or(0)) {
      return Problem(c, ProblemType::kBadRequest, "to is beyond the committed tree",
                     {{"#/query/to", "at most the latest checkpoint's size"}});
    }
    auto proof = ledger::ConsistencyProof(*s_.store, from, to);
    if (!proof.ok()) return Problem(c, ProblemType::kInternal, proof.status().message());
    Answer(c, JsonResponse(
                  200, json::object{{"from", from}, {"to", to}, {"hashes", HashesJson(*proof)}}));
  });
}

void Api::Impl::GetEntry(const CallPtr& call, std::string_view index_text) {
  if (!Allowed(call, Resource::kOwnCollection)) return;
  auto index = ParseUint(index_text);
  if (!index) return NotFound(call);
  Blocking(call, [this, index = *index](const CallPtr& c) {
    auto leaf = s_.store->ReadLeaf(index);
    if (!leaf.ok()) return NotFound(c);
    auto entry = ledger_store::DecodeLeaf(*leaf);
    if (!entry.ok()) return Problem(c, ProblemType::kInternal, "a stored entry does not decode");
    std::string credit;
    auto readers = EntryReaders(*s_.store, *entry, &credit);
    if (!Allowed(c, Resource::kPartyData, readers)) return;
    json::array discrepancies;
    for (const auto& d : entry->discrepancies) discrepancies.emplace_back(d);
    json::object o{{"index", index},
                   {"leaf", crypto::Base64Encode(*leaf)},
                   {"leafHash", LeafHashText(*leaf)},
                   {"documentId", DocumentIdOf(entry->jws, entry->body)},
                   {"submitter", entry->submitter},
                   {"contentType", entry->content_type},
                   {"receivedAt", Iso8601(entry->received_millis)},
                   {"jws", entry->jws},
                   {"outcome", entry->accepted ? "accepted" : "rejected"},
                   {"reasonCode", StatusCodeName(entry->reason_code)},
                   {"discrepancies", std::move(discrepancies)}};
    if (!credit.empty()) o["creditNumber"] = credit;
    if (!entry->reason.empty()) o["reason"] = entry->reason;
    if (!entry->idempotency_key.empty()) o["idempotencyKey"] = entry->idempotency_key;
    if (auto type = DocumentTypeOf(*entry)) o["documentType"] = *type;
    if (IsTextContentType(entry->content_type)) o["body"] = entry->body;
    if (!IsTextContentType(entry->content_type))
      o["bodyBase64"] = crypto::Base64Encode(entry->body);
    Answer(c, JsonResponse(200, o));
  });
}

void Api::Impl::GetParticipants(const CallPtr& call) {
  boost::system::error_code ec;
  json::value registry = json::parse(formats::RegistryToJson(*s_.registry), ec);
  json::array banks;
  if (!ec && registry.is_object()) {
    if (auto* list = registry.as_object().if_contains("banks"); list && list->is_array())
      banks = list->as_array();
  }
  for (auto& bank : banks) {
    if (!bank.is_object()) continue;
    if (auto* keys = bank.as_object().if_contains("keys"); keys && keys->is_array()) {
      for (auto& key : keys->as_array()) {
        if (key.is_object() && !key.as_object().contains("revoked"))
          key.as_object()["revoked"] = false;
      }
    }
  }
  json::object o{{"banks", std::move(banks)}};
  if (!options_.checkpoint_verifier_key.empty()) o["logKey"] = options_.checkpoint_verifier_key;
  Answer(call, JsonResponse(200, o));
}

// ---- Api ---------------------------------------------------------------------------

Api::Api(ApiOptions options, ApiServices services)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(services))) {
  for (size_t i = 0; i < kRouteNames.size(); ++i)
    impl_->s_.metrics->SetRouteName(i, kRouteNames[i]);
}

Api::~Api() = default;

void Api::Handle(HttpRequest request, Responder respond) {
  impl_->Handle(std::move(request), std::move(respond));
}

const std::vector<std::string>& Api::RouteNames() { return kRouteNames; }

}  // namespace lcproc::gateway
