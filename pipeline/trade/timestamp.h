// UTC timestamps as the participant registry and the API write them: RFC 3339 in UTC,
// "2026-06-15T12:00:00Z" or with milliseconds "2026-06-15T12:00:00.250Z", as Unix
// milliseconds. The date part is a trade::Date (so 2026-02-31 and year 0000 are
// refused, and the years are Date's 1900-2199); the time part is 00:00:00-23:59:59.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace lcproc::trade {

// InvalidArgument naming the bad part.
Result<int64_t> ParseUtcTimestampMillis(std::string_view text);

// "YYYY-MM-DDTHH:MM:SS.fffZ". REQUIRES: a time within Date's years.
std::string FormatUtcTimestampMillis(int64_t millis);

}  // namespace lcproc::trade
