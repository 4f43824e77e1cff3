#include "pipeline/crypto/sha256.h"

#include <cstdlib>

#include "pipeline/crypto/hex.h"
#include "pipeline/crypto/openssl_ptr.h"

namespace lcproc::crypto {
namespace {

// One context per thread, reset per digest: EVP_MD_CTX_new per call would allocate.
EVP_MD_CTX* ThreadContext() {
  thread_local EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  return ctx.get();
}

Digest Finish(EVP_MD_CTX* ctx) {
  Digest out;
  unsigned int len = 0;
  // SHA-256 over memory cannot fail once initialised; a failure here means OpenSSL
  // itself is broken, which is not a per-document error.
  if (EVP_DigestFinal_ex(ctx, out.data(), &len) != 1 || len != out.size()) std::abort();
  return out;
}

}  // namespace

Digest Sha256(std::string_view data) { return Sha256({data}); }

Digest Sha256(std::initializer_list<std::string_view> parts) {
  EVP_MD_CTX* ctx = ThreadContext();
  if (ctx == nullptr || EVP_DigestInit_ex(ctx, Sha256Md(), nullptr) != 1) std::abort();
  for (std::string_view p : parts) {
    if (!p.empty() && EVP_DigestUpdate(ctx, p.data(), p.size()) != 1) std::abort();
  }
  return Finish(ctx);
}

std::string ToHex(const Digest& d) { return HexEncode(AsBytes(d)); }

}  // namespace lcproc::crypto
