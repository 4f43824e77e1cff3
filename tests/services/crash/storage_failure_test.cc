// Disk full and read-only storage (issue 5): while the disk refuses writes, submissions
// fail with a clear error and are not acknowledged; nothing acknowledged before is
// lost; once space returns (or the file system is writable again) the same engine
// accepts the failed submissions again, and the ledger survives a restart and passes
// the audit. The failures are SQLite's own error paths, driven by FailingVfs.
#include "tests/services/crash/failing_vfs.h"

#include <unistd.h>

#include <filesystem>
#include <future>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ledger_store/ledger_audit.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "services/demo/demo_node.h"
#include "services/demo/workload.h"

namespace lcproc {
namespace {

using testing::DiskFault;
using testing::FailingVfs;

class StorageFailureTest : public ::testing::TestWithParam<DiskFault> {
 protected:
  void SetUp() override {
    FailingVfs::Install();
    FailingVfs::Set(DiskFault::kNone);
    dir_ = ::testing::TempDir() + "/lcproc-storage-" + std::to_string(::getpid()) + "-" +
           std::to_string(static_cast<int>(GetParam()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override {
    FailingVfs::Set(DiskFault::kNone);
    std::filesystem::remove_all(dir_);
  }

  static std::vector<engine::Outcome> SubmitAll(engine::Engine& engine,
                                                const std::vector<demo::SignedDocument>& docs) {
    std::vector<std::future<engine::Outcome>> futures;
    for (const auto& d : docs) {
      futures.push_back(engine.Submit(std::make_unique<engine::Submission>(d.submission)));
    }
    std::vector<engine::Outcome> outcomes;
    for (auto& f : futures) outcomes.push_back(f.get());
    return outcomes;
  }

  std::string dir_;
};

TEST_P(StorageFailureTest, FailsClearlyKeepsAcknowledgedAndRecovers) {
  auto node = demo::DemoNode::Open(dir_);
  ASSERT_TRUE(node.ok()) << node.status().ToString();
  demo::WorkloadOptions options;
  options.today =
      trade::Date::FromDays(static_cast<int32_t>((*node)->clock().NowMillis() / 86'400'000));
  options.idempotency_prefix = "k";
  demo::Workload workload((*node)->network(), options);
  auto before = workload.Take(200);
  auto during = workload.Take(100);
  ASSERT_TRUE(before.ok() && during.ok());
  for (auto* docs : {&*before, &*during}) {
    for (auto& d : *docs) d.submission.received_millis = (*node)->clock().NowMillis();
  }

  std::map<std::string, uint64_t> acknowledged;
  std::vector<engine::Outcome> first = SubmitAll((*node)->engine(), *before);
  for (size_t i = 0; i < first.size(); ++i) {
    ASSERT_EQ(first[i].verdict, engine::Verdict::kAccepted) << first[i].status.ToString();
    acknowledged[(*before)[i].submission.idempotency_key] = *first[i].leaf_index;
  }

  FailingVfs::Set(GetParam());
  std::vector<engine::Outcome> refused = SubmitAll((*node)->engine(), *during);
  // The batch whose commit hit the fault says why (IoError naming the cause); batches
  // sequenced behind it are answered Unavailable ("resubmit"): the engine rolled back.
  int with_cause = 0;
  const std::string cause = GetParam() == DiskFault::kFull ? "full" : "I/O";
  for (const engine::Outcome& o : refused) {
    ASSERT_EQ(o.verdict, engine::Verdict::kFailed);
    EXPECT_FALSE(o.leaf_index.has_value());
    if (o.status.code() == StatusCode::kIoError) {
      EXPECT_NE(o.status.message().find(cause), std::string::npos) << o.status.ToString();
      ++with_cause;
    } else {
      EXPECT_EQ(o.status.code(), StatusCode::kUnavailable) << o.status.ToString();
    }
  }
  EXPECT_GT(with_cause, 0);
  EXPECT_GT(FailingVfs::refused_writes(), 0);
  EXPECT_EQ((*node)->engine().committed_size(), 200u);

  // Space returns: the same submissions (same idempotency keys) now go through, in order.
  FailingVfs::Set(DiskFault::kNone);
  std::vector<engine::Outcome> retried = SubmitAll((*node)->engine(), *during);
  for (size_t i = 0; i < retried.size(); ++i) {
    ASSERT_EQ(retried[i].verdict, engine::Verdict::kAccepted) << retried[i].status.ToString();
    EXPECT_FALSE(retried[i].duplicate);
    acknowledged[(*during)[i].submission.idempotency_key] = *retried[i].leaf_index;
  }
  node->reset();

  // After a restart every acknowledged document is there once, at its index.
  node = demo::DemoNode::Open(dir_);
  ASSERT_TRUE(node.ok()) << node.status().ToString();
  store::DataDir& data = (*node)->data_dir();
  auto size = data.store().Size();
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(*size, 300u);
  std::map<std::string, uint64_t> found;
  Status scan = data.store().ScanLeaves(0, *size, [&](uint64_t index, std::string_view leaf) {
    LCPROC_ASSIGN_OR_RETURN(ledger_store::LedgerEntry entry, ledger_store::DecodeLeaf(leaf));
    if (!found.emplace(entry.idempotency_key, index).second)
      return DataLoss("twice: " + entry.idempotency_key);
    return Status::Ok();
  });
  ASSERT_TRUE(scan.ok()) << scan.ToString();
  EXPECT_EQ(found, acknowledged);
  auto audit = ledger_store::AuditLedger(data.store(), data.registry(), data.verifier());
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  EXPECT_EQ(audit->entries, 300u);
}

INSTANTIATE_TEST_SUITE_P(DiskFaults, StorageFailureTest,
                         ::testing::Values(DiskFault::kFull, DiskFault::kReadOnly),
                         [](const auto& info) {
                           return std::string(info.param == DiskFault::kFull ? "DiskFull"
                                                                             : "ReadOnly");
                         });

}  // namespace
}  // namespace lcproc
