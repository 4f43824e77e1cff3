// Ledger benchmarks: appending to the tiled RFC 6962 tree, generating and verifying
// inclusion and consistency proofs in a 1M-leaf tree (MemoryTileStore), and signing
// and verifying checkpoints as C2SP signed notes.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "pipeline/ledger/checkpoint.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger/proof.h"
#include "pipeline/ledger/signed_note.h"

namespace lcproc::ledger {
namespace {

constexpr uint64_t kBigTree = 1 << 20;
constexpr size_t kBatch = 256;  // the pipeline commits ledger leaves in batches

std::vector<crypto::Digest> Leaves(size_t n) {
  std::vector<crypto::Digest> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(LeafHash("entry " + std::to_string(i)));
  return out;
}

// A 1M-leaf tree's tiles, built once for the proof benchmarks.
const MemoryTileStore& BigStore() {
  static const MemoryTileStore* store = [] {
    auto* s = new MemoryTileStore;
    MerkleTree tree;
    s->Apply(tree.Append(Leaves(kBigTree)).value());
    return s;
  }();
  return *store;
}

// Appends N leaves in batches of 256, producing every tile write, from an empty tree.
void BM_MerkleAppend(benchmark::State& state) {
  const auto leaves = Leaves(state.range(0));
  for (auto _ : state) {
    MerkleTree tree;
    for (size_t done = 0; done < leaves.size(); done += kBatch) {
      const size_t n = std::min(kBatch, leaves.size() - done);
      auto writes = tree.Append(std::span(leaves).subspan(done, n));
      benchmark::DoNotOptimize(writes);
    }
    benchmark::DoNotOptimize(tree.Root());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_MerkleAppend)->Arg(1000)->Arg(65536)->Arg(1048576)->Unit(benchmark::kMillisecond);

void BM_InclusionProof_Generate(benchmark::State& state) {
  const MemoryTileStore& store = BigStore();
  std::mt19937_64 rng(1);
  for (auto _ : state) {
    auto proof = InclusionProof(store, rng() % kBigTree, kBigTree);
    benchmark::DoNotOptimize(proof);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InclusionProof_Generate)->Unit(benchmark::kMicrosecond);

// The proofs of one committed batch of 256 leaves at the tree's end, sharing one
// TreeHashes (tile reads and interior hashing) as the engine does after a commit.
void BM_InclusionProof_GenerateBatch(benchmark::State& state) {
  const MemoryTileStore& store = BigStore();
  for (auto _ : state) {
    TreeHashes hashes(store);
    for (uint64_t index = kBigTree - kBatch; index < kBigTree; ++index) {
      auto proof = InclusionProof(hashes, index, kBigTree);
      benchmark::DoNotOptimize(proof);
    }
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_InclusionProof_GenerateBatch)->Unit(benchmark::kMicrosecond);

void BM_InclusionProof_Verify(benchmark::State& state) {
  const MemoryTileStore& store = BigStore();
  const crypto::Digest root = RootAt(store, kBigTree).value();
  struct Case {
    uint64_t index;
    crypto::Digest leaf;
    std::vector<crypto::Digest> proof;
  };
  std::vector<Case> cases;
  std::mt19937_64 rng(2);
  for (int i = 0; i < 256; ++i) {
    const uint64_t index = rng() % kBigTree;
    cases.push_back({index, LeafHash("entry " + std::to_string(index)),
                     InclusionProof(store, index, kBigTree).value()});
  }
  size_t i = 0;
  for (auto _ : state) {
    const Case& c = cases[i++ % cases.size()];
    Status ok = VerifyInclusion(c.leaf, c.index, kBigTree, c.proof, root);
    if (!ok.ok()) state.SkipWithError(ok.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InclusionProof_Verify)->Unit(benchmark::kMicrosecond);

void BM_ConsistencyProof_Generate(benchmark::State& state) {
  const MemoryTileStore& store = BigStore();
  std::mt19937_64 rng(3);
  for (auto _ : state) {
    auto proof = ConsistencyProof(store, 1 + rng() % (kBigTree - 1), kBigTree);
    benchmark::DoNotOptimize(proof);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ConsistencyProof_Generate)->Unit(benchmark::kMicrosecond);

void BM_ConsistencyProof_Verify(benchmark::State& state) {
  const MemoryTileStore& store = BigStore();
  const crypto::Digest new_root = RootAt(store, kBigTree).value();
  struct Case {
    uint64_t old_size;
    crypto::Digest old_root;
    std::vector<crypto::Digest> proof;
  };
  std::vector<Case> cases;
  std::mt19937_64 rng(4);
  for (int i = 0; i < 256; ++i) {
    const uint64_t old_size = 1 + rng() % (kBigTree - 1);
    cases.push_back({old_size, RootAt(store, old_size).value(),
                     ConsistencyProof(store, old_size, kBigTree).value()});
  }
  size_t i = 0;
  for (auto _ : state) {
    const Case& c = cases[i++ % cases.size()];
    Status ok = VerifyConsistency(c.old_size, kBigTree, c.old_root, new_root, c.proof);
    if (!ok.ok()) state.SkipWithError(ok.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ConsistencyProof_Verify)->Unit(benchmark::kMicrosecond);

void BM_RootAt(benchmark::State& state) {
  const MemoryTileStore& store = BigStore();
  std::mt19937_64 rng(5);
  for (auto _ : state) {
    auto root = RootAt(store, 1 + rng() % kBigTree);
    benchmark::DoNotOptimize(root);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RootAt)->Unit(benchmark::kMicrosecond);

void BM_Checkpoint_Sign(benchmark::State& state) {
  const NoteSigner signer = NoteSigner::Generate("lcproc.example/ledger").value();
  const Checkpoint cp{"lcproc.example/ledger", kBigTree, crypto::Sha256("root"), {}};
  for (auto _ : state) {
    auto note = signer.Sign(FormatCheckpoint(cp));
    benchmark::DoNotOptimize(note);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Checkpoint_Sign)->Unit(benchmark::kMicrosecond);

void BM_Checkpoint_Verify(benchmark::State& state) {
  const NoteSigner signer = NoteSigner::Generate("lcproc.example/ledger").value();
  const NoteVerifier verifier = NoteVerifier::FromVerifierKey(signer.VerifierKey()).value();
  const std::string note =
      signer.Sign(FormatCheckpoint({"lcproc.example/ledger", kBigTree, crypto::Sha256("r"), {}}))
          .value();
  for (auto _ : state) {
    auto cp = VerifyCheckpoint(verifier, note);
    if (!cp.ok()) state.SkipWithError(cp.status().ToString().c_str());
    benchmark::DoNotOptimize(cp);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Checkpoint_Verify)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lcproc::ledger

BENCHMARK_MAIN();
