// Message sequences: an MT700 continued by MT701s, an MT707 continued by MT708s (field 27
// "n/N"), joined into one message for the MT700/MT707 mappings and split again when written.
//
// Joining: the first message must be the main type with 27 "1/N", followed by exactly N-1
// continuations numbered 2/N … N/N, from the same sender to the same receiver, each
// repeating the main message's key fields (20 for MT701; 20, 21, 23, 26E, 30 for MT708).
// A continued field (45A/46A/47A/49G/49H; 45B/46B/47B/49M/49N) is appended line by line to
// the same field of the messages before it, so an item may even run across two messages.
// The joined message keeps every field's line number in the file, and its 27 reads "1/1".
//
// Splitting: a main message whose continued fields hold more than kMaxContinuedLines lines
// or whose block 4 passes kMaxSwiftTextChars is split at line boundaries into the main
// message and as many continuations as needed (at most 8 messages in all).
// Pure functions; thread-safe; never throw.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/formats/swift_message.h"
#include "pipeline/status.h"

namespace lcproc::formats {

// Lines of one narrative field in one message (45A … "100*65z").
inline constexpr size_t kMaxContinuedLines = 100;
// Characters of block 4 in one message (FIN).
inline constexpr size_t kMaxSwiftTextChars = 10000;

struct SequenceKind {
  std::string_view main_type;                    // "700"
  std::string_view continuation_type;            // "701"
  std::vector<std::string_view> key_tags;        // repeated in every continuation
  std::vector<std::string_view> continued_tags;  // appended across messages
};
const SequenceKind& Mt700Sequence();
const SequenceKind& Mt707Sequence();

// Joins `messages` (main message first). A single message with 27 "1/1" or without 27 is
// returned as is. Malformed "line N, tag T: …" on any break of the rules above.
Result<SwiftMessage> JoinSequence(const std::vector<SwiftMessage>& messages,
                                  const SequenceKind& kind);

// Splits `message` (a main message with 27 "1/1" first) into main + continuations.
// InvalidArgument when more than 8 messages would be needed.
Result<std::vector<SwiftMessage>> SplitSequence(const SwiftMessage& message,
                                                const SequenceKind& kind);

// The messages in FIN form, one after the other.
std::string WriteSwiftMessages(const std::vector<SwiftMessage>& messages);

}  // namespace lcproc::formats
