#include "pipeline/formats/swift_sequence.h"

#include <algorithm>
#include <set>
#include <string>

namespace lcproc::formats {
namespace {

bool Contains(const std::vector<std::string_view>& tags, std::string_view tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

SwiftField* FindField(SwiftMessage& m, std::string_view tag) {
  for (SwiftField& f : m.fields) {
    if (f.tag == tag) return &f;
  }
  return nullptr;
}

// Characters a field takes in block 4: ":tag:" + lines + CRLF after each line.
size_t FieldChars(const SwiftField& f) {
  size_t n = f.tag.size() + 2;
  for (const std::string& line : f.lines) n += line.size() + 2;
  return n;
}

size_t TextChars(const SwiftMessage& m) {
  size_t n = 0;
  for (const SwiftField& f : m.fields) n += FieldChars(f);
  return n;
}

int FirstLine(const SwiftMessage& m) { return m.fields.empty() ? 1 : m.fields.front().line; }

Status CheckContinuation(const SwiftMessage& main, const SwiftMessage& next, int index, int total,
                         const SequenceKind& kind) {
  const int line = FirstLine(next);
  const std::string where = "line " + std::to_string(line) + ": ";
  if (next.MessageType() != kind.continuation_type) {
    return Malformed(where + "message " + std::to_string(index) + " of the sequence is MT" +
                     next.MessageType() + ", expected MT" + std::string(kind.continuation_type));
  }
  LCPROC_ASSIGN_OR_RETURN(SequenceNumber seq, ParseSequenceNumber(next));
  if (next.Find("27") == nullptr)
    return Malformed(where + "MT" + std::string(kind.continuation_type) + " needs field 27");
  if (seq.number != index || seq.total != total) {
    return FieldError(*next.Find("27"),
                      "expected " + std::to_string(index) + "/" + std::to_string(total));
  }
  auto main_sender = SwiftSenderBic(main), next_sender = SwiftSenderBic(next);
  auto main_receiver = SwiftReceiverBic(main), next_receiver = SwiftReceiverBic(next);
  if (!next_sender.ok() || !next_receiver.ok() || !main_sender.ok() || !main_receiver.ok() ||
      *main_sender != *next_sender || *main_receiver != *next_receiver) {
    return Malformed(where + "a continuation must come from the same sender to the same receiver");
  }
  std::set<std::string> seen;
  for (const SwiftField& f : next.fields) {
    if (!seen.insert(f.tag).second) return FieldError(f, "appears twice");
    if (f.tag == "27" || Contains(kind.continued_tags, f.tag)) continue;
    if (!Contains(kind.key_tags, f.tag)) {
      return FieldError(f, "is not a field of MT" + std::string(kind.continuation_type));
    }
    const SwiftField* in_main = main.Find(f.tag);
    if (in_main != nullptr && in_main->lines != f.lines) {
      return FieldError(f, "differs from field " + f.tag + " of the MT" +
                               std::string(kind.main_type) + " (line " +
                               std::to_string(in_main->line) + ")");
    }
  }
  if (next.Find("20") == nullptr) return Malformed(where + "mandatory field 20 is missing");
  return Status::Ok();
}

}  // namespace

const SequenceKind& Mt700Sequence() {
  static const SequenceKind kKind{"700", "701", {"20"}, {"45A", "46A", "47A", "49G", "49H"}};
  return kKind;
}

const SequenceKind& Mt707Sequence() {
  static const SequenceKind kKind{
      "707", "708", {"20", "21", "23", "26E", "30"}, {"45B", "46B", "47B", "49M", "49N"}};
  return kKind;
}

Result<SwiftMessage> JoinSequence(const std::vector<SwiftMessage>& messages,
                                  const SequenceKind& kind) {
  if (messages.empty()) return Malformed("line 1: no message");
  const SwiftMessage& main = messages.front();
  if (main.MessageType() != kind.main_type) {
    return Malformed("line 1: block 2 names MT" + main.MessageType() + ", not MT" +
                     std::string(kind.main_type));
  }
  LCPROC_ASSIGN_OR_RETURN(SequenceNumber seq, ParseSequenceNumber(main));
  if (seq.number != 1)
    return FieldError(*main.Find("27"), "the first message of a sequence must be 1/N");
  if (static_cast<size_t>(seq.total) != messages.size()) {
    if (messages.size() > static_cast<size_t>(seq.total)) {
      return Malformed("line " + std::to_string(FirstLine(messages[seq.total])) + ": MT" +
                       messages[seq.total].MessageType() + " follows a complete sequence of " +
                       std::to_string(seq.total) + " message(s)");
    }
    return FieldError(*main.Find("27"), "sequence of " + std::to_string(seq.total) +
                                            " messages, but " + std::to_string(messages.size()) +
                                            " given: MT" + std::string(kind.continuation_type) +
                                            " continuation(s) missing");
  }
  SwiftMessage joined = main;
  for (size_t i = 1; i < messages.size(); ++i) {
    const SwiftMessage& next = messages[i];
    LCPROC_RETURN_IF_ERROR(CheckContinuation(main, next, static_cast<int>(i + 1), seq.total, kind));
    for (const SwiftField& f : next.fields) {
      if (!Contains(kind.continued_tags, f.tag)) continue;
      if (SwiftField* existing = FindField(joined, f.tag)) {
        existing->lines.insert(existing->lines.end(), f.lines.begin(), f.lines.end());
      } else {
        joined.fields.push_back(f);
      }
    }
  }
  if (SwiftField* f27 = FindField(joined, "27")) f27->lines = {"1/1"};
  return joined;
}

Result<std::vector<SwiftMessage>> SplitSequence(const SwiftMessage& message,
                                                const SequenceKind& kind) {
  bool fits = TextChars(message) <= kMaxSwiftTextChars;
  for (const SwiftField& f : message.fields) {
    if (Contains(kind.continued_tags, f.tag) && f.lines.size() > kMaxContinuedLines) fits = false;
  }
  if (fits) return std::vector<SwiftMessage>{message};

  // The main message keeps the first line of every continued field, so that joining finds
  // each field where it was; the other lines fill the main message, then continuations.
  std::vector<SwiftMessage> out{message};
  SwiftMessage& main = out.front();
  std::vector<SwiftField> overflow;
  for (SwiftField& f : main.fields) {
    if (!Contains(kind.continued_tags, f.tag) || f.lines.size() <= 1) continue;
    overflow.push_back(SwiftField{f.tag, {f.lines.begin() + 1, f.lines.end()}, 0});
    f.lines.resize(1);
  }
  if (TextChars(main) > kMaxSwiftTextChars) {
    return InvalidArgument("the " + std::string(kind.main_type) +
                           " fields other than the continued ones exceed one message");
  }
  auto new_continuation = [&]() {
    SwiftMessage next;
    next.basic_header = message.basic_header;
    next.application_header = message.application_header;
    next.application_header.replace(1, 3, kind.continuation_type);
    next.fields.push_back(SwiftField{"27", {"?"}, 0});
    for (std::string_view key : kind.key_tags) {
      if (const SwiftField* f = message.Find(key)) next.fields.push_back(*f);
    }
    out.push_back(std::move(next));
  };
  for (const SwiftField& rest : overflow) {
    for (const std::string& line : rest.lines) {
      while (true) {
        SwiftMessage& target = out.back();
        SwiftField* field = FindField(target, rest.tag);
        size_t add = line.size() + 2 + (field == nullptr ? rest.tag.size() + 2 : 0);
        bool room = TextChars(target) + add <= kMaxSwiftTextChars &&
                    (field == nullptr || field->lines.size() < kMaxContinuedLines);
        if (room) {
          if (field == nullptr) {
            target.fields.push_back(SwiftField{rest.tag, {line}, 0});
          } else {
            field->lines.push_back(line);
          }
          break;
        }
        if (out.size() >= kMaxSwiftMessagesPerFile) {
          return InvalidArgument("the credit's text needs more than " +
                                 std::to_string(kMaxSwiftMessagesPerFile) + " messages");
        }
        new_continuation();
      }
    }
  }
  const std::string total = std::to_string(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    SwiftField* f27 = FindField(out[i], "27");
    if (f27 == nullptr) {
      out[i].fields.insert(out[i].fields.begin(), SwiftField{"27", {}, 0});
      f27 = &out[i].fields.front();
    }
    f27->lines = {std::to_string(i + 1) + "/" + total};
  }
  return out;
}

std::string WriteSwiftMessages(const std::vector<SwiftMessage>& messages) {
  std::string out;
  for (const SwiftMessage& m : messages) out += WriteSwiftMessage(m);
  return out;
}

}  // namespace lcproc::formats
