#include "pipeline/ledger/signed_note.h"

#include <string>

#include <gtest/gtest.h>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/private_key.h"

namespace lcproc::ledger {
namespace {

// Known answers from golang.org/x/mod/sumdb/note/note_test.go (TestNewSigner, TestSign,
// TestOpen): the reference implementation of the C2SP signed-note format.
constexpr std::string_view kPeterSkey =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr std::string_view kPeterVkey =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr std::string_view kEnochVkey =
    "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
constexpr std::string_view kText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
const std::string kPeterSig =
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const std::string kEnochSig =
    "\xE2\x80\x94 EnochRoot "
    "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/"
    "5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

TEST(SignedNoteTest, SignerKeyGivesKnownVerifierKeyAndKeyId) {
  auto signer = NoteSigner::FromSignerKey(kPeterSkey);
  ASSERT_TRUE(signer.ok()) << signer.status().ToString();
  EXPECT_EQ(signer->name(), "PeterNeumann");
  EXPECT_EQ(signer->key_id(), 0xc74f20a3u);
  EXPECT_EQ(signer->VerifierKey(), kPeterVkey);
  EXPECT_EQ(signer->SignerKey(), kPeterSkey);
}

TEST(SignedNoteTest, SignsExactlyAsReferenceImplementation) {
  auto signer = NoteSigner::FromSignerKey(kPeterSkey).value();
  auto note = signer.Sign(kText);
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(*note, std::string(kText) + "\n" + kPeterSig);
}

TEST(SignedNoteTest, VerifiesKnownNoteAndIgnoresOtherKeys) {
  const std::string note = std::string(kText) + "\n" + kPeterSig + kEnochSig;
  auto peter = NoteVerifier::FromVerifierKey(kPeterVkey);
  ASSERT_TRUE(peter.ok()) << peter.status().ToString();
  EXPECT_EQ(peter->Verify(note).value(), kText);
  auto enoch = NoteVerifier::FromVerifierKey(kEnochVkey);
  ASSERT_TRUE(enoch.ok());
  EXPECT_EQ(enoch->key_id(), 0xaf0cfe78u);
  EXPECT_EQ(enoch->Verify(note).value(), kText);
}

TEST(SignedNoteTest, NoteWithoutThisKeysSignatureIsUnauthenticated) {
  auto enoch = NoteVerifier::FromVerifierKey(kEnochVkey).value();
  auto result = enoch.Verify(std::string(kText) + "\n" + kPeterSig);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kUnauthenticated);
}

TEST(SignedNoteTest, AlteredTextOrSignatureIsUnauthenticated) {
  auto peter = NoteVerifier::FromVerifierKey(kPeterVkey).value();
  std::string altered = std::string(kText) + "\n" + kPeterSig;
  altered[3] = 'X';
  EXPECT_EQ(peter.Verify(altered).status().code(), StatusCode::kUnauthenticated);
  // Go's TestOpen: "ABCD" spliced into the base64 still decodes, but does not verify.
  std::string spliced = kPeterSig.substr(0, 60) + "ABCD" + kPeterSig.substr(60);
  EXPECT_EQ(peter.Verify(std::string(kText) + "\n" + spliced).status().code(),
            StatusCode::kUnauthenticated);
}

TEST(SignedNoteTest, MalformedNotesAreRefused) {
  auto peter = NoteVerifier::FromVerifierKey(kPeterVkey).value();
  const std::string text(kText);
  std::string too_many;
  for (int i = 0; i < 101; ++i) too_many += kPeterSig;
  for (const std::string& bad : {
           text,                                                     // no signatures
           text + "\n",                                              // empty signature block
           text + "\n" + kPeterSig.substr(0, kPeterSig.size() - 1),  // no final newline
           "\x01" + text + "\n" + kPeterSig,                         // control character
           "\xff" + text + "\n" + kPeterSig,                         // not UTF-8
           text + "\n" +
               "\xE2\x80\x94 Bad Name "
               "x08go/ZJkuBS9UG/"
               "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
           text + "\n" + kPeterSig + "Unexpected line.\n",
           text + "\n" + too_many,
       }) {
    auto result = peter.Verify(bad);
    EXPECT_FALSE(result.ok()) << bad;
    if (!result.ok()) {
      EXPECT_EQ(result.status().code(), StatusCode::kMalformed) << bad;
    }
  }
}

TEST(SignedNoteTest, MangledVerifierKeysAreRefused) {
  // Go's TestNewVerifier: every proper substring and every one-character change fails.
  const std::string vkey(kPeterVkey);
  for (size_t i = 0; i <= vkey.size(); ++i) {
    for (size_t j = i + 1; j <= vkey.size(); ++j) {
      if (i == 0 && j == vkey.size()) continue;
      EXPECT_FALSE(NoteVerifier::FromVerifierKey(vkey.substr(i, j - i)).ok())
          << vkey.substr(i, j - i);
    }
  }
  for (size_t i = 0; i < vkey.size(); ++i) {
    std::string b = vkey;
    ++b[i];
    EXPECT_FALSE(NoteVerifier::FromVerifierKey(b).ok()) << b;
  }
  // Wrong key length and unknown algorithm, each with a matching key hash.
  EXPECT_FALSE(NoteVerifier::FromVerifierKey(
                   "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")
                   .ok());
  EXPECT_EQ(NoteVerifier::FromVerifierKey(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST(SignedNoteTest, MangledSignerKeysAreRefused) {
  std::string skey(kPeterSkey);
  for (size_t i = 0; i < skey.size(); ++i) {
    std::string b = skey;
    ++b[i];
    EXPECT_FALSE(NoteSigner::FromSignerKey(b).ok()) << b;
  }
  EXPECT_FALSE(NoteSigner::FromSignerKey(kPeterVkey).ok());
}

TEST(SignedNoteTest, KeyIdFollowsSpec) {
  // key ID = SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian.
  auto signer = NoteSigner::FromSignerKey(kPeterSkey).value();
  const std::string pub =
      crypto::Base64Decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW").value().substr(1);
  const crypto::Digest d = crypto::Sha256({"PeterNeumann", "\n", "\x01", pub});
  const uint32_t want = uint32_t{d[0]} << 24 | uint32_t{d[1]} << 16 | uint32_t{d[2]} << 8 | d[3];
  EXPECT_EQ(Ed25519NoteKeyId("PeterNeumann", pub), want);
  EXPECT_EQ(want, 0xc74f20a3u);
}

TEST(SignedNoteTest, GeneratedKeysRoundTripAndSignCheckpoints) {
  auto signer = NoteSigner::Generate("lcproc.example/ledger");
  ASSERT_TRUE(signer.ok());
  auto again = NoteSigner::FromSignerKey(signer->SignerKey());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->VerifierKey(), signer->VerifierKey());
  auto verifier = NoteVerifier::FromVerifierKey(signer->VerifierKey()).value();

  const Checkpoint cp{"lcproc.example/ledger", 42, crypto::Sha256("root"), {}};
  const std::string note = signer->Sign(FormatCheckpoint(cp)).value();
  auto verified = VerifyCheckpoint(verifier, note);
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(*verified, cp);

  auto other = NoteVerifier::FromVerifierKey(kPeterVkey).value();
  EXPECT_EQ(VerifyCheckpoint(other, note).status().code(), StatusCode::kUnauthenticated);
}

TEST(SignedNoteTest, SignerRefusesBadNamesKeysAndTexts) {
  auto ed = crypto::PrivateKey::Generate(crypto::Algorithm::kEdDsa).value();
  for (const char* name : {"", "has space", "a+b", "tab\tname", "nbsp\xC2\xA0name"}) {
    EXPECT_EQ(NoteSigner::Create(name, ed).status().code(), StatusCode::kInvalidArgument) << name;
  }
  auto ec = crypto::PrivateKey::Generate(crypto::Algorithm::kEs256).value();
  EXPECT_EQ(NoteSigner::Create("ok", ec).status().code(), StatusCode::kInvalidArgument);
  auto signer = NoteSigner::Create("ok", ed).value();
  EXPECT_EQ(signer.Sign("").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(signer.Sign("no newline").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(signer.Sign("bell\a\n").status().code(), StatusCode::kMalformed);
}

}  // namespace
}  // namespace lcproc::ledger
