#include "pipeline/ledger_store/checkpoint_note.h"

namespace lcproc::ledger_store {

Result<ledger::Checkpoint> UnverifiedCheckpoint(std::string_view note) {
  size_t blank = note.find("\n\n");
  if (blank == std::string_view::npos) return Malformed("not a signed note: no blank line");
  return ledger::ParseCheckpoint(note.substr(0, blank + 1));
}

}  // namespace lcproc::ledger_store
