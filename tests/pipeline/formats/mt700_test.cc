#include "pipeline/formats/mt700.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/formats/document_codec.h"
#include "pipeline/formats/json_codec.h"

#include "tests/testing/source_file.h"

namespace lcproc::formats {
namespace {

std::string Sample() {
  return testing::ReadSourceFile("tests/testdata/swift/mt700_lc_2026_0042.txt");
}

std::string With(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

trade::LetterOfCredit ExampleCredit() {
  auto doc = DecodeJson(testing::ReadSourceFile("schemas/examples/letterOfCredit.json"));
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::get<trade::LetterOfCredit>(*doc);
}

TEST(Mt700Test, ParsesTheHandWrittenCredit) {
  auto lc = ParseMt700(Sample());
  ASSERT_TRUE(lc.ok()) << lc.status().ToString();
  EXPECT_EQ(lc->credit_number, "LC-2026-0042");
  EXPECT_EQ(lc->issuing_bank.str(), "COBADEHH");
  EXPECT_EQ(lc->advising_bank.str(), "BFTVVNVX");
  EXPECT_EQ(lc->date_of_issue.ToIso(), "2026-01-15");
  EXPECT_EQ(lc->expiry_date.ToIso(), "2026-04-30");
  EXPECT_EQ(lc->expiry_place, "HO CHI MINH CITY");
  EXPECT_EQ(lc->amount.ToDisplay(), "USD 125000.00");
  EXPECT_EQ(lc->beneficiary.account, "0071000123456");
  EXPECT_EQ(lc->beneficiary.country.str(), "VN");
  EXPECT_EQ(lc->applicant.address_lines.size(), 2u);
  EXPECT_EQ(lc->available_with.bank->str(), "BFTVVNVX");
  EXPECT_EQ(lc->available_with.by, trade::AvailableBy::kNegotiation);
  EXPECT_EQ(lc->partial_shipments, trade::ShipmentPermission::kNotAllowed);
  EXPECT_EQ(lc->latest_shipment_date->ToIso(), "2026-03-31");
  EXPECT_EQ(lc->incoterm, trade::Incoterm::kCif);
  EXPECT_EQ(lc->incoterm_place, "HAMBURG");
  ASSERT_EQ(lc->goods.size(), 1u);
  EXPECT_EQ(lc->goods[0].unit_price->ToDisplay(), "USD 500.00");
  ASSERT_EQ(lc->documents_required.size(), 5u);
  EXPECT_EQ(lc->documents_required[0].originals, 3);
  EXPECT_EQ(lc->documents_required[0].copies, 2);
  EXPECT_EQ(lc->documents_required[1].type, trade::TradeDocumentType::kBillOfLading);
  EXPECT_EQ(lc->documents_required[2].originals, 2);
  EXPECT_EQ(lc->presentation_period->days, 21);
  EXPECT_EQ(lc->charges, "ALL BANKING CHARGES OUTSIDE GERMANY ARE FOR ACCOUNT OF BENEFICIARY");
}

// The MT700 and the JSON example describe the same credit: only the tags lcproc does not
// model (51A applicant bank, 78 instructions) differ, and those are kept.
TEST(Mt700Test, AgreesWithTheJsonExampleAndKeepsUnknownTags) {
  auto lc = ParseMt700(Sample());
  ASSERT_TRUE(lc.ok()) << lc.status().ToString();
  ASSERT_EQ(lc->extra_fields.size(), 2u);
  EXPECT_EQ(lc->extra_fields[0], (trade::ExtraField{"51A", "COBADEHHXXX"}));
  EXPECT_EQ(lc->extra_fields[1].tag, "78");
  EXPECT_EQ(
      lc->extra_fields[1].value,
      "DOCUMENTS TO BE SENT TO COMMERZBANK AG, TRADE SERVICES,\nHAMBURG, IN ONE LOT BY COURIER");
  trade::LetterOfCredit without = *lc;
  without.extra_fields.clear();
  EXPECT_EQ(without, ExampleCredit());
}

TEST(Mt700Test, WriteThenParseGivesTheSameCredit) {
  auto lc = ParseMt700(Sample());
  ASSERT_TRUE(lc.ok());
  auto text = WriteMt700(*lc);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find(":78:DOCUMENTS TO BE SENT"), std::string::npos);
  EXPECT_LT(text->find(":49:WITHOUT"), text->find(":78:"));  // specification order
  auto again = ParseMt700(*text);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, *lc);

  trade::LetterOfCredit credit = ExampleCredit();
  credit.amount_about = true;
  credit.tolerance.reset();
  credit.shipment_period = trade::DateTerm::Parse("FIRST HALF 2026-03").value();
  credit.sender_to_receiver_info = "PLEASE ADVISE THE BENEFICIARY WITHOUT DELAY AND ACKNOWLEDGE";
  credit.available_with.bank.reset();
  auto written = WriteMt700(credit);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_NE(written->find(":41D:ANY BANK\r\nBY NEGOTIATION"), std::string::npos);
  auto back = ParseMt700(*written);
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << *written;
  EXPECT_EQ(*back, credit);
}

TEST(Mt700Test, MalformedFieldsNameLineAndTag) {
  struct Case {
    std::string from, to, message;
  } cases[] = {
      {":32B:USD125000,00", ":32B:USD125000.00",
       "line 18, tag 32B: amount must use a comma decimal separator"},
      {":32B:USD125000,00", ":32B:USX125000,00", "line 18, tag 32B: "},
      {":31C:260115", ":31C:261315", "line 5, tag 31C: "},
      {":31C:260115", ":31C:26011", "line 5, tag 31C: date must be YYMMDD"},
      {":40A:IRREVOCABLE", ":40A:REVOCABLE", "line 3, tag 40A: form 'REVOCABLE' is not"},
      {":43P:NOT ALLOWED", ":43P:PERHAPS", "line 24, tag 43P: expected ALLOWED"},
      {":39A:5/5", ":39A:FIVE", "line 19, tag 39A: tolerance must be nn/nn"},
      {":42A:COBADEHH", ":42A:COBA", "line 23, tag 42A: "},
      {":27:1/1", ":27:1/2", "line 2, tag 27: sequence of 2 messages, but 1 given: MT701"},
      {":49:WITHOUT", ":49:WITHOUT\r\n:49:CONFIRM", "tag 49: appears twice"},
      {":32B:USD125000,00\r\n", "", "block 4: mandatory field 32B is missing"},
      {"I700BFTVVNVX", "I707BFTVVNVX", "line 1: block 2 names MT707, not MT700"},
  };
  for (const Case& c : cases) {
    auto lc = ParseMt700(With(Sample(), c.from, c.to));
    ASSERT_FALSE(lc.ok()) << c.to;
    EXPECT_EQ(lc.status().code(), StatusCode::kMalformed) << c.to;
    EXPECT_NE(lc.status().message().find(c.message), std::string::npos)
        << lc.status().message() << "\n  should contain: " << c.message;
  }
}

// Issue 12: a credit may require any document. The example credit with one more 46A line
// goes in, typed where lcproc knows the document and kept with its wording otherwise, and
// survives the way back to MT700.
TEST(Mt700Test, KeepsEveryDocumentTheCreditRequires) {
  struct Case {
    std::string line;
    trade::TradeDocumentType type;
    std::string issuer;
  } cases[] = {
      {"+PHYTOSANITARY CERTIFICATE ISSUED BY PLANT PROTECTION DEPT",
       trade::TradeDocumentType::kPhytosanitaryCertificate, "PLANT PROTECTION DEPT"},
      {"+SIGHT DRAFT DRAWN ON ISSUING BANK", trade::TradeDocumentType::kDraft, ""},
      {"+WEIGHT NOTE", trade::TradeDocumentType::kOtherDocument, ""},
      {"+AIR WAYBILL CONSIGNED TO THE APPLICANT", trade::TradeDocumentType::kAirTransportDocument,
       ""},
  };
  for (const Case& c : cases) {
    auto lc = ParseMt700(With(Sample(), "+PACKING LIST IN 1 ORIGINAL AND 2 COPIES",
                              "+PACKING LIST IN 1 ORIGINAL AND 2 COPIES\r\n" + c.line));
    ASSERT_TRUE(lc.ok()) << c.line << ": " << lc.status().ToString();
    ASSERT_EQ(lc->documents_required.size(), 6u);
    const trade::RequiredDocument& added = lc->documents_required[5];
    EXPECT_EQ(added.type, c.type) << c.line;
    EXPECT_EQ(added.text, c.line.substr(1));
    EXPECT_EQ(added.issuer, c.issuer);
    auto text = WriteMt700(*lc);
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    auto again = ParseMt700(*text);
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    EXPECT_EQ(*again, *lc) << c.line;
  }
}

TEST(Mt700Test, RefusesCreditsMt700CannotCarry) {
  trade::LetterOfCredit credit = ExampleCredit();
  // 45A is 100*65z: "&" may stand there, "~" (outside the z set) may not.
  credit.goods_description = "COFFEE & TEA";
  EXPECT_TRUE(WriteMt700(credit).ok());
  credit.goods_description = "COFFEE ~ TEA";
  EXPECT_EQ(WriteMt700(credit).status().code(), StatusCode::kInvalidArgument);
  credit = ExampleCredit();
  credit.applicant.name = "MUELLER & SOHN";  // 50 is 4*35x
  EXPECT_EQ(WriteMt700(credit).status().code(), StatusCode::kInvalidArgument);
  credit = ExampleCredit();
  credit.instalments.push_back({credit.date_of_issue, credit.expiry_date, credit.amount});
  EXPECT_EQ(WriteMt700(credit).status().code(), StatusCode::kInvalidArgument);
  credit = ExampleCredit();
  credit.applicant.address_lines = {"A", "B", "C"};
  EXPECT_EQ(WriteMt700(credit).status().message(),
            "field 50: name, address lines and country exceed 4 lines of 35 characters");
}

// Fuzzing fault 1 (issue 12): a party field without a country line was accepted with an
// empty country, which the JSON and Cap'n Proto forms refuse.
TEST(Mt700Test, RefusesPartyFieldsWithoutCountryLine) {
  struct Case {
    std::string to, message;
  } cases[] = {
      {":59:2\r\n",
       "line 13, tag 59: needs the party's name and, on the last line, its ISO 3166 country code"},
      {":59:SAIGON COFFEE EXPORT JSC\r\nHO CHI MINH CITY\r\n",
       "line 13, tag 59: last line 'HO CHI MINH CITY' is not an ISO 3166 country code"},
      {":59:/0071000123456\r\nSAIGON COFFEE EXPORT JSC\r\n",
       "line 13, tag 59: needs the party's name and, on the last line, its ISO 3166 country code"},
      {":59:SAIGON COFFEE EXPORT JSC\r\nXZ\r\n",
       "line 13, tag 59: last line 'XZ' is not an ISO 3166 country code"},
  };
  std::string sample = Sample();
  size_t from = sample.find(":59:"), to = sample.find(":32B:");
  for (const Case& c : cases) {
    std::string text = sample;
    text.replace(from, to - from, c.to);
    auto lc = ParseMt700(text);
    ASSERT_FALSE(lc.ok()) << c.to;
    EXPECT_EQ(lc.status().message(), c.message);
  }
  trade::LetterOfCredit credit = ExampleCredit();
  credit.beneficiary.country = {};
  EXPECT_EQ(WriteMt700(credit).status().message(), "field 59: the party's country is required");
  // The same credit is refused by the JSON form: one document, one answer.
  EXPECT_FALSE(DecodeJson(EncodeJson(credit)).ok());
}

// Fuzzing fault 2 (issue 12): unknown tags in another order than the specification's.
TEST(Mt700Test, KeptTagsOutOfSpecificationOrderRoundTrip) {
  std::string text = Sample();
  size_t at51 = text.find(":51A:COBADEHHXXX\r\n");
  if (at51 == std::string::npos) at51 = text.find(":51A:COBADEHHXXX\n");
  ASSERT_NE(at51, std::string::npos);
  size_t end51 = text.find(":50:", at51);
  std::string field51 = text.substr(at51, end51 - at51);
  text.erase(at51, end51 - at51);
  text.insert(text.find("-}"), field51);  // 51A after 78 now
  auto lc = ParseMt700(text);
  ASSERT_TRUE(lc.ok()) << lc.status().ToString();
  ASSERT_EQ(lc->extra_fields.size(), 2u);
  EXPECT_EQ(lc->extra_fields[0].tag, "78");
  EXPECT_EQ(lc->extra_fields[1].tag, "51A");
  auto written = WriteMt700(*lc);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  auto again = ParseMt700(*written);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, *lc);

  // From the document side: kept fields in any order, some of them unknown to the
  // specification order entirely.
  trade::LetterOfCredit credit = ExampleCredit();
  credit.extra_fields = {
      {"78", "LAST IN SPEC"}, {"23", "EARLY IN SPEC"}, {"99", "NOT IN SPEC"}, {"39C", "MIDDLE"}};
  auto out = WriteMt700(credit);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  auto back = ParseMt700(*out);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, credit);
  credit.extra_fields = {{"20", "DUPLICATE"}};
  EXPECT_EQ(WriteMt700(credit).status().message(),
            "field 20: kept field duplicates a field of the message");
}

std::string Mt701(const std::string& seq, const std::string& fields) {
  return "{1:F01COBADEHHAXXX0000000000}{2:I701BFTVVNVXXXXXN}{4:\r\n:27:" + seq +
         "\r\n:20:LC-2026-0042\r\n" + fields + "-}\r\n";
}

TEST(Mt700Test, JoinsMt701ContinuationsIntoOneCredit) {
  std::string main = With(Sample(), ":27:1/1", ":27:1/3");
  std::string file =
      main + "\r\n" +
      Mt701("2/3",
            ":45A:+PACKED IN 60 KG JUTE BAGS\r\n:47A:+THIRD PARTY DOCUMENTS ACCEPTABLE\r\n") +
      "$\r\n" + Mt701("3/3", ":47A:+DOCUMENTS IN ENGLISH\r\n:49G:PAYMENT UPON RECEIPT\r\n");
  auto lc = ParseMt700(file);
  ASSERT_TRUE(lc.ok()) << lc.status().ToString();
  EXPECT_EQ(lc->additional_conditions,
            (std::vector<std::string>{"ALL DOCUMENTS MUST QUOTE THE CREDIT NUMBER",
                                      "THIRD PARTY DOCUMENTS ACCEPTABLE", "DOCUMENTS IN ENGLISH"}));
  EXPECT_EQ(lc->goods_description,
            "250 MT VIETNAMESE ROBUSTA COFFEE BEANS GRADE 2 AT USD 500.00 PER MT\nPACKED IN 60 KG "
            "JUTE BAGS");
  EXPECT_EQ(lc->extra_fields.back(), (trade::ExtraField{"49G", "PAYMENT UPON RECEIPT"}));
  // The document codec reads the same file as one credit.
  auto doc = DecodeDocument(ContentType::kSwiftMt, file);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(std::get<trade::LetterOfCredit>(*doc), *lc);
}

// Standards Release 2018 on, 45A/46A/47A are 100*65z in MT700 and MT701 alike: a
// documents clause with "&", "%" or quotes is valid FIN, read and written back unchanged.
TEST(Mt700Test, NarrativeFieldsCarryTheZCharacterSetAcrossMt701s) {
  std::string main =
      With(With(Sample(), ":27:1/1", ":27:1/2"), "+PACKING LIST IN 1 ORIGINAL AND 2 COPIES",
           "+PACKING LIST IN 1 ORIGINAL AND 2 COPIES\r\n"
           "+INSURANCE CERTIFICATE FOR 110% OF CIF VALUE, \"ALL RISKS\"");
  std::string file = main + "\r\n" +
                     Mt701("2/2",
                           ":46A:+INSPECTION CERTIFICATE ISSUED BY SGS & CO. LTD\r\n"
                           ":47A:+TOLERANCE 5% MORE OR LESS; DOCUMENTS IN ENGLISH\r\n");
  auto lc = ParseMt700(file);
  ASSERT_TRUE(lc.ok()) << lc.status().ToString();
  ASSERT_GE(lc->documents_required.size(), 2u);
  EXPECT_EQ(lc->documents_required.back().text, "INSPECTION CERTIFICATE ISSUED BY SGS & CO. LTD");
  EXPECT_EQ(lc->documents_required.back().issuer, "SGS & CO. LTD");
  EXPECT_EQ(lc->additional_conditions.back(), "TOLERANCE 5% MORE OR LESS; DOCUMENTS IN ENGLISH");
  auto text = WriteMt700(*lc);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto again = ParseMt700(*text);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, *lc);
  // Field 50 stays 4*35x: the same character there is refused, with line and tag.
  auto party = ParseMt700(With(Sample(), "MUELLER", "MUELLER & SOHN"));
  ASSERT_FALSE(party.ok());
  EXPECT_NE(party.status().message().find("tag 50: character '&'"), std::string::npos)
      << party.status().message();
}

// Found by fuzzing (tests/fuzz/run.sh, fuzz_swift_mt): a 31D place of expiry over the 29
// characters of 6!n29x was read, and the writer then refused the credit: one message, two
// answers. The minimal input (tests/fuzz/corpus/swift_mt/crash-mt700-31d-place-over-29x)
// is the example MT700 with a 30-character place; 29 characters still go in and out.
TEST(Mt700Test, RefusesAPlaceOfExpiryOver29Characters) {
  const std::string place29(29, 'P');
  auto ok = ParseMt700(With(Sample(), ":31D:260430HO CHI MINH CITY", ":31D:260430" + place29));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->expiry_place, place29);
  auto text = WriteMt700(*ok);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(ParseMt700(*text).value(), *ok);

  auto over =
      ParseMt700(With(Sample(), ":31D:260430HO CHI MINH CITY", ":31D:260430" + place29 + "Q"));
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), StatusCode::kMalformed);
  EXPECT_EQ(over.status().message(),
            "line 7, tag 31D: the place of expiry has 30 characters, at most 29 (6!n29x)");
}

TEST(Mt700Test, RefusesBrokenSequences) {
  std::string main = With(Sample(), ":27:1/1", ":27:1/2");
  struct Case {
    std::string file, message;
  } cases[] = {
      {main, "line 2, tag 27: sequence of 2 messages, but 1 given: MT701 continuation(s) missing"},
      {main + Mt701("2/3", ":47A:+X\r\n"), "tag 27: expected 2/2"},
      {main + Mt701("2/2", ":32B:USD1,00\r\n"), "tag 32B: is not a field of MT701"},
      {main + Mt701("2/2", ":47A:+X\r\n:47A:+Y\r\n"), "tag 47A: appears twice"},
      {main + With(Mt701("2/2", ":47A:+X\r\n"), ":20:LC-2026-0042", ":20:LC-2026-0043"),
       "tag 20: differs from field 20 of the MT700 (line 4)"},
      {main + With(Mt701("2/2", ":47A:+X\r\n"), "I701", "I707"),
       "message 2 of the sequence is MT707, expected MT701"},
      {main + With(Mt701("2/2", ":47A:+X\r\n"), "F01COBADEHH", "F01DEUTDEFF"),
       "a continuation must come from the same sender to the same receiver"},
      {Sample() + Mt701("2/2", ":47A:+X\r\n"), "MT701 follows a complete sequence of 1 message(s)"},
  };
  for (const Case& c : cases) {
    auto lc = ParseMt700(c.file);
    ASSERT_FALSE(lc.ok()) << c.message;
    EXPECT_NE(lc.status().message().find(c.message), std::string::npos)
        << lc.status().message() << "\n  should contain: " << c.message;
  }
}

TEST(Mt700Test, WritesLongCreditsAsMt700AndMt701s) {
  trade::LetterOfCredit credit = ExampleCredit();
  for (int i = 0; i < 250; ++i) {
    credit.additional_conditions.push_back("CONDITION NUMBER " + std::to_string(i) +
                                           " OF THE CREDIT APPLIES TO EVERY DOCUMENT PRESENTED");
  }
  auto messages = BuildMt700Messages(credit);
  ASSERT_TRUE(messages.ok()) << messages.status().ToString();
  ASSERT_GE(messages->size(), 3u);
  EXPECT_EQ((*messages)[0].MessageType(), "700");
  for (size_t i = 1; i < messages->size(); ++i) {
    EXPECT_EQ((*messages)[i].MessageType(), "701");
    EXPECT_EQ((*messages)[i].Find("27")->Value(),
              std::to_string(i + 1) + "/" + std::to_string(messages->size()));
    EXPECT_LE((*messages)[i].Find("47A")->lines.size(), 100u);
  }
  auto text = WriteMt700(credit);
  ASSERT_TRUE(text.ok());
  auto back = ParseMt700(*text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, credit);
}

}  // namespace
}  // namespace lcproc::formats
