// DemoNode: one lcproc processor running over a data directory with the demo network
// registered: the data directory (SQLite store, checkpoint key, registry), the demo
// banks' keys, the trade rules and a running Engine. `lcproc demo`, `lcproc loadgen`,
// the crash tests and the pipeline benchmark all start their processor this way.
//
// Open creates what is missing and reuses what exists: a fresh directory is
// initialised (store::DataDir::Init) and gets a new demo network under
// `<dir>/demo-network/`; a second Open continues the same ledger with the same keys.
//
// Thread-safety: engine() follows Engine's rules; the rest is immutable after Open.
// Destruction shuts the engine down (completing everything in flight) before closing
// the store.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "pipeline/clock.h"
#include "pipeline/engine/engine.h"
#include "pipeline/status.h"
#include "services/demo/demo_network.h"
#include "services/store/data_dir.h"
#include "services/system_clock.h"

namespace lcproc::demo {

struct DemoNodeOptions {
  engine::EngineOptions engine;
  store::StoreOptions store;
  // When set, the engine runs over wrap_store(the data directory's store) instead: a
  // decorator that measures or injects faults (benchmarks, tests). It lives as long as
  // the node.
  std::function<std::unique_ptr<ledger_store::LedgerStore>(ledger_store::LedgerStore&)>
      wrap_store;                      // which ledger backend (SQLite by default)
  KeyPlan keys = KeyPlan::kMixed;      // for a network created now
  std::string origin = "lcproc.demo";  // checkpoint origin of a directory created now
};

class DemoNode {
 public:
  static Result<std::unique_ptr<DemoNode>> Open(const std::string& dir,
                                                const DemoNodeOptions& options = {});
  ~DemoNode();

  engine::Engine& engine() { return *engine_; }
  store::DataDir& data_dir() { return *data_dir_; }
  const DemoNetwork& network() const { return network_; }
  const Clock& clock() const { return clock_; }
  // True when this Open created the data directory (first run).
  bool created() const { return created_; }

 private:
  DemoNode(DemoNetwork network) : network_(std::move(network)) {}
  DemoNetwork network_;
  SystemClock clock_;
  std::unique_ptr<store::DataDir> data_dir_;
  std::unique_ptr<engine::Rules> rules_;
  std::unique_ptr<ledger_store::LedgerStore> wrapped_store_;  // wrap_store's, or null
  std::unique_ptr<engine::Engine> engine_;
  bool created_ = false;
};

// "<dir>/demo-network".
std::string DemoNetworkDir(const std::string& data_dir);

}  // namespace lcproc::demo
