// Api: the routes of lcproc's REST API under /v1 and the service endpoints (/healthz,
// /readyz, /metrics, /openapi.json). It authenticates the caller (bearer token or
// mutual-TLS certificate), asks the AccessPolicy, checks limits and hands writes to
// the Engine; reads go to the LedgerStore's const methods on a blocking pool, never on
// an I/O thread. It knows nothing of Beast: server.cc feeds it HttpRequests.
//
// Thread-safety: Handle may be called from any number of threads at once; each
// request's Responder is called exactly once, from an engine thread, a pool thread or
// the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/engine/engine.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/participants/participant_registry.h"
#include "services/gateway/engine_slot.h"
#include "services/gateway/http_message.h"
#include "services/gateway/metrics.h"
#include "services/gateway/token_store.h"

namespace lcproc::gateway {

struct ApiOptions {
  size_t max_batch_documents = 1000;  // lines of one POST /v1/documents:batch
  size_t default_page = 100;          // credits and inbox pages
  size_t max_page = 1000;
  double bank_rate = 0;   // requests a second per bank (0: unlimited)
  double bank_burst = 0;  // bucket size (0: one second's rate)
  // Client certificate SHA-256 (lower-case hex of the DER, no colons) -> BIC.
  std::map<std::string, std::string> client_certificates;
  std::string checkpoint_verifier_key;  // "<origin>+<id>+<key>", published at /v1/participants
  int sse_keepalive_seconds = 15;
  size_t async_results_kept = 100000;  // Prefer: respond-async outcomes remembered
};

struct ApiServices {
  // The engine writes go to: always set for one instance; empty while this instance
  // follows another over a PostgreSQL ledger (writes answered 503 with the leader).
  EngineSlot* engines = nullptr;
  const ledger_store::LedgerStore* store = nullptr;
  const participants::ParticipantRegistry* registry = nullptr;
  TokenStore* tokens = nullptr;
  Metrics* metrics = nullptr;
  // Runs a task that may block (store reads, proofs) off the I/O threads.
  std::function<void(std::function<void()>)> run_blocking;
  std::function<bool()> ready;  // false once shutting down or before recovery passed
  std::string openapi_json;     // served at /openapi.json
  uint64_t max_in_flight = 0;   // the engine's back-pressure limit, for the dashboard
};

class Api {
 public:
  Api(ApiOptions options, ApiServices services);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  void Handle(HttpRequest request, Responder respond);

  // The route names, by index, for metrics ("/v1/documents/{id}", …; 0 is "unmatched").
  static const std::vector<std::string>& RouteNames();

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace lcproc::gateway
