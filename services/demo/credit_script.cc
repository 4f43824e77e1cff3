#include "services/demo/credit_script.h"

#include <cassert>
#include <cstdlib>
#include <iostream>
#include <random>

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
};

constexpr Trader kBuyers[] = {
    {"MUELLER KAFFEEROESTEREI GMBH", "HAFENSTRASSE 12", "20457 HAMBURG"},
    {"HANSEATISCHE GEWUERZHANDEL AG", "AM SANDTORKAI 44", "20457 HAMBURG"},
    {"NORDKONTOR LEBENSMITTEL GMBH", "GROSSE ELBSTRASSE 145", "22767 HAMBURG"},
};

constexpr Trader kSellers[] = {
    {"SAIGON COFFEE EXPORT JSC", "12 NGUYEN HUE, DISTRICT 1", "HO CHI MINH CITY"},
    {"MEKONG AGRICULTURAL PRODUCTS CORPORATION", "88 LE LOI, DISTRICT 1", "HO CHI MINH CITY"},
    {"DONG NAI CASHEW JOINT STOCK COMPANY", "KM 9 HIGHWAY 51, LONG THANH", "DONG NAI"},
};

constexpr char kLoading[] = "HO CHI MINH CITY PORT";
constexpr char kDischarge[] = "HAMBURG";

Party MakeParty(const Trader& t, const char* country) {
  Party p;
  p.name = t.name;
  p.address_lines = {t.street, t.city};
  p.country = C(country);
  return p;
}

trade::Quantity Mt(int64_t tons) { return trade::Quantity{tons * 1000, "MT"}; }

// The 45A lines of a plan: 2-4 distinct commodities, 20-300 MT each.
std::vector<GoodsLine> Goods(uint64_t variant) {
  std::mt19937_64 rng(variant);
  const size_t count = 2 + rng() % 3;
  const size_t first = rng() % std::size(kCommodities);
  std::vector<GoodsLine> lines;
  for (size_t i = 0; i < count; ++i) {
    const Commodity& c = kCommodities[(first + i) % std::size(kCommodities)];
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
  lc.expiry_place = "HO CHI MINH CITY";
  lc.applicant = MakeParty(kBuyers[rng() % std::size(kBuyers)], "DE");
  lc.beneficiary = MakeParty(kSellers[rng() % std::size(kSellers)], "VN");
  lc.beneficiary.account = "00710001" + std::to_string(10000 + rng() % 90000);
  lc.goods = Goods(plan.variant);
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
  lc.port_of_discharge = kDischarge;
  lc.latest_shipment_date = t.AddDays(-8);
  lc.goods_description = Narrative(lc.goods);
  lc.incoterm = trade::Incoterm::kCif;
  lc.incoterm_place = kDischarge;
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
      {TDT::kCertificateOfOrigin, 1, 0, "CERTIFICATE OF ORIGIN FORM B ISSUED BY VCCI", {}, {}},
      {TDT::kPackingList,
       1,
       2,
       "PACKING LIST IN 1 ORIGINAL AND 2 COPIES SHOWING GROSS AND NET WEIGHT",
       {},
       {}},
  };
  lc.additional_conditions = {
      "ALL DOCUMENTS MUST QUOTE THE CREDIT NUMBER",
      "THIRD PARTY DOCUMENTS EXCEPT INVOICE AND DRAFTS ACCEPTABLE",
      "DOCUMENTS ISSUED EARLIER THAN THE CREDIT ISSUANCE DATE ARE NOT ACCEPTABLE",
      "A DISCREPANCY FEE OF USD 80.00 WILL BE DEDUCTED FROM THE PROCEEDS OF ANY DISCREPANT "
      "PRESENTATION",
      "SHIPMENT IN 20FT OR 40FT CONTAINERS ONLY; BILL OF LADING TO EVIDENCE CONTAINER NUMBERS",
      "GOODS MUST BE OF VIETNAMESE ORIGIN AND PACKED IN NEW EXPORT-WORTHY BAGS OR CARTONS",
      "INSURANCE TO COVER WAREHOUSE TO WAREHOUSE WITH CLAIMS PAYABLE IN HAMBURG IN THE CURRENCY OF "
      "THE CREDIT",
  };
  lc.charges = "ALL BANKING CHARGES OUTSIDE GERMANY ARE FOR ACCOUNT OF BENEFICIARY";
  lc.presentation_period = trade::PresentationPeriod{21, "FROM THE DATE OF SHIPMENT"};
  lc.confirmation = plan.confirmed ? trade::ConfirmationInstruction::kMayAdd
                                   : trade::ConfirmationInstruction::kWithout;
  lc.issuing_bank = B(network.issuing().bic);
  lc.advising_bank = B(network.advising().bic);
  if (plan.confirmed) lc.confirming_bank = B(network.confirming().bic);
  return lc;
}

trade::Presentation MakePresentation(const CreditPlan& plan, const trade::LetterOfCredit& lc,
                                     int number, std::vector<GoodsLine> goods, bool discrepant,
                                     const DemoNetwork& network) {
  if (goods.empty()) goods = lc.goods;
  const Money amount = Total(goods);
  const std::string narrative = Narrative(goods);
  const Date t = plan.today;
  // Compliant: on board a few days before 44C. Discrepant: two days after it (20(a)(ii)).
  const Date shipped = discrepant ? lc.latest_shipment_date->AddDays(2)
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
  inv.port_of_loading = kLoading;
  inv.port_of_discharge = kDischarge;
  p.invoice = std::move(inv);

  trade::TransportDocument bl;
  bl.number = "HLCUSGN" + std::to_string(100000 + plan.variant % 900000) + std::to_string(number);
  bl.carrier_name = "HAPAG-LLOYD AG";
  bl.signed_by = trade::BillOfLadingSigner::kAgentForCarrier;
  bl.date = shipped;
  bl.on_board_date = shipped;
  bl.vessel = "MV HAMBURG EXPRESS V." + std::to_string(2600 + plan.variant % 90) + "W";
  bl.port_of_loading = kLoading;
  bl.port_of_discharge = kDischarge;
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
  ins.insured_amount = Must(amount.Percent(110, trade::Rounding::kUp));
  ins.risks = {"INSTITUTE CARGO CLAUSES (A)", "INSTITUTE WAR CLAUSES (CARGO)",
               "INSTITUTE STRIKES CLAUSES (CARGO)"};
  ins.route_from = kLoading;
  ins.route_to = kDischarge;
  ins.goods_description = narrative;
  p.insurance = std::move(ins);

  trade::CertificateOfOrigin coo;
  coo.number = "VCCI-HCM-" + ref;
  coo.issuer = Party{"VIETNAM CHAMBER OF COMMERCE AND INDUSTRY",
                     {"171 VO THI SAU, DISTRICT 3", "HO CHI MINH CITY"},
                     C("VN"),
                     {},
                     {}};
  coo.date = shipped.AddDays(-3);
  coo.country_of_origin = C("VN");
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
  return p;
}

trade::ExaminationResult MakeRefusal(const CreditPlan& plan, const trade::LetterOfCredit& lc,
                                     const trade::Presentation& p) {
  trade::ExaminationResult refusal;
  refusal.credit_number = lc.credit_number;
  refusal.presentation_number = p.presentation_number;
  refusal.decision = trade::ExaminationDecision::kDiscrepant;
  refusal.discrepancies.push_back(trade::Discrepancy{
      "LATE_SHIPMENT", "20(a)(ii), 29(c)", "billOfLading", "onBoardDate",
      "shipped on board " + p.transport->on_board_date->ToIso() +
          ", after the latest date of shipment " + lc.latest_shipment_date->ToIso()});
  refusal.presented_on = p.presentation_date;
  refusal.deadline = p.presentation_date.AddDays(7);
  refusal.examined_on = plan.today.AddDays(-1);
  refusal.examining_bank = lc.issuing_bank;
  refusal.narrative =
      "WE REFUSE TO HONOUR. DOCUMENTS HELD PENDING APPLICANT'S WAIVER (UCP 600 ART. 16(C)(III)(B))";
  return refusal;
}

trade::Waiver MakeWaiver(const CreditPlan& plan, const trade::Presentation& p) {
  trade::Waiver waiver;
  waiver.credit_number = p.credit_number;
  waiver.presentation_number = p.presentation_number;
  waiver.issuing_bank = B("COBADEHHXXX");
  waiver.date = plan.today.AddDays(-1);
  waiver.waived_codes = {"LATE_SHIPMENT"};
  waiver.narrative = "APPLICANT WAIVES THE DISCREPANCY; PLEASE RELEASE PAYMENT";
  return waiver;
}

trade::Payment MakePayment(const CreditPlan& plan, const trade::LetterOfCredit& lc,
                           const trade::Presentation& p) {
  trade::Payment payment;
  payment.credit_number = lc.credit_number;
  payment.presentation_number = p.presentation_number;
  payment.paying_bank = lc.issuing_bank;
  payment.amount = p.drawing_amount;
  payment.value_date = plan.today;
  payment.debit_account = "DE89370400440532013000";
  payment.credit_account = lc.beneficiary.account;
  return payment;
}

std::vector<ScriptStep> CreditScript(const CreditPlan& plan, const DemoNetwork& network) {
  constexpr size_t kIssuing = DemoNetwork::kIssuing, kAdvising = DemoNetwork::kAdvising;
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
  for (size_t i = 0; i < shipments.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    const bool discrepant = number == plan.discrepant_presentation;
    trade::Presentation p = MakePresentation(plan, lc, number, shipments[i], discrepant, network);
    steps.push_back(
        {kAdvising, p, true,
         discrepant ? std::vector<std::string>{"LATE_SHIPMENT"} : std::vector<std::string>{}});
    if (discrepant) {
      steps.push_back({kIssuing, MakeRefusal(plan, lc, p), true, {}});
      steps.push_back({kIssuing, MakeWaiver(plan, p), true, {}});
    }
    steps.push_back({kIssuing, MakePayment(plan, lc, p), true, {}});
  }
  return steps;
}

}  // namespace lcproc::demo
