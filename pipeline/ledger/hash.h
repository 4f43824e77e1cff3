// The RFC 6962 / RFC 9162 §2.1.1 Merkle Tree Hash primitives over SHA-256.
//
// Leaves and interior nodes are hashed with distinct one-byte prefixes (0x00 and
// 0x01) so that a leaf can never be passed off as an interior node (second-preimage
// resistance, RFC 9162 §2.1.1). Pure functions; safe to call from any thread.
#pragma once

#include <string_view>

#include "pipeline/crypto/sha256.h"

namespace lcproc::ledger {

// MTH({d}) = SHA-256(0x00 || d): the hash of one leaf's bytes.
crypto::Digest LeafHash(std::string_view leaf_bytes);

// SHA-256(0x01 || left || right): an interior node over two subtrees.
crypto::Digest NodeHash(const crypto::Digest& left, const crypto::Digest& right);

// MTH({}) = SHA-256(""): the root of the empty tree.
crypto::Digest EmptyRoot();

// The root of a complete subtree given its 2^k bottom hashes, concatenated (32 bytes
// each), e.g. a power-of-two run of one tile. 2^k - 1 NodeHash calls, no allocation.
// REQUIRES: the hash count is a power of two (asserted).
crypto::Digest PerfectSubtreeRoot(std::string_view concatenated_hashes);

}  // namespace lcproc::ledger
