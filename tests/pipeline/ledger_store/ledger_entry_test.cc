#include "pipeline/ledger_store/ledger_entry.h"

#include <gtest/gtest.h>

#include "pipeline/ledger_store/ledger_store.h"

namespace lcproc::ledger_store {
namespace {

LedgerEntry Sample() {
  return LedgerEntry{false,
                     1780000000123,
                     "BANKGB2LXXX",
                     "application/json",
                     "retry-7",
                     "{\"lc\":1}",
                     "eyJhbGciOi..sig",
                     StatusCode::kFailedPrecondition,
                     "no such credit",
                     {"UCP600-14d", "UCP600-18b"}};
}

TEST(LedgerEntryTest, RoundTripsEveryField) {
  LedgerEntry e = Sample();
  auto decoded = DecodeLeaf(EncodeLeaf(e));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, e);
}

TEST(LedgerEntryTest, EncodingIsTheDocumentedLayout) {
  LedgerEntry e{true, 300, "B", "t", "", "xy", "j", StatusCode::kOk, "", {}};
  // version 1, verdict 1, LEB128(300) = ac 02, then length-prefixed fields.
  std::string expected(
      "\x01\x01\xac\x02\x01"
      "B"
      "\x01"
      "t"
      "\x00"
      "\x02"
      "xy"
      "\x01"
      "j"
      "\x02"
      "ok"
      "\x00"
      "\x00",
      19);
  EXPECT_EQ(EncodeLeaf(e), expected);
}

TEST(LedgerEntryTest, RefusesEveryOtherEncoding) {
  std::string leaf = EncodeLeaf(Sample());
  EXPECT_FALSE(DecodeLeaf(leaf + "x").ok());                       // trailing bytes
  EXPECT_FALSE(DecodeLeaf(leaf.substr(0, leaf.size() - 1)).ok());  // truncated
  std::string v2 = leaf;
  v2[0] = 2;
  EXPECT_FALSE(DecodeLeaf(v2).ok());  // unknown version
  std::string verdict = leaf;
  verdict[1] = 1;  // accepted, but the code is failed_precondition
  EXPECT_FALSE(DecodeLeaf(verdict).ok());
  // A non-shortest varint for the time (0x80 0x00 instead of 0x00).
  LedgerEntry zero = Sample();
  zero.received_millis = 0;
  std::string z = EncodeLeaf(zero);
  std::string padded = z.substr(0, 2) + std::string("\x80\x00", 2) + z.substr(3);
  EXPECT_FALSE(DecodeLeaf(padded).ok());
}

TEST(LedgerEntryTest, ReplayKeyCoversSignatureAndBody) {
  EXPECT_NE(ReplayKey("a", "b"), ReplayKey("a", "c"));
  EXPECT_EQ(ReplayKey("a", "b"), crypto::Sha256("a\nb"));
}

}  // namespace
}  // namespace lcproc::ledger_store
