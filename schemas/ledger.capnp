# The append-only ledger: one RFC 6962 leaf per authenticated submission and its
# outcome, signed checkpoints (C2SP tlog-checkpoint) and the receipt a bank gets back.
@0xf4713fe819102ab4;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("lcproc::schemas");

using Envelope = import "envelope.capnp";
using Trade = import "trade.capnp";

enum Decision {
  unspecified @0;
  accepted @1;
  rejected @2;
}

struct Outcome {
  decision @0 :Decision;
  statusCode @1 :Text;            # lcproc StatusCode name when rejected ("failed_precondition")
  reason @2 :Text;
  examination @3 :Trade.ExaminationResult;  # set for presentations
}

# The leaf data: the exact signed bytes with their JWS, and the processor's outcome,
# so that anyone holding a leaf can re-check both.
struct LedgerEntry {
  index @0 :UInt64;               # leaf index in the tree
  submission @1 :Envelope.Submission;
  outcome @2 :Outcome;
  documentaryCreditNumber @3 :Text;
  committedAtMillis @4 :Int64;
}

# A C2SP tlog-checkpoint: the signed note's text is kept verbatim.
struct Checkpoint {
  origin @0 :Text;
  treeSize @1 :UInt64;
  rootHash @2 :Data;              # 32 bytes, RFC 6962 Merkle tree hash
  signedNote @3 :Text;            # the whole note, signature lines included
}

struct Receipt {
  leafIndex @0 :UInt64;
  outcome @1 :Outcome;
  checkpoint @2 :Checkpoint;      # the first checkpoint covering the leaf
  inclusionProof @3 :List(Data);  # RFC 9162 section 2.1.3 audit path, 32-byte hashes
}
