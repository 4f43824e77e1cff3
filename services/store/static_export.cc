#include "services/store/static_export.h"

#include <filesystem>
#include <fstream>

#include "pipeline/ledger/tile.h"
#include "pipeline/ledger/tree_hashes.h"
#include "pipeline/ledger_store/checkpoint_note.h"
#include "services/store/data_dir.h"

namespace lcproc::store {
namespace {

namespace fs = std::filesystem;

Status WriteFile(const fs::path& path, std::string_view data) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return IoError("cannot create " + path.parent_path().string() + ": " + ec.message());
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out.flush()) return IoError("cannot write " + tmp.string());
  }
  fs::rename(tmp, path, ec);
  if (ec) return IoError("cannot rename " + tmp.string() + ": " + ec.message());
  return Status::Ok();
}

// "tile/entries/..." for the level-0 tile's index and width (c2sp.org/tlog-tiles).
std::string BundlePath(uint64_t index, uint16_t width) {
  std::string path = ledger::TilePath({0, index, width});
  return "tile/entries/" + path.substr(std::string("tile/0/").size());
}

Result<std::string> Bundle(const ledger_store::LedgerStore& store, uint64_t index, uint16_t width) {
  std::string out;
  uint64_t begin = index * ledger::kTileWidth;
  LCPROC_RETURN_IF_ERROR(
      store.ScanLeaves(begin, begin + width, [&](uint64_t i, std::string_view leaf) {
        if (leaf.size() > 0xffff) {
          return InvalidArgument("entry " + std::to_string(i) + " is too long for an entry bundle");
        }
        out.push_back(static_cast<char>(leaf.size() >> 8));
        out.push_back(static_cast<char>(leaf.size() & 0xff));
        out.append(leaf);
        return Status::Ok();
      }));
  return out;
}

}  // namespace

Result<ExportReport> ExportStatic(const ledger_store::LedgerStore& store,
                                  const std::string& out_dir) {
  ExportReport report;
  auto latest = store.LatestCheckpoint();
  if (!latest.ok()) {
    if (latest.status().code() == StatusCode::kNotFound) return report;  // nothing to publish yet
    return latest.status();
  }
  const std::string& note = latest->note;
  const uint64_t head_size = latest->size;
  report.new_size = head_size;

  fs::path out(out_dir);
  auto previous = ReadWholeFile((out / "checkpoint").string());
  if (previous.ok()) {
    LCPROC_ASSIGN_OR_RETURN(ledger::Checkpoint old, ledger_store::UnverifiedCheckpoint(*previous));
    if (old.size > head_size) {
      return FailedPrecondition("the export in " + out_dir + " is larger (" +
                                std::to_string(old.size) + ") than this ledger (" +
                                std::to_string(head_size) + ")");
    }
    LCPROC_ASSIGN_OR_RETURN(crypto::Digest root, ledger::RootAt(store, old.size));
    if (old.size > 0 && root != old.root) {
      return DataLoss("the export in " + out_dir + " is not a prefix of this ledger");
    }
    report.old_size = old.size;
  } else if (previous.status().code() != StatusCode::kNotFound) {
    return previous.status();
  }

  for (const ledger::TileId& id : ledger::TilesChangedBetween(report.old_size, head_size)) {
    LCPROC_ASSIGN_OR_RETURN(std::string hashes, store.ReadTile(id.level, id.index, id.width));
    hashes.resize(size_t{id.width} * ledger::kHashSize);
    LCPROC_RETURN_IF_ERROR(WriteFile(out / ledger::TilePath(id), hashes));
    ++report.tiles_written;
    if (id.level == 0) {
      LCPROC_ASSIGN_OR_RETURN(std::string bundle, Bundle(store, id.index, id.width));
      LCPROC_RETURN_IF_ERROR(WriteFile(out / BundlePath(id.index, id.width), bundle));
      ++report.bundles_written;
    }
  }
  LCPROC_RETURN_IF_ERROR(WriteFile(out / "checkpoint", note));
  return report;
}

}  // namespace lcproc::store
