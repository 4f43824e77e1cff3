// SwiftMessage: the block structure of a SWIFT FIN (MT) message, without meaning.
//
//   {1:F01BANKDEFFAXXX0000000000}{2:I700BANKVNVXXXXXN}{3:{108:REF}}{4:
//   :27:1/1
//   :20:LC-2026-0042
//   ...
//   -}{5:{CHK:123456789ABC}}
//
// The tokenizer splits blocks 1 to 5, reads block 4 into `:tag:` fields whose values may
// span several lines, checks every value against the SWIFT X character set and the size
// limits, and reports each problem as a Malformed status naming the line (1-based, in the
// whole message) and the tag: "line 14, tag 32B: …". Field meaning lives in mt700.h,
// mt707.h and the other mt*.h.
//
// Blocks 1 and 2 are checked against the FIN header format: block 1 is "F01", a
// logical-terminal address (BIC8, terminal letter, branch), a 4-digit session and a 6-digit
// sequence number; block 2 is either the input form "I" + type + receiver LT address
// [+ priority S/U/N [+ delivery monitoring 1/2/3 [+ 3-digit obsolescence period]]] or the
// output form "O" + type + input time HHMM + MIR (date, LT address, session, sequence) +
// output date YYMMDD + time HHMM [+ priority]. Blocks 3 and 5 must be printable ASCII.
//
// Character sets: every block 4 line must be in the SWIFT X set, except the lines of the
// narrative fields whose current Standards Release format is z (72Z, 73A, 73R, 77J, 79Z,
// 71D, 71N, 49G, 49H, 49M, 49N), which may also use = ! " % & * < > ; { @ # _.
// (45A/46A/47A/45B/46B/47B stay X: lcproc matches their items as text.)
//
// Pure functions over values: thread-safe, never throw.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace lcproc::formats {

// FIN limits: block 4 of an MT7xx holds at most 10,000 characters; we refuse anything
// larger than this before looking inside.
inline constexpr size_t kMaxSwiftMessageBytes = 16 * 1024;
// A file of several messages (an MT700 and its MT701 continuations: field 27 allows 8).
inline constexpr size_t kMaxSwiftMessagesPerFile = 8;
inline constexpr size_t kMaxSwiftFileBytes = kMaxSwiftMessagesPerFile * kMaxSwiftMessageBytes;
// The widest field line in category 7 (narrative 65x, 45A/46A/47A/79Z).
inline constexpr size_t kMaxSwiftLineLength = 65;
inline constexpr size_t kMaxSwiftFields = 200;

struct SwiftField {
  std::string tag;                 // "20", "32B", "41D"
  std::vector<std::string> lines;  // the value, one entry per line, without line ends
  int line = 0;                    // where the tag stands in the message, 1-based

  std::string Value(std::string_view separator = "\n") const;
  friend bool operator==(const SwiftField&, const SwiftField&) = default;
};

struct SwiftMessage {
  std::string basic_header;        // block 1 contents: "F01BANKDEFFAXXX0000000000"
  std::string application_header;  // block 2 contents: "I700BANKVNVXXXXXN"
  std::string user_header;         // block 3 contents verbatim, may be empty
  std::vector<SwiftField> fields;  // block 4
  std::string trailer;             // block 5 contents verbatim, may be empty

  // "700" from block 2, or "" when block 2 is too short.
  std::string MessageType() const;
  // The first field with `tag`, or nullptr.
  const SwiftField* Find(std::string_view tag) const;
  // The first field whose tag is `prefix` plus one option letter ("41" finds 41A or 41D).
  const SwiftField* FindOption(std::string_view prefix) const;
};

// The sender's BIC (8 or 11 characters, from the logical-terminal address of block 1 for an
// input message, from the MIR in block 2 for an output message).
Result<std::string> SwiftSenderBic(const SwiftMessage& message);
// The receiver's BIC (block 2 of an input message, block 1 of an output message).
Result<std::string> SwiftReceiverBic(const SwiftMessage& message);

// Splits `text` (CRLF or LF line ends) into blocks and fields. Errors are Malformed with
// "line N[, tag T]: …"; oversize input is ResourceExhausted.
Result<SwiftMessage> ParseSwiftMessage(std::string_view text);

// Splits `text` holding one or more messages, one after the other: each starts with "{1:",
// and they may be separated by white space or, as in SWIFT's RJE files, by a line holding
// only '$'. Line numbers count from the start of `text`. At most kMaxSwiftMessagesPerFile
// messages and kMaxSwiftFileBytes bytes (ResourceExhausted beyond).
Result<std::vector<SwiftMessage>> ParseSwiftMessages(std::string_view text);

// Writes `message` in FIN form with CRLF line ends inside block 4.
// REQUIRES: every field value is in the X character set (the MT writers ensure it).
std::string WriteSwiftMessage(const SwiftMessage& message);

// True when `c` is in the SWIFT X character set: a-z A-Z 0-9 / - ? : ( ) . , ' + space.
bool IsSwiftXCharacter(char c);
// True when `c` is in the SWIFT Z character set: X plus = ! " % & * < > ; { @ # _.
bool IsSwiftZCharacter(char c);
// True when the tokenizer reads `tag`'s lines in the Z set (see above).
bool IsZCharacterTag(std::string_view tag);

// The field must have between `min_lines` and `max_lines` lines of at most `width`
// characters each ("4*35x" is max_lines 4, width 35).
Status CheckFieldShape(const SwiftField& field, size_t max_lines, size_t width,
                       size_t min_lines = 1);

// A Malformed status "line N, tag T: message" for `field`.
Status FieldError(const SwiftField& field, std::string_view message);

// Field 27 "sequence of total" must be 1/1 (messages that are never continued).
Status RequireSingleMessage(const SwiftMessage& message);

// Field 27 "n/N" (1 <= n <= N <= 8); {1, 1} when the message has no field 27.
struct SequenceNumber {
  int number = 1;
  int total = 1;
};
Result<SequenceNumber> ParseSequenceNumber(const SwiftMessage& message);

}  // namespace lcproc::formats
