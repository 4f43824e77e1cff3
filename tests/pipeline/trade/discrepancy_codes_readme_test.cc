// The README's table of UCP 600 discrepancy codes ("For trade operations", "Automatic
// examination") is the catalogue of pipeline/trade/discrepancy_codes.h: every rule the
// examiner can report is listed once with its article and summary, and nothing else is.
// Operations read that table; this keeps it from drifting from the code.
#include "pipeline/trade/discrepancy_codes.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace lcproc::trade {
namespace {

struct Row {
  std::string article, summary;
};

// The rows "| `CODE` | article | summary |" of the README's code table.
std::map<std::string, Row> ReadmeCodes(int* duplicates) {
  const char* root = std::getenv("LCPROC_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : ".") + "/README.md");
  EXPECT_TRUE(in.good()) << "README.md not found (LCPROC_SOURCE_DIR)";
  std::map<std::string, Row> rows;
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("| code | UCP 600 article |", 0) == 0) {
      in_table = true;
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("| --- ", 0) == 0) continue;
    if (line.rfind("| `", 0) != 0) break;  // the table ended
    // | `CODE` | article | summary |
    std::vector<std::string> cells;
    std::stringstream cut(line.substr(1));
    std::string cell;
    while (std::getline(cut, cell, '|')) {
      const size_t a = cell.find_first_not_of(' '), b = cell.find_last_not_of(' ');
      cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    }
    if (cells.size() < 3) continue;
    std::string code = cells[0];
    if (code.size() > 2 && code.front() == '`' && code.back() == '`') {
      code = code.substr(1, code.size() - 2);
    }
    if (rows.count(code)) ++*duplicates;
    rows[code] = Row{cells[1], cells[2]};
  }
  return rows;
}

TEST(DiscrepancyCodesReadmeTest, TheReadmeListsEveryCodeWithItsArticleAndSummary) {
  int duplicates = 0;
  const std::map<std::string, Row> readme = ReadmeCodes(&duplicates);
  EXPECT_EQ(duplicates, 0);
  ASSERT_FALSE(readme.empty()) << "no code table found in README.md";
  for (const ExaminationRule& rule : AllExaminationRules()) {
    auto it = readme.find(std::string(rule.code));
    if (it == readme.end()) {
      ADD_FAILURE() << "README.md does not list " << rule.code << " (art. " << rule.article << ")";
      continue;
    }
    EXPECT_EQ(it->second.article, rule.article) << rule.code;
    EXPECT_EQ(it->second.summary, rule.summary) << rule.code;
  }
  for (const auto& [code, row] : readme) {
    EXPECT_NE(FindExaminationRule(code), nullptr)
        << "README.md lists " << code << ", which no rule reports";
  }
  EXPECT_EQ(readme.size(), AllExaminationRules().size());
}

}  // namespace
}  // namespace lcproc::trade
