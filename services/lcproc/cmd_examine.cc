// `lcproc examine`: examines one presentation against one credit under UCP 600, the way
// the pipeline does, and prints the decision and every discrepancy as JSON. For operators
// and for checking the rules from outside.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/formats/credit_file.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/trade/amendment.h"
#include "pipeline/trade/calendar.h"
#include "pipeline/trade/credit_state.h"
#include "pipeline/trade/examiner.h"
#include "pipeline/trade/lifecycle.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "examine";

int BadInput(const std::string& file, const Status& status) {
  return Complain(kExitUsage, kName, file, ": ", status.message());
}

// The credit as it stands before this presentation: original terms, accepted amendments
// applied in order (UCP 600 art. 10(c)), and earlier drawings counted as honoured.
Result<trade::CreditState> StateOf(const formats::CreditFile& file) {
  trade::CreditState state;
  state.original = file.credit;
  state.terms = file.credit;
  state.status = trade::CreditStatus::kAdvised;
  state.issued_on = file.credit.date_of_issue;
  state.drawn = trade::Money::FromMinor(file.credit.amount.currency, 0);
  state.paid = state.drawn;
  for (size_t i = 0; i < file.amendments.size(); ++i) {
    const trade::Amendment& a = file.amendments[i];
    auto terms = trade::ApplyAmendment(state.terms, a);
    if (!terms.ok()) return terms.status().WithContext("/amendments/" + std::to_string(i));
    state.terms = *terms;
    state.amendments.push_back({a, trade::AmendmentStatus::kAccepted, a.date_of_amendment});
  }
  for (size_t i = 0; i < file.drawings.size(); ++i) {
    const trade::Presentation& p = file.drawings[i];
    auto drawn = state.drawn.Add(p.drawing_amount);
    if (!drawn.ok())
      return drawn.status().WithContext("/drawings/" + std::to_string(i) + "/drawingAmount");
    state.drawn = *drawn;
    state.paid = *drawn;
    trade::PresentationRecord record;
    record.presentation = p;
    record.examination.credit_number = p.credit_number;
    record.examination.presentation_number = p.presentation_number;
    record.examination.presented_on = p.presentation_date;
    record.status = trade::PresentationStatus::kHonoured;
    record.paid = p.drawing_amount;
    state.presentations.push_back(std::move(record));
  }
  return state;
}

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Examines the presentation P against the credit LC under UCP 600 and prints the\n"
              "decision and every discrepancy (code, article, document, field, message) as\n"
              "JSON, with what needs a document checker (manualChecks) and how many documents\n"
              "were examined automatically. LC is a letterOfCredit document, or {\"credit\": …, "
              "\"amendments\": [accepted\n"
              "amendments], \"drawings\": [earlier presentations]}. Exit 0 compliant, 1\n"
              "discrepant, 2 bad input (the message names the JSON pointer of the bad field).");
  flags.Option("credit", "LC.json", "the credit, with its accepted amendments and drawings", true);
  flags.Option("presentation", "P.json", "the presentation document", true);
  flags.Option("on", "YYYY-MM-DD", "day of presentation (default: its presentationDate)");
  flags.Option("calendar", "FILE", "banking-day calendar (default: Saturday and Sunday closed)");
  if (auto exit = flags.Parse(args)) return *exit;

  std::optional<std::string> credit_text = ReadFileOrComplain(kName, flags.Get("credit"));
  if (!credit_text) return kExitUsage;
  auto file = formats::DecodeCreditFile(*credit_text);
  if (!file.ok()) return BadInput(flags.Get("credit"), file.status());
  std::optional<std::string> presentation_text =
      ReadFileOrComplain(kName, flags.Get("presentation"));
  if (!presentation_text) return kExitUsage;
  auto presentation = formats::DecodeDocumentAs<trade::Presentation>(*presentation_text);
  if (!presentation.ok()) return BadInput(flags.Get("presentation"), presentation.status());

  trade::BankingCalendar calendar;
  if (flags.Has("calendar")) {
    std::optional<std::string> text = ReadFileOrComplain(kName, flags.Get("calendar"));
    if (!text) return kExitUsage;
    auto parsed = trade::BankingCalendar::Parse(*text);
    if (!parsed.ok()) return BadInput(flags.Get("calendar"), parsed.status());
    calendar = *parsed;
  }
  trade::Date on = presentation->presentation_date;
  if (flags.Has("on")) {
    auto date = trade::Date::ParseIso(flags.Get("on"));
    if (!date.ok()) return BadInput("--on", date.status());
    on = *date;
  }
  if (Status s = trade::CheckDocument(file->credit); !s.ok())
    return BadInput(flags.Get("credit"), s);
  if (Status s = trade::CheckDocument(*presentation); !s.ok()) {
    return BadInput(flags.Get("presentation"), s);
  }
  if (presentation->credit_number != file->credit.credit_number) {
    return BadInput(flags.Get("presentation"),
                    InvalidArgument("/creditNumber: presentation is for credit '" +
                                    presentation->credit_number + "', not '" +
                                    file->credit.credit_number + "'"));
  }
  auto state = StateOf(*file);
  if (!state.ok()) return BadInput(flags.Get("credit"), state.status());

  trade::ExaminationResult result = trade::Examine(*state, *presentation, on, calendar);
  boost::json::value out = formats::EncodeJsonDocument(result);
  // Always state the list, even when empty: scripts read it without a special case.
  if (!out.as_object().contains("discrepancies"))
    out.as_object()["discrepancies"] = boost::json::array();
  std::cout << formats::PrettyJson(out);
  return result.compliant() ? kExitOk : kExitNegative;
}

CommandRegistration kReg({kName, "examine a presentation against a credit under UCP 600", &Run});

}  // namespace
}  // namespace lcproc::cli
