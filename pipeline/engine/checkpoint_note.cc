#include "pipeline/engine/checkpoint_note.h"

namespace lcproc::engine {

Result<ledger::Checkpoint> UnverifiedCheckpoint(std::string_view note) {
  size_t blank = note.find("\n\n");
  if (blank == std::string_view::npos) return Malformed("not a signed note: no blank line");
  return ledger::ParseCheckpoint(note.substr(0, blank + 1));
}

Result<uint64_t> NoteTreeSize(std::string_view note) {
  LCPROC_ASSIGN_OR_RETURN(ledger::Checkpoint checkpoint, UnverifiedCheckpoint(note));
  return checkpoint.size;
}

}  // namespace lcproc::engine
