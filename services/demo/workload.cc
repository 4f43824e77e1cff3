#include "services/demo/workload.h"

#include "pipeline/crypto/jws.h"
#include "pipeline/formats/json_codec.h"

namespace lcproc::demo {

Result<engine::Submission> SignDocument(const DemoBank& bank, const trade::Document& document) {
  engine::Submission s;
  s.submitter = bank.bic;
  s.content_type = "application/json";
  s.body = formats::EncodeJson(document);
  LCPROC_ASSIGN_OR_RETURN(s.jws, crypto::SignDetached(bank.key, s.body));
  return s;
}

Workload::Workload(const DemoNetwork& network, WorkloadOptions options)
    : network_(network), options_(std::move(options)), rng_(options_.seed) {
  for (size_t i = 0; i < options_.active_credits; ++i) open_.push_back(StartCredit());
}

Workload::OpenCredit Workload::StartCredit() {
  ++credits_started_;
  CreditPlan plan;
  plan.credit_number = options_.credit_prefix + std::to_string(credits_started_);
  plan.today = options_.today;
  plan.variant = rng_();
  auto percent = [this](int p) { return static_cast<int>(rng_() % 100) < p; };
  plan.confirmed = percent(options_.confirmed_percent);
  plan.amendment_accepted = !percent(options_.rejected_amendment_percent);
  plan.partial_shipments = percent(options_.partial_shipment_percent);
  if (percent(options_.discrepant_percent)) {
    // Which shipment is late: any of the credit's 2-4 lines, or the only presentation.
    plan.discrepant_presentation = plan.partial_shipments ? 1 + static_cast<int>(rng_() % 2) : 1;
    if (options_.every_defect) {
      // Shares seen in practice: dates first (late shipment, late presentation), then
      // documents inconsistent with the credit, then amounts.
      const int roll = static_cast<int>(rng_() % 100);
      plan.defect = roll < 30   ? Defect::kLateShipment
                    : roll < 55 ? Defect::kLatePresentation
                    : roll < 75 ? Defect::kPortOfLoading
                    : roll < 90 ? Defect::kUnderinsured
                                : Defect::kAmountOverTolerance;
      if (plan.defect == Defect::kAmountOverTolerance) {
        // Drawn over the whole credit's tolerance: one presentation of every line.
        plan.partial_shipments = false;
        plan.discrepant_presentation = 1;
      }
    }
  }
  if (options_.reimbursed_percent > 0) plan.reimbursed = percent(options_.reimbursed_percent);
  if (options_.certificates_percent > 0) plan.certificates = percent(options_.certificates_percent);
  plan.many_countries = options_.many_countries;
  return OpenCredit{CreditScript(plan, network_), 0};
}

Result<SignedDocument> Workload::Next() {
  OpenCredit& credit = open_[rng_() % open_.size()];
  ScriptStep& step = credit.steps[credit.next++];
  SignedDocument doc;
  LCPROC_ASSIGN_OR_RETURN(doc.submission, SignDocument(network_.banks()[step.bank], step.document));
  ++sequence_;
  if (!options_.idempotency_prefix.empty()) {
    doc.submission.idempotency_key = options_.idempotency_prefix + std::to_string(sequence_);
  }
  doc.credit_number = trade::CreditNumber(step.document);
  doc.type = trade::TypeOf(step.document);
  doc.expect_accepted = step.expect_accepted;
  doc.expect_discrepancies = std::move(step.expect_discrepancies);
  if (credit.next == credit.steps.size()) credit = StartCredit();
  return doc;
}

Result<std::vector<SignedDocument>> Workload::Take(size_t count) {
  std::vector<SignedDocument> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    LCPROC_ASSIGN_OR_RETURN(SignedDocument doc, Next());
    out.push_back(std::move(doc));
  }
  return out;
}

}  // namespace lcproc::demo
