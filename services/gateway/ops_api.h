// OpsApi: the trade-operations view of lcproc, served by the gateway beside /v1.
//
//   GET /v1/ops/queues         work queues by urgency (operator: every credit; a bank:
//                              the credits it may read)
//   GET /v1/ops/discrepancies  discrepancy counts by code and article, by presenting
//                              bank and by day of presentation (operator only)
//   GET /v1/ops/rejections     rejections (recorded) and refusals (not recorded) by
//                              reason and submitting bank (operator only)
//   GET /v1/ops/live           Server-Sent Events: the live figures, one a second
//                              (operator only)
//   GET /, /dashboard/*, /favicon.ico  the dashboard's page and files, compiled in
//
// The views come from an OpsBoard (the ledger replayed through the rulebook) and a
// LiveFeed (the engine's statistics); access is decided by access_policy.h. Api
// dispatches these paths here (MatchOpsRoute) after authenticating the caller.
//
// Thread-safety: Handle and CountRefusal from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/engine/engine.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/mutex.h"
#include "services/gateway/access_policy.h"
#include "services/gateway/engine_slot.h"
#include "services/gateway/http_message.h"
#include "services/gateway/metrics.h"

namespace lcproc::gateway {

enum class OpsRoute : uint8_t {
  kNone = 0,
  kQueues,
  kDiscrepancies,
  kRejections,
  kLive,
  kPage,
  kAsset,
  kFavicon
};
OpsRoute MatchOpsRoute(std::string_view path);
// The metrics names of kQueues..kFavicon, in order.
const std::vector<std::string>& OpsRouteNames();

struct OpsServices {
  const EngineSlot* engines = nullptr;
  const ledger_store::LedgerStore* store = nullptr;
  Metrics* metrics = nullptr;
  std::function<void(std::function<void()>)> run_blocking;
  uint64_t max_in_flight = 0;  // the engine's back-pressure limit, shown beside in-flight
};

class OpsBoard;
class LiveFeed;

class OpsApi {
 public:
  explicit OpsApi(OpsServices services);
  ~OpsApi();
  OpsApi(const OpsApi&) = delete;
  OpsApi& operator=(const OpsApi&) = delete;

  struct Request {
    OpsRoute route = OpsRoute::kNone;
    std::string method;
    std::string path;
    std::map<std::string, std::string> query;
    Caller caller;
    std::string last_event_id;
    std::string request_id;
  };
  // Answers exactly once through `respond`.
  void Handle(Request request, Responder respond);

  // A submission refused before the ledger (bad signature, unknown key …), by the
  // submitting bank and the refusal's reason code, for /v1/ops/rejections.
  void CountRefusal(std::string_view bank, std::string_view reason);

 private:
  void Queues(const Request& req, Responder respond);
  void Discrepancies(const Request& req, Responder respond);
  void Rejections(const Request& req, Responder respond);

  OpsServices s_;
  std::unique_ptr<OpsBoard> board_;
  Mutex refusals_mu_;
  std::map<std::pair<std::string, std::string>, uint64_t> refusals_
      GUARDED_BY(refusals_mu_);     // (bank, reason)
  std::unique_ptr<LiveFeed> feed_;  // last: its ticker uses the board
};

}  // namespace lcproc::gateway
