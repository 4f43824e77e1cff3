// Server: lcproc's HTTP(S) front end. Accepts connections on one address, reads
// HTTP/1.1 requests with limits and timeouts on I/O threads, and hands each to the Api;
// answers go back on the connection's strand. All of Beast and Asio stays in
// server.cc: callers see this class only.
//
//   Start   binds and listens (port 0: an ephemeral port, see url()), starts the I/O
//           threads and the blocking pool; the Api is built inside.
//   Run     blocks until SIGTERM or SIGINT (or RequestStop), then drains: /readyz turns
//           503, the listener closes, idle connections close, every request already
//           read is answered, then Run returns. The engine keeps running meanwhile; the
//           caller shuts it down after Run and before destroying the Server.
//
// Thread-safety: Start, Run and the destructor from one thread; RequestStop and url()
// from any.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "pipeline/status.h"
#include "services/gateway/api.h"

namespace lcproc::gateway {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8443;
  // TLS when both are set (PEM files). Otherwise plain HTTP, which Start refuses on a
  // non-loopback address unless insecure_http.
  std::string tls_certificate;
  std::string tls_private_key;
  // PEM bundle of CAs whose client certificates are accepted (mutual TLS). A client
  // without a certificate may still authenticate with a bearer token.
  std::string client_ca;
  bool insecure_http = false;
  int io_threads = 0;        // 0: the machine's hardware threads
  int blocking_threads = 4;  // store reads, proofs, credit replays
  size_t max_connections = 4096;
  size_t body_limit = 1 << 20;         // one document
  size_t batch_body_limit = 64 << 20;  // POST /v1/documents:batch
  size_t header_limit = 16 << 10;
  int request_timeout_seconds = 30;  // a whole request (header and body) must arrive in it
  int idle_timeout_seconds = 75;     // a keep-alive connection with no request
  int write_timeout_seconds = 30;
  int shutdown_delay_millis = 0;    // readyz answers 503 this long before the listener closes
  int shutdown_grace_seconds = 30;  // then connections still busy are cut
  int sse_poll_millis = 1000;       // an event stream's fallback poll (commits wake it at once)
  int sse_keepalive_seconds = 15;   // a comment line when nothing else was sent
};

class Server {
 public:
  // Invalid argument for a bad address, missing TLS files or plain HTTP off loopback;
  // IoError when the port cannot be bound.
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options, ApiOptions api_options,
                                               ApiServices services);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // "http://127.0.0.1:PORT" or "https://…": the bound address.
  std::string url() const;
  // Serves until a signal or RequestStop, then drains (see above).
  void Run();
  // Starts the drain as SIGTERM would. Any thread.
  void RequestStop();

  class Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace lcproc::gateway
