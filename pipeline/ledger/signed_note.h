// Signed notes (c2sp.org/signed-note) with Ed25519 keys: the envelope of checkpoints.
//
// A note is a text ending in a newline, a blank line, then signature lines
// "— <key name> <base64(4-byte key ID || signature)>\n" (the dash is U+2014). The key
// ID is SHA-256(name || 0x0A || 0x01 || 32-byte public key)[:4], big-endian. Keys are
// exchanged in the golang.org/x/mod/sumdb/note encodings:
//   verifier key  "<name>+<8 hex key ID>+<base64(0x01 || public key)>"
//   signer key    "PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 || 32-byte seed)>"
// Signer and verifier are immutable after creation; Sign and Verify are const and safe
// to call from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/crypto/private_key.h"
#include "pipeline/crypto/public_key.h"
#include "pipeline/ledger/checkpoint.h"
#include "pipeline/status.h"

namespace lcproc::ledger {

class NoteSigner {
 public:
  // InvalidArgument when the key is not Ed25519 or the name is empty, holds a space, a
  // '+' or a control character, or is not UTF-8.
  static Result<NoteSigner> Create(std::string name, crypto::PrivateKey ed25519_key);
  // A fresh Ed25519 key under `name`.
  static Result<NoteSigner> Generate(std::string name);
  // Parses the "PRIVATE+KEY+..." form; Malformed when it is not one, InvalidArgument
  // when the key ID does not match the name and key.
  static Result<NoteSigner> FromSignerKey(std::string_view skey);

  // body + "\n" + one signature line. Malformed when the body is empty, does not end
  // in a newline, is not UTF-8 or holds control characters other than newline.
  Result<std::string> Sign(std::string_view body) const;

  // "<name>+<hex8>+<base64(0x01||pubkey)>", for auditors to configure.
  std::string VerifierKey() const;
  // "PRIVATE+KEY+<name>+<hex8>+<base64(0x01||seed)>". Secret: whoever writes it to disk
  // must restrict the file's mode.
  std::string SignerKey() const;

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }

 private:
  NoteSigner(std::string name, crypto::PrivateKey key, uint32_t key_id)
      : name_(std::move(name)), key_(std::move(key)), key_id_(key_id) {}
  std::string name_;
  crypto::PrivateKey key_;
  uint32_t key_id_;
};

class NoteVerifier {
 public:
  // Parses "<name>+<hex8>+<base64(0x01||pubkey)>". Malformed when it is not one;
  // InvalidArgument for another signature type or a key ID that does not match.
  static Result<NoteVerifier> FromVerifierKey(std::string_view vkey);

  // The note's text (including its final newline, without the blank line) when a
  // signature line by this key (same name and key ID) verifies. Lines by other keys
  // are ignored, as the spec requires. Malformed when the note is not a signed note
  // (no blank line, a bad signature line, control characters, not UTF-8, more than
  // kMaxSignatures lines); Unauthenticated when no line is by this key or a line by
  // this key does not verify.
  Result<std::string> Verify(std::string_view note) const;

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }

  // The spec requires accepting at least 16; golang.org/x/mod/sumdb/note allows 100.
  static constexpr int kMaxSignatures = 100;

 private:
  NoteVerifier(std::string name, crypto::PublicKey key, uint32_t key_id)
      : name_(std::move(name)), key_(std::move(key)), key_id_(key_id) {}
  std::string name_;
  crypto::PublicKey key_;
  uint32_t key_id_;
};

// The key ID of c2sp.org/signed-note §"Ed25519 signatures".
uint32_t Ed25519NoteKeyId(std::string_view name, std::string_view public_key32);

// Verifies the note with `verifier` and parses its text as a checkpoint. Errors as
// NoteVerifier::Verify, then ParseCheckpoint.
Result<Checkpoint> VerifyCheckpoint(const NoteVerifier& verifier, std::string_view note);

}  // namespace lcproc::ledger
