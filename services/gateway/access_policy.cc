#include "services/gateway/access_policy.h"

#include <algorithm>

namespace lcproc::gateway {

Access Decide(const Caller& caller, Resource resource, const std::vector<std::string>& readers) {
  switch (resource) {
    case Resource::kPublic: return Access::kAllow;
    case Resource::kWrite:
      if (caller.role == Role::kAnonymous) return Access::kUnauthenticated;
      // Operators read everything and submit nothing.
      return caller.role == Role::kBank ? Access::kAllow : Access::kForbidden;
    case Resource::kWorkQueues:
    case Resource::kOwnCollection:
      return caller.role == Role::kAnonymous ? Access::kUnauthenticated : Access::kAllow;
    case Resource::kOperatorOnly:
      if (caller.role == Role::kAnonymous) return Access::kUnauthenticated;
      return caller.role == Role::kOperator ? Access::kAllow : Access::kForbidden;
    case Resource::kPartyData:
      if (caller.role == Role::kAnonymous) return Access::kUnauthenticated;
      if (caller.role == Role::kOperator) return Access::kAllow;
      return std::any_of(readers.begin(), readers.end(),
                         [me = NormalizedBic(caller.bic)](const std::string& r) {
                           return NormalizedBic(r) == me;
                         })
                 ? Access::kAllow
                 : Access::kHidden;
  }
  return Access::kForbidden;
}

std::string NormalizedBic(std::string_view bic) {
  std::string out(bic);
  if (out.size() == 8) out += "XXX";
  return out;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAnonymous: return "anonymous";
    case Role::kBank: return "bank";
    case Role::kOperator: return "operator";
  }
  return "anonymous";
}

}  // namespace lcproc::gateway
