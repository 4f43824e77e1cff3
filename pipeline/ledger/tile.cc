#include "pipeline/ledger/tile.h"

#include <algorithm>
#include <charconv>

namespace lcproc::ledger {
namespace {

// Parses a decimal without sign or leading zeros ("0" itself allowed).
bool ParseCanonicalDecimal(std::string_view s, uint64_t& out) {
  if (s.empty() || (s.size() > 1 && s[0] == '0')) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool IsThreeDigits(std::string_view s) {
  return s.size() == 3 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
         s[2] <= '9';
}

// Parses the "x001/x234/067" index encoding of c2sp.org/tlog-tiles.
bool ParseTileIndex(std::string_view s, uint64_t& out) {
  out = 0;
  bool first = true;
  while (true) {
    const size_t slash = s.find('/');
    std::string_view group = s.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    if (!last) {
      if (group.empty() || group[0] != 'x') return false;
      group.remove_prefix(1);
    }
    if (!IsThreeDigits(group)) return false;
    // A leading all-zero group would give a second spelling of the same index.
    if (first && !last && group == "000") return false;
    const uint64_t value = (group[0] - '0') * 100 + (group[1] - '0') * 10 + (group[2] - '0');
    if (out > (UINT64_MAX - value) / 1000) return false;
    out = out * 1000 + value;
    first = false;
    if (last) return true;
    s.remove_prefix(slash + 1);
  }
}

}  // namespace

std::string TilePath(const TileId& id) {
  std::string index = std::to_string(id.index);
  index.insert(0, (3 - index.size() % 3) % 3, '0');
  std::string path = "tile/" + std::to_string(id.level) + "/";
  for (size_t i = 0; i < index.size(); i += 3) {
    if (i + 3 < index.size()) {
      path += 'x';
      path.append(index, i, 3);
      path += '/';
    } else {
      path.append(index, i, 3);
    }
  }
  if (!id.full()) path += ".p/" + std::to_string(id.width);
  return path;
}

Result<TileId> ParseTilePath(std::string_view path) {
  constexpr std::string_view kPrefix = "tile/";
  if (path.substr(0, kPrefix.size()) != kPrefix)
    return Malformed("tile path must start with tile/");
  path.remove_prefix(kPrefix.size());
  const size_t slash = path.find('/');
  if (slash == std::string_view::npos) return Malformed("tile path has no index");
  uint64_t level = 0;
  if (!ParseCanonicalDecimal(path.substr(0, slash), level) || level > kMaxTileLevel) {
    return Malformed("tile level must be a decimal 0..63 without leading zeros");
  }
  path.remove_prefix(slash + 1);
  TileId id;
  id.level = static_cast<uint8_t>(level);
  const size_t partial = path.find(".p/");
  if (partial != std::string_view::npos) {
    uint64_t width = 0;
    if (!ParseCanonicalDecimal(path.substr(partial + 3), width) || width == 0 ||
        width >= kTileWidth) {
      return Malformed("partial tile width must be a decimal 1..255 without leading zeros");
    }
    id.width = static_cast<uint16_t>(width);
    path = path.substr(0, partial);
  }
  if (!ParseTileIndex(path, id.index)) {
    return Malformed("tile index must be 3-digit groups, all but the last prefixed x");
  }
  return id;
}

uint64_t StoredHashCount(uint8_t level, uint64_t tree_size) {
  const int shift = kTileHeight * level;
  return shift >= 64 ? 0 : tree_size >> shift;
}

uint16_t PartialTileWidth(uint8_t level, uint64_t tree_size) {
  return static_cast<uint16_t>(StoredHashCount(level, tree_size) % kTileWidth);
}

std::vector<TileId> TilesChangedBetween(uint64_t old_size, uint64_t tree_size) {
  std::vector<TileId> ids;
  for (int level = 0; level <= kMaxTileLevel; ++level) {
    const uint64_t old_count = StoredHashCount(level, old_size);
    const uint64_t new_count = StoredHashCount(level, tree_size);
    if (new_count == 0) break;
    if (new_count == old_count) continue;
    // Every tile from the one holding the old edge to the one holding the new edge.
    for (uint64_t n = old_count / kTileWidth; n <= (new_count - 1) / kTileWidth; ++n) {
      const uint64_t width = std::min<uint64_t>(kTileWidth, new_count - n * kTileWidth);
      ids.push_back({static_cast<uint8_t>(level), n, static_cast<uint16_t>(width)});
    }
  }
  return ids;
}

std::vector<TileId> PartialTiles(uint64_t tree_size) {
  std::vector<TileId> ids;
  for (int level = 0; level <= kMaxTileLevel; ++level) {
    const uint64_t count = StoredHashCount(level, tree_size);
    if (count == 0) break;
    if (count % kTileWidth != 0) {
      ids.push_back({static_cast<uint8_t>(level), count / kTileWidth,
                     static_cast<uint16_t>(count % kTileWidth)});
    }
  }
  return ids;
}

}  // namespace lcproc::ledger
