// Fuzzes the JSON document decoder (formats/json_codec.h): any bytes must decode or fail
// with a Status, and a decoded document must encode and decode to an equal document.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/formats/json_codec.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lcproc;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto doc = formats::DecodeJson(body);
  if (!doc.ok()) return 0;
  std::string encoded = formats::EncodeJson(*doc);
  auto again = formats::DecodeJson(encoded);
  FUZZ_CHECK(again.ok(), again.status().ToString() + " for " + encoded);
  FUZZ_CHECK(*again == *doc, encoded);
  FUZZ_CHECK(formats::EncodeJson(*again) == encoded, encoded);
  return 0;
}
