// Checks of single documents (invoice, bill of lading, insurance) and across documents.
#include <string>

#include "pipeline/trade/examiner_internal.h"

namespace lcproc::trade::internal {
namespace {

const GoodsLine* FindLine(const std::vector<GoodsLine>& lines, std::string_view description) {
  for (const auto& line : lines) {
    if (SamePlace(line.description, description)) return &line;
  }
  return nullptr;
}

// Quantity of `credit_line`'s goods invoiced by earlier drawings that still count.
int64_t EarlierQuantity(const CreditState& state, const GoodsLine& credit_line) {
  int64_t total = 0;
  for (const auto& rec : state.presentations) {
    if (rec.status == PresentationStatus::kRefused || !rec.presentation.invoice) continue;
    const GoodsLine* line = FindLine(rec.presentation.invoice->goods, credit_line.description);
    if (line && line->quantity && line->quantity->unit == credit_line.quantity->unit) {
      total += line->quantity->thousandths;
    }
  }
  return total;
}

// Art. 30(a)/(b): the quantity of one credit line against what is invoiced now (and
// before). `invoiced` is 0 when the invoice does not show the line.
void CheckQuantity(const ExamContext& c, const GoodsLine& credit_line, int64_t invoiced,
                   std::string_view field) {
  const Quantity& q = *credit_line.quantity;
  int tolerance = 0;
  std::string_view article = "30(b)";
  if (credit_line.about) {
    tolerance = 10;
    article = "30(a)";
  } else if (IsMeasuredUnit(q.unit)) {
    tolerance = 5;
  }
  auto max = ScaleInteger(q.thousandths, 100 + tolerance, 100, Rounding::kDown);
  auto min = ScaleInteger(q.thousandths, 100 - tolerance, 100, Rounding::kUp);
  if (!max.ok() || !min.ok()) return;
  const int64_t total = EarlierQuantity(c.state, credit_line) + invoiced;
  auto text = [&](int64_t v) { return Quantity{v, q.unit}.NumberText() + " " + q.unit; };
  if (total > *max) {
    c.Add(kQuantityOutOfTolerance, "commercialInvoice", field,
          "'" + credit_line.description + "': " + text(total) + " drawn in all, more than " +
              text(*max) + " (45A " + text(q.thousandths) + ", tolerance " +
              std::to_string(tolerance) + "%)",
          article);
  } else if (c.lc.partial_shipments == ShipmentPermission::kNotAllowed &&
             c.state.DrawingCount() == 0 && invoiced < *min) {
    // A second drawing is already PARTIAL_SHIPMENT_NOT_ALLOWED (art. 31(a)).
    c.Add(kQuantityOutOfTolerance, "commercialInvoice", field,
          "'" + credit_line.description + "': " + text(invoiced) +
              " invoiced, partial shipments are not allowed and the minimum is " + text(*min),
          article);
  }
}

void CheckUnitPrice(const ExamContext& c, const GoodsLine& credit_line, const GoodsLine& line,
                    std::string_view field) {
  if (!credit_line.unit_price || !line.unit_price) return;
  const Money& want = *credit_line.unit_price;
  const Money& got = *line.unit_price;
  if (!want.same_currency(got)) {
    // An invoice in another currency is reported once, on its amount.
    if (!c.p.invoice->amount.same_currency(want)) return;
    c.Add(kInvoiceCurrencyMismatch, "commercialInvoice", field,
          "unit price in " + got.currency.str() + ", the credit's is in " + want.currency.str());
    return;
  }
  // "About" allows ±10% (art. 30(a)); otherwise the invoice may not charge more than the
  // credit's unit price (a lower price only lowers the amount drawn).
  const int tolerance = credit_line.about ? 10 : 0;
  auto max = want.Scale(100 + tolerance, 100, Rounding::kDown);
  auto min = want.Scale(100 - tolerance, 100, Rounding::kUp);
  if (!max.ok() || !min.ok()) return;
  if (got > *max || (credit_line.about && got < *min)) {
    c.Add(kUnitPriceOutOfTolerance, "commercialInvoice", field,
          "'" + line.description + "' at " + got.ToDisplay() + ", the credit allows " +
              (credit_line.about ? min->ToDisplay() + " to " : std::string("up to ")) +
              max->ToDisplay());
  }
}

}  // namespace

void CheckOtherDocumentGoods(const ExamContext& c, std::string_view document,
                             const std::vector<GoodsLine>& lines) {
  const std::vector<GoodsLine>* invoice_lines = c.p.invoice ? &c.p.invoice->goods : nullptr;
  for (size_t i = 0; i < lines.size(); ++i) {
    const GoodsLine& line = lines[i];
    const std::string field = "goods[" + std::to_string(i) + "]";
    if (!c.lc.goods.empty() && !FindLine(c.lc.goods, line.description)) {
      c.Add(kDataConflictGoods, document, field + ".description",
            "'" + line.description + "' is not among the goods of 45A");
      continue;
    }
    const GoodsLine* inv = invoice_lines ? FindLine(*invoice_lines, line.description) : nullptr;
    // An invoiced quantity beyond art. 30 is the defect; a document showing the credit's
    // quantity beside it is not a second one.
    if (inv && c.Reported(kQuantityOutOfTolerance, "commercialInvoice")) continue;
    if (inv && inv->quantity && line.quantity &&
        (inv->quantity->unit != line.quantity->unit ||
         inv->quantity->thousandths != line.quantity->thousandths)) {
      c.Add(kDataConflictQuantity, document, field + ".quantity",
            "'" + line.description + "': " + line.quantity->NumberText() + " " +
                line.quantity->unit + ", the invoice shows " + inv->quantity->NumberText() + " " +
                inv->quantity->unit);
    }
  }
}

// Art. 14(j): where the beneficiary's or applicant's address appears in a document, it
// need not be the credit's, but it must be in the same country; as consignee or notify
// party on a transport document, the applicant's must be as stated in the credit.
void CheckPartyAddress(const ExamContext& c, std::string_view document, std::string_view field,
                       const Party& party, bool exact_applicant) {
  if (party.name.empty()) return;
  for (const Party* named : {&c.lc.beneficiary, &c.lc.applicant}) {
    if (!SameName(party, *named)) continue;
    if (!party.country.empty() && !named->country.empty() && !(party.country == named->country)) {
      c.Add(kAddressCountryMismatch, document, std::string(field) + ".country",
            party.name + "'s address is in " + party.country.str() + ", the credit gives " +
                named->country.str());
      continue;  // one defect: the same address is not reported twice
    }
    if (!exact_applicant || named != &c.lc.applicant || party.address_lines.empty()) continue;
    bool same = party.address_lines.size() == named->address_lines.size();
    for (size_t i = 0; same && i < party.address_lines.size(); ++i) {
      same = SamePlace(party.address_lines[i], named->address_lines[i]);
    }
    if (!same) {
      std::string shown, credit;
      for (const auto& l : party.address_lines) shown += (shown.empty() ? "" : ", ") + l;
      for (const auto& l : named->address_lines) credit += (credit.empty() ? "" : ", ") + l;
      c.Add(kAddressNotAsInCredit, document, std::string(field) + ".addressLines",
            "the applicant's address shows '" + shown + "', the credit states '" + credit + "'");
    }
  }
}

void CheckInvoice(const ExamContext& c) {
  if (!c.p.invoice || !c.Requires(TradeDocumentType::kCommercialInvoice)) return;
  const CommercialInvoice& inv = *c.p.invoice;
  if (!SameName(inv.issuer, c.lc.beneficiary)) {
    c.Add(
        kInvoiceNotIssuedByBeneficiary, "commercialInvoice", "issuer.name",
        "issued by '" + inv.issuer.name + "', the beneficiary is '" + c.lc.beneficiary.name + "'");
  }
  if (!SameName(inv.made_out_to, c.lc.applicant)) {
    c.Add(kInvoiceNotMadeOutToApplicant, "commercialInvoice", "madeOutTo.name",
          "made out to '" + inv.made_out_to.name + "', the applicant is '" + c.lc.applicant.name +
              "'");
  }
  if (!inv.amount.same_currency(c.lc.amount)) {
    c.Add(kInvoiceCurrencyMismatch, "commercialInvoice", "amount",
          "invoice in " + inv.amount.currency.str() + ", the credit is in " +
              c.lc.amount.currency.str());
  }
  // Art. 18(c): the goods correspond with 45A, line by line.
  if (c.lc.goods.empty()) {
    const std::string want = NormalizeText(c.lc.goods_description);
    if (!want.empty() && NormalizeText(inv.goods_description).find(want) == std::string::npos) {
      c.Add(kInvoiceGoodsMismatch, "commercialInvoice", "goodsDescription",
            "the invoice does not describe the goods as 45A: '" + c.lc.goods_description + "'");
    }
    return;
  }
  bool unknown_goods = false;
  for (size_t i = 0; i < inv.goods.size(); ++i) {
    const GoodsLine& line = inv.goods[i];
    const std::string field = "goods[" + std::to_string(i) + "]";
    const GoodsLine* credit_line = FindLine(c.lc.goods, line.description);
    if (!credit_line) {
      c.Add(kInvoiceGoodsMismatch, "commercialInvoice", field + ".description",
            "'" + line.description + "' is not among the goods of 45A");
      unknown_goods = true;
      continue;
    }
    if (credit_line->quantity && line.quantity &&
        credit_line->quantity->unit != line.quantity->unit) {
      c.Add(kInvoiceGoodsMismatch, "commercialInvoice", field + ".quantity",
            "'" + line.description + "' invoiced in " + line.quantity->unit + ", 45A states " +
                credit_line->quantity->unit);
      continue;
    }
    CheckUnitPrice(c, *credit_line, line, field + ".unitPrice");
  }
  for (const GoodsLine& credit_line : c.lc.goods) {
    if (!credit_line.quantity) continue;
    const GoodsLine* line = FindLine(inv.goods, credit_line.description);
    // Goods invoiced under another description are one defect (18(c)), not also a
    // quantity short of the credit's.
    if (!line && unknown_goods) continue;
    if (line && line->quantity && line->quantity->unit != credit_line.quantity->unit) continue;
    int64_t invoiced = line && line->quantity ? line->quantity->thousandths : 0;
    CheckQuantity(c, credit_line, invoiced, "goods.quantity");
  }
}

void CheckInsurance(const ExamContext& c) {
  if (!c.p.insurance || !c.Requires(TradeDocumentType::kInsuranceDocument)) return;
  const InsuranceDocument& ins = *c.p.insurance;
  const char* doc = "insuranceDocument";
  if (ins.kind == InsuranceDocumentKind::kCoverNote) {
    c.Add(kInsuranceCoverNote, doc, "kind", "cover notes are not accepted");
  }
  if (ins.originals < ins.originals_issued) {
    c.Add(kInsuranceOriginals, doc, "originals",
          std::to_string(ins.originals) + " of " + std::to_string(ins.originals_issued) +
              " originals issued presented");
  }
  if (c.shipment_date && ins.date > *c.shipment_date &&
      !(ins.cover_starts && *ins.cover_starts <= *c.shipment_date)) {
    c.Add(kInsuranceDatedAfterShipment, doc, "date",
          "dated " + ins.date.ToIso() + ", after shipment on " + c.shipment_date->ToIso() +
              ", with no cover from shipment");
  }
  if (!ins.insured_amount.same_currency(c.lc.amount)) {
    c.Add(kInsuranceCurrency, doc, "insuredAmount",
          "insured in " + ins.insured_amount.currency.str() + ", the credit is in " +
              c.lc.amount.currency.str());
  } else {
    // Art. 28(f)(ii): at least 110% of the CIF or CIP value; when that value cannot be
    // determined, of the greater of the amount drawn and the invoice's gross value.
    Money basis = c.p.drawing_amount.same_currency(c.lc.amount) ? c.p.drawing_amount
                                                                : Money{c.lc.amount.currency, 0};
    if (c.p.invoice && c.p.invoice->amount.same_currency(c.lc.amount)) {
      if (IncludesInsurance(c.lc.incoterm) || c.p.invoice->amount > basis)
        basis = c.p.invoice->amount;
    }
    const int percent = c.lc.insurance_percentage.value_or(110);
    auto minimum = basis.Percent(percent, Rounding::kUp);  // a minimum: rounded up
    if (minimum.ok() && ins.insured_amount < *minimum) {
      c.Add(kInsuranceUnderinsured, doc, "insuredAmount",
            "insured for " + ins.insured_amount.ToDisplay() + ", at least " + minimum->ToDisplay() +
                " (" + std::to_string(percent) + "% of " + basis.ToDisplay() + ") is required");
    }
  }
  // Art. 28(f)(iii): from where the risk is taken in charge or shipped, to discharge or
  // final destination.
  const std::string& from =
      c.lc.port_of_loading.empty() ? c.lc.place_of_taking_in_charge : c.lc.port_of_loading;
  const std::string& to =
      c.lc.final_destination.empty() ? c.lc.port_of_discharge : c.lc.final_destination;
  const bool from_ok = from.empty() || SamePlace(ins.route_from, c.lc.port_of_loading) ||
                       SamePlace(ins.route_from, c.lc.place_of_taking_in_charge);
  const bool to_ok = to.empty() || SamePlace(ins.route_to, c.lc.port_of_discharge) ||
                     SamePlace(ins.route_to, c.lc.final_destination);
  if (!from_ok || !to_ok) {
    c.Add(kInsuranceRoute, doc, from_ok ? "routeTo" : "routeFrom",
          "covers '" + ins.route_from + "' to '" + ins.route_to + "', the credit's route is '" +
              from + "' to '" + to + "'");
  }
}

void CheckCrossDocument(const ExamContext& c) {
  const Presentation& p = c.p;
  const bool invoice = p.invoice && c.Requires(TradeDocumentType::kCommercialInvoice);
  const TransportDocument* bl =
      c.Requires(TradeDocumentType::kBillOfLading) && p.transport ? &*p.transport : nullptr;
  // Art. 14(d), 14(e): documents other than the invoice may describe the goods in general
  // terms (their goodsDescription is not compared); structured lines must not conflict.
  for (TradeDocumentType t : kAllTradeDocumentTypes) {
    const TransportDocument* d = p.Transport(t);
    if (d == nullptr || !c.Requires(t)) continue;
    const std::string_view doc = TradeDocumentTypeName(t);
    CheckOtherDocumentGoods(c, doc, d->goods);
    // Art. 14(k): the shipper may be other than the beneficiary; 14(j) for its address.
    CheckPartyAddress(c, doc, "shipper", d->shipper);
    if (d->consignee_details)
      CheckPartyAddress(c, doc, "consigneeDetails", *d->consignee_details, true);
    if (d->notify_party_details) {
      CheckPartyAddress(c, doc, "notifyPartyDetails", *d->notify_party_details, true);
    }
  }
  for (TradeDocumentType t :
       {TradeDocumentType::kCourierReceipt, TradeDocumentType::kPostReceipt}) {
    const CourierReceipt* r = p.Receipt(t);
    if (r != nullptr && c.Requires(t)) {
      CheckPartyAddress(c, TradeDocumentTypeName(t), "consigneeDetails", r->consignee_details,
                        true);
    }
  }
  if (p.packing_list && c.Requires(TradeDocumentType::kPackingList)) {
    CheckOtherDocumentGoods(c, "packingList", p.packing_list->goods);
    CheckPartyAddress(c, "packingList", "issuer", p.packing_list->issuer);
  }
  if (invoice && bl) {
    if (!p.invoice->port_of_loading.empty() &&
        !SamePlace(p.invoice->port_of_loading, bl->port_of_loading)) {
      c.Add(kDataConflictPort, "commercialInvoice", "portOfLoading",
            "invoice shows '" + p.invoice->port_of_loading + "', the bill of lading '" +
                bl->port_of_loading + "'");
    }
    if (!p.invoice->port_of_discharge.empty() &&
        !SamePlace(p.invoice->port_of_discharge, bl->port_of_discharge)) {
      c.Add(kDataConflictPort, "commercialInvoice", "portOfDischarge",
            "invoice shows '" + p.invoice->port_of_discharge + "', the bill of lading '" +
                bl->port_of_discharge + "'");
    }
  }
  if (invoice) {
    CheckPartyAddress(c, "commercialInvoice", "issuer", p.invoice->issuer);
    CheckPartyAddress(c, "commercialInvoice", "madeOutTo", p.invoice->made_out_to);
  }
  if (p.certificate_of_origin && c.Requires(TradeDocumentType::kCertificateOfOrigin)) {
    CheckPartyAddress(c, "certificateOfOrigin", "issuer", p.certificate_of_origin->issuer);
    CheckPartyAddress(c, "certificateOfOrigin", "consignor", p.certificate_of_origin->consignor);
  }
  if (p.insurance && c.Requires(TradeDocumentType::kInsuranceDocument)) {
    CheckPartyAddress(c, "insuranceDocument", "issuer", p.insurance->issuer);
  }
}

}  // namespace lcproc::trade::internal
