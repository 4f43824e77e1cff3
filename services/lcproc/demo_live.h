// The living demo network: `lcproc demo` without --story. Opens (or creates) a data
// directory with the demo network, serves the REST API on 127.0.0.1 in this process
// (services/gateway/server.h), prints how to reach it (dashboard URL, operator token, a
// bank's token and key, a curl command), then drives credit lifecycles through the REST
// API with the banks' own tokens and signatures at --rate documents per second until
// Ctrl-C (or --documents / --for). Every answer is checked against what the workload
// expects: the document's verdict, its UCP 600 discrepancies, the 401 of a forged
// document, the 403 of a document signed by another bank, the first entry of a replay.
//
// Tokens: the bearer tokens' hashes go to <dir>/tokens like `lcproc token add`; the
// tokens themselves, which a person needs to try the API by hand, are kept in clear in
// <dir>/demo-network/tokens (mode 0600, "BIC TOKEN" a line, the format of `lcproc
// loadgen --tokens`) and <dir>/demo-network/operator-token. A demo's secrets only.
//
// All of Beast and Asio stays in demo_live.cc.
#pragma once

#include <string>
#include <vector>

namespace lcproc::cli {

// `args` are the demo's arguments (after the command name). Returns the exit code:
// 0 when every answer was the expected one, 1 otherwise, 2 on usage errors.
int RunLiveDemo(const std::vector<std::string>& args);

}  // namespace lcproc::cli
