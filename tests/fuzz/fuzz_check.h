// FUZZ_CHECK: the round-trip assertions of the fuzz harnesses. A failed check prints what
// differed and aborts, which libFuzzer reports as a crash (saving the input) and the corpus
// replay test (replay_main.cc) reports as a failure. Used only by tests/fuzz/.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition, what)                                                               \
  do {                                                                                            \
    if (!(condition)) {                                                                           \
      std::fprintf(stderr, "%s:%d: round trip broken: %s (%s)\n", __FILE__, __LINE__, #condition, \
                   std::string(what).c_str());                                                    \
      std::abort();                                                                               \
    }                                                                                             \
  } while (false)
