// lcproc: the command line. Each subcommand registers itself from its cmd_<name>.cc.
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/engine/heap_tuning.h"
#include "services/lcproc/command.h"

namespace lcproc::cli {

std::map<std::string, Command>& Registry() {
  static std::map<std::string, Command> registry;
  return registry;
}

CommandRegistration::CommandRegistration(Command command) {
  std::string name = command.name;
  Registry().emplace(std::move(name), std::move(command));
}

namespace {

void PrintHelp(std::ostream& out) {
  out << "usage: lcproc COMMAND [OPTIONS]\n\n"
         "lcproc processes letters of credit: signed trade documents between banks,\n"
         "examined under ICC UCP 600 and recorded in a verifiable append-only ledger.\n\n"
         "Commands:\n";
  for (const auto& [name, command] : Registry()) {
    out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ')
        << command.summary << "\n";
  }
  out << "\nRun 'lcproc COMMAND --help' for a command's options.\n";
}

}  // namespace
}  // namespace lcproc::cli

int main(int argc, char** argv) {
  using namespace lcproc::cli;
  lcproc::engine::TuneHeapForThroughput();  // before any thread starts
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintHelp(std::cerr);
    return kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintHelp(std::cout);
    return kExitOk;
  }
  auto it = Registry().find(args[0]);
  if (it == Registry().end()) {
    std::cerr << "lcproc: unknown command '" << args[0] << "'\n\n";
    PrintHelp(std::cerr);
    return kExitUsage;
  }
  return it->second.run(std::vector<std::string>(args.begin() + 1, args.end()));
}
