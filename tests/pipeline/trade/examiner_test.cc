#include "pipeline/trade/examiner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/trade/discrepancy_codes.h"
#include "tests/pipeline/trade/sample_credit.h"

namespace lcproc::trade {
namespace {

using fixtures::AdvisedState;
using fixtures::CompliantPresentation;
using fixtures::D;
using fixtures::M;
using fixtures::Q;
using fixtures::SampleCredit;
using fixtures::SetQuantity;
using fixtures::Usd;

// One examination scenario: the sample credit and presentation, changed by `edit`.
struct Scenario {
  LetterOfCredit lc = SampleCredit();
  CreditState state;  // built from lc after edit unless edit fills it
  Presentation p = CompliantPresentation();
  Date presented_on = D("2026-10-26");
  BankingCalendar calendar;
};

using Edit = std::function<void(Scenario&)>;

struct Case {
  const char* name;
  Edit edit;
  // Codes expected; empty means the presentation complies.
  std::vector<std::string> codes;
};

ExaminationResult RunScenario(const Edit& edit) {
  Scenario s;
  edit(s);
  if (s.state.terms.credit_number.empty()) {
    s.state = AdvisedState(s.lc);
  } else {
    s.state.terms = s.lc;  // keep earlier drawings the edit recorded
  }
  return Examine(s.state, s.p, s.presented_on, s.calendar);
}

// Records an earlier, honoured drawing of `amount` with `quantity` MT shipped on
// `shipped`, as presentation 1; the presentation under test becomes number 2.
void EarlierDrawing(Scenario& s, const char* amount, const char* quantity, const char* shipped) {
  s.state = AdvisedState(s.lc);
  PresentationRecord rec;
  rec.presentation = CompliantPresentation();
  rec.presentation.drawing_amount = Usd(amount);
  rec.presentation.invoice->amount = Usd(amount);
  SetQuantity(rec.presentation, quantity);
  rec.presentation.transport->on_board_date = D(shipped);
  rec.status = PresentationStatus::kHonoured;
  s.state.presentations.push_back(rec);
  s.state.drawn = Usd(amount);
  s.state.paid = Usd(amount);
  s.p.presentation_number = 2;
}

void SetAmounts(Scenario& s, const char* amount) {
  s.p.drawing_amount = Usd(amount);
  s.p.invoice->amount = Usd(amount);
  s.p.draft->amount = Usd(amount);
}

std::vector<std::string> Codes(const ExaminationResult& r) {
  std::vector<std::string> codes;
  for (const auto& d : r.discrepancies) codes.push_back(d.code);
  std::sort(codes.begin(), codes.end());
  return codes;
}

class ExaminerTest : public ::testing::TestWithParam<Case> {};

TEST_P(ExaminerTest, FindsExactlyTheExpectedDiscrepancies) {
  const Case& c = GetParam();
  ExaminationResult r = RunScenario(c.edit);
  std::vector<std::string> want = c.codes;
  std::sort(want.begin(), want.end());
  EXPECT_EQ(Codes(r), want);
  EXPECT_EQ(r.compliant(), want.empty());
  for (const auto& d : r.discrepancies) {
    const ExaminationRule* rule = FindExaminationRule(d.code);
    ASSERT_NE(rule, nullptr) << d.code;
    EXPECT_FALSE(d.article.empty());
    EXPECT_FALSE(d.document.empty());
    EXPECT_FALSE(d.field.empty());
    EXPECT_FALSE(d.message.empty());
  }
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) { return info.param.name; }

// Positive cases: each rule's boundary on the allowed side. The presentation complies.
INSTANTIATE_TEST_SUITE_P(
    Complies, ExaminerTest,
    ::testing::Values(
        Case{"SamplePresentation", [](Scenario&) {}, {}},
        Case{"PresentedOnExpiryDate",
             [](Scenario& s) {
               s.lc.expiry_date = D("2026-11-10");
               s.presented_on = D("2026-11-10");
             },
             {}},
        Case{"ExpiryOnSundayExtendedToMonday_29a",
             [](Scenario& s) {
               s.lc.expiry_date = D("2026-11-08");  // Sunday
               s.presented_on = D("2026-11-09");
             },
             {}},
        Case{"PresentedOn21stDayAfterShipment_14c",
             [](Scenario& s) {
               s.lc.presentation_period.reset();
               s.presented_on = D("2026-11-10");
             },
             {}},
        Case{"LastDayForPresentationOnSaturdayExtended_29a",
             [](Scenario& s) {
               s.lc.presentation_period = PresentationPeriod{12, ""};  // 10-20 + 12 = Sat 10-31
               s.presented_on = D("2026-11-02");
             },
             {}},
        Case{"ShippedOnLatestShipmentDate",
             [](Scenario& s) { s.lc.latest_shipment_date = D("2026-10-20"); },
             {}},
        Case{"ShippedFiveDaysAfterOnOrAbout_3",
             [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("ON OR ABOUT 2026-10-15");
             },
             {}},
        Case{"ShippedInSecondHalf_3",
             [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("SECOND HALF 2026-10");
             },
             {}},
        Case{"ShippedInMiddle_3",
             [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("MIDDLE 2026-10");
             },
             {}},
        Case{"ShippedTheDayBeforeBefore_3",
             [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("BEFORE 2026-10-21");
             },
             {}},
        Case{"ShippedTheDayAfterAfter_3",
             [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("AFTER 2026-10-19");
             },
             {}},
        Case{"DocumentDatedOnPresentationDay_14i",
             [](Scenario& s) { s.p.packing_list->date = s.presented_on; },
             {}},
        Case{"DocumentDatedBeforeCreditIssued_14i",
             [](Scenario& s) { s.p.certificate_of_origin->date = D("2026-08-01"); },
             {}},
        Case{"QuantityPlusFivePercentMeasured_30b",
             [](Scenario& s) {
               SetQuantity(s.p, "21");
               SetAmounts(s, "105000.00");
               s.p.insurance->insured_amount = Usd("115500.00");
             },
             {}},
        Case{"QuantityPlusTenPercentAbout_30a",
             [](Scenario& s) {
               s.lc.goods[0].about = true;
               s.lc.tolerance = PercentageTolerance{10, 10};
               SetQuantity(s.p, "22");
               SetAmounts(s, "110000.00");
               s.p.insurance->insured_amount = Usd("121000.00");
             },
             {}},
        Case{"CountedUnitsExact_30b",
             [](Scenario& s) {
               s.lc.goods[0].quantity = Q("1000", "CARTONS");
               s.lc.goods[0].unit_price = Usd("100.00");
               SetQuantity(s.p, "1000", "CARTONS");
               s.p.invoice->goods[0].unit_price = Usd("100.00");
             },
             {}},
        Case{"LowerUnitPrice",
             [](Scenario& s) {
               s.p.invoice->goods[0].unit_price = Usd("4999.99");
               SetAmounts(s, "99999.80");
             },
             {}},
        Case{"AboutUnitPriceMinusTenPercent_30a",
             [](Scenario& s) {
               s.lc.goods[0].about = true;
               s.p.invoice->goods[0].unit_price = Usd("4500.00");
               SetAmounts(s, "90000.00");
             },
             {}},
        Case{"FullDrawingWithPartialsNotAllowed",
             [](Scenario& s) { s.lc.partial_shipments = ShipmentPermission::kNotAllowed; },
             {}},
        Case{"FivePercentShortWithPartialsNotAllowed_30c",
             [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               s.lc.tolerance.reset();
               SetQuantity(s.p, "19");
               SetAmounts(s, "95000.00");
             },
             {}},
        Case{"PartialDrawingAllowed_31",
             [](Scenario& s) {
               SetQuantity(s.p, "10");
               SetAmounts(s, "50000.00");
             },
             {}},
        Case{"SecondDrawingWithinTolerance",
             [](Scenario& s) {
               EarlierDrawing(s, "60000.00", "12", "2026-10-05");
               SetQuantity(s.p, "9");
               SetAmounts(s, "45000.00");
               s.p.insurance->insured_amount = Usd("49500.00");
             },
             {}},
        Case{"InstalmentInItsPeriod_32",
             [](Scenario& s) {
               s.lc.instalments = {{D("2026-10-01"), D("2026-10-31"), Usd("100000.00")},
                                   {D("2026-11-01"), D("2026-11-30"), Usd("5000.00")}};
             },
             {}},
        Case{"SecondInstalmentAfterFirstDrawn_32",
             [](Scenario& s) {
               s.lc.instalments = {{D("2026-10-01"), D("2026-10-10"), Usd("50000.00")},
                                   {D("2026-10-11"), D("2026-10-31"), Usd("55000.00")}};
               EarlierDrawing(s, "50000.00", "10", "2026-10-05");
               SetQuantity(s.p, "10");
               SetAmounts(s, "50000.00");
               s.p.insurance->insured_amount = Usd("55000.00");
             },
             {}},
        Case{"TranshipmentAllowedBy43T",
             [](Scenario& s) {
               s.lc.transhipment = ShipmentPermission::kAllowed;
               s.p.transport->transhipment = true;
             },
             {}},
        Case{"TranshipmentOfContainerisedGoods_20c",
             [](Scenario& s) {
               s.p.transport->transhipment = true;
               s.p.transport->containerised = true;
             },
             {}},
        Case{"SignedByMaster_20a",
             [](Scenario& s) { s.p.transport->signed_by = BillOfLadingSigner::kMaster; },
             {}},
        Case{"PortsMatchIgnoringCaseAndSpaces",
             [](Scenario& s) {
               s.p.transport->port_of_loading = " shanghai ";
               s.p.invoice->port_of_loading = "Shanghai";
             },
             {}},
        Case{"InsuranceExactly110PercentOfCif_28f",
             [](Scenario& s) {
               SetAmounts(s, "99999.99");
               s.p.insurance->insured_amount = Usd("109999.99");  // 110% = 109999.989 -> .99
             },
             {}},
        Case{"InsuranceAtCreditPercentage_28f",
             [](Scenario& s) {
               s.lc.insurance_percentage = 120;
               s.p.insurance->insured_amount = Usd("120000.00");
             },
             {}},
        Case{"InsuranceDatedAfterShipmentWithEarlierCover_28e",
             [](Scenario& s) {
               s.p.insurance->date = D("2026-10-21");
               s.p.insurance->cover_starts = D("2026-10-20");
             },
             {}},
        Case{"InsuranceCertificateAccepted_28d",
             [](Scenario& s) { s.p.insurance->kind = InsuranceDocumentKind::kCertificate; },
             {}},
        Case{"InsuranceFromPlaceOfTakingInCharge_28f",
             [](Scenario& s) {
               s.lc.port_of_loading.clear();
               s.lc.place_of_taking_in_charge = "NINGBO CFS";
               s.p.insurance->route_from = "NINGBO CFS";
             },
             {}},
        Case{"InsuranceToFinalDestination_28f",
             [](Scenario& s) {
               s.lc.final_destination = "MUNICH";
               s.p.insurance->route_to = "MUNICH";
             },
             {}},
        Case{"OtherAddressSameCountry_14j",
             [](Scenario& s) {
               s.p.invoice->issuer.address_lines = {"1 OTHER STREET", "SHANGHAI"};
             },
             {}},
        Case{"InvoiceNamesDifferOnlyInCase_18a",
             [](Scenario& s) { s.p.invoice->issuer.name = "Ningbo Ocean Foods Co Ltd"; },
             {}},
        Case{"FewerDocumentsWhenCreditAsksFewer",
             [](Scenario& s) {
               s.lc.documents_required.pop_back();
               s.p.packing_list.reset();
             },
             {}}),
    CaseName);

// Negative cases: one rule broken at a time, its code (and only it) reported.
INSTANTIATE_TEST_SUITE_P(
    Discrepant, ExaminerTest,
    ::testing::Values(
        Case{"PresentedDayAfterExpiry_6d", [](Scenario& s) {
               s.lc.expiry_date = D("2026-11-05");
               s.presented_on = D("2026-11-06");
             }, {"PRESENTED_AFTER_EXPIRY"}},
        Case{"PresentedAfterExtendedExpiry_29a", [](Scenario& s) {
               s.lc.expiry_date = D("2026-11-08");  // Sunday -> Monday 9th
               s.presented_on = D("2026-11-10");
             }, {"PRESENTED_AFTER_EXPIRY"}},
        Case{"PresentedOn22ndDayAfterShipment_14c", [](Scenario& s) {
               s.lc.presentation_period.reset();
               s.presented_on = D("2026-11-11");
             }, {"LATE_PRESENTATION"}},
        Case{"PresentedAfterField48Period_14c", [](Scenario& s) {
               s.lc.presentation_period = PresentationPeriod{7, ""};  // last day Tue 10-27
               s.presented_on = D("2026-10-28");
             }, {"LATE_PRESENTATION"}},
        Case{"CertificateOfOriginMissing_46A", [](Scenario& s) {
               s.p.certificate_of_origin.reset();
             }, {"DOCUMENT_MISSING"}},
        Case{"TwoOfThreeInvoiceOriginals_17a", [](Scenario& s) {
               s.p.invoice->originals = 2;
             }, {"INSUFFICIENT_ORIGINALS"}},
        Case{"PackingListDatedAfterPresentation_14i", [](Scenario& s) {
               s.p.packing_list->date = D("2026-10-27");
             }, {"DOCUMENT_DATED_AFTER_PRESENTATION"}},
        Case{"DrawingBeyondAmountPlusTolerance_18b", [](Scenario& s) {
               s.lc.amount = Usd("90000.00");  // maximum 94,500.00
               s.lc.goods[0].unit_price.reset();
               s.p.invoice->goods[0].unit_price.reset();
             }, {"DRAWING_EXCEEDS_BALANCE"}},
        Case{"SecondDrawingOneCentBeyondBalance_18b", [](Scenario& s) {
               EarlierDrawing(s, "60000.00", "12", "2026-10-05");
               SetQuantity(s.p, "9");
               SetAmounts(s, "45000.01");
               s.p.insurance->insured_amount = Usd("49500.02");
             }, {"DRAWING_EXCEEDS_BALANCE"}},
        Case{"DrawingAboveInvoice_14d", [](Scenario& s) {
               s.p.invoice->amount = Usd("99999.99");
             }, {"DRAWING_EXCEEDS_INVOICE"}},
        Case{"MoreThanFivePercentShort_30c", [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               s.lc.tolerance.reset();
               SetQuantity(s.p, "19");
               SetAmounts(s, "94999.99");
             }, {"SHORT_DRAWING"}},
        Case{"ShortBeyond39AMinus_30a", [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               s.lc.tolerance = PercentageTolerance{2, 2};
               SetQuantity(s.p, "19");
               SetAmounts(s, "97999.99");
             }, {"SHORT_DRAWING"}},
        Case{"SecondDrawingWherePartialsNotAllowed_31a", [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               EarlierDrawing(s, "50000.00", "10", "2026-10-05");
               SetQuantity(s.p, "10");
               SetAmounts(s, "50000.00");
               s.p.insurance->insured_amount = Usd("55000.00");
             }, {"PARTIAL_SHIPMENT_NOT_ALLOWED"}},
        Case{"ShippedOutsideEveryInstalment_32", [](Scenario& s) {
               s.lc.instalments = {{D("2026-10-01"), D("2026-10-15"), Usd("50000.00")},
                                   {D("2026-11-01"), D("2026-11-15"), Usd("55000.00")}};
             }, {"INSTALMENT_OUT_OF_SCHEDULE"}},
        Case{"EarlierInstalmentMissed_32", [](Scenario& s) {
               s.lc.instalments = {{D("2026-09-01"), D("2026-09-30"), Usd("50000.00")},
                                   {D("2026-10-01"), D("2026-10-31"), Usd("55000.00")}};
               SetQuantity(s.p, "10");
               SetAmounts(s, "50000.00");
               s.p.insurance->insured_amount = Usd("55000.00");
             }, {"INSTALMENT_CEASED"}},
        Case{"DrawingAboveInstalment_32", [](Scenario& s) {
               s.lc.instalments = {{D("2026-10-01"), D("2026-10-31"), Usd("50000.00")},
                                   {D("2026-11-01"), D("2026-11-30"), Usd("55000.00")}};
             }, {"INSTALMENT_AMOUNT_EXCEEDED"}},
        Case{"ShippedAfterLatestShipmentDate", [](Scenario& s) {
               s.lc.latest_shipment_date = D("2026-10-19");
             }, {"LATE_SHIPMENT"}},
        Case{"LatestShipmentOnSundayNotExtended_29c", [](Scenario& s) {
               s.lc.latest_shipment_date = D("2026-10-18");  // Sunday
               s.p.transport->on_board_date = D("2026-10-19");
             }, {"LATE_SHIPMENT"}},
        Case{"ShippedSixDaysAfterOnOrAbout_3", [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("ON OR ABOUT 2026-10-14");
             }, {"SHIPMENT_OUTSIDE_PERIOD"}},
        Case{"ShippedInSecondHalfWhenFirstHalf_3", [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("FIRST HALF 2026-10");
             }, {"SHIPMENT_OUTSIDE_PERIOD"}},
        Case{"ShippedOnBeforeDate_3", [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("BEFORE 2026-10-20");
             }, {"SHIPMENT_OUTSIDE_PERIOD"}},
        Case{"ShippedInMiddleWhenEnd_3", [](Scenario& s) {
               s.lc.latest_shipment_date.reset();
               s.lc.shipment_period = *DateTerm::Parse("END 2026-10");
             }, {"SHIPMENT_OUTSIDE_PERIOD"}},
        Case{"BillOfLadingQuantityConflicts_14d", [](Scenario& s) {
               s.p.transport->goods[0].quantity = Q("19.5", "MT");
             }, {"DATA_CONFLICT_QUANTITY"}},
        Case{"PackingListOtherGoods_14d", [](Scenario& s) {
               s.p.packing_list->goods[0].description = "FROZEN CRAB";
             }, {"DATA_CONFLICT_GOODS"}},
        Case{"InvoicePortConflictsWithBillOfLading_14d", [](Scenario& s) {
               s.p.invoice->port_of_loading = "NINGBO";
             }, {"DATA_CONFLICT_PORT"}},
        Case{"DrawingInAnotherCurrency_14d", [](Scenario& s) {
               s.p.drawing_amount = s.p.draft->amount = M("EUR", "90000.00");
             }, {"DATA_CONFLICT_CURRENCY"}},
        Case{"BeneficiaryAddressInAnotherCountry_14j", [](Scenario& s) {
               s.p.invoice->issuer.country = *CountryCode::Parse("HK");
             }, {"ADDRESS_COUNTRY_MISMATCH"}},
        Case{"ApplicantAddressInAnotherCountry_14j", [](Scenario& s) {
               s.p.invoice->made_out_to.country = *CountryCode::Parse("NL");
             }, {"ADDRESS_COUNTRY_MISMATCH"}},
        Case{"InvoiceFromAnotherCompany_18a", [](Scenario& s) {
               s.p.invoice->issuer.name = "SHANGHAI TRADING CO LTD";
             }, {"INVOICE_NOT_ISSUED_BY_BENEFICIARY"}},
        Case{"InvoiceToAnotherCompany_18a", [](Scenario& s) {
               s.p.invoice->made_out_to.name = "BREMEN FISH AG";
             }, {"INVOICE_NOT_MADE_OUT_TO_APPLICANT"}},
        Case{"InvoiceInEuro_18a", [](Scenario& s) {
               s.p.invoice->amount = M("EUR", "100000.00");
             }, {"INVOICE_CURRENCY_MISMATCH"}},
        Case{"InvoiceOtherGoods_18c", [](Scenario& s) {
               s.p.invoice->goods[0].description = "FROZEN PRAWNS";
             }, {"INVOICE_GOODS_MISMATCH"}},
        Case{"InvoiceGoodsUnnamedWhenNoLines_18c", [](Scenario& s) {
               s.lc.goods.clear();
               s.p.invoice->goods_description = "SEAFOOD";
             }, {"INVOICE_GOODS_MISMATCH"}},
        Case{"QuantityAboveFivePercentMeasured_30b", [](Scenario& s) {
               SetQuantity(s.p, "21.001");
             }, {"QUANTITY_OUT_OF_TOLERANCE"}},
        Case{"QuantityAboveTenPercentAbout_30a", [](Scenario& s) {
               s.lc.goods[0].about = true;
               SetQuantity(s.p, "22.001");
             }, {"QUANTITY_OUT_OF_TOLERANCE"}},
        Case{"CountedUnitsOneOver_30b", [](Scenario& s) {
               s.lc.goods[0].quantity = Q("1000", "CARTONS");
               s.lc.goods[0].unit_price = Usd("100.00");
               SetQuantity(s.p, "1001", "CARTONS");
               s.p.invoice->goods[0].unit_price = Usd("100.00");
             }, {"QUANTITY_OUT_OF_TOLERANCE"}},
        Case{"QuantityShortWherePartialsNotAllowed_30b", [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               SetQuantity(s.p, "18.999");
             }, {"QUANTITY_OUT_OF_TOLERANCE"}},
        Case{"CumulativeQuantityBeyondTolerance_30b", [](Scenario& s) {
               EarlierDrawing(s, "50000.00", "12", "2026-10-05");
               SetQuantity(s.p, "9.001");
               SetAmounts(s, "45000.00");
               s.p.insurance->insured_amount = Usd("49500.00");
             }, {"QUANTITY_OUT_OF_TOLERANCE"}},
        Case{"UnitPriceAboveCredit_30a", [](Scenario& s) {
               s.p.invoice->goods[0].unit_price = Usd("5000.01");
             }, {"UNIT_PRICE_OUT_OF_TOLERANCE"}},
        Case{"AboutUnitPriceBelowTenPercent_30a", [](Scenario& s) {
               s.lc.goods[0].about = true;
               s.p.invoice->goods[0].unit_price = Usd("4499.99");
             }, {"UNIT_PRICE_OUT_OF_TOLERANCE"}},
        Case{"NoCarrierNamed_20a", [](Scenario& s) { s.p.transport->carrier_name = " "; },
             {"BL_CARRIER_NOT_NAMED"}},
        Case{"Unsigned_20a", [](Scenario& s) {
               s.p.transport->signed_by = BillOfLadingSigner::kUnsigned;
             }, {"BL_NOT_SIGNED"}},
        Case{"NoOnBoardDate_20a", [](Scenario& s) { s.p.transport->on_board_date.reset(); },
             {"BL_NOT_ON_BOARD"}},
        Case{"LoadedElsewhere_20a", [](Scenario& s) { s.p.transport->port_of_loading = "NINGBO"; },
             {"BL_PORT_OF_LOADING"}},
        Case{"DischargedElsewhere_20a", [](Scenario& s) {
               s.p.transport->port_of_discharge = "ROTTERDAM";
             }, {"BL_PORT_OF_DISCHARGE"}},
        Case{"NotTheFullSet_20a", [](Scenario& s) { s.p.transport->originals_issued = 4; },
             {"BL_FULL_SET"}},
        Case{"CharterParty_20a", [](Scenario& s) { s.p.transport->charter_party = true; },
             {"BL_CHARTER_PARTY"}},
        Case{"TranshipmentProhibited_20c", [](Scenario& s) { s.p.transport->transhipment = true; },
             {"TRANSHIPMENT_NOT_ALLOWED"}},
        Case{"Claused_27", [](Scenario& s) {
               s.p.transport->clean = false;
               s.p.transport->clauses = {"3 CARTONS TORN"};
             }, {"BL_NOT_CLEAN"}},
        Case{"CoverNote_28c", [](Scenario& s) {
               s.p.insurance->kind = InsuranceDocumentKind::kCoverNote;
             }, {"INSURANCE_COVER_NOTE"}},
        Case{"InsuranceNotAllOriginals_28b", [](Scenario& s) {
               s.p.insurance->originals_issued = 3;
             }, {"INSURANCE_ORIGINALS"}},
        Case{"InsuranceDatedAfterShipment_28e", [](Scenario& s) {
               s.p.insurance->date = D("2026-10-21");
             }, {"INSURANCE_DATED_AFTER_SHIPMENT"}},
        Case{"InsuranceInEuro_28f", [](Scenario& s) {
               s.p.insurance->insured_amount = M("EUR", "110000.00");
             }, {"INSURANCE_CURRENCY"}},
        Case{"InsuranceOneCentBelow110Percent_28f", [](Scenario& s) {
               s.p.insurance->insured_amount = Usd("109999.99");
             }, {"INSURANCE_UNDERINSURED"}},
        Case{"InsuranceRoundedUpBasis_28f", [](Scenario& s) {
               SetAmounts(s, "99999.99");
               s.p.insurance->insured_amount = Usd("109999.98");
             }, {"INSURANCE_UNDERINSURED"}},
        Case{"InsuranceToAnotherPort_28f", [](Scenario& s) {
               s.p.insurance->route_to = "ROTTERDAM";
             }, {"INSURANCE_ROUTE"}}),
    CaseName);

TEST(ExaminerDeadlineTest, FiveBankingDaysFollowingPresentation_14b) {
  auto cal = *BankingCalendar::Parse("weekend sat sun\nholiday 2026-10-28 Closing day\n");
  auto r = Examine(AdvisedState(SampleCredit()), CompliantPresentation(), D("2026-10-26"), cal);
  // Monday 26: 27, (28 closed), 29, 30, (31, 1 weekend), 2, 3.
  EXPECT_EQ(r.deadline, D("2026-11-03"));
  EXPECT_EQ(r.presented_on, D("2026-10-26"));
  EXPECT_EQ(r.credit_number, "LC2026-0001");
  ASSERT_TRUE(r.available_before.has_value());
  EXPECT_EQ(*r.available_before, Usd("105000.00"));
}

TEST(ExaminerDeadlineTest, ExpiryExtendedByHolidayInCalendar_29a) {
  auto cal = *BankingCalendar::Parse("holiday 2026-11-30 Bank holiday\n");
  LetterOfCredit lc = SampleCredit();
  lc.latest_shipment_date = D("2026-11-20");
  Presentation p = CompliantPresentation();
  p.transport->on_board_date = D("2026-11-15");
  auto on_next_day = Examine(AdvisedState(lc), p, D("2026-12-01"), cal);
  EXPECT_TRUE(on_next_day.compliant()) << ::testing::PrintToString(Codes(on_next_day));
  auto without_holiday = Examine(AdvisedState(lc), p, D("2026-12-01"), BankingCalendar());
  EXPECT_THAT(Codes(without_holiday), ::testing::ElementsAre("PRESENTED_AFTER_EXPIRY"));
}

TEST(ExaminerRulesTest, EveryRuleHasAStableCodeAnArticleAndIsListedOnce) {
  std::set<std::string_view> codes;
  for (const auto& rule : AllExaminationRules()) {
    EXPECT_TRUE(codes.insert(rule.code).second) << rule.code;
    EXPECT_FALSE(rule.article.empty()) << rule.code;
    EXPECT_FALSE(rule.summary.empty()) << rule.code;
    EXPECT_EQ(FindExaminationRule(rule.code), &rule);
  }
  EXPECT_EQ(FindExaminationRule("NO_SUCH_RULE"), nullptr);
}

}  // namespace
}  // namespace lcproc::trade
