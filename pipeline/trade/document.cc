#include "pipeline/trade/document.h"

#include "pipeline/trade/enum_names_internal.h"

namespace lcproc::trade {
namespace {

constexpr std::pair<DocumentType, std::string_view> kTypes[] = {
    {DocumentType::kLetterOfCredit, "letterOfCredit"},
    {DocumentType::kAmendment, "amendment"},
    {DocumentType::kAmendmentResponse, "amendmentResponse"},
    {DocumentType::kAdvice, "advice"},
    {DocumentType::kPresentation, "presentation"},
    {DocumentType::kExaminationResult, "examinationResult"},
    {DocumentType::kWaiver, "waiver"},
    {DocumentType::kPayment, "payment"},
    {DocumentType::kCancellation, "cancellation"},
};

constexpr std::pair<ExaminationDecision, std::string_view> kDecisions[] = {
    {ExaminationDecision::kCompliant, "compliant"},
    {ExaminationDecision::kDiscrepant, "discrepant"},
};

}  // namespace

DocumentType TypeOf(const Document& doc) { return static_cast<DocumentType>(doc.index()); }

std::string_view DocumentTypeName(DocumentType type) { return internal::NameOf(kTypes, type); }

Result<DocumentType> ParseDocumentType(std::string_view name) {
  return internal::ValueOf(kTypes, name, "document type");
}

const std::string& CreditNumber(const Document& doc) {
  return std::visit([](const auto& d) -> const std::string& { return d.credit_number; }, doc);
}

std::string_view ExaminationDecisionName(ExaminationDecision v) {
  return internal::NameOf(kDecisions, v);
}
Result<ExaminationDecision> ParseExaminationDecision(std::string_view s) {
  return internal::ValueOf(kDecisions, s, "examination decision");
}

}  // namespace lcproc::trade
