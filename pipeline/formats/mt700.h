// MT700 (Issue of a Documentary Credit) to and from trade::LetterOfCredit.
//
// Reads blocks 1 (sender: the issuing bank), 2 (receiver: the advising bank) and 4; the
// fields of the MT700 specification (SR 2021) that lcproc models are mapped one by one,
// every other tag (23, 39C, 42M, 42P, 49G, 49H, 51a, 78 …) is kept verbatim, in message
// order, in LetterOfCredit::extra_fields and written back in its specification position
// unless that would put it before a kept field that came earlier (MergeExtraFields), so the
// kept fields' order survives any number of round trips. Options:
// 41A (BIC) or 41D "ANY BANK"; 42A, 53A, 57A, 58A by BIC. Structured lines lcproc writes in
// 45A ("GOODS 250 MT OF …", "INCOTERMS 2020 CIF HAMBURG") and 47A (amount "about") are
// read back, so ParseMt700(WriteMt700(credit)) == credit for every credit WriteMt700 accepts.
//
// A credit longer than one message (27 "1/N") is read from the MT700 and its N-1 MT701
// continuations (mt701.h): ParseMt700(text) accepts the messages one after the other in one
// text. A lone MT700 "1/2" is refused as incomplete. Errors are
// Malformed "line N, tag T: …"; WriteMt700 gives InvalidArgument "field T: …" when the
// credit holds something MT700 cannot carry. Pure functions; thread-safe; never throw.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"
#include "pipeline/trade/letter_of_credit.h"

namespace lcproc::formats {

Result<trade::LetterOfCredit> ParseMt700(const SwiftMessage& message);
Result<trade::LetterOfCredit> ParseMt700(std::string_view text);

// ParseMt700(text): one MT700, or an MT700 and its MT701 continuations one after the other.
Result<trade::LetterOfCredit> ParseMt700Sequence(const std::vector<SwiftMessage>& messages);

// The credit as one (joined) MT700, however long; BuildMt700Messages splits it into the
// MT700 and the MT701s it needs and checks that every message reads back.
Result<SwiftMessage> BuildMt700(const trade::LetterOfCredit& credit);
Result<std::vector<SwiftMessage>> BuildMt700Messages(const trade::LetterOfCredit& credit);
// The MT700 (and MT701s), one after the other.
Result<std::string> WriteMt700(const trade::LetterOfCredit& credit);

// Block 1 "F01<sender LT>0000000000" and block 2 "I<type><receiver LT>N" for a message
// from `sender` to `receiver` (terminal "A" in block 1, "X" in block 2; branch "XXX" when the BIC
// has none).
std::string BasicHeaderFor(const trade::Bic& sender);
std::string ApplicationHeaderFor(std::string_view message_type, const trade::Bic& receiver);

// Sorts `fields` into the order of `order` (tags not listed go last, stably).
void SortFields(std::vector<SwiftField>& fields, const std::vector<std::string_view>& order);

// Adds `extras` (kept unknown fields, in their message order) to `fields` (already in the
// order of `order`): each extra goes to its specification position, or right after the
// extra before it when that position lies earlier, so the extras keep their relative order.
// InvalidArgument "field T: …" when an extra's tag is not a valid tag or duplicates a field
// already present (it would read back as "appears twice").
Status MergeExtraFields(std::vector<SwiftField>& fields,
                        const std::vector<trade::ExtraField>& extras,
                        const std::vector<std::string_view>& order);

}  // namespace lcproc::formats
