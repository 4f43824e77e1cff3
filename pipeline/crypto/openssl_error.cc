#include <string>

#include <openssl/err.h>

#include "pipeline/crypto/openssl_ptr.h"

namespace lcproc::crypto {

Status OpenSslError(StatusCode code, std::string_view what) {
  std::string message(what);
  bool first = true;
  unsigned long err;
  while ((err = ERR_get_error()) != 0) {
    char buf[256];
    ERR_error_string_n(err, buf, sizeof(buf));
    message += first ? ": " : "; ";
    // Keep only the reason string, the part a person can act on.
    const char* reason = ERR_reason_error_string(err);
    message += reason ? reason : buf;
    first = false;
  }
  if (code == StatusCode::kOk) code = StatusCode::kInternal;
  return Status(code, message);
}

void ClearOpenSslErrors() { ERR_clear_error(); }

const EVP_MD* Sha256Md() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

}  // namespace lcproc::crypto
