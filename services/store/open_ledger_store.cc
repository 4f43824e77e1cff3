#include "services/store/open_ledger_store.h"

#include "services/store/postgres/postgres_ledger_store.h"
#include "services/store/sqlite_ledger_store.h"

namespace lcproc::store {

bool IsPostgresSpec(std::string_view spec) {
  return spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

Status CheckStoreSpec(std::string_view spec) {
  if (spec.empty() || IsPostgresSpec(spec)) return Status::Ok();
  return InvalidArgument(
      "--store must be a PostgreSQL URI (postgresql://user@host:port/database); leave it out for "
      "the SQLite ledger in the data directory");
}

Result<std::unique_ptr<ledger_store::LedgerStore>> OpenLedgerStore(const std::string& data_dir,
                                                                   const StoreOptions& options) {
  LCPROC_RETURN_IF_ERROR(CheckStoreSpec(options.store));
  if (IsPostgresSpec(options.store)) {
    LCPROC_ASSIGN_OR_RETURN(
        auto pg, postgres::PostgresLedgerStore::Open(
                     options.store,
                     {.create = options.create, .resolve_timeout = std::chrono::seconds(30)}));
    return std::unique_ptr<ledger_store::LedgerStore>(std::move(pg));
  }
  std::string path = data_dir + "/lcproc.db";
  auto sqlite =
      SqliteLedgerStore::Open(path, {.create = options.create, .durable = options.durable});
  if (!sqlite.ok()) {
    if (!options.create && sqlite.status().code() == StatusCode::kIoError) {
      return sqlite.status().WithContext(
          "no SQLite ledger in " + data_dir +
          " (if this directory's ledger is on PostgreSQL, give --store postgresql://...)");
    }
    return sqlite.status();
  }
  return std::unique_ptr<ledger_store::LedgerStore>(std::move(*sqlite));
}

std::string DescribeStore(const std::string& data_dir, std::string_view spec) {
  if (!IsPostgresSpec(spec)) return "SQLite file " + data_dir + "/lcproc.db";
  // postgresql://user:password@host:port/db?params -> host:port/db, without credentials.
  std::string_view rest = spec.substr(spec.find("://") + 3);
  size_t at = rest.find('@');
  size_t slash = rest.find('/');
  if (at != std::string_view::npos && (slash == std::string_view::npos || at < slash))
    rest = rest.substr(at + 1);
  size_t query = rest.find('?');
  if (query != std::string_view::npos) rest = rest.substr(0, query);
  return "PostgreSQL at " + std::string(rest);
}

}  // namespace lcproc::store
