// LedgerEntry: what one leaf of the ledger says, and its byte encoding.
//
// A leaf holds the exact bytes the bank signed, its JWS and the processor's outcome,
// so anyone holding a leaf can re-check both the bank's signature and the verdict.
// The leaf bytes are hashed into the RFC 6962 tree as they are (LeafHash), so the
// encoding is canonical: one entry has exactly one encoding, and DecodeLeaf refuses
// every other byte string.
//
// Encoding, version 1 (documented for outside verifiers in readme-engine.md):
//   byte     0x01                         version
//   byte     verdict                      1 accepted, 2 rejected
//   varint   received_millis              unsigned LEB128, shortest form
//   field    submitter                    field = LEB128 length || bytes
//   field    content_type
//   field    idempotency_key              (may be empty)
//   field    body                         the exact signed bytes
//   field    jws                          the detached JWS over body
//   field    reason_code                  StatusCodeName(), "ok" when accepted
//   field    reason                       a message for a person (may be empty)
//   varint   discrepancy count, then that many fields
// Nothing may follow. Lengths are unsigned LEB128 in their shortest form.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace lcproc::ledger_store {

inline constexpr uint8_t kLeafVersion = 1;
// The verdict byte.
inline constexpr uint8_t kLeafAccepted = 1;
inline constexpr uint8_t kLeafRejected = 2;

struct LedgerEntry {
  bool accepted = false;
  int64_t received_millis = 0;  // >= 0
  std::string submitter;
  std::string content_type;
  std::string idempotency_key;
  std::string body;
  std::string jws;
  StatusCode reason_code = StatusCode::kOk;
  std::string reason;
  std::vector<std::string> discrepancies;

  friend bool operator==(const LedgerEntry&, const LedgerEntry&) = default;
};

// The version 1 leaf bytes. REQUIRES: received_millis >= 0.
std::string EncodeLeaf(const LedgerEntry& entry);

// Strict inverse of EncodeLeaf: Malformed for an unknown version or verdict, a
// truncated or overlong field, a non-shortest varint, an unknown reason code, an
// accepted entry whose code is not "ok", or trailing bytes.
Result<LedgerEntry> DecodeLeaf(std::string_view leaf);

// The code named by StatusCodeName(code); nullopt-like NotFound for unknown names.
Result<StatusCode> ParseStatusCodeName(std::string_view name);

}  // namespace lcproc::ledger_store
