#include "pipeline/formats/json_codec.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/testing/source_file.h"

namespace lcproc::formats {
namespace {

std::string ReadExample(const std::string& type) {
  return testing::ReadSourceFile("schemas/examples/" + type + ".json");
}

trade::LetterOfCredit Credit() {
  auto doc = DecodeJson(ReadExample("letterOfCredit"));
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::get<trade::LetterOfCredit>(*doc);
}

// Replaces the first `from` in `text` by `to`.
std::string With(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(JsonCodecTest, DecodesTheCreditExample) {
  trade::LetterOfCredit lc = Credit();
  EXPECT_EQ(lc.credit_number, "LC-2026-0042");
  EXPECT_EQ(lc.amount.currency.str(), "USD");
  EXPECT_EQ(lc.amount.minor, 12500000);
  EXPECT_EQ(lc.applicant.country.str(), "DE");
  EXPECT_EQ(lc.beneficiary.country.str(), "VN");
  EXPECT_EQ(lc.expiry_date.ToIso(), "2026-04-30");
  ASSERT_TRUE(lc.tolerance.has_value());
  EXPECT_EQ(lc.tolerance->plus, 5);
  EXPECT_EQ(lc.available_with.by, trade::AvailableBy::kNegotiation);
  EXPECT_EQ(lc.partial_shipments, trade::ShipmentPermission::kNotAllowed);
  EXPECT_EQ(lc.incoterm, trade::Incoterm::kCif);
  ASSERT_EQ(lc.goods.size(), 1u);
  EXPECT_EQ(lc.goods[0].quantity->thousandths, 250000);
  ASSERT_EQ(lc.documents_required.size(), 5u);
  EXPECT_EQ(lc.documents_required[1].type, trade::TradeDocumentType::kBillOfLading);
  EXPECT_EQ(lc.issuing_bank.str(), "COBADEHH");
}

TEST(JsonCodecTest, EncodeThenDecodeGivesTheSameDocument) {
  trade::Document doc = Credit();
  auto again = DecodeJson(EncodeJson(doc));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, doc);
}

TEST(JsonCodecTest, ErrorsCarryTheJsonPointerOfTheField) {
  const std::string body = ReadExample("letterOfCredit");
  struct Case {
    std::string from, to, message;
  } cases[] = {
      {R"("currency": "USD", "amount": "125000.00")", R"("currency": "USX", "amount": "125000.00")",
       "/amount/currency: "},
      {R"("amount": "125000.00")", R"("amount": 125000.00)",
       "/amount/amount: must be a decimal string"},
      {R"("amount": "125000.00")", R"("amount": "125000.001")", "/amount/amount: "},
      {R"("country": "VN")", R"("country": "XX")", "/beneficiary/country: "},
      {R"("dateOfIssue": "2026-01-15")", R"("dateOfIssue": "2026-02-30")", "/dateOfIssue: "},
      {R"("by": "negotiation")", R"("by": "barter")", "/availableWith/by: "},
      {R"("issuingBank": "COBADEHH")", R"("issuingBank": "COBA")", "/issuingBank: "},
      {R"("type": "billOfLading")", R"("type": "billOfLading", "colour": "red")",
       "/documentsRequired/1/colour: unknown member"},
      {R"("creditNumber": "LC-2026-0042",)", "", "/creditNumber: is required"},
      {R"("plus": 5)", R"("plus": "5")", "/tolerance/plus: must be an integer"},
      {R"("amountAbout": false)", R"("amountAbout": null)", "/amountAbout: null is not allowed"},
      {R"("type": "letterOfCredit")", R"("type": "letterOfCredit", "a/b~c": 1)",
       "/a~1b~0c: unknown member"},
  };
  for (const Case& c : cases) {
    auto doc = DecodeJson(With(body, c.from, c.to));
    ASSERT_FALSE(doc.ok()) << c.to;
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument) << c.to;
    EXPECT_EQ(doc.status().message().rfind(c.message, 0), 0u)
        << doc.status().message() << " should start with " << c.message;
  }
}

// Boost.JSON would keep the last of two equal members; two readers of one signed body
// must never see different documents, so duplicates are refused with their pointer.
TEST(JsonCodecTest, RefusesDuplicateMembers) {
  const std::string body = ReadExample("letterOfCredit");
  auto doc = DecodeJson(With(body, R"("creditNumber": "LC-2026-0042",)",
                             R"("creditNumber": "LC-2026-0042", "creditNumber": "LC-9",)"));
  EXPECT_EQ(doc.status().message(), "/creditNumber: member appears twice");
  doc = DecodeJson(With(body, R"("plus": 5)", R"("plus": 5, "plu\u0073": 6)"));
  EXPECT_EQ(doc.status().message(), "/tolerance/plus: member appears twice");
  doc =
      DecodeJson(With(body, R"("type": "billOfLading")", R"("type": "billOfLading", "type": "x")"));
  EXPECT_EQ(doc.status().message(), "/documentsRequired/1/type: member appears twice");
}

TEST(JsonCodecTest, RefusesUnknownOrMissingType) {
  EXPECT_EQ(DecodeJson(R"({"type": "invoice"})").status().message(),
            "/type: unknown document type 'invoice'");
  EXPECT_EQ(DecodeJson(R"({"creditNumber": "X"})").status().message(), "/type: is required");
  EXPECT_EQ(DecodeJson("[1]").status().message(), "/: a document must be a JSON object");
}

TEST(JsonCodecTest, RefusesMalformedAndOversizeBodies) {
  EXPECT_EQ(DecodeJson("{\"type\": ").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(DecodeJson("{\"type\": \"\xff\"}").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(DecodeJson(std::string(kMaxJsonBodyBytes + 1, ' ')).status().code(),
            StatusCode::kResourceExhausted);
  std::string deep = std::string(100, '[') + std::string(100, ']');
  EXPECT_EQ(DecodeJson(deep).status().code(), StatusCode::kResourceExhausted);
}

TEST(JsonCodecTest, RefusesArraysBeyondTheLimit) {
  std::string lines;
  for (int i = 0; i < 1001; ++i) lines += std::string(i ? "," : "") + "\"X\"";
  auto doc =
      DecodeJson(With(ReadExample("letterOfCredit"),
                      R"(["ALL DOCUMENTS MUST QUOTE THE CREDIT NUMBER"])", "[" + lines + "]"));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(), "/additionalConditions: has 1001 items, at most 1000 allowed");
}

TEST(JsonCodecTest, PrettyJsonIndentsAndParsesBack) {
  std::string pretty = PrettyJson(EncodeJsonDocument(Credit()));
  EXPECT_EQ(pretty.rfind("{\n  \"type\": \"letterOfCredit\",\n", 0), 0u);
  EXPECT_TRUE(DecodeJson(pretty).ok());
}

}  // namespace
}  // namespace lcproc::formats
