#include "pipeline/crypto/public_key.h"

#include <string>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/hex.h"
#include "pipeline/crypto/private_key.h"
#include "pipeline/crypto/sha256.h"

namespace lcproc::crypto {
namespace {

// RFC 8032 §7.1 TEST 1 public key, and its SubjectPublicKeyInfo (RFC 8410 §10.1 form).
const char kEd25519Raw[] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const char kEd25519Pem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
    "-----END PUBLIC KEY-----\n";
// The first P-256 key of Wycheproof's ecdsa_secp256r1_sha256_p1363_test.json.
const char kP256Pem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEKSexBRK64+3c/kZ4KBKLrSkDJpkZ\n"
    "9whgacjE32xzKDjHeHlk6qwA5ZIfsUmKYPRgZ2az2WhQAVWNGpdOc0FRPg==\n"
    "-----END PUBLIC KEY-----\n";

std::string Unhex(std::string_view hex) { return HexDecode(hex).value(); }

TEST(PublicKeyTest, ParsesEd25519PemAndRawToTheSameKey) {
  Result<PublicKey> pem = PublicKey::FromPem(kEd25519Pem);
  ASSERT_TRUE(pem.ok()) << pem.status().ToString();
  Result<PublicKey> raw = PublicKey::FromRaw(Algorithm::kEdDsa, Unhex(kEd25519Raw));
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ(pem->algorithm(), Algorithm::kEdDsa);
  EXPECT_EQ(pem->spki_der(), raw->spki_der());
  EXPECT_EQ(HexEncode(pem->RawPublicKey()), kEd25519Raw);
  EXPECT_EQ(pem->ToPem(), kEd25519Pem);
}

TEST(PublicKeyTest, KeyIdIsBase64UrlSha256OfDerSpki) {
  PublicKey key = PublicKey::FromPem(kP256Pem).value();
  EXPECT_EQ(key.algorithm(), Algorithm::kEs256);
  EXPECT_EQ(key.key_id(), Base64UrlEncode(AsBytes(Sha256(key.spki_der()))));
  EXPECT_EQ(key.key_id().size(), 43u);
  EXPECT_EQ(PublicKey::FromDer(key.spki_der())->key_id(), key.key_id());
}

TEST(PublicKeyTest, CompressedP256PointGivesTheUncompressedKeyId) {
  PublicKey key = PublicKey::FromPem(kP256Pem).value();
  EVP_PKEY* pkey = EVP_PKEY_new();
  std::string der = key.spki_der();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  pkey = d2i_PUBKEY(&pkey, &p, static_cast<long>(der.size()));
  ASSERT_NE(pkey, nullptr);
  EVP_PKEY_set_utf8_string_param(pkey, "point-format", "compressed");
  unsigned char* out = nullptr;
  int len = i2d_PUBKEY(pkey, &out);
  std::string compressed(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  EVP_PKEY_free(pkey);
  ASSERT_LT(compressed.size(), der.size());
  Result<PublicKey> again = PublicKey::FromDer(compressed);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->key_id(), key.key_id());
}

TEST(PublicKeyTest, RefusesMalformedPem) {
  Result<PublicKey> r = PublicKey::FromPem("-----BEGIN PUBLIC KEY-----\nnot base64\n");
  EXPECT_EQ(r.status().code(), StatusCode::kMalformed);
  EXPECT_NE(r.status().message().find("not a PEM public key"), std::string::npos);
}

TEST(PublicKeyTest, RefusesEmptyInputs) {
  EXPECT_EQ(PublicKey::FromPem("").status().code(), StatusCode::kMalformed);
  EXPECT_NE(PublicKey::FromPem("").status().message().find("empty"), std::string::npos);
  EXPECT_EQ(PublicKey::FromDer("").status().code(), StatusCode::kMalformed);
}

TEST(PublicKeyTest, RefusesTruncatedAndExtendedDer) {
  std::string der = PublicKey::FromPem(kP256Pem)->spki_der();
  Result<PublicKey> cut = PublicKey::FromDer(der.substr(0, der.size() - 1));
  EXPECT_EQ(cut.status().code(), StatusCode::kMalformed);
  Result<PublicKey> longer = PublicKey::FromDer(der + "x");
  EXPECT_EQ(longer.status().code(), StatusCode::kMalformed);
  EXPECT_NE(longer.status().message().find("trailing bytes"), std::string::npos);
}

TEST(PublicKeyTest, RefusesOtherCurvesAndKeyTypes) {
  EVP_PKEY* p384 = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
  ASSERT_NE(p384, nullptr);
  unsigned char* out = nullptr;
  int len = i2d_PUBKEY(p384, &out);
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  EVP_PKEY_free(p384);
  Result<PublicKey> r = PublicKey::FromDer(der);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("P-256"), std::string::npos);

  EVP_PKEY* x25519 = EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519");
  out = nullptr;
  len = i2d_PUBKEY(x25519, &out);
  std::string x_der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  EVP_PKEY_free(x25519);
  Result<PublicKey> x = PublicKey::FromDer(x_der);
  EXPECT_EQ(x.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(x.status().message().find("not accepted"), std::string::npos);
}

TEST(PublicKeyTest, RefusesRawKeysOfTheWrongShape) {
  EXPECT_EQ(PublicKey::FromRaw(Algorithm::kEdDsa, std::string(31, 'x')).status().code(),
            StatusCode::kInvalidArgument);
  Result<PublicKey> p = PublicKey::FromRaw(Algorithm::kEs256, std::string(65, '\x02'));
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(p.status().message().find("uncompressed"), std::string::npos);
  // 0x04 prefix but not a point on the curve.
  EXPECT_FALSE(PublicKey::FromRaw(Algorithm::kEs256, "\x04" + std::string(64, '\x01')).ok());
}

TEST(PublicKeyTest, VerifyRefusesWrongSignatureLength) {
  PublicKey key = PublicKey::FromPem(kEd25519Pem).value();
  Status s = key.Verify("", std::string(63, '\0'));
  EXPECT_EQ(s.code(), StatusCode::kUnauthenticated);
  EXPECT_NE(s.message().find("must be 64 bytes, got 63"), std::string::npos);
  EXPECT_EQ(key.Verify("", "").code(), StatusCode::kUnauthenticated);
}

TEST(PublicKeyTest, VerifyRefusesSignatureOfAnotherMessage) {
  PrivateKey signer = PrivateKey::Generate(Algorithm::kEs256).value();
  std::string sig = signer.Sign("payment 1").value();
  EXPECT_TRUE(signer.public_key().Verify("payment 1", sig).ok());
  Status s = signer.public_key().Verify("payment 2", sig);
  EXPECT_EQ(s.code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(s.message(), "ES256 signature does not verify");
}

TEST(PublicKeyTest, CopiesShareTheKeyAndStayValid) {
  PrivateKey signer = PrivateKey::Generate(Algorithm::kEdDsa).value();
  std::string sig = signer.Sign("m").value();
  PublicKey copy = signer.public_key();
  { PrivateKey moved = std::move(signer); }
  EXPECT_TRUE(copy.Verify("m", sig).ok());
}

}  // namespace
}  // namespace lcproc::crypto
