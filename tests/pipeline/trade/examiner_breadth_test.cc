// The examination of every document a credit may require: drafts (art. 6(c)), the
// transport documents of art. 19 to 25 with art. 26 and 27, certificates and any other
// document (art. 14(f)), documents not required (14(g)), the depth rules of art. 14(j),
// 14(k), 14(l), 14(e), 30(c), and one defect, one discrepancy. Table-driven: each case
// states the exact discrepancy codes and the exact manual checks ("document:field") it
// produces; ISBP 821 paragraphs are named where they apply.
#include "pipeline/trade/examiner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/trade/discrepancy_codes.h"
#include "pipeline/trade/required_document.h"
#include "tests/pipeline/trade/sample_credit.h"

namespace lcproc::trade {
namespace {

using fixtures::AdvisedState;
using fixtures::CompliantPresentation;
using fixtures::D;
using fixtures::OtherBank;
using fixtures::Q;
using fixtures::SampleCredit;
using fixtures::SetQuantity;
using fixtures::Usd;

struct Scenario {
  LetterOfCredit lc = SampleCredit();
  Presentation p = CompliantPresentation();
  Date presented_on = D("2026-10-26");
};

using Edit = std::function<void(Scenario&)>;

struct Case {
  const char* name;
  Edit edit;
  std::vector<std::string> codes;   // exact, sorted on comparison
  std::vector<std::string> manual;  // "document:field" of each manual check
};

Party P(const char* name, const char* country, std::vector<std::string> lines = {}) {
  return Party{name, std::move(lines), *CountryCode::Parse(country), std::nullopt, ""};
}

// Adds a 46A item as the MT700 reader would read it.
void Require(Scenario& s, const char* wording) {
  s.lc.documents_required.push_back(RecogniseRequiredDocument(wording));
}

Certificate Cert(TradeDocumentType type, Party issuer, const char* date = "2026-10-19") {
  Certificate c;
  c.type = type;
  c.number = "CERT-1";
  c.issuer = std::move(issuer);
  c.date = D(date);
  return c;
}

// Replaces the bill of lading by another transport document of `type` in both the credit
// and the presentation, with the same data.
void UseTransport(Scenario& s, TradeDocumentType type, const char* wording) {
  for (auto& r : s.lc.documents_required) {
    if (r.type == TradeDocumentType::kBillOfLading) r = RecogniseRequiredDocument(wording);
  }
  TransportDocument d = *s.p.transport;
  s.p.transport.reset();
  switch (type) {
    case TradeDocumentType::kMultimodalTransportDocument: s.p.multimodal_transport = d; break;
    case TradeDocumentType::kSeaWaybill: s.p.sea_waybill = d; break;
    case TradeDocumentType::kCharterPartyBillOfLading: s.p.charter_party_bill_of_lading = d; break;
    case TradeDocumentType::kAirTransportDocument: s.p.air_transport = d; break;
    case TradeDocumentType::kRoadTransportDocument: s.p.road_transport = d; break;
    default: FAIL() << "not a transport slot";
  }
}

TransportDocument& Transport(Scenario& s) {
  if (s.p.transport) return *s.p.transport;
  for (auto* slot : {&s.p.multimodal_transport, &s.p.sea_waybill, &s.p.charter_party_bill_of_lading,
                     &s.p.air_transport, &s.p.road_transport}) {
    if (slot->has_value()) return **slot;
  }
  std::abort();
}

void UseCourier(Scenario& s) {
  for (auto& r : s.lc.documents_required) {
    if (r.type == TradeDocumentType::kBillOfLading) {
      r = RecogniseRequiredDocument("COURIER RECEIPT EVIDENCING DISPATCH OF THE GOODS");
    }
  }
  s.p.transport.reset();
  CourierReceipt r;
  r.number = "DHL-1234567890";
  r.courier_name = "DHL EXPRESS";
  r.date = D("2026-10-20");
  r.place_of_dispatch = "SHANGHAI";
  r.destination = "HAMBURG";
  r.consignee_details = P("HAMBURG SEAFOOD GMBH", "DE", {"GROSSE ELBSTRASSE 10", "22767 HAMBURG"});
  s.p.courier_receipt = r;
}

void SetAmounts(Scenario& s, const char* amount) {
  s.p.drawing_amount = s.p.invoice->amount = s.p.draft->amount = Usd(amount);
}

ExaminationResult RunCase(const Case& c) {
  Scenario s;
  c.edit(s);
  return Examine(AdvisedState(s.lc), s.p, s.presented_on, BankingCalendar());
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

class BreadthTest : public ::testing::TestWithParam<Case> {};

TEST_P(BreadthTest, FindsExactlyTheExpectedDiscrepanciesAndManualChecks) {
  const Case& c = GetParam();
  ExaminationResult r = RunCase(c);
  std::vector<std::string> codes, manual;
  for (const auto& d : r.discrepancies) {
    codes.push_back(d.code);
    EXPECT_NE(FindExaminationRule(d.code), nullptr) << d.code;
    EXPECT_FALSE(d.message.empty());
  }
  for (const auto& m : r.manual_checks) {
    manual.push_back(m.document + ":" + m.field);
    EXPECT_FALSE(m.article.empty());
    EXPECT_FALSE(m.message.empty());
  }
  EXPECT_EQ(Sorted(codes), Sorted(c.codes))
      << (r.discrepancies.empty() ? "" : r.discrepancies[0].message);
  EXPECT_EQ(Sorted(manual), Sorted(c.manual))
      << (r.manual_checks.empty() ? "" : r.manual_checks[0].message);
  EXPECT_EQ(r.compliant(), c.codes.empty());
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(
    Complies, BreadthTest,
    ::testing::Values(
        Case{"SampleWithSightDraft_6c", [](Scenario&) {}, {}, {}},
        Case{"PhytosanitaryFromTheNamedIssuer_14f",
             [](Scenario& s) {
               Require(s, "PHYTOSANITARY CERTIFICATE ISSUED BY PLANT PROTECTION DEPT");
               s.p.certificates.push_back(Cert(TradeDocumentType::kPhytosanitaryCertificate,
                                               P("NINGBO PLANT PROTECTION DEPT", "CN")));
             },
             {},
             {}},
        Case{"IssuerNamedByAcronym_ISBP821A1",
             [](Scenario& s) {
               s.lc.documents_required[3] =
                   RecogniseRequiredDocument("CERTIFICATE OF ORIGIN ISSUED BY CCPIT");
               s.p.certificate_of_origin->issuer =
                   P("CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE", "CN");
             },
             {},
             {}},
        Case{"BeneficiaryCertificateStatesTheData_14f",
             [](Scenario& s) {
               Require(s,
                       "BENEFICIARY'S CERTIFICATE CERTIFYING THAT ONE SET OF NON-NEGOTIABLE "
                       "DOCUMENTS HAS BEEN SENT TO THE APPLICANT");
               Certificate c =
                   Cert(TradeDocumentType::kBeneficiaryCertificate, SampleCredit().beneficiary);
               c.statements = {
                   "WE HEREBY CERTIFY THAT ONE SET OF NON-NEGOTIABLE DOCUMENTS HAS "
                   "BEEN SENT TO THE APPLICANT BY COURIER"};
               s.p.certificates.push_back(c);
             },
             {},
             {}},
        Case{"PreShipmentInspectionCertifiedLaterThanShipment_14d",
             [](Scenario& s) {
               Require(s, "PRE-SHIPMENT INSPECTION CERTIFICATE ISSUED BY SGS");
               Certificate c = Cert(TradeDocumentType::kInspectionCertificate,
                                    P("SGS-CSTC STANDARDS TECHNICAL SERVICES", "CN"), "2026-10-22");
               c.event_date = D("2026-10-18");
               s.p.certificates.push_back(c);
             },
             {},
             {}},
        Case{"WeightCertificateAgreesWithPackingList_14d",
             [](Scenario& s) {
               Require(s, "WEIGHT CERTIFICATE");
               Certificate c = Cert(TradeDocumentType::kWeightCertificate, P("CCIC NINGBO", "CN"));
               c.gross_weight = Q("21.5", "MT");
               s.p.certificates.push_back(c);
             },
             {},
             {}},
        Case{"DocumentNotRequiredIsDisregarded_14g",
             [](Scenario& s) {
               // Dated after presentation: it would be discrepant if it were examined.
               s.p.certificates.push_back(Cert(TradeDocumentType::kFumigationCertificate,
                                               P("NINGBO FUMIGATION CO", "CN"), "2026-10-30"));
             },
             {},
             {}},
        Case{"ShipperOtherThanBeneficiary_14k",
             [](Scenario& s) {
               s.p.transport->shipper = P("NINGBO FREIGHT FORWARDING CO LTD", "CN");
             },
             {},
             {}},
        Case{"IssuedByAnAgentOfTheCarrier_14l",
             [](Scenario& s) {
               s.p.transport->signed_by = BillOfLadingSigner::kAgentForCarrier;
               s.p.transport->carrier_name = "COSCO SHIPPING LINES";
             },
             {},
             {}},
        Case{"GoodsInGeneralTermsOutsideTheInvoice_14e",
             [](Scenario& s) {
               s.p.transport->goods.clear();
               s.p.transport->goods_description = "SEAFOOD";
             },
             {},
             {}},
        Case{"ApplicantAsNotifyPartyAsInCredit_14j",
             [](Scenario& s) { s.p.transport->notify_party_details = SampleCredit().applicant; },
             {},
             {}},
        Case{"BeneficiaryAddressOtherLinesSameCountry_14j",
             [](Scenario& s) {
               s.p.transport->consignee_details =
                   P("NINGBO OCEAN FOODS CO LTD", "CN", {"1 INDUSTRY AVENUE", "NINGBO"});
             },
             {},
             {}},
        Case{"ShippersLoadAndCount_26b",
             [](Scenario& s) { s.p.transport->shippers_load_and_count = true; },
             {},
             {}},
        Case{"FreightPrepaidAsRequired_26c",
             [](Scenario& s) {
               s.lc.documents_required[1].text += " MARKED FREIGHT PREPAID";
               s.p.transport->freight = FreightTerms::kPrepaid;
             },
             {},
             {}},
        Case{"AirWaybillDateOfIssueIsShipment_23a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kAirTransportDocument,
                            "AIR WAYBILL CONSIGNED TO APPLICANT");
               Transport(s).on_board_date.reset();
               Transport(s).originals = Transport(s).originals_issued = 1;
               Transport(s).transhipment = true;  // 23(c): acceptable although 43T prohibits it
             },
             {},
             {}},
        Case{"MultimodalFromPlaceOfTakingInCharge_19a",
             [](Scenario& s) {
               s.lc.place_of_taking_in_charge = "NINGBO CFS";
               s.lc.final_destination = "MUNICH";
               UseTransport(s, TradeDocumentType::kMultimodalTransportDocument,
                            "FULL SET MULTIMODAL TRANSPORT DOCUMENT");
               Transport(s).place_of_receipt = "NINGBO CFS";
               Transport(s).place_of_delivery = "MUNICH";
               Transport(s).transhipment = true;  // 19(c)
               s.p.insurance->route_from = "NINGBO CFS";
               s.p.insurance->route_to = "MUNICH";
             },
             {},
             {}},
        Case{"CharterPartyBillSignedByMasterNoCarrier_22a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kCharterPartyBillOfLading,
                            "FULL SET CHARTER PARTY BILLS OF LADING");
               Transport(s).carrier_name.clear();
               Transport(s).signed_by = BillOfLadingSigner::kMaster;
               Transport(s).charter_party = true;
             },
             {},
             {}},
        Case{"SeaWaybillOnBoard_21a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kSeaWaybill, "NON-NEGOTIABLE SEA WAYBILL");
               Transport(s).originals = Transport(s).originals_issued = 1;
             },
             {},
             {}},
        Case{"CourierReceiptPickUpIsShipment_25a", [](Scenario& s) { UseCourier(s); }, {}, {}},
        Case{"DraftSixtyDaysAfterBillOfLadingDate_ISBP821B2",
             [](Scenario& s) {
               s.lc.drafts_at = "60 DAYS AFTER B/L DATE";
               s.p.draft->tenor = "AT 60 DAYS AFTER BILL OF LADING DATE";
             },
             {},
             {}},
        Case{"FivePercentShortQuantityInFull_30c",
             [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               s.lc.tolerance.reset();
               SetAmounts(s, "95000.00");
             },
             {},
             {}},
        Case{"BillOfLadingFullSetOfTwo_20a",
             [](Scenario& s) {
               // 46A "FULL SET" asks for every original issued, however many.
               s.lc.documents_required[1] =
                   RecogniseRequiredDocument("FULL SET CLEAN ON BOARD BILLS OF LADING");
               s.p.transport->originals = s.p.transport->originals_issued = 2;
             },
             {},
             {}}),
    CaseName);

INSTANTIATE_TEST_SUITE_P(
    Discrepant, BreadthTest,
    ::testing::Values(
        Case{"RequiredCertificateMissing_14a",
             [](Scenario& s) {
               Require(s, "PHYTOSANITARY CERTIFICATE ISSUED BY PLANT PROTECTION DEPT");
             },
             {"DOCUMENT_MISSING"},
             {}},
        Case{"BeneficiaryCertificateByAnotherParty_14f",
             [](Scenario& s) {
               Require(s, "BENEFICIARY'S CERTIFICATE");
               s.p.certificates.push_back(Cert(TradeDocumentType::kBeneficiaryCertificate,
                                               P("NINGBO INSPECTION CO", "CN")));
             },
             {"DOCUMENT_ISSUER"},
             {}},
        Case{"PreShipmentInspectionAfterShipment_14d",
             [](Scenario& s) {
               Require(s, "INSPECTION CERTIFICATE EVIDENCING INSPECTION BEFORE SHIPMENT");
               Certificate c =
                   Cert(TradeDocumentType::kInspectionCertificate, P("CCIC", "CN"), "2026-10-22");
               c.event_date = D("2026-10-21");
               c.statements = {"INSPECTION BEFORE SHIPMENT"};
               s.p.certificates.push_back(c);
             },
             {"CERTIFICATE_AFTER_SHIPMENT"},
             {}},
        Case{"WeightCertificateConflictsWithPackingList_14d",
             [](Scenario& s) {
               Require(s, "CERTIFICATE OF WEIGHT");
               Certificate c = Cert(TradeDocumentType::kWeightCertificate, P("CCIC NINGBO", "CN"));
               c.gross_weight = Q("21.6", "MT");
               s.p.certificates.push_back(c);
             },
             {"DATA_CONFLICT_QUANTITY"},
             {}},
        Case{"CertificateDatedAfterPresentation_14i",
             [](Scenario& s) {
               Require(s, "HEALTH CERTIFICATE");
               s.p.certificates.push_back(Cert(TradeDocumentType::kHealthCertificate,
                                               P("NINGBO CIQ", "CN"), "2026-10-27"));
             },
             {"DOCUMENT_DATED_AFTER_PRESENTATION"},
             {}},
        Case{"OtherDocumentMissing_14a",
             [](Scenario& s) {
               Require(s, "PACKING DECLARATION STATING NO SOLID WOOD PACKING MATERIAL");
             },
             {"DOCUMENT_MISSING"},
             {}},
        Case{"DraftDrawnOnTheApplicant_6c",
             [](Scenario& s) {
               s.p.draft->drawee = "HAMBURG SEAFOOD GMBH";
               s.p.draft->drawee_bic.reset();
             },
             {"DRAFT_DRAWN_ON_APPLICANT"},
             {}},
        Case{"DraftOnAnotherBank_6c",
             [](Scenario& s) { s.p.draft->drawee_bic = OtherBank(); },
             {"DRAFT_DRAWEE"},
             {}},
        Case{"DraftTenorDiffersFrom42C_ISBP821B2",
             [](Scenario& s) { s.p.draft->tenor = "AT 30 DAYS AFTER SIGHT"; },
             {"DRAFT_TENOR"},
             {}},
        Case{"DraftAmountDiffersFromDrawing",
             [](Scenario& s) { s.p.draft->amount = Usd("99999.99"); },
             {"DRAFT_AMOUNT"},
             {}},
        Case{"DraftDrawnByAnotherParty",
             [](Scenario& s) { s.p.draft->drawer = P("SHANGHAI TRADING CO LTD", "CN"); },
             {"DRAFT_DRAWER"},
             {}},
        Case{"LoadedOnDeck_26a",
             [](Scenario& s) { s.p.transport->on_deck = true; },
             {"ON_DECK"},
             {}},
        Case{"FreightCollectWherePrepaidRequired_26c",
             [](Scenario& s) {
               s.lc.documents_required[1].text += " MARKED FREIGHT PREPAID";
               s.p.transport->freight = FreightTerms::kCollect;
             },
             {"FREIGHT_MARKING"},
             {}},
        Case{"SeaWaybillWithoutOnBoardNotation_21a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kSeaWaybill, "NON-NEGOTIABLE SEA WAYBILL");
               Transport(s).on_board_date.reset();
             },
             {"TRANSPORT_NOT_ON_BOARD"},
             {}},
        Case{"SeaWaybillTranshippedUncontainerised_21c",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kSeaWaybill, "NON-NEGOTIABLE SEA WAYBILL");
               Transport(s).transhipment = true;
             },
             {"TRANSHIPMENT_NOT_ALLOWED"},
             {}},
        Case{"AirWaybillToAnotherAirport_23a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kAirTransportDocument, "AIR WAYBILL");
               Transport(s).port_of_discharge = "FRANKFURT";
             },
             {"TRANSPORT_PLACE_OF_DESTINATION"},
             {}},
        Case{"AirWaybillSignedByMaster_23a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kAirTransportDocument, "AIR WAYBILL");
               Transport(s).signed_by = BillOfLadingSigner::kMaster;
             },
             {"TRANSPORT_NOT_SIGNED"},
             {}},
        Case{"CharterPartyBillSignedAsCarrier_22a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kCharterPartyBillOfLading,
                            "CHARTER PARTY BILL OF LADING");
               Transport(s).signed_by = BillOfLadingSigner::kCarrier;
             },
             {"TRANSPORT_NOT_SIGNED"},
             {}},
        Case{"MultimodalSubjectToCharterParty_19a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kMultimodalTransportDocument,
                            "COMBINED TRANSPORT BILL OF LADING");
               Transport(s).charter_party = true;
             },
             {"TRANSPORT_CHARTER_PARTY"},
             {}},
        Case{"MultimodalWithoutCarrier_19a",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kMultimodalTransportDocument,
                            "MULTIMODAL TRANSPORT DOCUMENT");
               Transport(s).carrier_name.clear();
             },
             {"TRANSPORT_CARRIER_NOT_NAMED"},
             {}},
        Case{"RoadDocumentWithoutOriginalForConsignor_24b",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kRoadTransportDocument,
                            "CMR ROAD CONSIGNMENT NOTE");
               Transport(s).originals = 0;
             },
             {"TRANSPORT_FULL_SET"},
             {}},
        Case{"RoadDocumentClaused_27",
             [](Scenario& s) {
               UseTransport(s, TradeDocumentType::kRoadTransportDocument, "TRUCK WAYBILL");
               Transport(s).clean = false;
               Transport(s).clauses = {"2 PALLETS DAMAGED"};
             },
             {"TRANSPORT_NOT_CLEAN"},
             {}},
        Case{"CourierNotNamed_25a",
             [](Scenario& s) {
               UseCourier(s);
               s.p.courier_receipt->courier_name.clear();
             },
             {"TRANSPORT_CARRIER_NOT_NAMED"},
             {}},
        Case{"CourierShippedAfterLatestDate_25a_29c",
             [](Scenario& s) {
               UseCourier(s);
               s.p.courier_receipt->date = D("2026-11-02");
               s.presented_on = D("2026-11-03");
             },
             {"LATE_SHIPMENT"},
             {}},
        Case{"ApplicantAsNotifyPartyOtherAddress_14j",
             [](Scenario& s) {
               s.p.transport->notify_party_details =
                   P("HAMBURG SEAFOOD GMBH", "DE", {"KOENIGSTRASSE 1", "22767 HAMBURG"});
             },
             {"ADDRESS_NOT_AS_IN_CREDIT"},
             {}},
        Case{"ApplicantAsConsigneeInAnotherCountryOnce_14j",
             [](Scenario& s) {
               s.p.transport->consignee_details =
                   P("HAMBURG SEAFOOD GMBH", "NL", {"KADE 1", "ROTTERDAM"});
             },
             {"ADDRESS_COUNTRY_MISMATCH"},
             {}},
        Case{"UnitPriceReducedWithinFivePercent_30c",
             [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               s.lc.tolerance.reset();
               s.p.invoice->goods[0].unit_price = Usd("4800.00");
               SetAmounts(s, "96000.00");
             },
             {"SHORT_DRAWING"},
             {}},
        // One defect, one discrepancy.
        Case{"QuantityShortIsNotAlsoAShortDrawing_30b",
             [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               s.lc.tolerance.reset();
               SetQuantity(s.p, "18");
               SetAmounts(s, "90000.00");
             },
             {"QUANTITY_OUT_OF_TOLERANCE"},
             {}},
        Case{"OtherGoodsInvoicedAreNotAlsoShort_18c",
             [](Scenario& s) {
               s.lc.partial_shipments = ShipmentPermission::kNotAllowed;
               s.p.invoice->goods[0].description = "FROZEN PRAWNS";
             },
             {"INVOICE_GOODS_MISMATCH"},
             {}},
        Case{"InvoiceOverQuantityIsNotAlsoAConflict_30b",
             [](Scenario& s) { s.p.invoice->goods[0].quantity = Q("21.001", "MT"); },
             {"QUANTITY_OUT_OF_TOLERANCE"},
             {}},
        Case{"InvoiceInEuroReportedOnce_18a",
             [](Scenario& s) {
               s.p.invoice->amount = *Money::Parse(*CurrencyCode::Parse("EUR"), "100000.00");
               s.p.invoice->goods[0].unit_price =
                   *Money::Parse(*CurrencyCode::Parse("EUR"), "5000.00");
             },
             {"INVOICE_CURRENCY_MISMATCH"},
             {}},
        Case{"BillOfLadingTwoOfThreeOriginals_20a",
             [](Scenario& s) { s.p.transport->originals = 2; },
             {"BL_FULL_SET"},
             {}},
        Case{"InsuranceOneOfTwoOriginals_28b",
             [](Scenario& s) { s.p.insurance->originals = 1; },
             {"INSURANCE_ORIGINALS"},
             {}}),
    CaseName);

INSTANTIATE_TEST_SUITE_P(
    NeedsADocumentChecker, BreadthTest,
    ::testing::Values(
        Case{"IssuerNamedInOtherWords_14f",
             [](Scenario& s) {
               Require(s, "PHYTOSANITARY CERTIFICATE ISSUED BY PLANT PROTECTION DEPT");
               s.p.certificates.push_back(Cert(TradeDocumentType::kPhytosanitaryCertificate,
                                               P("MINISTRY OF AGRICULTURE NINGBO", "CN")));
             },
             {},
             {"phytosanitaryCertificate:issuer"}},
        Case{"StatementWordedOtherwise_14f",
             [](Scenario& s) {
               Require(s, "BENEFICIARY'S CERTIFICATE STATING THAT GOODS ARE OF CHINESE ORIGIN");
               Certificate c =
                   Cert(TradeDocumentType::kBeneficiaryCertificate, SampleCredit().beneficiary);
               c.statements = {"THE GOODS WERE PRODUCED IN CHINA"};
               s.p.certificates.push_back(c);
             },
             {},
             {"beneficiaryCertificate:statements"}},
        Case{"OtherDocumentFunction_14f",
             [](Scenario& s) {
               Require(s, "SHIPMENT ADVICE SENT TO THE APPLICANT WITHIN 3 DAYS AFTER SHIPMENT");
               OtherDocument d;
               d.title = "SHIPMENT ADVICE";
               d.issuer = SampleCredit().beneficiary;
               d.date = D("2026-10-21");
               s.p.other_documents.push_back(d);
             },
             {},
             {"otherDocument:title"}},
        Case{"OtherDocumentTitledOtherwise_14f",
             [](Scenario& s) {
               Require(s, "SHIPMENT ADVICE SENT TO THE APPLICANT");
               OtherDocument d;
               d.title = "NOTICE OF DESPATCH";
               d.date = D("2026-10-21");
               s.p.other_documents.push_back(d);
             },
             {},
             {"otherDocument:title"}},
        Case{"FreightMarkingNotGiven_26c",
             [](Scenario& s) { s.lc.documents_required[1].text += " MARKED FREIGHT PREPAID"; },
             {},
             {"billOfLading:freight"}},
        Case{"DraftDraweeWithoutBic_6c",
             [](Scenario& s) { s.p.draft->drawee_bic.reset(); },
             {},
             {"draft:drawee"}},
        Case{"NoDraftWhere42CCallsForDrafts",
             [](Scenario& s) { s.p.draft.reset(); },
             {},
             {"draft:42C"}},
        Case{"TenorLcprocCannotRead",
             [](Scenario& s) { s.lc.drafts_at = "AS PER ATTACHED SCHEDULE"; },
             {},
             {"draft:tenor"}}),
    CaseName);

TEST(ExaminationCoverageTest, CountsDocumentsExaminedAutomaticallyReferredAndDisregarded) {
  Scenario s;
  Require(s, "SHIPMENT ADVICE SENT TO THE APPLICANT");
  OtherDocument advice;
  advice.title = "SHIPMENT ADVICE";
  advice.date = D("2026-10-21");
  s.p.other_documents.push_back(advice);
  OtherDocument extra;  // not required: art. 14(g)
  extra.title = "MILL TEST REPORT";
  extra.date = D("2026-10-21");
  s.p.other_documents.push_back(extra);
  s.p.certificates.push_back(Cert(TradeDocumentType::kQualityCertificate, P("CCIC", "CN")));
  ExaminationResult r = Examine(AdvisedState(s.lc), s.p, s.presented_on, BankingCalendar());
  EXPECT_TRUE(r.compliant());
  // Invoice, B/L, insurance, origin, packing list, draft, 2 other documents, 1 certificate.
  EXPECT_EQ(r.documents_presented, 9);
  EXPECT_EQ(r.documents_examined_automatically, 6);
  EXPECT_EQ(r.disregarded_documents,
            (std::vector<std::string>{"qualityCertificate", "otherDocument: MILL TEST REPORT"}));
  ASSERT_EQ(r.manual_checks.size(), 1u);
  EXPECT_EQ(r.manual_checks[0].article, "14(f)");
}

TEST(ExaminationCoverageTest, SamplePresentationIsExaminedWhollyAutomatically) {
  Scenario s;
  ExaminationResult r = Examine(AdvisedState(s.lc), s.p, s.presented_on, BankingCalendar());
  EXPECT_TRUE(r.compliant());
  EXPECT_EQ(r.documents_presented, 6);
  EXPECT_EQ(r.documents_examined_automatically, 6);
  EXPECT_TRUE(r.manual_checks.empty());
  EXPECT_TRUE(r.disregarded_documents.empty());
}

}  // namespace
}  // namespace lcproc::trade
