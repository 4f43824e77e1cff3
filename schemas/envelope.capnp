# What a bank submits: the exact bytes it signed and how it signed them.
#
# The body is kept byte for byte (never re-serialised) because the bank's detached JWS
# (RFC 7515 with RFC 7797 "b64":false) covers exactly those bytes; anyone holding a
# Submission can re-check the signature without trusting lcproc's decoder.
@0x8401706b6281302a;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("lcproc::schemas");

enum SignatureAlgorithm {
  unspecified @0;
  es256 @1;     # ECDSA P-256 with SHA-256, raw r||s (RFC 7518 section 3.4)
  edDsa @2;     # Ed25519 (RFC 8037)
}

struct Submission {
  submitterBic @0 :Text;          # ISO 9362 BIC of the submitting bank
  keyId @1 :Text;                 # base64url SHA-256 of the key's DER SubjectPublicKeyInfo
  algorithm @2 :SignatureAlgorithm;
  detachedJws @3 :Text;           # "header..signature", payload detached (RFC 7515 appendix F)
  contentType @4 :Text;           # "application/json", "application/x-capnp", "application/vnd.swift.mt"
  body @5 :Data;                  # the exact bytes signed
  receivedAtMillis @6 :Int64;     # processor clock, milliseconds since the Unix epoch
  idempotencyKey @7 :Text;        # the client's Idempotency-Key header, if any
}

# A Submission as it travels: the same fields, named for transport.
struct Envelope {
  submission @0 :Submission;
}
