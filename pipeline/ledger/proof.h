// Both proof kinds of the ledger, for callers that serve or check either: inclusion
// (RFC 9162 §2.1.3) and consistency (RFC 9162 §2.1.4), plus RootAt for past sizes.
#pragma once

#include "pipeline/ledger/consistency_proof.h"
#include "pipeline/ledger/inclusion_proof.h"
#include "pipeline/ledger/tree_hashes.h"
