#include "services/lcproc/cli_kit.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace lcproc::cli {

void AddStoreFlag(Flags& flags) {
  flags.Option("store", "URI",
               "the ledger on PostgreSQL, postgresql://user@host:port/database (default: "
               "$LCPROC_STORE, else SQLite in the data directory)");
}

std::string StoreSpec(const Flags& flags) {
  if (flags.Has("store") && !flags.Get("store").empty()) return flags.Get("store");
  const char* env = std::getenv("LCPROC_STORE");
  return env != nullptr ? env : "";
}

std::unique_ptr<store::DataDir> OpenDataDirOrComplain(std::string_view command, const Flags& flags,
                                                      bool durable) {
  return OpenDataDirOrComplain(command, flags.Get("data-dir"), durable, StoreSpec(flags));
}

std::unique_ptr<store::DataDir> OpenDataDirOrComplain(std::string_view command,
                                                      const std::string& dir, bool durable,
                                                      const std::string& store) {
  auto data = store::DataDir::Open(dir, {.create = false, .durable = durable, .store = store});
  if (!data.ok()) {
    Complain(kExitUsage, command, data.status().message());
    return nullptr;
  }
  return std::move(*data);
}

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1) {}

void ProgressBar::Update(uint64_t done, uint64_t total) {
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

void ProgressBar::Finish() {
  if (enabled_ && drawn_) std::fputs("\n", stderr);
  drawn_ = false;
}

std::string SelfCommand() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "lcproc";
  if (const char* path = std::getenv("PATH")) {
    std::string_view rest = path;
    while (!rest.empty()) {
      const size_t colon = rest.find(':');
      const std::string dir(rest.substr(0, colon));
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
      if (!dir.empty() && fs::equivalent(fs::path(dir) / "lcproc", self, ec)) return "lcproc";
    }
  }
  const fs::path relative = fs::relative(self, fs::current_path(ec), ec);
  if (ec || relative.empty() || relative.string().size() >= self.string().size())
    return self.string();
  return relative.string().front() == '.' ? relative.string() : "./" + relative.string();
}

}  // namespace lcproc::cli
