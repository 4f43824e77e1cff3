#include "pipeline/crypto/private_key.h"

#include <openssl/pem.h>

#include "pipeline/crypto/ecdsa_signature.h"
#include "pipeline/crypto/key_internal.h"
#include "pipeline/crypto/sha256.h"

namespace lcproc::crypto {
namespace {

// The public half of a private EVP_PKEY, as a PublicKey of its own (so a PublicKey
// never holds private material).
Result<PublicKey> PublicHalf(EVP_PKEY* pkey) {
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(pkey, &der);
  if (len <= 0) return OpenSslError(StatusCode::kInternal, "encode public half");
  std::string spki(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return PublicKey::FromDer(spki);
}

}  // namespace

Result<PrivateKey> PrivateKey::FromPkey(void* owned) {
  EvpPkeyPtr pkey(static_cast<EVP_PKEY*>(owned));
  LCPROC_ASSIGN_OR_RETURN(PublicKey pub, PublicHalf(pkey.get()));
  auto impl = std::make_shared<Impl>();
  impl->alg = pub.algorithm();
  impl->pkey = std::move(pkey);
  return PrivateKey(std::move(impl), std::move(pub));
}

Result<PrivateKey> PrivateKey::Generate(Algorithm alg) {
  EVP_PKEY* pkey = alg == Algorithm::kEdDsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
                                            : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  if (pkey == nullptr) return OpenSslError(StatusCode::kInternal, "key generation");
  return FromPkey(pkey);
}

Result<PrivateKey> PrivateKey::FromPem(std::string_view pem) {
  if (pem.empty()) return Malformed("private key PEM is empty");
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (pkey == nullptr) return OpenSslError(StatusCode::kMalformed, "not a PEM private key");
  return FromPkey(pkey);
}

Result<PrivateKey> PrivateKey::FromEd25519Seed(std::string_view seed) {
  if (seed.size() != 32) return InvalidArgument("Ed25519 seed must be 32 bytes");
  EVP_PKEY* pkey = EVP_PKEY_new_raw_private_key(
      EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(seed.data()), seed.size());
  if (pkey == nullptr) return OpenSslError(StatusCode::kInvalidArgument, "Ed25519 seed");
  return FromPkey(pkey);
}

Algorithm PrivateKey::algorithm() const { return impl_->alg; }

std::string PrivateKey::ToPem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), impl_->pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

std::string PrivateKey::Ed25519Seed() const {
  std::string seed(32, '\0');
  size_t len = seed.size();
  EVP_PKEY_get_raw_private_key(impl_->pkey.get(), reinterpret_cast<unsigned char*>(seed.data()),
                               &len);
  return seed;
}

Result<std::string> PrivateKey::Sign(std::string_view message) const {
  const Impl& key = *impl_;
  std::string out(kSignatureSize, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (key.alg == Algorithm::kEdDsa) {
    // Pure Ed25519 (RFC 8032 §5.1.6) hashes the message itself: one-shot DigestSign.
    EVP_MD_CTX* ctx = CachedDigestContext(key.serial, key.pkey.get(), KeyOperation::kSign);
    if (ctx == nullptr) return OpenSslError(StatusCode::kInternal, "Ed25519 sign init");
    size_t sig_len = out.size();
    if (EVP_DigestSign(ctx, o, &sig_len, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) != 1 ||
        sig_len != kSignatureSize) {
      return OpenSslError(StatusCode::kInternal, "Ed25519 sign");
    }
    return out;
  }
  // ES256: ECDSA over SHA-256(message), DER from OpenSSL -> fixed-width r||s
  // (RFC 7518 §3.4).
  Digest digest = Sha256(message);
  EVP_PKEY_CTX* ctx = CachedPkeyContext(key.serial, key.pkey.get(), KeyOperation::kSign);
  if (ctx == nullptr) return OpenSslError(StatusCode::kInternal, "ES256 sign init");
  unsigned char der[kMaxEcdsaDerSize];
  size_t der_len = sizeof(der);
  if (EVP_PKEY_sign(ctx, der, &der_len, digest.data(), digest.size()) != 1) {
    return OpenSslError(StatusCode::kInternal, "ES256 sign");
  }
  if (!EcdsaDerToRaw(der, der_len, o)) return Internal("ES256 sign: OpenSSL returned bad DER");
  return out;
}

}  // namespace lcproc::crypto
