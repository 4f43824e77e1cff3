// CreditFile: a credit with its history, as `lcproc examine --credit FILE` reads it.
//
// Either a bare letterOfCredit document, or
//   {"credit": {"type": "letterOfCredit", …},
//    "amendments": [{"type": "amendment", …}, …],   // accepted by the beneficiary, in order
//    "drawings": [{"type": "presentation", …}, …]}   // earlier presentations, honoured
// Errors carry the JSON pointer inside the file ("/amendments/0/increase/amount: …"); no
// other member is allowed. Pure function; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/trade/document.h"

namespace lcproc::formats {

struct CreditFile {
  trade::LetterOfCredit credit;
  std::vector<trade::Amendment> amendments;
  std::vector<trade::Presentation> drawings;
};

Result<CreditFile> DecodeCreditFile(std::string_view body);

// A document file that must hold one document of type T ("presentation" for the
// presentation file): InvalidArgument "/type: expected presentation, got …" otherwise.
template <class T>
Result<T> DecodeDocumentAs(std::string_view body);

}  // namespace lcproc::formats
