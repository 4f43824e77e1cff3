// ExportStatic: the public ledger as static files in the C2SP tlog-tiles layout
// (c2sp.org/tlog-tiles), for any plain web server or object store to serve to auditors
// and mirrors:
//
//   <out>/checkpoint                     the latest signed checkpoint (written last)
//   <out>/tile/<L>/<N>[.p/<W>]           hash tiles, full and partial
//   <out>/tile/entries/<N>[.p/<W>]       entry bundles: each leaf as a big-endian
//                                        uint16 length and the leaf bytes
//
// Incremental: the existing <out>/checkpoint says how far an earlier export went; only
// tiles and bundles that changed since are written, after checking that the exported
// tree is a prefix of the store's (its root is the store's root at that size). Each
// file is written to a temporary name and renamed, and the checkpoint goes last, so a
// reader never sees a checkpoint whose tiles are missing.
//
// Not thread-safe with another export into the same directory.
#pragma once

#include <cstdint>
#include <string>

#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/status.h"

namespace lcproc::store {

struct ExportReport {
  uint64_t old_size = 0;  // tree size of the earlier export (0 for none)
  uint64_t new_size = 0;
  uint64_t tiles_written = 0;
  uint64_t bundles_written = 0;
};

// DataLoss when the earlier export is not a prefix of this ledger; FailedPrecondition
// when it is larger; InvalidArgument for a leaf too long for a bundle (> 65535 bytes).
Result<ExportReport> ExportStatic(const ledger_store::LedgerStore& store,
                                  const std::string& out_dir);

}  // namespace lcproc::store
