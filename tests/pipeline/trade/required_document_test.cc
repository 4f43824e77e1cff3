#include "pipeline/trade/required_document.h"

#include <gtest/gtest.h>

#include <string>

namespace lcproc::trade {
namespace {

struct Wording {
  const char* name;
  const char* text;
  TradeDocumentType type;
  int originals;
  int copies;
  const char* issuer;
  const char* data_required;
};

class RequiredDocumentTest : public ::testing::TestWithParam<Wording> {};

TEST_P(RequiredDocumentTest, ReadsTypeCountsIssuerAndData) {
  const Wording& w = GetParam();
  RequiredDocument d = RecogniseRequiredDocument(w.text);
  EXPECT_EQ(TradeDocumentTypeName(d.type), TradeDocumentTypeName(w.type));
  EXPECT_EQ(d.originals, w.originals);
  EXPECT_EQ(d.copies, w.copies);
  EXPECT_EQ(d.issuer, w.issuer);
  EXPECT_EQ(d.data_required, w.data_required);
  EXPECT_EQ(d.text, w.text);
}

using T = TradeDocumentType;
INSTANTIATE_TEST_SUITE_P(
    Wordings, RequiredDocumentTest,
    ::testing::Values(
        Wording{"Invoice", "SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS AND 2 COPIES",
                T::kCommercialInvoice, 3, 2, "", ""},
        Wording{"FullSetIsNotANumber",
                "FULL SET CLEAN ON BOARD OCEAN BILL OF LADING MADE OUT TO ORDER", T::kBillOfLading,
                1, 0, "", ""},
        Wording{"OriginIssuedBy", "CERTIFICATE OF ORIGIN ISSUED BY VCCI", T::kCertificateOfOrigin,
                1, 0, "VCCI", ""},
        Wording{"Phytosanitary", "PHYTOSANITARY CERTIFICATE ISSUED BY PLANT PROTECTION DEPT",
                T::kPhytosanitaryCertificate, 1, 0, "PLANT PROTECTION DEPT", ""},
        Wording{"SightDraft", "SIGHT DRAFT DRAWN ON ISSUING BANK", T::kDraft, 1, 0, "", ""},
        Wording{"BillOfExchangeInDuplicate", "BILLS OF EXCHANGE IN DUPLICATE", T::kDraft, 2, 0, "",
                ""},
        Wording{"CharterPartyBeforeBillOfLading", "FULL SET CHARTER PARTY BILLS OF LADING",
                T::kCharterPartyBillOfLading, 1, 0, "", ""},
        Wording{"CombinedTransport", "COMBINED TRANSPORT BILL OF LADING",
                T::kMultimodalTransportDocument, 1, 0, "", ""},
        Wording{"SeaWaybill", "NON-NEGOTIABLE SEA WAYBILL", T::kSeaWaybill, 1, 0, "", ""},
        Wording{"AirWaybill", "AIR WAYBILL CONSIGNED TO APPLICANT MARKED FREIGHT PREPAID",
                T::kAirTransportDocument, 1, 0, "", ""},
        Wording{"Cmr", "CMR ROAD CONSIGNMENT NOTE", T::kRoadTransportDocument, 1, 0, "", ""},
        Wording{"Railway", "RAILWAY CONSIGNMENT NOTE", T::kRailTransportDocument, 1, 0, "", ""},
        Wording{"WordsMatchWhole", "TRAILER INTERCHANGE RECEIPT", T::kOtherDocument, 1, 0, "", ""},
        Wording{"Rail", "RAIL WAYBILL", T::kRailTransportDocument, 1, 0, "", ""},
        Wording{"Courier", "COURIER RECEIPT", T::kCourierReceipt, 1, 0, "", ""},
        Wording{"Post", "CERTIFICATE OF POSTING", T::kPostReceipt, 1, 0, "", ""},
        Wording{
            "BeneficiaryCertificateBeforeBillOfLadingWords",
            "BENEFICIARY'S CERTIFICATE CERTIFYING THAT COPIES OF THE BILL OF LADING HAVE BEEN SENT",
            T::kBeneficiaryCertificate, 1, 0, "BENEFICIARY",
            "COPIES OF THE BILL OF LADING HAVE BEEN SENT"},
        Wording{"InspectionWithStatement",
                "INSPECTION CERTIFICATE ISSUED BY SGS CERTIFYING QUALITY AS PER CONTRACT",
                T::kInspectionCertificate, 1, 0, "SGS", "QUALITY AS PER CONTRACT"},
        Wording{"WeightInCopies", "WEIGHT CERTIFICATE IN 3 COPIES", T::kWeightCertificate, 0, 3, "",
                ""},
        Wording{"Analysis", "CERTIFICATE OF ANALYSIS", T::kAnalysisCertificate, 1, 0, "", ""},
        Wording{"Quality", "QUALITY CERTIFICATE", T::kQualityCertificate, 1, 0, "", ""},
        Wording{"Health", "VETERINARY CERTIFICATE", T::kHealthCertificate, 1, 0, "", ""},
        Wording{"Fumigation", "FUMIGATION CERTIFICATE", T::kFumigationCertificate, 1, 0, "", ""},
        Wording{"AnyOtherDocumentKept", "WEIGHT NOTE", T::kOtherDocument, 1, 0, "", ""},
        Wording{"ProformaIsNotTheInvoice", "COPY OF PROFORMA INVOICE", T::kOtherDocument, 1, 0, "",
                ""},
        Wording{"OtherWithIssuerAndData",
                "PACKING DECLARATION ISSUED BY SHIPPER STATING NO SOLID WOOD PACKING MATERIAL",
                T::kOtherDocument, 1, 0, "SHIPPER", "NO SOLID WOOD PACKING MATERIAL"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(RequiredFreightTest, ReadsTheMarkingAsked) {
  RequiredDocument d;
  d.text = "FULL SET CLEAN ON BOARD BILLS OF LADING MARKED FREIGHT PREPAID";
  EXPECT_EQ(RequiredFreight(d), FreightTerms::kPrepaid);
  d.text = "AIR WAYBILL MARKED FREIGHT COLLECT";
  EXPECT_EQ(RequiredFreight(d), FreightTerms::kCollect);
  d.text = "FULL SET CLEAN ON BOARD BILLS OF LADING";
  EXPECT_EQ(RequiredFreight(d), FreightTerms::kNotStated);
}

TEST(RequiredDocumentTest, EveryTypeHasAStableName) {
  for (TradeDocumentType t : kAllTradeDocumentTypes) {
    auto parsed = ParseTradeDocumentType(TradeDocumentTypeName(t));
    ASSERT_TRUE(parsed.ok()) << TradeDocumentTypeName(t);
    EXPECT_EQ(*parsed, t);
  }
}

}  // namespace
}  // namespace lcproc::trade
