// Consistency proofs (RFC 9162 §2.1.4): the hashes showing that the tree of new_size
// extends the tree of old_size without changing any of its leaves, built from stored
// tiles and verified by the RFC's algorithm with nothing but SHA-256. Pure functions;
// thread-safe when the reader is.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "pipeline/crypto/sha256.h"
#include "pipeline/ledger/tile_store.h"
#include "pipeline/ledger/tree_hashes.h"
#include "pipeline/status.h"

namespace lcproc::ledger {

// PROOF(old_size, D[0:new_size]) of RFC 6962 §2.1.2 (RFC 9162 §2.1.4.1). Empty when
// old_size is 0 or equals new_size. O(log n) tile reads. InvalidArgument when
// old_size > new_size; the store's NotFound when the tiles do not reach new_size.
Result<std::vector<crypto::Digest>> ConsistencyProof(const TileReader& tiles, uint64_t old_size,
                                                     uint64_t new_size);

// The same, through a caller's TreeHashes (shares reads and hashing across proofs).
Result<std::vector<crypto::Digest>> ConsistencyProof(TreeHashes& hashes, uint64_t old_size,
                                                     uint64_t new_size);

// RFC 9162 §2.1.4.2. OK when `proof` shows the tree (new_size, new_root) extends the
// tree (old_size, old_root). Equal sizes need an empty proof and equal roots; old_size
// 0 needs an empty proof and old_root == EmptyRoot(). InvalidArgument when old_size >
// new_size; Unauthenticated when the proof has the wrong length or either root differs.
Status VerifyConsistency(uint64_t old_size, uint64_t new_size, const crypto::Digest& old_root,
                         const crypto::Digest& new_root, std::span<const crypto::Digest> proof);

}  // namespace lcproc::ledger
