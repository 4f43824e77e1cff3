// MakeTestBatch: a LedgerStore CommitBatch for the store tests, built as the engine builds
// one (leaves, tiles from the Merkle tree, a credit row, a signed checkpoint), so every
// backend test commits batches that a real audit would accept.
#pragma once

#include <string>

#include "pipeline/ledger/merkle_tree.h"
#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_store.h"

namespace lcproc::testing {

struct TestBatchOptions {
  std::string credit = "LC1";         // every entry's credit, and the batch's one credit row
  std::string idempotency_prefix;     // keys "<prefix><index>" when set, else none
  std::string body_prefix = "body-";  // bodies "<prefix><index>"; JWS "jws-<index>"
};

// `n` accepted entries by BANKGB2LXXX extending `tree` (which it advances), the credit
// row {credit, "issued", parties BANKGB2LXXX and BANKFRPPXXX — in that order, not
// sorted, so stores are seen to sort them}, and the checkpoint over the new tree signed
// by `signer` (origin "test/log").
ledger_store::CommitBatch MakeTestBatch(ledger::MerkleTree& tree, const ledger::NoteSigner& signer,
                                        int n, const TestBatchOptions& options = {});

}  // namespace lcproc::testing
