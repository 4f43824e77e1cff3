// The JSON form of lcproc's trade documents: the public contract banks code against,
// described by schemas/json/<type>.schema.json (JSON Schema 2020-12).
//
//   {"type": "letterOfCredit", "creditNumber": "LC-2026-0042", "amount":
//    {"currency": "USD", "amount": "125000.00"}, ...}
//
// A document is one object whose "type" member is trade::DocumentTypeName ("letterOfCredit",
// "amendment", "presentation" …) and whose other members are that document's fields in
// camelCase. Money amounts are decimal strings, dates ISO 8601 strings, codes (ISO 4217,
// ISO 3166, BIC) upper-case strings; unknown members are refused. Errors are values:
// InvalidArgument "<JSON pointer>: <what is wrong>" ("/amount/currency: unknown currency
// 'USX'"), Malformed for JSON that does not parse, ResourceExhausted past a limit.
//
// Hand-written mapping rather than Cap'n Proto's JsonCodec: see readme-formats.md (we need
// JSON-pointer errors, exact decimal money, validated codes and no exceptions).
// Thread-safe: no shared state; never throws.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "pipeline/trade/document.h"

namespace lcproc::formats {

inline constexpr size_t kMaxJsonBodyBytes = 1024 * 1024;
// Deepest nesting a document needs is 6 (presentation / invoice / goods / line / price);
// anything much deeper is an attack on the parser, not a document.
inline constexpr int kMaxJsonDepth = 16;

// Parses `body` as one JSON document. Malformed on bad syntax or invalid UTF-8,
// ResourceExhausted beyond kMaxJsonBodyBytes or kMaxJsonDepth.
Result<boost::json::value> ParseJsonBody(std::string_view body);

// Decodes a document from `body`.
Result<trade::Document> DecodeJson(std::string_view body);
// Decodes a document object already parsed; errors carry `pointer` as prefix
// ("/credit" gives "/credit/amount/currency: …").
Result<trade::Document> DecodeJsonDocument(const boost::json::value& value,
                                           const std::string& pointer = "");

// The document as a JSON value / compact text, "type" first.
boost::json::value EncodeJsonDocument(const trade::Document& document);
std::string EncodeJson(const trade::Document& document);

// `value` serialised with two-space indentation and a final newline (CLI output, examples).
std::string PrettyJson(const boost::json::value& value);

}  // namespace lcproc::formats
