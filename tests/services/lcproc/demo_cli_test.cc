// `lcproc demo`, the README's main command, run as a person would: on a fresh data
// directory and again on the same one. The story's answers are the engine's real
// answers (lifecycle, UCP 600 examination, JWS authentication, replay detection), so
// these assertions pin down the whole system end to end.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/services/lcproc/cli_runner.h"

namespace lcproc::testing {
namespace {

using ::testing::ContainsRegex;

// gtest's regular expressions (POSIX extended here, where `.` also matches a newline):
// "[^\n]*" keeps a match on one line. std::regex is avoided: GCC 12 warns inside it
// (-Wmaybe-uninitialized, a libstdc++ false positive) in the sanitizer build.
constexpr char kOnOneLine[] = "[^\n]*";

// The answer printed on the line that describes `step` (text before the dots).
std::string AnswerOf(const std::string& out, const std::string& step) {
  size_t at = out.find(step);
  if (at == std::string::npos) return "<no step '" + step + "'>";
  size_t eol = out.find('\n', at);
  std::string line = out.substr(at, eol - at);
  // "  5. <step> ...... accepted #4": the answer follows the run of dots.
  size_t dots = line.find(" ..", step.size());
  size_t answer = dots == std::string::npos ? dots : line.find_first_not_of(". ", dots);
  return answer == std::string::npos ? line : line.substr(answer);
}

void ExpectStory(const CliRun& run) {
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const std::string& out = run.out;
  EXPECT_NE(out.find("most complete lcproc today"), std::string::npos);
  EXPECT_EQ(AnswerOf(out, "BFTVVNVX advises it, DBSSSGSG").substr(0, 8), "accepted");
  EXPECT_EQ(AnswerOf(out, "COBADEHH amends it").substr(0, 8), "accepted");
  EXPECT_EQ(AnswerOf(out, "BFTVVNVX presents 5 documents").substr(0, 8), "accepted");
  EXPECT_EQ(AnswerOf(out, "COBADEHH pays the compliant").substr(0, 8), "accepted");
  // A closed credit pays nothing twice: recorded, but rejected by the lifecycle.
  EXPECT_EQ(AnswerOf(out, "pays presentation 1 a second time").substr(0, 8), "rejected");
  EXPECT_NE(out.find("CREDIT_CLOSED"), std::string::npos);
  // The replay gets the presentation's own first index, not a new entry.
  const std::string presented = AnswerOf(out, "BFTVVNVX presents 5 documents");
  const size_t hash = presented.find('#');
  ASSERT_NE(hash, std::string::npos) << presented;
  const std::string index =
      presented.substr(hash + 1, presented.find_first_not_of("0123456789", hash + 1) - hash - 1);
  ASSERT_FALSE(index.empty()) << presented;
  EXPECT_EQ(AnswerOf(out, "replays the signed presentation"),
            "accepted #" + index + " (a replay: answered with its first entry)");
  // Late shipment: found by the examiner with its UCP 600 articles, refused, waived, paid.
  EXPECT_NE(out.find("discrepancy LATE_SHIPMENT art. 20(a)(ii), 29(c) billOfLading.onBoardDate"),
            std::string::npos);
  EXPECT_EQ(AnswerOf(out, "refuses: a single notice").substr(0, 8), "accepted");
  EXPECT_EQ(AnswerOf(out, "forwards the applicant's waiver").substr(0, 8), "accepted");
  EXPECT_EQ(AnswerOf(out, "pays the waived presentation").substr(0, 8), "accepted");
  // Forgeries never reach the ledger.
  EXPECT_EQ(AnswerOf(out, "a payment altered after"), "refused");
  EXPECT_NE(out.find("unauthenticated: ES256 signature does not verify"), std::string::npos);
  EXPECT_EQ(AnswerOf(out, "signed with a key no bank registered"), "refused");
  EXPECT_NE(out.find("unauthenticated: unknown key id"), std::string::npos);
  // Proofs and audit.
  EXPECT_NE(out.find("its signature verifies"), std::string::npos);
  const std::string any(kOnOneLine);
  EXPECT_THAT(out, ContainsRegex("Inclusion proof of entry #[0-9]+ " + any + " verified"));
  EXPECT_THAT(out, ContainsRegex("Consistency proof from " + any + " verified"));
  EXPECT_THAT(out, ContainsRegex("Audit: [0-9]+ entries " + any + ": OK"));
  EXPECT_THAT(out, ContainsRegex("Burst: 200 signed documents " + any + " docs/s durable"));
  EXPECT_NE(out.find("accepted 200, rejected 0, other 0"), std::string::npos);
  EXPECT_EQ(out.find("UNEXPECTED"), std::string::npos);
}

TEST(DemoCliTest, TellsTheWholeStoryOnAFreshDirectoryAndContinuesItOnTheSecondRun) {
  TempDir dir;
  const std::string data = dir.File("demo");
  CliRun first = RunLcproc({"demo", "--data-dir", data, "--burst", "200"});
  ExpectStory(first);
  EXPECT_NE(first.out.find("created, with a new demo network"), std::string::npos);
  EXPECT_NE(first.out.find("Ledger now holds 213 entries"), std::string::npos) << first.out;

  CliRun second = RunLcproc({"demo", "--data-dir", data, "--burst", "200"});
  ExpectStory(second);
  EXPECT_NE(second.out.find("continuing a ledger of 213 entries"), std::string::npos);
  EXPECT_NE(second.out.find("issues credit D213A"), std::string::npos);
  EXPECT_NE(second.out.find("Consistency proof from the checkpoint of size 213 to 226"),
            std::string::npos)
      << second.out;
  EXPECT_NE(second.out.find("Ledger now holds 426 entries"), std::string::npos);
}

TEST(DemoCliTest, RefusesAnUnusableDataDirectoryWithUsageExit) {
  TempDir dir;
  WriteFile(dir.File("file"), "not a directory");
  CliRun run = RunLcproc({"demo", "--data-dir", dir.File("file") + "/sub", "--burst", "0"});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("lcproc demo:"), std::string::npos);
}

}  // namespace
}  // namespace lcproc::testing
