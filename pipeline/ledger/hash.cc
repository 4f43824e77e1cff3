#include "pipeline/ledger/hash.h"

#include <array>
#include <cassert>
#include <cstring>

namespace lcproc::ledger {

crypto::Digest LeafHash(std::string_view leaf_bytes) {
  static constexpr char kLeafPrefix = 0x00;  // RFC 9162 §2.1.1
  return crypto::Sha256({std::string_view(&kLeafPrefix, 1), leaf_bytes});
}

crypto::Digest NodeHash(const crypto::Digest& left, const crypto::Digest& right) {
  static constexpr char kNodePrefix = 0x01;  // RFC 9162 §2.1.1
  return crypto::Sha256(
      {std::string_view(&kNodePrefix, 1), crypto::AsBytes(left), crypto::AsBytes(right)});
}

crypto::Digest EmptyRoot() {
  static const crypto::Digest kEmpty = crypto::Sha256(std::string_view());
  return kEmpty;
}

crypto::Digest PerfectSubtreeRoot(std::string_view hashes) {
  constexpr size_t kSize = sizeof(crypto::Digest);
  const size_t count = hashes.size() / kSize;
  assert(count > 0 && hashes.size() % kSize == 0 && (count & (count - 1)) == 0);
  // A stack of pending left siblings, one per height, as in a compact range: pushing
  // the i-th hash merges as many times as i+1 has trailing zero bits.
  std::array<crypto::Digest, 64> stack;
  size_t depth = 0;
  for (size_t i = 0; i < count; ++i) {
    crypto::Digest node;
    std::memcpy(node.data(), hashes.data() + i * kSize, kSize);
    for (size_t n = i + 1; (n & 1) == 0; n >>= 1) node = NodeHash(stack[--depth], node);
    stack[depth++] = node;
  }
  assert(depth == 1);
  return stack[0];
}

}  // namespace lcproc::ledger
