// Checks on the presentation as a whole: dates, documents required, the drawing.
#include <algorithm>
#include <string>

#include "pipeline/trade/examiner_internal.h"

namespace lcproc::trade::internal {
namespace {

struct PresentedOriginals {
  bool present = false;
  int originals = 0;
};

PresentedOriginals OriginalsOf(const Presentation& p, TradeDocumentType type) {
  auto of = [](const auto& slot) {
    return slot ? PresentedOriginals{true, slot->originals} : PresentedOriginals{};
  };
  switch (type) {
    case TradeDocumentType::kCommercialInvoice: return of(p.invoice);
    case TradeDocumentType::kInsuranceDocument: return of(p.insurance);
    case TradeDocumentType::kCertificateOfOrigin: return of(p.certificate_of_origin);
    case TradeDocumentType::kPackingList: return of(p.packing_list);
    case TradeDocumentType::kDraft: return of(p.draft);
    case TradeDocumentType::kCourierReceipt: return of(p.courier_receipt);
    case TradeDocumentType::kPostReceipt: return of(p.post_receipt);
    case TradeDocumentType::kOtherDocument: return {};
    default: break;
  }
  if (const TransportDocument* t = p.Transport(type)) return {true, t->originals};
  for (const Certificate& cert : p.certificates) {
    if (cert.type == type) return {true, cert.originals};
  }
  return {};
}

// Whether the document's own article already finds its originals short (the full set of
// art. 19 to 22, the original for consignor of 23 and 24, all insurance originals of
// 28(b)): one defect, one discrepancy.
bool ArticleCountsOriginals(const Presentation& p, TradeDocumentType type) {
  if (type == TradeDocumentType::kInsuranceDocument) {
    return p.insurance && p.insurance->originals < p.insurance->originals_issued;
  }
  const TransportDocument* d = p.Transport(type);
  if (d == nullptr) return false;
  const bool full_set = type == TradeDocumentType::kBillOfLading ||
                        type == TradeDocumentType::kMultimodalTransportDocument ||
                        type == TradeDocumentType::kSeaWaybill ||
                        type == TradeDocumentType::kCharterPartyBillOfLading;
  return full_set ? d->originals < d->originals_issued : d->originals < 1;
}

void CheckDated(const ExamContext& c, std::string_view document, std::string_view field, Date d) {
  if (d > c.presented_on) {
    c.Add(kDocumentDatedAfterPresentation, document, field,
          std::string(document) + " dated " + d.ToIso() + ", after its presentation on " +
              c.presented_on.ToIso());
  }
}

// Art. 14(g): documents presented that the credit does not require are disregarded (and
// may be returned), not examined. Other documents are matched in CheckOtherDocuments.
void NoteDisregarded(const ExamContext& c) {
  if (c.required == ~0u) return;
  auto note = [&](bool present, TradeDocumentType t) {
    if (present && !c.Requires(t)) {
      c.result->disregarded_documents.emplace_back(TradeDocumentTypeName(t));
    }
  };
  const Presentation& p = c.p;
  note(p.invoice.has_value(), TradeDocumentType::kCommercialInvoice);
  note(p.insurance.has_value(), TradeDocumentType::kInsuranceDocument);
  note(p.certificate_of_origin.has_value(), TradeDocumentType::kCertificateOfOrigin);
  note(p.packing_list.has_value(), TradeDocumentType::kPackingList);
  note(p.draft.has_value(), TradeDocumentType::kDraft);
  note(p.courier_receipt.has_value(), TradeDocumentType::kCourierReceipt);
  note(p.post_receipt.has_value(), TradeDocumentType::kPostReceipt);
  for (TradeDocumentType t : kAllTradeDocumentTypes) {
    if (p.Transport(t) != nullptr) note(true, t);
  }
  for (const Certificate& cert : p.certificates) note(true, cert.type);
}

}  // namespace

bool SamePlace(std::string_view a, std::string_view b) { return SameText(a, b); }

bool ContainsText(std::string_view haystack, std::string_view needle) {
  if (needle.find_first_not_of(" \t\r\n") == std::string_view::npos) return true;
  return NormalizeText(haystack).find(NormalizeText(needle)) != std::string::npos;
}

bool IssuerMatches(std::string_view issuer, std::string_view named) {
  const std::string a = NormalizeText(issuer), b = NormalizeText(named);
  if (a.empty() || b.empty()) return false;
  if (a.find(b) != std::string::npos || b.find(a) != std::string::npos) return true;
  // An acronym of the issuer's significant words.
  std::string initials;
  size_t word_begin = 0;
  for (size_t i = 0; i <= a.size(); ++i) {
    if (i < a.size() && a[i] != ' ') continue;
    std::string_view word = std::string_view(a).substr(word_begin, i - word_begin);
    if (!word.empty() && word != "OF" && word != "AND" && word != "THE" && word != "&" &&
        word != "FOR") {
      initials += word[0];
    }
    word_begin = i + 1;
  }
  return initials.size() >= 2 && initials == b;
}

std::optional<ShipmentEvidence> ShipmentOf(const Presentation& p) {
  // Art. 20(a)(ii), 21(a)(ii), 22(a)(ii): the on-board notation (without one the sea
  // document is discrepant and shows no date of shipment).
  for (TradeDocumentType t : {TradeDocumentType::kBillOfLading, TradeDocumentType::kSeaWaybill,
                              TradeDocumentType::kCharterPartyBillOfLading}) {
    if (const TransportDocument* d = p.Transport(t)) {
      if (d->on_board_date) return ShipmentEvidence{*d->on_board_date, t, "onBoardDate"};
      return std::nullopt;
    }
  }
  // Art. 19(a)(ii), 23(a)(iii), 24(a)(ii): the date of issue unless a notation states
  // the date of dispatch, taking in charge or shipment.
  for (TradeDocumentType t :
       {TradeDocumentType::kMultimodalTransportDocument, TradeDocumentType::kAirTransportDocument,
        TradeDocumentType::kRoadTransportDocument, TradeDocumentType::kRailTransportDocument,
        TradeDocumentType::kInlandWaterwayTransportDocument}) {
    if (const TransportDocument* d = p.Transport(t)) {
      if (d->on_board_date) return ShipmentEvidence{*d->on_board_date, t, "onBoardDate"};
      return ShipmentEvidence{d->date, t, "date"};
    }
  }
  // Art. 25(a)(ii), 25(c): the date of pick-up or receipt.
  if (p.courier_receipt) {
    return ShipmentEvidence{p.courier_receipt->date, TradeDocumentType::kCourierReceipt, "date"};
  }
  if (p.post_receipt) {
    return ShipmentEvidence{p.post_receipt->date, TradeDocumentType::kPostReceipt, "date"};
  }
  return std::nullopt;
}

std::optional<Date> ShipmentDateOf(const Presentation& p) {
  auto s = ShipmentOf(p);
  if (!s) return std::nullopt;
  return s->date;
}

void CheckExpiryAndPeriod(const ExamContext& c) {
  // Art. 6(d)(i) and 6(e): presentation on or before the expiry date; art. 29(a)
  // extends it to the first following banking day when the bank is closed that day.
  const Date expiry = c.state.EffectiveExpiry(c.calendar);
  if (c.presented_on > expiry) {
    std::string extended =
        expiry == c.lc.expiry_date
            ? ""
            : " (extended from " + c.lc.expiry_date.ToIso() + " under art. 29(a))";
    c.Add(kPresentedAfterExpiry, "presentation", "presentationDate",
          "presented on " + c.presented_on.ToIso() + ", after the expiry date " + expiry.ToIso() +
              extended);
  }
  if (!c.shipment_date) return;
  // Art. 14(c): the period of field 48, or 21 calendar days after shipment; art. 29(a)
  // extends the last day for presentation past a closing day.
  const int days = c.lc.presentation_period ? c.lc.presentation_period->days : 21;
  const Date last = c.calendar.OnOrNextBankingDay(c.shipment_date->AddDays(days));
  if (c.presented_on > last) {
    c.Add(kLatePresentation, "presentation", "presentationDate",
          "presented on " + c.presented_on.ToIso() + ", more than " + std::to_string(days) +
              " days after shipment on " + c.shipment_date->ToIso() + " (last day " + last.ToIso() +
              ")");
  }
}

void CheckShipmentDate(const ExamContext& c) {
  if (!c.shipment) return;
  const Date s = c.shipment->date;
  const std::string_view doc = TradeDocumentTypeName(c.shipment->document);
  // Art. 29(c): the latest date for shipment is not extended by a closing day.
  if (c.lc.latest_shipment_date && s > *c.lc.latest_shipment_date) {
    c.Add(kLateShipment, doc, c.shipment->field,
          "shipped " + s.ToIso() + ", after the latest date of shipment " +
              c.lc.latest_shipment_date->ToIso() + " (44C, not extended: art. 29(c))");
  }
  if (c.lc.shipment_period) {
    auto range = Resolve(*c.lc.shipment_period);
    if (range.ok() && !range->Contains(s)) {
      c.Add(kShipmentOutsidePeriod, doc, c.shipment->field,
            "shipped " + s.ToIso() + ", outside the shipment period '" +
                c.lc.shipment_period->ToText() + "' (" + range->first.ToIso() + " to " +
                range->last.ToIso() + ")");
    }
  }
}

void CheckRequiredDocuments(const ExamContext& c) {
  for (const RequiredDocument& required : c.lc.documents_required) {
    // Other documents are matched by their wording in CheckOtherDocuments.
    if (required.type == TradeDocumentType::kOtherDocument) continue;
    const std::string_view name = TradeDocumentTypeName(required.type);
    PresentedOriginals got = OriginalsOf(c.p, required.type);
    if (!got.present) {
      c.Add(kDocumentMissing, name, "46A",
            "46A requires a " + std::string(name) + " and none is presented");
    } else if (got.originals < required.originals && !ArticleCountsOriginals(c.p, required.type)) {
      c.Add(kInsufficientOriginals, name, "originals",
            std::to_string(got.originals) + " original(s) presented, 46A asks for " +
                std::to_string(required.originals));
    }
  }
  // 42C calls for drafts even when 46A does not list one; whether this credit's terms
  // make the missing draft a discrepancy is for a document checker.
  if (!c.lc.drafts_at.empty() && !c.p.draft && !c.lc.documents_required.empty() &&
      !c.Requirement(TradeDocumentType::kDraft)) {
    c.Refer("draft", "6(c)", "42C",
            "42C states drafts at '" + c.lc.drafts_at +
                "' and no draft is presented: check whether the credit calls for one",
            nullptr);
  }
  NoteDisregarded(c);
}

void CheckDocumentDates(const ExamContext& c) {
  // Art. 14(i): a document may be dated before the credit's issue, never after its
  // presentation.
  const Presentation& p = c.p;
  auto examined = [&](TradeDocumentType t) { return c.Requires(t); };
  if (p.invoice && examined(TradeDocumentType::kCommercialInvoice)) {
    CheckDated(c, "commercialInvoice", "date", p.invoice->date);
  }
  for (TradeDocumentType t : kAllTradeDocumentTypes) {
    const TransportDocument* d = p.Transport(t);
    if (d == nullptr || !examined(t)) continue;
    CheckDated(c, TradeDocumentTypeName(t), "date", d->date);
    if (d->on_board_date) CheckDated(c, TradeDocumentTypeName(t), "onBoardDate", *d->on_board_date);
  }
  for (TradeDocumentType t :
       {TradeDocumentType::kCourierReceipt, TradeDocumentType::kPostReceipt}) {
    if (const CourierReceipt* r = p.Receipt(t); r && examined(t)) {
      CheckDated(c, TradeDocumentTypeName(t), "date", r->date);
    }
  }
  if (p.insurance && examined(TradeDocumentType::kInsuranceDocument)) {
    CheckDated(c, "insuranceDocument", "date", p.insurance->date);
  }
  if (p.certificate_of_origin && examined(TradeDocumentType::kCertificateOfOrigin)) {
    CheckDated(c, "certificateOfOrigin", "date", p.certificate_of_origin->date);
  }
  if (p.packing_list && examined(TradeDocumentType::kPackingList)) {
    CheckDated(c, "packingList", "date", p.packing_list->date);
  }
  if (p.draft && examined(TradeDocumentType::kDraft)) CheckDated(c, "draft", "date", p.draft->date);
  for (const Certificate& cert : p.certificates) {
    if (examined(cert.type)) CheckDated(c, TradeDocumentTypeName(cert.type), "date", cert.date);
  }
  // Other documents are dated in CheckOtherDocuments, once matched to the credit.
}

namespace {

// Art. 30(c)'s conditions for the 5% shortfall: the quantity, if stated in the credit,
// shipped in full and the unit price, if stated, not reduced; or art. 30(b) not
// applicable (goods counted in packing units or items). Returns why they fail, or "".
std::string ShortfallConditionFails(const ExamContext& c) {
  if (!c.p.invoice) return "";
  for (const GoodsLine& credit_line : c.lc.goods) {
    if (!credit_line.quantity || !IsMeasuredUnit(credit_line.quantity->unit)) continue;
    for (const GoodsLine& line : c.p.invoice->goods) {
      if (!SamePlace(line.description, credit_line.description)) continue;
      if (credit_line.unit_price && line.unit_price &&
          credit_line.unit_price->same_currency(*line.unit_price) &&
          *line.unit_price < *credit_line.unit_price) {
        return "the unit price of '" + line.description + "' is reduced to " +
               line.unit_price->ToDisplay() + " (45A " + credit_line.unit_price->ToDisplay() + ")";
      }
    }
  }
  return "";
}

}  // namespace

void CheckDrawing(const ExamContext& c) {
  const Money& drawing = c.p.drawing_amount;
  if (!drawing.same_currency(c.lc.amount)) {
    c.Add(kDataConflictCurrency, "presentation", "drawingAmount",
          "drawing in " + drawing.currency.str() + ", the credit is in " +
              c.lc.amount.currency.str());
    return;
  }
  const Money available = c.state.AvailableBalance();
  if (drawing > available) {
    c.Add(kDrawingExceedsBalance, "presentation", "drawingAmount",
          "drawing " + drawing.ToDisplay() + " exceeds the available balance " +
              available.ToDisplay() + " (32B " + c.lc.amount.ToDisplay() +
              " with 39A tolerance, less earlier drawings)");
  }
  if (c.p.invoice && c.p.invoice->amount.same_currency(drawing) && drawing > c.p.invoice->amount) {
    c.Add(kDrawingExceedsInvoice, "presentation", "drawingAmount",
          "drawing " + drawing.ToDisplay() + " exceeds the invoice amount " +
              c.p.invoice->amount.ToDisplay());
  }
  if (c.lc.partial_shipments != ShipmentPermission::kNotAllowed) return;
  // Art. 31(a) read with 43P: one drawing only.
  if (c.state.DrawingCount() > 0) {
    c.Add(kPartialShipmentNotAllowed, "presentation", "43P",
          "partial shipments are not allowed and an earlier drawing exists");
    return;
  }
  // A quantity short beyond art. 30(b) already explains a short drawing: one defect, one
  // discrepancy.
  if (c.Reported(kQuantityOutOfTolerance, "commercialInvoice")) return;
  // Art. 30(c): even when partial shipments are not allowed, 5% less than the amount is
  // tolerated, unless the credit states its own tolerance (39A) or "about" (30(a)).
  int minus = 5;
  std::string_view article = "30(c)";
  if (c.lc.tolerance) {
    minus = c.lc.tolerance->minus;
    article = "30(a)";
  } else if (c.lc.amount_about) {
    minus = 10;
    article = "30(a)";
  }
  auto minimum = c.lc.amount.Scale(100 - minus, 100, Rounding::kUp);  // stricter side
  if (minimum.ok() && drawing < *minimum) {
    c.Add(kShortDrawing, "presentation", "drawingAmount",
          "partial drawings are not allowed; drawing " + drawing.ToDisplay() +
              " is below the minimum " + minimum->ToDisplay() + " (" + std::to_string(minus) +
              "% less than " + c.lc.amount.ToDisplay() + ")",
          article);
    return;
  }
  if (article == "30(c)" && drawing < c.lc.amount) {
    std::string why = ShortfallConditionFails(c);
    if (!why.empty()) {
      c.Add(kShortDrawing, "presentation", "drawingAmount",
            "partial drawings are not allowed; drawing " + drawing.ToDisplay() + " is short of " +
                c.lc.amount.ToDisplay() + " and the 5% tolerance does not apply: " + why,
            article);
    }
  }
}

void CheckInstalments(const ExamContext& c) {
  const auto& schedule = c.lc.instalments;
  if (schedule.empty()) return;
  const Date when = c.shipment_date.value_or(c.presented_on);
  auto drawn_in = [&](const Instalment& inst) {
    int64_t total = 0;
    bool any = false;
    for (const auto& rec : c.state.presentations) {
      if (rec.status == PresentationStatus::kRefused) continue;
      Date d = ShipmentDateOf(rec.presentation).value_or(rec.presentation.presentation_date);
      if (inst.from <= d && d <= inst.to) {
        any = true;
        total += rec.presentation.drawing_amount.minor;
      }
    }
    return std::pair<bool, int64_t>(any, total);
  };
  for (size_t i = 0; i < schedule.size(); ++i) {
    const Instalment& inst = schedule[i];
    if (when < inst.from || when > inst.to) continue;
    // Art. 32: an instalment not drawn within its period ends the credit's availability
    // for it and for every later instalment.
    for (size_t j = 0; j < i; ++j) {
      if (!drawn_in(schedule[j]).first) {
        c.Add(kInstalmentCeased, "presentation", "instalments",
              "instalment " + std::to_string(j + 1) + " (" + schedule[j].from.ToIso() + " to " +
                  schedule[j].to.ToIso() + ") was not drawn; the credit ceased to be available");
        return;
      }
    }
    int64_t left = inst.amount.minor - drawn_in(inst).second;
    if (c.p.drawing_amount.minor > left) {
      c.Add(kInstalmentAmountExceeded, "presentation", "drawingAmount",
            "drawing " + c.p.drawing_amount.ToDisplay() + " exceeds what instalment " +
                std::to_string(i + 1) + " still allows (" +
                Money{inst.amount.currency, left}.ToDisplay() + ")");
    }
    return;
  }
  c.Add(kInstalmentOutOfSchedule,
        c.shipment ? TradeDocumentTypeName(c.shipment->document) : "presentation",
        c.shipment ? c.shipment->field : "presentationDate",
        "shipment on " + when.ToIso() + " falls in no instalment period of the credit");
}

}  // namespace lcproc::trade::internal
