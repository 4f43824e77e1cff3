// Every example in schemas/examples/ is a complete document of its type: it decodes, it
// re-encodes to the same JSON, it survives the Cap'n Proto form, and it carries every
// property its JSON Schema requires.
#include "pipeline/formats/json_codec.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/formats/capnp_codec.h"

#include "tests/testing/source_file.h"

namespace lcproc::formats {
namespace {

class ExampleTest : public ::testing::TestWithParam<trade::DocumentType> {
 protected:
  std::string Name() const { return std::string(trade::DocumentTypeName(GetParam())); }
  std::string Example() const {
    return testing::ReadSourceFile("schemas/examples/" + Name() + ".json");
  }
  std::string Schema() const {
    return testing::ReadSourceFile("schemas/json/" + Name() + ".schema.json");
  }
};

TEST_P(ExampleTest, DecodesAsItsType) {
  auto doc = DecodeJson(Example());
  ASSERT_TRUE(doc.ok()) << Name() << ": " << doc.status().ToString();
  EXPECT_EQ(trade::TypeOf(*doc), GetParam());
}

TEST_P(ExampleTest, ReEncodesToTheSameJson) {
  auto doc = DecodeJson(Example());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  boost::json::value expected = boost::json::parse(Example());
  EXPECT_EQ(EncodeJsonDocument(*doc), expected)
      << "encoded: " << EncodeJson(*doc) << "\nexample: " << boost::json::serialize(expected);
}

TEST_P(ExampleTest, SurvivesCapnpRoundTrip) {
  auto doc = DecodeJson(Example());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto bytes = EncodeCapnp(*doc);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto again = DecodeCapnp(*bytes);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, *doc);
}

// A full JSON Schema validator runs in schemas/validate/ (ajv); this check needs no node:
// every property the schema requires is in the example, and every example member is a
// property the schema declares.
TEST_P(ExampleTest, HasEveryRequiredPropertyOfItsSchema) {
  boost::json::value schema = boost::json::parse(Schema());
  boost::json::object example = boost::json::parse(Example()).as_object();
  const boost::json::object& s = schema.as_object();
  EXPECT_EQ(s.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  for (const auto& required : s.at("required").as_array()) {
    EXPECT_TRUE(example.contains(required.as_string())) << Name() << " lacks " << required;
  }
  const boost::json::object& properties = s.at("properties").as_object();
  for (const auto& kv : example) {
    EXPECT_TRUE(properties.contains(kv.key())) << Name() << ": schema lacks " << kv.key();
  }
}

// The further examples of one type, "presentation.air.json" …: one per typed trade
// document (each transport document of art. 19 to 25, the certificates, other documents),
// each realistic and each checked as above. ajv validates the same files.
constexpr const char* kPresentationVariants[] = {
    "air", "charterParty", "inlandWaterway", "multimodal", "rail", "road", "seaWaybill"};

class PresentationVariantTest : public ::testing::TestWithParam<const char*> {
 protected:
  std::string Example() const {
    return testing::ReadSourceFile("schemas/examples/presentation." + std::string(GetParam()) +
                                   ".json");
  }
};

TEST_P(PresentationVariantTest, DecodesReEncodesAndSurvivesCapnp) {
  auto doc = DecodeJson(Example());
  ASSERT_TRUE(doc.ok()) << GetParam() << ": " << doc.status().ToString();
  ASSERT_EQ(trade::TypeOf(*doc), trade::DocumentType::kPresentation);
  EXPECT_EQ(EncodeJsonDocument(*doc), boost::json::parse(Example())) << EncodeJson(*doc);
  auto bytes = EncodeCapnp(*doc);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto again = DecodeCapnp(*bytes);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, *doc);
}

TEST(PresentationVariantTest, EveryTypedTradeDocumentHasAnExample) {
  std::string all = testing::ReadSourceFile("schemas/examples/presentation.json");
  for (const char* v : kPresentationVariants) {
    all += testing::ReadSourceFile("schemas/examples/presentation." + std::string(v) + ".json");
  }
  for (trade::TradeDocumentType t : trade::kAllTradeDocumentTypes) {
    std::string name(trade::TradeDocumentTypeName(t));
    if (t == trade::TradeDocumentType::kOtherDocument) name = "otherDocuments";
    EXPECT_NE(all.find("\"" + name + "\""), std::string::npos) << name << " has no example";
  }
}

INSTANTIATE_TEST_SUITE_P(Variants, PresentationVariantTest,
                         ::testing::ValuesIn(kPresentationVariants),
                         [](const auto& info) { return std::string(info.param); });

INSTANTIATE_TEST_SUITE_P(AllDocumentTypes, ExampleTest,
                         ::testing::ValuesIn(trade::kAllDocumentTypes), [](const auto& info) {
                           return std::string(trade::DocumentTypeName(info.param));
                         });

}  // namespace
}  // namespace lcproc::formats
