#include "pipeline/crypto/private_key.h"

#include <openssl/ecdsa.h>
#include <openssl/pem.h>

#include "pipeline/crypto/key_internal.h"

namespace lcproc::crypto {
namespace {

EVP_MD_CTX* ThreadSignContext() {
  thread_local EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  return ctx.get();
}

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
  EVP_MD_CTX* ctx = ThreadSignContext();
  EVP_MD_CTX_reset(ctx);
  const char* md = impl_->alg == Algorithm::kEdDsa ? nullptr : "SHA256";
  if (EVP_DigestSignInit_ex(ctx, nullptr, md, nullptr, nullptr, impl_->pkey.get(), nullptr) != 1) {
    return OpenSslError(StatusCode::kInternal, "sign init");
  }
  unsigned char sig[80];
  size_t sig_len = sizeof(sig);
  if (EVP_DigestSign(ctx, sig, &sig_len, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1) {
    return OpenSslError(StatusCode::kInternal, "sign");
  }
  if (impl_->alg == Algorithm::kEdDsa) return std::string(reinterpret_cast<char*>(sig), sig_len);
  // DER ECDSA-Sig-Value -> fixed-width r||s (RFC 7518 §3.4).
  const unsigned char* p = sig;
  EcdsaSigPtr ecdsa(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig_len)));
  if (!ecdsa) return OpenSslError(StatusCode::kInternal, "decode ECDSA signature");
  std::string out(64, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(ecdsa.get()), o, 32) != 32 ||
      BN_bn2binpad(ECDSA_SIG_get0_s(ecdsa.get()), o + 32, 32) != 32) {
    return OpenSslError(StatusCode::kInternal, "encode r||s");
  }
  return out;
}

}  // namespace lcproc::crypto
