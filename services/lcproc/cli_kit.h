// What every `lcproc` command shares beyond its flags (flags.h): one way to say what
// went wrong, opening a data directory with a message a person can act on, and a
// progress bar drawn on stderr only when stderr is a terminal.
//
// Messages read "lcproc <command>: <what went wrong>", on stderr, and the command exits
// with the code Complain returns (command.h: 2 usage or input error, 1 a negative answer).
#pragma once

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/store/data_dir.h"

namespace lcproc::cli {

// Prints "lcproc <command>: " and `parts` (streamed, in order) as one line on stderr;
// returns `exit_code` so a command can `return Complain(...)`.
template <typename... Parts>
int Complain(int exit_code, std::string_view command, const Parts&... parts) {
  std::cerr << "lcproc " << command << ": ";
  (std::cerr << ... << parts);
  std::cerr << "\n";
  return exit_code;
}

// --store URI: where the ledger lives. Every command that opens a ledger takes it.
void AddStoreFlag(Flags& flags);

// The store spec: --store, else $LCPROC_STORE, else "" (SQLite in the data directory).
std::string StoreSpec(const Flags& flags);

// Opens `dir` with the ledger `store` names ("" for SQLite in the directory); on failure
// complains (as `command`) and returns null.
std::unique_ptr<store::DataDir> OpenDataDirOrComplain(std::string_view command,
                                                      const std::string& dir, bool durable = true,
                                                      const std::string& store = "");

// The same for a command's --data-dir and --store (AddStoreFlag).
std::unique_ptr<store::DataDir> OpenDataDirOrComplain(std::string_view command, const Flags& flags,
                                                      bool durable = true);

// "[#####.....]  52%  1234/2345" redrawn in place on stderr, at most every 100 ms; a
// no-op when stderr is not a terminal (logs and pipes stay clean). One thread.
class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar() { Finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(uint64_t done, uint64_t total);
  // Ends the bar's line (idempotent).
  void Finish();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// How a reader runs this very binary from the current directory, for commands printed
// to be pasted: "lcproc" when that name on PATH is this binary, else its path (relative
// when shorter), e.g. "build/release/services/lcproc/lcproc".
std::string SelfCommand();

}  // namespace lcproc::cli
