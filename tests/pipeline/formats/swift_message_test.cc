#include "pipeline/formats/swift_message.h"

#include <gtest/gtest.h>

#include <string>

namespace lcproc::formats {
namespace {

// Blocks 1 to 3 on line 1, then fields from line 2.
std::string Message(const std::string& block4_lines) {
  return "{1:F01COBADEHHAXXX0000000000}{2:I700BFTVVNVXXXXXN}{3:{108:REF1}}{4:\r\n" + block4_lines +
         "-}{5:{CHK:123456789ABC}}\r\n";
}

TEST(SwiftMessageTest, SplitsBlocksAndMultiLineFields) {
  auto m = ParseSwiftMessage(
      Message(":20:LC-1\r\n:50:MUELLER GMBH\r\nHAFENSTRASSE 12\r\nDE\r\n:32B:USD1,00\r\n"));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->basic_header, "F01COBADEHHAXXX0000000000");
  EXPECT_EQ(m->application_header, "I700BFTVVNVXXXXXN");
  EXPECT_EQ(m->user_header, "{108:REF1}");
  EXPECT_EQ(m->trailer, "{CHK:123456789ABC}");
  EXPECT_EQ(m->MessageType(), "700");
  ASSERT_EQ(m->fields.size(), 3u);
  EXPECT_EQ(m->fields[1].tag, "50");
  EXPECT_EQ(m->fields[1].Value(), "MUELLER GMBH\nHAFENSTRASSE 12\nDE");
  EXPECT_EQ(m->fields[1].line, 3);
  EXPECT_EQ(m->fields[2].line, 6);
  ASSERT_NE(m->FindOption("32"), nullptr);
  EXPECT_EQ(m->FindOption("32")->tag, "32B");
}

TEST(SwiftMessageTest, AcceptsBareLineFeeds) {
  auto m = ParseSwiftMessage("{1:F01COBADEHHAXXX0000000000}{2:I707BFTVVNVXXXXXN}{4:\n:20:X\n-}\n");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->MessageType(), "707");
  EXPECT_EQ(m->fields[0].Value(), "X");
}

TEST(SwiftMessageTest, SenderAndReceiverBicsComeFromTheHeaders) {
  auto m = ParseSwiftMessage(Message(":20:LC-1\r\n"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(SwiftSenderBic(*m).value(), "COBADEHH");
  EXPECT_EQ(SwiftReceiverBic(*m).value(), "BFTVVNVX");
  SwiftMessage out = *m;
  out.basic_header = "F01BFTVVNVXAXXX0000000000";
  out.application_header = "O7001200260115COBADEHHAXXX04201234562601151200N";
  EXPECT_EQ(SwiftSenderBic(out).value(), "COBADEHH");
  EXPECT_EQ(SwiftReceiverBic(out).value(), "BFTVVNVX");
}

TEST(SwiftMessageTest, WriteThenParseGivesTheSameMessage) {
  auto m = ParseSwiftMessage(Message(":20:LC-1\r\n:45A:+COFFEE\r\nCIF HAMBURG\r\n"));
  ASSERT_TRUE(m.ok());
  auto again = ParseSwiftMessage(WriteSwiftMessage(*m));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->fields, m->fields);
  EXPECT_EQ(again->trailer, m->trailer);
}

TEST(SwiftMessageTest, RefusesCharacterOutsideXSetWithLineAndTag) {
  auto m = ParseSwiftMessage(Message(":20:LC-1\r\n:50:COFFEE\r\nBEANS & HUSKS\r\n"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kMalformed);
  EXPECT_EQ(m.status().message(),
            "line 4: tag 50: character '&' (0x26) is not in the SWIFT X character set");
}

// Standards Release 2018 on: 45A, 46A, 47A (MT700/701) and 45B, 46B, 47B (MT707/708) are
// 100*65z, like 49G/H/M/N; before, lcproc refused a documents clause with "&" or "%".
TEST(SwiftMessageTest, GoodsDocumentsAndConditionsFieldsAreOfFormatZ) {
  for (const char* tag : {"45A", "46A", "47A", "45B", "46B", "47B", "49G", "49N"}) {
    auto m =
        ParseSwiftMessage(Message(":20:X\r\n:" + std::string(tag) +
                                  ":+INSURANCE FOR 110% OF CIF VALUE\r\n+M/S A & B; \"C\"\r\n"));
    EXPECT_TRUE(m.ok()) << tag << ": " << m.status().ToString();
  }
  // The z set still has limits: a byte outside it is refused with line and tag.
  auto bad = ParseSwiftMessage(Message(":20:X\r\n:46A:+CERTIFICATE ~\r\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "line 3: tag 46A: character '~' (0x7E) is not in the SWIFT Z character set");
}

TEST(SwiftMessageTest, RefusesOverlongLine) {
  auto m = ParseSwiftMessage(Message(":20:LC-1\r\n:47A:" + std::string(66, 'A') + "\r\n"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "line 3: tag 47A: line has 66 characters, more than 65");
}

TEST(SwiftMessageTest, RefusesUnclosedTextBlock) {
  auto m = ParseSwiftMessage("{1:F01COBADEHHAXXX0000000000}{2:I700BFTVVNVXXXXXN}{4:\r\n:20:X\r\n");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "line 3: block 4 is not closed with '-}'");
}

TEST(SwiftMessageTest, RefusesTextBeforeTheFirstTag) {
  auto m = ParseSwiftMessage(Message("HELLO\r\n:20:X\r\n"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "line 2: block 4 must start with a :tag: field");
}

TEST(SwiftMessageTest, RefusesContinuationLineStartingWithColon) {
  auto m = ParseSwiftMessage(Message(":20:X\r\n:45A:GOODS\r\n:BAD\r\n"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "line 4: tag 45A: a line may not start with ':'");
}

TEST(SwiftMessageTest, RefusesMissingOrMisorderedBlocks) {
  EXPECT_FALSE(ParseSwiftMessage("").ok());
  EXPECT_FALSE(ParseSwiftMessage("{2:I700BFTVVNVXXXXXN}{4:\r\n:20:X\r\n-}").ok());
  auto m = ParseSwiftMessage("{2:I700BFTVVNVXXXXXN}{1:F01COBADEHHAXXX0000000000}");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "line 1: block 1 out of order");
  EXPECT_FALSE(ParseSwiftMessage("garbage").ok());
  EXPECT_FALSE(ParseSwiftMessage("{1:F01COBADEHHAXXX0000000000").ok());
}

TEST(SwiftMessageTest, RefusesOversizeMessageBeforeReadingIt) {
  auto m = ParseSwiftMessage(std::string(kMaxSwiftMessageBytes + 1, 'A'));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kResourceExhausted);
}

TEST(SwiftMessageTest, FieldShapeErrorsNameLineAndTag) {
  SwiftField f{"50", {"A", "B", "C", "D", "E"}, 7};
  Status s = CheckFieldShape(f, 4, 35);
  EXPECT_EQ(s.message(), "line 7, tag 50: has 5 lines, at most 4 allowed");
  SwiftField wide{"59", {"NAME", std::string(36, 'X')}, 9};
  EXPECT_EQ(CheckFieldShape(wide, 4, 35).message(),
            "line 10, tag 59: line longer than 35 characters");
  EXPECT_TRUE(CheckFieldShape(SwiftField{"20", {"LC-1"}, 2}, 1, 16).ok());
}

TEST(SwiftMessageTest, RefusesSequenceNeedingContinuation) {
  auto m = ParseSwiftMessage(Message(":27:1/2\r\n:20:X\r\n"));
  ASSERT_TRUE(m.ok());
  Status s = RequireSingleMessage(*m);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(
      s.message(),
      "line 2, tag 27: message 1/2 is part of a sequence; this message type is never continued");
  auto single = ParseSwiftMessage(Message(":27:1/1\r\n:20:X\r\n"));
  EXPECT_TRUE(RequireSingleMessage(*single).ok());
}

// Fuzzing fault 3 (issue 12): blocks 1 and 2 were barely checked. The fuzzer's minimal
// input had a 16-character block 1 and a block 2 without a receiver.
TEST(SwiftMessageTest, RefusesTheFuzzersShortBasicHeader) {
  auto m =
      ParseSwiftMessage("{1:F01COADEHAX2020}{2:I707}{4:\n:20:5\n:26E:1\n:30:260210\n:59:2\n-}");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(
      m.status().message(),
      "line 1: block 1 must be 25 characters (F01, terminal address, session, sequence), not 15");
}

TEST(SwiftMessageTest, RefusesBinaryBytesInHeaderBlocks) {
  std::string b1 = "{1:F01COBADEHHAXXX0000000000}{2:I700BFTVVNVXXXXXN}{4:\n:20:X\n-}";
  b1[10] = '\x01';
  auto m = ParseSwiftMessage(b1);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(
      m.status().message(),
      "line 1: block 1 terminal address: character 0x01 is not an upper-case letter or digit");
  auto b3 = ParseSwiftMessage(
      "{1:F01COBADEHHAXXX0000000000}{2:I700BFTVVNVXXXXXN}{3:{108:A\x7F}}{4:\n:20:X\n-}");
  ASSERT_FALSE(b3.ok());
  EXPECT_EQ(b3.status().message(), "line 1: block 3: character 0x7F is not printable ASCII");
}

TEST(SwiftMessageTest, ChecksBasicHeaderStructure) {
  struct Case {
    std::string block1, message;
  } cases[] = {
      {"A01COBADEHHAXXX0000000000",
       "line 1: block 1 must start with F01 (FIN application, service 01)"},
      {"F01COBADEHH1XXX0000000000",
       "line 1: block 1 terminal address 'COBADEHH1XXX' has no terminal letter in position 9"},
      {"F011OBADEHHAXXX0000000000",
       "line 1: block 1 terminal address '1OBADEHHAXXX' holds no valid BIC: "},
      {"F01COBADEHHAXXX00000000X0",
       "line 1: block 1 session and sequence numbers must be 10 digits"},
  };
  for (const Case& c : cases) {
    auto m = ParseSwiftMessage("{1:" + c.block1 + "}{2:I700BFTVVNVXXXXXN}{4:\n:20:X\n-}");
    ASSERT_FALSE(m.ok()) << c.block1;
    EXPECT_EQ(m.status().message().substr(0, c.message.size()), c.message) << m.status().message();
  }
}

// A block 2 that is neither input nor output used to make the receiver fall back to block
// 1's sender: the advising bank silently became the issuing bank.
TEST(SwiftMessageTest, NeverTakesTheReceiverFromBlockOne) {
  auto m = ParseSwiftMessage("{1:F01COBADEHHAXXX0000000000}{2:X700BFTVVNVXXXXXN}{4:\n:20:X\n-}");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "line 1: block 2 must start with I (input) or O (output)");
  SwiftMessage handmade;
  handmade.basic_header = "F01COBADEHHAXXX0000000000";
  handmade.application_header = "X700BFTVVNVXXXXXN";
  EXPECT_FALSE(SwiftReceiverBic(handmade).ok());
  EXPECT_FALSE(SwiftSenderBic(handmade).ok());
}

TEST(SwiftMessageTest, ChecksApplicationHeaderForms) {
  struct Case {
    std::string block2;
    bool ok;
  } cases[] = {
      {"I700BFTVVNVXXXXX", true},
      {"I700BFTVVNVXXXXXN", true},
      {"I700BFTVVNVXXXXXU3", true},
      {"I700BFTVVNVXXXXXU3003", true},
      {"I700BFTVVNVXXXXXQ", false},
      {"I700BFTVVNVXXXXXN4", false},
      {"I7X0BFTVVNVXXXXXN", false},
      {"I700BFTVVNVX", false},
      {"I700BFTVVNVXXXXXN2AB1", false},
      {"O7001200260115COBADEHHAXXX04201234562601151200N", true},
      {"O7001200260115COBADEHHAXXX0420123456260115120", false},
  };
  for (const Case& c : cases) {
    auto m = ParseSwiftMessage("{1:F01BFTVVNVXAXXX0000000000}{2:" + c.block2 + "}{4:\n:20:X\n-}");
    EXPECT_EQ(m.ok(), c.ok) << c.block2 << ": " << m.status().ToString();
  }
}

TEST(SwiftMessageTest, ReadsSeveralMessagesSeparatedBySpaceOrDollar) {
  std::string one = "{1:F01COBADEHHAXXX0000000000}{2:I700BFTVVNVXXXXXN}{4:\r\n:20:A\r\n-}";
  std::string two = "{1:F01COBADEHHAXXX0000000000}{2:I701BFTVVNVXXXXXN}{4:\r\n:20:B\r\n-}";
  auto joined = ParseSwiftMessages(one + two);
  ASSERT_TRUE(joined.ok()) << joined.status().ToString();
  ASSERT_EQ(joined->size(), 2u);
  EXPECT_EQ((*joined)[1].MessageType(), "701");
  auto rje = ParseSwiftMessages(one + "\r\n$\r\n" + two + "\r\n");
  ASSERT_TRUE(rje.ok()) << rje.status().ToString();
  ASSERT_EQ(rje->size(), 2u);
  EXPECT_EQ((*rje)[1].fields[0].line, 6);  // line numbers count through the file
  EXPECT_EQ(ParseSwiftMessages("$" + one).status().message(),
            "line 1: '$' separates messages; none came before it");
  EXPECT_EQ(ParseSwiftMessage(one + two).status().message().substr(0, 39),
            "line 3: text after the end of the messa");
}

TEST(SwiftMessageTest, NarrativeFieldsOfFormatZAcceptTheZSet) {
  EXPECT_TRUE(ParseSwiftMessage(Message(":20:X\r\n:77J:+A_B 5% \"C\" <D> & E;\r\n")).ok());
  auto x = ParseSwiftMessage(Message(":20:X\r\n:78:A_B\r\n"));
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.status().message(),
            "line 3: tag 78: character '_' (0x5F) is not in the SWIFT X character set");
}

}  // namespace
}  // namespace lcproc::formats
