#include "services/lcproc/demo_live.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include "pipeline/formats/json_codec.h"
#include "pipeline/trade/document.h"
#include "services/demo/credit_script.h"
#include "services/demo/demo_node.h"
#include "services/demo/workload.h"
#include "services/gateway/openapi_document.h"
#include "services/gateway/server.h"
#include "services/gateway/token_store.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/examination_coverage.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = asio::ip::tcp;

constexpr char kName[] = "demo";

// ---------------------------------------------------------------------------------------
// The demo's tokens, in clear (see demo_live.h), created once per data directory.

struct DemoTokens {
  std::map<std::string, std::string> bank;  // BIC -> token
  std::string operator_token;
};

Status WriteSecret(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return IoError("cannot write " + tmp);
    out << text;
    if (!out.flush()) return IoError("cannot write " + tmp);
  }
  if (::chmod(tmp.c_str(), 0600) != 0) return IoError("cannot restrict " + tmp);
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return IoError("cannot rename " + tmp + ": " + ec.message());
  return Status::Ok();
}

Result<DemoTokens> EnsureTokens(const std::string& dir, const demo::DemoNetwork& network) {
  const std::string net = demo::DemoNetworkDir(dir);
  const std::string bank_file = net + "/tokens";
  const std::string operator_file = net + "/operator-token";
  DemoTokens tokens;
  {
    std::ifstream in(bank_file);
    std::string bic, token;
    while (in >> bic >> token) tokens.bank[bic] = token;
    std::ifstream op(operator_file);
    op >> tokens.operator_token;
  }
  const std::string store = dir + "/" + gateway::kTokensFile;
  bool changed = false;
  for (const demo::DemoBank& bank : network.banks()) {
    if (tokens.bank.count(bank.bic)) continue;
    LCPROC_ASSIGN_OR_RETURN(
        std::string token,
        gateway::TokenStore::Add(store, gateway::Caller{gateway::Role::kBank, bank.bic}));
    tokens.bank[bank.bic] = token;
    changed = true;
  }
  if (changed) {
    std::string text;
    for (const auto& [bic, token] : tokens.bank) text += bic + " " + token + "\n";
    LCPROC_RETURN_IF_ERROR(WriteSecret(bank_file, text));
  }
  if (tokens.operator_token.empty()) {
    LCPROC_ASSIGN_OR_RETURN(
        tokens.operator_token,
        gateway::TokenStore::Add(store, gateway::Caller{gateway::Role::kOperator, ""}));
    LCPROC_RETURN_IF_ERROR(WriteSecret(operator_file, tokens.operator_token + "\n"));
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------
// A keep-alive HTTP/1.1 client on one connection, reconnecting when the server closed it.

struct Answer {
  unsigned status = 0;  // 0: no answer (connection failed)
  std::string body;
  std::string error;
};

class Client {
 public:
  Client(std::string host, std::string port)
      : host_(std::move(host)), port_(std::move(port)), stream_(io_) {}

  Answer Post(const std::string& target, const std::string& token, const engine::Submission& s,
              bool with_idempotency_key) {
    http::request<http::string_body> req{http::verb::post, target, 11};
    req.set(http::field::host, host_ + ":" + port_);
    req.set(http::field::authorization, "Bearer " + token);
    req.set(http::field::content_type, s.content_type);
    req.set("x-jws-signature", s.jws);
    if (with_idempotency_key && !s.idempotency_key.empty())
      req.set("Idempotency-Key", s.idempotency_key);
    req.keep_alive(true);
    req.body() = s.body;
    req.prepare_payload();
    Answer a = Send(req);
    if (a.status == 0) {  // the server may have closed an idle connection: one retry
      Close();
      a = Send(req);
    }
    return a;
  }

 private:
  Answer Send(http::request<http::string_body>& req) {
    Answer a;
    beast::error_code ec;
    if (!connected_) {
      tcp::resolver resolver(io_);
      auto endpoints = resolver.resolve(host_, port_, ec);
      if (!ec) {
        stream_.expires_after(std::chrono::seconds(10));
        stream_.connect(endpoints, ec);
      }
      if (ec) {
        a.error = ec.message();
        return a;
      }
      connected_ = true;
    }
    stream_.expires_after(std::chrono::seconds(30));
    http::write(stream_, req, ec);
    http::response<http::string_body> res;
    if (!ec) http::read(stream_, buffer_, res, ec);
    if (ec) {
      a.error = ec.message();
      Close();
      return a;
    }
    a.status = res.result_int();
    a.body = std::move(res.body());
    if (!res.keep_alive()) Close();
    return a;
  }
  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
    buffer_.clear();
    connected_ = false;
  }

  std::string host_, port_;
  asio::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  bool connected_ = false;
};

// ---------------------------------------------------------------------------------------
// The traffic: the workload's documents, each bank with its own token, plus attacks.

struct DriveSettings {
  double rate = 2;         // requests per second; 0: as fast as answers come
  uint64_t documents = 0;  // genuine documents before stopping; 0: no limit
  double seconds = 0;      // run time before stopping; 0: no limit
  uint64_t seed = 0;
  bool quiet = false;  // one summary, no line per request
};

struct Tally {
  uint64_t requests = 0, documents = 0, accepted = 0, rejected = 0, discrepant = 0;
  uint64_t forged_refused = 0, other_bank_refused = 0, replays_answered = 0;
  uint64_t unexpected = 0, unreachable = 0;
  uint64_t reimbursements = 0;  // payments made by the reimbursing bank (53a)
  std::map<std::string, uint64_t> types, discrepancies;
  std::set<std::string> presented_credits;  // credits with an accepted presentation
};

std::string Short(const std::string& bic) { return bic.substr(0, 8); }

// The UCP 600 codes of a receipt's (or a problem's receipt's) discrepancies.
std::vector<std::string> CodesOf(const json::value& v) {
  std::vector<std::string> codes;
  const json::value* list = nullptr;
  if (v.is_object()) {
    const auto& o = v.as_object();
    if (auto* d = o.if_contains("discrepancies")) list = d;
    if (auto* r = o.if_contains("receipt"); r && r->is_object()) {
      if (auto* d = r->as_object().if_contains("discrepancies")) list = d;
    }
  }
  if (list && list->is_array()) {
    for (const auto& d : list->as_array()) {
      if (d.is_object() && d.as_object().contains("code") && d.at("code").is_string()) {
        codes.emplace_back(d.at("code").as_string());
      }
    }
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

class Driver {
 public:
  Driver(const demo::DemoNetwork& network, const DemoTokens& tokens, const std::string& port,
         DriveSettings settings, std::atomic<bool>& stop)
      : network_(network),
        tokens_(tokens),
        settings_(settings),
        stop_(stop),
        client_("127.0.0.1", port) {}

  // Runs until stop_, or the bound in settings_; returns the tally.
  Tally Run(int64_t today_days) {
    demo::WorkloadOptions w;
    w.seed = settings_.seed;
    w.today = trade::Date::FromDays(static_cast<int32_t>(today_days));
    w.active_credits = 4;
    // One prefix per run: a second run on the same ledger starts new credits.
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    w.credit_prefix = "D" +
                      std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count() %
                                     100'000'000) +
                      "-";
    w.idempotency_prefix = w.credit_prefix;
    w.discrepant_percent = 35;
    w.rejected_amendment_percent = 25;
    // The whole consortium and every kind of defect (the benchmarks keep the classic mix).
    w.every_defect = true;
    w.reimbursed_percent = 40;
    w.certificates_percent = 50;
    w.many_countries = true;
    demo::Workload workload(network_, w);
    start_ = std::chrono::steady_clock::now();
    next_due_ = start_;
    while (!Done()) {
      auto doc = workload.Next();
      if (!doc.ok()) {
        std::cout << "  cannot sign: " << doc.status().ToString() << std::endl;
        ++tally_.unexpected;
        break;
      }
      const uint64_t n = tally_.documents;
      if (n % 23 == 7) Forged(*doc);
      if (Done()) break;
      if (n % 23 == 15) OtherBank(*doc);
      if (Done()) break;
      std::optional<Answer> first = Genuine(*doc);
      if (first && n % 23 == 19 && !Done()) Replay(*doc, *first);
    }
    return tally_;
  }

 private:
  bool Done() const {
    if (stop_.load()) return true;
    if (settings_.documents && tally_.documents >= settings_.documents) return true;
    if (settings_.seconds > 0 && std::chrono::steady_clock::now() - start_ >=
                                     std::chrono::duration<double>(settings_.seconds)) {
      return true;
    }
    return false;
  }
  // Waits for the request's slot at --rate (in short steps, so Ctrl-C is prompt).
  void Pace() {
    if (settings_.rate <= 0) return;
    next_due_ += std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(1.0 / settings_.rate));
    while (!stop_.load() && std::chrono::steady_clock::now() < next_due_) {
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
          next_due_ - std::chrono::steady_clock::now(), std::chrono::milliseconds(50)));
    }
    // A slow answer does not earn a burst afterwards.
    next_due_ = std::max(next_due_, std::chrono::steady_clock::now() - std::chrono::seconds(1));
  }
  const std::string& TokenOf(const std::string& bic) const { return tokens_.bank.at(bic); }

  Answer Send(const std::string& bic, const engine::Submission& s, bool idempotency) {
    Pace();
    ++tally_.requests;
    Answer a = client_.Post("/v1/documents", TokenOf(bic), s, idempotency);
    if (a.status == 0 || a.status == 503) {
      // No answer, or "unavailable": on Ctrl-C the server drains (listener closed, 503)
      // before its Run returns and sets stop_. Wait for that; a server that is not
      // stopping within its grace period failed, and the caller reports it.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(35);
      while (!stop_.load() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      if (stop_.load()) return Answer{0, "", "the server is stopping"};
      ++tally_.unreachable;
    }
    return a;
  }

  void Line(const std::string& text) {
    if (!settings_.quiet) std::cout << text << std::endl;
  }
  void Unexpected(const std::string& what, const Answer& a) {
    ++tally_.unexpected;
    std::cout << "  UNEXPECTED " << what << ": " << (a.status ? std::to_string(a.status) : a.error)
              << " " << a.body.substr(0, 300) << std::endl;
  }

  std::optional<Answer> Genuine(const demo::SignedDocument& doc) {
    const std::string& bic = doc.submission.submitter;
    const std::string type(trade::DocumentTypeName(doc.type));
    Answer a = Send(bic, doc.submission, true);
    if (a.status == 0) {
      if (!stop_.load()) Unexpected(type + " of " + doc.credit_number, a);
      return std::nullopt;
    }
    ++tally_.documents;
    ++tally_.types[type];
    const unsigned want = doc.expect_accepted ? 201 : 422;
    boost::system::error_code ec;
    json::value v = json::parse(a.body, ec);
    std::vector<std::string> codes = ec ? std::vector<std::string>{} : CodesOf(v);
    std::vector<std::string> expected = doc.expect_discrepancies;
    std::sort(expected.begin(), expected.end());
    if (a.status != want || codes != expected) {
      Unexpected(type + " of " + doc.credit_number + " (wanted " + std::to_string(want) + " [" +
                     Join(expected) + "])",
                 a);
      return a;
    }
    a.status == 201 ? ++tally_.accepted : ++tally_.rejected;
    if (a.status == 201 && doc.type == trade::DocumentType::kPresentation) {
      tally_.presented_credits.insert(doc.credit_number);
    }
    if (a.status == 201 && doc.type == trade::DocumentType::kPayment &&
        bic == network_.reimbursing().bic) {
      ++tally_.reimbursements;
    }
    std::string index;
    if (!ec && v.is_object()) {
      if (auto* i = v.as_object().if_contains("ledgerIndex"); i && i->is_number()) {
        index = " #" + json::serialize(*i);
      }
    }
    std::string note;
    if (!codes.empty()) {
      ++tally_.discrepant;
      for (const auto& c : codes) ++tally_.discrepancies[c];
      note = "  discrepant: " + Join(codes);
    }
    char head[160];
    std::snprintf(head, sizeof head, "  %3u %-8s %-18s %-16s", a.status, Short(bic).c_str(),
                  type.c_str(), doc.credit_number.c_str());
    Line(head + std::string(a.status == 201 ? "accepted" : "rejected") + index + note);
    return a;
  }

  // The document with one byte added after signing: the signature no longer matches.
  void Forged(const demo::SignedDocument& doc) {
    engine::Submission s = doc.submission;
    s.body += " ";
    s.idempotency_key.clear();
    Answer a = Send(s.submitter, s, false);
    if (a.status == 0) return;
    if (a.status != 401 || a.body.find("invalid-signature") == std::string::npos) {
      return Unexpected("forged " + std::string(trade::DocumentTypeName(doc.type)), a);
    }
    ++tally_.forged_refused;
    Line("  401 " + Short(s.submitter) +
         " a forged copy (a byte added after signing): refused, not recorded");
  }

  // The document sent with another bank's token: the key is not the caller's.
  void OtherBank(const demo::SignedDocument& doc) {
    const demo::DemoBank* other = nullptr;
    for (const auto& b : network_.banks()) {
      if (b.bic != doc.submission.submitter) other = &b;
    }
    if (!other) return;
    engine::Submission s = doc.submission;
    s.idempotency_key.clear();
    Answer a = Send(other->bic, s, false);
    if (a.status == 0) return;
    if (a.status != 403) return Unexpected("another bank's document from " + other->bic, a);
    ++tally_.other_bank_refused;
    Line("  403 " + Short(other->bic) + " sends " + Short(doc.submission.submitter) +
         "'s signed document as its own: refused, not recorded");
  }

  // The same signed bytes again, without the idempotency key: answered with the first
  // entry (duplicate), never recorded twice.
  void Replay(const demo::SignedDocument& doc, const Answer& first) {
    Answer a = Send(doc.submission.submitter, doc.submission, false);
    if (a.status == 0) return;
    boost::system::error_code e1, e2;
    json::value v1 = json::parse(first.body, e1), v2 = json::parse(a.body, e2);
    auto index_of = [](const json::value& v) -> std::string {
      if (!v.is_object()) return "";
      const json::object* o = &v.as_object();
      if (auto* r = o->if_contains("receipt"); r && r->is_object()) o = &r->as_object();
      auto* i = o->if_contains("ledgerIndex");
      return i ? json::serialize(*i) : "";
    };
    const bool duplicate = a.body.find("\"duplicate\":true") != std::string::npos;
    if (e1 || e2 || a.status != first.status || !duplicate || index_of(v1) != index_of(v2) ||
        index_of(v1).empty()) {
      return Unexpected("replay of " + doc.credit_number, a);
    }
    ++tally_.replays_answered;
    Line("  " + std::to_string(a.status) + " " + Short(doc.submission.submitter) +
         " replays the same signed bytes: answered with its first entry #" + index_of(v1) +
         ", not recorded twice");
  }

  const demo::DemoNetwork& network_;
  const DemoTokens& tokens_;
  DriveSettings settings_;
  std::atomic<bool>& stop_;
  Client client_;
  Tally tally_;
  std::chrono::steady_clock::time_point start_, next_due_;
};

const char* RoleText(const demo::DemoBank& bank) {
  static thread_local std::string text;
  text.clear();
  for (const auto& r : bank.roles) text += (text.empty() ? "" : "+") + r;
  return text.c_str();
}

}  // namespace

int RunLiveDemo(const std::vector<std::string>& args) {
  Flags flags(kName,
              "The living demo network: serves the REST API on 127.0.0.1 over --data-dir (created\n"
              "when missing; a second run continues the same ledger) and drives letters of credit\n"
              "through it with the banks' own tokens and signatures until Ctrl-C. --story tells\n"
              "the step-by-step story instead.");
  flags.Option("data-dir", "DIR", "the data directory", false, "var/lcproc-demo");
  flags.Switch("story", "tell the step-by-step story through the engine and exit");
  flags.Option("burst", "N", "--story: documents in the closing burst (0: none; implies --story)",
               false, "3000");
  flags.Option("port", "PORT", "port on 127.0.0.1 (0: an ephemeral port)", false, "8080");
  flags.Option("rate", "PER_SECOND", "requests per second (0: as fast as answers come)", false,
               "2");
  flags.Option("documents", "N", "stop after N documents (0: until Ctrl-C)", false, "0");
  flags.Option("for", "SECONDS", "stop after SECONDS (0: until Ctrl-C)", false, "0");
  flags.Option("seed", "N", "the workload's seed (0: from the clock)", false, "0");
  flags.Switch("quiet", "print the banner and the summary only, no line per request");
  flags.Option("server-log", "FILE",
               "the server's JSON log lines ('-': stderr) [DIR/demo-network/server.log]");
  if (auto exit = flags.Parse(args)) return *exit;

  DriveSettings settings;
  unsigned long port = 0;
  try {
    settings.rate = std::stod(flags.Get("rate"));
    settings.documents = std::stoull(flags.Get("documents"));
    settings.seconds = std::stod(flags.Get("for"));
    settings.seed = std::stoull(flags.Get("seed"));
    port = std::stoul(flags.Get("port"));
  } catch (const std::exception&) {
    return Complain(kExitUsage, kName,
                    "--port, --rate, --documents, --for and --seed want numbers");
  }
  if (settings.rate < 0 || settings.seconds < 0 || port > 65535) {
    return Complain(kExitUsage, kName, "--rate and --for must be at least 0, --port at most 65535");
  }
  settings.quiet = flags.IsSet("quiet");
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  if (settings.seed == 0) settings.seed = static_cast<uint64_t>(now.count());

  const std::string dir = flags.Get("data-dir");
  const demo::DemoNodeOptions node_options;
  auto node = demo::DemoNode::Open(dir, node_options);
  if (!node.ok()) return Complain(kExitUsage, kName, dir, ": ", node.status().ToString());
  const demo::DemoNetwork& network = (*node)->network();
  auto tokens = EnsureTokens(dir, network);
  if (!tokens.ok()) return Complain(kExitUsage, kName, tokens.status().ToString());

  gateway::TokenStore token_store(dir + "/" + gateway::kTokensFile);
  if (Status loaded = token_store.Load(); !loaded.ok())
    return Complain(kExitUsage, kName, loaded.message());
  gateway::ApiOptions api;
  if (auto vkey = store::ReadWholeFile(dir + "/" + store::kVerifierKeyFile); vkey.ok()) {
    api.checkpoint_verifier_key = *vkey;
    while (!api.checkpoint_verifier_key.empty() &&
           std::isspace(static_cast<unsigned char>(api.checkpoint_verifier_key.back()))) {
      api.checkpoint_verifier_key.pop_back();
    }
  }
  gateway::ServerOptions options;
  options.address = "127.0.0.1";
  options.port = static_cast<uint16_t>(port);
  options.io_threads = 2;
  options.shutdown_grace_seconds = 5;
  gateway::EngineSlot engines;  // one instance: it always leads
  engines.Lead(&(*node)->engine(), "");
  gateway::ApiServices services;
  services.engines = &engines;
  services.store = &(*node)->data_dir().store();
  services.registry = &(*node)->data_dir().registry();
  services.tokens = &token_store;
  services.openapi_json = std::string(gateway::kOpenApiJson);
  auto started = gateway::Server::Start(options, std::move(api), std::move(services));
  if (!started.ok()) return Complain(kExitUsage, kName, started.status().message());
  std::unique_ptr<gateway::Server> server = std::move(*started);
  const std::string url = server->url();
  const std::string port_text = url.substr(url.rfind(':') + 1);

  // A letter of credit of the issuing bank's, to sign and submit by hand.
  const demo::DemoBank& issuing = network.issuing();
  const std::string net_dir = demo::DemoNetworkDir(dir);
  const std::string example = net_dir + "/example-credit.json";
  {
    demo::CreditPlan plan;
    plan.credit_number =
        "TRY" + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count() %
                               1'000'000'000);
    plan.today = trade::Date::FromDays(
        static_cast<int32_t>(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24));
    plan.variant = settings.seed;
    trade::Document credit = demo::MakeCredit(plan, network);
    std::ofstream out(example, std::ios::trunc);
    out << formats::EncodeJson(credit);
  }

  std::cout << "lcproc demo: the demo network is live on " << url
            << ((*node)->created() ? " (new ledger)" : " (same ledger as before)") << "\n\n"
            << "  dashboard       " << url << "/\n"
            << "  operator token  " << tokens->operator_token << "   (read-only: sees everything)\n"
            << "  bank            " << issuing.bic << " " << issuing.name << ", " << issuing.city
            << " (" << RoleText(issuing) << ")\n"
            << "  bank token      " << tokens->bank.at(issuing.bic) << "\n"
            << "  bank key        " << net_dir << "/" << issuing.bic << ".pem\n"
            << "  all tokens      " << net_dir << "/tokens\n\n"
            << "  Submit a letter of credit of your own, signed with the bank's key:\n\n"
            << "    curl -sS " << url << "/v1/documents -H 'Authorization: Bearer "
            << tokens->bank.at(issuing.bic) << "' \\\n"
            << "      -H 'Content-Type: application/json' \\\n"
            << "      -H \"x-jws-signature: $(" << SelfCommand() << " sign --key " << net_dir << "/"
            << issuing.bic << ".pem " << example << ")\" \\\n"
            << "      --data-binary @" << example << "\n\n"
            << "  Ctrl-C stops the demo cleanly; run it again to continue the same ledger.\n"
            << std::endl;

  // The server logs a JSON line per request on stderr: to a file, so the traffic's lines
  // stay readable on the terminal.
  std::string log_path = flags.Has("server-log") && !flags.Get("server-log").empty()
                             ? flags.Get("server-log")
                             : net_dir + "/server.log";
  int saved_stderr = -1;
  if (log_path != "-") {
    int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return Complain(kExitUsage, kName, "cannot open --server-log ", log_path);
    std::cout << "  server log      " << log_path << "\n" << std::endl;
    std::cerr.flush();
    saved_stderr = ::dup(STDERR_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
  }

  std::atomic<bool> stop{false};
  Tally tally;
  const int64_t today = std::chrono::duration_cast<std::chrono::hours>(now).count() / 24;
  std::thread driver([&] {
    Driver d(network, *tokens, port_text, settings, stop);
    tally = d.Run(today);
    if (!stop.load()) server->RequestStop();  // a bounded run is over
  });
  server->Run();  // until Ctrl-C, SIGTERM or the bounded run's end
  stop.store(true);
  driver.join();
  // Every request was answered; submissions still in the engine commit here.
  (*node)->engine().Shutdown();
  server.reset();
  // The share of the presented documents lcproc examined automatically, from the ledger:
  // the credits this run presented, replayed through the rules.
  auto coverage = MeasureExaminationCoverage(
      (*node)->data_dir().store(),
      std::vector<std::string>(tally.presented_credits.begin(), tally.presented_credits.end()));
  node->reset();
  if (saved_stderr >= 0) {
    std::cerr.flush();
    ::dup2(saved_stderr, STDERR_FILENO);
    ::close(saved_stderr);
  }

  std::cout << "\nlcproc demo: stopped cleanly; every acknowledged document is durable in " << dir
            << ".\n"
            << "  requests " << tally.requests << ", documents " << tally.documents << " (accepted "
            << tally.accepted << ", rejected " << tally.rejected << ", with discrepancies "
            << tally.discrepant << ")\n"
            << "  forged refused " << tally.forged_refused << ", another bank's refused "
            << tally.other_bank_refused << ", replays answered with their first entry "
            << tally.replays_answered << "\n";
  std::cout << "  documents by type:";
  for (const auto& [type, n] : tally.types) std::cout << " " << type << "=" << n;
  std::cout << "\n  discrepancies:";
  for (const auto& [code, n] : tally.discrepancies) std::cout << " " << code << "=" << n;
  std::cout << "\n  payments by the reimbursing bank (53a) " << tally.reimbursements;
  if (coverage.ok()) {
    std::cout << "\n  examination coverage: " << coverage->Summary();
  } else {
    std::cout << "\n  examination coverage: cannot be measured: " << coverage.status().ToString();
    ++tally.unexpected;
  }
  std::cout << "\n  unexpected answers " << tally.unexpected << std::endl;
  return tally.unexpected == 0 ? kExitOk : kExitNegative;
}

}  // namespace lcproc::cli
