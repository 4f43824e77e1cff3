#include "pipeline/ledger_store/ledger_entry.h"

#include "pipeline/ledger_store/ledger_store.h"

namespace lcproc::ledger_store {
namespace {

void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void PutField(std::string& out, std::string_view bytes) {
  PutVarint(out, bytes.size());
  out.append(bytes);
}

// Reads the leaf front to back; every getter fails (and stays failed) on a bad byte.
class LeafReader {
 public:
  explicit LeafReader(std::string_view data) : data_(data) {}

  bool Byte(uint8_t& b) {
    if (data_.empty()) return false;
    b = static_cast<uint8_t>(data_[0]);
    data_.remove_prefix(1);
    return true;
  }

  // Unsigned LEB128, shortest form only, so one value has one encoding.
  bool Varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b;
      if (!Byte(b)) return false;
      if (shift == 63 && b > 1) return false;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return b != 0 || shift == 0;
    }
    return false;
  }

  bool Field(std::string& out) {
    uint64_t n;
    if (!Varint(n) || n > data_.size()) return false;
    out.assign(data_.substr(0, n));
    data_.remove_prefix(n);
    return true;
  }

  bool done() const { return data_.empty(); }
  size_t remaining() const { return data_.size(); }

 private:
  std::string_view data_;
};

}  // namespace

std::string EncodeLeaf(const LedgerEntry& e) {
  std::string out;
  out.reserve(e.body.size() + e.jws.size() + e.submitter.size() + e.content_type.size() +
              e.idempotency_key.size() + e.reason.size() + 48);
  out.push_back(static_cast<char>(kLeafVersion));
  out.push_back(static_cast<char>(e.accepted ? kLeafAccepted : kLeafRejected));
  PutVarint(out, static_cast<uint64_t>(e.received_millis));
  PutField(out, e.submitter);
  PutField(out, e.content_type);
  PutField(out, e.idempotency_key);
  PutField(out, e.body);
  PutField(out, e.jws);
  PutField(out, StatusCodeName(e.accepted ? StatusCode::kOk : e.reason_code));
  PutField(out, e.reason);
  PutVarint(out, e.discrepancies.size());
  for (const auto& d : e.discrepancies) PutField(out, d);
  return out;
}

Result<StatusCode> ParseStatusCodeName(std::string_view name) {
  for (int c = 0; c <= static_cast<int>(StatusCode::kInternal); ++c) {
    if (StatusCodeName(static_cast<StatusCode>(c)) == name) return static_cast<StatusCode>(c);
  }
  return NotFound("unknown status code name");
}

Result<LedgerEntry> DecodeLeaf(std::string_view leaf) {
  LeafReader r(leaf);
  LedgerEntry e;
  uint8_t version = 0, verdict = 0;
  if (!r.Byte(version) || version != kLeafVersion) return Malformed("leaf: unknown version");
  if (!r.Byte(verdict) || (verdict != kLeafAccepted && verdict != kLeafRejected)) {
    return Malformed("leaf: unknown verdict");
  }
  e.accepted = verdict == kLeafAccepted;
  uint64_t millis = 0;
  if (!r.Varint(millis) || millis > static_cast<uint64_t>(INT64_MAX)) {
    return Malformed("leaf: bad received time");
  }
  e.received_millis = static_cast<int64_t>(millis);
  std::string code;
  if (!r.Field(e.submitter) || !r.Field(e.content_type) || !r.Field(e.idempotency_key) ||
      !r.Field(e.body) || !r.Field(e.jws) || !r.Field(code) || !r.Field(e.reason)) {
    return Malformed("leaf: truncated field");
  }
  auto parsed = ParseStatusCodeName(code);
  if (!parsed.ok()) return Malformed("leaf: unknown reason code");
  e.reason_code = *parsed;
  if (e.accepted != (e.reason_code == StatusCode::kOk)) {
    return Malformed("leaf: verdict and reason code disagree");
  }
  uint64_t count = 0;
  if (!r.Varint(count) || count > r.remaining()) return Malformed("leaf: bad discrepancy count");
  e.discrepancies.resize(count);
  for (auto& d : e.discrepancies) {
    if (!r.Field(d)) return Malformed("leaf: truncated discrepancy");
  }
  if (!r.done()) return Malformed("leaf: trailing bytes");
  return e;
}

}  // namespace lcproc::ledger_store
