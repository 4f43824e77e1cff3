// Fuzzes the participant registry file parser (formats/registry_json.h): any bytes must
// parse or fail with a Status; a parsed registry written back parses to the same banks and
// keys.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/formats/registry_json.h"
#include "tests/fuzz/fuzz_check.h"

namespace participants = lcproc::participants;
using lcproc::formats::ParseRegistryJson;
using lcproc::formats::RegistryToJson;

namespace {

bool SameKeys(const std::vector<participants::BankKey>& a,
              const std::vector<participants::BankKey>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].kid != b[i].kid || a[i].key.ToPem() != b[i].key.ToPem() ||
        a[i].not_before_millis != b[i].not_before_millis ||
        a[i].not_after_millis != b[i].not_after_millis || a[i].revoked != b[i].revoked) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view json(reinterpret_cast<const char*>(data), size);
  auto registry = ParseRegistryJson(json);
  if (!registry.ok()) return 0;
  std::string written = RegistryToJson(*registry);
  auto again = ParseRegistryJson(written);
  FUZZ_CHECK(again.ok(), again.status().ToString() + " for " + written);
  FUZZ_CHECK(again->banks().size() == registry->banks().size(), written);
  for (size_t i = 0; i < registry->banks().size(); ++i) {
    const auto& a = registry->banks()[i];
    const auto& b = again->banks()[i];
    FUZZ_CHECK(a.bic == b.bic && a.name == b.name && a.roles == b.roles && SameKeys(a.keys, b.keys),
               written);
  }
  FUZZ_CHECK(RegistryToJson(*again) == written, written);
  return 0;
}
