#include "bench/wolfssl_verifier.h"

// options.h first: it carries the configuration the Debian package was built with, which
// the other wolfSSL headers read.
#include <wolfssl/options.h>
#include <wolfssl/version.h>
#include <wolfssl/wolfcrypt/ecc.h>
#include <wolfssl/wolfcrypt/ed25519.h>
#include <wolfssl/wolfcrypt/wc_port.h>

namespace lcproc::bench {
namespace {

const byte* Bytes(std::string_view s) { return reinterpret_cast<const byte*>(s.data()); }

bool InitOnce() {
  static const bool ok = wolfCrypt_Init() == 0;
  return ok;
}

}  // namespace

struct WolfSslVerifier::Key {
  bool is_ed25519 = false;
  ed25519_key ed{};
  ecc_key ec{};
  ~Key() {
    if (is_ed25519) {
      wc_ed25519_free(&ed);
    } else {
      wc_ecc_free(&ec);
    }
  }
};

WolfSslVerifier::WolfSslVerifier(std::unique_ptr<Key> key) : key_(std::move(key)) {}
WolfSslVerifier::~WolfSslVerifier() = default;

std::unique_ptr<WolfSslVerifier> WolfSslVerifier::Ed25519(std::string_view raw_public_key) {
  if (!InitOnce()) return nullptr;
  auto key = std::make_unique<Key>();
  key->is_ed25519 = true;
  if (wc_ed25519_init(&key->ed) != 0) return nullptr;
  if (wc_ed25519_import_public(Bytes(raw_public_key), raw_public_key.size(), &key->ed) != 0) {
    return nullptr;
  }
  return std::unique_ptr<WolfSslVerifier>(new WolfSslVerifier(std::move(key)));
}

std::unique_ptr<WolfSslVerifier> WolfSslVerifier::P256(std::string_view raw_public_key) {
  if (!InitOnce()) return nullptr;
  auto key = std::make_unique<Key>();
  if (wc_ecc_init(&key->ec) != 0) return nullptr;
  if (wc_ecc_import_x963_ex(Bytes(raw_public_key), raw_public_key.size(), &key->ec,
                            ECC_SECP256R1) != 0) {
    return nullptr;
  }
  return std::unique_ptr<WolfSslVerifier>(new WolfSslVerifier(std::move(key)));
}

bool WolfSslVerifier::Verify(std::string_view data, std::string_view signature) {
  int verified = 0;
  int rc = key_->is_ed25519 ? wc_ed25519_verify_msg(Bytes(signature), signature.size(), Bytes(data),
                                                    data.size(), &verified, &key_->ed)
                            : wc_ecc_verify_hash(Bytes(signature), signature.size(), Bytes(data),
                                                 data.size(), &verified, &key_->ec);
  return rc == 0 && verified == 1;
}

const char* WolfSslVerifier::Version() { return LIBWOLFSSL_VERSION_STRING; }

}  // namespace lcproc::bench
