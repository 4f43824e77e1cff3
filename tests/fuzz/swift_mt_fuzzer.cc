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
#include "pipeline/formats/mt730.h"
#include "pipeline/formats/mt734.h"
#include "pipeline/formats/mt752.h"
#include "pipeline/formats/mt754.h"
#include "pipeline/formats/swift_message.h"
#include "pipeline/formats/swift_sequence.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

// MT -> struct -> MT -> struct for the messages whose struct holds more than the document.
template <class Mt, class Parse, class Write>
void RoundTrip(const lcproc::formats::SwiftMessage& message, Parse parse, Write write) {
  auto parsed = parse(message);
  if (!parsed.ok()) return;
  auto written = write(*parsed);
  FUZZ_CHECK(written.ok(), written.status().ToString());
  auto again = parse(lcproc::formats::ParseSwiftMessage(*written).value());
  FUZZ_CHECK(again.ok(), again.status().ToString() + " for " + *written);
  FUZZ_CHECK(*again == *parsed, *written);
}

void CategorySevenRoundTrip(const lcproc::formats::SwiftMessage& m) {
  using namespace lcproc::formats;
  const std::string type = m.MessageType();
  auto p730 = [](const SwiftMessage& x) { return ParseMt730(x); };
  auto p734 = [](const SwiftMessage& x) { return ParseMt734(x); };
  auto p750 = [](const SwiftMessage& x) { return ParseMt750(x); };
  auto p752 = [](const SwiftMessage& x) { return ParseMt752(x); };
  auto p754 = [](const SwiftMessage& x) { return ParseMt754(x); };
  auto p756 = [](const SwiftMessage& x) { return ParseMt756(x); };
  if (type == "730") RoundTrip<Mt730>(m, p730, [](const Mt730& x) { return WriteMt730(x); });
  if (type == "734") RoundTrip<Mt734>(m, p734, [](const Mt734& x) { return WriteMt734(x); });
  if (type == "750") RoundTrip<Mt750>(m, p750, [](const Mt750& x) { return WriteMt750(x); });
  if (type == "752") RoundTrip<Mt752>(m, p752, [](const Mt752& x) { return WriteMt752(x); });
  if (type == "754") RoundTrip<Mt754>(m, p754, [](const Mt754& x) { return WriteMt754(x); });
  if (type == "756") RoundTrip<Mt756>(m, p756, [](const Mt756& x) { return WriteMt756(x); });
}

}  // namespace

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
      FUZZ_CHECK(a.fields[j].tag == b.fields[j].tag && a.fields[j].lines == b.fields[j].lines,
                 written);
    }
  }

  if (messages->size() == 1) CategorySevenRoundTrip(messages->front());
  auto doc = formats::DecodeDocument(formats::ContentType::kSwiftMt, text);
  if (!doc.ok()) return 0;
  const trade::DocumentType type = trade::TypeOf(*doc);
  if (type != trade::DocumentType::kLetterOfCredit && type != trade::DocumentType::kAmendment) {
    // Written from their MT structs above; the JSON form must accept the document.
    auto json = formats::DecodeJson(formats::EncodeJson(*doc));
    FUZZ_CHECK(json.ok(), json.status().ToString() + " for " + formats::EncodeJson(*doc));
    FUZZ_CHECK(*json == *doc, formats::EncodeJson(*doc));
    return 0;
  }
  auto receiver_bic = formats::SwiftReceiverBic(messages->front());
  FUZZ_CHECK(receiver_bic.ok(), "a decoded message has no receiver");
  auto receiver = trade::Bic::Parse(*receiver_bic);
  FUZZ_CHECK(receiver.ok(), receiver.status().ToString());
  auto mt = formats::EncodeDocument(formats::ContentType::kSwiftMt, *doc, *receiver);
  FUZZ_CHECK(mt.ok(), mt.status().ToString() + " for " + formats::EncodeJson(*doc));
  auto again = formats::DecodeDocument(formats::ContentType::kSwiftMt, *mt);
  FUZZ_CHECK(again.ok(), again.status().ToString() + " for " + *mt);
  FUZZ_CHECK(*again == *doc, formats::EncodeJson(*doc) + "\nbecame\n" +
                                 formats::EncodeJson(*again) + "\nvia\n" + *mt);
  // One document, one answer: the JSON form accepts what the MT form accepted.
  auto json = formats::DecodeJson(formats::EncodeJson(*doc));
  FUZZ_CHECK(json.ok(), json.status().ToString() + " for " + formats::EncodeJson(*doc));
  FUZZ_CHECK(*json == *doc, formats::EncodeJson(*doc));
  return 0;
}
