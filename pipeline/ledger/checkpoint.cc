#include "pipeline/ledger/checkpoint.h"

#include <charconv>
#include <cstring>

#include "pipeline/crypto/base64.h"

namespace lcproc::ledger {
namespace {

// c2sp.org/signed-note: no ASCII control characters other than newline.
bool HasControlCharacter(std::string_view line) {
  for (char c : line) {
    if (static_cast<unsigned char>(c) < 0x20) return true;
  }
  return false;
}

Result<uint64_t> ParseTreeSize(std::string_view s) {
  // c2sp.org/tlog-checkpoint: ASCII decimal, no leading zeroes unless the tree is empty.
  if (s.empty() || (s.size() > 1 && s[0] == '0')) {
    return Malformed("checkpoint tree size must be decimal without leading zeros");
  }
  for (char c : s) {
    if (c < '0' || c > '9') return Malformed("checkpoint tree size must be decimal digits");
  }
  uint64_t size = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), size);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    return Malformed("checkpoint tree size exceeds 2^64-1");
  }
  return size;
}

}  // namespace

std::string FormatCheckpoint(const Checkpoint& checkpoint) {
  std::string body = checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n" +
                     crypto::Base64Encode(crypto::AsBytes(checkpoint.root)) + "\n";
  for (const std::string& line : checkpoint.extensions) body += line + "\n";
  return body;
}

Result<Checkpoint> ParseCheckpoint(std::string_view body) {
  if (body.empty() || body.back() != '\n') return Malformed("checkpoint must end in a newline");
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < body.size();) {
    const size_t nl = body.find('\n', start);
    lines.push_back(body.substr(start, nl - start));
    start = nl + 1;
  }
  if (lines.size() < 3) return Malformed("checkpoint needs origin, size and root lines");
  for (std::string_view line : lines) {
    if (line.empty()) return Malformed("checkpoint has an empty line");
    if (HasControlCharacter(line)) return Malformed("checkpoint has a control character");
  }
  Checkpoint checkpoint;
  checkpoint.origin = std::string(lines[0]);
  LCPROC_ASSIGN_OR_RETURN(checkpoint.size, ParseTreeSize(lines[1]));
  auto root = crypto::Base64Decode(lines[2]);
  if (!root.ok() || root->size() != checkpoint.root.size()) {
    return Malformed("checkpoint root must be the base64 of 32 bytes");
  }
  std::memcpy(checkpoint.root.data(), root->data(), checkpoint.root.size());
  for (size_t i = 3; i < lines.size(); ++i) checkpoint.extensions.emplace_back(lines[i]);
  return checkpoint;
}

}  // namespace lcproc::ledger
