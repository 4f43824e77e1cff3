// Field-value grammar shared by the MT700 and MT707 mappings: dates (6!n YYMMDD),
// amounts (3!a15d with a decimal comma), BIC options (A), party fields (50/59, 4*35x),
// narrative wrapping, "+" items of 45A/46A/47A and the structured lines lcproc writes
// inside them. Every parser reports the field's line and tag.
//
// Narrative convention (ours, documented in readme-formats.md): lcproc wraps text at word
// boundaries to the field's width and joins continuation lines with one space when reading,
// so any text whose words fit the width comes back unchanged. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/goods.h"
#include "pipeline/trade/letter_of_credit.h"
#include "pipeline/trade/money.h"
#include "pipeline/trade/party.h"

namespace lcproc::formats {

// 6!n YYMMDD.
Result<trade::Date> ParseSwiftDate(const SwiftField& field, std::string_view text);
// 3!a15d: "USD125000,00".
Result<trade::Money> ParseSwiftAmount(const SwiftField& field);
std::string WriteSwiftAmount(const trade::Money& money);
// Option A: a BIC on the first line (an optional "/party identifier" line before it).
Result<trade::Bic> ParseBicOption(const SwiftField& field);
// 39A "nn/nn".
Result<trade::PercentageTolerance> ParseTolerance(const SwiftField& field);
// 43P / 43T.
Result<trade::ShipmentPermission> ParseShipment(const SwiftField& field);
std::string_view ShipmentText(trade::ShipmentPermission p);
// 48 "3n[/35x]": days, then an optional narrative after a slash.
Result<trade::PresentationPeriod> ParsePresentationPeriod(const SwiftField& field);

// 50 / 59: ["/account"], name, address lines, and, when it is an ISO 3166 code, the
// country as the last line. 4*35x plus the account line.
Result<trade::Party> ParsePartyField(const SwiftField& field);
Result<std::vector<std::string>> WritePartyField(const trade::Party& party, std::string_view tag);

// Joins a field's lines with single spaces (the inverse of Wrap).
std::string Unwrap(const std::vector<std::string>& lines);
// Wraps `text` into lines of at most `width` at spaces. InvalidArgument naming `tag` when a
// word is longer than `width`, or a character is outside the tag's set (Z for the tags of
// IsZCharacterTag, X otherwise).
// Spaces are kept (the one broken at is restored by Unwrap); no line after the first starts
// with a character of `forbidden_starts` (':' and '-' would read as a tag or block end).
Result<std::vector<std::string>> Wrap(std::string_view text, size_t width, std::string_view tag,
                                      std::string_view forbidden_starts = ":-");

// "+" items of a 45A/46A/47A-style field, each unwrapped to one string.
Result<std::vector<std::string>> SplitItems(const SwiftField& field);
// Writes items as "+item" wrapped at 65 (continuation lines without '+').
Result<std::vector<std::string>> WriteItems(const std::vector<std::string>& items,
                                            std::string_view tag);

// A structured goods line in 45A/45B: "GOODS [ABOUT ]250 MT OF <description>[ AT USD
// 500.00 PER MT]", or "GOODS <description>" without quantity.
std::string GoodsItem(const trade::GoodsLine& line);
// Returns false when `item` is not a goods line; an error when it is one but malformed.
Result<bool> ParseGoodsItem(std::string_view item, trade::GoodsLine* line);

// A 46A item as trade::RecogniseRequiredDocument reads it: the document type its wording
// names (any other document as kOtherDocument with the wording kept), originals, copies,
// the issuer and the data the credit asks for.
Result<trade::RequiredDocument> ParseDocumentItem(const SwiftField& field, std::string_view item);

// A Malformed error for `field` that quotes the offending item.
Status ItemError(const SwiftField& field, std::string_view message);

}  // namespace lcproc::formats
