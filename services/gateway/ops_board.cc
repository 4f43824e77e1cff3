#include "services/gateway/ops_board.h"

#include <cctype>
#include <set>

#include "pipeline/formats/document_codec.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "pipeline/rulebook/credit_history.h"
#include "pipeline/trade/document.h"

namespace lcproc::gateway {

std::string RejectionReason(StatusCode code, const std::string& message) {
  size_t i = 0;
  while (i < message.size() &&
         (std::isupper(static_cast<unsigned char>(message[i])) || message[i] == '_' ||
          std::isdigit(static_cast<unsigned char>(message[i])))) {
    ++i;
  }
  if (i >= 3 && (i == message.size() || message[i] == ':')) return message.substr(0, i);
  std::string name(StatusCodeName(code));
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

OpsBoard::OpsBoard(const ledger_store::LedgerStore& store, trade::BankingCalendar calendar)
    : store_(store), calendar_(std::move(calendar)), snapshot_(std::make_shared<BoardSnapshot>()) {}

std::shared_ptr<const BoardSnapshot> OpsBoard::snapshot() const {
  MutexLock lock(mu_);
  return snapshot_;
}

Status OpsBoard::Refresh() {
  MutexLock refreshing(refresh_mu_);
  auto previous = snapshot();
  auto size = store_.Size();
  if (!size.ok()) return size.status();
  if (*size == previous->tree_size) return Status::Ok();
  auto next = std::make_shared<BoardSnapshot>(*previous);
  // The credits the new entries concern, then each replayed once from its own entries.
  std::set<std::string> touched;
  for (uint64_t i = previous->tree_size; i < *size; ++i) {
    auto leaf = store_.ReadLeaf(i);
    if (!leaf.ok()) return leaf.status();
    auto entry = ledger_store::DecodeLeaf(*leaf);
    if (!entry.ok()) return entry.status();
    if (!entry->accepted)
      ++next->rejections[{RejectionReason(entry->reason_code, entry->reason), entry->submitter}];
    auto doc = formats::DecodeDocument(entry->content_type, entry->body);
    if (doc.ok() && !trade::CreditNumber(*doc).empty()) touched.insert(trade::CreditNumber(*doc));
  }
  for (const auto& reference : touched) {
    auto history = rulebook::ReplayCredit(store_, reference, calendar_);
    if (!history.ok()) {
      if (history.status().code() == StatusCode::kNotFound) continue;
      return history.status();
    }
    if (!history->state) continue;  // every document of it was rejected: no credit
    auto digest = std::make_shared<CreditDigest>();
    digest->reference = reference;
    digest->readers = std::move(history->readers);
    digest->state = std::move(*history->state);
    next->credits[reference] = std::move(digest);
  }
  next->tree_size = *size;
  MutexLock lock(mu_);
  snapshot_ = std::move(next);
  return Status::Ok();
}

}  // namespace lcproc::gateway
