// DemoStory: what `lcproc demo` shows a person, step by step, through the real engine
// and SQLite store of a DemoNode: two credits from issuance to payment (one with an
// amendment and a compliant presentation, one discrepant, refused with its UCP 600
// articles, then waived), a forged and an unknown-key document refused, a replay
// answered with its first index, a rule rejection; then the signed checkpoint, an
// inclusion and a consistency proof verified with the RFC 9162 algorithms, the audit,
// and a burst of a few thousand documents with its throughput.
//
// Not thread-safe; run one story at a time per node.
#pragma once

#include <cstddef>
#include <ostream>

#include "pipeline/status.h"
#include "services/demo/demo_node.h"

namespace lcproc::demo {

struct StoryOptions {
  size_t burst = 3000;  // documents in the closing burst (0: none)
};

// Tells the story on `out`. OK when every step was answered as expected and every proof
// and the audit verified; otherwise the first surprise (the story still runs to the end).
Status RunStory(DemoNode& node, const StoryOptions& options, std::ostream& out);

}  // namespace lcproc::demo
