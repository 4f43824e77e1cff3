#include "pipeline/formats/json_schema.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/testing/source_file.h"

namespace lcproc::formats {
namespace {

std::string SchemaPath(trade::DocumentType type) {
  return testing::SourcePath("schemas/json/" + std::string(trade::DocumentTypeName(type)) +
                             ".schema.json");
}

class JsonSchemaTest : public ::testing::TestWithParam<trade::DocumentType> {};

// The committed schema is exactly what the codec's field lists produce. After changing a
// FieldList, run this test with LCPROC_UPDATE_SCHEMAS=1 to rewrite schemas/json/.
TEST_P(JsonSchemaTest, CommittedSchemaMatchesTheCodec) {
  std::string generated = JsonSchemaFor(GetParam());
  const char* update = std::getenv("LCPROC_UPDATE_SCHEMAS");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(SchemaPath(GetParam())) << generated;
  }
  std::ifstream in(SchemaPath(GetParam()));
  ASSERT_TRUE(in.good()) << SchemaPath(GetParam()) << " is missing";
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), generated);
}

TEST_P(JsonSchemaTest, IsAClosedObjectNamingItsType) {
  boost::json::object schema = boost::json::parse(JsonSchemaFor(GetParam())).as_object();
  EXPECT_EQ(schema.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema.at("additionalProperties"), false);
  EXPECT_EQ(schema.at("properties").at("type").at("const").as_string(),
            trade::DocumentTypeName(GetParam()));
  EXPECT_EQ(schema.at("required").as_array().at(0), "type");
  EXPECT_TRUE(schema.at("properties").as_object().contains("creditNumber"));
}

INSTANTIATE_TEST_SUITE_P(AllDocumentTypes, JsonSchemaTest,
                         ::testing::ValuesIn(trade::kAllDocumentTypes), [](const auto& info) {
                           return std::string(trade::DocumentTypeName(info.param));
                         });

}  // namespace
}  // namespace lcproc::formats
