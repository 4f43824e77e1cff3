// Fuzzes the Cap'n Proto document decoder (formats/capnp_codec.h): any bytes must decode
// or fail with a Status within the traversal and nesting limits, and a decoded document
// must encode and decode to an equal document (and agree with its JSON form).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/formats/capnp_codec.h"
#include "pipeline/formats/json_codec.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lcproc;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto doc = formats::DecodeCapnp(body);
  if (!doc.ok()) return 0;
  auto encoded = formats::EncodeCapnp(*doc);
  FUZZ_CHECK(encoded.ok(), encoded.status().ToString());
  auto again = formats::DecodeCapnp(*encoded);
  FUZZ_CHECK(again.ok(), again.status().ToString());
  FUZZ_CHECK(*again == *doc, formats::EncodeJson(*doc));
  // One document, one answer: the JSON form accepts what the Cap'n Proto form accepted.
  auto json = formats::DecodeJson(formats::EncodeJson(*doc));
  FUZZ_CHECK(json.ok(), json.status().ToString() + " for " + formats::EncodeJson(*doc));
  FUZZ_CHECK(*json == *doc, formats::EncodeJson(*doc));
  return 0;
}
