#include "pipeline/formats/document_codec.h"

#include <cctype>

#include "pipeline/formats/capnp_codec.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/mt700.h"
#include "pipeline/formats/mt707.h"
#include "pipeline/formats/mt730.h"
#include "pipeline/formats/mt734.h"
#include "pipeline/formats/mt752.h"
#include "pipeline/formats/mt754.h"

namespace lcproc::formats {
namespace {

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Result<trade::Document> DecodeSwift(std::string_view body) {
  LCPROC_ASSIGN_OR_RETURN(std::vector<SwiftMessage> messages, ParseSwiftMessages(body));
  const std::string type = messages.front().MessageType();
  if (type == "700") {
    LCPROC_ASSIGN_OR_RETURN(trade::LetterOfCredit credit, ParseMt700Sequence(messages));
    return trade::Document(std::move(credit));
  }
  if (type == "707") {
    LCPROC_ASSIGN_OR_RETURN(trade::Amendment amendment, ParseMt707Sequence(messages));
    return trade::Document(std::move(amendment));
  }
  if (messages.size() > 1) {
    return InvalidArgument("line 1: MT" + type +
                           " is a single message; a file of several messages "
                           "is an MT700/MT701 or MT707/MT708 sequence");
  }
  const SwiftMessage& m = messages.front();
  if (type == "730") {
    LCPROC_ASSIGN_OR_RETURN(Mt730 mt, ParseMt730(m));
    return trade::Document(std::move(mt.advice));
  }
  if (type == "734") {
    LCPROC_ASSIGN_OR_RETURN(Mt734 mt, ParseMt734(m));
    return trade::Document(std::move(mt.result));
  }
  if (type == "750") {
    LCPROC_ASSIGN_OR_RETURN(Mt750 mt, ParseMt750(m));
    return trade::Document(std::move(mt.result));
  }
  if (type == "752") {
    LCPROC_ASSIGN_OR_RETURN(Mt752 mt, ParseMt752(m));
    return trade::Document(std::move(mt.waiver));
  }
  if (type == "754") {
    LCPROC_ASSIGN_OR_RETURN(Mt754 mt, ParseMt754(m));
    return trade::Document(std::move(mt.payment));
  }
  if (type == "756") {
    LCPROC_ASSIGN_OR_RETURN(Mt756 mt, ParseMt756(m));
    return trade::Document(std::move(mt.payment));
  }
  return InvalidArgument("line 1: MT" + type +
                         " is not accepted; lcproc reads MT700 (with MT701), MT707 "
                         "(with MT708), MT730, MT734, MT750, MT752, MT754 and MT756");
}

}  // namespace

std::string_view ContentTypeName(ContentType type) {
  switch (type) {
    case ContentType::kJson: return kJsonContentType;
    case ContentType::kCapnp: return kCapnpContentType;
    case ContentType::kSwiftMt: return kSwiftMtContentType;
  }
  return "";
}

Result<ContentType> ParseContentType(std::string_view header) {
  size_t semicolon = header.find(';');
  std::string media = Trimmed(header.substr(0, semicolon));
  std::string params =
      semicolon == std::string_view::npos ? "" : Trimmed(header.substr(semicolon + 1));
  if (media == kJsonContentType) {
    // RFC 8259 section 8.1: JSON exchanged between systems is UTF-8.
    if (!params.empty() && params != "charset=utf-8" && params != "charset=\"utf-8\"") {
      return InvalidArgument("application/json must be UTF-8, not '" + params + "'");
    }
    return ContentType::kJson;
  }
  if (media == kCapnpContentType || media == "application/capnp") return ContentType::kCapnp;
  if (media == kSwiftMtContentType) return ContentType::kSwiftMt;
  return InvalidArgument("unsupported content type '" + std::string(header) + "'; use " +
                         std::string(kJsonContentType) + ", " + std::string(kCapnpContentType) +
                         " or " + std::string(kSwiftMtContentType));
}

Result<trade::Document> DecodeDocument(ContentType type, std::string_view body) {
  switch (type) {
    case ContentType::kJson: return DecodeJson(body);
    case ContentType::kCapnp: return DecodeCapnp(body);
    case ContentType::kSwiftMt: return DecodeSwift(body);
  }
  return Internal("unknown content type");
}

Result<trade::Document> DecodeDocument(std::string_view content_type, std::string_view body) {
  LCPROC_ASSIGN_OR_RETURN(ContentType type, ParseContentType(content_type));
  return DecodeDocument(type, body);
}

Result<std::string> EncodeDocument(ContentType type, const trade::Document& document,
                                   const trade::Bic& swift_receiver) {
  switch (type) {
    case ContentType::kJson: return EncodeJson(document);
    case ContentType::kCapnp: return EncodeCapnp(document);
    case ContentType::kSwiftMt:
      if (const auto* credit = std::get_if<trade::LetterOfCredit>(&document))
        return WriteMt700(*credit);
      if (const auto* amendment = std::get_if<trade::Amendment>(&document)) {
        return WriteMt707(*amendment, swift_receiver);
      }
      return InvalidArgument(
          "only a letterOfCredit (MT700) or an amendment (MT707) has a SWIFT MT form");
  }
  return Internal("unknown content type");
}

}  // namespace lcproc::formats
