// Shared by the category 7 mappings of mt730.h, mt734.h, mt752.h and mt754.h: reading a
// message's envelope (type, sequence, sender, receiver, each tag once, kept fields),
// reference fields (16x), the "/CODE/value" lines lcproc writes into 72Z/79Z, the "+" items
// of 77J, and building a message in specification order with kept fields merged back.
// Only for pipeline/formats/ and its tests.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/examination.h"
#include "pipeline/trade/extra_field.h"
#include "pipeline/trade/money.h"

namespace lcproc::formats::internal {

// Reads `message` of `type`: sender and receiver BICs, then each field (each tag at most
// once; 27 must be absent or 1/1) through `field`, which returns false for a tag it does
// not map, to be kept in `extra`. Then checks that every tag of `mandatory` appeared.
Status ReadMessage(const SwiftMessage& message, std::string_view type,
                   const std::vector<std::string_view>& mandatory, trade::Bic* sender,
                   trade::Bic* receiver, std::vector<trade::ExtraField>* extra,
                   const std::function<Result<bool>(const SwiftField&)>& field);

// The Standards Release's network-validated rules between optional fields of MT730 (C1:
// 25 or 57a, not both; C2: no 57a with 32D), MT734 (C1: 73A needs 33a; C2: 32A and 33a in
// one currency), MT750 (32B and 34B in one currency, error C02) and MT756 (32B and 33A in
// one currency, error C02). ReadMessage applies them after the fields; MessageBuilder::Finish
// before writing. Malformed naming the fields and the rule.
Status CheckNetworkRules(std::string_view type, const std::vector<SwiftField>& fields);

// 16x reference: 1 to 16 X characters, not starting or ending with '/' nor holding "//".
Result<std::string> ParseReference(const SwiftField& field);
Status CheckReference(std::string_view value, std::string_view tag);

// YYMMDD of `d`; InvalidArgument naming `tag` outside 1980-2079 (what YYMMDD reads back).
Result<std::string> SwiftDateText(trade::Date d, std::string_view tag);

// 6!n3!a15d (32A, 33A, 34A): a date and an amount.
Status ParseDateAmount(const SwiftField& field, trade::Date* date, trade::Money* amount);
Result<std::string> WriteDateAmount(trade::Date date, const trade::Money& amount,
                                    std::string_view tag);

// Lines of 72Z/79Z: "/CODE/value" lines lcproc reads and writes (codes are upper-case
// letters). `codes` lists the ones this message maps; the value of each is handed to
// `code`; other lines are returned in order (free text the mapping keeps). A mapped code
// given twice is an error naming the field.
Result<std::vector<std::string>> SplitCodeLines(
    const SwiftField& field, const std::vector<std::string_view>& codes,
    const std::function<Status(std::string_view code, std::string_view value)>& code);

// "/PRESNO/n": 2 to 999 (a first presentation is not written).
Result<int> ParsePresentationNumber(std::string_view value);
// Adds "/PRESNO/n" to `lines` when `number` is not 1.
Status WritePresentationNumber(int number, std::vector<std::string>* lines);
// Adds `tag` with `lines` (lcproc's code lines, then the kept ones) when not empty:
// InvalidArgument past `max_lines` lines or `width` characters.
Status AddLines(class MessageBuilder* b, std::string tag, std::vector<std::string> lines,
                size_t max_lines, size_t width);

// 77J: one "+" item per discrepancy, "CODE ART <article> DOC <document> FIELD <field> TEXT
// <message>" wrapped at 50 (empty parts written as NONE; '[' and ']' of a field path as
// '(' and ')'), then optionally a last item "NOTE <narrative>".
Status ParseDiscrepancies(const SwiftField& field, std::vector<trade::Discrepancy>* out,
                          std::string* narrative);
Result<std::vector<std::string>> WriteDiscrepancies(
    const std::vector<trade::Discrepancy>& discrepancies, std::string_view narrative);

// Collects the fields of a message being written.
class MessageBuilder {
 public:
  void Line(std::string tag, std::string value) { Add(std::move(tag), {std::move(value)}); }
  void Add(std::string tag, std::vector<std::string> lines) {
    fields_.push_back(SwiftField{std::move(tag), std::move(lines), 0});
  }
  // `text` wrapped at `width` into at most `max_lines` (InvalidArgument beyond); nothing
  // when empty.
  Status Narrative(std::string tag, std::string_view text, size_t width, size_t max_lines);
  // Puts the fields in `order`, merges `extra` back (MergeExtraFields), sets the headers and
  // checks that the message reads back.
  Result<SwiftMessage> Finish(std::string_view type, const trade::Bic& sender,
                              const trade::Bic& receiver,
                              const std::vector<trade::ExtraField>& extra,
                              const std::vector<std::string_view>& order);

 private:
  std::vector<SwiftField> fields_;
};

}  // namespace lcproc::formats::internal
