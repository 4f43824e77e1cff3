#include "services/demo/workload.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include <gtest/gtest.h>

#include "pipeline/crypto/jws.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/registry_json.h"
#include "pipeline/trade/calendar.h"
#include "pipeline/trade/lifecycle.h"

namespace lcproc::demo {
namespace {

trade::Date Today() { return *trade::Date::FromCivil(2026, 6, 17); }

WorkloadOptions Options(uint64_t seed) {
  WorkloadOptions o;
  o.seed = seed;
  o.today = Today();
  o.active_credits = 16;
  return o;
}

class WorkloadTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { network_ = new DemoNetwork(*DemoNetwork::Generate()); }
  static void TearDownTestSuite() { delete network_; }
  static DemoNetwork* network_;
};
DemoNetwork* WorkloadTest::network_ = nullptr;

// The whole point of the workload: the real lifecycle accepts every document, in the
// order generated, and finds exactly the planned UCP 600 discrepancies.
TEST_F(WorkloadTest, LifecycleAcceptsEveryDocumentInGeneratedOrder) {
  Workload workload(*network_, Options(7));
  auto docs = workload.Take(600);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  std::map<std::string, trade::CreditState> credits;
  trade::BankingCalendar calendar;
  int presentations = 0, discrepant = 0, payments = 0;
  for (const SignedDocument& d : *docs) {
    auto doc = formats::DecodeJson(d.submission.body);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    auto it = credits.find(d.credit_number);
    const trade::CreditState* current = it == credits.end() ? nullptr : &it->second;
    auto submitter = trade::Bic::Parse(d.submission.submitter);
    ASSERT_TRUE(submitter.ok());
    auto t = trade::Apply(current, *doc, *submitter, Today(), calendar);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    ASSERT_TRUE(t->outcome.accepted) << d.credit_number << " " << trade::DocumentTypeName(d.type)
                                     << ": " << t->outcome.reason.ToString();
    std::vector<std::string> codes;
    for (const auto& x : t->outcome.discrepancies) codes.push_back(x.code);
    EXPECT_EQ(codes, d.expect_discrepancies) << d.credit_number;
    credits[d.credit_number] = *t->state;
    if (d.type == trade::DocumentType::kPresentation) {
      ++presentations;
      discrepant += codes.empty() ? 0 : 1;
    }
    payments += d.type == trade::DocumentType::kPayment;
  }
  EXPECT_GT(presentations, 20);
  EXPECT_GT(discrepant, 0);
  EXPECT_LT(discrepant, presentations);
  EXPECT_GT(payments, 10);
  EXPECT_GT(credits.size(), 16u);
}

// The live demo's mix (lcproc demo): the whole consortium, every kind of defect, other
// documents and several countries. The real lifecycle accepts every document in order and
// finds exactly the one planned discrepancy of each discrepant presentation; each of the
// five defects occurs, the reimbursing bank of 53a pays, and the credits requiring a
// phytosanitary and a shipping company's certificate leave exactly the latter's function
// to a document checker.
TEST_F(WorkloadTest, LiveDemoMixHasEveryDefectTheReimbursingBankAndOtherDocuments) {
  WorkloadOptions o = Options(11);
  o.discrepant_percent = 35;
  o.rejected_amendment_percent = 25;
  o.every_defect = true;
  o.reimbursed_percent = 40;
  o.certificates_percent = 50;
  o.many_countries = true;
  Workload workload(*network_, o);
  auto docs = workload.Take(1500);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  std::map<std::string, trade::CreditState> credits;
  trade::BankingCalendar calendar;
  std::map<std::string, int> codes_seen;
  std::set<std::string> applicant_countries, beneficiary_countries;
  int reimbursements = 0, with_certificates = 0, documents = 0, automatic = 0;
  for (const SignedDocument& d : *docs) {
    auto doc = formats::DecodeJson(d.submission.body);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    auto it = credits.find(d.credit_number);
    const trade::CreditState* current = it == credits.end() ? nullptr : &it->second;
    auto submitter = trade::Bic::Parse(d.submission.submitter);
    ASSERT_TRUE(submitter.ok());
    auto t = trade::Apply(current, *doc, *submitter, Today(), calendar);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    ASSERT_TRUE(t->outcome.accepted) << d.credit_number << " " << trade::DocumentTypeName(d.type)
                                     << ": " << t->outcome.reason.ToString();
    std::vector<std::string> codes;
    for (const auto& x : t->outcome.discrepancies) codes.push_back(x.code);
    ASSERT_EQ(codes, d.expect_discrepancies) << d.credit_number << " " << d.submission.body;
    for (const auto& c : codes) ++codes_seen[c];
    credits[d.credit_number] = *t->state;
    if (const auto* lc = std::get_if<trade::LetterOfCredit>(&*doc)) {
      applicant_countries.insert(lc->applicant.country.str());
      beneficiary_countries.insert(lc->beneficiary.country.str());
    }
    if (d.type == trade::DocumentType::kPresentation) {
      const trade::ExaminationResult& exam = *t->outcome.examination;
      const auto& p = std::get<trade::Presentation>(*doc);
      documents += exam.documents_presented;
      automatic += exam.documents_examined_automatically;
      if (!p.other_documents.empty()) {
        ++with_certificates;
        // Eight documents; the shipping company's certificate's function is a checker's.
        EXPECT_EQ(exam.documents_presented, 8);
        EXPECT_EQ(exam.documents_examined_automatically, 7);
        ASSERT_EQ(exam.manual_checks.size(), 1u) << d.credit_number;
        EXPECT_EQ(exam.manual_checks[0].document, "otherDocument");
      } else {
        EXPECT_EQ(exam.documents_presented, 6);
        EXPECT_EQ(exam.documents_examined_automatically, 6);
        EXPECT_TRUE(exam.manual_checks.empty()) << d.credit_number;
      }
    }
    if (d.type == trade::DocumentType::kPayment &&
        d.submission.submitter == network_->reimbursing().bic) {
      ++reimbursements;
    }
  }
  for (Defect defect : kAllDefects) {
    EXPECT_GT(codes_seen[DefectCode(defect)], 0) << DefectCode(defect);
  }
  EXPECT_EQ(codes_seen.size(), std::size(kAllDefects));
  EXPECT_GT(reimbursements, 5);
  EXPECT_GT(with_certificates, 5);
  EXPECT_GE(applicant_countries.size(), 4u);
  EXPECT_EQ(beneficiary_countries, (std::set<std::string>{"KH", "VN"}));
  EXPECT_LT(automatic, documents);
  std::cout << "examined automatically: " << automatic << " of " << documents << " documents\n";
}

TEST_F(WorkloadTest, EverySignatureVerifiesWithTheSubmittersKey) {
  Workload workload(*network_, Options(3));
  for (int i = 0; i < 50; ++i) {
    auto d = workload.Next();
    ASSERT_TRUE(d.ok());
    const DemoBank* bank = nullptr;
    for (const DemoBank& b : network_->banks()) {
      if (b.bic == d->submission.submitter) bank = &b;
    }
    ASSERT_NE(bank, nullptr);
    EXPECT_TRUE(
        crypto::VerifyDetached(d->submission.jws, d->submission.body, bank->key.public_key()).ok());
  }
}

TEST_F(WorkloadTest, SameSeedGivesSameBodiesAndDifferentSeedDiffers) {
  Workload a(*network_, Options(11)), b(*network_, Options(11)), c(*network_, Options(12));
  auto da = a.Take(40), db = b.Take(40), dc = c.Take(40);
  ASSERT_TRUE(da.ok() && db.ok() && dc.ok());
  bool differs = false;
  for (size_t i = 0; i < 40; ++i) {
    EXPECT_EQ((*da)[i].submission.body, (*db)[i].submission.body);
    differs |= (*da)[i].submission.body != (*dc)[i].submission.body;
  }
  EXPECT_TRUE(differs);
}

TEST_F(WorkloadTest, BodiesAverageAboutTwoKibibytes) {
  Workload workload(*network_, Options(5));
  auto docs = workload.Take(400);
  ASSERT_TRUE(docs.ok());
  size_t total = 0;
  std::map<std::string_view, std::pair<size_t, size_t>> by_type;  // count, bytes
  for (const auto& d : *docs) {
    total += d.submission.body.size();
    auto& [count, bytes] = by_type[trade::DocumentTypeName(d.type)];
    ++count;
    bytes += d.submission.body.size();
  }
  for (const auto& [type, cb] : by_type) {
    std::cout << type << ": " << cb.first << " documents, " << cb.second / cb.first << " bytes\n";
  }
  const size_t average = total / docs->size();
  RecordProperty("average_body_bytes", static_cast<int>(average));
  std::cout << "average body: " << average << " bytes\n";
  EXPECT_GT(average, 1024u);
  EXPECT_LT(average, 4096u);
}

TEST_F(WorkloadTest, NetworkSurvivesSaveAndLoadAndBuildsAValidRegistry) {
  const std::string dir = ::testing::TempDir() + "/demo-network-" + std::to_string(::getpid());
  // Removed however the test ends, so runs leave nothing behind in the shared /tmp.
  struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() { std::filesystem::remove_all(path); }
  } cleanup{dir};
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(network_->Save(dir).ok());
  auto loaded = DemoNetwork::Load(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->banks().size(), network_->banks().size());
  for (size_t i = 0; i < loaded->banks().size(); ++i) {
    EXPECT_EQ(loaded->banks()[i].key.public_key().key_id(),
              network_->banks()[i].key.public_key().key_id());
  }
  auto registry = formats::ParseRegistryJson(loaded->RegistryJson());
  ASSERT_TRUE(registry.ok()) << registry.status().ToString();
  const auto& advising = loaded->advising();
  EXPECT_TRUE(registry->Authorize(advising.bic, advising.key.public_key().key_id(), 0).ok());
  EXPECT_FALSE(
      registry->Authorize(loaded->issuing().bic, advising.key.public_key().key_id(), 0).ok());
  EXPECT_EQ(DemoNetwork::Load(dir + "/nowhere").status().code(), StatusCode::kNotFound);

  // A network saved before the reimbursing bank joined the demo: Load gives that bank a
  // fresh key and writes it, and keeps every other bank's.
  const std::string reimbursing_pem = dir + "/" + network_->reimbursing().bic + ".pem";
  ASSERT_TRUE(std::filesystem::remove(reimbursing_pem));
  auto older = DemoNetwork::Load(dir);
  ASSERT_TRUE(older.ok()) << older.status().ToString();
  EXPECT_TRUE(std::filesystem::exists(reimbursing_pem));
  EXPECT_EQ(older->issuing().key.public_key().key_id(),
            network_->issuing().key.public_key().key_id());
  EXPECT_NE(older->reimbursing().key.public_key().key_id(),
            network_->reimbursing().key.public_key().key_id());
  auto again = DemoNetwork::Load(dir);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->reimbursing().key.public_key().key_id(),
            older->reimbursing().key.public_key().key_id());
}

}  // namespace
}  // namespace lcproc::demo
