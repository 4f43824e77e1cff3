// The lcproc command line: each subcommand (`keygen`, `sign`, `examine`, `ingest` …)
// lives in its own cmd_<name>.cc beside main.cc and registers itself with a
// CommandRegistration at static-initialisation time, so adding a command touches no
// shared file.
//
// Exit codes, for every command: 0 success, 1 a negative answer (invalid signature,
// discrepant presentation, audit failure), 2 a usage or input error (message on stderr).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace lcproc::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitNegative = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  std::string name;
  std::string summary;                                           // one line for `lcproc --help`
  std::function<int(const std::vector<std::string>& args)> run;  // args after the name
};

std::map<std::string, Command>& Registry();

struct CommandRegistration {
  explicit CommandRegistration(Command command);
};

}  // namespace lcproc::cli
