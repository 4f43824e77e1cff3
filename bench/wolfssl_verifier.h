// Ed25519 and ECDSA P-256 verification through wolfCrypt (Debian's libwolfssl 5.5),
// measured by crypto_bench beside OpenSSL and libsodium. Not used by lcproc itself.
//
// In a translation unit of its own because <wolfssl/options.h> defines macros
// (OPENSSL_NO_EC among them) that break OpenSSL's headers when both are included. One
// verifier per thread: wolfCrypt's verify calls take a non-const key.
#pragma once

#include <memory>
#include <string_view>

namespace lcproc::bench {

class WolfSslVerifier {
 public:
  // `raw_public_key`: 32 bytes for Ed25519, the 65-byte uncompressed point for P-256.
  // nullptr when wolfCrypt refuses the key.
  static std::unique_ptr<WolfSslVerifier> Ed25519(std::string_view raw_public_key);
  static std::unique_ptr<WolfSslVerifier> P256(std::string_view raw_public_key);
  ~WolfSslVerifier();

  // Ed25519: `data` is the message, `signature` 64 bytes. P-256: `data` is the 32-byte
  // SHA-256 digest, `signature` DER. True when it verifies.
  bool Verify(std::string_view data, std::string_view signature);

  // wolfSSL's version string, e.g. "5.5.4".
  static const char* Version();

  struct Key;

 private:
  explicit WolfSslVerifier(std::unique_ptr<Key> key);
  std::unique_ptr<Key> key_;
};

}  // namespace lcproc::bench
