// AccessPolicy: who may do what through the REST API, in one place. Every handler asks
// here; none decides access on its own.
//
//   caller      write (POST documents)        read credit / document / entry
//   bank        yes, as itself                only when a reader of it (a party to the
//                                             credit, or the submitter of the entry)
//   operator    never                         everything
//   anonymous   never                         public resources only
//
// The operations views (/v1/ops/*): the work queues are read by operators for every
// credit and by a bank for the credits it may read (the handler filters each credit
// through kPartyData); the live figures, discrepancy and rejection tables span every
// bank and are the operator's only (a bank gets 403).
//
// Public resources (checkpoint, tiles, proofs, participants, health, metrics, the
// OpenAPI document) need no caller. A refused read is answered 404, the same as a
// missing resource, so existence does not leak; a refused write is 403.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lcproc::gateway {

enum class Role { kAnonymous, kBank, kOperator };

struct Caller {
  Role role = Role::kAnonymous;
  std::string bic;  // the bank's BIC when role == kBank; empty otherwise
};

enum class Access { kAllow, kUnauthenticated, kForbidden, kHidden };

enum class Resource {
  kPublic,         // checkpoint, tiles, proofs, participants, health, openapi
  kWrite,          // POST /v1/documents, POST /v1/documents:batch
  kPartyData,      // a credit, a document, a ledger entry's contents
  kOwnCollection,  // the caller's inbox and credit listing: any authenticated caller
  kWorkQueues,     // /v1/ops/queues: any authenticated caller, filtered per credit
  kOperatorOnly,   // /v1/ops/live, /v1/ops/discrepancies, /v1/ops/rejections
};

// The decision for `caller` on `resource`. `readers` (for kPartyData) lists every BIC
// that may read it: the credit's parties and the entry's submitter(s), in any BIC form.
// kUnauthenticated: no caller where one is needed (401); kForbidden: 403; kHidden:
// answer as not found (404).
Access Decide(const Caller& caller, Resource resource,
              const std::vector<std::string>& readers = {});

std::string_view RoleName(Role role);

// A BIC in its 11-character form: an 8-character BIC names the primary office, the same
// bank as its "XXX" branch (ISO 9362). Readers lists and callers compare in this form.
std::string NormalizedBic(std::string_view bic);  // "anonymous", "bank", "operator"

}  // namespace lcproc::gateway
