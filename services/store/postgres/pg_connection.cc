#include "services/store/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <cstring>

namespace lcproc::store::postgres {
namespace {

void PutU32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void PutU64(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

// The header of a one-dimensional binary array (PostgreSQL's array_recv format):
// ndim, has-nulls flag, element type, then per dimension its length and lower bound.
std::string ArrayHeader(size_t count, bool has_nulls, uint32_t oid) {
  std::string out;
  if (count == 0) {
    PutU32(out, 0);
    PutU32(out, 0);
    PutU32(out, oid);
    return out;
  }
  PutU32(out, 1);
  PutU32(out, has_nulls ? 1 : 0);
  PutU32(out, oid);
  PutU32(out, static_cast<uint32_t>(count));
  PutU32(out, 1);
  return out;
}

// Walks the elements of a one-dimensional binary array; `visit(data, length)` with
// length -1 for NULL.
template <typename Visit>
void ForEachElement(std::string_view array, Visit visit) {
  if (array.size() < 12) return;
  const char* p = array.data();
  uint32_t ndim = GetU32(p);
  if (ndim == 0) return;
  if (ndim != 1 || array.size() < 20) return;
  uint32_t count = GetU32(p + 12);
  size_t at = 20;
  for (uint32_t i = 0; i < count && at + 4 <= array.size(); ++i) {
    int32_t len = static_cast<int32_t>(GetU32(p + at));
    at += 4;
    if (len < 0) {
      visit(nullptr, -1);
      continue;
    }
    if (at + static_cast<size_t>(len) > array.size()) return;
    visit(p + at, len);
    at += static_cast<size_t>(len);
  }
}

// The one place a libpq failure becomes a Status (see the header for the mapping).
Status PgStatus(PGconn* conn, const PGresult* result, std::string_view what,
                const std::string& where) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result != nullptr ? PQresultErrorMessage(result) : "";
  if (message.empty() && conn != nullptr) message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string sqlstate = state != nullptr ? state : "";
  std::string text = std::string(what) + " on " + where + ": " + message;
  if (!sqlstate.empty()) text += " (SQLSTATE " + sqlstate + ")";
  bool lost = conn == nullptr || PQstatus(conn) != CONNECTION_OK;
  if (sqlstate.empty() || lost || sqlstate.starts_with("08") || sqlstate.starts_with("57P") ||
      sqlstate == "40001" || sqlstate == "40P01") {
    if (lost) text += "; the connection is lost, the store reconnects on its next use";
    return Unavailable(text);
  }
  if (sqlstate == "25006") return Unavailable(text + "; the server is read-only (a standby?)");
  if (sqlstate == "53100") return IoError(text + "; PostgreSQL's disk is full");
  if (sqlstate == "58030") return IoError(text);
  if (sqlstate.starts_with("53")) return Status(StatusCode::kResourceExhausted, text);
  return Internal(text);
}

// "s<i>", the name statement i is prepared under. Built by appending: GCC 12 at -O3
// warns falsely (-Wrestrict, its bug 105329) on "s" + std::to_string(i).
std::string StatementName(size_t i) {
  std::string name(1, 's');
  name += std::to_string(i);
  return name;
}

std::string Where(PGconn* conn) {
  const char* host = PQhost(conn);
  const char* port = PQport(conn);
  const char* db = PQdb(conn);
  return std::string("PostgreSQL at ") + (host != nullptr ? host : "?") + ":" +
         (port != nullptr ? port : "?") + "/" + (db != nullptr ? db : "?");
}

}  // namespace

// ---- PgParams

PgParams& PgParams::Add(std::string bytes, bool null) {
  values_.push_back(std::move(bytes));
  nulls_.push_back(null);
  lengths_.push_back(static_cast<int>(values_.back().size()));
  formats_.push_back(1);
  // Short strings live inside their std::string and move as values_ grows: rebuild the
  // pointer table.
  pointers_.clear();
  for (size_t i = 0; i < values_.size(); ++i)
    pointers_.push_back(nulls_[i] ? nullptr : values_[i].data());
  return *this;
}

PgParams& PgParams::Int64(int64_t v) {
  std::string out;
  PutU64(out, static_cast<uint64_t>(v));
  return Add(std::move(out));
}

PgParams& PgParams::Bytes(std::string_view v) { return Add(std::string(v)); }

PgParams& PgParams::Null() { return Add(std::string(), true); }

PgParams& PgParams::Int64Array(const std::vector<int64_t>& v, const std::vector<bool>* nulls) {
  bool has_nulls = false;
  if (nulls != nullptr) {
    for (bool n : *nulls) has_nulls = has_nulls || n;
  }
  std::string out = ArrayHeader(v.size(), has_nulls, kInt8Oid);
  out.reserve(out.size() + v.size() * 12);
  for (size_t i = 0; i < v.size(); ++i) {
    if (nulls != nullptr && (*nulls)[i]) {
      PutU32(out, 0xffffffffu);
      continue;
    }
    PutU32(out, 8);
    PutU64(out, static_cast<uint64_t>(v[i]));
  }
  return Add(std::move(out));
}

PgParams& PgParams::BytesArray(const std::vector<std::string_view>& v, uint32_t element_oid) {
  size_t total = 0;
  for (auto s : v) total += s.size() + 4;
  std::string out = ArrayHeader(v.size(), false, element_oid);
  out.reserve(out.size() + total);
  for (auto s : v) {
    PutU32(out, static_cast<uint32_t>(s.size()));
    out.append(s);
  }
  return Add(std::move(out));
}

// ---- PgResult

void PgResult::Deleter::operator()(pg_result* r) const { PQclear(r); }

PgResult::PgResult(pg_result* result) : result_(result) {}

int PgResult::rows() const { return result_ ? PQntuples(result_.get()) : 0; }

bool PgResult::IsNull(int row, int col) const { return PQgetisnull(result_.get(), row, col) != 0; }

std::string_view PgResult::Bytes(int row, int col) const {
  return std::string_view(PQgetvalue(result_.get(), row, col),
                          static_cast<size_t>(PQgetlength(result_.get(), row, col)));
}

int64_t PgResult::Int64(int row, int col) const {
  if (IsNull(row, col) || PQgetlength(result_.get(), row, col) != 8) return 0;
  return static_cast<int64_t>(GetU64(PQgetvalue(result_.get(), row, col)));
}

std::vector<int64_t> PgResult::Int64Array(int row, int col) const {
  std::vector<int64_t> out;
  if (IsNull(row, col)) return out;
  ForEachElement(Bytes(row, col), [&](const char* p, int32_t len) {
    if (len == 8) out.push_back(static_cast<int64_t>(GetU64(p)));
  });
  return out;
}

std::vector<std::string> PgResult::TextArray(int row, int col) const {
  std::vector<std::string> out;
  if (IsNull(row, col)) return out;
  ForEachElement(Bytes(row, col), [&](const char* p, int32_t len) {
    if (len >= 0) out.emplace_back(p, static_cast<size_t>(len));
  });
  return out;
}

uint64_t PgResult::affected() const {
  const char* n = result_ ? PQcmdTuples(result_.get()) : "";
  return n[0] == '\0' ? 0 : std::strtoull(n, nullptr, 10);
}

// ---- PgConnection

void PgConnection::Deleter::operator()(pg_conn* c) const { PQfinish(c); }

PgConnection::~PgConnection() = default;

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& spec,
                                                            std::vector<std::string> statements) {
  std::unique_ptr<PgConnection> c(new PgConnection());
  c->spec_ = spec;
  c->statements_ = std::move(statements);
  c->conn_.reset(PQconnectdb(spec.c_str()));
  if (!c->conn_) return Internal("libpq could not allocate a connection");
  c->where_ = Where(c->conn_.get());
  // Server notices ("terminating connection due to immediate shutdown") would go to
  // stderr; what matters of them reaches the caller as the failing call's Status.
  PQsetNoticeProcessor(
      c->conn_.get(), [](void*, const char*) {}, nullptr);
  if (PQstatus(c->conn_.get()) != CONNECTION_OK) {
    return PgStatus(c->conn_.get(), nullptr, "cannot connect", c->where_);
  }
  LCPROC_RETURN_IF_ERROR(c->Prepare());
  return c;
}

Status PgConnection::Prepare() {
  // Durability is a session setting too: whatever the server's default, this session's
  // commits return only once PostgreSQL made them durable (and, with synchronous
  // standbys configured, once they confirmed). Reads use a statement's snapshot.
  LCPROC_RETURN_IF_ERROR(Exec("SET synchronous_commit = on").status());
  LCPROC_RETURN_IF_ERROR(Exec("SET client_min_messages = warning").status());
  // A writer paused inside a transaction (SIGSTOP, a long GC-like stall) holds the head
  // row's lock, which would block the next leader's takeover until it resumed: the
  // server ends such a session after 5 s (its transaction rolls back, nothing of it
  // was durable). The store's transactions never idle between statements otherwise.
  LCPROC_RETURN_IF_ERROR(Exec("SET idle_in_transaction_session_timeout = '5s'").status());
  for (size_t i = 0; i < statements_.size(); ++i) {
    std::string name = StatementName(i);
    PGresult* r = PQprepare(conn_.get(), name.c_str(), statements_[i].c_str(), 0, nullptr);
    LCPROC_RETURN_IF_ERROR(Check(r, "preparing " + statements_[i].substr(0, 60)));
  }
  return Status::Ok();
}

Status PgConnection::Check(pg_result* result, std::string_view what) {
  ExecStatusType st = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
    PQclear(result);
    return Status::Ok();
  }
  Status s = PgStatus(conn_.get(), result, what, where_);
  PQclear(result);
  return s;
}

Result<PgResult> PgConnection::Run(int which, const PgParams& params) {
  std::string name = StatementName(static_cast<size_t>(which));
  PGresult* r = PQexecPrepared(conn_.get(), name.c_str(), params.size(), params.values(),
                               params.lengths(), params.formats(), 1);
  ExecStatusType st = r != nullptr ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return PgResult(r);
  Status s = PgStatus(conn_.get(), r, statements_[which].substr(0, 48), where_);
  PQclear(r);
  return s;
}

Result<PgResult> PgConnection::Exec(const std::string& sql) {
  PGresult* r = PQexec(conn_.get(), sql.c_str());
  ExecStatusType st = r != nullptr ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return PgResult(r);
  Status s = PgStatus(conn_.get(), r, sql.substr(0, 48), where_);
  PQclear(r);
  return s;
}

bool PgConnection::broken() const { return !conn_ || PQstatus(conn_.get()) != CONNECTION_OK; }

Status PgConnection::Reset() {
  PQreset(conn_.get());
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    return PgStatus(conn_.get(), nullptr, "cannot reconnect", where_);
  }
  return Prepare();
}

}  // namespace lcproc::store::postgres
