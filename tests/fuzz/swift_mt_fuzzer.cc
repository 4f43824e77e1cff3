// Fuzzes the SWIFT MT decoders: the FIN tokenizer (formats/swift_message.h) and every
// message lcproc maps (MT700 with MT701s, MT707 with MT708s, and the category 7 messages
// of formats/mt7xx.h) through DecodeDocument. A decoded document must write back to MT
// and read back equal; a message that tokenizes must write and tokenize to equal fields.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/formats/document_codec.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/swift_message.h"
#include "pipeline/formats/swift_sequence.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lcproc;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto messages = formats::ParseSwiftMessages(text);
  if (!messages.ok()) {
    FUZZ_CHECK(!formats::DecodeDocument(formats::ContentType::kSwiftMt, text).ok(),
               "a document decoded from bytes that do not tokenize");
    return 0;
  }
  // The tokenizer's own round trip.
  std::string written = formats::WriteSwiftMessages(*messages);
  auto retokenized = formats::ParseSwiftMessages(written);
  FUZZ_CHECK(retokenized.ok(), retokenized.status().ToString() + " for " + written);
  FUZZ_CHECK(retokenized->size() == messages->size(), written);
  for (size_t i = 0; i < messages->size(); ++i) {
    const formats::SwiftMessage& a = (*messages)[i];
    const formats::SwiftMessage& b = (*retokenized)[i];
    FUZZ_CHECK(a.basic_header == b.basic_header && a.application_header == b.application_header &&
                   a.user_header == b.user_header && a.trailer == b.trailer,
               written);
    FUZZ_CHECK(a.fields.size() == b.fields.size(), written);
    for (size_t j = 0; j < a.fields.size(); ++j) {
      FUZZ_CHECK(a.fields[j].tag == b.fields[j].tag && a.fields[j].lines == b.fields[j].lines, written);
    }
  }

  auto doc = formats::DecodeDocument(formats::ContentType::kSwiftMt, text);
  if (!doc.ok()) return 0;
  auto receiver_bic = formats::SwiftReceiverBic(messages->front());
  FUZZ_CHECK(receiver_bic.ok(), "a decoded message has no receiver");
  auto receiver = trade::Bic::Parse(*receiver_bic);
  FUZZ_CHECK(receiver.ok(), receiver.status().ToString());
  auto mt = formats::EncodeDocument(formats::ContentType::kSwiftMt, *doc, *receiver);
  FUZZ_CHECK(mt.ok(), mt.status().ToString() + " for " + formats::EncodeJson(*doc));
  auto again = formats::DecodeDocument(formats::ContentType::kSwiftMt, *mt);
  FUZZ_CHECK(again.ok(), again.status().ToString() + " for " + *mt);
  FUZZ_CHECK(*again == *doc, formats::EncodeJson(*doc) + "\nbecame\n" + formats::EncodeJson(*again) + "\nvia\n" + *mt);
  // One document, one answer: the JSON form accepts what the MT form accepted.
  auto json = formats::DecodeJson(formats::EncodeJson(*doc));
  FUZZ_CHECK(json.ok(), json.status().ToString() + " for " + formats::EncodeJson(*doc));
  FUZZ_CHECK(*json == *doc, formats::EncodeJson(*doc));
  return 0;
}
