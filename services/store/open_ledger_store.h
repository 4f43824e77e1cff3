// OpenLedgerStore: the one place a ledger backend is chosen, for the command line and
// the server alike.
//
// A store spec is either empty (the embedded default: SQLite, lcproc.db in the data
// directory) or a PostgreSQL URI, postgresql://user@host:port/database (postgres:// is
// accepted too; libpq reads every parameter it documents, e.g. ?sslmode=require). The
// spec may carry a password: it is never printed or stored; messages name the server
// as host:port/database.
//
// Thread-compatible; the opened store follows LedgerStore's rules.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/status.h"

namespace lcproc::store {

struct StoreOptions {
  bool create = false;  // create the SQLite file / the PostgreSQL schema when missing
  // SQLite only: synchronous=FULL; off for benchmarks. PostgreSQL always commits with
  // synchronous_commit = on.
  bool durable = true;
  std::string store;  // the spec: "" for SQLite in the data directory
};

// True for postgresql:// and postgres:// URIs.
bool IsPostgresSpec(std::string_view spec);

// InvalidArgument with a clear message when `spec` is neither empty nor a PostgreSQL URI.
Status CheckStoreSpec(std::string_view spec);

// Opens the store `options.store` names; for SQLite, the file lcproc.db in `data_dir`.
// Errors as the backend's Open (IoError, NotFound, DataLoss, Unavailable).
Result<std::unique_ptr<ledger_store::LedgerStore>> OpenLedgerStore(const std::string& data_dir,
                                                                   const StoreOptions& options);

// "SQLite file DIR/lcproc.db" or "PostgreSQL at host:port/db": for messages.
std::string DescribeStore(const std::string& data_dir, std::string_view spec);

}  // namespace lcproc::store
