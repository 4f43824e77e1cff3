// Test-only helpers for the ledger tests: the RFC 6962 reference vectors from
// tests/testdata/rfc6962_reference_tree.json, and NaiveTree, a direct transcription of
// RFC 6962 §2.1 (MTH, PATH, PROOF/SUBPROOF) with memoised subtree hashes, against which
// the tiled implementation is checked exhaustively; ReferenceStore, the reference
// tree's tiles.
#pragma once

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "pipeline/crypto/hex.h"
#include "pipeline/crypto/sha256.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger/tile_store.h"

#include "tests/testing/source_file.h"

namespace lcproc::ledger::testing {

inline crypto::Digest DigestFromHex(std::string_view hex) {
  auto bytes = crypto::HexDecode(hex);
  crypto::Digest d{};
  if (!bytes.ok() || bytes->size() != d.size()) std::abort();
  std::memcpy(d.data(), bytes->data(), d.size());
  return d;
}

struct ReferenceInclusion {
  uint64_t index;
  uint64_t tree_size;
  std::vector<crypto::Digest> path;
};

struct ReferenceConsistency {
  uint64_t old_size;
  uint64_t new_size;
  std::vector<crypto::Digest> proof;
};

struct ReferenceTree {
  crypto::Digest empty_root;
  std::vector<std::string> leaves;    // raw bytes
  std::vector<crypto::Digest> roots;  // roots[i] = root of the first i+1 leaves
  std::vector<ReferenceInclusion> inclusion;
  std::vector<ReferenceConsistency> consistency;
};

inline std::vector<crypto::Digest> DigestList(const boost::json::value& v) {
  std::vector<crypto::Digest> out;
  for (const auto& h : v.as_array()) out.push_back(DigestFromHex(h.as_string()));
  return out;
}

// Loads the vectors; aborts if the file is missing or damaged (a broken checkout).
inline ReferenceTree LoadReferenceTree() {
  const std::string path =
      lcproc::testing::SourcePath("tests/testdata/rfc6962_reference_tree.json");
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s (run from the repository root or set LCPROC_SOURCE_DIR)\n",
                 path.c_str());
    std::abort();
  }
  std::stringstream text;
  text << in.rdbuf();
  const boost::json::object doc = boost::json::parse(text.str()).as_object();
  ReferenceTree tree;
  tree.empty_root = DigestFromHex(doc.at("empty_root").as_string());
  for (const auto& leaf : doc.at("leaves").as_array()) {
    tree.leaves.push_back(crypto::HexDecode(leaf.as_string()).value());
  }
  tree.roots = DigestList(doc.at("roots"));
  for (const auto& v : doc.at("inclusion").as_array()) {
    const auto& o = v.as_object();
    tree.inclusion.push_back({static_cast<uint64_t>(o.at("index").as_int64()),
                              static_cast<uint64_t>(o.at("tree_size").as_int64()),
                              DigestList(o.at("path"))});
  }
  for (const auto& v : doc.at("consistency").as_array()) {
    const auto& o = v.as_object();
    tree.consistency.push_back({static_cast<uint64_t>(o.at("old_size").as_int64()),
                                static_cast<uint64_t>(o.at("new_size").as_int64()),
                                DigestList(o.at("proof"))});
  }
  return tree;
}

// The reference tree's tiles, built once through MerkleTree: the store the proof tests
// ask for their proofs.
inline const MemoryTileStore& ReferenceStore() {
  static const MemoryTileStore* store = [] {
    auto* s = new MemoryTileStore;
    MerkleTree tree;
    for (const auto& leaf : LoadReferenceTree().leaves) {
      const crypto::Digest h = LeafHash(leaf);
      s->Apply(tree.Append({&h, 1}).value());
    }
    return s;
  }();
  return *store;
}

// RFC 6962 §2.1 as written, recursive, over a fixed list of leaf hashes.
class NaiveTree {
 public:
  explicit NaiveTree(std::vector<crypto::Digest> leaf_hashes) : leaves_(std::move(leaf_hashes)) {}

  // MTH(D[begin:end]).
  crypto::Digest Mth(uint64_t begin, uint64_t end) {
    if (begin == end) return EmptyRoot();
    if (end - begin == 1) return leaves_[begin];
    auto it = memo_.find({begin, end});
    if (it != memo_.end()) return it->second;
    const uint64_t k = std::bit_floor(end - begin - 1);  // largest power of two < n
    const crypto::Digest h = NodeHash(Mth(begin, begin + k), Mth(begin + k, end));
    memo_.emplace(std::make_pair(begin, end), h);
    return h;
  }

  // PATH(m, D[begin:end]) of §2.1.1.
  std::vector<crypto::Digest> Path(uint64_t m, uint64_t begin, uint64_t end) {
    if (end - begin <= 1) return {};
    const uint64_t k = std::bit_floor(end - begin - 1);
    std::vector<crypto::Digest> out;
    if (m < k) {
      out = Path(m, begin, begin + k);
      out.push_back(Mth(begin + k, end));
    } else {
      out = Path(m - k, begin + k, end);
      out.push_back(Mth(begin, begin + k));
    }
    return out;
  }

  // PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true) of §2.1.2.
  std::vector<crypto::Digest> Proof(uint64_t m, uint64_t n) {
    if (m == 0 || m == n) return {};
    return Subproof(m, 0, n, true);
  }

 private:
  std::vector<crypto::Digest> Subproof(uint64_t m, uint64_t begin, uint64_t end, bool b) {
    const uint64_t n = end - begin;
    if (m == n) {
      if (b) return {};
      return {Mth(begin, end)};
    }
    const uint64_t k = std::bit_floor(n - 1);
    std::vector<crypto::Digest> out;
    if (m <= k) {
      out = Subproof(m, begin, begin + k, b);
      out.push_back(Mth(begin + k, end));
    } else {
      out = Subproof(m - k, begin + k, end, false);
      out.push_back(Mth(begin, begin + k));
    }
    return out;
  }

  std::vector<crypto::Digest> leaves_;
  std::map<std::pair<uint64_t, uint64_t>, crypto::Digest> memo_;
};

}  // namespace lcproc::ledger::testing
