#include "pipeline/ledger/signed_note.h"

#include <optional>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/hex.h"
#include "pipeline/crypto/sha256.h"

namespace lcproc::ledger {
namespace {

constexpr char kEd25519Type = 0x01;  // c2sp.org/signed-note signature type
constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // U+2014 EM DASH, space
constexpr std::string_view kSignerPrefix = "PRIVATE+KEY+";

// Decodes one UTF-8 code point at s[i], advancing i; nullopt when ill-formed
// (overlong, surrogate, beyond U+10FFFF, truncated).
std::optional<char32_t> NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return std::nullopt;
  char32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  i += len;
  return cp;
}

// Go's unicode.IsSpace, which golang.org/x/mod/sumdb/note applies to key names.
bool IsUnicodeSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// c2sp.org/signed-note: valid UTF-8, no control characters other than newline.
bool IsValidNoteText(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto cp = NextCodePoint(s, i);
    if (!cp || (*cp < 0x20 && *cp != '\n')) return false;
  }
  return true;
}

// Key names are non-empty, UTF-8, without Unicode spaces or '+'.
bool IsValidKeyName(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size();) {
    auto cp = NextCodePoint(name, i);
    if (!cp || *cp < 0x20 || *cp == '+' || IsUnicodeSpace(*cp)) return false;
  }
  return true;
}

std::string KeyIdBytes(uint32_t id) {
  return {static_cast<char>(id >> 24), static_cast<char>(id >> 16), static_cast<char>(id >> 8),
          static_cast<char>(id)};
}

uint32_t KeyIdFromBytes(std::string_view b) {
  return uint32_t{static_cast<unsigned char>(b[0])} << 24 |
         uint32_t{static_cast<unsigned char>(b[1])} << 16 |
         uint32_t{static_cast<unsigned char>(b[2])} << 8 | static_cast<unsigned char>(b[3]);
}

// Splits at the first '+': "a+b+c" -> "a", "b+c" (base64 may hold '+', so only the
// fields before it are split).
std::pair<std::string_view, std::string_view> Chop(std::string_view s) {
  const size_t plus = s.find('+');
  if (plus == std::string_view::npos) return {s, {}};
  return {s.substr(0, plus), s.substr(plus + 1)};
}

// "<name>+<hex8>+<base64(type || key)>": the shared shape of both key encodings.
struct EncodedKey {
  std::string name;
  uint32_t key_id;
  std::string key;  // the 32 bytes after the Ed25519 type byte
};

Result<EncodedKey> ParseEncodedKey(std::string_view text, std::string_view what) {
  auto [name, rest] = Chop(text);
  auto [hex8, key64] = Chop(rest);
  auto id = crypto::HexDecode(hex8);
  auto key = crypto::Base64Decode(key64);
  if (!IsValidKeyName(name) || hex8.size() != 8 || !id.ok() || !key.ok() || key->empty()) {
    return Malformed(std::string(what) + " is not <name>+<hex8>+<base64>");
  }
  if ((*key)[0] != kEd25519Type) {
    return InvalidArgument(std::string(what) + " is not an Ed25519 (type 0x01) key");
  }
  if (key->size() != 33) return Malformed(std::string(what) + " Ed25519 key is not 32 bytes");
  return EncodedKey{std::string(name), KeyIdFromBytes(*id), key->substr(1)};
}

std::string EncodeKey(std::string_view name, uint32_t key_id, std::string_view key32) {
  return std::string(name) + "+" + crypto::HexEncode(KeyIdBytes(key_id)) + "+" +
         crypto::Base64Encode(std::string(1, kEd25519Type) + std::string(key32));
}

}  // namespace

uint32_t Ed25519NoteKeyId(std::string_view name, std::string_view public_key32) {
  const crypto::Digest d =
      crypto::Sha256({name, "\n", std::string_view(&kEd25519Type, 1), public_key32});
  return KeyIdFromBytes(crypto::AsBytes(d));
}

Result<NoteSigner> NoteSigner::Create(std::string name, crypto::PrivateKey ed25519_key) {
  if (ed25519_key.algorithm() != crypto::Algorithm::kEdDsa) {
    return InvalidArgument("note keys must be Ed25519");
  }
  if (!IsValidKeyName(name)) {
    return InvalidArgument("note key name must be non-empty UTF-8 without spaces or '+'");
  }
  const uint32_t id = Ed25519NoteKeyId(name, ed25519_key.public_key().RawPublicKey());
  return NoteSigner(std::move(name), std::move(ed25519_key), id);
}

Result<NoteSigner> NoteSigner::Generate(std::string name) {
  LCPROC_ASSIGN_OR_RETURN(auto key, crypto::PrivateKey::Generate(crypto::Algorithm::kEdDsa));
  return Create(std::move(name), std::move(key));
}

Result<NoteSigner> NoteSigner::FromSignerKey(std::string_view skey) {
  if (skey.substr(0, kSignerPrefix.size()) != kSignerPrefix) {
    return Malformed("note signer key must start with PRIVATE+KEY+");
  }
  LCPROC_ASSIGN_OR_RETURN(EncodedKey parsed,
                          ParseEncodedKey(skey.substr(kSignerPrefix.size()), "note signer key"));
  LCPROC_ASSIGN_OR_RETURN(auto key, crypto::PrivateKey::FromEd25519Seed(parsed.key));
  LCPROC_ASSIGN_OR_RETURN(NoteSigner signer, Create(std::move(parsed.name), std::move(key)));
  if (signer.key_id_ != parsed.key_id) {
    return InvalidArgument("note signer key ID does not match its name and key");
  }
  return signer;
}

Result<std::string> NoteSigner::Sign(std::string_view body) const {
  if (body.empty() || body.back() != '\n') return Malformed("note text must end in a newline");
  if (!IsValidNoteText(body)) {
    return Malformed("note text must be UTF-8 without control characters but newline");
  }
  LCPROC_ASSIGN_OR_RETURN(std::string sig, key_.Sign(body));
  std::string note(body);
  note += "\n";
  note += kSignaturePrefix;
  note += name_ + " " + crypto::Base64Encode(KeyIdBytes(key_id_) + sig) + "\n";
  return note;
}

std::string NoteSigner::VerifierKey() const {
  return EncodeKey(name_, key_id_, key_.public_key().RawPublicKey());
}

std::string NoteSigner::SignerKey() const {
  return std::string(kSignerPrefix) + EncodeKey(name_, key_id_, key_.Ed25519Seed());
}

Result<NoteVerifier> NoteVerifier::FromVerifierKey(std::string_view vkey) {
  LCPROC_ASSIGN_OR_RETURN(EncodedKey parsed, ParseEncodedKey(vkey, "note verifier key"));
  if (Ed25519NoteKeyId(parsed.name, parsed.key) != parsed.key_id) {
    return InvalidArgument("note verifier key ID does not match its name and key");
  }
  LCPROC_ASSIGN_OR_RETURN(auto key,
                          crypto::PublicKey::FromRaw(crypto::Algorithm::kEdDsa, parsed.key));
  return NoteVerifier(std::move(parsed.name), std::move(key), parsed.key_id);
}

Result<std::string> NoteVerifier::Verify(std::string_view note) const {
  if (!IsValidNoteText(note)) {
    return Malformed("signed note must be UTF-8 without control characters but newline");
  }
  // The text ends at the last blank line; signature lines follow it.
  const size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos) return Malformed("signed note has no signature block");
  const std::string_view text = note.substr(0, split + 1);
  std::string_view sigs = note.substr(split + 2);
  if (sigs.empty() || sigs.back() != '\n') {
    return Malformed("signed note must end in a newline-terminated signature line");
  }
  int count = 0;
  bool verified = false;
  while (!sigs.empty()) {
    const size_t nl = sigs.find('\n');
    std::string_view line = sigs.substr(0, nl);
    sigs.remove_prefix(nl + 1);
    if (++count > kMaxSignatures) return Malformed("signed note has too many signatures");
    if (line.substr(0, kSignaturePrefix.size()) != kSignaturePrefix) {
      return Malformed("signature line must start with an em dash and a space");
    }
    line.remove_prefix(kSignaturePrefix.size());
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return Malformed("signature line has no signature");
    const std::string_view name = line.substr(0, space);
    auto sig = crypto::Base64Decode(line.substr(space + 1));
    if (!IsValidKeyName(name) || !sig.ok() || sig->size() < 5) {
      return Malformed("signature line is not '<name> <base64(key ID || signature)>'");
    }
    // Lines by other keys are ignored (c2sp.org/signed-note §Signatures).
    if (name != name_ || KeyIdFromBytes(*sig) != key_id_) continue;
    Status ok = key_.Verify(text, std::string_view(*sig).substr(4));
    if (!ok.ok()) return Unauthenticated("signature by note key " + name_ + " does not verify");
    verified = true;
  }
  if (!verified) return Unauthenticated("signed note carries no signature by key " + name_);
  return std::string(text);
}

Result<Checkpoint> VerifyCheckpoint(const NoteVerifier& verifier, std::string_view note) {
  LCPROC_ASSIGN_OR_RETURN(std::string body, verifier.Verify(note));
  return ParseCheckpoint(body);
}

}  // namespace lcproc::ledger
