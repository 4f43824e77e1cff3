// Examination of a presentation against its credit, beside one ES256 signature
// verification, in the same binary and run: the examination must cost under 10% of a
// verify so that UCP 600 checking never becomes the pipeline's bottleneck.
//
//   ninja -C build-trade trade_bench && build-trade/bench/trade_bench
#include <benchmark/benchmark.h>

#include <string>

#include "pipeline/crypto/private_key.h"
#include "pipeline/trade/examiner.h"
#include "pipeline/trade/lifecycle.h"

namespace lcproc::trade {
namespace {

template <typename T>
T Must(Result<T> r) {
  if (!r.ok()) std::abort();
  return std::move(r).value();
}

Money Usd(const char* amount) {
  return Must(Money::Parse(Must(CurrencyCode::Parse("USD")), amount));
}
Date D(const char* iso) { return Must(Date::ParseIso(iso)); }
Party P(const char* name, const char* country) {
  return Party{name, {"1 MAIN STREET"}, Must(CountryCode::Parse(country)), std::nullopt, ""};
}
GoodsLine Shrimp(const char* quantity, bool priced) {
  return GoodsLine{"FROZEN SHRIMP", Must(Quantity::Parse(quantity, "MT")),
                   priced ? std::optional<Money>(Usd("5000.00")) : std::nullopt, false};
}

// The same credit and five-document presentation as tests/pipeline/trade/sample_credit.cc.
LetterOfCredit Credit() {
  LetterOfCredit lc;
  lc.credit_number = "LC2026-0001";
  lc.date_of_issue = D("2026-09-01");
  lc.expiry_date = D("2026-11-30");
  lc.applicant = P("HAMBURG SEAFOOD GMBH", "DE");
  lc.beneficiary = P("NINGBO OCEAN FOODS CO LTD", "CN");
  lc.amount = Usd("100000.00");
  lc.tolerance = PercentageTolerance{5, 5};
  lc.available_with.bank = Must(Bic::Parse("BKCHCNBJ"));
  lc.transhipment = ShipmentPermission::kNotAllowed;
  lc.port_of_loading = "SHANGHAI";
  lc.port_of_discharge = "HAMBURG";
  lc.latest_shipment_date = D("2026-10-31");
  lc.goods = {Shrimp("20", true)};
  lc.incoterm = Incoterm::kCif;
  lc.documents_required = {{TradeDocumentType::kCommercialInvoice, 3, 0, "", {}, {}},
                           {TradeDocumentType::kBillOfLading, 3, 0, "", {}, {}},
                           {TradeDocumentType::kInsuranceDocument, 2, 0, "", {}, {}},
                           {TradeDocumentType::kCertificateOfOrigin, 1, 0, "", {}, {}},
                           {TradeDocumentType::kPackingList, 1, 0, "", {}, {}}};
  lc.issuing_bank = Must(Bic::Parse("DEUTDEFF"));
  lc.advising_bank = Must(Bic::Parse("BKCHCNBJ"));
  return lc;
}

Presentation FiveDocuments(const LetterOfCredit& lc) {
  Presentation p;
  p.credit_number = lc.credit_number;
  p.presenting_bank = lc.advising_bank;
  p.presentation_date = D("2026-10-26");
  p.drawing_amount = Usd("100000.00");
  p.invoice = CommercialInvoice{"INV-1",
                                lc.beneficiary,
                                lc.applicant,
                                D("2026-10-21"),
                                3,
                                0,
                                Usd("100000.00"),
                                "",
                                {Shrimp("20", true)},
                                Incoterm::kCif,
                                "",
                                ""};
  TransportDocument bl;
  bl.carrier_name = "COSCO SHIPPING LINES";
  bl.date = D("2026-10-20");
  bl.on_board_date = D("2026-10-20");
  bl.port_of_loading = "SHANGHAI";
  bl.port_of_discharge = "HAMBURG";
  bl.shipper = lc.beneficiary;
  bl.originals = bl.originals_issued = 3;
  bl.goods = {Shrimp("20", false)};
  p.transport = bl;
  InsuranceDocument ins;
  ins.issuer = P("PICC", "CN");
  ins.date = D("2026-10-19");
  ins.originals = ins.originals_issued = 2;
  ins.insured_amount = Usd("110000.00");
  ins.route_from = "SHANGHAI";
  ins.route_to = "HAMBURG";
  p.insurance = ins;
  CertificateOfOrigin coo;
  coo.issuer = P("CCPIT NINGBO", "CN");
  coo.date = D("2026-10-19");
  coo.consignor = lc.beneficiary;
  p.certificate_of_origin = coo;
  PackingList pl;
  pl.issuer = lc.beneficiary;
  pl.date = D("2026-10-19");
  pl.goods = {Shrimp("20", false)};
  p.packing_list = pl;
  return p;
}

CreditState Advised(const LetterOfCredit& lc) {
  CreditState s;
  s.original = s.terms = lc;
  s.status = CreditStatus::kAdvised;
  s.drawn = s.paid = Money{lc.amount.currency, 0};
  return s;
}

void BM_Examine_FiveDocuments(benchmark::State& state) {
  const LetterOfCredit lc = Credit();
  const CreditState credit = Advised(lc);
  const Presentation p = FiveDocuments(lc);
  const BankingCalendar calendar = Must(BankingCalendar::Parse(
      "weekend sat sun\nholiday 2026-12-25 Christmas\nholiday 2026-12-26 Boxing Day\n"));
  if (!Examine(credit, p, p.presentation_date, calendar).compliant()) {
    state.SkipWithError("sample presentation is not compliant");
    return;
  }
  for (auto _ : state) {
    ExaminationResult r = Examine(credit, p, p.presentation_date, calendar);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Examine_FiveDocuments);

// The whole serial step for a presentation: CheckDocument, roles, examination, the new
// state (a copy of the credit's state).
void BM_Apply_Presentation(benchmark::State& state) {
  const LetterOfCredit lc = Credit();
  const CreditState credit = Advised(lc);
  const Document doc = FiveDocuments(lc);
  const BankingCalendar calendar;
  for (auto _ : state) {
    auto t = Apply(&credit, doc, lc.advising_bank, D("2026-10-26"), calendar);
    benchmark::DoNotOptimize(t);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Apply_Presentation);

void BM_Es256_Verify(benchmark::State& state) {
  auto key = crypto::PrivateKey::Generate(crypto::Algorithm::kEs256);
  if (!key.ok()) {
    state.SkipWithError(key.status().ToString().c_str());
    return;
  }
  const std::string message(2048, 'm');
  const std::string signature = Must(key->Sign(message));
  for (auto _ : state) {
    Status s = key->public_key().Verify(message, signature);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(message.size()));
}
BENCHMARK(BM_Es256_Verify);

}  // namespace
}  // namespace lcproc::trade

BENCHMARK_MAIN();
