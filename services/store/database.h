// Database and Statement: RAII owners of a sqlite3 connection and a prepared statement,
// and the one place SQLite's result codes become Status values.
//
// Statements are prepared once per connection and reused: Reset() after each use (the
// ResetOnExit guard does it), so an autocommit read ends and frees its WAL snapshot.
// Neither class is thread-safe; a connection and its statements belong to one thread at
// a time (the store serialises access with a mutex per connection).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace lcproc::store {

// A Status for SQLite result code `rc` on `db` (may be null): disk full and I/O
// failures are IoError, a read-only file IoError, busy/locked Unavailable, corruption
// DataLoss, constraint violations FailedPrecondition, the rest Internal. The message
// carries `context` and sqlite3_errmsg.
Status SqliteStatus(sqlite3* db, int rc, std::string_view context);

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite. Text and blobs are copied (SQLITE_TRANSIENT)
  // only when `copy` is true; otherwise they must outlive the next Step/Reset.
  Status BindInt64(int index, int64_t value);
  Status BindBlob(int index, std::string_view bytes, bool copy = false);
  Status BindText(int index, std::string_view text, bool copy = false);
  Status BindNull(int index);

  // true: a row is ready; false: done. An error Status otherwise.
  Result<bool> Step();
  // Step() for a statement that returns no rows.
  Status Run();

  // Columns are 0-based. Blob and text views live until the next Step or Reset.
  int64_t ColumnInt64(int column) const;
  std::string_view ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;

  // Ends the current use and clears the bindings.
  void Reset();

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement when the scope ends, whatever path leaves it.
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& statement) : statement_(statement) {}
  ~ResetOnExit() { statement_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Statement& statement_;
};

class Database {
 public:
  // Opens (creating when `create`) the database file at `path`.
  static Result<Database> Open(const std::string& path, bool create);

  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return nothing (DDL, PRAGMA, BEGIN, COMMIT).
  Status Exec(const std::string& sql);
  Result<Statement> Prepare(std::string_view sql);

  sqlite3* get() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

}  // namespace lcproc::store
