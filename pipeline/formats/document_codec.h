// DecodeDocument: bytes as a bank submitted them, with their Content-Type, to a typed
// trade::Document. This is the pipeline's decode stage (stage 1) and runs on every core.
//
// Content types (media type case-insensitive, parameters after ';' ignored except a JSON
// charset, which must be utf-8):
//   application/json          the JSON contract of schemas/json/ (json_codec.h)
//   application/x-capnp       a schemas/trade.capnp Document message (capnp_codec.h);
//                             application/capnp is accepted as an alias
//   application/vnd.swift.mt  a SWIFT FIN message: MT700 (+ MT701s) letterOfCredit, MT707
//                             (+ MT708s) amendment, MT730 advice, MT734/MT750
//                             examinationResult, MT752 waiver, MT754/MT756 payment (mt*.h)
// Anything else is InvalidArgument "unsupported content type …".
//
// Thread-safe (no shared state); never throws: every failure is a Status (kj exceptions
// are caught inside the Cap'n Proto codec).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "pipeline/trade/document.h"

namespace lcproc::formats {

enum class ContentType { kJson, kCapnp, kSwiftMt };

inline constexpr std::string_view kJsonContentType = "application/json";
inline constexpr std::string_view kCapnpContentType = "application/x-capnp";
inline constexpr std::string_view kSwiftMtContentType = "application/vnd.swift.mt";

// The canonical name above.
std::string_view ContentTypeName(ContentType type);
// A Content-Type header value ("application/json; charset=utf-8") to a ContentType.
Result<ContentType> ParseContentType(std::string_view header);

Result<trade::Document> DecodeDocument(std::string_view content_type, std::string_view body);
Result<trade::Document> DecodeDocument(ContentType type, std::string_view body);

// The document in `type`'s form. SWIFT MT: only a letterOfCredit (MT700 + MT701s) or an
// amendment (MT707 + MT708s, sent to `swift_receiver`, the advising bank) can be written
// from the document alone; the other MT messages carry data lcproc's documents do not
// (references, amounts claimed) and are written with mt730.h … mt754.h.
Result<std::string> EncodeDocument(ContentType type, const trade::Document& document,
                                   const trade::Bic& swift_receiver = {});

}  // namespace lcproc::formats
