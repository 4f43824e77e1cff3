#include "tests/pipeline/trade/sample_credit.h"

#include <cstdlib>
#include <iostream>

namespace lcproc::trade::fixtures {
namespace {

template <typename T>
T Must(Result<T> r, std::string_view what) {
  if (!r.ok()) {
    std::cerr << "bad test literal " << what << ": " << r.status().ToString() << "\n";
    std::abort();
  }
  return std::move(r).value();
}

Party Beneficiary() {
  return Party{"NINGBO OCEAN FOODS CO LTD",
               {"88 HARBOUR ROAD", "NINGBO"},
               Must(CountryCode::Parse("CN"), "CN"),
               std::nullopt,
               ""};
}

Party Applicant() {
  return Party{"HAMBURG SEAFOOD GMBH",
               {"GROSSE ELBSTRASSE 10", "22767 HAMBURG"},
               Must(CountryCode::Parse("DE"), "DE"),
               std::nullopt,
               ""};
}

GoodsLine Shrimp(std::string_view quantity) {
  return GoodsLine{"FROZEN SHRIMP", Q(quantity, "MT"), Usd("5000.00"), false};
}

}  // namespace

Bic B(std::string_view bic) { return Must(Bic::Parse(bic), bic); }
Date D(std::string_view iso) { return Must(Date::ParseIso(iso), iso); }
Money Usd(std::string_view amount) { return M("USD", amount); }
Money M(std::string_view currency, std::string_view amount) {
  return Must(Money::Parse(Must(CurrencyCode::Parse(currency), currency), amount), amount);
}
Quantity Q(std::string_view number, std::string_view unit) {
  return Must(Quantity::Parse(number, unit), number);
}

Bic IssuingBank() { return B("DEUTDEFF"); }
Bic AdvisingBank() { return B("BKCHCNBJ"); }
Bic OtherBank() { return B("BNPAFRPP"); }

LetterOfCredit SampleCredit() {
  LetterOfCredit lc;
  lc.credit_number = "LC2026-0001";
  lc.date_of_issue = D("2026-09-01");
  lc.expiry_date = D("2026-11-30");
  lc.expiry_place = "CHINA";
  lc.applicant = Applicant();
  lc.beneficiary = Beneficiary();
  lc.amount = Usd("100000.00");
  lc.tolerance = PercentageTolerance{5, 5};
  lc.available_with = AvailableWith{AdvisingBank(), AvailableBy::kNegotiation};
  lc.drafts_at = "SIGHT";
  lc.partial_shipments = ShipmentPermission::kAllowed;
  lc.transhipment = ShipmentPermission::kNotAllowed;
  lc.port_of_loading = "SHANGHAI";
  lc.port_of_discharge = "HAMBURG";
  lc.latest_shipment_date = D("2026-10-31");
  lc.goods_description = "20 MT FROZEN SHRIMP AT USD 5000.00 PER MT CIF HAMBURG";
  lc.goods = {Shrimp("20")};
  lc.incoterm = Incoterm::kCif;
  lc.incoterm_place = "HAMBURG";
  lc.documents_required = {
      {TradeDocumentType::kCommercialInvoice,
       3,
       0,
       "SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS",
       {},
       {}},
      {TradeDocumentType::kBillOfLading, 3, 0, "FULL SET CLEAN ON BOARD BILLS OF LADING", {}, {}},
      {TradeDocumentType::kInsuranceDocument, 2, 0, "INSURANCE POLICY FOR 110% CIF VALUE", {}, {}},
      {TradeDocumentType::kCertificateOfOrigin, 1, 0, "CERTIFICATE OF ORIGIN", {}, {}},
      {TradeDocumentType::kPackingList, 1, 0, "PACKING LIST", {}, {}},
  };
  lc.charges = "ALL BANKING CHARGES OUTSIDE GERMANY ARE FOR BENEFICIARY";
  lc.presentation_period = PresentationPeriod{21, "DAYS AFTER SHIPMENT"};
  lc.confirmation = ConfirmationInstruction::kMayAdd;
  lc.issuing_bank = IssuingBank();
  lc.advising_bank = AdvisingBank();
  return lc;
}

Presentation CompliantPresentation() {
  Presentation p;
  p.credit_number = "LC2026-0001";
  p.presentation_number = 1;
  p.presenting_bank = AdvisingBank();
  p.presentation_date = D("2026-10-26");
  p.drawing_amount = Usd("100000.00");

  CommercialInvoice inv;
  inv.number = "INV-7781";
  inv.issuer = Beneficiary();
  inv.made_out_to = Applicant();
  inv.date = D("2026-10-21");
  inv.originals = 3;
  inv.amount = Usd("100000.00");
  inv.goods_description = "20 MT FROZEN SHRIMP AT USD 5000.00 PER MT CIF HAMBURG";
  inv.goods = {Shrimp("20")};
  inv.incoterm = Incoterm::kCif;
  p.invoice = inv;

  TransportDocument bl;
  bl.number = "COSU6123456780";
  bl.carrier_name = "COSCO SHIPPING LINES";
  bl.signed_by = BillOfLadingSigner::kAgentForCarrier;
  bl.date = D("2026-10-20");
  bl.on_board_date = D("2026-10-20");
  bl.vessel = "COSCO HARMONY V.041W";
  bl.port_of_loading = "SHANGHAI";
  bl.port_of_discharge = "HAMBURG";
  bl.shipper = Beneficiary();
  bl.consignee = "TO ORDER OF DEUTSCHE BANK AG";
  bl.notify_party = "HAMBURG SEAFOOD GMBH";
  bl.originals = 3;
  bl.originals_issued = 3;
  bl.containerised = false;
  bl.goods_description = "FROZEN SHRIMP";
  bl.goods = {GoodsLine{"FROZEN SHRIMP", Q("20", "MT"), std::nullopt, false}};
  p.transport = bl;

  InsuranceDocument ins;
  ins.number = "PICC-2026-5531";
  ins.kind = InsuranceDocumentKind::kPolicy;
  ins.issuer = Party{"PICC PROPERTY AND CASUALTY",
                     {"BEIJING"},
                     Must(CountryCode::Parse("CN"), "CN"),
                     std::nullopt,
                     ""};
  ins.date = D("2026-10-19");
  ins.originals = 2;
  ins.originals_issued = 2;
  ins.insured_amount = Usd("110000.00");
  ins.risks = {"INSTITUTE CARGO CLAUSES (A)"};
  ins.route_from = "SHANGHAI";
  ins.route_to = "HAMBURG";
  p.insurance = ins;

  CertificateOfOrigin coo;
  coo.number = "CCPIT-26-0091";
  coo.issuer = Party{"CCPIT NINGBO", {}, Must(CountryCode::Parse("CN"), "CN"), std::nullopt, ""};
  coo.date = D("2026-10-19");
  coo.country_of_origin = Must(CountryCode::Parse("CN"), "CN");
  coo.consignor = Beneficiary();
  coo.goods_description = "FROZEN SHRIMP";
  p.certificate_of_origin = coo;

  PackingList pl;
  pl.number = "PL-7781";
  pl.issuer = Beneficiary();
  pl.date = D("2026-10-19");
  pl.goods = {GoodsLine{"FROZEN SHRIMP", Q("20", "MT"), std::nullopt, false}};
  pl.gross_weight = Q("21.5", "MT");
  p.packing_list = pl;

  // 42C "SIGHT": a sight draft on the bank the credit is available with (41a).
  Draft draft;
  draft.number = "D-7781";
  draft.drawer = Beneficiary();
  draft.drawee = "BANK OF CHINA, BEIJING";
  draft.drawee_bic = AdvisingBank();
  draft.date = D("2026-10-22");
  draft.tenor = "AT SIGHT";
  draft.amount = Usd("100000.00");
  draft.payee = "TO THE ORDER OF BANK OF CHINA";
  p.draft = draft;
  return p;
}

CreditState AdvisedState(const LetterOfCredit& lc) {
  CreditState s;
  s.original = lc;
  s.terms = lc;
  s.status = CreditStatus::kAdvised;
  s.issued_on = lc.date_of_issue;
  s.advised_on = lc.date_of_issue.AddDays(2);
  s.drawn = Money{lc.amount.currency, 0};
  s.paid = Money{lc.amount.currency, 0};
  return s;
}

void SetQuantity(Presentation& p, std::string_view number, std::string_view unit) {
  for (auto* lines :
       {p.invoice ? &p.invoice->goods : nullptr, p.transport ? &p.transport->goods : nullptr,
        p.packing_list ? &p.packing_list->goods : nullptr}) {
    if (!lines) continue;
    for (auto& line : *lines) line.quantity = Q(number, unit);
  }
}

}  // namespace lcproc::trade::fixtures
