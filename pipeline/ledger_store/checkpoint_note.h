// Reading a signed checkpoint note without its key: what a note claims, for answers
// and listings. Trust comes from ledger::VerifyCheckpoint; this only reads.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "pipeline/ledger/checkpoint.h"
#include "pipeline/status.h"

namespace lcproc::ledger_store {

// The checkpoint body of a signed note: its text up to the blank line (c2sp.org/signed-note).
Result<ledger::Checkpoint> UnverifiedCheckpoint(std::string_view note);

}  // namespace lcproc::ledger_store
