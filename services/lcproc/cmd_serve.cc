// `lcproc serve`: the REST gateway over a data directory. Every setting is a flag and a
// key of the same name in the JSON configuration file (--config); a flag given on the
// command line wins over the file, the file over the default. The README's API section
// documents every key.
//
// Prints "listening on <url>" on stdout (one line, flushed) once the port is bound and
// the store's recovery check passed, so scripts and tests learn an ephemeral port.
// Exit: 0 after a graceful shutdown (SIGTERM/SIGINT), 2 for a bad setting or a data
// directory that cannot be served.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "pipeline/engine/engine.h"
#include "pipeline/ledger_store/store_head.h"
#include "pipeline/rulebook/trade_rules.h"
#include "services/gateway/openapi_document.h"
#include "services/gateway/server.h"
#include "services/gateway/token_store.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/lcproc/serve_leadership.h"
#include "services/store/postgres/postgres_ledger_store.h"
#include "services/system_clock.h"

namespace lcproc::cli {
namespace {

namespace json = boost::json;
constexpr char kName[] = "serve";

struct Setting {
  const char* name;
  const char* value_name;
  const char* help;
  const char* fallback;  // the default when neither flag nor file sets it
};

// Every setting, as flag and configuration key.
constexpr Setting kSettings[] = {
    {"store", "URI",
     "the ledger on PostgreSQL, postgresql://user@host:port/database (default: $LCPROC_STORE, "
     "else SQLite in the data directory)",
     ""},
    {"advertise-url", "URL",
     "with a PostgreSQL store: this instance's URL as other instances and clients reach it "
     "(the lease holder; followers name it in 503 not-leader answers) (default: the listen URL)",
     ""},
    {"lease-millis", "MS",
     "with a PostgreSQL store: the sequencer lease; a follower takes over at most this long "
     "after the leader stopped renewing",
     "3000"},
    {"listen", "ADDR", "IP address to listen on", "127.0.0.1"},
    {"port", "PORT", "TCP port (0: an ephemeral port, printed on stdout)", "8443"},
    {"tls-cert", "PEM", "server certificate chain (enables TLS)", ""},
    {"tls-key", "PEM", "the certificate's private key", ""},
    {"client-ca", "PEM", "CA bundle for client certificates (mutual TLS)", ""},
    {"token-file", "FILE", "bearer token hashes (default <data-dir>/tokens)", ""},
    {"io-threads", "N", "HTTP I/O threads (0: one per hardware thread)", "0"},
    {"blocking-threads", "N", "threads for store reads and proofs", "4"},
    {"max-connections", "N", "open connections; beyond, 503 and close", "4096"},
    {"body-limit", "BYTES", "largest POST /v1/documents body (413 beyond)", "1048576"},
    {"batch-body-limit", "BYTES", "largest POST /v1/documents:batch body", "67108864"},
    {"header-limit", "BYTES", "largest request head (431 beyond)", "16384"},
    {"request-timeout", "SECONDS", "a request must arrive within this (408 and close)", "30"},
    {"idle-timeout", "SECONDS", "an idle keep-alive connection closes after this", "75"},
    {"bank-rate", "PER_SECOND", "requests per second per bank (0: unlimited; 429 beyond)", "0"},
    {"bank-burst", "N", "requests a bank may send at once above its rate", "0"},
    {"max-batch-documents", "N", "lines of one documents:batch request", "1000"},
    {"batch-entries", "N", "engine: cut a ledger batch at N submissions", "256"},
    {"batch-millis", "MS", "engine: cut a batch MS milliseconds after its first submission", "5"},
    {"engine-threads", "N", "engine: worker threads (0: all cores)", "0"},
    {"max-in-flight", "N", "engine: submissions in flight before 503", "8192"},
    {"shutdown-delay-millis", "MS",
     "on SIGTERM, /readyz answers 503 this long before the listener closes", "0"},
    {"shutdown-grace", "SECONDS", "on SIGTERM, how long busy connections may finish", "30"},
    {"sse-poll-millis", "MS",
     "how often an event stream looks for entries another instance committed (this instance's "
     "commits wake it at once)",
     "1000"},
};

// The configuration file: one JSON object (comments allowed) whose keys are the settings above
// (values are strings or numbers; "insecure-http" is a boolean; "client-certificates" maps a
// certificate's SHA-256 fingerprint to a BIC).
struct FileConfig {
  std::map<std::string, std::string> values;
  bool insecure_http = false;
  std::map<std::string, std::string> client_certificates;
};

std::string NormalizeFingerprint(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ':') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::optional<FileConfig> ReadConfig(const std::string& path) {
  auto text = ReadFileOrComplain(kName, path);
  if (!text) return std::nullopt;
  boost::system::error_code ec;
  // Comments and trailing commas are allowed: deploy/lcproc.example.json documents
  // every key in place.
  json::parse_options parse_options;
  parse_options.allow_comments = true;
  parse_options.allow_trailing_commas = true;
  json::value v = json::parse(*text, ec, {}, parse_options);
  auto fail = [&](const std::string& why) -> std::optional<FileConfig> {
    Complain(kExitUsage, kName, path, ": ", why);
    return std::nullopt;
  };
  if (ec || !v.is_object()) return fail("not a JSON object");
  FileConfig config;
  for (const auto& [key, value] : v.as_object()) {
    if (key == "insecure-http") {
      if (!value.is_bool()) return fail("\"insecure-http\" must be true or false");
      config.insecure_http = value.as_bool();
    } else if (key == "client-certificates") {
      if (!value.is_object())
        return fail("\"client-certificates\" must map SHA-256 fingerprints to BICs");
      for (const auto& [fp, bic] : value.as_object()) {
        std::string hex = NormalizeFingerprint(fp);
        if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdef") != std::string::npos ||
            !bic.is_string()) {
          return fail("\"client-certificates\": \"" + std::string(fp) +
                      "\" is not a SHA-256 fingerprint mapped to a BIC");
        }
        config.client_certificates[hex] = std::string(bic.as_string());
      }
    } else {
      bool known = false;
      for (const auto& s : kSettings) known = known || key == s.name;
      if (!known) return fail("unknown key \"" + std::string(key) + "\"");
      if (value.is_string()) {
        config.values[key] = std::string(value.as_string());
      } else if (value.is_int64() || value.is_uint64()) {
        config.values[key] = json::serialize(value);
      } else if (value.is_double()) {
        config.values[key] = std::to_string(value.as_double());
      } else {
        return fail("\"" + std::string(key) + "\" must be a string or a number");
      }
    }
  }
  return config;
}

int Run(const std::vector<std::string>& args) {
  Flags flags(
      kName,
      "Serves the REST API (/v1) over the data directory: signed submissions in, receipts with\n"
      "ledger proofs out, each bank's credits and inbox, the public ledger. Every option is also\n"
      "a key of the JSON --config file; flags win. Stops gracefully on SIGTERM or SIGINT.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  flags.Option("config", "FILE", "JSON configuration file (keys: the option names below)");
  for (const auto& s : kSettings)
    flags.Option(s.name, s.value_name, std::string(s.help) + " [" + s.fallback + "]");
  flags.Switch("insecure-http", "allow plain HTTP on a non-loopback address (logs a warning)");
  if (auto exit = flags.Parse(args)) return *exit;

  FileConfig config;
  if (flags.Has("config") && !flags.Get("config").empty()) {
    auto read = ReadConfig(flags.Get("config"));
    if (!read) return kExitUsage;
    config = std::move(*read);
  }
  auto get = [&](const char* name) -> std::string {
    if (flags.Has(name) && !flags.Get(name).empty()) return flags.Get(name);
    if (auto it = config.values.find(name); it != config.values.end()) return it->second;
    for (const auto& s : kSettings) {
      if (std::string_view(s.name) == name) return s.fallback;
    }
    return "";
  };
  auto number = [&](const char* name, double min, double max) -> std::optional<double> {
    std::string text = get(name);
    try {
      size_t used = 0;
      double v = std::stod(text, &used);
      if (used == text.size() && v >= min && v <= max) return v;
    } catch (const std::exception&) {
    }
    Complain(kExitUsage, kName, "--", name, " must be a number in ", min, "..", max, ", not \"",
             text, "\"");
    return std::nullopt;
  };

  gateway::ServerOptions server;
  gateway::ApiOptions api;
  engine::EngineOptions engine_options;
  int64_t lease_millis = 3000;
  server.address = get("listen");
  server.tls_certificate = get("tls-cert");
  server.tls_private_key = get("tls-key");
  server.client_ca = get("client-ca");
  server.insecure_http = flags.IsSet("insecure-http") || config.insecure_http;
  api.client_certificates = config.client_certificates;
  struct NumberSetting {
    const char* name;
    double min, max;
    std::function<void(double)> set;
  };
  const NumberSetting numbers[] = {
      {"port", 0, 65535, [&](double v) { server.port = static_cast<uint16_t>(v); }},
      {"io-threads", 0, 1024, [&](double v) { server.io_threads = static_cast<int>(v); }},
      {"blocking-threads", 1, 1024,
       [&](double v) { server.blocking_threads = static_cast<int>(v); }},
      {"max-connections", 1, 1e6,
       [&](double v) { server.max_connections = static_cast<size_t>(v); }},
      {"body-limit", 1024, 1e9, [&](double v) { server.body_limit = static_cast<size_t>(v); }},
      {"batch-body-limit", 1024, 1e10,
       [&](double v) { server.batch_body_limit = static_cast<size_t>(v); }},
      {"header-limit", 1024, 1 << 20,
       [&](double v) { server.header_limit = static_cast<size_t>(v); }},
      {"request-timeout", 1, 3600,
       [&](double v) { server.request_timeout_seconds = static_cast<int>(v); }},
      {"idle-timeout", 1, 3600,
       [&](double v) { server.idle_timeout_seconds = static_cast<int>(v); }},
      {"bank-rate", 0, 1e9, [&](double v) { api.bank_rate = v; }},
      {"bank-burst", 0, 1e9, [&](double v) { api.bank_burst = v; }},
      {"max-batch-documents", 1, 1e6,
       [&](double v) { api.max_batch_documents = static_cast<size_t>(v); }},
      {"batch-entries", 1, 1e6,
       [&](double v) { engine_options.batch_max_entries = static_cast<size_t>(v); }},
      {"batch-millis", 0, 60000,
       [&](double v) { engine_options.batch_max_millis = static_cast<int64_t>(v); }},
      {"engine-threads", 0, 1024, [&](double v) { engine_options.threads = static_cast<int>(v); }},
      {"max-in-flight", 1, 1e7,
       [&](double v) { engine_options.max_in_flight = static_cast<size_t>(v); }},
      {"shutdown-delay-millis", 0, 600000,
       [&](double v) { server.shutdown_delay_millis = static_cast<int>(v); }},
      {"shutdown-grace", 0, 3600,
       [&](double v) { server.shutdown_grace_seconds = static_cast<int>(v); }},
      {"sse-poll-millis", 10, 60000,
       [&](double v) { server.sse_poll_millis = static_cast<int>(v); }},
      {"lease-millis", 300, 600000, [&](double v) { lease_millis = static_cast<int64_t>(v); }},
  };
  for (const auto& n : numbers) {
    auto v = number(n.name, n.min, n.max);
    if (!v) return kExitUsage;
    n.set(*v);
  }

  const std::string dir = flags.Get("data-dir");
  std::string store_spec = get("store");
  if (store_spec.empty()) {
    const char* env = std::getenv("LCPROC_STORE");
    if (env != nullptr) store_spec = env;
  }
  auto data = OpenDataDirOrComplain(kName, dir, /*durable=*/true, store_spec);
  if (!data) return kExitUsage;
  std::string token_path =
      get("token-file").empty() ? dir + "/" + gateway::kTokensFile : get("token-file");
  gateway::TokenStore tokens(token_path);
  if (Status loaded = tokens.Load(); !loaded.ok()) {
    return Complain(kExitUsage, kName, loaded.message());
  }
  if (auto vkey = store::ReadWholeFile(dir + "/" + store::kVerifierKeyFile); vkey.ok()) {
    api.checkpoint_verifier_key = *vkey;
    while (!api.checkpoint_verifier_key.empty() &&
           std::isspace(static_cast<unsigned char>(api.checkpoint_verifier_key.back()))) {
      api.checkpoint_verifier_key.pop_back();
    }
  }

  SystemClock clock;
  rulebook::TradeRules rules;
  gateway::EngineSlot engines;
  // One instance over SQLite runs its engine for its whole life. Over PostgreSQL any
  // number of instances may run: the one holding the sequencer lease runs the engine,
  // the others serve reads and answer writes 503 not-leader (ServeLeadership).
  auto* postgres = dynamic_cast<store::postgres::PostgresLedgerStore*>(&data->store());
  std::unique_ptr<engine::Engine> engine;
  if (postgres == nullptr) {
    // Start runs the recovery check (VerifyStoreHead): a damaged store is never served.
    auto started = engine::Engine::Start(engine_options, data->store(), data->registry(), rules,
                                         clock, data->signer());
    if (!started.ok()) {
      return Complain(kExitUsage, kName, started.status().message());
    }
    engine = std::move(*started);
    engines.Lead(engine.get(), "");
  } else {
    // The recovery check before serving reads. Its reads are separate statements, and
    // another instance may commit between them (a head that moved is not damage): only
    // a check that fails every time, a few commits apart, stops the instance. The
    // leader's engine checks again at its start, when nobody else can commit.
    Status head;
    for (int attempt = 0; attempt < 5; ++attempt) {
      head = ledger_store::VerifyStoreHead(data->store(), data->verifier());
      if (head.ok()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!head.ok()) return Complain(kExitUsage, kName, head.message());
  }

  gateway::ApiServices services;
  services.engines = &engines;
  services.store = &data->store();
  services.registry = &data->registry();
  services.tokens = &tokens;
  services.openapi_json = std::string(gateway::kOpenApiJson);
  services.max_in_flight = engine_options.max_in_flight;
  auto serving = gateway::Server::Start(server, std::move(api), std::move(services));
  if (!serving.ok()) {
    return Complain(kExitUsage, kName, serving.status().message());
  }
  std::unique_ptr<gateway::Server> http = std::move(*serving);
  const std::string self = get("advertise-url").empty() ? http->url() : get("advertise-url");
  std::unique_ptr<ServeLeadership> leadership;
  if (postgres != nullptr) {
    ServeLeadership::Options o;
    o.self = self;
    o.lease = std::chrono::milliseconds(lease_millis);
    o.retry = std::min(std::chrono::milliseconds(500), o.lease / 6);
    o.engine = engine_options;
    // Whether this instance should lead at once (the lease is free, run out, or was
    // its own before a restart): then "listening on" waits until it does (or another
    // instance turns out to lead), so a lone instance takes writes as soon as it says
    // it listens.
    auto lease = postgres->ReadLease();
    const bool expect_lead = lease.ok() && (!lease->live || lease->holder == self);
    leadership = std::make_unique<ServeLeadership>(o, *postgres, data->registry(), rules, clock,
                                                   data->signer(), engines);
    const auto deadline = std::chrono::steady_clock::now() + o.lease + std::chrono::seconds(5);
    while (expect_lead && !engines.leading() && engines.leader().empty() &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  } else {
    engines.Lead(engine.get(), self);
  }
  std::cout << "listening on " << http->url() << std::endl;
  http->Run();
  // Every connection is answered and closed; submissions still in the engine (from
  // Prefer: respond-async) complete and commit here, before the server's threads stop.
  leadership.reset();
  (void)engines.Follow("");
  if (engine) engine->Shutdown();
  http.reset();
  engine.reset();
  return kExitOk;
}

CommandRegistration kReg({kName,
                          "serve the REST API (HTTP/1.1, TLS, mutual TLS) over a data directory",
                          &Run});

}  // namespace
}  // namespace lcproc::cli
