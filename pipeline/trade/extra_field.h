// ExtraField: a SWIFT MT field lcproc does not model, kept verbatim so that parsing and
// writing a message loses nothing ("unknown optional tags are kept"). A value type.
#pragma once

#include <string>

namespace lcproc::trade {

struct ExtraField {
  std::string tag;    // "72Z", without colons
  std::string value;  // as in the message, lines joined with "\n"
  friend bool operator==(const ExtraField&, const ExtraField&) = default;
};

}  // namespace lcproc::trade
