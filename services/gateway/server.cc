// The Beast side of the gateway, shaped as Beast's advanced server
// (example/advanced/server): a Listener accepting on one acceptor, a Session per
// connection on its own strand, a timeout on every read and write, a parser with a
// header and body limit, and a signal_set for shutdown. A Session handles one request
// at a time (pipelined requests wait in its read buffer, so its response queue holds at
// most one), which bounds a connection's memory to one request and one response.
#include "services/gateway/server.h"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <type_traits>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "pipeline/mutex.h"
#include "services/gateway/problem.h"

namespace lcproc::gateway {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// ---- logs ----------------------------------------------------------------------

std::mutex log_mu;

std::string UtcNow() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  int ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

// Every field written here is from a fixed set or checked to be plain ASCII without
// quotes or backslashes (request ids, BICs, methods, route names), so no escaping.
void LogLine(std::string_view level, std::string_view fields) {
  std::string line = "{\"time\":\"" + UtcNow() + "\",\"level\":\"" + std::string(level) + "\"," +
                     std::string(fields) + "}\n";
  std::lock_guard lock(log_mu);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

std::string Quoted(std::string_view key, std::string_view value) {
  return "\"" + std::string(key) + "\":\"" + std::string(value) + "\"";
}

bool SafeToken(std::string_view s, size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return false;
  }
  return true;
}

std::string NewRequestId() {
  static std::atomic<uint64_t> counter{0};
  static const uint64_t seed =
      std::random_device{}() * 0x9E3779B97F4A7C15ull ^ std::random_device{}();
  char buf[24];
  std::snprintf(
      buf, sizeof buf, "%016llx",
      static_cast<unsigned long long>(seed + counter.fetch_add(1) * 0x9E3779B97F4A7C15ull));
  return buf;
}

std::string PeerCertificateSha256(SSL* ssl) {
  X509* cert = SSL_get1_peer_certificate(ssl);
  if (cert == nullptr) return {};
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  std::string out;
  if (SSL_get_verify_result(ssl) == X509_V_OK && X509_digest(cert, EVP_sha256(), md, &n) == 1) {
    static const char* hex = "0123456789abcdef";
    for (unsigned int i = 0; i < n; ++i) {
      out.push_back(hex[md[i] >> 4]);
      out.push_back(hex[md[i] & 15]);
    }
  }
  X509_free(cert);
  return out;
}

}  // namespace

// ---- the shared state of a running server --------------------------------------

class Server::Impl {
 public:
  ServerOptions options;
  net::io_context ioc;
  std::optional<ssl::context> tls;
  // On a strand: the accept loop and the close at shutdown never run at once.
  tcp::acceptor acceptor{net::make_strand(ioc)};
  net::signal_set signals{ioc, SIGTERM, SIGINT};
  std::unique_ptr<net::thread_pool> blocking;
  std::unique_ptr<Api> api;
  Metrics metrics;
  std::vector<std::thread> threads;
  std::atomic<bool> ready{false};
  std::atomic<bool> stopping{false};
  std::string url;

  // Live sessions, to close idle ones on shutdown.
  struct SessionBase {
    virtual ~SessionBase() = default;
    virtual void Drain() = 0;
  };
  Mutex sessions_mu;
  std::set<std::shared_ptr<SessionBase>> sessions GUARDED_BY(sessions_mu);
  CondVar sessions_cv;  // a session ended, or the stop began

  void Accept();
  void BeginStop();
  void Remove(const std::shared_ptr<SessionBase>& s) {
    MutexLock lock(sessions_mu);
    sessions.erase(s);
    metrics.ConnectionClosed();
    sessions_cv.SignalAll();
  }
};

namespace {

// One connection. `Stream` is beast::tcp_stream or ssl_stream<tcp_stream>.
template <class Stream>
class Session final : public Server::Impl::SessionBase,
                      public std::enable_shared_from_this<Session<Stream>> {
 public:
  Session(Server::Impl& server, Stream stream, bool over_limit)
      : server_(server), stream_(std::move(stream)), over_limit_(over_limit) {}

  void Start() {
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->Handshake(); });
  }

  // Called on shutdown from another thread: close now if idle, after the current
  // request otherwise.
  void Drain() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      self->draining_ = true;
      if (self->idle_) self->Close();
      if (self->waiting_) self->timer_->cancel();  // an event stream ends now
    });
  }

 private:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  beast::tcp_stream& Tcp() { return beast::get_lowest_layer(stream_); }
  const ServerOptions& opt() const { return server_.options; }

  void Handshake() {
    if constexpr (kTls) {
      Tcp().expires_after(std::chrono::seconds(opt().request_timeout_seconds));
      stream_.async_handshake(
          ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
            if (ec) return self->Close();
            self->client_cert_ = PeerCertificateSha256(self->stream_.native_handle());
            self->AfterHandshake();
          });
    } else {
      AfterHandshake();
    }
  }

  void AfterHandshake() {
    if (over_limit_) {
      server_.metrics.CountRejection(Rejection::kConnectionLimit);
      std::string id = NewRequestId();
      HttpResponse r = MakeProblem(ProblemType::kOverloaded, "too many connections", id);
      keep_alive_ = false;
      return Write(std::move(r), id);
    }
    DoRead();
  }

  // Between requests a connection may idle for idle_timeout; once a request's first
  // byte arrives, its whole head and body must arrive within request_timeout (a client
  // trickling bytes cannot hold the connection: slowloris).
  void DoRead() {
    if (draining_) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(opt().header_limit));
    parser_->body_limit(opt().body_limit);
    if (buffer_.size() > 0) return ReadHeader();
    idle_ = true;
    Tcp().expires_after(std::chrono::seconds(opt().idle_timeout_seconds));
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = this->shared_from_this()](beast::error_code ec, size_t n) {
                              self->idle_ = false;
                              self->buffer_.commit(n);
                              if (ec) return self->OnReadError(ec);
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    Tcp().expires_after(std::chrono::seconds(opt().request_timeout_seconds));
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    received_ = Clock::now();
    std::string_view target(parser_->get().target().data(), parser_->get().target().size());
    if (target.substr(0, 19) == "/v1/documents:batch") parser_->body_limit(opt().batch_body_limit);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnReadError(beast::error_code ec) {
    keep_alive_ = false;
    std::string id = NewRequestId();
    if (ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::connection_reset || ec == net::error::operation_aborted ||
        ec == ssl::error::stream_truncated) {
      return Close();
    }
    if (ec == beast::error::timeout) {
      server_.metrics.CountRejection(Rejection::kTimeout);
      // A connection idle between requests just closes; one caught mid-request is told.
      if (parser_ && (parser_->got_some() || buffer_.size() > 0)) {
        return Write(MakeProblem(ProblemType::kTimeout, "the request did not arrive in time", id),
                     id);
      }
      return Close();
    }
    if (ec == http::error::body_limit) {
      server_.metrics.CountRejection(Rejection::kBodyTooLarge);
      return Write(MakeProblem(ProblemType::kBodyTooLarge, "the body is over the limit", id), id);
    }
    if (ec == http::error::header_limit) {
      server_.metrics.CountRejection(Rejection::kHeaderTooLarge);
      return Write(MakeProblem(ProblemType::kHeaderTooLarge, "the header is over the limit", id),
                   id);
    }
    if (ec.category() == beast::error_code(http::error::bad_target).category() ||
        ec == http::error::partial_message) {
      server_.metrics.CountRejection(Rejection::kBadRequest);
      if (ec == http::error::partial_message) return Close();
      return Write(MakeProblem(ProblemType::kBadRequest, "malformed HTTP: " + ec.message(), id),
                   id);
    }
    Close();
  }

  void OnRead(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    auto& msg = parser_->get();
    keep_alive_ = msg.keep_alive() && !draining_;
    HttpRequest req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.body = std::move(msg.body());
    req.client_cert_sha256 = client_cert_;
    const std::string* given = req.Header("x-request-id");
    req.request_id = given && SafeToken(*given, 64) ? *given : NewRequestId();
    req.received = received_;
    method_ = SafeToken(req.method, 16) ? req.method : "-";
    request_id_ = req.request_id;
    Tcp().expires_never();
    busy_ = true;
    auto self = this->shared_from_this();
    server_.api->Handle(std::move(req), [self](HttpResponse r) {
      net::post(self->stream_.get_executor(),
                [self, r = std::move(r)]() mutable { self->OnResponse(std::move(r)); });
    });
  }

  void OnResponse(HttpResponse r) {
    double seconds = std::chrono::duration<double>(Clock::now() - received_).count();
    server_.metrics.CountRequest(r.route, r.status, seconds);
    LogLine(r.status >= 500 ? "error" : "info",
            Quoted("requestId", request_id_) + "," + Quoted("bank", r.bank) + "," +
                Quoted("route", Api::RouteNames()[r.route]) + "," + Quoted("method", method_) +
                ",\"status\":" + std::to_string(r.status) +
                ",\"latencyMs\":" + std::to_string(seconds * 1000));
    if (r.stream) return StartStream(std::move(r));
    Write(std::move(r), request_id_);
  }

  void Write(HttpResponse r, std::string request_id) {
    if (request_id.empty()) {
      // An error the HTTP layer answered by itself: its problem carries the id.
      request_id = NewRequestId();
    }
    auto res = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(r.status), 11);
    res->set(http::field::server, "lcproc");
    res->set(http::field::content_type, r.content_type);
    res->set("X-Request-Id", request_id);
    for (auto& [k, v] : r.headers) res->set(k, v);
    res->body() = std::move(r.body);
    res->keep_alive(keep_alive_ && !draining_);
    res->prepare_payload();
    Tcp().expires_after(std::chrono::seconds(opt().write_timeout_seconds));
    http::async_write(stream_, *res,
                      [self = this->shared_from_this(), res](beast::error_code ec, size_t) {
                        self->busy_ = false;
                        if (ec || !res->keep_alive()) return self->Close();
                        self->DoRead();
                      });
  }

  // ---- Server-Sent Events: the header, then events until the client or the server
  // ends it. No Content-Length and Connection: close, so the body runs to the close.
  void StartStream(HttpResponse r) {
    stream_source_ = std::move(r.stream);
    server_.metrics.StreamOpened();
    streaming_ = true;
    std::string head =
        "HTTP/1.1 200 OK\r\nServer: lcproc\r\nContent-Type: text/event-stream\r\n"
        "Cache-Control: no-store\r\nConnection: close\r\nX-Request-Id: " +
        request_id_ + "\r\n\r\n" + r.body;
    last_sent_ = Clock::now();
    // The source wakes the session when it has news; at most one wake is in flight.
    std::weak_ptr<Session> weak = this->shared_from_this();
    stream_source_->SetWaker([weak] {
      auto self = weak.lock();
      if (!self || self->wake_posted_.exchange(true)) return;
      net::post(self->stream_.get_executor(), [self] {
        self->wake_posted_ = false;
        self->Wake();
      });
    });
    // One poll right after the header: news that came between the source's first read
    // and SetWaker woke no one.
    woken_ = true;
    WriteRaw(std::move(head));
  }

  // On the session's executor: poll now if the stream is waiting, else as soon as the
  // write or poll in progress ends.
  void Wake() {
    if (closed_) return;
    woken_ = true;
    if (waiting_) timer_->cancel();
  }

  void WriteRaw(std::string text) {
    auto data = std::make_shared<std::string>(std::move(text));
    Tcp().expires_after(std::chrono::seconds(opt().write_timeout_seconds));
    net::async_write(stream_, net::buffer(*data),
                     [self = this->shared_from_this(), data](beast::error_code ec, size_t) {
                       if (ec) return self->Close();
                       self->WaitStream();
                     });
  }

  void WaitStream() {
    if (draining_) return Close();
    if (!timer_) timer_.emplace(stream_.get_executor());
    if (woken_) return PollStream();
    waiting_ = true;
    timer_->expires_after(std::chrono::milliseconds(opt().sse_poll_millis));
    timer_->async_wait([self = this->shared_from_this()](beast::error_code ec) {
      self->waiting_ = false;
      if (self->closed_ || (ec && !self->woken_)) return self->Close();
      self->PollStream();
    });
  }

  void PollStream() {
    woken_ = false;
    stream_source_->Poll([self = this->shared_from_this()](std::string events, bool end) {
      net::post(self->stream_.get_executor(), [self, events = std::move(events), end]() mutable {
        self->OnEvents(std::move(events), end);
      });
    });
  }

  void OnEvents(std::string events, bool end) {
    if (closed_) return;
    if (end || draining_) return Close();
    auto now = Clock::now();
    if (events.empty() && now - last_sent_ >= std::chrono::seconds(opt().sse_keepalive_seconds)) {
      events = ": keep-alive\n\n";
    }
    if (events.empty()) return WaitStream();
    last_sent_ = now;
    WriteRaw(std::move(events));
  }

  void Close() {
    if (closed_) return;
    closed_ = true;
    if (timer_) timer_->cancel();
    if (streaming_) server_.metrics.StreamClosed();
    beast::error_code ec;
    if constexpr (kTls) {
      // No TLS close_notify round trip: a client may be gone; the TCP close ends it.
      Tcp().socket().shutdown(tcp::socket::shutdown_both, ec);
    } else {
      Tcp().socket().shutdown(tcp::socket::shutdown_send, ec);
      // A lingering close (RFC 9112 section 9.6): closing with unread bytes makes the
      // kernel reset the connection, and a client still sending (a body over the limit,
      // say) loses the answer already written. Read and discard what follows, for a
      // bounded time and volume, then close.
      // Not while the server drains: shutdown must not wait on clients.
      if (!draining_) return Linger(0);
    }
    Tcp().close();
    server_.Remove(this->shared_from_this());
  }

  void Linger(size_t discarded) {
    constexpr size_t kMaxLingerBytes = 8u << 20;
    if (discarded == 0) Tcp().expires_after(std::chrono::seconds(2));
    auto chunk = std::make_shared<std::array<char, 16384>>();
    Tcp().async_read_some(net::buffer(*chunk), [self = this->shared_from_this(), chunk, discarded](
                                                   beast::error_code ec, size_t n) {
      if (!ec && discarded + n < kMaxLingerBytes) return self->Linger(discarded + n);
      self->Tcp().close();
      self->server_.Remove(self);
    });
  }

  Server::Impl& server_;
  Stream stream_;
  bool over_limit_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<net::steady_timer> timer_;
  std::shared_ptr<EventStream> stream_source_;
  std::string client_cert_, method_ = "-", request_id_;
  Clock::time_point received_{}, last_sent_{};
  bool keep_alive_ = true, idle_ = false, busy_ = false, draining_ = false, closed_ = false,
       streaming_ = false;
  bool waiting_ = false;  // a stream's poll timer is armed
  bool woken_ = false;    // the stream's source has news: poll without waiting
  std::atomic<bool> wake_posted_{false};
};

}  // namespace

void Server::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!acceptor.is_open()) return;
      return Accept();
    }
    metrics.ConnectionOpened();
    bool over;
    std::shared_ptr<SessionBase> base;
    {
      MutexLock lock(sessions_mu);
      over = sessions.size() >= options.max_connections;
      if (tls) {
        auto s = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
            *this, beast::ssl_stream<beast::tcp_stream>(beast::tcp_stream(std::move(socket)), *tls),
            over);
        sessions.insert(s);
        base = s;
        s->Start();
      } else {
        auto s = std::make_shared<Session<beast::tcp_stream>>(
            *this, beast::tcp_stream(std::move(socket)), over);
        sessions.insert(s);
        base = s;
        s->Start();
      }
    }
    Accept();
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  ready = false;
  LogLine("info",
          Quoted("event", "shutdown") + "," + Quoted("message", "readyz now 503; draining"));
  auto close_listener = [this] {
    beast::error_code ec;
    acceptor.close(ec);
    std::vector<std::shared_ptr<SessionBase>> live;
    {
      MutexLock lock(sessions_mu);
      live.assign(sessions.begin(), sessions.end());
    }
    for (auto& s : live) s->Drain();
    sessions_cv.SignalAll();
  };
  if (options.shutdown_delay_millis > 0) {
    auto timer = std::make_shared<net::steady_timer>(
        ioc, std::chrono::milliseconds(options.shutdown_delay_millis));
    timer->async_wait([this, timer, close_listener](beast::error_code) {
      net::post(acceptor.get_executor(), close_listener);
    });
  } else {
    net::post(acceptor.get_executor(), close_listener);
  }
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  if (!impl_) return;
  impl_->ioc.stop();
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  impl_->blocking->join();
}

std::string Server::url() const { return impl_->url; }

void Server::RequestStop() {
  net::post(impl_->ioc, [impl = impl_.get()] { impl->BeginStop(); });
}

void Server::Run() {
  Impl& s = *impl_;
  s.signals.async_wait([&s](beast::error_code ec, int) {
    if (!ec) s.BeginStop();
  });
  // Wait until a stop began and every session is gone (or the grace ran out).
  bool clean;
  {
    MutexLock lock(s.sessions_mu);
    while (!s.stopping.load()) s.sessions_cv.Wait(s.sessions_mu);
    const auto deadline = Clock::now() + std::chrono::seconds(s.options.shutdown_grace_seconds);
    while (!s.sessions.empty()) {
      const auto now = Clock::now();
      if (now >= deadline) break;
      s.sessions_cv.WaitFor(s.sessions_mu, deadline - now);
    }
    clean = s.sessions.empty();
  }
  LogLine(clean ? "info" : "warn",
          Quoted("event", "drained") + "," +
              Quoted("message", clean ? "every connection answered and closed"
                                      : "grace period over; cutting busy connections"));
  s.signals.cancel();
}

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options, ApiOptions api_options,
                                              ApiServices services) {
  auto impl = std::make_unique<Impl>();
  Impl& s = *impl;
  s.options = options;
  beast::error_code ec;
  auto address = net::ip::make_address(options.address, ec);
  if (ec)
    return InvalidArgument("--listen address \"" + options.address + "\" is not an IP address");
  bool use_tls = !options.tls_certificate.empty() || !options.tls_private_key.empty();
  if (use_tls && (options.tls_certificate.empty() || options.tls_private_key.empty())) {
    return InvalidArgument(
        "TLS needs both a certificate (--tls-cert) and its private key (--tls-key)");
  }
  if (!use_tls && !address.is_loopback() && !options.insecure_http) {
    return InvalidArgument(
        "plain HTTP is served only on a loopback address; give --tls-cert and --tls-key, "
        "or --insecure-http to accept the risk");
  }
  if (!use_tls && !options.client_ca.empty())
    return InvalidArgument("--client-ca needs TLS (--tls-cert, --tls-key)");
  if (use_tls) {
    s.tls.emplace(ssl::context::tls_server);
    ssl::context& ctx = *s.tls;
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                    ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
    // TLS 1.2 only with forward-secret AEAD suites; TLS 1.3 suites are OpenSSL's defaults.
    SSL_CTX_set_cipher_list(ctx.native_handle(), "ECDHE+AESGCM:ECDHE+CHACHA20");
    ctx.use_certificate_chain_file(options.tls_certificate, ec);
    if (ec) return InvalidArgument("--tls-cert " + options.tls_certificate + ": " + ec.message());
    ctx.use_private_key_file(options.tls_private_key, ssl::context::pem, ec);
    if (ec) return InvalidArgument("--tls-key " + options.tls_private_key + ": " + ec.message());
    if (!options.client_ca.empty()) {
      ctx.load_verify_file(options.client_ca, ec);
      if (ec) return InvalidArgument("--client-ca " + options.client_ca + ": " + ec.message());
      // A certificate is optional (a bearer token also authenticates), but one that is
      // presented must chain to the client CA and be within its validity.
      ctx.set_verify_mode(ssl::verify_peer);
    }
  }
  tcp::endpoint endpoint(address, options.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    return IoError("cannot listen on " + options.address + ":" + std::to_string(options.port) +
                   ": " + ec.message());
  auto bound = s.acceptor.local_endpoint();
  std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]"
                                             : bound.address().to_string();
  s.url =
      std::string(use_tls ? "https" : "http") + "://" + host + ":" + std::to_string(bound.port());
  if (!use_tls && !address.is_loopback()) {
    LogLine(
        "warn",
        Quoted("event", "insecure-http") + "," +
            Quoted("message",
                   "plain HTTP on a non-loopback address: tokens and documents travel in clear"));
  }

  s.blocking = std::make_unique<net::thread_pool>(std::max(1, options.blocking_threads));
  services.run_blocking = [pool = s.blocking.get()](std::function<void()> task) {
    net::post(*pool, std::move(task));
  };
  services.ready = [&s] { return s.ready.load(); };
  services.metrics = &s.metrics;
  api_options.sse_keepalive_seconds = options.sse_keepalive_seconds;
  s.api = std::make_unique<Api>(std::move(api_options), std::move(services));

  s.Accept();
  int n = options.io_threads > 0
              ? options.io_threads
              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto guard = std::make_shared<net::executor_work_guard<net::io_context::executor_type>>(
      s.ioc.get_executor());
  for (int i = 0; i < n; ++i) {
    s.threads.emplace_back([&s, guard] { s.ioc.run(); });
  }
  s.ready = true;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

}  // namespace lcproc::gateway
