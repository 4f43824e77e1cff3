#include "pipeline/crypto/public_key.h"

#include <cstring>

#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/ecdsa_signature.h"
#include "pipeline/crypto/ed25519_internal.h"
#include "pipeline/crypto/key_internal.h"
#include "pipeline/crypto/sha256.h"

namespace lcproc::crypto {
namespace {

// DER SubjectPublicKeyInfo prefixes for the raw key forms (RFC 8410 §4 for Ed25519;
// RFC 5480 §2 with id-ecPublicKey and prime256v1 for P-256, uncompressed point).
constexpr unsigned char kEd25519SpkiPrefix[] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03,
                                                0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
constexpr unsigned char kP256SpkiPrefix[] = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48,
                                             0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48,
                                             0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00};

Status VerifyEs256(const PublicKey::Impl& key, std::string_view message, std::string_view sig) {
  // JWS carries r||s (RFC 7518 §3.4); OpenSSL verifies DER. The minimal DER of the two
  // unsigned integers is what OpenSSL itself would encode, so its strict re-encoding
  // check passes for every r||s; values outside [1, n-1] then fail the range check.
  unsigned char der[kMaxEcdsaDerSize];
  size_t der_len = EcdsaRawToDer(reinterpret_cast<const uint8_t*>(sig.data()), der);
  Digest digest = Sha256(message);
  EVP_PKEY_CTX* ctx = CachedPkeyContext(key.serial, key.pkey.get(), KeyOperation::kVerify);
  if (ctx == nullptr) return OpenSslError(StatusCode::kInternal, "ES256 verify init");
  int rc = EVP_PKEY_verify(ctx, der, der_len, digest.data(), digest.size());
  if (rc == 1) return Status::Ok();
  ClearOpenSslErrors();
  return Unauthenticated("ES256 signature does not verify");
}

}  // namespace

Result<PublicKey> PublicKeyFromPkey(EvpPkeyPtr pkey) {
  auto impl = std::make_shared<PublicKey::Impl>();
  int id = EVP_PKEY_get_base_id(pkey.get());
  if (id == EVP_PKEY_ED25519) {
    impl->alg = Algorithm::kEdDsa;
    size_t len = impl->ed25519_key.size();
    if (EVP_PKEY_get_raw_public_key(pkey.get(), impl->ed25519_key.data(), &len) != 1 ||
        len != impl->ed25519_key.size()) {
      return OpenSslError(StatusCode::kInternal, "read the raw Ed25519 public key");
    }
    // ed25519_rule.h, rule 2: such a key is refused here rather than at every verify.
    LCPROC_RETURN_IF_ERROR(CheckEd25519PublicKey(impl->ed25519_key));
    LCPROC_RETURN_IF_ERROR(EnsureSodiumReady());
  } else if (id == EVP_PKEY_EC) {
    char group[64] = {0};
    size_t len = 0;
    if (EVP_PKEY_get_group_name(pkey.get(), group, sizeof(group), &len) != 1 ||
        (std::strcmp(group, "prime256v1") != 0 && std::strcmp(group, "P-256") != 0)) {
      ClearOpenSslErrors();
      return InvalidArgument(std::string("EC key on curve '") + group +
                             "' is not accepted; ES256 needs P-256");
    }
    // Store the point uncompressed whatever form it arrived in, so DER and key id
    // are the same for every spelling of one key.
    EVP_PKEY_set_utf8_string_param(pkey.get(), OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT,
                                   "uncompressed");
    impl->alg = Algorithm::kEs256;
  } else {
    return InvalidArgument(std::string("key type '") + OBJ_nid2sn(id) +
                           "' is not accepted; use Ed25519 or ECDSA P-256");
  }
  unsigned char* der = nullptr;
  int der_len = i2d_PUBKEY(pkey.get(), &der);
  if (der_len <= 0) return OpenSslError(StatusCode::kInternal, "encode public key");
  impl->spki_der.assign(reinterpret_cast<char*>(der), static_cast<size_t>(der_len));
  OPENSSL_free(der);
  impl->key_id = Base64UrlEncode(AsBytes(Sha256(impl->spki_der)));
  impl->pkey = std::move(pkey);
  return KeyAccess::Make(std::move(impl));
}

const EVP_PKEY* PkeyOf(const PublicKey& key) { return KeyAccess::Of(key).pkey.get(); }

Result<PublicKey> PublicKey::FromPem(std::string_view pem) {
  if (pem.empty()) return Malformed("public key PEM is empty");
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  EvpPkeyPtr pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!pkey) return OpenSslError(StatusCode::kMalformed, "not a PEM public key");
  return PublicKeyFromPkey(std::move(pkey));
}

Result<PublicKey> PublicKey::FromDer(std::string_view spki_der) {
  if (spki_der.empty()) return Malformed("public key DER is empty");
  const unsigned char* p = reinterpret_cast<const unsigned char*>(spki_der.data());
  EvpPkeyPtr pkey(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki_der.size())));
  if (!pkey) return OpenSslError(StatusCode::kMalformed, "not a DER SubjectPublicKeyInfo");
  if (p != reinterpret_cast<const unsigned char*>(spki_der.data()) + spki_der.size()) {
    return Malformed("trailing bytes after the DER SubjectPublicKeyInfo");
  }
  return PublicKeyFromPkey(std::move(pkey));
}

Result<PublicKey> PublicKey::FromRaw(Algorithm alg, std::string_view raw) {
  std::string der;
  if (alg == Algorithm::kEdDsa) {
    if (raw.size() != 32) return InvalidArgument("Ed25519 public key must be 32 bytes");
    der.assign(reinterpret_cast<const char*>(kEd25519SpkiPrefix), sizeof(kEd25519SpkiPrefix));
  } else {
    if (raw.size() != 65 || raw[0] != 0x04) {
      return InvalidArgument("P-256 public key must be a 65-byte uncompressed point");
    }
    der.assign(reinterpret_cast<const char*>(kP256SpkiPrefix), sizeof(kP256SpkiPrefix));
  }
  der.append(raw);
  return FromDer(der);
}

Algorithm PublicKey::algorithm() const { return impl_->alg; }
const std::string& PublicKey::key_id() const { return impl_->key_id; }
const std::string& PublicKey::spki_der() const { return impl_->spki_der; }

std::string PublicKey::ToPem() const {
  return "-----BEGIN PUBLIC KEY-----\n" + [&] {
    std::string b64 = Base64Encode(impl_->spki_der), out;
    for (size_t i = 0; i < b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
    return out;
  }() + "-----END PUBLIC KEY-----\n";
}

std::string PublicKey::RawPublicKey() const {
  // Both prefixes are fixed-length for these two algorithms, so the raw key is the
  // tail of the DER (the BIT STRING's content after its unused-bits octet).
  size_t raw = impl_->alg == Algorithm::kEdDsa ? 32 : 65;
  return impl_->spki_der.substr(impl_->spki_der.size() - raw);
}

Status PublicKey::Verify(std::string_view message, std::string_view signature) const {
  if (signature.size() != kSignatureSize) {
    return Unauthenticated(std::string(AlgorithmName(impl_->alg)) +
                           " signature must be 64 bytes, got " + std::to_string(signature.size()));
  }
  if (impl_->alg == Algorithm::kEs256) return VerifyEs256(*impl_, message, signature);
  // libsodium, the faster Ed25519 verifier here, under lcproc's rule (ed25519_internal.h).
  return VerifyEd25519Sodium(
      impl_->ed25519_key, message,
      std::span<const uint8_t, 64>(reinterpret_cast<const uint8_t*>(signature.data()), 64));
}

}  // namespace lcproc::crypto
