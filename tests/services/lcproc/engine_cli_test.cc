// `lcproc init`, `registry`, `ingest`, `audit` and `ledger` run as an operator would:
// a data directory is created, a bank registered, signed documents ingested, the ledger
// audited, exported as static tiles and proven; then the file is tampered with and the
// audit and the engine's start both notice.
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <boost/json.hpp>

#include "pipeline/crypto/base64.h"
#include "pipeline/ledger/inclusion_proof.h"
#include "tests/services/lcproc/cli_runner.h"
#include "tests/services/lcproc/json_lines.h"

namespace lcproc::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

crypto::Digest Digest(const json::value& v) {
  std::string bytes = *crypto::Base64Decode(std::string(v.as_string()));
  crypto::Digest d{};
  std::copy(bytes.begin(), bytes.end(), d.begin());
  return d;
}

class EngineCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RunLcproc({"init", "--data-dir", data_, "--origin", "lcproc.test/ledger"}).exit_code,
              0);
    CliRun key = RunLcproc({"keygen", "--alg", "EdDSA", "--out", dir_.File("bank.pem")});
    ASSERT_EQ(key.exit_code, 0) << key.err;
    kid_ = TrimLineEnd(key.out);
    CliRun add =
        RunLcproc({"registry", "add-bank", "--data-dir", data_, "--bic", "COBADEHH", "--name",
                   "Commerzbank", "--roles", "issuing", "--key", dir_.File("bank.pub.pem")});
    ASSERT_EQ(add.exit_code, 0) << add.err;
    EXPECT_EQ(TrimLineEnd(add.out), kid_);

    body_ = OpenExampleCredit();
    WriteFile(dir_.File("lc.json"), body_);
    CliRun sign = RunLcproc({"sign", "--key", dir_.File("bank.pem"), dir_.File("lc.json")});
    ASSERT_EQ(sign.exit_code, 0) << sign.err;
    jws_ = TrimLineEnd(sign.out);
  }

  std::string Line(const std::string& submitter, const std::string& body,
                   const std::string& idem = "") {
    json::object o{{"submitter", submitter},
                   {"kid", kid_},
                   {"jws", jws_},
                   {"contentType", "application/json"},
                   {"body", body}};
    if (!idem.empty()) o["idempotencyKey"] = idem;
    return json::serialize(o) + "\n";
  }
  CliRun Ingest(const std::string& ndjson) {
    WriteFile(dir_.File("in.ndjson"), ndjson);
    return RunLcproc({"ingest", "--data-dir", data_, dir_.File("in.ndjson")});
  }
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((data_ + "/lcproc.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  TempDir dir_;
  std::string data_ = dir_.File("data");
  std::string kid_, body_, jws_;
};

TEST_F(EngineCliTest, InitKeepsTheSigningKeyPrivate) {
  struct stat st {};
  ASSERT_EQ(::stat((data_ + "/checkpoint.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_THAT(ReadFile(data_ + "/checkpoint.vkey"), ::testing::StartsWith("lcproc.test/ledger+"));
  EXPECT_NE(RunLcproc({"init", "--data-dir", data_}).exit_code, 0);  // never over an existing key
}

TEST_F(EngineCliTest, IngestPrintsOneOutcomePerLineInOrder) {
  CliRun run =
      Ingest(Line("COBADEHH", body_, "k1") + Line("COBADEHH", body_, "k1") +
             Line("COBADEHH", body_ + " ") + Line("BFTVVNVX", body_) + "{\"nonsense\": 1}\n");
  EXPECT_EQ(run.exit_code, 1) << run.err;  // some lines were refused
  auto lines = JsonLines(run.out);
  ASSERT_EQ(lines.size(), 5u) << run.out;
  for (size_t i = 0; i < lines.size(); ++i)
    EXPECT_EQ(lines[i]["line"].as_int64(), static_cast<int64_t>(i + 1));
  EXPECT_EQ(lines[0]["verdict"].as_string(), "accepted") << run.out;
  EXPECT_EQ(lines[0]["leafIndex"].as_int64(), 0);
  EXPECT_EQ(lines[0]["creditNumber"].as_string(), "LC-2026-0042");
  EXPECT_EQ(lines[1]["duplicate"].as_bool(), true);
  EXPECT_EQ(lines[1]["leafIndex"].as_int64(), 0);
  EXPECT_EQ(lines[2]["status"].as_string(), "unauthenticated");    // body changed after signing
  EXPECT_EQ(lines[3]["status"].as_string(), "permission_denied");  // another bank's key
  EXPECT_EQ(lines[4]["status"].as_string(), "malformed");
  EXPECT_EQ(run.err, "");  // no progress bar when stderr is not a terminal

  // The same signed document again, later: answered with its first entry.
  CliRun again = Ingest(Line("COBADEHH", body_));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  auto replay = JsonLines(again.out);
  ASSERT_EQ(replay.size(), 1u);
  EXPECT_TRUE(replay[0]["duplicate"].as_bool());
  EXPECT_EQ(replay[0]["leafIndex"].as_int64(), 0);
}

TEST_F(EngineCliTest, AuditExportAndProofsAgree) {
  ASSERT_EQ(Ingest(Line("COBADEHH", body_)).exit_code, 0);
  CliRun audit = RunLcproc({"audit", "--data-dir", data_});
  EXPECT_EQ(audit.exit_code, 0) << audit.out << audit.err;
  EXPECT_THAT(audit.out, HasSubstr("audit OK: 1 entries"));

  CliRun proof = RunLcproc({"ledger", "proof", "inclusion", "--data-dir", data_, "--index", "0"});
  ASSERT_EQ(proof.exit_code, 0) << proof.err;
  json::object p = json::parse(proof.out).as_object();
  EXPECT_EQ(p["treeSize"].as_int64(), 1);
  std::vector<crypto::Digest> path;
  for (const auto& h : p["proof"].as_array()) path.push_back(Digest(h));
  EXPECT_TRUE(
      ledger::VerifyInclusion(Digest(p["leafHash"]), 0, 1, path, Digest(p["rootHash"])).ok());
  EXPECT_THAT(std::string(p["checkpoint"].as_string()), HasSubstr("lcproc.test/ledger\n1\n"));

  std::string out = dir_.File("public");
  CliRun exported = RunLcproc({"ledger", "export", "--data-dir", data_, "--out", out});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  for (const char* path : {"checkpoint", "tile/0/000.p/1", "tile/entries/000.p/1"}) {
    EXPECT_TRUE(std::filesystem::exists(out + "/" + path)) << path;
  }
  EXPECT_EQ(ReadFile(out + "/checkpoint"),
            RunLcproc({"ledger", "checkpoint", "--data-dir", data_}).out);
  CliRun consistency =
      RunLcproc({"ledger", "proof", "consistency", "--data-dir", data_, "--from", "0"});
  EXPECT_EQ(consistency.exit_code, 0) << consistency.err;
}

TEST_F(EngineCliTest, AuditAndStartNoticeTampering) {
  ASSERT_EQ(Ingest(Line("COBADEHH", body_)).exit_code, 0);
  // Flip one byte of the signed body inside the stored leaf.
  Tamper(
      "UPDATE entries SET leaf = replace(leaf, CAST('HAMBURG' AS BLOB), CAST('HAMBURF' AS BLOB))");
  CliRun audit = RunLcproc({"audit", "--data-dir", data_});
  EXPECT_EQ(audit.exit_code, 1);
  EXPECT_THAT(audit.out, HasSubstr("entry 0"));

  Tamper(
      "UPDATE checkpoints SET note = replace(note, char(10) || '1' || char(10), char(10) || '2' || "
      "char(10))");
  CliRun start = Ingest(Line("COBADEHH", body_ + " "));
  EXPECT_EQ(start.exit_code, 2);
  EXPECT_THAT(start.err, HasSubstr("checkpoint"));
}

}  // namespace
}  // namespace lcproc::testing
