// CheckDocument: stateless validation of one document (stage 3 of the pipeline).
#include <string>

#include "pipeline/trade/lifecycle.h"

namespace lcproc::trade {
namespace {

// SWIFT amounts have at most 15 characters: 10^14 minor units keeps every sum of a
// credit's drawings far from int64 overflow.
constexpr int64_t kMaxMinorUnits = 100'000'000'000'000;

Status Bad(std::string_view field, std::string_view why) {
  return InvalidArgument(std::string(field) + ": " + std::string(why));
}

Status CheckCreditNumber(const std::string& n) {
  // MT field 20 (16x): no leading or trailing slash, no "//" (SWIFT network rule).
  if (n.empty() || n.size() > 16) return Bad("creditNumber", "must have 1 to 16 characters");
  if (n.front() == '/' || n.back() == '/' || n.find("//") != std::string::npos) {
    return Bad("creditNumber", "must not start or end with '/' or contain '//'");
  }
  return Status::Ok();
}

Status CheckBank(std::string_view field, const Bic& bic) {
  return bic.empty() ? Bad(field, "BIC required") : Status::Ok();
}

Status CheckAmount(std::string_view field, const Money& m, bool positive = true) {
  if (m.currency.empty()) return Bad(field, "currency required");
  if (m.minor < 0 || (positive && m.minor == 0)) return Bad(field, "must be positive");
  if (m.minor >= kMaxMinorUnits) return Bad(field, "too large");
  return Status::Ok();
}

Status CheckParty(std::string_view field, const Party& p) {
  if (p.name.empty()) return Bad(std::string(field) + ".name", "required");
  if (p.country.empty()) return Bad(std::string(field) + ".country", "required (art. 14(j))");
  return Status::Ok();
}

Status CheckGoods(std::string_view field, const std::vector<GoodsLine>& goods,
                  const CurrencyCode& currency) {
  for (size_t i = 0; i < goods.size(); ++i) {
    const std::string f = std::string(field) + "[" + std::to_string(i) + "]";
    if (goods[i].description.empty()) return Bad(f + ".description", "required");
    if (goods[i].quantity && goods[i].quantity->thousandths <= 0) {
      return Bad(f + ".quantity", "must be positive");
    }
    if (goods[i].unit_price) {
      LCPROC_RETURN_IF_ERROR(CheckAmount(f + ".unitPrice", *goods[i].unit_price));
      if (!(goods[i].unit_price->currency == currency)) {
        return Bad(f + ".unitPrice", "not in the currency of the amount");
      }
    }
  }
  return Status::Ok();
}

Status CheckCredit(const LetterOfCredit& lc) {
  LCPROC_RETURN_IF_ERROR(CheckCreditNumber(lc.credit_number));
  LCPROC_RETURN_IF_ERROR(CheckAmount("amount", lc.amount));
  LCPROC_RETURN_IF_ERROR(CheckBank("issuingBank", lc.issuing_bank));
  LCPROC_RETURN_IF_ERROR(CheckBank("advisingBank", lc.advising_bank));
  LCPROC_RETURN_IF_ERROR(CheckParty("applicant", lc.applicant));
  LCPROC_RETURN_IF_ERROR(CheckParty("beneficiary", lc.beneficiary));
  if (lc.expiry_date < lc.date_of_issue) return Bad("expiryDate", "before the date of issue");
  if (lc.latest_shipment_date && lc.shipment_period) {
    return Bad("shipmentPeriod", "44C and 44D are mutually exclusive");
  }
  if (lc.latest_shipment_date && *lc.latest_shipment_date > lc.expiry_date) {
    return Bad("latestShipmentDate", "after the expiry date");
  }
  if (lc.shipment_period) {
    auto range = Resolve(*lc.shipment_period);
    if (!range.ok()) return Bad("shipmentPeriod", range.status().message());
  }
  if (lc.tolerance && (lc.tolerance->plus < 0 || lc.tolerance->plus > 99 ||
                       lc.tolerance->minus < 0 || lc.tolerance->minus > 99)) {
    return Bad("tolerance", "percentages must be 0 to 99");
  }
  LCPROC_RETURN_IF_ERROR(CheckGoods("goods", lc.goods, lc.amount.currency));
  for (size_t i = 0; i < lc.documents_required.size(); ++i) {
    const auto& d = lc.documents_required[i];
    if (d.originals < 0 || d.copies < 0) {
      return Bad("documentsRequired[" + std::to_string(i) + "]", "negative count");
    }
  }
  if (lc.presentation_period &&
      (lc.presentation_period->days < 1 || lc.presentation_period->days > 366)) {
    return Bad("presentationPeriod.days", "must be 1 to 366");
  }
  if (lc.insurance_percentage &&
      (*lc.insurance_percentage < 100 || *lc.insurance_percentage > 1000)) {
    return Bad("insurancePercentage", "must be 100 to 1000");
  }
  for (size_t i = 0; i < lc.instalments.size(); ++i) {
    const std::string f = "instalments[" + std::to_string(i) + "]";
    const auto& inst = lc.instalments[i];
    LCPROC_RETURN_IF_ERROR(CheckAmount(f + ".amount", inst.amount));
    if (!(inst.amount.currency == lc.amount.currency)) return Bad(f + ".amount", "wrong currency");
    if (inst.to < inst.from) return Bad(f + ".to", "before from");
    if (i > 0 && inst.from <= lc.instalments[i - 1].to) return Bad(f + ".from", "periods overlap");
  }
  return Status::Ok();
}

Status CheckAmendment(const Amendment& a) {
  LCPROC_RETURN_IF_ERROR(CheckCreditNumber(a.credit_number));
  if (a.amendment_number < 1) return Bad("amendmentNumber", "must be 1 or more");
  LCPROC_RETURN_IF_ERROR(CheckBank("issuingBank", a.issuing_bank));
  if (a.increase && a.decrease) return Bad("decrease", "32B and 33B are mutually exclusive");
  if (a.increase) LCPROC_RETURN_IF_ERROR(CheckAmount("increase", *a.increase));
  if (a.decrease) LCPROC_RETURN_IF_ERROR(CheckAmount("decrease", *a.decrease));
  if (a.new_latest_shipment_date && a.new_shipment_period) {
    return Bad("newShipmentPeriod", "44C and 44D are mutually exclusive");
  }
  if (a.new_beneficiary) LCPROC_RETURN_IF_ERROR(CheckParty("newBeneficiary", *a.new_beneficiary));
  return Status::Ok();
}

Status CheckPresentation(const Presentation& p) {
  LCPROC_RETURN_IF_ERROR(CheckCreditNumber(p.credit_number));
  if (p.presentation_number < 1) return Bad("presentationNumber", "must be 1 or more");
  LCPROC_RETURN_IF_ERROR(CheckBank("presentingBank", p.presenting_bank));
  LCPROC_RETURN_IF_ERROR(CheckAmount("drawingAmount", p.drawing_amount));
  if (p.DocumentCount() == 0)
    return Bad("documents", "a presentation carries at least one document");
  if (p.invoice) {
    LCPROC_RETURN_IF_ERROR(CheckAmount("invoice.amount", p.invoice->amount));
    LCPROC_RETURN_IF_ERROR(
        CheckGoods("invoice.goods", p.invoice->goods, p.invoice->amount.currency));
  }
  if (p.insurance)
    LCPROC_RETURN_IF_ERROR(CheckAmount("insurance.insuredAmount", p.insurance->insured_amount));
  if (p.transport && (p.transport->originals < 0 || p.transport->originals_issued < 1)) {
    return Bad("transport.originals", "invalid count");
  }
  for (TradeDocumentType t : kAllTradeDocumentTypes) {
    const TransportDocument* d = p.Transport(t);
    if (d != nullptr && (d->originals < 0 || d->originals_issued < 1)) {
      return Bad(std::string(TradeDocumentTypeName(t)) + ".originals", "invalid count");
    }
  }
  if (p.draft) {
    LCPROC_RETURN_IF_ERROR(CheckAmount("draft.amount", p.draft->amount));
    if (p.draft->drawee.empty() && !p.draft->drawee_bic) {
      return Bad("draft.drawee", "a draft names its drawee");
    }
  }
  for (size_t i = 0; i < p.certificates.size(); ++i) {
    const std::string f = "certificates[" + std::to_string(i) + "]";
    if (!IsCertificate(p.certificates[i].type)) {
      return Bad(f + ".type",
                 "'" + std::string(TradeDocumentTypeName(p.certificates[i].type)) +
                     "' is not a certificate; it has its own member of the presentation");
    }
    if (p.certificates[i].originals < 0 || p.certificates[i].copies < 0) {
      return Bad(f + ".originals", "negative count");
    }
  }
  for (size_t i = 0; i < p.other_documents.size(); ++i) {
    const std::string f = "otherDocuments[" + std::to_string(i) + "]";
    if (p.other_documents[i].title.empty()) return Bad(f + ".title", "required");
    if (p.other_documents[i].originals < 0 || p.other_documents[i].copies < 0) {
      return Bad(f + ".originals", "negative count");
    }
  }
  return Status::Ok();
}

}  // namespace

Status CheckDocument(const Document& doc) {
  struct Visitor {
    Status operator()(const LetterOfCredit& lc) const { return CheckCredit(lc); }
    Status operator()(const Amendment& a) const { return CheckAmendment(a); }
    Status operator()(const AmendmentResponse& r) const {
      LCPROC_RETURN_IF_ERROR(CheckCreditNumber(r.credit_number));
      if (r.amendment_number < 1) return Bad("amendmentNumber", "must be 1 or more");
      return CheckBank("advisingBank", r.advising_bank);
    }
    Status operator()(const Advice& a) const {
      LCPROC_RETURN_IF_ERROR(CheckCreditNumber(a.credit_number));
      return CheckBank("advisingBank", a.advising_bank);
    }
    Status operator()(const Presentation& p) const { return CheckPresentation(p); }
    Status operator()(const ExaminationResult& e) const {
      LCPROC_RETURN_IF_ERROR(CheckCreditNumber(e.credit_number));
      if (e.presentation_number < 1) return Bad("presentationNumber", "must be 1 or more");
      if (!e.compliant() && e.discrepancies.empty()) {
        return Bad("discrepancies", "a refusal states each discrepancy (art. 16(c)(ii))");
      }
      for (size_t i = 0; i < e.discrepancies.size(); ++i) {
        if (e.discrepancies[i].code.empty()) {
          return Bad("discrepancies[" + std::to_string(i) + "].code", "required");
        }
      }
      return Status::Ok();
    }
    Status operator()(const Waiver& w) const {
      LCPROC_RETURN_IF_ERROR(CheckCreditNumber(w.credit_number));
      if (w.presentation_number < 1) return Bad("presentationNumber", "must be 1 or more");
      return CheckBank("issuingBank", w.issuing_bank);
    }
    Status operator()(const Payment& p) const {
      LCPROC_RETURN_IF_ERROR(CheckCreditNumber(p.credit_number));
      if (p.presentation_number < 1) return Bad("presentationNumber", "must be 1 or more");
      LCPROC_RETURN_IF_ERROR(CheckBank("payingBank", p.paying_bank));
      return CheckAmount("amount", p.amount);
    }
    Status operator()(const Cancellation& c) const {
      LCPROC_RETURN_IF_ERROR(CheckCreditNumber(c.credit_number));
      return CheckBank("issuingBank", c.issuing_bank);
    }
  };
  return std::visit(Visitor{}, doc);
}

}  // namespace lcproc::trade
