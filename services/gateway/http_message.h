// HttpRequest and HttpResponse: a request as the router sees it and the answer it
// gives, with no Beast type in sight, so the routes (api.cc) compile without Beast and
// the HTTP machinery (server.cc) without the routes' JSON.
//
// Plain values; thread-compatible.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lcproc::gateway {

struct HttpRequest {
  std::string method;  // "GET", "POST", …
  std::string target;  // origin-form: path and query, as sent
  // Header fields with lower-case names, in arrival order.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // SHA-256 of the client certificate's DER (lower-case hex) when the connection
  // presented a verified one over TLS; empty otherwise.
  std::string client_cert_sha256;
  std::string request_id;
  std::chrono::steady_clock::time_point received;

  // The first value of header `name` (lower case), or nullptr.
  const std::string* Header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
      if (k == name) return &v;
    }
    return nullptr;
  }
};

// A Server-Sent Events source for one open stream. The session calls Poll when the
// source woke it and otherwise at its own pace (its polling interval), never twice at
// once; Poll calls `deliver` once, from any thread, with the events ready (possibly
// empty text) and whether the stream has ended.
class EventStream {
 public:
  virtual ~EventStream() = default;
  virtual void Poll(std::function<void(std::string events, bool end)> deliver) = 0;
  // Called once when the stream opens: a source that knows when it has news calls
  // `wake` (from any thread, as often as it likes) and the session polls at once.
  virtual void SetWaker(std::function<void()> wake) { (void)wake; }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // besides content type/length
  std::string body;
  // Set for a text/event-stream response: the body is then the stream's first events.
  std::shared_ptr<EventStream> stream;
  // For metrics and logs: the route's pattern index and the caller's BIC (may be empty).
  size_t route = 0;
  std::string bank;
};

// Called exactly once per request, from any thread.
using Responder = std::function<void(HttpResponse)>;

}  // namespace lcproc::gateway
