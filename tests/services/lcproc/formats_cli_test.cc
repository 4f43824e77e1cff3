// `lcproc examine` and `lcproc swift`, run as an operator would, on the examples of
// schemas/examples/ and the SWIFT messages of tests/testdata/swift/.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <string>

#include "tests/services/lcproc/cli_runner.h"
#include "tests/testing/source_file.h"

namespace lcproc::testing {
namespace {

std::string Credit() { return SourcePath("schemas/examples/letterOfCredit.json"); }
std::string Presentation() { return SourcePath("schemas/examples/presentation.json"); }

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

boost::json::object Json(const std::string& text) { return boost::json::parse(text).as_object(); }

TEST(ExamineCliTest, CompliantPresentationExitsZero) {
  CliRun run = RunLcproc({"examine", "--credit", Credit(), "--presentation", Presentation()});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  boost::json::object out = Json(run.out);
  EXPECT_EQ(out.at("decision"), "compliant");
  EXPECT_TRUE(out.at("discrepancies").as_array().empty());
  EXPECT_EQ(out.at("deadline"), "2026-04-09");
  // Six documents, each examined wholly automatically; nothing left to a checker.
  EXPECT_EQ(out.at("documentsPresented"), 6);
  EXPECT_EQ(out.at("documentsExaminedAutomatically"), 6);
  EXPECT_FALSE(out.contains("manualChecks"))
      << run.out;  // 5 banking days after Thu 2 April, art. 14(b)
}

TEST(ExamineCliTest, LateShipmentIsADiscrepancyWithItsArticle) {
  TempDir dir;
  WriteFile(dir.File("p.json"), Replace(ReadFile(Presentation()), R"("onBoardDate": "2026-03-20")",
                                        R"("onBoardDate": "2026-04-01")"));
  CliRun run = RunLcproc({"examine", "--credit", Credit(), "--presentation", dir.File("p.json")});
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  boost::json::object out = Json(run.out);
  EXPECT_EQ(out.at("decision"), "discrepant");
  bool found = false;
  for (const auto& d : out.at("discrepancies").as_array()) {
    const auto& o = d.as_object();
    for (const char* key : {"code", "article", "document", "field", "message"}) {
      EXPECT_TRUE(o.contains(key)) << key;
    }
    found = found || (o.at("document") == "billOfLading" && o.at("field") == "onBoardDate");
  }
  EXPECT_TRUE(found) << run.out;
}

TEST(ExamineCliTest, PresentingAfterExpiryIsDiscrepant) {
  CliRun run = RunLcproc(
      {"examine", "--credit", Credit(), "--presentation", Presentation(), "--on", "2026-05-04"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
}

TEST(ExamineCliTest, EarlierDrawingsReduceTheBalance) {
  TempDir dir;
  std::string credit = ReadFile(Credit());
  std::string drawing =
      Replace(ReadFile(Presentation()), R"("presentationNumber": 1)", R"("presentationNumber": 0)");
  WriteFile(dir.File("lc.json"),
            R"({"credit": )" + credit + R"(, "amendments": [], "drawings": [)" + drawing + "]}");
  CliRun run =
      RunLcproc({"examine", "--credit", dir.File("lc.json"), "--presentation", Presentation()});
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_EQ(Json(run.out).at("availableBefore").at("amount"), "6250.00");  // 131250 - 125000
}

TEST(ExamineCliTest, AcceptedAmendmentsApplyBeforeExamination) {
  TempDir dir;
  WriteFile(dir.File("lc.json"), R"({"credit": )" + ReadFile(Credit()) + R"(, "amendments": [)" +
                                     ReadFile(SourcePath("schemas/examples/amendment.json")) +
                                     "]}");
  CliRun run = RunLcproc({"examine", "--credit", dir.File("lc.json"), "--presentation",
                          Presentation(), "--on", "2026-05-04"});
  // The amendment moved expiry to 2026-05-15: no expiry discrepancy on 4 May. The balance
  // grew by USD 12,500.00 (plus 5% tolerance on the new amount).
  boost::json::object out = Json(run.out);
  EXPECT_EQ(out.at("availableBefore").at("amount"), "144375.00") << run.out << run.err;
  for (const auto& d : out.at("discrepancies").as_array()) {
    EXPECT_NE(d.at("field"), "expiryDate") << run.out;
  }
}

TEST(ExamineCliTest, BadInputExitsTwoWithTheJsonPointer) {
  TempDir dir;
  WriteFile(dir.File("lc.json"),
            Replace(ReadFile(Credit()), R"("currency": "USD", "amount": "125000.00")",
                    R"("currency": "USX", "amount": "125000.00")"));
  CliRun run =
      RunLcproc({"examine", "--credit", dir.File("lc.json"), "--presentation", Presentation()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("/amount/currency: "), std::string::npos) << run.err;

  run = RunLcproc({"examine", "--credit", Credit(), "--presentation", Credit()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("/type: expected presentation, got letterOfCredit"), std::string::npos)
      << run.err;

  run = RunLcproc({"examine", "--credit", Credit()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--presentation"), std::string::npos);
}

TEST(ExamineCliTest, CalendarHolidayExtendsTheDeadline) {
  TempDir dir;
  WriteFile(dir.File("cal.txt"), "name VN\nholiday 2026-04-06 Hung Kings Festival\n");
  CliRun run = RunLcproc({"examine", "--credit", Credit(), "--presentation", Presentation(),
                          "--calendar", dir.File("cal.txt")});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(Json(run.out).at("deadline"), "2026-04-10");
}

TEST(SwiftCliTest, ParsesAnMt700IntoTheJsonContract) {
  CliRun run = RunLcproc({"swift", "parse"},
                         ReadFile(SourcePath("tests/testdata/swift/mt700_lc_2026_0042.txt")));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  boost::json::object out = Json(run.out);
  ASSERT_EQ(out.at("extraFields").as_array().size(), 2u);
  out.erase("extraFields");
  EXPECT_EQ(out, Json(ReadFile(Credit())));
}

// Issue 12: the example MT700 with a phytosanitary certificate and a sight draft added to
// 46A goes in, and a presentation carrying both is examined: compliant, with the issuer the
// credit names in other words left to a document checker and the coverage stated.
TEST(SwiftCliTest, CreditRequiringAnyDocumentParsesAndExamines) {
  std::string mt = Replace(ReadFile(SourcePath("tests/testdata/swift/mt700_lc_2026_0042.txt")),
                           "+PACKING LIST IN 1 ORIGINAL AND 2 COPIES",
                           "+PACKING LIST IN 1 ORIGINAL AND 2 COPIES\r\n"
                           "+PHYTOSANITARY CERTIFICATE ISSUED BY PLANT PROTECTION DEPT\r\n"
                           "+SIGHT DRAFT DRAWN ON ISSUING BANK");
  CliRun parsed = RunLcproc({"swift", "parse", "-"}, mt);
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  boost::json::array required = Json(parsed.out).at("documentsRequired").as_array();
  ASSERT_EQ(required.size(), 7u);
  EXPECT_EQ(required[5].at("type"), "phytosanitaryCertificate");
  EXPECT_EQ(required[5].at("issuer"), "PLANT PROTECTION DEPT");
  EXPECT_EQ(required[6].at("type"), "draft");

  TempDir dir;
  WriteFile(dir.File("lc.json"), parsed.out);
  boost::json::object p = Json(ReadFile(Presentation()));
  boost::json::object air = Json(ReadFile(SourcePath("schemas/examples/presentation.air.json")));
  for (const auto& cert : air.at("certificates").as_array()) {
    if (cert.at("type") == "phytosanitaryCertificate") p["certificates"] = boost::json::array{cert};
  }
  WriteFile(dir.File("p.json"), boost::json::serialize(p));
  CliRun run =
      RunLcproc({"examine", "--credit", dir.File("lc.json"), "--presentation", dir.File("p.json")});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  boost::json::object out = Json(run.out);
  EXPECT_EQ(out.at("decision"), "compliant");
  EXPECT_EQ(out.at("documentsPresented"), 7);
  EXPECT_EQ(out.at("documentsExaminedAutomatically"), 6);
  ASSERT_EQ(out.at("manualChecks").as_array().size(), 1u) << run.out;
  EXPECT_EQ(out.at("manualChecks").as_array()[0].at("document"), "phytosanitaryCertificate");
  EXPECT_EQ(out.at("manualChecks").as_array()[0].at("field"), "issuer");
}

TEST(SwiftCliTest, MalformedMessageNamesLineAndTag) {
  std::string mt = Replace(ReadFile(SourcePath("tests/testdata/swift/mt700_lc_2026_0042.txt")),
                           ":32B:USD125000,00", ":32B:USD125000.00");
  CliRun run = RunLcproc({"swift", "parse", "-"}, mt);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("line 18, tag 32B: amount must use a comma decimal separator"),
            std::string::npos)
      << run.err;
}

TEST(SwiftCliTest, WrittenMt700ParsesBackToTheSameCredit) {
  CliRun written = RunLcproc({"swift", "write", "--credit", Credit()});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(written.out.rfind("{1:F01COBADEHHAXXX0000000000}{2:I700BFTVVNVXXXXXN}{4:\r\n", 0), 0u);
  CliRun parsed = RunLcproc({"swift", "parse"}, written.out);
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  EXPECT_EQ(Json(parsed.out), Json(ReadFile(Credit())));
}

TEST(SwiftCliTest, WritesAnMt707ForAnAmendment) {
  CliRun written =
      RunLcproc({"swift", "write", "--amendment", SourcePath("schemas/examples/amendment.json"),
                 "--receiver", "BFTVVNVX"});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_NE(written.out.find(":26E:1\r\n"), std::string::npos);
  CliRun parsed = RunLcproc({"swift", "parse"}, written.out);
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  EXPECT_EQ(Json(parsed.out), Json(ReadFile(SourcePath("schemas/examples/amendment.json"))));
}

TEST(SwiftCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunLcproc({"swift"}).exit_code, 2);
  EXPECT_EQ(RunLcproc({"swift", "translate"}).exit_code, 2);
  EXPECT_EQ(RunLcproc({"swift", "write"}).exit_code, 2);
  EXPECT_EQ(
      RunLcproc({"swift", "write", "--amendment", SourcePath("schemas/examples/amendment.json")})
          .exit_code,
      2);
  EXPECT_EQ(RunLcproc({"swift", "write", "--credit", Presentation()}).exit_code, 2);
  EXPECT_EQ(RunLcproc({"swift", "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace lcproc::testing
