// VerifyStoreHead: the recovery check run before the engine serves a store.
#include "pipeline/ledger_store/store_head.h"

#include "pipeline/ledger/proof.h"

namespace lcproc::ledger_store {

Status VerifyStoreHead(const LedgerStore& store, const ledger::NoteVerifier& verifier) {
  auto size = store.Size();
  if (!size.ok()) return DataLoss("cannot read the ledger's size: " + size.status().message());
  auto note = store.LatestCheckpoint();
  if (!note.ok()) {
    if (note.status().code() == StatusCode::kNotFound && *size == 0) return Status::Ok();
    return DataLoss("the ledger holds " + std::to_string(*size) +
                    " entries but no readable checkpoint: " + note.status().message());
  }
  auto checkpoint = ledger::VerifyCheckpoint(verifier, note->note);
  if (!checkpoint.ok()) {
    return DataLoss("the latest checkpoint does not verify with the processor's key (" +
                    verifier.name() + "): " + checkpoint.status().message() +
                    "; the store was altered or the key file does not belong to it");
  }
  if (checkpoint->origin != verifier.name()) {
    return DataLoss("the latest checkpoint's origin '" + checkpoint->origin +
                    "' is not the key's name '" + verifier.name() + "'");
  }
  if (checkpoint->size != note->size) {
    return DataLoss("the latest checkpoint is stored for tree size " + std::to_string(note->size) +
                    " but its signed text says " + std::to_string(checkpoint->size));
  }
  if (checkpoint->size != *size) {
    return DataLoss("the latest checkpoint covers " + std::to_string(checkpoint->size) +
                    " entries but the store holds " + std::to_string(*size));
  }
  auto root = ledger::RootAt(store, *size);
  if (!root.ok()) {
    return DataLoss("cannot recompute the root from the stored tiles: " + root.status().message());
  }
  if (*root != checkpoint->root) {
    return DataLoss(
        "the root recomputed from the stored tiles does not match the latest signed "
        "checkpoint (size " +
        std::to_string(*size) + "): the tiles were altered");
  }
  return Status::Ok();
}

}  // namespace lcproc::ledger_store
