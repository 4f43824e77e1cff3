// Runs the lcproc binary under test (path from $LCPROC_BIN) and captures what it prints.
#pragma once

#include <string>
#include <vector>

namespace lcproc::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `lcproc args...` with `stdin_data` on standard input. Never goes through a shell,
// so arguments need no quoting.
CliRun RunLcproc(const std::vector<std::string>& args, const std::string& stdin_data = "");

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& data);

// `s` without its trailing line ends: what a command printed as one value.
std::string TrimLineEnd(std::string s);

// The lines of a command's output (no line ends), e.g. one JSON object a line.
std::vector<std::string> OutputLines(const std::string& out);

// The example credit (schemas/examples/letterOfCredit.json) with its expiry and latest
// shipment moved to 2099, so that it is still open whenever the test runs.
std::string OpenExampleCredit();

}  // namespace lcproc::testing
