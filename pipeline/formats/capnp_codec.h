// The Cap'n Proto binary form of a trade document: one `Document` message of
// schemas/trade.capnp (its union arm is the document type), unpacked, single segment or
// segmented as capnp::messageToFlatArray writes it.
//
// Field names and value forms are the JSON ones (field_list.h drives both codecs), so a
// document converts between JSON and Cap'n Proto without loss, and errors read the same:
// InvalidArgument "<pointer>: …" for a bad value, Malformed for bytes that are not a
// Cap'n Proto message of our schema, ResourceExhausted past the size, traversal or nesting
// limits. kj exceptions are caught here, at the one place they leave the library.
//
// No Cap'n Proto type appears in this header: readers and builders never escape the codec.
// Thread-safe (no shared state); never throws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "pipeline/trade/document.h"

namespace lcproc::formats {

inline constexpr size_t kMaxCapnpBodyBytes = 1024 * 1024;
// Capnp's defence against amplification: a message may make the reader visit at most this
// many words in total (here 4x the largest body), however its pointers overlap.
inline constexpr uint64_t kCapnpTraversalLimitWords = 4 * kMaxCapnpBodyBytes / 8;
inline constexpr int kCapnpNestingLimit = 16;

// Decodes a Document message. REQUIRES nothing of `body`'s alignment (it is copied into
// aligned words first).
Result<trade::Document> DecodeCapnp(std::string_view body);

// Encodes `document` as a flat Document message. Internal only if the schema and the
// field lists disagree (a bug caught by the round-trip tests).
Result<std::string> EncodeCapnp(const trade::Document& document);

}  // namespace lcproc::formats
