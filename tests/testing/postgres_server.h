// PostgresServer: a throwaway PostgreSQL server for one test, started by the test itself.
//
// initdb and pg_ctl (Debian's `postgresql` package, /usr/lib/postgresql/15/bin, or
// $LCPROC_PG_BIN) into a fresh temporary directory, listening on 127.0.0.1 on a port
// the kernel picked as free, with trust authentication for the user `lcproc`. When the
// test runs as root the server runs as the unprivileged user `postgres` (PostgreSQL
// refuses root), through runuser, on a directory that user owns.
//
// Stopped whatever happens: the destructor stops it (fast shutdown) and removes the
// directory; a watchdog process started first does the same (immediate shutdown) when
// the test process dies without running destructors (a crash, SIGKILL, abort).
//
// A missing PostgreSQL is an error (Start throws), so a test fails instead of skipping.
// Not thread-safe: one owner thread.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace lcproc::testing {

class PostgresServer {
 public:
  struct Options {
    // fsync on is what production runs; off is fine for tests that only kill processes
    // (the kernel keeps the written pages), and much kinder to a shared disk.
    bool fsync = true;
  };

  // Runs initdb and starts the server; throws std::runtime_error with the log's tail
  // when either fails (missing binaries included).
  static PostgresServer Start() { return Start(Options{}); }
  static PostgresServer Start(const Options& options);

  PostgresServer(PostgresServer&& other) noexcept;
  PostgresServer& operator=(PostgresServer&&) = delete;
  PostgresServer(const PostgresServer&) = delete;
  ~PostgresServer();

  int port() const { return port_; }
  const std::string& dir() const { return dir_; }
  // postgresql://lcproc@127.0.0.1:PORT/DATABASE
  std::string Uri(const std::string& database = "postgres") const;
  // Creates a fresh database (via psql) and returns its URI.
  std::string CreateDatabase(const std::string& name);
  // Runs one SQL command with psql against `database`; throws when psql fails.
  std::string Psql(const std::string& sql, const std::string& database = "postgres");

  // pg_ctl stop -m MODE ("fast", "immediate", "smart") and start again.
  void Stop(const std::string& mode = "fast");
  void Restart(const std::string& mode = "fast");
  void StartAgain();
  bool running() const { return running_; }
  // The last `bytes` of the server's log, for failure messages.
  std::string LogTail(size_t bytes = 4000) const;

 private:
  PostgresServer() = default;
  // Runs argv (as the server's user when root and `as_server_user`), output to `out_fd`
  // or into `captured`; returns the exit code.
  int Run(const std::vector<std::string>& argv, bool as_server_user, int out_fd = -1,
          std::string* captured = nullptr) const;
  void PgCtl(const std::vector<std::string>& args);

  std::string bin_;
  std::string dir_;
  std::string run_as_;  // "" when not root
  int port_ = 0;
  bool fsync_ = true;
  bool running_ = false;
  pid_t watchdog_ = -1;
  int watchdog_fd_ = -1;  // write end: closing it (or dying) lets the watchdog clean up
};

}  // namespace lcproc::testing
