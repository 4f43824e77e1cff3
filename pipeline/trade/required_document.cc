#include "pipeline/trade/required_document.h"

#include <cctype>
#include <string>

#include "pipeline/trade/presentation.h"

namespace lcproc::trade {
namespace {

struct Keyword {
  std::string_view words;
  TradeDocumentType type;
};

// The names credits use for each document. When several occur, the one that starts first
// in the wording is the document required ("BENEFICIARY'S CERTIFICATE CERTIFYING THAT
// COPIES OF THE BILL OF LADING …" is a certificate); at the same position the longer wins
// ("CHARTER PARTY BILL OF LADING" over "BILL OF LADING" is decided by position already).
constexpr Keyword kKeywords[] = {
    {"COMMERCIAL INVOICE", TradeDocumentType::kCommercialInvoice},
    {"INVOICE", TradeDocumentType::kCommercialInvoice},
    {"BILL OF LADING", TradeDocumentType::kBillOfLading},
    {"BILLS OF LADING", TradeDocumentType::kBillOfLading},
    {"MARINE BILL", TradeDocumentType::kBillOfLading},
    {"INSURANCE", TradeDocumentType::kInsuranceDocument},
    {"CERTIFICATE OF ORIGIN", TradeDocumentType::kCertificateOfOrigin},
    {"PACKING LIST", TradeDocumentType::kPackingList},
    {"DRAFT", TradeDocumentType::kDraft},
    {"BILL OF EXCHANGE", TradeDocumentType::kDraft},
    {"BILLS OF EXCHANGE", TradeDocumentType::kDraft},
    {"MULTIMODAL", TradeDocumentType::kMultimodalTransportDocument},
    {"MULTI-MODAL", TradeDocumentType::kMultimodalTransportDocument},
    {"COMBINED TRANSPORT", TradeDocumentType::kMultimodalTransportDocument},
    {"SEA WAYBILL", TradeDocumentType::kSeaWaybill},
    {"SEA WAY BILL", TradeDocumentType::kSeaWaybill},
    {"CHARTER PARTY", TradeDocumentType::kCharterPartyBillOfLading},
    {"AIR WAYBILL", TradeDocumentType::kAirTransportDocument},
    {"AIRWAY BILL", TradeDocumentType::kAirTransportDocument},
    {"AIR WAY BILL", TradeDocumentType::kAirTransportDocument},
    {"AIR CONSIGNMENT NOTE", TradeDocumentType::kAirTransportDocument},
    {"AIR TRANSPORT DOCUMENT", TradeDocumentType::kAirTransportDocument},
    {"ROAD TRANSPORT DOCUMENT", TradeDocumentType::kRoadTransportDocument},
    {"ROAD CONSIGNMENT NOTE", TradeDocumentType::kRoadTransportDocument},
    {"CMR", TradeDocumentType::kRoadTransportDocument},
    {"TRUCK WAYBILL", TradeDocumentType::kRoadTransportDocument},
    {"RAIL", TradeDocumentType::kRailTransportDocument},
    {"RAILWAY", TradeDocumentType::kRailTransportDocument},
    {"INLAND WATERWAY", TradeDocumentType::kInlandWaterwayTransportDocument},
    {"COURIER RECEIPT", TradeDocumentType::kCourierReceipt},
    {"POST RECEIPT", TradeDocumentType::kPostReceipt},
    {"POSTAL RECEIPT", TradeDocumentType::kPostReceipt},
    {"CERTIFICATE OF POSTING", TradeDocumentType::kPostReceipt},
    {"INSPECTION CERTIFICATE", TradeDocumentType::kInspectionCertificate},
    {"CERTIFICATE OF INSPECTION", TradeDocumentType::kInspectionCertificate},
    {"INSPECTION", TradeDocumentType::kInspectionCertificate},
    {"WEIGHT CERTIFICATE", TradeDocumentType::kWeightCertificate},
    {"CERTIFICATE OF WEIGHT", TradeDocumentType::kWeightCertificate},
    {"QUALITY CERTIFICATE", TradeDocumentType::kQualityCertificate},
    {"CERTIFICATE OF QUALITY", TradeDocumentType::kQualityCertificate},
    {"ANALYSIS CERTIFICATE", TradeDocumentType::kAnalysisCertificate},
    {"CERTIFICATE OF ANALYSIS", TradeDocumentType::kAnalysisCertificate},
    {"PHYTOSANITARY", TradeDocumentType::kPhytosanitaryCertificate},
    {"HEALTH CERTIFICATE", TradeDocumentType::kHealthCertificate},
    {"SANITARY CERTIFICATE", TradeDocumentType::kHealthCertificate},
    {"VETERINARY CERTIFICATE", TradeDocumentType::kHealthCertificate},
    {"CERTIFICATE OF HEALTH", TradeDocumentType::kHealthCertificate},
    {"FUMIGATION", TradeDocumentType::kFumigationCertificate},
    {"BENEFICIARY'S CERTIFICATE", TradeDocumentType::kBeneficiaryCertificate},
    {"BENEFICIARYS CERTIFICATE", TradeDocumentType::kBeneficiaryCertificate},
    {"BENEFICIARY CERTIFICATE", TradeDocumentType::kBeneficiaryCertificate},
    {"CERTIFICATE FROM THE BENEFICIARY", TradeDocumentType::kBeneficiaryCertificate},
    {"CERTIFICATE FROM BENEFICIARY", TradeDocumentType::kBeneficiaryCertificate},
    {"BENEFICIARY'S STATEMENT", TradeDocumentType::kBeneficiaryCertificate},
};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `words` at a word boundary in `text` from `from`, or npos ("CMR" not inside "CMRX",
// "RAIL" not inside "TRAIL").
size_t FindWords(std::string_view text, std::string_view words, size_t from = 0) {
  for (size_t at = text.find(words, from); at != std::string_view::npos;
       at = text.find(words, at + 1)) {
    bool starts = at == 0 || !IsWordChar(text[at - 1]);
    size_t end = at + words.size();
    // Plural "S" still ends the word ("DRAFTS", "INVOICES").
    if (end < text.size() && text[end] == 'S' && IsWordChar(words.back())) ++end;
    bool ends = end >= text.size() || !IsWordChar(text[end]);
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

int NumberAfter(std::string_view text, std::string_view keyword) {
  for (size_t at = text.find(keyword); at != std::string_view::npos;
       at = text.find(keyword, at + 1)) {
    size_t i = at + keyword.size();
    int n = 0, digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && digits < 4) {
      n = n * 10 + (text[i++] - '0');
      ++digits;
    }
    if (digits > 0) return n;
  }
  return -1;
}

// Where a clause that follows a named issuer begins.
constexpr std::string_view kClauseStarts[] = {
    " IN ",        " CERTIFYING", " STATING",  " EVIDENCING", " SHOWING",   " INDICATING",
    " TO CERTIFY", " FOR ",       " COVERING", ",",           ";",          " AND ",
    " MADE OUT",   " DATED",      " SHOWING",  " WHICH",      " CONFIRMING"};

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '.')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.remove_suffix(1);
  return std::string(s);
}

std::string IssuerIn(std::string_view text) {
  for (std::string_view by : {"ISSUED BY ", "SIGNED BY ", "ISSUED AND SIGNED BY "}) {
    size_t at = FindWords(text, by.substr(0, by.size() - 1));
    if (at == std::string_view::npos) continue;
    std::string_view rest = text.substr(at + by.size());
    size_t end = rest.size();
    for (std::string_view clause : kClauseStarts) {
      size_t c = rest.find(clause);
      if (c != std::string_view::npos && c < end) end = c;
    }
    std::string issuer = Trimmed(rest.substr(0, end));
    if (!issuer.empty()) return issuer;
  }
  return "";
}

std::string DataRequiredInNormalized(std::string_view text) {
  size_t first = std::string_view::npos;
  size_t length = 0;
  for (std::string_view verb : {"CERTIFYING", "STATING", "EVIDENCING", "SHOWING", "INDICATING",
                                "CONFIRMING", "TO CERTIFY"}) {
    size_t at = FindWords(text, verb);
    if (at != std::string_view::npos && at < first) {
      first = at;
      length = verb.size();
    }
  }
  if (first == std::string_view::npos) return "";
  std::string_view rest = text.substr(first + length);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.substr(0, 5) == "THAT ") rest.remove_prefix(5);
  return Trimmed(rest);
}

bool Contains(std::string_view text, std::string_view words) {
  return FindWords(text, words) != std::string_view::npos;
}

}  // namespace

RequiredDocument RecogniseRequiredDocument(std::string_view wording) {
  const std::string text = NormalizeText(wording);
  RequiredDocument doc;
  doc.text = std::string(wording);
  doc.type = TradeDocumentType::kOtherDocument;
  size_t first = std::string_view::npos;
  size_t first_length = 0;
  for (const Keyword& k : kKeywords) {
    size_t at = FindWords(text, k.words);
    if (at == std::string_view::npos) continue;
    if (first == std::string_view::npos || at < first ||
        (at == first && k.words.size() > first_length)) {
      first = at;
      first_length = k.words.size();
      doc.type = k.type;
    }
  }
  // An "INVOICE" that is a pro-forma or a consular invoice is not the art. 18 invoice.
  if (doc.type == TradeDocumentType::kCommercialInvoice &&
      (Contains(text, "PROFORMA") || Contains(text, "PRO-FORMA") || Contains(text, "CONSULAR"))) {
    doc.type = TradeDocumentType::kOtherDocument;
  }
  const bool mentions_copies = text.find(" COP") != std::string::npos;
  int originals = NumberAfter(text, " IN ");
  int copies = mentions_copies ? NumberAfter(text, " AND ") : -1;
  bool copies_only = false;
  if (originals > 0 &&
      text.find(" IN " + std::to_string(originals) + " COP") != std::string::npos) {
    // "IN 3 COPIES": copies are required, so originals or copies will do (art. 17(d)).
    copies = originals;
    originals = -1;
    copies_only = true;
  }
  if (Contains(text, "IN DUPLICATE")) originals = 2;
  if (Contains(text, "IN TRIPLICATE")) originals = 3;
  doc.originals = originals > 0 ? originals : (copies_only ? 0 : 1);
  doc.copies = copies > 0 ? copies : 0;
  doc.issuer = IssuerIn(text);
  if (doc.type == TradeDocumentType::kBeneficiaryCertificate && doc.issuer.empty()) {
    doc.issuer = "BENEFICIARY";
  }
  if (IsCertificate(doc.type) || doc.type == TradeDocumentType::kOtherDocument ||
      doc.type == TradeDocumentType::kCertificateOfOrigin) {
    doc.data_required = DataRequiredInNormalized(text);
  }
  return doc;
}

std::string IssuerNamedIn(std::string_view wording) {
  // Most wordings name no issuer: answer those without normalising.
  if (wording.find("BY") == std::string_view::npos &&
      wording.find("by") == std::string_view::npos) {
    return "";
  }
  return IssuerIn(NormalizeText(wording));
}

std::string DataRequiredIn(std::string_view wording) {
  return DataRequiredInNormalized(NormalizeText(wording));
}

FreightTerms RequiredFreight(const RequiredDocument& required) {
  if (required.text.find("FREIGHT") == std::string::npos &&
      required.text.find("freight") == std::string::npos) {
    return FreightTerms::kNotStated;
  }
  const std::string text = NormalizeText(required.text);
  if (Contains(text, "FREIGHT PREPAID") || Contains(text, "FREIGHT PAID")) {
    return FreightTerms::kPrepaid;
  }
  if (Contains(text, "FREIGHT COLLECT") || Contains(text, "FREIGHT PAYABLE AT DESTINATION")) {
    return FreightTerms::kCollect;
  }
  return FreightTerms::kNotStated;
}

bool RequiresEventBeforeShipment(const RequiredDocument& required) {
  const std::string text = NormalizeText(required.text);
  for (std::string_view words : {"PRE-SHIPMENT", "PRESHIPMENT", "BEFORE SHIPMENT",
                                 "PRIOR TO SHIPMENT", "BEFORE LOADING", "PRIOR TO LOADING"}) {
    if (text.find(words) != std::string::npos) return true;
  }
  return false;
}

}  // namespace lcproc::trade
