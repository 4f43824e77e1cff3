#include "pipeline/ledger/consistency_proof.h"

#include <algorithm>
#include <bit>
#include <string>

#include "pipeline/ledger/hash.h"

namespace lcproc::ledger {
namespace {

Status SizesInOrder(uint64_t old_size, uint64_t new_size) {
  if (old_size > new_size) {
    return InvalidArgument("consistency from size " + std::to_string(old_size) +
                           " to the smaller size " + std::to_string(new_size));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<crypto::Digest>> ConsistencyProof(const TileReader& tiles, uint64_t old_size,
                                                     uint64_t new_size) {
  TreeHashes hashes(tiles);
  return ConsistencyProof(hashes, old_size, new_size);
}

Result<std::vector<crypto::Digest>> ConsistencyProof(TreeHashes& hashes, uint64_t old_size,
                                                     uint64_t new_size) {
  LCPROC_RETURN_IF_ERROR(SizesInOrder(old_size, new_size));
  std::vector<crypto::Digest> proof;
  if (old_size == 0 || old_size == new_size) return proof;
  // RFC 6962 §2.1.2 SUBPROOF(m, D[n], b), unrolled: descend while the old tree ends
  // inside the current range, recording the hash of the side not descended into.
  uint64_t begin = 0;
  uint64_t end = new_size;
  bool whole_old_tree = true;  // b: the current range's left part is the old root itself
  while (old_size < end) {
    const uint64_t k = std::bit_floor(end - begin - 1);
    if (old_size - begin <= k) {
      LCPROC_ASSIGN_OR_RETURN(crypto::Digest right, hashes.Range(begin + k, end));
      proof.push_back(right);
      end = begin + k;
    } else {
      LCPROC_ASSIGN_OR_RETURN(crypto::Digest left, hashes.Range(begin, begin + k));
      proof.push_back(left);
      begin += k;
      whole_old_tree = false;
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}: a subtree the verifier cannot rebuild.
  if (!whole_old_tree) {
    LCPROC_ASSIGN_OR_RETURN(crypto::Digest subtree, hashes.Range(begin, end));
    proof.push_back(subtree);
  }
  std::reverse(proof.begin(), proof.end());
  return proof;
}

Status VerifyConsistency(uint64_t old_size, uint64_t new_size, const crypto::Digest& old_root,
                         const crypto::Digest& new_root, std::span<const crypto::Digest> proof) {
  LCPROC_RETURN_IF_ERROR(SizesInOrder(old_size, new_size));
  if (old_size == new_size || old_size == 0) {
    if (!proof.empty()) return Unauthenticated("consistency proof must be empty for these sizes");
    if (old_size == 0 && old_root != EmptyRoot()) {
      return Unauthenticated("old root is not the empty tree's root");
    }
    if (old_size == new_size && old_root != new_root) {
      return Unauthenticated("trees of equal size have different roots");
    }
    return Status::Ok();
  }
  // RFC 9162 §2.1.4.2, step by step.
  if (proof.empty()) return Unauthenticated("consistency proof is empty");
  std::vector<crypto::Digest> path;
  path.reserve(proof.size() + 1);
  if (std::has_single_bit(old_size)) path.push_back(old_root);  // step 2
  path.insert(path.end(), proof.begin(), proof.end());
  uint64_t fn = old_size - 1;
  uint64_t sn = new_size - 1;
  while ((fn & 1) == 1) {  // step 4
    fn >>= 1;
    sn >>= 1;
  }
  crypto::Digest fr = path[0];
  crypto::Digest sr = path[0];
  for (size_t i = 1; i < path.size(); ++i) {
    const crypto::Digest& c = path[i];
    if (sn == 0) return Unauthenticated("consistency proof is longer than needed");
    if ((fn & 1) == 1 || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Unauthenticated("consistency proof is shorter than needed");
  if (fr != old_root) return Unauthenticated("consistency proof does not lead to the old root");
  if (sr != new_root) return Unauthenticated("consistency proof does not lead to the new root");
  return Status::Ok();
}

}  // namespace lcproc::ledger
