// Header-only, because services/lcproc compiles only main.cc and the cmd_*.cc files.
// What the engine-backed commands (ingest, audit, ledger) share: opening a data
// directory with a message a person can act on, the system clock, and a progress bar
// drawn on stderr only when stderr is a terminal.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "pipeline/clock.h"
#include "services/lcproc/flags.h"
#include "services/store/data_dir.h"

namespace lcproc::cli {

// The wall clock: services may read it; pipeline/ only sees the Clock interface.
class SystemClock final : public Clock {
 public:
  int64_t NowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// --store URI: where the ledger lives. Every command that opens a ledger takes it.
inline void AddStoreFlag(Flags& flags) {
  flags.Option("store", "URI",
               "the ledger on PostgreSQL, postgresql://user@host:port/database (default: $LCPROC_STORE, "
               "else SQLite in the data directory)");
}

// The store spec: --store, else $LCPROC_STORE, else "" (SQLite in the data directory).
inline std::string StoreSpec(const Flags& flags) {
  if (flags.Has("store") && !flags.Get("store").empty()) return flags.Get("store");
  const char* env = std::getenv("LCPROC_STORE");
  return env != nullptr ? env : "";
}

// Opens `dir` with the ledger `store` names ("" for SQLite in the directory); on failure
// prints "lcproc <command>: <reason>" and returns null.
inline std::unique_ptr<store::DataDir> OpenDataDirOrComplain(const std::string& command,
                                                             const std::string& dir, bool durable = true,
                                                             const std::string& store = "") {
  auto data = store::DataDir::Open(dir, {.create = false, .durable = durable, .store = store});
  if (!data.ok()) {
    std::cerr << "lcproc " << command << ": " << data.status().message() << "\n";
    return nullptr;
  }
  return std::move(*data);
}

// The same for a command's --data-dir and --store (AddStoreFlag).
inline std::unique_ptr<store::DataDir> OpenDataDirOrComplain(const std::string& command,
                                                             const Flags& flags,
                                                             bool durable = true) {
  return OpenDataDirOrComplain(command, flags.Get("data-dir"), durable, StoreSpec(flags));
}

// "[#####.....]  52%  1234/2345" redrawn in place on stderr, at most every 100 ms; a
// no-op when stderr is not a terminal (logs and pipes stay clean).
class ProgressBar {
 public:
  explicit ProgressBar(std::string label)
      : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1) {}
  ~ProgressBar() { Finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(uint64_t done, uint64_t total) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    constexpr uint64_t kWidth = 30;
    uint64_t filled = total == 0 ? kWidth : std::min<uint64_t>(kWidth, done * kWidth / total);
    uint64_t percent = total == 0 ? 100 : std::min<uint64_t>(100, done * 100 / total);
    std::fprintf(stderr, "\r%s [%s%s] %3llu%%  %llu/%llu", label_.c_str(),
                 std::string(filled, '#').c_str(), std::string(kWidth - filled, '.').c_str(),
                 static_cast<unsigned long long>(percent), static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(total));
    std::fflush(stderr);
  }
  void Finish() {
    if (enabled_ && drawn_) std::fputs("\n", stderr);
    drawn_ = false;
  }

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace lcproc::cli
