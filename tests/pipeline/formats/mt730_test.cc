#include "pipeline/formats/mt730.h"

#include <gtest/gtest.h>

#include "tests/pipeline/formats/mt_test_support.h"

namespace lcproc::formats {
namespace {

using testing_mt::BicOf;
using testing_mt::Example;
using testing_mt::Sample;

TEST(Mt730Test, ReadsTheAcknowledgementAsTheAdvice) {
  auto mt = ParseMt730(Sample("mt730_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok()) << mt.status().ToString();
  EXPECT_EQ(mt->advice, Example<trade::Advice>("advice"));
  EXPECT_EQ(mt->sender_reference, "BFTV-ADV-77");
  EXPECT_EQ(mt->receiver.str(), "COBADEHH");
  ASSERT_EQ(mt->extra_fields.size(), 2u);
  EXPECT_EQ(mt->extra_fields[0], (trade::ExtraField{"25", "0071000999"}));
  EXPECT_EQ(mt->extra_fields[1], (trade::ExtraField{"72Z", "/PHONBEN/"}));
}

TEST(Mt730Test, MessageToAdviceToMessage) {
  auto mt = ParseMt730(Sample("mt730_lc_2026_0042.txt"));
  ASSERT_TRUE(mt.ok());
  auto text = WriteMt730(*mt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  testing_mt::ExpectSameFields(*text, Sample("mt730_lc_2026_0042.txt"));
  EXPECT_EQ(ParseMt730(*text).value(), *mt);
}

TEST(Mt730Test, AdviceToMessageToAdvice) {
  Mt730 mt;
  mt.advice = Example<trade::Advice>("advice");
  mt.receiver = BicOf("COBADEHH");
  for (bool confirmed : {false, true}) {
    for (bool named : {false, true}) {
      mt.advice.confirmation_added = confirmed;
      mt.advice.confirming_bank =
          named ? std::optional<trade::Bic>(BicOf("DEUTDEFF")) : std::nullopt;
      auto text = WriteMt730(mt);
      ASSERT_TRUE(text.ok()) << text.status().ToString();
      auto back = ParseMt730(*text);
      ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << *text;
      EXPECT_EQ(back->advice, mt.advice) << *text;
    }
  }
}

TEST(Mt730Test, ErrorsNameLineAndTag) {
  std::string text = Sample("mt730_lc_2026_0042.txt");
  auto at = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return ParseMt730(t).status().message();
  };
  EXPECT_EQ(at(":30:260116", ":30:261316").substr(0, 16), "line 5, tag 30: ");
  EXPECT_EQ(at(":21:LC-2026-0042", ":21:/LC"),
            "line 3, tag 21: a reference may not start or end with '/' or contain '//'");
  // Optional in the standard (SR 2018 on), needed by lcproc: said so, not "mandatory".
  EXPECT_EQ(at(":30:260116\n", ""),
            "block 4: field 30 (date of the message acknowledged) is optional in MT730, but "
            "lcproc records the advice on that date: the MT730 must carry it");
  EXPECT_EQ(at(":20:BFTV-ADV-77\n", ""), "block 4: mandatory field 20 is missing");
  EXPECT_EQ(at(":79Z:WE ADVISE", ":79Z:/CONFBANK/\nWE ADVISE"),
            "line 7, tag 79Z: /CONFBANK/: needs the confirming bank's BIC");
  EXPECT_EQ(at(":25:0071000999", ":25:0071000999\n:25:1"), "line 5, tag 25: appears twice");
  // Network-validated rules C1 (25 or 57a, not both) and C2 (no 57a with 32D).
  EXPECT_EQ(at(":30:260116", ":30:260116\n:57A:DEUTDEFF"),
            "block 4: field 25 or field 57A, not both (MT730 rule C1)");
  EXPECT_EQ(at(":25:0071000999\n:30:260116", ":30:260116\n:32D:260116USD50,00\n:57A:DEUTDEFF"),
            "block 4: field 57A is not allowed with field 32D (MT730 rule C2)");
}

}  // namespace
}  // namespace lcproc::formats
