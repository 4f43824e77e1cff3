// `lcproc demo`: the README's main command (deploy/run.sh). Creates or reuses a data
// directory with the demo network of banks and tells the story of services/demo/
// demo_story.h through the real engine and SQLite store: outcomes line by line, the
// signed checkpoint, verified inclusion and consistency proofs, the audit, a burst.
// Exit 0 when every step went as the story expects, 1 otherwise, 2 on usage errors.
#include <iostream>
#include <string>
#include <vector>

#include "services/demo/demo_node.h"
#include "services/demo/demo_story.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "demo";

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Runs letters of credit between a German issuing bank, a Vietnamese advising\n"
              "bank and a Singapore confirming bank through the engine and ledger in --data-dir\n"
              "(created when missing; a second run continues the same ledger), then shows the\n"
              "signed checkpoint, verified proofs, the audit and a throughput burst.");
  flags.Option("data-dir", "DIR", "the data directory", false, "var/lcproc-demo");
  flags.Option("burst", "N", "documents in the closing burst (0: none)", false, "3000");
  if (auto exit = flags.Parse(args)) return *exit;
  size_t burst = 0;
  try {
    burst = std::stoul(flags.Get("burst"));
  } catch (const std::exception&) {
    return Complain(kExitUsage, kName, "--burst wants a number, got '", flags.Get("burst"), "'");
  }
  auto node = demo::DemoNode::Open(flags.Get("data-dir"));
  if (!node.ok()) {
    return Complain(kExitUsage, kName, flags.Get("data-dir"), ": ", node.status().ToString());
  }
  Status story = demo::RunStory(**node, demo::StoryOptions{burst}, std::cout);
  std::cout.flush();
  if (!story.ok()) {
    return Complain(kExitNegative, kName, story.ToString());
  }
  return kExitOk;
}

CommandRegistration kReg({kName, "run the demo network of banks through the engine (README)",
                          &Run});

}  // namespace
}  // namespace lcproc::cli
