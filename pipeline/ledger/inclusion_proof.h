// Inclusion proofs (RFC 9162 §2.1.3): the audit path showing that the leaf at an index
// is in the tree of a given size, built from stored tiles and verified by the RFC's
// algorithm. Verification depends on nothing but SHA-256, so an auditor can run it with
// only a checkpoint and the proof. Pure functions; thread-safe when the reader is.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "pipeline/crypto/sha256.h"
#include "pipeline/ledger/tile_store.h"
#include "pipeline/ledger/tree_hashes.h"
#include "pipeline/status.h"

namespace lcproc::ledger {

// PATH(index, D[0:tree_size]) of RFC 6962 §2.1.1 (RFC 9162 §2.1.3.1): sibling hashes
// from the leaf up to the root. O(log n) tile reads. InvalidArgument when index >=
// tree_size; the store's NotFound when the tiles do not reach tree_size.
Result<std::vector<crypto::Digest>> InclusionProof(const TileReader& tiles, uint64_t index,
                                                   uint64_t tree_size);

// The same, through a caller's TreeHashes, so the proofs of many leaves (every leaf of
// a committed batch) share tile reads and interior hashing: after the first proof, the
// others through the same tiles cost only lookups.
Result<std::vector<crypto::Digest>> InclusionProof(TreeHashes& hashes, uint64_t index,
                                                   uint64_t tree_size);

// RFC 9162 §2.1.3.2. OK when `proof` shows the leaf with `leaf_hash` at `index` is in
// the tree of `tree_size` whose root is `root`. InvalidArgument when index >= tree_size;
// Unauthenticated when the proof is too long, too short or leads to another root.
Status VerifyInclusion(const crypto::Digest& leaf_hash, uint64_t index, uint64_t tree_size,
                       std::span<const crypto::Digest> proof, const crypto::Digest& root);

// The root the proof leads to (RFC 9162 §2.1.3.2 steps 1-4), for callers that compare
// it against a checkpoint themselves. Errors as VerifyInclusion.
Result<crypto::Digest> RootFromInclusionProof(const crypto::Digest& leaf_hash, uint64_t index,
                                              uint64_t tree_size,
                                              std::span<const crypto::Digest> proof);

}  // namespace lcproc::ledger
