// Both Ed25519 verifiers (ed25519_internal.h) on every Wycheproof and RFC 8032 vector and
// on the edge cases where libsodium and OpenSSL 3.0 disagree on their own: each path
// must give the same verdict, the one lcproc's rule (ed25519_rule.h) names.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "pipeline/crypto/ed25519_internal.h"
#include "pipeline/crypto/hex.h"
#include "pipeline/crypto/key_internal.h"
#include "tests/pipeline/crypto/test_data.h"

namespace lcproc::crypto {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using Bytes = std::vector<uint8_t>;

Bytes FromHex(std::string_view hex) {
  std::string raw = HexDecode(hex).value();
  return Bytes(raw.begin(), raw.end());
}

std::string_view View(const Bytes& b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

Bytes Concat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

// The verdicts of lcproc's two paths for one (key, message, signature). A signature that
// is not 64 bytes never reaches either path (PublicKey::Verify refuses it first), so it
// is run through PublicKey::Verify for both.
struct Verdicts {
  Status sodium;
  Status openssl;
};

Verdicts VerifyBoth(const PublicKey& key, std::string_view message, std::string_view sig) {
  if (sig.size() != 64) {
    Status s = key.Verify(message, sig);
    return {s, s};
  }
  const PublicKey::Impl& impl = KeyAccess::Of(key);
  std::span<const uint8_t, 64> sig64(reinterpret_cast<const uint8_t*>(sig.data()), 64);
  return {VerifyEd25519Sodium(impl.ed25519_key, message, sig64),
          VerifyEd25519OpenSsl(impl.serial, impl.pkey.get(), message, sig64)};
}

// The libraries on their own, without lcproc's rule: what each would decide.
bool RawOpenSslVerifies(const Bytes& key, const Bytes& message, const Bytes& sig) {
  EvpPkeyPtr pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size()));
  if (!pkey) return false;
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, pkey.get(), nullptr) !=
      1) {
    return false;
  }
  bool ok =
      EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), message.data(), message.size()) == 1;
  ClearOpenSslErrors();
  return ok;
}

bool RawSodiumVerifies(const Bytes& key, const Bytes& message, const Bytes& sig) {
  return crypto_sign_verify_detached(sig.data(), message.data(), message.size(), key.data()) == 0;
}

// SHA-512(R || A || M) reduced mod L (RFC 8032 §5.1.7 step 2), through libsodium.
Bytes Challenge(const Bytes& r, const Bytes& a, const Bytes& message) {
  Bytes input = Concat(Concat(r, a), message);
  uint8_t wide[64];
  crypto_hash_sha512(wide, input.data(), input.size());
  Bytes h(32);
  crypto_core_ed25519_scalar_reduce(h.data(), wide);
  return h;
}

class Ed25519VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(EnsureSodiumReady().ok()); }
};

TEST_F(Ed25519VerifyTest, EveryWycheproofVectorGetsTheSameVerdictOnBothPaths) {
  json::value doc = json::parse(testing::ReadTestData("wycheproof/ed25519_test.json"));
  int total = 0, valid = 0, invalid = 0;
  for (const json::value& group : doc.at("testGroups").as_array()) {
    std::string der = HexDecode(std::string(group.at("publicKeyDer").as_string())).value();
    PublicKey key = PublicKey::FromDer(der).value();
    for (const json::value& t : group.at("tests").as_array()) {
      ++total;
      int id = static_cast<int>(t.at("tcId").as_int64());
      std::string result(t.at("result").as_string());
      std::string msg = HexDecode(std::string(t.at("msg").as_string())).value();
      std::string sig = HexDecode(std::string(t.at("sig").as_string())).value();
      Verdicts v = VerifyBoth(key, msg, sig);
      EXPECT_EQ(v.sodium.ok(), v.openssl.ok())
          << "tcId " << id << ": libsodium " << v.sodium.ToString() << ", OpenSSL "
          << v.openssl.ToString();
      EXPECT_EQ(v.sodium.code(), v.openssl.code()) << "tcId " << id;
      ASSERT_NE(result, "acceptable") << "tcId " << id << ": the file has no acceptable vectors";
      if (result == "valid") {
        EXPECT_TRUE(v.sodium.ok()) << "tcId " << id << ": " << v.sodium.ToString();
        ++valid;
      } else {
        EXPECT_EQ(v.sodium.code(), StatusCode::kUnauthenticated) << "tcId " << id;
        ++invalid;
      }
    }
  }
  EXPECT_EQ(total, 151);
  EXPECT_EQ(valid + invalid, total);
}

TEST_F(Ed25519VerifyTest, Rfc8032VectorsVerifyOnBothPathsAndAnyFlippedBitFailsOnBoth) {
  json::value doc = json::parse(testing::ReadTestData("rfc8032_ed25519.json"));
  int vectors = 0;
  for (const json::value& t : doc.at("tests").as_array()) {
    ++vectors;
    SCOPED_TRACE(std::string(t.at("name").as_string()));
    std::string pub = HexDecode(std::string(t.at("public_key").as_string())).value();
    std::string msg = HexDecode(std::string(t.at("message").as_string())).value();
    std::string sig = HexDecode(std::string(t.at("signature").as_string())).value();
    PublicKey key = PublicKey::FromRaw(Algorithm::kEdDsa, pub).value();
    Verdicts v = VerifyBoth(key, msg, sig);
    EXPECT_TRUE(v.sodium.ok()) << v.sodium.ToString();
    EXPECT_TRUE(v.openssl.ok()) << v.openssl.ToString();
    for (size_t bit = 0; bit < sig.size() * 8; ++bit) {
      std::string bad = sig;
      bad[bit / 8] = static_cast<char>(bad[bit / 8] ^ (1 << (bit % 8)));
      Verdicts b = VerifyBoth(key, msg, bad);
      EXPECT_FALSE(b.sodium.ok()) << "bit " << bit;
      EXPECT_EQ(b.sodium.code(), b.openssl.code()) << "bit " << bit;
      EXPECT_EQ(b.sodium.message(), b.openssl.message()) << "bit " << bit;
    }
  }
  EXPECT_GE(vectors, 4);
}

// A key of small order has no private key, and none is needed: with R = [s]B, S = s and
// a message whose challenge h is a multiple of 8, [S]B = R + [h]A holds for every A of
// order dividing 8. OpenSSL 3.0 alone accepts such forgeries (which also shows each
// listed y really is of small order); libsodium alone refuses them; lcproc refuses the
// key when it is parsed, so neither path ever sees it.
TEST_F(Ed25519VerifyTest, SmallOrderKeysForgeUnderOpenSslAloneAndLcprocRefusesThem) {
  const char* kSmallOrderEncodings[] = {
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      // Non-canonical: y = p (a second spelling of y = 0) and y = p + 1 (the identity).
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  };
  for (const char* hex : kSmallOrderEncodings) {
    for (uint8_t sign : {0x00, 0x80}) {
      Bytes a = FromHex(hex);
      a[31] |= sign;
      SCOPED_TRACE(std::string(hex) + (sign ? " with the sign bit" : ""));
      Bytes s(32), r(32);
      crypto_core_ed25519_scalar_random(s.data());
      ASSERT_EQ(crypto_scalarmult_ed25519_base_noclamp(r.data(), s.data()), 0);
      Bytes message;
      for (uint8_t i = 0;; ++i) {
        message = {'f', 'o', 'r', 'g', 'e', 'd', i};
        if (Challenge(r, a, message)[0] % 8 == 0) break;
        ASSERT_LT(i, 200) << "no message with a challenge divisible by 8";
      }
      Bytes forged = Concat(r, s);
      EXPECT_TRUE(RawOpenSslVerifies(a, message, forged));
      EXPECT_FALSE(RawSodiumVerifies(a, message, forged));
      Result<PublicKey> key = PublicKey::FromRaw(Algorithm::kEdDsa, View(a));
      ASSERT_FALSE(key.ok());
      EXPECT_EQ(key.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

// R = the identity with S = h·a: a signature only the key's owner can make, accepted by
// OpenSSL 3.0 alone and refused by libsodium alone (R of small order). lcproc refuses it
// on both paths with the same reason.
TEST_F(Ed25519VerifyTest, SmallOrderRIsRefusedOnBothPathsThoughOpenSslAloneAcceptsIt) {
  uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  // The secret scalar a = clamp(SHA-512(seed)[0..32]) (RFC 8032 §5.1.5), which libsodium
  // hands out as the matching X25519 secret key; reduced mod L.
  uint8_t clamped[32], wide[64] = {0};
  ASSERT_EQ(crypto_sign_ed25519_sk_to_curve25519(clamped, sk), 0);
  std::copy(clamped, clamped + 32, wide);
  Bytes a_scalar(32);
  crypto_core_ed25519_scalar_reduce(a_scalar.data(), wide);

  Bytes a(pk, pk + 32),
      r = FromHex("0100000000000000000000000000000000000000000000000000000000000000");
  Bytes message = {'o', 'w', 'n', 'e', 'r'};
  Bytes s(32);
  crypto_core_ed25519_scalar_mul(s.data(), Challenge(r, a, message).data(), a_scalar.data());
  Bytes sig = Concat(r, s);
  EXPECT_TRUE(RawOpenSslVerifies(a, message, sig));
  EXPECT_FALSE(RawSodiumVerifies(a, message, sig));

  PublicKey key = PublicKey::FromRaw(Algorithm::kEdDsa, View(a)).value();
  Verdicts v = VerifyBoth(key, View(message), View(sig));
  EXPECT_EQ(v.sodium.code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(v.openssl.code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(v.sodium.message(), HasSubstr("R is a point of small order"));
  EXPECT_EQ(v.sodium.message(), v.openssl.message());
  EXPECT_EQ(key.Verify(View(message), View(sig)).message(), v.sodium.message());
}

// S + L is a second spelling of a valid signature; both libraries refuse it alone, and
// lcproc's paths give the rule's reason.
TEST_F(Ed25519VerifyTest, SPlusGroupOrderIsRefusedOnBothPaths) {
  uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  Bytes message = {'m'}, sig(64);
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), sk);
  Bytes l = FromHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
  unsigned carry = 0;
  for (size_t i = 0; i < 32; ++i) {
    unsigned sum = sig[32 + i] + l[i] + carry;
    sig[32 + i] = static_cast<uint8_t>(sum);
    carry = sum >> 8;
  }
  Bytes a(pk, pk + 32);
  EXPECT_FALSE(RawOpenSslVerifies(a, message, sig));
  EXPECT_FALSE(RawSodiumVerifies(a, message, sig));
  PublicKey key = PublicKey::FromRaw(Algorithm::kEdDsa, View(a)).value();
  Verdicts v = VerifyBoth(key, View(message), View(sig));
  EXPECT_THAT(v.sodium.message(), HasSubstr("S is not below the group order"));
  EXPECT_EQ(v.sodium.message(), v.openssl.message());
}

}  // namespace
}  // namespace lcproc::crypto
