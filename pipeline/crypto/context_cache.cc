#include "pipeline/crypto/context_cache.h"

#include <array>
#include <atomic>

namespace lcproc::crypto {
namespace {

struct Slot {
  uint64_t serial = 0;  // 0: empty
  KeyOperation op = KeyOperation::kSign;
  EvpPkeyCtxPtr pkey_ctx;
  EvpMdCtxPtr md_ctx;
};

Slot& SlotFor(uint64_t serial, KeyOperation op) {
  thread_local std::array<Slot, kContextCacheSlots> slots;
  // Sign and verify contexts of one key sit in neighbouring slots.
  return slots[(serial * 2 + static_cast<uint64_t>(op)) % kContextCacheSlots];
}

bool Matches(const Slot& slot, uint64_t serial, KeyOperation op) {
  return slot.serial == serial && slot.op == op;
}

}  // namespace

uint64_t NextKeySerial() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

EVP_PKEY_CTX* CachedPkeyContext(uint64_t serial, EVP_PKEY* pkey, KeyOperation op) {
  Slot& slot = SlotFor(serial, op);
  if (Matches(slot, serial, op) && slot.pkey_ctx) return slot.pkey_ctx.get();
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
  if (!ctx) return nullptr;
  int rc =
      op == KeyOperation::kSign ? EVP_PKEY_sign_init(ctx.get()) : EVP_PKEY_verify_init(ctx.get());
  if (rc != 1) return nullptr;
  slot.serial = serial;
  slot.op = op;
  slot.md_ctx.reset();
  slot.pkey_ctx = std::move(ctx);
  return slot.pkey_ctx.get();
}

EVP_MD_CTX* CachedDigestContext(uint64_t serial, EVP_PKEY* pkey, KeyOperation op) {
  Slot& slot = SlotFor(serial, op);
  if (Matches(slot, serial, op) && slot.md_ctx) return slot.md_ctx.get();
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx) return nullptr;
  int rc =
      op == KeyOperation::kSign
          ? EVP_DigestSignInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, pkey, nullptr)
          : EVP_DigestVerifyInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, pkey, nullptr);
  if (rc != 1) return nullptr;
  slot.serial = serial;
  slot.op = op;
  slot.pkey_ctx.reset();
  slot.md_ctx = std::move(ctx);
  return slot.md_ctx.get();
}

}  // namespace lcproc::crypto
