// The HTTP mode of `lcproc loadgen`: drives a running `lcproc serve` over many
// keep-alive connections with documents of the demo workload signed before the clock
// starts, and prints documents per second and latency percentiles.
//
//   closed loop (--rate 0)  every connection sends its next request as soon as the last
//                           one is answered: the server's maximum rate
//   open loop (--rate R)    requests are due at fixed intervals (R documents per second);
//                           latency runs from each request's intended send time, so a
//                           stalled server is charged for every request it delayed (no
//                           coordinated omission)
//   --batch 0               one document per POST /v1/documents
//   --batch N               up to N documents per POST /v1/documents:batch (NDJSON)
//
// A credit's documents must arrive in order (an advice before its presentation), so
// a document is sent only once the previous document of its credit was answered; many
// credits are open at once (--active-credits) so this rarely holds a connection back.
// All of Beast and Asio stays in http_load.cc.
#pragma once

#include <string>
#include <vector>

namespace lcproc::cli {

// `args` are the loadgen arguments (after the command name). Returns the exit code.
int RunHttpLoad(const std::vector<std::string>& args);

}  // namespace lcproc::cli
