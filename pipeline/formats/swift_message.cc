#include "pipeline/formats/swift_message.h"

#include <cctype>
#include <cstdio>

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
    if (c == '\r' || c == '\n') return LineError(r.line(), "block " + std::to_string(block) + " spans lines");
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
  for (char c : text) {
    if (!IsSwiftXCharacter(c)) {
      return LineError(line, "tag " + field.tag + ": character " + Printable(c) +
                                 " is not in the SWIFT X character set");
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
    case '/': case '-': case '?': case ':': case '(': case ')':
    case '.': case ',': case '\'': case '+': case ' ':
      return true;
    default:
      return false;
  }
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
  // F01 + LT address(12) + session(4) + sequence(6).
  if (m.basic_header.size() < 15) return Malformed("line 1: block 1 is too short");
  return BicFromTerminalAddress(std::string_view(m.basic_header).substr(3, 12));
}

Result<std::string> SwiftReceiverBic(const SwiftMessage& m) {
  const std::string& b2 = m.application_header;
  if (!b2.empty() && b2[0] == 'I') {
    // I + MT(3) + receiver LT address(12) + priority.
    if (b2.size() < 16) return Malformed("line 1: block 2 input header is too short");
    return BicFromTerminalAddress(std::string_view(b2).substr(4, 12));
  }
  if (m.basic_header.size() < 15) return Malformed("line 1: block 1 is too short");
  return BicFromTerminalAddress(std::string_view(m.basic_header).substr(3, 12));
}

Result<SwiftMessage> ParseSwiftMessage(std::string_view text) {
  if (text.size() > kMaxSwiftMessageBytes) {
    return ResourceExhausted("SWIFT message of " + std::to_string(text.size()) +
                             " bytes exceeds the limit of " + std::to_string(kMaxSwiftMessageBytes));
  }
  SwiftMessage message;
  Reader r(text);
  int last_block = 0;
  r.SkipWhitespace();
  while (!r.AtEnd()) {
    int line = r.line();
    if (!r.Consume("{")) return LineError(line, "expected '{' to open a block");
    char id = r.Peek();
    if (id < '1' || id > '5') return LineError(line, "unknown block '" + std::string(1, id) + "'");
    r.Advance();
    if (!r.Consume(":")) return LineError(line, "expected ':' after the block number");
    int block = id - '0';
    if (block <= last_block) return LineError(line, "block " + std::to_string(block) + " out of order");
    last_block = block;
    if (block == 4) {
      LCPROC_RETURN_IF_ERROR(ReadTextBlock(r, &message.fields));
      r.SkipWhitespace();
      continue;
    }
    LCPROC_ASSIGN_OR_RETURN(std::string contents, ReadBracedContents(r, block));
    switch (block) {
      case 1: message.basic_header = std::move(contents); break;
      case 2: message.application_header = std::move(contents); break;
      case 3: message.user_header = std::move(contents); break;
      case 5: message.trailer = std::move(contents); break;
    }
    r.SkipWhitespace();
  }
  if (message.basic_header.empty()) return LineError(1, "block 1 (basic header) is missing");
  if (message.application_header.size() < 4) {
    return LineError(1, "block 2 (application header) is missing or too short");
  }
  if (message.fields.empty()) return LineError(r.line(), "block 4 (text) is missing");
  return message;
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
    return FieldError(field, "has " + std::to_string(field.lines.size()) +
                                 " lines, at most " + std::to_string(max_lines) + " allowed");
  }
  for (size_t i = 0; i < field.lines.size(); ++i) {
    if (field.lines[i].size() > width) {
      return Malformed("line " + std::to_string(field.line + static_cast<int>(i)) + ", tag " +
                       field.tag + ": line longer than " + std::to_string(width) + " characters");
    }
  }
  return Status::Ok();
}

Status RequireSingleMessage(const SwiftMessage& message) {
  const SwiftField* seq = message.Find("27");
  if (seq == nullptr) return Status::Ok();
  const std::string value = seq->Value();
  if (value == "1/1") return Status::Ok();
  size_t slash = value.find('/');
  if (slash == std::string::npos) return FieldError(*seq, "sequence of total must be n/N");
  return FieldError(*seq, "message " + value + " is part of a sequence continued by MT701/MT708; "
                          "lcproc accepts only complete single messages (27:1/1)");
}

}  // namespace lcproc::formats
