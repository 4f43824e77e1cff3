#include "tests/testing/postgres_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace lcproc::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultBin = "/usr/lib/postgresql/15/bin";
constexpr const char* kServerUser = "postgres";  // Debian's package creates it

// util-linux's runuser, by absolute path when there (root's PATH may lack /usr/sbin).
std::string Runuser() {
  for (const char* p : {"/usr/sbin/runuser", "/sbin/runuser"}) {
    if (::access(p, X_OK) == 0) return p;
  }
  return "runuser";
}

std::runtime_error Fail(const std::string& what) {
  return std::runtime_error("PostgresServer: " + what);
}

// A port the kernel reports free on 127.0.0.1 (closed again at once; PostgreSQL binds
// it a moment later: a small window another process could take, then start fails).
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw Fail(std::string("socket: ") + std::strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw Fail(std::string("cannot find a free port: ") + std::strerror(errno));
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// fork + exec of argv with stdout (and stderr) into `out_fd`; returns the exit code.
int Spawn(const std::vector<std::string>& argv, int out_fd, std::string* captured) {
  int pipe_fds[2] = {-1, -1};
  if (captured != nullptr && ::pipe2(pipe_fds, O_CLOEXEC) != 0) throw Fail("pipe failed");
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) throw Fail(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    int target = captured != nullptr ? pipe_fds[1] : out_fd;
    if (target >= 0) {
      ::dup2(target, STDOUT_FILENO);
      if (captured == nullptr) ::dup2(target, STDERR_FILENO);
    }
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  if (captured != nullptr) {
    ::close(pipe_fds[1]);
    char buf[4096];
    for (;;) {
      ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      captured->append(buf, static_cast<size_t>(n));
    }
    ::close(pipe_fds[0]);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

PostgresServer PostgresServer::Start(const Options& options) {
  PostgresServer server;
  const char* bin = std::getenv("LCPROC_PG_BIN");
  server.bin_ = bin != nullptr ? bin : kDefaultBin;
  server.fsync_ = options.fsync;
  for (const char* tool : {"initdb", "pg_ctl", "psql"}) {
    if (::access((server.bin_ + "/" + tool).c_str(), X_OK) != 0) {
      throw Fail(server.bin_ + "/" + tool +
                 " is missing: install Debian's postgresql package (deploy/install-deps.sh)");
    }
  }
  char tmpl[] = "/tmp/lcproc-pg-XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) throw Fail(std::string("mkdtemp: ") + std::strerror(errno));
  server.dir_ = tmpl;
  if (::geteuid() == 0) {
    passwd* pw = ::getpwnam(kServerUser);
    if (pw == nullptr) {
      throw Fail(
          "running as root needs the unprivileged user 'postgres' (Debian's postgresql "
          "package creates it)");
    }
    if (::chown(server.dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      throw Fail("cannot chown " + server.dir_ + ": " + std::strerror(errno));
    }
    server.run_as_ = kServerUser;
  }

  // The watchdog: a detached shell blocked on a pipe whose only write end we hold.
  // When we close it, or die, it stops the server (immediate) and removes the directory.
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw Fail("pipe failed");
  std::string as_user = server.run_as_.empty() ? "" : Runuser() + " -u " + server.run_as_ + " -- ";
  std::string script = "cat >/dev/null; " + as_user + ShellQuote(server.bin_ + "/pg_ctl") + " -D " +
                       ShellQuote(server.dir_ + "/data") +
                       " -m immediate stop >/dev/null 2>&1; rm -rf " + ShellQuote(server.dir_);
  pid_t pid = ::fork();
  if (pid < 0) throw Fail("fork failed");
  if (pid == 0) {
    ::setsid();  // outlives a kill of the test's process group
    ::dup2(fds[0], STDIN_FILENO);
    int devnull = ::open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
      ::dup2(devnull, STDOUT_FILENO);
      ::dup2(devnull, STDERR_FILENO);
    }
    ::execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  server.watchdog_ = pid;
  server.watchdog_fd_ = fds[1];

  std::string log = server.dir_ + "/initdb.log";
  int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  int rc = server.Run({server.bin_ + "/initdb", "-D", server.dir_ + "/data", "-A", "trust", "-U",
                       "lcproc", "-E", "UTF8", "--locale=C", "--no-sync"},
                      true, log_fd);
  if (log_fd >= 0) ::close(log_fd);
  if (rc != 0) {
    std::ifstream in(log);
    std::stringstream s;
    s << in.rdbuf();
    throw Fail("initdb failed (exit " + std::to_string(rc) + "): " + s.str());
  }
  server.port_ = FreePort();
  server.StartAgain();
  return server;
}

PostgresServer::PostgresServer(PostgresServer&& other) noexcept
    : bin_(std::move(other.bin_)),
      dir_(std::move(other.dir_)),
      run_as_(std::move(other.run_as_)),
      port_(other.port_),
      fsync_(other.fsync_),
      running_(other.running_),
      watchdog_(other.watchdog_),
      watchdog_fd_(other.watchdog_fd_) {
  other.running_ = false;
  other.watchdog_ = -1;
  other.watchdog_fd_ = -1;
  other.dir_.clear();
}

PostgresServer::~PostgresServer() {
  if (running_) {
    try {
      Stop("fast");
    } catch (...) {
      // The watchdog stops it (immediate) below.
    }
  }
  if (watchdog_fd_ >= 0) ::close(watchdog_fd_);
  if (watchdog_ > 0) {
    int status = 0;
    while (::waitpid(watchdog_, &status, 0) < 0 && errno == EINTR) {
    }
  }
}

int PostgresServer::Run(const std::vector<std::string>& argv, bool as_server_user, int out_fd,
                        std::string* captured) const {
  std::vector<std::string> full;
  if (as_server_user && !run_as_.empty()) full = {Runuser(), "-u", run_as_, "--"};
  full.insert(full.end(), argv.begin(), argv.end());
  return Spawn(full, out_fd, captured);
}

void PostgresServer::PgCtl(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {bin_ + "/pg_ctl", "-D", dir_ + "/data"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string log = dir_ + "/pg_ctl.log";
  int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  int rc = Run(argv, true, fd);
  if (fd >= 0) ::close(fd);
  if (rc != 0) {
    throw Fail("pg_ctl " + args.back() + " failed (exit " + std::to_string(rc) + "); log:\n" +
               LogTail());
  }
}

void PostgresServer::StartAgain() {
  std::string settings = "-p " + std::to_string(port_) + " -k " + dir_ +
                         " -c listen_addresses=127.0.0.1 -c max_connections=40"
                         " -c shared_buffers=32MB -c synchronous_commit=on";
  if (!fsync_) settings += " -c fsync=off -c full_page_writes=off";
  PgCtl({"-o", settings, "-l", dir_ + "/server.log", "-w", "-t", "60", "start"});
  running_ = true;
}

void PostgresServer::Stop(const std::string& mode) {
  running_ = false;
  PgCtl({"-m", mode, "-w", "-t", "60", "stop"});
}

void PostgresServer::Restart(const std::string& mode) {
  Stop(mode);
  StartAgain();
}

std::string PostgresServer::Uri(const std::string& database) const {
  return "postgresql://lcproc@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PostgresServer::Psql(const std::string& sql, const std::string& database) {
  std::string out;
  int rc = Run({bin_ + "/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", std::to_string(port_), "-U", "lcproc", "-d", database, "-c", sql},
               false, -1, &out);
  if (rc != 0) throw Fail("psql failed (exit " + std::to_string(rc) + ") on: " + sql + "\n" + out);
  return out;
}

std::string PostgresServer::CreateDatabase(const std::string& name) {
  Psql("CREATE DATABASE " + name);
  return Uri(name);
}

std::string PostgresServer::LogTail(size_t bytes) const {
  std::ifstream in(dir_ + "/server.log", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  std::string all = s.str();
  return all.size() > bytes ? all.substr(all.size() - bytes) : all;
}

}  // namespace lcproc::testing
