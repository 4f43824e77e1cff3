// PgConnection: one libpq connection with its prepared statements, and the two small
// types that carry values across it (PgParams in, PgResult out), all in binary format.
//
// The only place libpq's errors become Status values (PgStatus in the .cc): SQLSTATE
// classes map onto codes a caller can act on —
//   08xxx connection lost, 57Pxx server shutting down/starting, 40001/40P01
//   serialization/deadlock                                         -> kUnavailable
//   25006 read-only transaction (a standby, default_transaction_read_only)
//                                                                  -> kUnavailable
//   53100 disk full, 58030 I/O error                               -> kIoError
//   other 53xxx (out of memory, too many connections)              -> kResourceExhausted
//   anything else                                                  -> kInternal
// and every message names the server as host:port/database, never the connection
// string (it may hold a password).
//
// A connection whose socket broke reports broken(); Reset() reconnects and prepares the
// statements again. Not thread-safe: one owner at a time (the store's mutexes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

struct pg_conn;
struct pg_result;

namespace lcproc::store::postgres {

// Parameters for a prepared statement, each sent in binary. The statement's SQL fixes
// each parameter's type with a cast ($1::bigint, $2::bytea[]); these encode to match.
class PgParams {
 public:
  PgParams& Int64(int64_t v);
  PgParams& Bytes(std::string_view v);  // bytea or text (UTF-8 bytes as they are)
  PgParams& Null();
  // One-dimensional arrays, for INSERT ... SELECT FROM unnest(...) of a whole batch.
  // `nulls` (when given) marks elements sent as NULL.
  PgParams& Int64Array(const std::vector<int64_t>& v, const std::vector<bool>* nulls = nullptr);
  PgParams& BytesArray(const std::vector<std::string_view>& v, uint32_t element_oid);

  int size() const { return static_cast<int>(values_.size()); }
  const char* const* values() const { return pointers_.data(); }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

  static constexpr uint32_t kByteaOid = 17;
  static constexpr uint32_t kTextOid = 25;
  static constexpr uint32_t kInt8Oid = 20;

 private:
  PgParams& Add(std::string bytes, bool null = false);
  std::vector<std::string> values_;
  std::vector<bool> nulls_;
  std::vector<const char*> pointers_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

// A query's result (binary format); owns the PGresult.
class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(pg_result* result);
  PgResult(PgResult&&) noexcept = default;
  PgResult& operator=(PgResult&&) noexcept = default;

  int rows() const;
  bool IsNull(int row, int col) const;
  std::string_view Bytes(int row, int col) const;
  // An int8 column (8 bytes, big-endian); 0 for NULL.
  int64_t Int64(int row, int col) const;
  // An int8[] column (binary array), NULL elements skipped.
  std::vector<int64_t> Int64Array(int row, int col) const;
  // A text[] column.
  std::vector<std::string> TextArray(int row, int col) const;
  // The number of rows an INSERT/UPDATE/DELETE touched.
  uint64_t affected() const;

 private:
  struct Deleter {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Deleter> result_;
};

class PgConnection {
 public:
  // Connects to `spec` (a libpq URI or key=value string), sets the session's durability
  // settings (synchronous_commit = on) and prepares `statements` as s0, s1, ... .
  // Unavailable when the server cannot be reached.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& spec,
                                                       std::vector<std::string> statements);
  ~PgConnection();

  // Runs prepared statement `which` with `params`; results in binary.
  Result<PgResult> Run(int which, const PgParams& params);
  // Runs SQL text with no parameters, possibly several statements (schema,
  // BEGIN/COMMIT/ROLLBACK); results come in text format.
  Result<PgResult> Exec(const std::string& sql);

  // True once the socket broke (server gone, restarted, killed connection).
  bool broken() const;
  // Reconnects and prepares the statements again. Unavailable when the server still
  // cannot be reached.
  Status Reset();
  // "PostgreSQL at 127.0.0.1:5432/postgres": for messages (no password).
  const std::string& where() const { return where_; }

 private:
  PgConnection() = default;
  Status Prepare();
  Status Check(pg_result* result, std::string_view what);

  struct Deleter {
    void operator()(pg_conn* c) const;
  };
  std::unique_ptr<pg_conn, Deleter> conn_;
  std::string spec_;
  std::string where_;
  std::vector<std::string> statements_;
};

}  // namespace lcproc::store::postgres
