#include "services/demo/demo_node.h"

#include <chrono>
#include <filesystem>

#include "pipeline/rulebook/trade_rules.h"

namespace lcproc::demo {
namespace {

// Adds every demo bank missing from `registry` (a registry may hold other banks too).
Result<bool> MergeNetwork(const DemoNetwork& network, participants::ParticipantRegistry& registry) {
  LCPROC_ASSIGN_OR_RETURN(participants::ParticipantRegistry demo, network.Registry());
  bool changed = false;
  for (const participants::Bank& bank : demo.banks()) {
    const participants::Bank* known = registry.FindBank(bank.bic);
    if (known == nullptr) {
      LCPROC_RETURN_IF_ERROR(registry.AddBank(bank));
      changed = true;
    } else if (known->keys.empty() || known->keys[0].kid != bank.keys[0].kid) {
      return FailedPrecondition("registry.json knows " + bank.bic +
                                " with other keys than the demo network's");
    }
  }
  return changed;
}

}  // namespace

std::string DemoNetworkDir(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "demo-network").string();
}

Result<std::unique_ptr<DemoNode>> DemoNode::Open(const std::string& dir,
                                                 const DemoNodeOptions& options) {
  bool created = false;
  Status init = store::DataDir::Init(dir, options.origin, options.store.store);
  if (init.ok()) {
    created = true;
  } else if (init.code() != StatusCode::kAlreadyExists) {
    return init;
  }
  auto network = DemoNetwork::Load(DemoNetworkDir(dir));
  if (!network.ok() && network.status().code() == StatusCode::kNotFound) {
    network = DemoNetwork::Generate(options.keys);
    if (network.ok()) LCPROC_RETURN_IF_ERROR(network->Save(DemoNetworkDir(dir)));
  }
  if (!network.ok()) return network.status();

  std::unique_ptr<DemoNode> node(new DemoNode(std::move(*network)));
  node->created_ = created;
  LCPROC_ASSIGN_OR_RETURN(node->data_dir_, store::DataDir::Open(dir, options.store));
  participants::ParticipantRegistry registry = node->data_dir_->registry();
  LCPROC_ASSIGN_OR_RETURN(bool changed, MergeNetwork(node->network_, registry));
  if (changed) LCPROC_RETURN_IF_ERROR(node->data_dir_->SaveRegistry(registry));

  node->rules_ = std::make_unique<rulebook::TradeRules>();
  if (options.wrap_store) node->wrapped_store_ = options.wrap_store(node->data_dir_->store());
  ledger_store::LedgerStore& store =
      node->wrapped_store_ ? *node->wrapped_store_ : node->data_dir_->store();
  LCPROC_ASSIGN_OR_RETURN(
      node->engine_, engine::Engine::Start(options.engine, store, node->data_dir_->registry(),
                                           *node->rules_, node->clock_, node->data_dir_->signer()));
  return node;
}

DemoNode::~DemoNode() {
  // The engine borrows the store, the registry and the rules: it goes first.
  engine_.reset();
}

}  // namespace lcproc::demo
