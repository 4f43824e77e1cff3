// Reads known-answer files from tests/testdata/ for the crypto tests. The repository
// root comes from $LCPROC_SOURCE_DIR (set by ctest), else the working directory.
#pragma once

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace lcproc::crypto::testing {

inline std::string SourceDir() {
  const char* dir = std::getenv("LCPROC_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

// The whole file tests/testdata/<relative>; throws when it cannot be read, so a test
// with a missing vector file fails instead of passing vacuously.
inline std::string ReadTestData(const std::string& relative) {
  std::string path = SourceDir() + "/tests/testdata/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read test data " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace lcproc::crypto::testing
