#include "pipeline/formats/registry_json.h"

#include <gtest/gtest.h>

#include "pipeline/crypto/private_key.h"
#include "pipeline/trade/timestamp.h"

namespace lcproc::formats {
using participants::BankKey;
using participants::KeyRefusal;
using participants::ParticipantRegistry;
namespace {

crypto::PrivateKey NewKey(crypto::Algorithm alg) { return *crypto::PrivateKey::Generate(alg); }

std::string Json(const std::string& bic, const std::string& kid, const std::string& alg,
                 const std::string& pem, const std::string& extra = "") {
  std::string escaped;
  for (char c : pem) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
  return R"({"banks":[{"bic":")" + bic + R"(","name":"Bank","roles":["issuing"],"keys":[{"kid":")" +
         kid + R"(","alg":")" + alg + R"(","publicKeyPem":")" + escaped + "\"" + extra + "}]}]}";
}

TEST(ParticipantRegistryTest, ParsesAndAuthorizesTheOwnersKey) {
  auto key = NewKey(crypto::Algorithm::kEs256);
  auto registry = ParseRegistryJson(
      Json("BANKGB2LXXX", key.public_key().key_id(), "ES256", key.public_key().ToPem(),
           R"(,"notBefore":"2026-01-01T00:00:00Z","notAfter":"2027-01-01T00:00:00Z")"));
  ASSERT_TRUE(registry.ok()) << registry.status().ToString();
  int64_t mid_2026 = *trade::ParseUtcTimestampMillis("2026-06-15T12:00:00Z");
  auto found = registry->Authorize("BANKGB2LXXX", key.public_key().key_id(), mid_2026);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ((*found)->key.key_id(), key.public_key().key_id());

  KeyRefusal why{};
  EXPECT_FALSE(registry
                   ->Authorize("BANKGB2LXXX", key.public_key().key_id(),
                               *trade::ParseUtcTimestampMillis("2027-01-01T00:00:00Z"), &why)
                   .ok());
  EXPECT_EQ(why, KeyRefusal::kExpired);  // notAfter is exclusive
  EXPECT_FALSE(registry->Authorize("BANKFRPPXXX", key.public_key().key_id(), mid_2026, &why).ok());
  EXPECT_EQ(why, KeyRefusal::kOtherBank);
  EXPECT_FALSE(registry->Authorize("BANKGB2LXXX", "unknown", mid_2026, &why).ok());
  EXPECT_EQ(why, KeyRefusal::kUnknownKey);
}

TEST(ParticipantRegistryTest, RefusesAKidThatIsNotTheKeysId) {
  auto key = NewKey(crypto::Algorithm::kEdDsa);
  auto other = NewKey(crypto::Algorithm::kEdDsa);
  auto registry = ParseRegistryJson(
      Json("BANKGB2LXXX", other.public_key().key_id(), "EdDSA", key.public_key().ToPem()));
  ASSERT_FALSE(registry.ok());
  EXPECT_EQ(registry.status().code(), StatusCode::kInvalidArgument);
}

TEST(ParticipantRegistryTest, RefusesAnAlgThatIsNotTheKeys) {
  auto key = NewKey(crypto::Algorithm::kEdDsa);
  EXPECT_FALSE(ParseRegistryJson(Json("BANKGB2LXXX", key.public_key().key_id(), "ES256",
                                      key.public_key().ToPem()))
                   .ok());
}

TEST(ParticipantRegistryTest, RevokedKeyIsRefused) {
  auto key = NewKey(crypto::Algorithm::kEdDsa);
  auto registry = ParseRegistryJson(Json("BANKGB2LXXX", key.public_key().key_id(), "EdDSA",
                                         key.public_key().ToPem(), R"(,"revoked":true)"));
  ASSERT_TRUE(registry.ok());
  KeyRefusal why{};
  EXPECT_EQ(registry->Authorize("BANKGB2LXXX", key.public_key().key_id(), 0, &why).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(why, KeyRefusal::kRevoked);
}

TEST(ParticipantRegistryTest, RoundTripsThroughJson) {
  ParticipantRegistry registry;
  auto key = NewKey(crypto::Algorithm::kEs256);
  ASSERT_TRUE(registry
                  .AddBank({"BANKGB2LXXX",
                            "Bank",
                            {"issuing", "advising"},
                            {{key.public_key().key_id(), key.public_key(), 1000, 2000, true}}})
                  .ok());
  auto again = ParseRegistryJson(RegistryToJson(registry));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_EQ(again->banks().size(), 1u);
  const BankKey& k = again->banks()[0].keys[0];
  EXPECT_EQ(k.kid, key.public_key().key_id());
  EXPECT_EQ(k.not_before_millis, 1000);
  EXPECT_EQ(k.not_after_millis, 2000);
  EXPECT_TRUE(k.revoked);
  EXPECT_EQ(again->banks()[0].roles.size(), 2u);
}

TEST(ParticipantRegistryTest, RefusesDuplicatesAndBadShapes) {
  auto key = NewKey(crypto::Algorithm::kEdDsa);
  ParticipantRegistry registry;
  BankKey k{key.public_key().key_id(), key.public_key(), {}, {}, false};
  ASSERT_TRUE(registry.AddBank({"BANKGB2LXXX", "A", {}, {k}}).ok());
  EXPECT_FALSE(registry.AddBank({"BANKGB2LXXX", "A again", {}, {}}).ok());
  EXPECT_FALSE(registry.AddBank({"BANKFRPPXXX", "B", {}, {k}}).ok());  // same kid
  EXPECT_FALSE(registry.AddBank({"bad", "C", {}, {}}).ok());
  EXPECT_FALSE(ParseRegistryJson("{").ok());
  EXPECT_FALSE(ParseRegistryJson(R"({"banks":{}})").ok());
}

TEST(ParticipantRegistryTest, TimestampsFollowRfc3339Utc) {
  EXPECT_EQ(*trade::ParseUtcTimestampMillis("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*trade::ParseUtcTimestampMillis("2000-03-01T00:00:00.250Z"), 951868800250);
  EXPECT_EQ(trade::FormatUtcTimestampMillis(951868800250), "2000-03-01T00:00:00.250Z");
  EXPECT_FALSE(trade::ParseUtcTimestampMillis("2000-03-01 00:00:00Z").ok());
  EXPECT_FALSE(trade::ParseUtcTimestampMillis("2000-13-01T00:00:00Z").ok());
}

// The registry used to do its own date arithmetic and read 31 February as 3 March.
TEST(ParticipantRegistryTest, RefusesAKeyValidFromADayThatDoesNotExist) {
  auto key = NewKey(crypto::Algorithm::kEs256);
  for (const char* when :
       {"2026-02-31T00:00:00Z", "0000-01-01T00:00:00Z", "2026-04-31T12:00:00Z"}) {
    auto registry = ParseRegistryJson(Json("BANKGB2LXXX", key.public_key().key_id(), "ES256",
                                           key.public_key().ToPem(),
                                           std::string(R"(,"notBefore":")") + when + "\""));
    ASSERT_FALSE(registry.ok()) << when;
    EXPECT_EQ(registry.status().code(), StatusCode::kInvalidArgument) << when;
    EXPECT_NE(registry.status().message().find("notBefore"), std::string::npos)
        << registry.status().message();
  }
}

TEST(ParticipantRegistryTest, RefusesABicWithAnUnknownCountry) {
  auto key = NewKey(crypto::Algorithm::kEdDsa);
  auto registry = ParseRegistryJson(
      Json("BANKQQ2LXXX", key.public_key().key_id(), "EdDSA", key.public_key().ToPem()));
  ASSERT_FALSE(registry.ok());
  EXPECT_EQ(registry.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace lcproc::formats
