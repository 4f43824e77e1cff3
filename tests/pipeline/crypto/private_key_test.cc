#include "pipeline/crypto/private_key.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "pipeline/crypto/hex.h"
#include "tests/pipeline/crypto/test_data.h"

namespace lcproc::crypto {
namespace {

std::string Unhex(std::string_view hex) { return HexDecode(hex).value(); }

struct Rfc8032Vector {
  std::string name, secret_key, public_key, message, signature;  // hex
};

std::vector<Rfc8032Vector> LoadRfc8032() {
  boost::json::value doc = boost::json::parse(testing::ReadTestData("rfc8032_ed25519.json"));
  std::vector<Rfc8032Vector> out;
  for (const boost::json::value& t : doc.at("tests").as_array()) {
    auto get = [&](const char* k) { return std::string(t.at(k).as_string()); };
    out.push_back(
        {get("name"), get("secret_key"), get("public_key"), get("message"), get("signature")});
  }
  return out;
}

// RFC 8032 §7.1: Ed25519 is deterministic, so the signature must be the exact bytes.
TEST(PrivateKeyTest, Ed25519SignsRfc8032VectorsExactly) {
  std::vector<Rfc8032Vector> vectors = LoadRfc8032();
  ASSERT_GE(vectors.size(), 4u);
  for (const Rfc8032Vector& v : vectors) {
    SCOPED_TRACE(v.name);
    Result<PrivateKey> key = PrivateKey::FromEd25519Seed(Unhex(v.secret_key));
    ASSERT_TRUE(key.ok()) << key.status().ToString();
    EXPECT_EQ(HexEncode(key->public_key().RawPublicKey()), v.public_key);
    Result<std::string> sig = key->Sign(Unhex(v.message));
    ASSERT_TRUE(sig.ok()) << sig.status().ToString();
    EXPECT_EQ(HexEncode(*sig), v.signature);
    PublicKey pub = PublicKey::FromRaw(Algorithm::kEdDsa, Unhex(v.public_key)).value();
    EXPECT_TRUE(pub.Verify(Unhex(v.message), Unhex(v.signature)).ok());
    EXPECT_EQ(key->Ed25519Seed(), Unhex(v.secret_key));
  }
}

TEST(PrivateKeyTest, Es256SignaturesAreRawRsAndVerify) {
  PrivateKey key = PrivateKey::Generate(Algorithm::kEs256).value();
  EXPECT_EQ(key.algorithm(), Algorithm::kEs256);
  // ECDSA is randomised: two signatures differ, both verify.
  std::string a = key.Sign("document").value(), b = key.Sign("document").value();
  EXPECT_EQ(a.size(), kSignatureSize);
  EXPECT_NE(a, b);
  EXPECT_TRUE(key.public_key().Verify("document", a).ok());
  EXPECT_TRUE(key.public_key().Verify("document", b).ok());
}

TEST(PrivateKeyTest, PemRoundTripKeepsTheKey) {
  for (Algorithm alg : {Algorithm::kEs256, Algorithm::kEdDsa}) {
    PrivateKey key = PrivateKey::Generate(alg).value();
    std::string pem = key.ToPem();
    EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----", 0), 0u);
    Result<PrivateKey> again = PrivateKey::FromPem(pem);
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    EXPECT_EQ(again->public_key().key_id(), key.public_key().key_id());
    EXPECT_TRUE(key.public_key().Verify("x", again->Sign("x").value()).ok());
  }
}

TEST(PrivateKeyTest, RefusesMalformedAndEmptyPem) {
  Result<PrivateKey> empty = PrivateKey::FromPem("");
  EXPECT_EQ(empty.status().code(), StatusCode::kMalformed);
  EXPECT_NE(empty.status().message().find("empty"), std::string::npos);
  Result<PrivateKey> bad =
      PrivateKey::FromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
  EXPECT_EQ(bad.status().code(), StatusCode::kMalformed);
  EXPECT_NE(bad.status().message().find("not a PEM private key"), std::string::npos);
  // A public key is not a private key.
  std::string pub = PrivateKey::Generate(Algorithm::kEdDsa)->public_key().ToPem();
  EXPECT_EQ(PrivateKey::FromPem(pub).status().code(), StatusCode::kMalformed);
}

TEST(PrivateKeyTest, RefusesSeedOfWrongLength) {
  Result<PrivateKey> r = PrivateKey::FromEd25519Seed(std::string(31, 'k'));
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("32 bytes"), std::string::npos);
}

// Signing and verifying reuse per-thread contexts per key: interleaving keys must never
// sign or verify with the wrong one.
TEST(PrivateKeyTest, InterleavedKeysNeverShareContexts) {
  std::vector<PrivateKey> keys;
  for (int i = 0; i < 4; ++i) {
    keys.push_back(PrivateKey::Generate(i % 2 ? Algorithm::kEdDsa : Algorithm::kEs256).value());
  }
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < keys.size(); ++i) {
      std::string sig = keys[i].Sign("m").value();
      for (size_t j = 0; j < keys.size(); ++j) {
        EXPECT_EQ(keys[j].public_key().Verify("m", sig).ok(), i == j) << i << " " << j;
      }
    }
  }
}

}  // namespace
}  // namespace lcproc::crypto
