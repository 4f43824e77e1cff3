#include "pipeline/engine/outcome.h"

namespace lcproc::engine {

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAccepted: return "accepted";
    case Verdict::kRejected: return "rejected";
    case Verdict::kRefused: return "refused";
    case Verdict::kFailed: return "failed";
  }
  return "unknown";
}

}  // namespace lcproc::engine
