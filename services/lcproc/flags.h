// Flags: a small, strict parser for a subcommand's options, so every command answers
// wrong or missing arguments the same way: a precise message and exit code 2.
//
//   Flags flags("sign", "Prints the x-jws-signature of FILE's exact bytes.");
//   flags.Option("key", "KEY.pem", "the private key to sign with", /*required=*/true);
//   flags.Positional("FILE", "the file to sign");
//   if (auto exit = flags.Parse(args)) return *exit;   // --help, or a usage error
//   std::string key = flags.Get("key");
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lcproc::cli {

class Flags {
 public:
  Flags(std::string command, std::string description);

  // --name VALUE (or --name=VALUE). An empty `fallback` with required=false means unset.
  void Option(std::string name, std::string value_name, std::string help, bool required = false,
              std::string fallback = "");
  // --name, a boolean switch.
  void Switch(std::string name, std::string help);
  // A positional argument, in order; `optional` ones must come last.
  void Positional(std::string name, std::string help, bool optional = false);

  // Parses `args`. Returns an exit code when the command must stop now: 0 after printing
  // --help to stdout, 2 after printing a usage error to stderr. nullopt to go on.
  std::optional<int> Parse(const std::vector<std::string>& args);

  const std::string& Get(const std::string& name) const;  // option or positional
  bool Has(const std::string& name) const;                // given (or defaulted)
  bool IsSet(const std::string& name) const;              // switch given
  std::string Usage() const;

 private:
  struct Spec {
    std::string name, value_name, help, fallback;
    bool required = false, is_switch = false, positional = false, optional = false;
  };
  std::string command_, description_;
  std::vector<Spec> specs_;
  std::vector<std::pair<std::string, std::string>> values_;
};

// Reads a whole file; on failure prints "lcproc <command>: cannot read PATH: reason" to
// stderr and returns nullopt. "-" reads standard input.
std::optional<std::string> ReadFileOrComplain(const std::string& command, const std::string& path);

}  // namespace lcproc::cli
