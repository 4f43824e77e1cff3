// Checkpoint: the ledger's tree head as the body of a C2SP tlog-checkpoint note
// (c2sp.org/tlog-checkpoint):
//
//   <origin>\n
//   <tree size, decimal, no leading zeros>\n
//   <base64 of the 32-byte RFC 6962 root>\n
//   [<extension line>\n ...]
//
// Signing and verifying the note around it is signed_note.h's job. Pure values and
// functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/crypto/sha256.h"
#include "pipeline/status.h"

namespace lcproc::ledger {

struct Checkpoint {
  std::string origin;  // the log's identity, e.g. "lcproc.example/ledger"
  uint64_t size = 0;
  crypto::Digest root{};
  // Opaque, optional, each non-empty (the spec recommends none; kept for round trips).
  std::vector<std::string> extensions;

  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// The note body, ending in a newline. REQUIRES: origin and extensions are valid as
// ParseCheckpoint checks (non-empty lines without newlines or control characters).
std::string FormatCheckpoint(const Checkpoint& checkpoint);

// Strict parse of a note body: Malformed when the body does not end in a newline, has
// fewer than three lines or an empty line, the origin is empty or holds a control
// character, the size has a sign, a leading zero or exceeds 2^64-1, or the root is not
// the canonical standard base64 of exactly 32 bytes.
Result<Checkpoint> ParseCheckpoint(std::string_view body);

}  // namespace lcproc::ledger
