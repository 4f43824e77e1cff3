// Reads known-answer files from tests/testdata/ for the crypto tests. The repository
// root comes from $LCPROC_SOURCE_DIR (set by ctest), else the working directory.
#pragma once

#include <string>

#include "tests/testing/source_file.h"

namespace lcproc::crypto::testing {

// The whole file tests/testdata/<relative>; throws when it cannot be read, so a test
// with a missing vector file fails instead of passing vacuously.
inline std::string ReadTestData(const std::string& relative) {
  return lcproc::testing::ReadSourceFile("tests/testdata/" + relative);
}

}  // namespace lcproc::crypto::testing
