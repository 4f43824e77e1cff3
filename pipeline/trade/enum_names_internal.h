// Helpers for the name tables of trade enums: a table of {enum, camelCase name} pairs
// looked up in both directions. For pipeline/trade/*.cc only.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "pipeline/status.h"

namespace lcproc::trade::internal {

template <typename E, size_t N>
std::string_view NameOf(const std::pair<E, std::string_view> (&table)[N], E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

template <typename E, size_t N>
Result<E> ValueOf(const std::pair<E, std::string_view> (&table)[N], std::string_view name,
                  std::string_view what) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return InvalidArgument("unknown " + std::string(what) + " '" + std::string(name) + "'");
}

}  // namespace lcproc::trade::internal
