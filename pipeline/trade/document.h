// Document: any of the nine documents lcproc accepts, as one variant, with its type tag
// and the stable camelCase names used on the wire ("letterOfCredit", "amendment" …).
// Thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "pipeline/status.h"
#include "pipeline/trade/advice.h"
#include "pipeline/trade/amendment.h"
#include "pipeline/trade/cancellation.h"
#include "pipeline/trade/examination.h"
#include "pipeline/trade/letter_of_credit.h"
#include "pipeline/trade/payment.h"
#include "pipeline/trade/presentation.h"
#include "pipeline/trade/waiver.h"

namespace lcproc::trade {

// The order matches the variant's alternatives.
enum class DocumentType {
  kLetterOfCredit,
  kAmendment,
  kAmendmentResponse,
  kAdvice,
  kPresentation,
  kExaminationResult,
  kWaiver,
  kPayment,
  kCancellation,
};

using Document = std::variant<LetterOfCredit, Amendment, AmendmentResponse, Advice, Presentation,
                              ExaminationResult, Waiver, Payment, Cancellation>;

// Every document type, in the order of the enum and of Document's alternatives.
inline constexpr DocumentType kAllDocumentTypes[] = {
    DocumentType::kLetterOfCredit, DocumentType::kAmendment,    DocumentType::kAmendmentResponse,
    DocumentType::kAdvice,         DocumentType::kPresentation, DocumentType::kExaminationResult,
    DocumentType::kWaiver,         DocumentType::kPayment,      DocumentType::kCancellation};
static_assert(std::size(kAllDocumentTypes) == std::variant_size_v<Document>);

DocumentType TypeOf(const Document& doc);
// "letterOfCredit", "amendment", "amendmentResponse", "advice", "presentation",
// "examinationResult", "waiver", "payment", "cancellation".
std::string_view DocumentTypeName(DocumentType type);
// The inverse of DocumentTypeName; InvalidArgument for any other string.
Result<DocumentType> ParseDocumentType(std::string_view name);
// Field 20 of whichever document it is: the key its credit's state is found by.
const std::string& CreditNumber(const Document& doc);

}  // namespace lcproc::trade
