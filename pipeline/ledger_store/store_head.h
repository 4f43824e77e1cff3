// VerifyStoreHead: the recovery check run before a store is served (by the engine at
// Start, and by any reader that must not trust a damaged store). Pure over the store's
// const interface; thread-compatible.
#pragma once

#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/status.h"

namespace lcproc::ledger_store {

// The store's latest checkpoint verifies with `verifier`, names the verifier's key name
// as its origin, its size is the store's size, and its root is the root recomputed from
// the stored tiles. An empty store passes. DataLoss with a message a person can act on
// otherwise.
Status VerifyStoreHead(const LedgerStore& store, const ledger::NoteVerifier& verifier);

}  // namespace lcproc::ledger_store
