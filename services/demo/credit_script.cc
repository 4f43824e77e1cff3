#include "services/demo/credit_script.h"

#include <cassert>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string_view>

#include "pipeline/trade/discrepancy_codes.h"
#include "pipeline/trade/required_document.h"

namespace lcproc::demo {
namespace {

using trade::Date;
using trade::GoodsLine;
using trade::Money;
using trade::Party;

template <typename T>
T Must(Result<T> result) {
  // Every input here is a constant of this file: a failure is a bug, not data.
  if (!result.ok()) {
    std::cerr << "demo credit script: " << result.status().ToString() << "\n";
    std::abort();
  }
  return std::move(*result);
}

trade::Bic B(const std::string& bic) { return Must(trade::Bic::Parse(bic)); }
trade::CountryCode C(const char* code) { return Must(trade::CountryCode::Parse(code)); }
Money Usd(int64_t cents) { return Money{Must(trade::CurrencyCode::Parse("USD")), cents}; }

struct Commodity {
  const char* description;
  int64_t unit_price_cents;  // per metric ton
};

// Cambodia's, for the Cambodian sellers.
constexpr Commodity kCambodianCommodities[] = {
    {"CAMBODIAN JASMINE RICE PHKA RUMDUOL, 5 PCT BROKEN", 98000},
    {"CASHEW KERNELS WW240, CAMBODIAN ORIGIN", 820000},
    {"KAMPOT BLACK PEPPER PGI, MACHINE CLEANED", 1500000},
    {"DRIED CASSAVA CHIPS, CAMBODIAN ORIGIN, MOISTURE 14 PCT MAX", 24000},
};

// Viet Nam's main agricultural exports, priced per metric ton.
constexpr Commodity kCommodities[] = {
    {"VIETNAMESE ROBUSTA COFFEE BEANS GRADE 2", 50000},
    {"VIETNAMESE ARABICA COFFEE BEANS SCREEN 16", 520000},
    {"CASHEW KERNELS WW320 IN VACUUM TINS", 700000},
    {"BLACK PEPPER 500 G/L, MACHINE CLEANED", 410000},
    {"JASMINE RICE 5 PCT BROKEN, NEW CROP", 62000},
    {"DRIED CASSAVA CHIPS, MOISTURE 14 PCT MAX", 26000},
};

struct Trader {
  const char* name;
  const char* street;
  const char* city;
  const char* country;  // ISO 3166-1 alpha-2
};

// The first three buyers and sellers are the classic demo (Hamburg importers, Vietnamese
// exporters); CreditPlan::many_countries draws from all of them.
constexpr Trader kBuyers[] = {
    {"MUELLER KAFFEEROESTEREI GMBH", "HAFENSTRASSE 12", "20457 HAMBURG", "DE"},
    {"HANSEATISCHE GEWUERZHANDEL AG", "AM SANDTORKAI 44", "20457 HAMBURG", "DE"},
    {"NORDKONTOR LEBENSMITTEL GMBH", "GROSSE ELBSTRASSE 145", "22767 HAMBURG", "DE"},
    {"WIENER KAFFEEIMPORT GMBH", "OTTAKRINGER STRASSE 54", "1160 WIEN", "AT"},
    {"PRAZSKA KORENI A KAVA S.R.O.", "NA PORICI 12", "110 00 PRAHA 1", "CZ"},
    {"ROTTERDAMSE SPECERIJHANDEL B.V.", "WILHELMINAKADE 60", "3072 AP ROTTERDAM", "NL"},
    {"NORDISK KAFFE IMPORT A/S", "SANKT ANNAE PLADS 13", "1250 KOEBENHAVN K", "DK"},
};
constexpr size_t kClassicBuyers = 3;

constexpr Trader kSellers[] = {
    {"SAIGON COFFEE EXPORT JSC", "12 NGUYEN HUE, DISTRICT 1", "HO CHI MINH CITY", "VN"},
    {"MEKONG AGRICULTURAL PRODUCTS CORPORATION", "88 LE LOI, DISTRICT 1", "HO CHI MINH CITY", "VN"},
    {"DONG NAI CASHEW JOINT STOCK COMPANY", "KM 9 HIGHWAY 51, LONG THANH", "DONG NAI", "VN"},
    {"ANGKOR AGRO EXPORT CO., LTD", "NO. 45 PREAH NORODOM BLVD, DAUN PENH", "PHNOM PENH", "KH"},
    {"KAMPOT PEPPER AND CASHEW PLC", "NATIONAL ROAD 3, TOEUK CHHOU", "KAMPOT", "KH"},
};
constexpr size_t kClassicSellers = 3;

// Where the goods are discharged for a buyer: the port of 44F and the CIF place. Buyers in
// Austria and the Czech Republic import through Hamburg, as most of their sea freight does.
const char* DischargePortFor(const Trader& buyer) {
  const std::string_view country = buyer.country;
  if (country == "NL") return "ROTTERDAM";
  if (country == "DK") return "AARHUS";
  return "HAMBURG";
}

// The authorities that certify a seller's goods: the certificate of origin's issuer as 46A
// names it and as the certificate shows it, and the plant protection authority.
struct Authorities {
  const char* origin_named;  // in 46A
  Party origin;
  const char* phyto_named;  // in 46A
  Party phyto;
};

Authorities AuthoritiesFor(const Trader& seller);

// Cambodian exporters ship through Ho Chi Minh City too (by barge down the Mekong).
constexpr char kLoading[] = "HO CHI MINH CITY PORT";
// Where a discrepant presentation's goods were loaded instead (44E says HCMC): the deep-sea
// terminal large vessels call at.
constexpr char kOtherLoading[] = "CAI MEP INTERNATIONAL TERMINAL, BA RIA-VUNG TAU";

Party MakeParty(const Trader& t) {
  Party p;
  p.name = t.name;
  p.address_lines = {t.street, t.city};
  p.country = C(t.country);
  return p;
}

Authorities AuthoritiesFor(const Trader& seller) {
  if (std::string_view(seller.country) == "KH") {
    return Authorities{"MINISTRY OF COMMERCE OF CAMBODIA",
                       Party{"MINISTRY OF COMMERCE OF CAMBODIA",
                             {"LOT 19-61, RUSSIAN FEDERATION BLVD", "PHNOM PENH"},
                             C("KH"),
                             {},
                             {}},
                       "GENERAL DIRECTORATE OF AGRICULTURE",
                       Party{"GENERAL DIRECTORATE OF AGRICULTURE",
                             {"NO. 54B/49F STREET 395-656, TOEUK LAAK 3", "PHNOM PENH"},
                             C("KH"),
                             {},
                             {}}};
  }
  return Authorities{"VCCI",
                     Party{"VIETNAM CHAMBER OF COMMERCE AND INDUSTRY",
                           {"171 VO THI SAU, DISTRICT 3", "HO CHI MINH CITY"},
                           C("VN"),
                           {},
                           {}},
                     "PLANT PROTECTION DEPARTMENT",
                     Party{"PLANT PROTECTION DEPARTMENT",
                           {"28 MAC DINH CHI, DISTRICT 1", "HO CHI MINH CITY"},
                           C("VN"),
                           {},
                           {}}};
}

const Trader& SellerOf(const trade::LetterOfCredit& lc) {
  for (const Trader& t : kSellers) {
    if (lc.beneficiary.name == t.name) return t;
  }
  return kSellers[0];
}

trade::Quantity Mt(int64_t tons) { return trade::Quantity{tons * 1000, "MT"}; }

// The 45A lines of a plan: 2-4 distinct commodities of the seller's country, 20-300 MT each.
std::vector<GoodsLine> Goods(uint64_t variant, std::string_view origin) {
  std::mt19937_64 rng(variant);
  const bool kh = origin == "KH";
  const Commodity* list = kh ? kCambodianCommodities : kCommodities;
  const size_t size = kh ? std::size(kCambodianCommodities) : std::size(kCommodities);
  const size_t count = 2 + rng() % 3;
  const size_t first = rng() % size;
  std::vector<GoodsLine> lines;
  for (size_t i = 0; i < count; ++i) {
    const Commodity& c = list[(first + i) % size];
    GoodsLine line;
    line.description = c.description;
    line.quantity = Mt(20 + static_cast<int64_t>(rng() % 281));
    line.unit_price = Usd(c.unit_price_cents);
    lines.push_back(std::move(line));
  }
  return lines;
}

Money Total(const std::vector<GoodsLine>& goods) {
  int64_t cents = 0;
  for (const GoodsLine& g : goods) cents += g.quantity->thousandths / 1000 * g.unit_price->minor;
  return Usd(cents);
}

std::string Narrative(const std::vector<GoodsLine>& goods) {
  std::string text;
  for (const GoodsLine& g : goods) {
    if (!text.empty()) text += "; ";
    text += g.quantity->NumberText() + " MT " + g.description + " AT USD " +
            g.unit_price->ToString() + " PER MT";
  }
  return text;
}

// Quantities only: bills of lading and packing lists do not repeat prices.
std::vector<GoodsLine> WithoutPrices(std::vector<GoodsLine> goods) {
  for (GoodsLine& g : goods) g.unit_price.reset();
  return goods;
}

}  // namespace

trade::LetterOfCredit MakeCredit(const CreditPlan& plan, const DemoNetwork& network) {
  std::mt19937_64 rng(plan.variant ^ 0x9e3779b97f4a7c15ULL);
  const Date t = plan.today;
  trade::LetterOfCredit lc;
  lc.credit_number = plan.credit_number;
  lc.date_of_issue = t.AddDays(-45);
  lc.expiry_date = t.AddDays(60);
  const Trader& buyer =
      kBuyers[rng() % (plan.many_countries ? std::size(kBuyers) : kClassicBuyers)];
  const Trader& seller =
      kSellers[rng() % (plan.many_countries ? std::size(kSellers) : kClassicSellers)];
  const Authorities authorities = AuthoritiesFor(seller);
  const char* discharge = DischargePortFor(buyer);
  lc.applicant = MakeParty(buyer);
  lc.beneficiary = MakeParty(seller);
  lc.beneficiary.account = "00710001" + std::to_string(10000 + rng() % 90000);
  lc.expiry_place = std::string_view(seller.country) == "KH" ? "PHNOM PENH" : "HO CHI MINH CITY";
  lc.goods = Goods(plan.variant, seller.country);
  lc.amount = Total(lc.goods);
  lc.tolerance = trade::PercentageTolerance{5, 5};
  lc.available_with =
      trade::AvailableWith{B(network.advising().bic), trade::AvailableBy::kNegotiation};
  lc.drafts_at = "AT SIGHT";
  lc.drawee = B(network.issuing().bic);
  lc.partial_shipments = plan.partial_shipments ? trade::ShipmentPermission::kAllowed
                                                : trade::ShipmentPermission::kNotAllowed;
  lc.transhipment = trade::ShipmentPermission::kAllowed;
  lc.port_of_loading = kLoading;
  lc.port_of_discharge = discharge;
  lc.latest_shipment_date = t.AddDays(-8);
  lc.goods_description = Narrative(lc.goods);
  lc.incoterm = trade::Incoterm::kCif;
  lc.incoterm_place = discharge;
  using TDT = trade::TradeDocumentType;
  lc.documents_required = {
      {TDT::kCommercialInvoice,
       3,
       2,
       "SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS AND 2 COPIES",
       {},
       {}},
      {TDT::kBillOfLading,
       3,
       0,
       "FULL SET CLEAN ON BOARD OCEAN BILL OF LADING MADE OUT TO ORDER OF COMMERZBANK AG HAMBURG "
       "MARKED FREIGHT PREPAID NOTIFY APPLICANT",
       {},
       {}},
      {TDT::kInsuranceDocument,
       2,
       0,
       "INSURANCE POLICY FOR 110 PCT OF CIF VALUE COVERING INSTITUTE CARGO CLAUSES (A), WAR AND "
       "STRIKES",
       {},
       {}},
      {TDT::kCertificateOfOrigin,
       1,
       0,
       std::string("CERTIFICATE OF ORIGIN FORM B ISSUED BY ") + authorities.origin_named,
       {},
       {}},
      {TDT::kPackingList,
       1,
       2,
       "PACKING LIST IN 1 ORIGINAL AND 2 COPIES SHOWING GROSS AND NET WEIGHT",
       {},
       {}},
  };
  if (plan.certificates) {
    // Read by the rules' own reader of 46A wording, as an MT700's 46A would be.
    lc.documents_required.push_back(trade::RecogniseRequiredDocument(
        std::string("PHYTOSANITARY CERTIFICATE IN 1 ORIGINAL AND 1 COPY ISSUED BY ") +
        authorities.phyto_named + " CERTIFYING THAT THE GOODS ARE FREE FROM LIVE INSECTS"));
    lc.documents_required.push_back(trade::RecogniseRequiredDocument(
        "SHIPPING COMPANY CERTIFICATE STATING THAT THE CARRYING VESSEL IS NOT MORE THAN 20 YEARS "
        "OLD AND IS CLASSED BY A MEMBER OF IACS"));
  }
  lc.additional_conditions = {
      "ALL DOCUMENTS MUST QUOTE THE CREDIT NUMBER",
      "THIRD PARTY DOCUMENTS EXCEPT INVOICE AND DRAFTS ACCEPTABLE",
      "DOCUMENTS ISSUED EARLIER THAN THE CREDIT ISSUANCE DATE ARE NOT ACCEPTABLE",
      "A DISCREPANCY FEE OF USD 80.00 WILL BE DEDUCTED FROM THE PROCEEDS OF ANY DISCREPANT "
      "PRESENTATION",
      "SHIPMENT IN 20FT OR 40FT CONTAINERS ONLY; BILL OF LADING TO EVIDENCE CONTAINER NUMBERS",
      std::string("GOODS MUST BE OF ") +
          (std::string_view(seller.country) == "KH" ? "CAMBODIAN" : "VIETNAMESE") +
          " ORIGIN AND PACKED IN NEW EXPORT-WORTHY BAGS OR CARTONS",
      "INSURANCE TO COVER WAREHOUSE TO WAREHOUSE WITH CLAIMS PAYABLE IN " + std::string(discharge) +
          " IN THE CURRENCY OF THE CREDIT",
  };
  lc.charges = "ALL BANKING CHARGES OUTSIDE GERMANY ARE FOR ACCOUNT OF BENEFICIARY";
  lc.presentation_period = trade::PresentationPeriod{21, "FROM THE DATE OF SHIPMENT"};
  lc.confirmation = plan.confirmed ? trade::ConfirmationInstruction::kMayAdd
                                   : trade::ConfirmationInstruction::kWithout;
  lc.issuing_bank = B(network.issuing().bic);
  lc.advising_bank = B(network.advising().bic);
  if (plan.confirmed) lc.confirming_bank = B(network.confirming().bic);
  // 53a (art. 13): the negotiating bank claims reimbursement from Commerzbank's US dollar
  // correspondent in New York, under the ICC rules for bank-to-bank reimbursements.
  if (plan.reimbursed) lc.reimbursing_bank = B(network.reimbursing().bic);
  return lc;
}

trade::Presentation MakePresentation(const CreditPlan& plan, const trade::LetterOfCredit& lc,
                                     int number, std::vector<GoodsLine> goods,
                                     std::optional<Defect> defect, const DemoNetwork& network) {
  if (goods.empty()) goods = lc.goods;
  const Money goods_value = Total(goods);
  // Drawn above 32B plus the 39A tolerance (+5%): the seller invoiced 8% more than the
  // credit allows, for the same goods (demurrage and a price rise the buyer never agreed).
  const Money amount = defect == Defect::kAmountOverTolerance
                           ? Must(goods_value.Percent(108, trade::Rounding::kUp))
                           : goods_value;
  const std::string narrative = Narrative(goods);
  const Date t = plan.today;
  const Trader& seller = SellerOf(lc);
  const Authorities authorities = AuthoritiesFor(seller);
  const std::string discharge = lc.port_of_discharge;
  const std::string loading = defect == Defect::kPortOfLoading ? kOtherLoading : kLoading;
  // Compliant: on board a few days before 44C. Late shipment: two days after it
  // (20(a)(ii)). Late presentation: shipped four weeks before 44C, so the presentation
  // comes more than the 21 days of field 48 after shipment (14(c)).
  const Date shipped = defect == Defect::kLateShipment ? lc.latest_shipment_date->AddDays(2)
                       : defect == Defect::kLatePresentation
                           ? lc.latest_shipment_date->AddDays(-24 - number)
                           : lc.latest_shipment_date->AddDays(-3 - number);
  const std::string ref = lc.credit_number + "-" + std::to_string(number);
  trade::Presentation p;
  p.credit_number = lc.credit_number;
  p.presentation_number = number;
  p.presenting_bank = B(network.advising().bic);
  p.presentation_date = t.AddDays(-2);
  p.drawing_amount = amount;
  p.covering_letter = "WE PRESENT DOCUMENTS UNDER YOUR CREDIT " + lc.credit_number +
                      " FOR NEGOTIATION. PLEASE REMIT PROCEEDS TO OUR ACCOUNT WITH YOU.";

  trade::CommercialInvoice inv;
  inv.number = "INV-" + ref;
  inv.issuer = lc.beneficiary;
  inv.issuer.account.clear();
  inv.made_out_to = lc.applicant;
  inv.date = shipped.AddDays(-1);
  inv.originals = 3;
  inv.copies = 2;
  inv.amount = amount;
  inv.goods_description = narrative;
  inv.goods = goods;
  inv.incoterm = trade::Incoterm::kCif;
  inv.port_of_loading = loading;
  inv.port_of_discharge = discharge;
  p.invoice = std::move(inv);

  trade::TransportDocument bl;
  bl.number = "HLCUSGN" + std::to_string(100000 + plan.variant % 900000) + std::to_string(number);
  bl.carrier_name = "HAPAG-LLOYD AG";
  bl.signed_by = trade::BillOfLadingSigner::kAgentForCarrier;
  bl.date = shipped;
  bl.on_board_date = shipped;
  bl.vessel = "MV HAMBURG EXPRESS V." + std::to_string(2600 + plan.variant % 90) + "W";
  bl.port_of_loading = loading;
  bl.port_of_discharge = discharge;
  bl.shipper = p.invoice->issuer;
  bl.consignee = "TO ORDER OF COMMERZBANK AG HAMBURG";
  bl.notify_party = lc.applicant.name + ", " + lc.applicant.address_lines[0] + ", " +
                    lc.applicant.address_lines[1];
  bl.containerised = true;
  bl.originals = 3;
  bl.originals_issued = 3;
  bl.clauses = {"SHIPPER'S LOAD, STOW AND COUNT", "FREIGHT PREPAID"};
  bl.shippers_load_and_count = true;           // art. 26(b)
  bl.freight = trade::FreightTerms::kPrepaid;  // as 46A asks (art. 26(c))
  bl.goods_description = "AGRICULTURAL PRODUCTS IN 20FT CONTAINERS, FREIGHT PREPAID";
  bl.goods = WithoutPrices(goods);
  p.transport = std::move(bl);

  trade::InsuranceDocument ins;
  ins.number = "BV-MC-" + ref;
  ins.issuer =
      Party{"BAO VIET INSURANCE CORPORATION", {"104 TRAN HUNG DAO", "HANOI"}, C("VN"), {}, {}};
  ins.date = shipped.AddDays(-2);
  ins.cover_starts = ins.date;
  ins.originals = 2;
  ins.originals_issued = 2;
  // Art. 28(f)(ii): 110% of the CIF value; the underinsured policy covers the invoice value.
  ins.insured_amount =
      defect == Defect::kUnderinsured ? amount : Must(amount.Percent(110, trade::Rounding::kUp));
  ins.risks = {"INSTITUTE CARGO CLAUSES (A)", "INSTITUTE WAR CLAUSES (CARGO)",
               "INSTITUTE STRIKES CLAUSES (CARGO)"};
  ins.route_from = kLoading;
  ins.route_to = discharge;
  ins.goods_description = narrative;
  p.insurance = std::move(ins);

  trade::CertificateOfOrigin coo;
  coo.number = (std::string_view(seller.country) == "KH" ? "MOC-KH-" : "VCCI-HCM-") + ref;
  coo.issuer = authorities.origin;
  coo.date = shipped.AddDays(-3);
  coo.country_of_origin = lc.beneficiary.country;
  coo.consignor = p.invoice->issuer;
  coo.goods_description = narrative;
  p.certificate_of_origin = std::move(coo);

  trade::PackingList pl;
  pl.number = "PL-" + ref;
  pl.issuer = p.invoice->issuer;
  pl.date = shipped.AddDays(-3);
  pl.goods = WithoutPrices(goods);
  int64_t net = 0;
  for (const GoodsLine& g : goods) net += g.quantity->thousandths;
  pl.net_weight = trade::Quantity{net, "MT"};
  pl.gross_weight = trade::Quantity{net + net / 200, "MT"};  // jute bags: 0.5%
  p.packing_list = std::move(pl);

  // 42C/42a: a sight draft on the issuing bank for the amount drawn (art. 6(c)).
  trade::Draft draft;
  draft.number = "DR-" + ref;
  draft.drawer = p.invoice->issuer;
  draft.drawee = "COMMERZBANK AG, HAMBURG";
  draft.drawee_bic = lc.drawee;
  draft.date = p.invoice->date;
  draft.tenor = lc.drafts_at;
  draft.amount = p.drawing_amount;
  draft.payee = "TO THE ORDER OF BANK FOR FOREIGN TRADE OF VIETNAM";
  p.draft = std::move(draft);

  if (plan.certificates) {
    trade::Certificate phyto;
    phyto.type = trade::TradeDocumentType::kPhytosanitaryCertificate;
    phyto.number = "PC-" + ref;
    phyto.issuer = authorities.phyto;
    phyto.date = shipped.AddDays(-2);
    phyto.event_date = shipped.AddDays(-3);
    phyto.originals = 1;
    phyto.copies = 1;
    phyto.goods_description = narrative;
    phyto.goods = WithoutPrices(goods);
    phyto.statements = {"THE GOODS ARE FREE FROM LIVE INSECTS",
                        "THE PLANTS OR PLANT PRODUCTS DESCRIBED HEREIN HAVE BEEN INSPECTED"};
    p.certificates.push_back(std::move(phyto));

    trade::OtherDocument vessel;
    vessel.title = "SHIPPING COMPANY CERTIFICATE";
    vessel.number = "HL-VC-" + ref;
    vessel.issuer = Party{"HAPAG-LLOYD AG", {"BALLINDAMM 25", "20095 HAMBURG"}, C("DE"), {}, {}};
    vessel.date = shipped;
    vessel.statements = {
        "THE CARRYING VESSEL IS NOT MORE THAN 20 YEARS OLD AND IS CLASSED BY A MEMBER OF IACS"};
    p.other_documents.push_back(std::move(vessel));
  }
  return p;
}

const char* DefectCode(Defect defect) {
  switch (defect) {
    case Defect::kLateShipment: return "LATE_SHIPMENT";
    case Defect::kAmountOverTolerance: return "DRAWING_EXCEEDS_BALANCE";
    case Defect::kPortOfLoading: return "BL_PORT_OF_LOADING";
    case Defect::kUnderinsured: return "INSURANCE_UNDERINSURED";
    case Defect::kLatePresentation: return "LATE_PRESENTATION";
  }
  return "";
}

trade::ExaminationResult MakeRefusal(const CreditPlan& plan, const trade::LetterOfCredit& lc,
                                     const trade::Presentation& p, Defect defect) {
  trade::ExaminationResult refusal;
  refusal.credit_number = lc.credit_number;
  refusal.presentation_number = p.presentation_number;
  refusal.decision = trade::ExaminationDecision::kDiscrepant;
  const trade::ExaminationRule* rule = trade::FindExaminationRule(DefectCode(defect));
  trade::Discrepancy d{DefectCode(defect), rule ? std::string(rule->article) : "", "", "", ""};
  switch (defect) {
    case Defect::kLateShipment:
      d.document = "billOfLading";
      d.field = "onBoardDate";
      d.message = "shipped on board " + p.transport->on_board_date->ToIso() +
                  ", after the latest date of shipment " + lc.latest_shipment_date->ToIso();
      break;
    case Defect::kAmountOverTolerance:
      d.document = "presentation";
      d.field = "drawingAmount";
      d.message = "drawing " + p.drawing_amount.ToDisplay() + " exceeds the credit amount " +
                  lc.amount.ToDisplay() + " with its 39A tolerance";
      break;
    case Defect::kPortOfLoading:
      d.document = "billOfLading";
      d.field = "portOfLoading";
      d.message =
          "loaded at " + p.transport->port_of_loading + ", 44E states " + lc.port_of_loading;
      break;
    case Defect::kUnderinsured:
      d.document = "insuranceDocument";
      d.field = "insuredAmount";
      d.message = "insured for " + p.insurance->insured_amount.ToDisplay() +
                  ", less than 110% of the CIF value";
      break;
    case Defect::kLatePresentation:
      d.document = "presentation";
      d.field = "presentationDate";
      d.message =
          "presented more than 21 days after shipment on " + p.transport->on_board_date->ToIso();
      break;
  }
  refusal.discrepancies.push_back(std::move(d));
  refusal.presented_on = p.presentation_date;
  refusal.deadline = p.presentation_date.AddDays(7);
  refusal.examined_on = plan.today.AddDays(-1);
  refusal.examining_bank = lc.issuing_bank;
  refusal.narrative =
      defect == Defect::kAmountOverTolerance
          ? "WE REFUSE TO HONOUR. WE ARE RETURNING THE DOCUMENTS (UCP 600 ART. 16(C)(III)(C))"
          : "WE REFUSE TO HONOUR. DOCUMENTS HELD PENDING APPLICANT'S WAIVER (UCP 600 ART. "
            "16(C)(III)(B))";
  return refusal;
}

trade::Waiver MakeWaiver(const CreditPlan& plan, const trade::Presentation& p, Defect defect) {
  trade::Waiver waiver;
  waiver.credit_number = p.credit_number;
  waiver.presentation_number = p.presentation_number;
  waiver.issuing_bank = B("COBADEHHXXX");
  waiver.date = plan.today.AddDays(-1);
  waiver.waived_codes = {DefectCode(defect)};
  waiver.narrative = "APPLICANT WAIVES THE DISCREPANCY; PLEASE RELEASE PAYMENT";
  return waiver;
}

trade::Payment MakePayment(const CreditPlan& plan, const trade::LetterOfCredit& lc,
                           const trade::Presentation& p, const DemoNetwork& network) {
  trade::Payment payment;
  payment.credit_number = lc.credit_number;
  payment.presentation_number = p.presentation_number;
  payment.amount = p.drawing_amount;
  payment.value_date = plan.today;
  if (plan.reimbursed) {
    // Art. 13: the reimbursing bank pays the negotiating bank's claim, debiting the
    // issuing bank's US dollar account with it (an MT756's "advice of reimbursement").
    payment.paying_bank = B(network.reimbursing().bic);
    payment.debit_account = "36052531";   // Commerzbank's account with Citibank New York
    payment.credit_account = "36112785";  // Vietcombank's, the claiming bank
  } else {
    payment.paying_bank = lc.issuing_bank;
    payment.debit_account = "DE89370400440532013000";
    payment.credit_account = lc.beneficiary.account;
  }
  return payment;
}

std::vector<ScriptStep> CreditScript(const CreditPlan& plan, const DemoNetwork& network) {
  constexpr size_t kIssuing = DemoNetwork::kIssuing, kAdvising = DemoNetwork::kAdvising;
  const size_t payer = plan.reimbursed ? DemoNetwork::kReimbursing : kIssuing;
  const Date t = plan.today;
  std::vector<ScriptStep> steps;
  trade::LetterOfCredit lc = MakeCredit(plan, network);

  trade::Advice advice;
  advice.credit_number = lc.credit_number;
  advice.advising_bank = lc.advising_bank;
  advice.date_of_advice = t.AddDays(-44);
  advice.confirmation_added = plan.confirmed;
  if (plan.confirmed) advice.confirming_bank = B(network.confirming().bic);
  advice.narrative = plan.confirmed
                         ? "WE ADVISE THIS CREDIT WITH THE CONFIRMATION OF DBS BANK LTD SINGAPORE"
                         : "WE ADVISE THIS CREDIT WITHOUT ADDING OUR CONFIRMATION";

  trade::Amendment amendment;
  amendment.credit_number = lc.credit_number;
  amendment.amendment_number = 1;
  amendment.date_of_amendment = t.AddDays(-30);
  amendment.issuing_bank = lc.issuing_bank;
  amendment.new_expiry_date = lc.expiry_date.AddDays(30);
  // 46B restated in full, as banks do when one document's wording changes.
  amendment.new_documents_required = lc.documents_required;
  amendment.new_documents_required->at(1).text +=
      ", SHOWING CONTAINER AND SEAL NUMBERS AND THE NAME OF THE CARRIER'S AGENT IN HAMBURG";
  amendment.narrative =
      "EXPIRY DATE EXTENDED BY 30 DAYS. FIELD 46B ITEM 2 AMENDED TO CALL FOR CONTAINER AND SEAL "
      "NUMBERS. ALL OTHER TERMS AND CONDITIONS REMAIN UNCHANGED.";
  amendment.charges = "AMENDMENT CHARGES ARE FOR ACCOUNT OF APPLICANT";

  trade::AmendmentResponse response;
  response.credit_number = lc.credit_number;
  response.amendment_number = 1;
  response.decision = plan.amendment_accepted ? trade::AmendmentDecision::kAccepted
                                              : trade::AmendmentDecision::kRejected;
  response.date = t.AddDays(-28);
  response.advising_bank = lc.advising_bank;
  response.narrative = plan.amendment_accepted ? "THE BENEFICIARY ACCEPTS AMENDMENT NO. 1 IN FULL"
                                               : "THE BENEFICIARY REJECTS AMENDMENT NO. 1";

  steps.push_back({kIssuing, lc, true, {}});
  steps.push_back({kAdvising, advice, true, {}});
  steps.push_back({kIssuing, amendment, true, {}});
  steps.push_back({kAdvising, response, true, {}});

  std::vector<std::vector<GoodsLine>> shipments;
  if (plan.partial_shipments) {
    for (const GoodsLine& line : lc.goods) shipments.push_back({line});
  } else {
    shipments.push_back(lc.goods);
  }
  int number = 0;
  for (size_t i = 0; i < shipments.size(); ++i) {
    ++number;
    const bool discrepant = static_cast<int>(i) + 1 == plan.discrepant_presentation;
    const std::optional<Defect> defect =
        discrepant ? std::optional<Defect>(plan.defect) : std::nullopt;
    trade::Presentation p = MakePresentation(plan, lc, number, shipments[i], defect, network);
    steps.push_back(
        {kAdvising, p, true,
         discrepant ? std::vector<std::string>{DefectCode(*defect)} : std::vector<std::string>{}});
    if (discrepant) {
      steps.push_back({kIssuing, MakeRefusal(plan, lc, p, *defect), true, {}});
      if (*defect == Defect::kAmountOverTolerance) {
        // Refused and returned (art. 16(c)(iii)(c)): the applicant cannot waive a drawing
        // the credit does not cover. The beneficiary corrects the invoice and draft and
        // presents again, within the credit's validity; the refused drawing never counted.
        ++number;
        p = MakePresentation(plan, lc, number, shipments[i], std::nullopt, network);
        p.covering_letter = "CORRECTED DOCUMENTS REPLACING OUR PRESENTATION " +
                            std::to_string(number - 1) + ". " + p.covering_letter;
        steps.push_back({kAdvising, p, true, {}});
      } else {
        steps.push_back({kIssuing, MakeWaiver(plan, p, *defect), true, {}});
      }
    }
    steps.push_back({payer, MakePayment(plan, lc, p, network), true, {}});
  }
  return steps;
}

}  // namespace lcproc::demo
