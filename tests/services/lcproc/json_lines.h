// A command's output of one JSON object a line (`lcproc ingest`, `ledger`), parsed.
// Header-only: the CLI tests that read such output already include Boost.JSON.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "tests/services/lcproc/cli_runner.h"

namespace lcproc::testing {

inline std::vector<boost::json::object> JsonLines(const std::string& out) {
  std::vector<boost::json::object> lines;
  for (const std::string& line : OutputLines(out)) {
    lines.push_back(boost::json::parse(line).as_object());
  }
  return lines;
}

}  // namespace lcproc::testing
