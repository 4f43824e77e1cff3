#include "services/store/database.h"

#include <utility>

#include <sqlite3.h>

namespace lcproc::store {

Status SqliteStatus(sqlite3* db, int rc, std::string_view context) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
  std::string message(context);
  message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_FULL: return IoError(message + " (the disk is full)");
    case SQLITE_READONLY: return IoError(message + " (the data directory is read-only)");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return IoError(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Unavailable(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return DataLoss(message);
    case SQLITE_CONSTRAINT: return FailedPrecondition(message);
    default: return Internal(message);
  }
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Status Statement::BindInt64(int index, int64_t value) {
  return SqliteStatus(db_, sqlite3_bind_int64(stmt_, index, value), "bind");
}

Status Statement::BindBlob(int index, std::string_view bytes, bool copy) {
  return SqliteStatus(db_,
                      sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(),
                                          copy ? SQLITE_TRANSIENT : SQLITE_STATIC),
                      "bind");
}

Status Statement::BindText(int index, std::string_view text, bool copy) {
  return SqliteStatus(db_,
                      sqlite3_bind_text64(stmt_, index, text.data(), text.size(),
                                          copy ? SQLITE_TRANSIENT : SQLITE_STATIC, SQLITE_UTF8),
                      "bind");
}

Status Statement::BindNull(int index) {
  return SqliteStatus(db_, sqlite3_bind_null(stmt_, index), "bind");
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteStatus(db_, rc, sqlite3_sql(stmt_));
}

Status Statement::Run() {
  auto row = Step();
  if (!row.ok()) return row.status();
  return Status::Ok();
}

int64_t Statement::ColumnInt64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view Statement::ColumnBlob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  if (data == nullptr) return {};
  return {static_cast<const char*>(data), static_cast<size_t>(size)};
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void Statement::Reset() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Result<Database> Database::Open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = SqliteStatus(db, rc, "opening " + path);
    sqlite3_close(db);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  return Database(db);
}

Database::~Database() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Status Database::Exec(const std::string& sql) {
  return SqliteStatus(db_, sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), sql);
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "preparing " + std::string(sql));
  return Statement(db_, stmt);
}

}  // namespace lcproc::store
