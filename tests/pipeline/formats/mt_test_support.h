// Helpers shared by the category 7 message tests (mt730_test.cc … mt754_test.cc).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/swift_message.h"
#include "tests/testing/source_file.h"

namespace lcproc::formats::testing_mt {

inline std::string Sample(const std::string& name) {
  return testing::ReadSourceFile("tests/testdata/swift/" + name);
}

template <class T>
T Example(const std::string& type) {
  auto doc = DecodeJson(testing::ReadSourceFile("schemas/examples/" + type + ".json"));
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::get<T>(*doc);
}

inline trade::Bic BicOf(const std::string& s) { return trade::Bic::Parse(s).value(); }

// The block 4 fields of two messages agree (tags and lines, in order).
inline void ExpectSameFields(const std::string& written, const std::string& original) {
  auto a = ParseSwiftMessage(written);
  auto b = ParseSwiftMessage(original);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(a->fields.size(), b->fields.size()) << written;
  for (size_t i = 0; i < a->fields.size(); ++i) {
    EXPECT_EQ(a->fields[i].tag, b->fields[i].tag) << written;
    EXPECT_EQ(a->fields[i].lines, b->fields[i].lines) << written;
  }
  EXPECT_EQ(a->basic_header, b->basic_header);
  EXPECT_EQ(a->application_header.substr(0, 16), b->application_header.substr(0, 16));
}

}  // namespace lcproc::formats::testing_mt
