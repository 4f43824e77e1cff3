// Files of the source tree for tests: examples, known-answer vectors, SWIFT samples.
// The repository root comes from $LCPROC_SOURCE_DIR (ctest sets it), else the working
// directory (ctest runs tests from the root). Header-only, so any test target may use it.
#pragma once

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace lcproc::testing {

// The path of `relative` ("schemas/examples/payment.json") in the source tree.
inline std::string SourcePath(const std::string& relative) {
  const char* root = std::getenv("LCPROC_SOURCE_DIR");
  return std::string(root != nullptr ? root : ".") + "/" + relative;
}

// The whole file; throws when it cannot be read, so a test whose input is missing fails
// instead of running on an empty string.
inline std::string ReadSourceFile(const std::string& relative) {
  const std::string path = SourcePath(relative);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace lcproc::testing
