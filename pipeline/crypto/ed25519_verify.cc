// Ed25519 verification through libsodium (the hot path) and OpenSSL (kept beside it and
// held to the same rule). See ed25519_internal.h.
#include <sodium.h>

#include "pipeline/crypto/context_cache.h"
#include "pipeline/crypto/ed25519_internal.h"

namespace lcproc::crypto {

Status EnsureSodiumReady() {
  // sodium_init is thread-safe and idempotent; the static runs it once. It returns 1
  // when already initialised, -1 on failure.
  static const int rc = sodium_init();
  if (rc < 0) return Internal("libsodium failed to initialise (sodium_init)");
  return Status::Ok();
}

Status VerifyEd25519Sodium(std::span<const uint8_t, kEd25519PublicKeySize> public_key,
                           std::string_view message, std::span<const uint8_t, 64> signature) {
  LCPROC_RETURN_IF_ERROR(CheckEd25519Signature(signature));
  int rc = crypto_sign_verify_detached(signature.data(),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), public_key.data());
  if (rc == 0) return Status::Ok();
  return Unauthenticated("Ed25519 signature does not verify");
}

Status VerifyEd25519OpenSsl(uint64_t serial, EVP_PKEY* pkey, std::string_view message,
                            std::span<const uint8_t, 64> signature) {
  LCPROC_RETURN_IF_ERROR(CheckEd25519Signature(signature));
  EVP_MD_CTX* ctx = CachedDigestContext(serial, pkey, KeyOperation::kVerify);
  if (ctx == nullptr) return OpenSslError(StatusCode::kInternal, "Ed25519 verify init");
  int rc = EVP_DigestVerify(ctx, signature.data(), signature.size(),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size());
  if (rc == 1) return Status::Ok();
  ClearOpenSslErrors();
  return Unauthenticated("Ed25519 signature does not verify");
}

}  // namespace lcproc::crypto
