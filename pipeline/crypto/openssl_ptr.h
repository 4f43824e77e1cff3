// Owning smart pointers for OpenSSL objects and the one place OpenSSL errors become
// Status values. Only pipeline/crypto/ includes this header: no OpenSSL type appears
// in a header outside crypto/.
#pragma once

#include <memory>
#include <string_view>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include "pipeline/status.h"

namespace lcproc::crypto {

template <auto Fn>
struct OpenSslDeleter {
  template <typename T>
  void operator()(T* p) const {
    Fn(p);
  }
};

using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX_free>>;
using EvpMdPtr = std::unique_ptr<EVP_MD, OpenSslDeleter<EVP_MD_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, OpenSslDeleter<ECDSA_SIG_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;

// Drains this thread's OpenSSL error queue into one Status with `code`, whose message
// is "<what>: <OpenSSL's reasons>". Always returns a non-OK status.
Status OpenSslError(StatusCode code, std::string_view what);

// Clears this thread's OpenSSL error queue, for paths where a failure is an expected
// answer (a signature that does not verify) and the queue must not leak into the next
// call's report.
void ClearOpenSslErrors();

// SHA-256, fetched once for the process (EVP_MD_fetch is costly; the result is
// immutable and safe to share between threads).
const EVP_MD* Sha256Md();

}  // namespace lcproc::crypto
