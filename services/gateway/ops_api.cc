#include "services/gateway/ops_api.h"

#include <algorithm>
#include <chrono>

#include <boost/json.hpp>

#include "pipeline/trade/date.h"
#include "pipeline/trade/timestamp.h"
#include "services/gateway/live_feed.h"
#include "services/gateway/ops_board.h"
#include "services/gateway/problem.h"

namespace lcproc::gateway {

// The dashboard's files, embedded at build time (embed_file.cmake, services/gateway/web/).
extern const std::string_view kDashboardIndexHtml, kDashboardAppJs, kDashboardVerifyJs,
    kDashboardAppCss, kDashboardFaviconSvg, kUplotJs, kUplotCss, kUplotLicense;

namespace {

namespace json = boost::json;

constexpr int kDefaultExpiringDays = 7;
constexpr size_t kDefaultQueueLimit = 200, kMaxQueueLimit = 5000;
constexpr int kBoardRefreshTicks = 5;  // the ticker refreshes the board's gauges every 5 s

int64_t WallMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

trade::Date TodayUtc() {
  return trade::Date::FromDays(static_cast<int32_t>(WallMillis() / 86'400'000));
}

struct Asset {
  std::string_view path;
  std::string_view content_type;
  const std::string_view* body;
};
const Asset kAssets[] = {
    {"/", "text/html; charset=utf-8", &kDashboardIndexHtml},
    {"/dashboard/app.js", "text/javascript; charset=utf-8", &kDashboardAppJs},
    {"/dashboard/verify.js", "text/javascript; charset=utf-8", &kDashboardVerifyJs},
    {"/dashboard/app.css", "text/css; charset=utf-8", &kDashboardAppCss},
    {"/dashboard/favicon.svg", "image/svg+xml", &kDashboardFaviconSvg},
    {"/favicon.ico", "image/svg+xml", &kDashboardFaviconSvg},
    {"/dashboard/vendor/uPlot.iife.min.js", "text/javascript; charset=utf-8", &kUplotJs},
    {"/dashboard/vendor/uPlot.min.css", "text/css; charset=utf-8", &kUplotCss},
    {"/dashboard/vendor/uPlot.LICENSE", "text/plain; charset=utf-8", &kUplotLicense},
};

HttpResponse Json(const json::value& v) {
  HttpResponse r;
  r.body = json::serialize(v);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

json::object Money(const trade::Money& m) {
  return json::object{{"currency", m.currency.str()}, {"amount", m.ToString()}};
}

bool OpenCredit(trade::CreditStatus s) {
  return s != trade::CreditStatus::kClosed && s != trade::CreditStatus::kExpired &&
         s != trade::CreditStatus::kCancelled;
}

// Presentations still waiting for the bank: examined by lcproc, not yet refused or honoured.
bool OpenPresentation(trade::PresentationStatus s) {
  return s != trade::PresentationStatus::kRefused && s != trade::PresentationStatus::kHonoured;
}

// The counts behind the /metrics gauges and the queue headings.
Metrics::WorkQueues CountQueues(const BoardSnapshot& board, const trade::BankingCalendar& cal,
                                trade::Date today, int expiring_days) {
  Metrics::WorkQueues q;
  for (const auto& [ref, credit] : board.credits) {
    const trade::CreditState& st = credit->state;
    for (const auto& p : st.presentations) {
      if (!OpenPresentation(p.status)) continue;
      ++q.examination;
      if (p.status == trade::PresentationStatus::kDiscrepant) ++q.discrepant;
      int left = cal.BankingDaysUntil(today, p.examination.deadline);
      if (today > p.examination.deadline) {
        ++q.overdue;
      } else if (left <= 1) {
        ++q.due_next_day;
      }
    }
    for (const auto& a : st.amendments)
      q.amendments += a.status == trade::AmendmentStatus::kPending ? 1 : 0;
    if (OpenCredit(st.status)) {
      trade::Date expiry = st.EffectiveExpiry(cal);
      if (expiry >= today && today.DaysUntil(expiry) <= expiring_days) ++q.expiring;
    }
  }
  return q;
}

}  // namespace

OpsRoute MatchOpsRoute(std::string_view path) {
  if (path == "/v1/ops/queues") return OpsRoute::kQueues;
  if (path == "/v1/ops/discrepancies") return OpsRoute::kDiscrepancies;
  if (path == "/v1/ops/rejections") return OpsRoute::kRejections;
  if (path == "/v1/ops/live") return OpsRoute::kLive;
  if (path == "/" || path == "/index.html") return OpsRoute::kPage;
  if (path == "/favicon.ico") return OpsRoute::kFavicon;
  for (const Asset& a : kAssets) {
    if (a.path == path) return OpsRoute::kAsset;
  }
  return OpsRoute::kNone;
}

const std::vector<std::string>& OpsRouteNames() {
  static const std::vector<std::string> kNames = {
      "/v1/ops/queues", "/v1/ops/discrepancies", "/v1/ops/rejections", "/v1/ops/live",
      "/ (dashboard)",  "/dashboard/{file}",     "/favicon.ico"};
  return kNames;
}

OpsApi::OpsApi(OpsServices services)
    : s_(std::move(services)),
      board_(std::make_unique<OpsBoard>(*s_.store, trade::BankingCalendar())) {
  s_.metrics->SetMaxInFlight(s_.max_in_flight);
  auto ticks = std::make_shared<int>(0);
  feed_ = std::make_unique<LiveFeed>(
      s_.engines, s_.metrics, s_.max_in_flight, [this, ticks](int64_t advanced) {
        s_.metrics->SetCheckpointAdvanced(advanced);
        if ((*ticks)++ % kBoardRefreshTicks != 0) return;
        if (!board_->Refresh().ok()) return;
        s_.metrics->SetWorkQueues(
            CountQueues(*board_->snapshot(), board_->calendar(), TodayUtc(), kDefaultExpiringDays));
      });
}

OpsApi::~OpsApi() { feed_.reset(); }

void OpsApi::CountRefusal(std::string_view bank, std::string_view reason) {
  MutexLock lock(refusals_mu_);
  // Bounded: banks come from the registry (a refused caller was authenticated as one)
  // and reasons from RefusalCode's fixed set; a cap guards against surprises.
  auto key = std::make_pair(std::string(bank), std::string(reason));
  if (refusals_.size() >= 10000 && !refusals_.count(key)) key = {"other", "other"};
  ++refusals_[key];
}

void OpsApi::Handle(Request req, Responder respond) {
  auto refuse = [&](Access access) {
    if (access == Access::kUnauthenticated) {
      return respond(MakeProblem(
          ProblemType::kUnauthenticated,
          "send Authorization: Bearer <operator token> or an operator's client certificate",
          req.request_id));
    }
    respond(MakeProblem(ProblemType::kForbidden,
                        "the operations figures span every bank: operators only", req.request_id,
                        {}, "OPERATOR_ONLY"));
  };
  switch (req.route) {
    case OpsRoute::kPage:
    case OpsRoute::kAsset:
    case OpsRoute::kFavicon: {
      std::string_view path = req.route == OpsRoute::kPage ? "/" : std::string_view(req.path);
      for (const Asset& a : kAssets) {
        if (a.path != path) continue;
        HttpResponse r;
        r.content_type = std::string(a.content_type);
        r.body = std::string(*a.body);
        r.headers.emplace_back("Cache-Control", "no-cache");
        r.headers.emplace_back("X-Content-Type-Options", "nosniff");
        if (req.route == OpsRoute::kPage) {
          // Only lcproc's own files run; nothing is fetched from elsewhere.
          r.headers.emplace_back(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
              "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
          r.headers.emplace_back("Referrer-Policy", "no-referrer");
        }
        return respond(std::move(r));
      }
      return respond(
          MakeProblem(ProblemType::kNotFound, "no such file: " + req.path, req.request_id));
    }
    case OpsRoute::kQueues: {
      Access a = Decide(req.caller, Resource::kWorkQueues);
      if (a != Access::kAllow) return refuse(a);
      return s_.run_blocking(
          [this, req = std::move(req), respond = std::move(respond)] { Queues(req, respond); });
    }
    case OpsRoute::kDiscrepancies:
    case OpsRoute::kRejections: {
      Access a = Decide(req.caller, Resource::kOperatorOnly);
      if (a != Access::kAllow) return refuse(a);
      return s_.run_blocking([this, req = std::move(req), respond = std::move(respond)] {
        req.route == OpsRoute::kDiscrepancies ? Discrepancies(req, respond)
                                              : Rejections(req, respond);
      });
    }
    case OpsRoute::kLive: {
      Access a = Decide(req.caller, Resource::kOperatorOnly);
      if (a != Access::kAllow) return refuse(a);
      uint64_t after = 0;
      for (char c : req.last_event_id) {
        if (c < '0' || c > '9' || after > (UINT64_MAX - 9) / 10) {
          after = 0;
          break;
        }
        after = after * 10 + static_cast<uint64_t>(c - '0');
      }
      HttpResponse r;
      r.content_type = "text/event-stream";
      r.body = "retry: 2000\n\n";
      r.stream = std::make_shared<LiveStream>(*feed_, after);
      return respond(std::move(r));
    }
    case OpsRoute::kNone: break;
  }
  respond(MakeProblem(ProblemType::kNotFound, "no such resource: " + req.path, req.request_id));
}

void OpsApi::Queues(const Request& req, Responder respond) {
  std::vector<FieldError> errors;
  trade::Date today = TodayUtc();
  if (auto it = req.query.find("asOf"); it != req.query.end()) {
    auto d = trade::Date::ParseIso(it->second);
    if (d.ok())
      today = *d;
    else
      errors.push_back({"#/query/asOf", "an ISO 8601 date, YYYY-MM-DD"});
  }
  int days = kDefaultExpiringDays;
  if (auto it = req.query.find("days"); it != req.query.end()) {
    int v = 0;
    bool ok = !it->second.empty() && it->second.size() <= 3;
    for (char c : it->second) ok = ok && c >= '0' && c <= '9', v = v * 10 + (c - '0');
    if (ok && v >= 1 && v <= 366)
      days = v;
    else
      errors.push_back({"#/query/days", "a whole number of days, 1..366"});
  }
  size_t limit = kDefaultQueueLimit;
  if (auto it = req.query.find("limit"); it != req.query.end()) {
    size_t v = 0;
    bool ok = !it->second.empty() && it->second.size() <= 5;
    for (char c : it->second)
      ok = ok && c >= '0' && c <= '9', v = v * 10 + static_cast<size_t>(c - '0');
    if (ok && v >= 1 && v <= kMaxQueueLimit)
      limit = v;
    else
      errors.push_back({"#/query/limit", "1.." + std::to_string(kMaxQueueLimit)});
  }
  if (!errors.empty()) {
    return respond(
        MakeProblem(ProblemType::kBadRequest, errors.front().reason, req.request_id, errors));
  }
  if (Status refreshed = board_->Refresh(); !refreshed.ok()) {
    return respond(MakeProblem(ProblemType::kInternal, refreshed.message(), req.request_id));
  }
  auto board = board_->snapshot();
  const trade::BankingCalendar& cal = board_->calendar();

  struct PresentationItem {
    trade::Date deadline, presented_on;
    std::string credit;
    json::object o;
  };
  std::vector<PresentationItem> examination, discrepant;
  std::vector<std::pair<trade::Date, json::object>> amendments, expiring;
  for (const auto& [ref, credit] : board->credits) {
    if (Decide(req.caller, Resource::kPartyData, credit->readers) != Access::kAllow) continue;
    const trade::CreditState& st = credit->state;
    for (const auto& p : st.presentations) {
      if (!OpenPresentation(p.status)) continue;
      const trade::Date deadline = p.examination.deadline;
      json::array codes;
      for (const auto& d : p.examination.discrepancies) {
        codes.push_back(json::object{{"code", d.code}, {"article", d.article}});
      }
      json::object o{{"creditNumber", ref},
                     {"presentationNumber", p.presentation.presentation_number},
                     {"presentingBank", p.presentation.presenting_bank.str()},
                     {"presentedOn", p.presentation.presentation_date.ToIso()},
                     {"drawing", Money(p.presentation.drawing_amount)},
                     {"status", trade::PresentationStatusName(p.status)},
                     {"examinationDeadline", deadline.ToIso()},
                     {"bankingDaysLeft", cal.BankingDaysUntil(today, deadline)},
                     {"overdue", today > deadline},
                     {"discrepancies", std::move(codes)}};
      if (p.status == trade::PresentationStatus::kDiscrepant) {
        // Art. 16(d): the notice of refusal is due by the close of the same fifth
        // banking day; until then the issuing bank may approach the applicant (16(b)).
        json::object d = o;
        d["refusalNoticeDeadline"] = deadline.ToIso();
        discrepant.push_back({deadline, p.presentation.presentation_date, ref, std::move(d)});
      }
      examination.push_back({deadline, p.presentation.presentation_date, ref, std::move(o)});
    }
    for (const auto& a : st.amendments) {
      if (a.status != trade::AmendmentStatus::kPending) continue;
      const trade::Date issued = a.amendment.date_of_amendment;
      amendments.emplace_back(issued,
                              json::object{{"creditNumber", ref},
                                           {"amendmentNumber", a.amendment.amendment_number},
                                           {"dateOfAmendment", issued.ToIso()},
                                           {"daysWaiting", std::max(0, issued.DaysUntil(today))}});
    }
    if (OpenCredit(st.status)) {
      const trade::Date expiry = st.EffectiveExpiry(cal);
      if (expiry >= today && today.DaysUntil(expiry) <= days) {
        expiring.emplace_back(expiry,
                              json::object{{"creditNumber", ref},
                                           {"state", trade::CreditStatusName(st.status)},
                                           {"expiryDate", st.terms.expiry_date.ToIso()},
                                           {"effectiveExpiryDate", expiry.ToIso()},
                                           {"daysLeft", today.DaysUntil(expiry)},
                                           {"bankingDaysLeft", cal.BankingDaysUntil(today, expiry)},
                                           {"available", Money(st.AvailableBalance())}});
      }
    }
  }
  auto by_deadline = [](const PresentationItem& a, const PresentationItem& b) {
    return std::tie(a.deadline, a.presented_on, a.credit) <
           std::tie(b.deadline, b.presented_on, b.credit);
  };
  std::sort(examination.begin(), examination.end(), by_deadline);
  std::sort(discrepant.begin(), discrepant.end(), by_deadline);
  auto by_date = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::stable_sort(amendments.begin(), amendments.end(), by_date);
  std::stable_sort(expiring.begin(), expiring.end(), by_date);

  auto page = [&](auto& items, auto get) {
    json::object q{{"total", items.size()}};
    json::array a;
    for (size_t i = 0; i < items.size() && i < limit; ++i) a.push_back(std::move(get(items[i])));
    q["items"] = std::move(a);
    return q;
  };
  auto presentation = [](PresentationItem& p) -> json::object& { return p.o; };
  auto second = [](std::pair<trade::Date, json::object>& p) -> json::object& { return p.second; };
  uint64_t overdue = 0;
  for (const auto& p : examination) overdue += p.o.at("overdue").as_bool() ? 1 : 0;
  json::object o{{"asOf", today.ToIso()},
                 {"generatedAt", trade::FormatUtcTimestampMillis(WallMillis())},
                 {"treeSize", board->tree_size},
                 {"expiringWithinDays", days},
                 {"overdue", overdue},
                 {"examination", page(examination, presentation)},
                 {"discrepant", page(discrepant, presentation)},
                 {"amendments", page(amendments, second)},
                 {"expiring", page(expiring, second)}};
  respond(Json(o));
}

void OpsApi::Discrepancies(const Request& req, Responder respond) {
  if (Status refreshed = board_->Refresh(); !refreshed.ok()) {
    return respond(MakeProblem(ProblemType::kInternal, refreshed.message(), req.request_id));
  }
  auto board = board_->snapshot();
  std::map<std::pair<std::string, std::string>, uint64_t> by_code;  // (code, article)
  struct BankCounts {
    uint64_t presentations = 0, discrepant = 0, discrepancies = 0;
  };
  std::map<std::string, BankCounts> by_bank;
  std::map<std::string, uint64_t> by_day;  // presentation date -> discrepancies
  uint64_t presentations = 0, total = 0;
  for (const auto& [ref, credit] : board->credits) {
    for (const auto& p : credit->state.presentations) {
      ++presentations;
      BankCounts& bank = by_bank[p.presentation.presenting_bank.str()];
      ++bank.presentations;
      const auto& list = p.examination.discrepancies;
      if (!list.empty()) ++bank.discrepant;
      bank.discrepancies += list.size();
      total += list.size();
      if (!list.empty()) by_day[p.presentation.presentation_date.ToIso()] += list.size();
      for (const auto& d : list) ++by_code[{d.code, d.article}];
    }
  }
  std::vector<std::pair<std::pair<std::string, std::string>, uint64_t>> codes(by_code.begin(),
                                                                              by_code.end());
  std::stable_sort(codes.begin(), codes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  json::array code_rows, bank_rows, day_rows;
  for (const auto& [key, n] : codes)
    code_rows.push_back(json::object{{"code", key.first}, {"article", key.second}, {"count", n}});
  for (const auto& [bank, c] : by_bank) {
    bank_rows.push_back(json::object{{"presentingBank", bank},
                                     {"presentations", c.presentations},
                                     {"discrepantPresentations", c.discrepant},
                                     {"discrepancies", c.discrepancies}});
  }
  for (const auto& [day, n] : by_day)
    day_rows.push_back(json::object{{"date", day}, {"discrepancies", n}});
  respond(Json(json::object{{"generatedAt", trade::FormatUtcTimestampMillis(WallMillis())},
                            {"treeSize", board->tree_size},
                            {"presentations", presentations},
                            {"discrepancies", total},
                            {"byCode", std::move(code_rows)},
                            {"byPresentingBank", std::move(bank_rows)},
                            {"byDay", std::move(day_rows)}}));
}

void OpsApi::Rejections(const Request& req, Responder respond) {
  if (Status refreshed = board_->Refresh(); !refreshed.ok()) {
    return respond(MakeProblem(ProblemType::kInternal, refreshed.message(), req.request_id));
  }
  auto board = board_->snapshot();
  std::map<std::pair<std::string, std::string>, uint64_t> refusals;
  {
    MutexLock lock(refusals_mu_);
    refusals = refusals_;
  }
  struct BankCounts {
    uint64_t rejected = 0, refused = 0;
  };
  std::map<std::string, BankCounts> by_bank;
  std::map<std::string, std::pair<uint64_t, uint64_t>> by_reason;  // reason -> (rejected, refused)
  json::array recorded_rows, refused_rows;
  for (const auto& [key, n] : board->rejections) {
    recorded_rows.push_back(
        json::object{{"reason", key.reason}, {"submitter", key.submitter}, {"count", n}});
    by_bank[NormalizedBic(key.submitter)].rejected += n;
    by_reason[key.reason].first += n;
  }
  for (const auto& [key, n] : refusals) {
    refused_rows.push_back(
        json::object{{"reason", key.second}, {"submitter", key.first}, {"count", n}});
    by_bank[NormalizedBic(key.first)].refused += n;
    by_reason[key.second].second += n;
  }
  std::vector<std::pair<std::string, BankCounts>> banks(by_bank.begin(), by_bank.end());
  std::stable_sort(banks.begin(), banks.end(), [](const auto& a, const auto& b) {
    return a.second.rejected + a.second.refused > b.second.rejected + b.second.refused;
  });
  json::array bank_rows, reason_rows;
  for (const auto& [bank, c] : banks) {
    bank_rows.push_back(
        json::object{{"submitter", bank}, {"rejected", c.rejected}, {"refused", c.refused}});
  }
  for (const auto& [reason, c] : by_reason) {
    reason_rows.push_back(
        json::object{{"reason", reason}, {"rejected", c.first}, {"refused", c.second}});
  }
  respond(Json(json::object{{"generatedAt", trade::FormatUtcTimestampMillis(WallMillis())},
                            {"treeSize", board->tree_size},
                            {"bySubmitter", std::move(bank_rows)},
                            {"byReason", std::move(reason_rows)},
                            {"recorded", std::move(recorded_rows)},
                            {"refused", std::move(refused_rows)}}));
}

}  // namespace lcproc::gateway
