// `lcproc demo` as the README's main command leaves it: the living demo network, run for
// a bounded number of documents against its real in-process server (127.0.0.1, an
// ephemeral port) and through the REST API with the banks' own tokens and signatures.
// The demo checks every answer itself (verdict, UCP 600 discrepancies, the 401 of a
// forged document, the 403 of another bank's, the first entry of a replay) and exits
// 1 on any surprise; here we check that it said so, that a second run continues the
// same ledger, and that the ledger audits clean afterwards.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/services/lcproc/cli_runner.h"

namespace lcproc::testing {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;

// The number after `label` in `out` (-1 when absent).
long NumberAfter(const std::string& out, const std::string& label) {
  size_t at = out.find(label);
  if (at == std::string::npos) return -1;
  at += label.size();
  size_t end = out.find_first_not_of("0123456789", at);
  if (end == at) return -1;
  return std::stol(out.substr(at, end - at));
}

TEST(DemoLiveTest, DrivesCreditsThroughTheRestApiAndEveryAnswerIsTheExpectedOne) {
  TempDir dir;
  const std::string data = dir.File("demo");
  CliRun first = RunLcproc({"demo", "--data-dir", data, "--port", "0", "--rate", "0", "--documents",
                            "400", "--seed", "11"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  const std::string& out = first.out;
  // The banner comes first: where to look and how to try it by hand.
  const size_t banner = out.find("the demo network is live on http://127.0.0.1:");
  ASSERT_NE(banner, std::string::npos) << out;
  EXPECT_LT(banner, out.find(" accepted"));
  EXPECT_THAT(out, HasSubstr("(new ledger)"));
  EXPECT_THAT(out, ContainsRegex("dashboard +http://127.0.0.1:[0-9]+/"));
  EXPECT_THAT(out, ContainsRegex("operator token +[A-Za-z0-9_-]{20,}"));
  EXPECT_THAT(out, ContainsRegex("bank token +[A-Za-z0-9_-]{20,}"));
  EXPECT_THAT(out, HasSubstr("bank key        " + data + "/demo-network/COBADEHHXXX.pem"));
  // The curl line signs with this very binary, named so that it runs from here: the
  // binary under test is not on PATH, so the banner gives its path.
  const size_t sign_at = out.find("x-jws-signature: $(");
  ASSERT_NE(sign_at, std::string::npos) << out;
  const size_t program = sign_at + std::string("x-jws-signature: $(").size();
  const size_t program_end = out.find(" sign --key ", program);
  ASSERT_NE(program_end, std::string::npos) << out;
  EXPECT_TRUE(std::filesystem::equivalent(out.substr(program, program_end - program),
                                          std::getenv("LCPROC_BIN")))
      << out.substr(program, program_end - program);
  // Every kind of traffic happened, and the demo found nothing unexpected.
  EXPECT_EQ(NumberAfter(out, ", documents "), 400) << out;
  EXPECT_GT(NumberAfter(out, "forged refused "), 0) << out;
  EXPECT_GT(NumberAfter(out, "another bank's refused "), 0) << out;
  EXPECT_GT(NumberAfter(out, "replays answered with their first entry "), 0) << out;
  EXPECT_GT(NumberAfter(out, "with discrepancies "), 0) << out;
  // Each of the five defects of the demo's traffic, each found as its one UCP 600 code
  // (and the demo checked every one against what it planned).
  for (const char* code : {"LATE_SHIPMENT", "LATE_PRESENTATION", "BL_PORT_OF_LOADING",
                           "INSURANCE_UNDERINSURED", "DRAWING_EXCEEDS_BALANCE"}) {
    EXPECT_THAT(out, ContainsRegex(std::string("discrepancies:[^\n]* ") + code + "=")) << code;
  }
  // The reimbursing bank of 53a paid some credits with its own token and key.
  EXPECT_GT(NumberAfter(out, "payments by the reimbursing bank (53a) "), 0) << out;
  EXPECT_THAT(out, HasSubstr("  201 CITIUS33 payment "));
  // The examination coverage, measured from the ledger: some documents (the shipping
  // company's certificates) were left in part to a document checker, most were not.
  const size_t at = out.find("examination coverage: ");
  ASSERT_NE(at, std::string::npos) << out;
  const std::string line = out.substr(at, out.find('\n', at) - at);
  const long automatic = NumberAfter(line, "coverage: "), presented = NumberAfter(line, " of ");
  EXPECT_GT(automatic, 0) << out;
  EXPECT_LT(automatic, presented) << out;
  EXPECT_THAT(out, ContainsRegex("examination coverage: [0-9]+ of [0-9]+ documents presented "
                                 "\\([0-9]+\\.[0-9]%\\) in [0-9]+ presentations"));
  EXPECT_THAT(out, ContainsRegex("documents by type:[^\n]* letterOfCredit=[^\n]* presentation="));
  EXPECT_THAT(out, HasSubstr("unexpected answers 0"));
  EXPECT_THAT(out, HasSubstr("stopped cleanly"));
  EXPECT_EQ(out.find("UNEXPECTED"), std::string::npos) << out;

  // `lcproc coverage` reads the same figure back from the ledger alone.
  CliRun coverage = RunLcproc({"coverage", "--data-dir", data});
  ASSERT_EQ(coverage.exit_code, 0) << coverage.out << coverage.err;
  EXPECT_EQ(coverage.out, line + "\n");

  // A second run reopens the same ledger, tokens and keys, and continues it.
  CliRun second = RunLcproc(
      {"demo", "--data-dir", data, "--port", "0", "--rate", "0", "--documents", "20", "--quiet"});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_THAT(second.out, HasSubstr("(same ledger as before)"));
  EXPECT_THAT(second.out, HasSubstr("unexpected answers 0"));
  // The same tokens as the first run: they were kept, not made again.
  const size_t t1 = out.find("bank token"), t2 = second.out.find("bank token");
  ASSERT_NE(t2, std::string::npos);
  EXPECT_EQ(out.substr(t1, out.find('\n', t1) - t1),
            second.out.substr(t2, second.out.find('\n', t2) - t2));

  CliRun audit = RunLcproc({"audit", "--data-dir", data});
  EXPECT_EQ(audit.exit_code, 0) << audit.out << audit.err;
}

TEST(DemoLiveTest, RefusesBadFlagsWithAClearMessage) {
  TempDir dir;
  CliRun run = RunLcproc({"demo", "--data-dir", dir.File("d"), "--rate", "fast"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err,
              HasSubstr("lcproc demo: --port, --rate, --documents, --for and --seed want numbers"));
}

}  // namespace
}  // namespace lcproc::testing
