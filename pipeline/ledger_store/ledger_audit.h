// AuditLedger: the offline, fsck-style backstop (`lcproc audit`). Re-derives the whole
// ledger from its entries and compares it with everything the store claims.
//
// For every entry, in order: the leaf decodes (strict v1 encoding); its JWS names a key
// of the registry that belongs to the entry's submitter and was valid when the entry
// was received; the bank's signature verifies over the exact body. For every stored
// checkpoint, by ascending size: its signature verifies with the processor's key, its
// origin is the key's name, and its root equals the root recomputed from the leaves up
// to its size. Every tile the recomputation produces equals the stored tile, and the
// last checkpoint covers every entry.
//
// O(n) time; memory bounded by the tree's right edge (O(log n)) plus one chunk of
// entries, whatever the ledger's size. Revocation is not applied to past entries: the
// registry does not say when a key was revoked, and a signature made before then
// stays valid.
//
// Thread-compatible: reads the store through its const interface only.
#pragma once

#include <cstdint>
#include <functional>

#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/participants/participant_registry.h"
#include "pipeline/status.h"

namespace lcproc::ledger_store {

struct AuditReport {
  uint64_t entries = 0;      // entries checked
  uint64_t checkpoints = 0;  // checkpoints checked
  uint64_t accepted = 0;
  uint64_t rejected = 0;
};

// Called every few thousand entries with (entries done, total).
using AuditProgress = std::function<void(uint64_t done, uint64_t total)>;

// OK with the report when everything agrees; DataLoss naming the first inconsistency
// ("entry 1234: the bank signature does not verify: ...") otherwise.
Result<AuditReport> AuditLedger(const LedgerStore& store,
                                const participants::ParticipantRegistry& registry,
                                const ledger::NoteVerifier& verifier,
                                const AuditProgress& progress = nullptr);

}  // namespace lcproc::ledger_store
