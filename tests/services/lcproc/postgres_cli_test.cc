// The command line on a PostgreSQL ledger (--store), against a real server the test
// starts: `lcproc migrate` copies a SQLite ledger and the copy audits clean; `init`,
// `ingest`, `audit` and `ledger` work on PostgreSQL as on SQLite; wrong input gets a
// clear error.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "tests/services/lcproc/cli_runner.h"
#include "tests/services/lcproc/json_lines.h"
#include "tests/testing/postgres_server.h"

namespace lcproc::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class PostgresCliTest : public ::testing::Test {
 protected:
  PostgresCliTest() : server_(PostgresServer::Start({.fsync = false})) {}

  void SetUp() override {
    CliRun key = RunLcproc({"keygen", "--alg", "EdDSA", "--out", dir_.File("bank.pem")});
    ASSERT_EQ(key.exit_code, 0) << key.err;
    kid_ = TrimLineEnd(key.out);
    body_ = OpenExampleCredit();
    WriteFile(dir_.File("lc.json"), body_);
    CliRun sign = RunLcproc({"sign", "--key", dir_.File("bank.pem"), dir_.File("lc.json")});
    ASSERT_EQ(sign.exit_code, 0) << sign.err;
    jws_ = TrimLineEnd(sign.out);
  }

  // init + one registered bank, with the ledger where `store` says ("" for SQLite).
  void Init(const std::string& data, const std::string& store) {
    std::vector<std::string> args = {"init", "--data-dir", data, "--origin", "lcproc.test/ledger"};
    if (!store.empty()) args.insert(args.end(), {"--store", store});
    CliRun init = RunLcproc(args);
    ASSERT_EQ(init.exit_code, 0) << init.err;
    CliRun add =
        RunLcproc({"registry", "add-bank", "--data-dir", data, "--bic", "COBADEHH", "--name",
                   "Commerzbank", "--roles", "issuing", "--key", dir_.File("bank.pub.pem")});
    ASSERT_EQ(add.exit_code, 0) << add.err;
  }
  std::string Line(const std::string& body) {
    json::object o{{"submitter", "COBADEHH"},
                   {"kid", kid_},
                   {"jws", jws_},
                   {"contentType", "application/json"},
                   {"body", body}};
    return json::serialize(o) + "\n";
  }
  CliRun Ingest(const std::string& data, const std::string& store, const std::string& ndjson) {
    WriteFile(dir_.File("in.ndjson"), ndjson);
    std::vector<std::string> args = {"ingest", "--data-dir", data, dir_.File("in.ndjson")};
    if (!store.empty()) args.insert(args.end(), {"--store", store});
    return RunLcproc(args);
  }

  PostgresServer server_;
  TempDir dir_;
  std::string kid_, body_, jws_;
};

TEST_F(PostgresCliTest, MigrateCopiesASqliteLedgerAndTheCopyAuditsAndGrows) {
  const std::string data = dir_.File("data");
  Init(data, "");
  // An accepted credit, a replay of it and a refused (tampered) one: entries of both verdicts.
  CliRun first = Ingest(data, "", Line(body_) + Line(body_) + Line(body_ + " "));
  ASSERT_EQ(first.exit_code, 1) << first.err;  // the tampered line is refused
  const std::string uri = server_.CreateDatabase("ledger");

  CliRun migrate = RunLcproc({"migrate", "--from", data, "--to", uri});
  ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
  EXPECT_THAT(migrate.out, HasSubstr("audit of the copy OK"));
  EXPECT_THAT(migrate.out,
              HasSubstr("PostgreSQL at 127.0.0.1:" + std::to_string(server_.port()) + "/ledger"));

  // The copy holds the same signed checkpoint, and answers audit and proofs.
  CliRun sqlite_head = RunLcproc({"ledger", "checkpoint", "--data-dir", data});
  CliRun pg_head = RunLcproc({"ledger", "checkpoint", "--data-dir", data, "--store", uri});
  ASSERT_EQ(pg_head.exit_code, 0) << pg_head.err;
  EXPECT_EQ(pg_head.out, sqlite_head.out);
  CliRun audit = RunLcproc({"audit", "--data-dir", data, "--store", uri});
  EXPECT_EQ(audit.exit_code, 0) << audit.out << audit.err;
  EXPECT_THAT(audit.out, HasSubstr("audit OK"));
  CliRun proof = RunLcproc(
      {"ledger", "proof", "inclusion", "--data-dir", data, "--index", "0", "--store", uri});
  ASSERT_EQ(proof.exit_code, 0) << proof.err;
  EXPECT_EQ(json::parse(proof.out).as_object()["proof"].as_array().size(),
            json::parse(
                RunLcproc({"ledger", "proof", "inclusion", "--data-dir", data, "--index", "0"}).out)
                .as_object()["proof"]
                .as_array()
                .size());
  CliRun exported = RunLcproc(
      {"ledger", "export", "--data-dir", data, "--store", uri, "--out", dir_.File("pub")});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(ReadFile(dir_.File("pub/checkpoint")), pg_head.out);

  // The PostgreSQL ledger carries on: the replay is found there, a new document appended.
  CliRun more = Ingest(data, uri, Line(body_));
  ASSERT_EQ(more.exit_code, 0) << more.err;
  auto lines = JsonLines(more.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0]["duplicate"].as_bool()) << more.out;
  EXPECT_EQ(lines[0]["leafIndex"].as_int64(), 0);

  // Migrating again into the now non-empty database is refused.
  CliRun twice = RunLcproc({"migrate", "--from", data, "--to", uri});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_THAT(twice.err, HasSubstr("already holds"));
}

TEST_F(PostgresCliTest, InitIngestAndAuditOnPostgresFromTheStart) {
  const std::string data = dir_.File("data");
  const std::string uri = server_.CreateDatabase("fresh");
  Init(data, uri);
  EXPECT_FALSE(std::filesystem::exists(data + "/lcproc.db"));  // the ledger is in PostgreSQL
  CliRun run = Ingest(data, uri, Line(body_));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(JsonLines(run.out)[0]["verdict"].as_string(), "accepted");
  CliRun audit = RunLcproc({"audit", "--data-dir", data, "--store", uri});
  EXPECT_EQ(audit.exit_code, 0) << audit.out << audit.err;
  EXPECT_THAT(audit.out, HasSubstr("audit OK: 1 entries"));
  // Forgetting --store names the way out instead of showing an empty ledger.
  CliRun forgot = RunLcproc({"audit", "--data-dir", data});
  EXPECT_EQ(forgot.exit_code, 2);
  EXPECT_THAT(forgot.err, HasSubstr("--store"));
}

TEST_F(PostgresCliTest, WrongStoresGetClearErrors) {
  const std::string data = dir_.File("data");
  CliRun bad = RunLcproc({"init", "--data-dir", data, "--store", "mysql://x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--store must be a PostgreSQL URI"));
  Init(dir_.File("other"), "");
  CliRun empty =
      RunLcproc({"audit", "--data-dir", dir_.File("other"), "--store", server_.Uri("postgres")});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_THAT(empty.err, HasSubstr("no lcproc ledger in PostgreSQL at 127.0.0.1"));
  server_.Stop("fast");
  CliRun down =
      RunLcproc({"audit", "--data-dir", dir_.File("other"), "--store", server_.Uri("postgres")});
  EXPECT_EQ(down.exit_code, 2);
  EXPECT_THAT(down.err, HasSubstr("cannot connect"));
}

}  // namespace
}  // namespace lcproc::testing
