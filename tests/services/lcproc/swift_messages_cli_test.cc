// `lcproc swift` on the category 7 messages around a presentation and on MT700/MT701
// sequences, run as an operator would.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "tests/services/lcproc/cli_runner.h"
#include "tests/testing/source_file.h"

namespace lcproc::testing {
namespace {

boost::json::object Json(const std::string& text) { return boost::json::parse(text).as_object(); }
std::string Example(const std::string& type) {
  return SourcePath("schemas/examples/" + type + ".json");
}

TEST(SwiftMessagesCliTest, EveryMessageParsesToItsDocument) {
  struct Case {
    const char* file;
    const char* type;
  } cases[] = {{"mt730_lc_2026_0042.txt", "advice"},
               {"mt734_lc_2026_0042.txt", "examinationResult"},
               {"mt750_lc_2026_0042.txt", "examinationResult"},
               {"mt752_lc_2026_0042.txt", "waiver"},
               {"mt754_lc_2026_0042.txt", "payment"},
               {"mt756_lc_2026_0042.txt", "payment"}};
  for (const Case& c : cases) {
    CliRun run =
        RunLcproc({"swift", "parse", SourcePath(std::string("tests/testdata/swift/") + c.file)});
    ASSERT_EQ(run.exit_code, 0) << c.file << ": " << run.err;
    EXPECT_EQ(Json(run.out).at("type").as_string(), c.type) << c.file;
  }
}

// Document -> MT -> document through the command line, for every message type.
TEST(SwiftMessagesCliTest, WrittenMessagesParseBackToTheDocument) {
  struct Case {
    const char* type;
    const char* mt;
    const char* receiver;
  } cases[] = {{"advice", "730", "COBADEHH"},
               {"examinationResult", "734", "BFTVVNVX"},
               {"waiver", "752", "BFTVVNVX"},
               {"payment", "754", "DEUTDEFF"},
               {"payment", "756", "BFTVVNVX"}};
  for (const Case& c : cases) {
    CliRun written =
        RunLcproc({"swift", "write", "--document", Example(c.type), "--mt", c.mt, "--receiver",
                   c.receiver, "--amount", "USD125000,00", "--reference", "BFTV-NEG-0042"});
    ASSERT_EQ(written.exit_code, 0) << c.mt << ": " << written.err;
    EXPECT_NE(written.out.find(std::string("{2:I") + c.mt), std::string::npos) << written.out;
    CliRun parsed = RunLcproc({"swift", "parse"}, written.out);
    ASSERT_EQ(parsed.exit_code, 0) << c.mt << ": " << parsed.err;
    EXPECT_EQ(Json(parsed.out), Json(ReadFile(Example(c.type)))) << c.mt;
  }
}

TEST(SwiftMessagesCliTest, ReadsAnMt700WithItsMt701AsOneCredit) {
  std::string mt700 = ReadFile(SourcePath("tests/testdata/swift/mt700_lc_2026_0042.txt"));
  mt700.replace(mt700.find(":27:1/1"), 7, ":27:1/2");
  std::string file = mt700 +
                     "$\n{1:F01COBADEHHAXXX0000000000}{2:I701BFTVVNVXXXXXN}{4:\n:27:2/2\n"
                     ":20:LC-2026-0042\n:47A:+DOCUMENTS IN ENGLISH\n-}\n";
  CliRun run = RunLcproc({"swift", "parse"}, file);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  boost::json::object credit = Json(run.out);
  const boost::json::array& conditions = credit.at("additionalConditions").as_array();
  ASSERT_EQ(conditions.size(), 2u);
  EXPECT_EQ(conditions[1].as_string(), "DOCUMENTS IN ENGLISH");
}

TEST(SwiftMessagesCliTest, WriteErrorsExitTwoWithTheReason) {
  CliRun wrong = RunLcproc({"swift", "write", "--document", Example("payment"), "--mt", "734",
                            "--receiver", "BFTVVNVX", "--amount", "USD1,00"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("MT734 is written from a document of type examinationResult"),
            std::string::npos)
      << wrong.err;
  CliRun no_amount = RunLcproc({"swift", "write", "--document", Example("examinationResult"),
                                "--mt", "734", "--receiver", "BFTVVNVX"});
  EXPECT_EQ(no_amount.exit_code, 2);
  EXPECT_NE(no_amount.err.find("MT734 needs --amount"), std::string::npos) << no_amount.err;
  EXPECT_EQ(
      RunLcproc({"swift", "write", "--document", Example("payment"), "--mt", "754"}).exit_code, 2);
  EXPECT_EQ(
      RunLcproc({"swift", "write", "--credit", Example("letterOfCredit"), "--mt", "700"}).exit_code,
      2);
}

}  // namespace
}  // namespace lcproc::testing
