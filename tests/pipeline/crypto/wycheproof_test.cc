// Runs every Wycheproof vector for the two JWS algorithms through PublicKey::Verify.
#include "pipeline/crypto/public_key.h"

#include <iostream>
#include <string>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "pipeline/crypto/hex.h"
#include "tests/pipeline/crypto/test_data.h"

namespace lcproc::crypto {
namespace {

namespace json = boost::json;

struct Counts {
  int valid = 0, invalid = 0, acceptable_ok = 0, acceptable_refused = 0;
};

std::string Unhex(const json::value& v) { return HexDecode(std::string(v.as_string())).value(); }

// `file`'s every test: a "valid" one must verify; an "invalid" one must be refused with
// an error value; an "acceptable" one may go either way and is counted by outcome.
Counts RunFile(const std::string& file, Algorithm alg, int* total_out) {
  json::value doc = json::parse(testing::ReadTestData("wycheproof/" + file));
  Counts counts;
  int total = 0;
  for (const json::value& group : doc.at("testGroups").as_array()) {
    std::string der = Unhex(group.at("publicKeyDer"));
    Result<PublicKey> key = PublicKey::FromDer(der);
    EXPECT_TRUE(key.ok()) << file << ": " << key.status().ToString();
    if (!key.ok()) continue;
    EXPECT_EQ(key->algorithm(), alg);
    for (const json::value& t : group.at("tests").as_array()) {
      ++total;
      int id = static_cast<int>(t.at("tcId").as_int64());
      std::string result(t.at("result").as_string());
      Status s = key->Verify(Unhex(t.at("msg")), Unhex(t.at("sig")));
      if (result == "valid") {
        EXPECT_TRUE(s.ok()) << file << " tcId " << id << ": " << s.ToString();
        ++counts.valid;
      } else if (result == "invalid") {
        EXPECT_FALSE(s.ok()) << file << " tcId " << id << " (" << t.at("comment").as_string()
                             << ") verified";
        EXPECT_EQ(s.code(), StatusCode::kUnauthenticated) << file << " tcId " << id;
        ++counts.invalid;
      } else {
        ++(s.ok() ? counts.acceptable_ok : counts.acceptable_refused);
      }
    }
  }
  EXPECT_EQ(total, doc.at("numberOfTests").as_int64()) << file;
  *total_out = total;
  return counts;
}

void Report(const std::string& file, const Counts& c, int total) {
  std::cout << file << ": " << total << " vectors, " << c.valid << " valid verified, " << c.invalid
            << " invalid refused, acceptable: " << c.acceptable_ok << " accepted / "
            << c.acceptable_refused << " refused\n";
}

TEST(WycheproofTest, EcdsaP256Sha256P1363EveryVector) {
  int total = 0;
  Counts c = RunFile("ecdsa_secp256r1_sha256_p1363_test.json", Algorithm::kEs256, &total);
  Report("ecdsa_secp256r1_sha256_p1363_test.json", c, total);
  EXPECT_EQ(total, 262);
  EXPECT_EQ(c.valid + c.invalid + c.acceptable_ok + c.acceptable_refused, total);
}

TEST(WycheproofTest, Ed25519EveryVector) {
  int total = 0;
  Counts c = RunFile("ed25519_test.json", Algorithm::kEdDsa, &total);
  Report("ed25519_test.json", c, total);
  EXPECT_EQ(total, 151);
  EXPECT_EQ(c.valid + c.invalid + c.acceptable_ok + c.acceptable_refused, total);
}

}  // namespace
}  // namespace lcproc::crypto
