#include "tests/testing/test_batch.h"

#include <vector>

#include "pipeline/ledger/checkpoint.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger_store/ledger_entry.h"

namespace lcproc::testing {

ledger_store::CommitBatch MakeTestBatch(ledger::MerkleTree& tree, const ledger::NoteSigner& signer,
                                        int n, const TestBatchOptions& options) {
  ledger_store::CommitBatch batch;
  batch.old_size = tree.size();
  std::vector<crypto::Digest> hashes;
  for (int i = 0; i < n; ++i) {
    const uint64_t index = tree.size() + i;
    ledger_store::LedgerEntry e{true,
                                1000,
                                "BANKGB2LXXX",
                                "application/json",
                                options.idempotency_prefix.empty()
                                    ? ""
                                    : options.idempotency_prefix + std::to_string(index),
                                options.body_prefix + std::to_string(index),
                                "jws-" + std::to_string(index),
                                StatusCode::kOk,
                                "",
                                {}};
    ledger_store::EntryRecord r{
        index,
        ledger_store::EncodeLeaf(e),
        ledger_store::ReplayKeyPrefix(ledger_store::ReplayKey(e.jws, e.body)),
        e.idempotency_key.empty()
            ? 0
            : ledger_store::IdempotencyKeyPrefix(e.submitter, e.idempotency_key),
        e.submitter,
        e.idempotency_key,
        options.credit};
    hashes.push_back(ledger::LeafHash(r.leaf));
    batch.entries.push_back(std::move(r));
  }
  batch.tiles = *tree.Append(hashes);
  batch.new_size = tree.size();
  batch.credits.push_back({options.credit, "issued", {"BANKGB2LXXX", "BANKFRPPXXX"}});
  batch.checkpoint =
      *signer.Sign(ledger::FormatCheckpoint({"test/log", tree.size(), tree.Root(), {}}));
  return batch;
}

}  // namespace lcproc::testing
