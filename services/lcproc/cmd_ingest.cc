// `lcproc ingest`: feeds signed submissions from an NDJSON file through the same engine
// the REST gateway uses, and prints one outcome line per input line, in input order.
//
// Input, one JSON object a line:
//   {"submitter": "BANKGB2LXXX", "kid": "...", "jws": "<header>..<signature>",
//    "contentType": "application/json", "body": "<exact signed text>"
//      (or "bodyBase64": "<base64 of the exact signed bytes>"),
//    "idempotencyKey": "optional"}
// "kid", when given, must be the JWS header's. Output, one JSON object a line:
//   {"line": 1, "verdict": "accepted", "status": "ok", "message": "", "leafIndex": 0,
//    "treeSize": 1, "duplicate": false, "creditNumber": "LC1", "discrepancies": []}
// Exit 0 when every line was recorded (accepted or rejected by the rules), 1 when any
// was refused or failed, 2 for a usage error.
#include <sys/stat.h>

#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/jws.h"
#include "pipeline/engine/engine.h"
#include "pipeline/mutex.h"
#include "pipeline/rulebook/trade_rules.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/system_clock.h"

namespace lcproc::cli {
namespace {

namespace json = boost::json;
constexpr char kName[] = "ingest";

std::string OutcomeLine(uint64_t line, const engine::Outcome& out) {
  json::array discrepancies;
  for (const auto& d : out.discrepancies) discrepancies.emplace_back(d);
  json::object o{{"line", line},
                 {"verdict", engine::VerdictName(out.verdict)},
                 {"status", StatusCodeName(out.status.code())},
                 {"message", out.status.message()}};
  if (out.leaf_index) {
    o["leafIndex"] = *out.leaf_index;
    o["treeSize"] = out.tree_size;
  }
  o["duplicate"] = out.duplicate;
  if (!out.credit_number.empty()) o["creditNumber"] = out.credit_number;
  o["discrepancies"] = std::move(discrepancies);
  return json::serialize(o);
}

// One input line as a Submission, or the reason it is not one.
Result<std::unique_ptr<engine::Submission>> ParseLine(std::string_view text, int64_t now) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return Malformed("not a JSON object");
  const json::object& o = v.as_object();
  auto field = [&](const char* name, std::string& out, bool required) -> Status {
    const json::value* f = o.if_contains(name);
    if (f == nullptr)
      return required ? Malformed(std::string("missing \"") + name + "\"") : Status::Ok();
    if (!f->is_string()) return Malformed(std::string("\"") + name + "\" must be a string");
    out = std::string(f->as_string());
    return Status::Ok();
  };
  auto s = std::make_unique<engine::Submission>();
  std::string kid, body64;
  LCPROC_RETURN_IF_ERROR(field("submitter", s->submitter, true));
  LCPROC_RETURN_IF_ERROR(field("jws", s->jws, true));
  LCPROC_RETURN_IF_ERROR(field("contentType", s->content_type, false));
  LCPROC_RETURN_IF_ERROR(field("idempotencyKey", s->idempotency_key, false));
  // "kid" is informational: the engine authenticates the JWS header's kid, parsing the
  // JWS once on the document's way (a check here would parse it twice).
  LCPROC_RETURN_IF_ERROR(field("kid", kid, false));
  if (o.contains("bodyBase64")) {
    LCPROC_RETURN_IF_ERROR(field("bodyBase64", body64, true));
    LCPROC_ASSIGN_OR_RETURN(s->body, crypto::Base64Decode(body64));
  } else {
    LCPROC_RETURN_IF_ERROR(field("body", s->body, true));
  }
  if (s->content_type.empty()) s->content_type = "application/json";
  s->received_millis = now;
  return s;
}

// Outcome lines waiting to be printed in input order.
class OrderedOutput {
 public:
  uint64_t Reserve() {
    MutexLock lock(mu_);
    slots_.emplace_back();
    return base_ + slots_.size() - 1;
  }
  void Fill(uint64_t slot, std::string line, bool ok) {
    {
      MutexLock lock(mu_);
      slots_[slot - base_] = {true, std::move(line)};
      ++completed_;
      if (!ok) all_ok_ = false;
    }
    cv_.SignalAll();
  }
  // Prints the ready prefix; returns the number of slots still open.
  size_t Flush() {
    MutexLock lock(mu_);
    while (!slots_.empty() && slots_.front().ready) {
      std::cout << slots_.front().line << "\n";
      slots_.pop_front();
      ++base_;
    }
    return slots_.size();
  }
  void WaitForCompletion(uint64_t seen) {
    MutexLock lock(mu_);
    while (completed_ == seen) cv_.Wait(mu_);
  }
  uint64_t completed() {
    MutexLock lock(mu_);
    return completed_;
  }
  bool all_ok() {
    MutexLock lock(mu_);
    return all_ok_;
  }

 private:
  struct Slot {
    bool ready = false;
    std::string line;
  };
  Mutex mu_;
  CondVar cv_;  // a slot was filled
  std::deque<Slot> slots_ GUARDED_BY(mu_);
  uint64_t base_ GUARDED_BY(mu_) = 0;  // slot number of slots_.front()
  uint64_t completed_ GUARDED_BY(mu_) = 0;
  bool all_ok_ GUARDED_BY(mu_) = true;
};

void PrintStats(const engine::EngineStats& s) {
  std::cerr << "submitted " << s.submitted << ", accepted " << s.accepted << ", rejected "
            << s.rejected << ", refused " << s.refused << ", duplicates " << s.duplicates
            << ", failed " << s.failed << ", overloaded " << s.overloaded << "\n"
            << "batches " << s.batches << " (mean " << (s.batches ? s.batch_entries / s.batches : 0)
            << " entries), commit failures " << s.commit_failures << ", mean submit-to-ack "
            << (s.accepted + s.rejected
                    ? s.submit_to_ack_total_ns / (s.accepted + s.rejected) / 1000
                    : 0)
            << " us\n";
  for (size_t i = 0; i < engine::kStageCount; ++i) {
    const auto& st = s.stages[i];
    std::cerr << "  " << engine::StageName(static_cast<engine::Stage>(i)) << ": " << st.count
              << " x mean " << (st.count ? st.total_ns / st.count / 1000.0 : 0) << " us, max "
              << st.max_ns / 1000 << " us\n";
  }
}

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Feeds signed submissions (NDJSON: submitter, kid, jws, contentType, body or\n"
              "bodyBase64, idempotencyKey) through the engine and prints one outcome per line.");
  flags.Option("data-dir", "DIR", "the data directory", false, "./var/lcproc");
  AddStoreFlag(flags);
  flags.Option("batch-entries", "N", "cut a batch at N submissions", false, "256");
  flags.Option("batch-millis", "MS", "cut a batch MS milliseconds after its first submission",
               false, "5");
  flags.Option("threads", "N", "worker threads (0: all cores)", false, "0");
  flags.Switch("no-sync", "synchronous=OFF: not durable; for measuring durability's cost only");
  flags.Switch("stats", "print the engine's counters and stage latencies to stderr at the end");
  flags.Positional("FILE", "the NDJSON file ('-' for standard input)");
  if (auto exit = flags.Parse(args)) return *exit;

  engine::EngineOptions options;
  try {
    options.batch_max_entries = std::stoul(flags.Get("batch-entries"));
    options.batch_max_millis = std::stol(flags.Get("batch-millis"));
    options.threads = std::stoi(flags.Get("threads"));
  } catch (const std::exception&) {
    return Complain(kExitUsage, kName,
                    "--batch-entries, --batch-millis and --threads take numbers");
  }
  const std::string& path = flags.Get("FILE");
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      return Complain(kExitUsage, kName, "cannot read ", path);
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  struct stat st {};
  uint64_t total_bytes =
      path != "-" && ::stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;

  auto data = OpenDataDirOrComplain(kName, flags, !flags.IsSet("no-sync"));
  if (!data) return kExitUsage;
  SystemClock clock;
  rulebook::TradeRules rules;
  auto started =
      engine::Engine::Start(options, data->store(), data->registry(), rules, clock, data->signer());
  if (!started.ok()) {
    return Complain(kExitUsage, kName, started.status().message());
  }
  engine::Engine& engine = **started;

  OrderedOutput output;
  ProgressBar progress("ingest");
  uint64_t line_number = 0, bytes = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    bytes += line.size() + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    uint64_t slot = output.Reserve();
    auto submission = ParseLine(line, clock.NowMillis());
    if (!submission.ok()) {
      output.Fill(slot, OutcomeLine(line_number, engine::Outcome::Refused(submission.status())),
                  false);
    } else {
      for (;;) {
        uint64_t seen = output.completed();
        auto callback = [&output, slot, line_number](engine::Outcome out) {
          bool ok = out.recorded();
          output.Fill(slot, OutcomeLine(line_number, out), ok);
        };
        engine::Admission admission = engine.Submit(std::move(*submission), callback);
        if (admission.status.code() != StatusCode::kResourceExhausted) {
          if (!admission.ok()) {
            output.Fill(slot, OutcomeLine(line_number, engine::Outcome::Refused(admission.status)),
                        false);
          }
          break;
        }
        // The engine is full and handed the submission back: wait for one to complete,
        // then offer the same one again.
        output.WaitForCompletion(seen);
        *submission = std::move(admission.returned);
      }
    }
    output.Flush();
    progress.Update(bytes, total_bytes == 0 ? bytes : total_bytes);
  }
  engine.Shutdown();
  output.Flush();
  progress.Finish();
  if (flags.IsSet("stats")) PrintStats(engine.stats());
  return output.all_ok() ? kExitOk : kExitNegative;
}

CommandRegistration kReg({kName, "feed signed submissions (NDJSON) through the engine", &Run});

}  // namespace
}  // namespace lcproc::cli
