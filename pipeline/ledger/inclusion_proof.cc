#include "pipeline/ledger/inclusion_proof.h"

#include <algorithm>
#include <bit>
#include <string>

#include "pipeline/ledger/hash.h"

namespace lcproc::ledger {

Result<std::vector<crypto::Digest>> InclusionProof(const TileReader& tiles, uint64_t index,
                                                   uint64_t tree_size) {
  TreeHashes hashes(tiles);
  return InclusionProof(hashes, index, tree_size);
}

Result<std::vector<crypto::Digest>> InclusionProof(TreeHashes& hashes, uint64_t index,
                                                   uint64_t tree_size) {
  if (index >= tree_size) {
    return InvalidArgument("leaf index " + std::to_string(index) + " is outside a tree of " +
                           std::to_string(tree_size) + " leaves");
  }
  // RFC 6962 §2.1.1 PATH(m, D[n]), unrolled: at each step split the current range at
  // the largest power of two below its length, keep the side holding the leaf and
  // record the other side's hash. Recorded root-first, returned leaf-first.
  std::vector<crypto::Digest> proof;
  uint64_t begin = 0;
  uint64_t end = tree_size;
  while (end - begin > 1) {
    const uint64_t k = std::bit_floor(end - begin - 1);
    if (index < begin + k) {
      LCPROC_ASSIGN_OR_RETURN(crypto::Digest right, hashes.Range(begin + k, end));
      proof.push_back(right);
      end = begin + k;
    } else {
      LCPROC_ASSIGN_OR_RETURN(crypto::Digest left, hashes.Range(begin, begin + k));
      proof.push_back(left);
      begin += k;
    }
  }
  std::reverse(proof.begin(), proof.end());
  return proof;
}

Result<crypto::Digest> RootFromInclusionProof(const crypto::Digest& leaf_hash, uint64_t index,
                                              uint64_t tree_size,
                                              std::span<const crypto::Digest> proof) {
  // RFC 9162 §2.1.3.2, step by step.
  if (index >= tree_size) {
    return InvalidArgument("leaf index " + std::to_string(index) + " is outside a tree of " +
                           std::to_string(tree_size) + " leaves");
  }
  uint64_t fn = index;
  uint64_t sn = tree_size - 1;
  crypto::Digest r = leaf_hash;
  for (const crypto::Digest& p : proof) {
    if (sn == 0) return Unauthenticated("inclusion proof is longer than the path to the root");
    if ((fn & 1) == 1 || fn == sn) {
      r = NodeHash(p, r);
      // A left child on the right border has no sibling on its own level: climb until
      // it is a right child again or the border ends.
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Unauthenticated("inclusion proof is shorter than the path to the root");
  return r;
}

Status VerifyInclusion(const crypto::Digest& leaf_hash, uint64_t index, uint64_t tree_size,
                       std::span<const crypto::Digest> proof, const crypto::Digest& root) {
  LCPROC_ASSIGN_OR_RETURN(crypto::Digest computed,
                          RootFromInclusionProof(leaf_hash, index, tree_size, proof));
  if (computed != root) {
    return Unauthenticated("inclusion proof leads to root " + crypto::ToHex(computed) +
                           ", not the expected " + crypto::ToHex(root));
  }
  return Status::Ok();
}

}  // namespace lcproc::ledger
