#include "services/demo/demo_story.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <mutex>
#include <thread>

#include "pipeline/crypto/jws.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/ledger/consistency_proof.h"
#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/inclusion_proof.h"
#include "pipeline/ledger_store/ledger_audit.h"
#include "services/demo/credit_script.h"
#include "services/demo/workload.h"

namespace lcproc::demo {
namespace {

using engine::Outcome;
using engine::Verdict;

struct Expect {
  Verdict verdict = Verdict::kAccepted;
  std::string discrepancy = "";  // a code the outcome must list (empty for none)
  bool duplicate = false;
};

class Story {
 public:
  Story(DemoNode& node, std::ostream& out) : node_(node), out_(out) {}

  // Signs `doc` as bank `bank`, submits it and prints the answer.
  Outcome Step(const std::string& what, size_t bank, const trade::Document& doc, Expect expect) {
    auto s = SignDocument(node_.network().banks()[bank], doc);
    if (!s.ok()) return Fail(what, s.status());
    return Submit(what, std::move(*s), expect);
  }

  Outcome Submit(const std::string& what, engine::Submission s, Expect expect) {
    s.received_millis = node_.clock().NowMillis();
    last_ = s;
    Outcome o = node_.engine().Submit(std::make_unique<engine::Submission>(std::move(s))).get();
    Print(what, o);
    const bool listed =
        expect.discrepancy.empty() ? o.discrepancies.empty() : Lists(o, expect.discrepancy);
    if (o.verdict != expect.verdict || !listed || o.duplicate != expect.duplicate) {
      out_ << "      UNEXPECTED: wanted " << engine::VerdictName(expect.verdict) << "\n";
      Note(Internal("step '" + what + "' was answered " +
                    std::string(engine::VerdictName(o.verdict))));
    }
    return o;
  }

  const engine::Submission& last() const { return last_; }
  void Note(Status s) {
    if (first_surprise_.ok()) first_surprise_ = std::move(s);
  }
  Status result() const { return first_surprise_; }

 private:
  static bool Lists(const Outcome& o, const std::string& code) {
    for (const std::string& d : o.discrepancies) {
      if (d.rfind(code, 0) == 0) return true;
    }
    return false;
  }

  void Print(const std::string& what, const Outcome& o) {
    char n[16];  // room for any int, so the step number is never cut
    std::snprintf(n, sizeof n, "%3d. ", ++step_);
    std::string line = n + what + " ";
    line.append(line.size() < 70 ? 72 - line.size() : 2, '.');
    out_ << line << " " << engine::VerdictName(o.verdict);
    if (o.leaf_index) out_ << " #" << *o.leaf_index;
    if (o.duplicate) out_ << " (a replay: answered with its first entry)";
    out_ << "\n";
    for (const std::string& d : o.discrepancies) out_ << "      discrepancy " << d << "\n";
    if (!o.status.ok()) out_ << "      " << o.status.ToString() << "\n";
  }

  Outcome Fail(const std::string& what, Status s) {
    Outcome o;
    o.status = s;
    Print(what, o);
    Note(std::move(s));
    return o;
  }

  DemoNode& node_;
  std::ostream& out_;
  int step_ = 0;
  engine::Submission last_;
  Status first_surprise_;
};

void Credits(Story& story, const DemoNode& node, const std::string& prefix, trade::Date today,
             uint64_t& presentation_leaf) {
  const DemoNetwork& net = node.network();
  constexpr size_t kIssuing = DemoNetwork::kIssuing, kAdvising = DemoNetwork::kAdvising;
  CreditPlan a{prefix + "A", today, 42, /*confirmed=*/true};
  std::vector<ScriptStep> steps =
      CreditScript(a, net);  // issue, advise, amend, respond, present, pay
  const auto& lc = std::get<trade::LetterOfCredit>(steps[0].document);
  story.Step("COBADEHH issues credit " + a.credit_number + " for " + lc.amount.ToDisplay(),
             kIssuing, steps[0].document, {});
  story.Step("BFTVVNVX advises it, DBSSSGSG adds its confirmation (art. 8)", kAdvising,
             steps[1].document, {});
  story.Step("COBADEHH amends it: expiry +30 days (MT707)", kIssuing, steps[2].document, {});
  story.Step("BFTVVNVX conveys the beneficiary's acceptance (art. 10(c))", kAdvising,
             steps[3].document, {});
  Outcome presented = story.Step("BFTVVNVX presents 5 documents (invoice, B/L, insurance, CoO, PL)",
                                 kAdvising, steps[4].document, {});
  presentation_leaf = presented.leaf_index.value_or(0);
  const engine::Submission presentation = story.last();
  story.Step("COBADEHH pays the compliant presentation", kIssuing, steps[5].document, {});
  story.Step("COBADEHH pays presentation 1 a second time", kIssuing, steps[5].document,
             {Verdict::kRejected});
  story.Submit("someone replays the signed presentation", presentation,
               {Verdict::kAccepted, "", true});

  CreditPlan b{prefix + "B", today, 7};
  const trade::LetterOfCredit lc_b = MakeCredit(b, net);
  std::vector<ScriptStep> sb = CreditScript(b, net);
  story.Step("COBADEHH issues credit " + b.credit_number + " for " + lc_b.amount.ToDisplay(),
             kIssuing, sb[0].document, {});
  story.Step("BFTVVNVX advises it without confirmation", kAdvising, sb[1].document, {});
  trade::Presentation late = MakePresentation(b, lc_b, 1, {}, Defect::kLateShipment, net);
  story.Step("BFTVVNVX presents documents shipped after 44C", kAdvising, late,
             {Verdict::kAccepted, "LATE_SHIPMENT"});
  story.Step("COBADEHH refuses: a single notice of refusal (art. 16(c))", kIssuing,
             MakeRefusal(b, lc_b, late, Defect::kLateShipment), {});
  story.Step("COBADEHH forwards the applicant's waiver (art. 16(b))", kIssuing,
             MakeWaiver(b, late, Defect::kLateShipment), {});

  trade::Payment pay = MakePayment(b, lc_b, late, net);
  auto genuine = SignDocument(net.issuing(), pay);
  if (genuine.ok()) {
    engine::Submission forged = *genuine;
    trade::Payment altered = pay;
    altered.amount.minor *= 10;
    altered.credit_account = "9999000011112222";
    forged.body = formats::EncodeJson(altered);
    story.Submit("a payment altered after COBADEHH signed it (10x, other account)", forged,
                 {Verdict::kRefused});
    auto stranger = crypto::PrivateKey::Generate(crypto::Algorithm::kEs256);
    if (stranger.ok()) {
      DemoBank impostor{net.issuing().bic, "IMPOSTOR", "", {}, *stranger};
      auto s = SignDocument(impostor, pay);
      if (s.ok())
        story.Submit("the same payment signed with a key no bank registered", *s,
                     {Verdict::kRefused});
    }
    story.Submit("COBADEHH pays the waived presentation", *genuine, {});
  }
}

Result<ledger::Checkpoint> Verified(const DemoNode& node, const std::string& note) {
  return ledger::VerifyCheckpoint(const_cast<DemoNode&>(node).data_dir().verifier(), note);
}

Status Proofs(DemoNode& node, uint64_t leaf_index, const std::string& old_note, std::ostream& out) {
  const ledger_store::LedgerStore& store = node.data_dir().store();
  const std::string note = node.engine().LatestCheckpoint();
  out << "\nThe signed checkpoint (C2SP tlog-checkpoint, Ed25519 signed note):\n" << note;
  LCPROC_ASSIGN_OR_RETURN(ledger::Checkpoint head, Verified(node, note));
  out << "  its signature verifies with " << node.data_dir().verifier().name() << "'s key\n";

  LCPROC_ASSIGN_OR_RETURN(std::string leaf, store.ReadLeaf(leaf_index));
  LCPROC_ASSIGN_OR_RETURN(auto path, ledger::InclusionProof(store, leaf_index, head.size));
  LCPROC_RETURN_IF_ERROR(
      ledger::VerifyInclusion(ledger::LeafHash(leaf), leaf_index, head.size, path, head.root));
  out << "Inclusion proof of entry #" << leaf_index
      << " (the compliant presentation) in the tree of " << head.size << ": " << path.size()
      << " hashes, verified (RFC 9162 2.1.3.2)\n";

  LCPROC_ASSIGN_OR_RETURN(ledger::Checkpoint old, Verified(node, old_note));
  LCPROC_ASSIGN_OR_RETURN(auto consistency, ledger::ConsistencyProof(store, old.size, head.size));
  LCPROC_RETURN_IF_ERROR(
      ledger::VerifyConsistency(old.size, head.size, old.root, head.root, consistency));
  out << "Consistency proof from the checkpoint of size " << old.size << " to " << head.size << ": "
      << consistency.size() << " hashes, verified (RFC 9162 2.1.4.2): the ledger only grew\n";

  LCPROC_ASSIGN_OR_RETURN(
      ledger_store::AuditReport audit,
      ledger_store::AuditLedger(store, node.data_dir().registry(), node.data_dir().verifier()));
  out << "Audit: " << audit.entries << " entries (" << audit.accepted << " accepted, "
      << audit.rejected << " rejected) and " << audit.checkpoints
      << " checkpoints re-verified: every bank signature, every checkpoint signature, every root: "
         "OK\n";
  return Status::Ok();
}

// Submits pre-signed documents as fast as the engine takes them; docs/s from the first
// submission to the last acknowledgement.
Status Burst(DemoNode& node, size_t count, const std::string& prefix, trade::Date today,
             std::ostream& out) {
  WorkloadOptions options;
  options.today = today;
  options.seed = node.engine().committed_size() + 1;
  options.credit_prefix = prefix;
  Workload workload(node.network(), options);
  LCPROC_ASSIGN_OR_RETURN(std::vector<SignedDocument> docs, workload.Take(count));
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.submission.body.size();

  std::mutex mu;
  std::condition_variable cv;
  size_t done = 0, accepted = 0, rejected = 0, other = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto& d : docs) {
    d.submission.received_millis = node.clock().NowMillis();
    auto submission = std::make_unique<engine::Submission>(std::move(d.submission));
    for (;;) {
      engine::Admission admission = node.engine().Submit(std::move(submission), [&](Outcome o) {
        std::lock_guard lock(mu);
        ++done;
        (o.verdict == Verdict::kAccepted   ? accepted
         : o.verdict == Verdict::kRejected ? rejected
                                           : other)++;
        cv.notify_all();
      });
      if (admission.ok()) break;
      if (admission.status.code() != StatusCode::kResourceExhausted) return admission.status;
      submission = std::move(admission.returned);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  }
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done == docs.size(); });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char line[256];
  std::snprintf(line, sizeof line,
                "\nBurst: %zu signed documents of %zu credits (average body %zu bytes) in %.2f s: "
                "%.0f docs/s durable\n  accepted %zu, rejected %zu, other %zu\n",
                docs.size(), static_cast<size_t>(workload.credits_started()), bytes / docs.size(),
                seconds, docs.size() / seconds, accepted, rejected, other);
  out << line;
  if (other != 0 || rejected != 0) return Internal("the burst was not accepted in full");
  return Status::Ok();
}

}  // namespace

Status RunStory(DemoNode& node, const StoryOptions& options, std::ostream& out) {
  const uint64_t start_size = node.engine().committed_size();
  out << "lcproc demo: letters of credit between three banks, through the real engine and ledger.\n"
      << "(The REST gateway is not built yet, so this is the most complete lcproc today: the same\n"
      << " engine and SQLite store the server will use, driven in process.)\n\n"
      << "Data directory " << node.data_dir().path() << ": "
      << (node.created() ? "created, with a new demo network and checkpoint key"
                         : "continuing a ledger of " + std::to_string(start_size) + " entries")
      << "\n";
  for (const DemoBank& b : node.network().banks()) {
    out << "  " << b.bic << "  " << crypto::AlgorithmName(b.key.algorithm()) << "  " << b.name
        << ", " << b.city << "\n";
  }
  out << "\n";
  Story story(node, out);
  const std::string old_note = node.engine().LatestCheckpoint();
  const trade::Date today =
      trade::Date::FromDays(static_cast<int32_t>(node.clock().NowMillis() / 86'400'000));
  const std::string prefix = "D" + std::to_string(start_size);
  uint64_t presentation_leaf = 0;
  Credits(story, node, prefix, today, presentation_leaf);

  // A proof against the ledger as it was before the story (or after its first entry).
  std::string from = old_note.empty()
                         ? node.data_dir().store().CheckpointAt(start_size + 1).value_or("")
                         : old_note;
  if (from.empty()) from = node.engine().LatestCheckpoint();
  if (Status s = Proofs(node, presentation_leaf, from, out); !s.ok()) {
    out << "PROOF FAILED: " << s.ToString() << "\n";
    story.Note(s);
  }
  if (options.burst > 0) {
    if (Status s = Burst(node, options.burst, "B" + std::to_string(start_size) + "-", today, out);
        !s.ok()) {
      out << "BURST FAILED: " << s.ToString() << "\n";
      story.Note(s);
    }
  }
  out << "\nLedger now holds " << node.engine().committed_size()
      << " entries. Run again to continue it.\n";
  return story.result();
}

}  // namespace lcproc::demo
