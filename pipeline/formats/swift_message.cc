#include "pipeline/formats/swift_message.h"

#include <cctype>
#include <cstdio>

#include "pipeline/trade/bic.h"

namespace lcproc::formats {
namespace {

Status LineError(int line, std::string_view message) {
  return Malformed("line " + std::to_string(line) + ": " + std::string(message));
}

std::string Printable(char c) {
  char buf[16];
  if (std::isprint(static_cast<unsigned char>(c))) {
    std::snprintf(buf, sizeof buf, "'%c' (0x%02X)", c, static_cast<unsigned char>(c));
  } else {
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(c));
  }
  return buf;
}

// A cursor over the message that counts lines, so every error can say where it is.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  int line() const { return line_; }
  void Advance() {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  bool StartsWith(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  bool Consume(std::string_view s) {
    if (text_.substr(pos_, s.size()) != s) return false;
    for (size_t i = 0; i < s.size(); ++i) Advance();
    return true;
  }
  // Reads one line of block 4 without its CRLF or LF; false at end of input.
  bool ReadLine(std::string_view* out) {
    if (AtEnd()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    *out = line;
    pos_ = end;
    if (pos_ < text_.size()) Advance();
    return true;
  }
  void SkipWhitespace() {
    while (!AtEnd() && (Peek() == '\r' || Peek() == '\n' || Peek() == ' ' || Peek() == '\t')) {
      Advance();
    }
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
};

// Blocks 1, 2, 3 and 5: contents up to the matching brace (3 and 5 nest {108:…}).
Result<std::string> ReadBracedContents(Reader& r, int block) {
  std::string out;
  int depth = 1;
  while (!r.AtEnd()) {
    char c = r.Peek();
    if (c == '\r' || c == '\n')
      return LineError(r.line(), "block " + std::to_string(block) + " spans lines");
    r.Advance();
    if (c == '{') ++depth;
    if (c == '}' && --depth == 0) return out;
    out.push_back(c);
  }
  return LineError(r.line(), "block " + std::to_string(block) + " is not closed with '}'");
}

// ":32B:" at the start of `line`: two digits and an optional upper-case option letter.
bool SplitTag(std::string_view line, std::string* tag, std::string_view* rest) {
  if (line.size() < 4 || line[0] != ':') return false;
  if (!std::isdigit(static_cast<unsigned char>(line[1])) ||
      !std::isdigit(static_cast<unsigned char>(line[2]))) {
    return false;
  }
  size_t close = 3;
  if (std::isupper(static_cast<unsigned char>(line[3]))) close = 4;
  if (close >= line.size() || line[close] != ':') return false;
  *tag = std::string(line.substr(1, close - 1));
  *rest = line.substr(close + 1);
  return true;
}

Status CheckLine(const SwiftField& field, std::string_view text, int line) {
  if (text.size() > kMaxSwiftLineLength) {
    return LineError(line, "tag " + field.tag + ": line has " + std::to_string(text.size()) +
                               " characters, more than " + std::to_string(kMaxSwiftLineLength));
  }
  const bool z = IsZCharacterTag(field.tag);
  for (char c : text) {
    if (z ? !IsSwiftZCharacter(c) : !IsSwiftXCharacter(c)) {
      return LineError(line, "tag " + field.tag + ": character " + Printable(c) +
                                 (z ? " is not in the SWIFT Z character set"
                                    : " is not in the SWIFT X character set"));
    }
  }
  return Status::Ok();
}

// Block 4 from just after "{4:" up to and including "-}".
Status ReadTextBlock(Reader& r, std::vector<SwiftField>* fields) {
  if (!r.Consume("\r\n") && !r.Consume("\n")) {
    return LineError(r.line(), "block 4 must start a new line after '{4:'");
  }
  std::string_view text;
  while (true) {
    int line_number = r.line();
    if (r.Consume("-}")) {
      // Block 5 may follow on the same line.
      if (fields->empty()) return LineError(line_number, "block 4 has no fields");
      return Status::Ok();
    }
    if (!r.ReadLine(&text)) return LineError(line_number, "block 4 is not closed with '-}'");
    std::string tag;
    std::string_view rest;
    if (SplitTag(text, &tag, &rest)) {
      if (fields->size() >= kMaxSwiftFields) {
        return ResourceExhausted("line " + std::to_string(line_number) + ": more than " +
                                 std::to_string(kMaxSwiftFields) + " fields");
      }
      fields->push_back(SwiftField{tag, {std::string(rest)}, line_number});
      LCPROC_RETURN_IF_ERROR(CheckLine(fields->back(), rest, line_number));
      continue;
    }
    if (fields->empty()) return LineError(line_number, "block 4 must start with a :tag: field");
    SwiftField& field = fields->back();
    if (!text.empty() && text[0] == ':') {
      return LineError(line_number, "tag " + field.tag + ": a line may not start with ':'");
    }
    if (!text.empty() && text[0] == '-') {
      return LineError(line_number, "tag " + field.tag + ": a line may not start with '-'");
    }
    LCPROC_RETURN_IF_ERROR(CheckLine(field, text, line_number));
    field.lines.emplace_back(text);
  }
}

}  // namespace

std::string SwiftField::Value(std::string_view separator) const {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += separator;
    out += lines[i];
  }
  return out;
}

std::string SwiftMessage::MessageType() const {
  return application_header.size() >= 4 ? application_header.substr(1, 3) : "";
}

const SwiftField* SwiftMessage::Find(std::string_view tag) const {
  for (const SwiftField& f : fields) {
    if (f.tag == tag) return &f;
  }
  return nullptr;
}

const SwiftField* SwiftMessage::FindOption(std::string_view prefix) const {
  for (const SwiftField& f : fields) {
    if (f.tag.size() == prefix.size() + 1 && f.tag.compare(0, prefix.size(), prefix) == 0) {
      return &f;
    }
  }
  return nullptr;
}

bool IsSwiftXCharacter(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  switch (c) {
    case '/':
    case '-':
    case '?':
    case ':':
    case '(':
    case ')':
    case '.':
    case ',':
    case '\'':
    case '+':
    case ' ': return true;
    default: return false;
  }
}

bool IsSwiftZCharacter(char c) {
  if (IsSwiftXCharacter(c)) return true;
  switch (c) {
    case '=':
    case '!':
    case '"':
    case '%':
    case '&':
    case '*':
    case '<':
    case '>':
    case ';':
    case '{':
    case '@':
    case '#':
    case '_': return true;
    default: return false;
  }
}

bool IsZCharacterTag(std::string_view tag) {
  // Since Standards Release 2018 the long narrative fields of MT700/701 (45A, 46A, 47A,
  // 49G, 49H) and MT707/708 (45B, 46B, 47B, 49M, 49N) are 100*65z, so "M/S A & B" or
  // "100% CIF" in a documents clause is valid FIN.
  static constexpr std::string_view kZTags[] = {"72Z", "73A", "73R", "77J", "79Z", "71D",
                                                "71N", "49G", "49H", "49M", "49N", "45A",
                                                "46A", "47A", "45B", "46B", "47B"};
  for (std::string_view t : kZTags) {
    if (t == tag) return true;
  }
  return false;
}

namespace {

// A logical-terminal address is BIC8 + terminal letter + branch (12 characters); the BIC
// is BIC8 + branch, with the default branch "XXX" dropped.
std::string BicFromTerminalAddress(std::string_view lt) {
  std::string bic(lt.substr(0, 8));
  std::string_view branch = lt.substr(9, 3);
  if (branch != "XXX") bic += branch;
  return bic;
}

}  // namespace

Result<std::string> SwiftSenderBic(const SwiftMessage& m) {
  const std::string& b2 = m.application_header;
  if (!b2.empty() && b2[0] == 'O') {
    // O + MT(3) + input time(4) + MIR: date(6) + LT address(12) + session(4) + ISN(6).
    if (b2.size() < 26) return Malformed("line 1: block 2 output header is too short");
    return BicFromTerminalAddress(std::string_view(b2).substr(14, 12));
  }
  if (b2.empty() || b2[0] != 'I')
    return Malformed("line 1: block 2 must start with I (input) or O (output)");
  // F01 + LT address(12) + session(4) + sequence(6).
  if (m.basic_header.size() < 15) return Malformed("line 1: block 1 is too short");
  return BicFromTerminalAddress(std::string_view(m.basic_header).substr(3, 12));
}

// Never falls back from one form to the other: a block 2 that is neither input nor output
// names no receiver (before, the block 1 sender silently became the receiver).
Result<std::string> SwiftReceiverBic(const SwiftMessage& m) {
  const std::string& b2 = m.application_header;
  if (!b2.empty() && b2[0] == 'I') {
    // I + MT(3) + receiver LT address(12) + priority.
    if (b2.size() < 16) return Malformed("line 1: block 2 input header is too short");
    return BicFromTerminalAddress(std::string_view(b2).substr(4, 12));
  }
  if (b2.empty() || b2[0] != 'O')
    return Malformed("line 1: block 2 must start with I (input) or O (output)");
  // An output message is delivered to the terminal of block 1.
  if (m.basic_header.size() < 15) return Malformed("line 1: block 1 is too short");
  return BicFromTerminalAddress(std::string_view(m.basic_header).substr(3, 12));
}

namespace {

bool AllOf(std::string_view s, int (*pred)(int)) {
  for (char c : s) {
    if (!pred(static_cast<unsigned char>(c))) return false;
  }
  return true;
}
int IsUpperAlnum(int c) { return std::isdigit(c) || std::isupper(c); }

// A logical-terminal address: BIC8 + terminal letter + branch (3 upper-case letters or
// digits), the BIC part valid as ISO 9362.
Status CheckTerminalAddress(std::string_view lt, int line, std::string_view what) {
  auto fail = [&](std::string_view why) {
    return LineError(line, std::string(what) + " '" + std::string(lt) + "' " + std::string(why));
  };
  for (char c : lt) {
    if (!IsUpperAlnum(static_cast<unsigned char>(c))) {
      return LineError(line, std::string(what) + ": character " + Printable(c) +
                                 " is not an upper-case letter or digit");
    }
  }
  if (lt.size() != 12)
    return fail("must be 12 upper-case letters or digits (BIC8, terminal, branch)");
  if (!std::isupper(static_cast<unsigned char>(lt[8])))
    return fail("has no terminal letter in position 9");
  std::string bic(lt.substr(0, 8));
  if (lt.substr(9) != "XXX") bic += lt.substr(9);
  if (auto parsed = trade::Bic::Parse(bic); !parsed.ok())
    return fail("holds no valid BIC: " + parsed.status().message());
  return Status::Ok();
}

// Block 1: F01 + LT address(12) + session(4) + sequence(6).
Status CheckBasicHeader(std::string_view b1, int line) {
  if (b1.size() != 25) {
    return LineError(
        line, "block 1 must be 25 characters (F01, terminal address, session, sequence), not " +
                  std::to_string(b1.size()));
  }
  if (b1.substr(0, 3) != "F01")
    return LineError(line, "block 1 must start with F01 (FIN application, service 01)");
  LCPROC_RETURN_IF_ERROR(CheckTerminalAddress(b1.substr(3, 12), line, "block 1 terminal address"));
  if (!AllOf(b1.substr(15), std::isdigit))
    return LineError(line, "block 1 session and sequence numbers must be 10 digits");
  return Status::Ok();
}

bool IsPriority(char c) { return c == 'S' || c == 'U' || c == 'N'; }

// Block 2, input "I" or output "O" form (see the header comment).
Status CheckApplicationHeader(std::string_view b2, int line) {
  if (b2.empty() || (b2[0] != 'I' && b2[0] != 'O')) {
    return LineError(line, "block 2 must start with I (input) or O (output)");
  }
  if (b2.size() < 4 || !AllOf(b2.substr(1, 3), std::isdigit)) {
    return LineError(
        line, "block 2 must give a 3-digit message type after '" + std::string(1, b2[0]) + "'");
  }
  if (b2[0] == 'I') {
    if (b2.size() != 16 && b2.size() != 17 && b2.size() != 18 && b2.size() != 21) {
      return LineError(line,
                       "block 2 input header must be I, type, receiver address and optional "
                       "priority, delivery monitoring and obsolescence period");
    }
    LCPROC_RETURN_IF_ERROR(
        CheckTerminalAddress(b2.substr(4, 12), line, "block 2 receiver address"));
    if (b2.size() >= 17 && !IsPriority(b2[16]))
      return LineError(line, "block 2 priority must be S, U or N");
    if (b2.size() >= 18 && (b2[17] < '1' || b2[17] > '3')) {
      return LineError(line, "block 2 delivery monitoring must be 1, 2 or 3");
    }
    if (b2.size() == 21 && !AllOf(b2.substr(18), std::isdigit)) {
      return LineError(line, "block 2 obsolescence period must be 3 digits");
    }
    return Status::Ok();
  }
  // O + type(3) + input time(4) + MIR: date(6) + LT(12) + session(4) + ISN(6) + output date(6)
  // + output time(4) [+ priority].
  if (b2.size() != 46 && b2.size() != 47) {
    return LineError(line,
                     "block 2 output header must be O, type, input time, MIR, output date "
                     "and time and an optional priority");
  }
  if (!AllOf(b2.substr(4, 10), std::isdigit) || !AllOf(b2.substr(26, 20), std::isdigit)) {
    return LineError(line,
                     "block 2 output header times, dates, session and sequence must be digits");
  }
  LCPROC_RETURN_IF_ERROR(CheckTerminalAddress(b2.substr(14, 12), line, "block 2 sender address"));
  if (b2.size() == 47 && !IsPriority(b2[46]))
    return LineError(line, "block 2 priority must be S, U or N");
  return Status::Ok();
}

Status CheckPrintable(std::string_view contents, int block, int line) {
  for (char c : contents) {
    if (c < 0x20 || c > 0x7E) {
      return LineError(line, "block " + std::to_string(block) + ": character " + Printable(c) +
                                 " is not printable ASCII");
    }
  }
  return Status::Ok();
}

// Reads one message from `r`; stops at the end, at a '$' separator line, or at the "{1:"
// of the next message.
Result<SwiftMessage> ReadMessage(Reader& r) {
  SwiftMessage message;
  int last_block = 0;
  int first_line = r.line();
  int header_lines[3] = {first_line, first_line, first_line};
  while (!r.AtEnd() && r.Peek() != '$') {
    int line = r.line();
    if (last_block >= 4 && r.StartsWith("{1:")) break;  // the next message
    if (!r.Consume("{")) return LineError(line, "expected '{' to open a block");
    char id = r.Peek();
    if (id < '1' || id > '5') return LineError(line, "unknown block " + Printable(id));
    r.Advance();
    if (!r.Consume(":")) return LineError(line, "expected ':' after the block number");
    int block = id - '0';
    if (block <= last_block)
      return LineError(line, "block " + std::to_string(block) + " out of order");
    last_block = block;
    if (block == 4) {
      LCPROC_RETURN_IF_ERROR(ReadTextBlock(r, &message.fields));
      r.SkipWhitespace();
      continue;
    }
    LCPROC_ASSIGN_OR_RETURN(std::string contents, ReadBracedContents(r, block));
    switch (block) {
      case 1:
        message.basic_header = std::move(contents);
        header_lines[1] = line;
        break;
      case 2:
        message.application_header = std::move(contents);
        header_lines[2] = line;
        break;
      case 3:
        LCPROC_RETURN_IF_ERROR(CheckPrintable(contents, 3, line));
        message.user_header = std::move(contents);
        break;
      case 5:
        LCPROC_RETURN_IF_ERROR(CheckPrintable(contents, 5, line));
        message.trailer = std::move(contents);
        break;
    }
    r.SkipWhitespace();
  }
  if (last_block < 1 || message.basic_header.empty()) {
    return LineError(first_line, "block 1 (basic header) is missing");
  }
  LCPROC_RETURN_IF_ERROR(CheckBasicHeader(message.basic_header, header_lines[1]));
  if (last_block < 2 || message.application_header.empty()) {
    return LineError(header_lines[1], "block 2 (application header) is missing");
  }
  LCPROC_RETURN_IF_ERROR(CheckApplicationHeader(message.application_header, header_lines[2]));
  if (message.fields.empty()) return LineError(r.line(), "block 4 (text) is missing");
  return message;
}

}  // namespace

Result<SwiftMessage> ParseSwiftMessage(std::string_view text) {
  if (text.size() > kMaxSwiftMessageBytes) {
    return ResourceExhausted("SWIFT message of " + std::to_string(text.size()) +
                             " bytes exceeds the limit of " +
                             std::to_string(kMaxSwiftMessageBytes));
  }
  Reader r(text);
  r.SkipWhitespace();
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, ReadMessage(r));
  if (!r.AtEnd()) {
    return LineError(r.line(),
                     "text after the end of the message (a file of several messages "
                     "is read as an MT700/MT701 or MT707/MT708 sequence)");
  }
  return message;
}

Result<std::vector<SwiftMessage>> ParseSwiftMessages(std::string_view text) {
  if (text.size() > kMaxSwiftFileBytes) {
    return ResourceExhausted("SWIFT file of " + std::to_string(text.size()) +
                             " bytes exceeds the limit of " + std::to_string(kMaxSwiftFileBytes));
  }
  std::vector<SwiftMessage> messages;
  Reader r(text);
  r.SkipWhitespace();
  while (!r.AtEnd()) {
    if (r.Peek() == '$') {
      int line = r.line();
      r.Advance();
      if (messages.empty()) return LineError(line, "'$' separates messages; none came before it");
      r.SkipWhitespace();
      if (r.AtEnd()) return LineError(line, "'$' separator is not followed by a message");
      continue;
    }
    if (messages.size() >= kMaxSwiftMessagesPerFile) {
      return ResourceExhausted("line " + std::to_string(r.line()) + ": more than " +
                               std::to_string(kMaxSwiftMessagesPerFile) + " messages in one file");
    }
    LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, ReadMessage(r));
    messages.push_back(std::move(message));
  }
  if (messages.empty()) return LineError(1, "no SWIFT message (expected '{1:')");
  return messages;
}

std::string WriteSwiftMessage(const SwiftMessage& m) {
  std::string out = "{1:" + m.basic_header + "}{2:" + m.application_header + "}";
  if (!m.user_header.empty()) out += "{3:" + m.user_header + "}";
  out += "{4:\r\n";
  for (const SwiftField& f : m.fields) {
    out += ":" + f.tag + ":" + f.Value("\r\n") + "\r\n";
  }
  out += "-}";
  if (!m.trailer.empty()) out += "{5:" + m.trailer + "}";
  out += "\r\n";
  return out;
}

Status FieldError(const SwiftField& field, std::string_view message) {
  return Malformed("line " + std::to_string(field.line) + ", tag " + field.tag + ": " +
                   std::string(message));
}

Status CheckFieldShape(const SwiftField& field, size_t max_lines, size_t width, size_t min_lines) {
  if (field.lines.size() < min_lines || (field.lines.size() == 1 && field.lines[0].empty())) {
    return FieldError(field, "needs at least " + std::to_string(min_lines) + " line(s)");
  }
  if (field.lines.size() > max_lines) {
    return FieldError(field, "has " + std::to_string(field.lines.size()) + " lines, at most " +
                                 std::to_string(max_lines) + " allowed");
  }
  for (size_t i = 0; i < field.lines.size(); ++i) {
    if (field.lines[i].size() > width) {
      return Malformed("line " + std::to_string(field.line + static_cast<int>(i)) + ", tag " +
                       field.tag + ": line longer than " + std::to_string(width) + " characters");
    }
  }
  return Status::Ok();
}

Result<SequenceNumber> ParseSequenceNumber(const SwiftMessage& message) {
  const SwiftField* seq = message.Find("27");
  if (seq == nullptr) return SequenceNumber{};
  const std::string value = seq->Value();
  if (value.size() != 3 || value[1] != '/' || value[0] < '1' || value[0] > '8' || value[2] < '1' ||
      value[2] > '8' || value[0] > value[2]) {
    return FieldError(*seq, "sequence of total must be n/N with 1 <= n <= N <= 8");
  }
  return SequenceNumber{value[0] - '0', value[2] - '0'};
}

Status RequireSingleMessage(const SwiftMessage& message) {
  LCPROC_ASSIGN_OR_RETURN(SequenceNumber seq, ParseSequenceNumber(message));
  if (seq.total == 1) return Status::Ok();
  return FieldError(*message.Find("27"),
                    "message " + std::to_string(seq.number) + "/" + std::to_string(seq.total) +
                        " is part of a sequence; this message type is never continued");
}

}  // namespace lcproc::formats
