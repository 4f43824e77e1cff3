#include "services/gateway/access_policy.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace lcproc::gateway {
namespace {

const Caller kAnonymous{};
const Caller kOperator{Role::kOperator, ""};
const Caller kIssuer{Role::kBank, "COBADEHHXXX"};
const Caller kIssuerShort{Role::kBank, "COBADEHH"};
const Caller kOutsider{Role::kBank, "DBSSSGSGXXX"};
const std::vector<std::string> kReaders = {"BFTVVNVXXXX", "COBADEHHXXX"};

struct Row {
  const char* name;
  Caller caller;
  Resource resource;
  Access expect;
};

// The whole policy as a table: each role on each kind of resource, as a party and not.
const Row kTable[] = {
    {"anonymous reads public", kAnonymous, Resource::kPublic, Access::kAllow},
    {"anonymous writes", kAnonymous, Resource::kWrite, Access::kUnauthenticated},
    {"anonymous lists", kAnonymous, Resource::kOwnCollection, Access::kUnauthenticated},
    {"anonymous reads party data", kAnonymous, Resource::kPartyData, Access::kUnauthenticated},
    {"operator reads public", kOperator, Resource::kPublic, Access::kAllow},
    {"operator writes", kOperator, Resource::kWrite, Access::kForbidden},
    {"operator lists", kOperator, Resource::kOwnCollection, Access::kAllow},
    {"operator reads any party data", kOperator, Resource::kPartyData, Access::kAllow},
    {"party reads public", kIssuer, Resource::kPublic, Access::kAllow},
    {"party writes", kIssuer, Resource::kWrite, Access::kAllow},
    {"party lists", kIssuer, Resource::kOwnCollection, Access::kAllow},
    {"party reads its data", kIssuer, Resource::kPartyData, Access::kAllow},
    {"party in 8-character form reads its data", kIssuerShort, Resource::kPartyData,
     Access::kAllow},
    {"outsider reads public", kOutsider, Resource::kPublic, Access::kAllow},
    {"outsider writes its own", kOutsider, Resource::kWrite, Access::kAllow},
    {"outsider lists its own", kOutsider, Resource::kOwnCollection, Access::kAllow},
    {"outsider reads another's data: hidden", kOutsider, Resource::kPartyData, Access::kHidden},
    {"anonymous reads work queues", kAnonymous, Resource::kWorkQueues, Access::kUnauthenticated},
    {"operator reads work queues", kOperator, Resource::kWorkQueues, Access::kAllow},
    {"bank reads its work queues", kOutsider, Resource::kWorkQueues, Access::kAllow},
    {"anonymous reads operator figures", kAnonymous, Resource::kOperatorOnly,
     Access::kUnauthenticated},
    {"operator reads operator figures", kOperator, Resource::kOperatorOnly, Access::kAllow},
    {"party reads operator figures: forbidden", kIssuer, Resource::kOperatorOnly,
     Access::kForbidden},
};

TEST(AccessPolicyTest, TableOfRolesResourcesAndParties) {
  for (const Row& row : kTable) {
    EXPECT_EQ(Decide(row.caller, row.resource, kReaders), row.expect) << row.name;
  }
}

TEST(AccessPolicyTest, NobodyIsAReaderOfDataWithNoReaders) {
  EXPECT_EQ(Decide(kIssuer, Resource::kPartyData, {}), Access::kHidden);
  EXPECT_EQ(Decide(kOperator, Resource::kPartyData, {}), Access::kAllow);
}

TEST(AccessPolicyTest, EightCharacterBicIsThePrimaryOffice) {
  EXPECT_EQ(NormalizedBic("COBADEHH"), "COBADEHHXXX");
  EXPECT_EQ(NormalizedBic("COBADEHHXXX"), "COBADEHHXXX");
  EXPECT_EQ(NormalizedBic("COBADEHH500"), "COBADEHH500");
  // A branch is not the primary office.
  EXPECT_EQ(Decide({Role::kBank, "COBADEHH500"}, Resource::kPartyData, kReaders), Access::kHidden);
}

}  // namespace
}  // namespace lcproc::gateway
