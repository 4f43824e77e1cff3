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
  switch (type) {
    case TradeDocumentType::kCommercialInvoice:
      return {p.invoice.has_value(), p.invoice ? p.invoice->originals : 0};
    case TradeDocumentType::kBillOfLading:
      return {p.transport.has_value(), p.transport ? p.transport->originals : 0};
    case TradeDocumentType::kInsuranceDocument:
      return {p.insurance.has_value(), p.insurance ? p.insurance->originals : 0};
    case TradeDocumentType::kCertificateOfOrigin:
      return {p.certificate_of_origin.has_value(),
              p.certificate_of_origin ? p.certificate_of_origin->originals : 0};
    case TradeDocumentType::kPackingList:
      return {p.packing_list.has_value(), p.packing_list ? p.packing_list->originals : 0};
  }
  return {};
}

void CheckDated(const ExamContext& c, std::string_view document, std::string_view field, Date d) {
  if (d > c.presented_on) {
    c.Add(kDocumentDatedAfterPresentation, document, field,
          std::string(document) + " dated " + d.ToIso() + ", after its presentation on " +
              c.presented_on.ToIso());
  }
}

}  // namespace

bool SamePlace(std::string_view a, std::string_view b) { return NormalizeText(a) == NormalizeText(b); }

std::optional<Date> ShipmentDateOf(const Presentation& p) {
  if (p.transport && p.transport->on_board_date) return p.transport->on_board_date;
  return std::nullopt;
}

void CheckExpiryAndPeriod(const ExamContext& c) {
  // Art. 6(d)(i) and 6(e): presentation on or before the expiry date; art. 29(a)
  // extends it to the first following banking day when the bank is closed that day.
  const Date expiry = c.state.EffectiveExpiry(c.calendar);
  if (c.presented_on > expiry) {
    std::string extended = expiry == c.lc.expiry_date ? "" : " (extended from " +
                           c.lc.expiry_date.ToIso() + " under art. 29(a))";
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
              " days after shipment on " + c.shipment_date->ToIso() + " (last day " +
              last.ToIso() + ")");
  }
}

void CheckShipmentDate(const ExamContext& c) {
  if (!c.shipment_date) return;
  const Date s = *c.shipment_date;
  // Art. 29(c): the latest date for shipment is not extended by a closing day.
  if (c.lc.latest_shipment_date && s > *c.lc.latest_shipment_date) {
    c.Add(kLateShipment, "billOfLading", "onBoardDate",
          "shipped on board " + s.ToIso() + ", after the latest date of shipment " +
              c.lc.latest_shipment_date->ToIso() + " (44C, not extended: art. 29(c))");
  }
  if (c.lc.shipment_period) {
    auto range = Resolve(*c.lc.shipment_period);
    if (range.ok() && !range->Contains(s)) {
      c.Add(kShipmentOutsidePeriod, "billOfLading", "onBoardDate",
            "shipped on board " + s.ToIso() + ", outside the shipment period '" +
                c.lc.shipment_period->ToText() + "' (" + range->first.ToIso() + " to " +
                range->last.ToIso() + ")");
    }
  }
}

void CheckRequiredDocuments(const ExamContext& c) {
  for (const RequiredDocument& required : c.lc.documents_required) {
    const std::string_view name = TradeDocumentTypeName(required.type);
    PresentedOriginals got = OriginalsOf(c.p, required.type);
    if (!got.present) {
      c.Add(kDocumentMissing, name, "46A", "46A requires a " + std::string(name) +
                                               " and none is presented");
    } else if (got.originals < required.originals) {
      c.Add(kInsufficientOriginals, name, "originals",
            std::to_string(got.originals) + " original(s) presented, 46A asks for " +
                std::to_string(required.originals));
    }
  }
}

void CheckDocumentDates(const ExamContext& c) {
  // Art. 14(i): a document may be dated before the credit's issue, never after its
  // presentation.
  const Presentation& p = c.p;
  if (p.invoice) CheckDated(c, "commercialInvoice", "date", p.invoice->date);
  if (p.transport) {
    CheckDated(c, "billOfLading", "date", p.transport->date);
    if (p.transport->on_board_date) CheckDated(c, "billOfLading", "onBoardDate", *p.transport->on_board_date);
  }
  if (p.insurance) CheckDated(c, "insuranceDocument", "date", p.insurance->date);
  if (p.certificate_of_origin) CheckDated(c, "certificateOfOrigin", "date", p.certificate_of_origin->date);
  if (p.packing_list) CheckDated(c, "packingList", "date", p.packing_list->date);
}

void CheckDrawing(const ExamContext& c) {
  const Money& drawing = c.p.drawing_amount;
  if (!drawing.same_currency(c.lc.amount)) {
    c.Add(kDataConflictCurrency, "presentation", "drawingAmount",
          "drawing in " + drawing.currency.str() + ", the credit is in " + c.lc.amount.currency.str());
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
  c.Add(kInstalmentOutOfSchedule, c.shipment_date ? "billOfLading" : "presentation",
        c.shipment_date ? "onBoardDate" : "presentationDate",
        "shipment on " + when.ToIso() + " falls in no instalment period of the credit");
}

}  // namespace lcproc::trade::internal
