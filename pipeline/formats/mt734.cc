#include "pipeline/formats/mt734.h"

#include "pipeline/formats/mt_message_internal.h"
#include "pipeline/formats/swift_fields.h"

namespace lcproc::formats {
namespace {

const std::vector<std::string_view>& Mt734Order() {
  static const std::vector<std::string_view> kOrder = {"20",  "21",  "32A", "73A", "33A", "33B",
                                                       "57A", "57B", "57D", "72Z", "77J", "77B"};
  return kOrder;
}

const std::vector<std::string_view>& Mt750Order() {
  static const std::vector<std::string_view> kOrder = {"20",  "21",  "32B", "33B", "71D", "73A",
                                                       "34B", "57A", "57B", "57D", "72Z", "77J"};
  return kOrder;
}

// 72Z of a refusal or discrepancy advice: lcproc's lines, the rest kept.
Status ParseResultCodes(const SwiftField& f, bool with_presented, trade::ExaminationResult* r,
                        std::vector<std::string>* kept) {
  std::vector<std::string_view> codes = {"PRESNO", "EXAMINED", "DEADLINE", "AVAILBAL"};
  if (with_presented) codes.push_back("PRESENTED");
  LCPROC_ASSIGN_OR_RETURN(
      *kept, internal::SplitCodeLines(
                 f, codes, [&](std::string_view code, std::string_view value) -> Status {
                   if (code == "PRESNO") {
                     LCPROC_ASSIGN_OR_RETURN(r->presentation_number,
                                             internal::ParsePresentationNumber(value));
                     return Status::Ok();
                   }
                   if (code == "AVAILBAL") {
                     LCPROC_ASSIGN_OR_RETURN(
                         r->available_before,
                         ParseSwiftAmount(SwiftField{f.tag, {std::string(value)}, f.line}));
                     return Status::Ok();
                   }
                   if (value.size() != 6 ||
                       value.find_first_not_of("0123456789") != std::string_view::npos) {
                     return InvalidArgument("date must be YYMMDD");
                   }
                   LCPROC_ASSIGN_OR_RETURN(trade::Date d, trade::Date::ParseSwift(value));
                   (code == "EXAMINED"   ? r->examined_on
                    : code == "DEADLINE" ? r->deadline
                                         : r->presented_on) = d;
                   return Status::Ok();
                 }));
  return Status::Ok();
}

Status WriteResultCodes(const trade::ExaminationResult& r, bool with_presented,
                        const std::vector<std::string>& kept, internal::MessageBuilder* b) {
  std::vector<std::string> lines;
  LCPROC_RETURN_IF_ERROR(internal::WritePresentationNumber(r.presentation_number, &lines));
  // A date left at its default (1970-01-01, never a YYMMDD date) is not written.
  auto date = [&](std::string_view code, trade::Date d) -> Status {
    if (d == trade::Date{}) return Status::Ok();
    LCPROC_ASSIGN_OR_RETURN(std::string text, internal::SwiftDateText(d, "72Z"));
    std::string line = "/";
    line.append(code).append("/").append(text);
    lines.push_back(std::move(line));
    return Status::Ok();
  };
  if (with_presented) LCPROC_RETURN_IF_ERROR(date("PRESENTED", r.presented_on));
  LCPROC_RETURN_IF_ERROR(date("EXAMINED", r.examined_on));
  LCPROC_RETURN_IF_ERROR(date("DEADLINE", r.deadline));
  if (r.available_before) lines.push_back("/AVAILBAL/" + WriteSwiftAmount(*r.available_before));
  lines.insert(lines.end(), kept.begin(), kept.end());
  return internal::AddLines(b, "72Z", std::move(lines), 6, 35);
}

Status CheckRefusal(const trade::ExaminationResult& r, std::string_view type) {
  if (r.decision != trade::ExaminationDecision::kDiscrepant) {
    return InvalidArgument("MT" + std::string(type) +
                           " reports discrepancies; the result is compliant");
  }
  if (!r.examining_bank)
    return InvalidArgument("MT" + std::string(type) + " needs the examining bank (sender)");
  return internal::CheckReference(r.credit_number, type == "734" ? "20" : "21");
}

}  // namespace

Result<Mt734> ParseMt734(const SwiftMessage& message) {
  Mt734 mt;
  trade::ExaminationResult& r = mt.result;
  r.decision = trade::ExaminationDecision::kDiscrepant;
  trade::Bic sender;
  LCPROC_RETURN_IF_ERROR(internal::ReadMessage(
      message, "734", {"20", "21", "32A", "77J", "77B"}, &sender, &mt.receiver, &mt.extra_fields,
      [&](const SwiftField& f) -> Result<bool> {
        if (f.tag == "20") {
          LCPROC_ASSIGN_OR_RETURN(r.credit_number, internal::ParseReference(f));
        } else if (f.tag == "21") {
          LCPROC_ASSIGN_OR_RETURN(mt.presenting_bank_reference, internal::ParseReference(f));
        } else if (f.tag == "32A") {
          LCPROC_RETURN_IF_ERROR(internal::ParseDateAmount(f, &r.presented_on, &mt.amount));
        } else if (f.tag == "77J") {
          LCPROC_RETURN_IF_ERROR(internal::ParseDiscrepancies(f, &r.discrepancies, &r.narrative));
        } else if (f.tag == "77B") {
          LCPROC_RETURN_IF_ERROR(CheckFieldShape(f, 3, 35));
          mt.disposal = f.lines;
        } else if (f.tag == "72Z") {
          LCPROC_RETURN_IF_ERROR(ParseResultCodes(f, false, &r, &mt.sender_to_receiver));
        } else {
          return false;
        }
        return true;
      }));
  r.examining_bank = sender;
  if (mt.presenting_bank_reference == "NONREF") mt.presenting_bank_reference.clear();
  if (mt.disposal == std::vector<std::string>{"/HOLD/"}) mt.disposal.clear();
  return mt;
}

Result<Mt734> ParseMt734(std::string_view text) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, ParseSwiftMessage(text));
  return ParseMt734(message);
}

Result<SwiftMessage> BuildMt734(const Mt734& mt) {
  const trade::ExaminationResult& r = mt.result;
  LCPROC_RETURN_IF_ERROR(CheckRefusal(r, "734"));
  const std::string reference =
      mt.presenting_bank_reference.empty() ? "NONREF" : mt.presenting_bank_reference;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(reference, "21"));
  if (mt.presenting_bank_reference == "NONREF")
    return InvalidArgument("field 21: NONREF is written for an empty reference");
  internal::MessageBuilder b;
  b.Line("20", r.credit_number);
  b.Line("21", reference);
  LCPROC_ASSIGN_OR_RETURN(std::string utilisation,
                          internal::WriteDateAmount(r.presented_on, mt.amount, "32A"));
  b.Line("32A", std::move(utilisation));
  LCPROC_RETURN_IF_ERROR(WriteResultCodes(r, false, mt.sender_to_receiver, &b));
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> discrepancies,
                          internal::WriteDiscrepancies(r.discrepancies, r.narrative));
  b.Add("77J", std::move(discrepancies));
  if (mt.disposal == std::vector<std::string>{"/HOLD/"})
    return InvalidArgument("field 77B: /HOLD/ is written for an empty disposal");
  if (mt.disposal.size() > 3) return InvalidArgument("field 77B: at most 3 lines");
  b.Add("77B", mt.disposal.empty() ? std::vector<std::string>{"/HOLD/"} : mt.disposal);
  return b.Finish("734", *r.examining_bank, mt.receiver, mt.extra_fields, Mt734Order());
}

Result<std::string> WriteMt734(const Mt734& mt) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, BuildMt734(mt));
  return WriteSwiftMessage(message);
}

Result<Mt750> ParseMt750(const SwiftMessage& message) {
  Mt750 mt;
  trade::ExaminationResult& r = mt.result;
  r.decision = trade::ExaminationDecision::kDiscrepant;
  trade::Bic sender;
  LCPROC_RETURN_IF_ERROR(internal::ReadMessage(
      message, "750", {"20", "21", "32B", "77J"}, &sender, &mt.receiver, &mt.extra_fields,
      [&](const SwiftField& f) -> Result<bool> {
        if (f.tag == "20") {
          LCPROC_ASSIGN_OR_RETURN(mt.sender_reference, internal::ParseReference(f));
        } else if (f.tag == "21") {
          LCPROC_ASSIGN_OR_RETURN(r.credit_number, internal::ParseReference(f));
        } else if (f.tag == "32B") {
          LCPROC_ASSIGN_OR_RETURN(mt.amount, ParseSwiftAmount(f));
        } else if (f.tag == "77J") {
          LCPROC_RETURN_IF_ERROR(internal::ParseDiscrepancies(f, &r.discrepancies, &r.narrative));
        } else if (f.tag == "72Z") {
          LCPROC_RETURN_IF_ERROR(ParseResultCodes(f, true, &r, &mt.sender_to_receiver));
        } else {
          return false;
        }
        return true;
      }));
  r.examining_bank = sender;
  if (mt.sender_reference == r.credit_number) mt.sender_reference.clear();
  return mt;
}

Result<Mt750> ParseMt750(std::string_view text) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, ParseSwiftMessage(text));
  return ParseMt750(message);
}

Result<SwiftMessage> BuildMt750(const Mt750& mt) {
  const trade::ExaminationResult& r = mt.result;
  LCPROC_RETURN_IF_ERROR(CheckRefusal(r, "750"));
  const std::string& reference =
      mt.sender_reference.empty() ? r.credit_number : mt.sender_reference;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(reference, "20"));
  internal::MessageBuilder b;
  b.Line("20", reference);
  b.Line("21", r.credit_number);
  b.Line("32B", WriteSwiftAmount(mt.amount));
  LCPROC_RETURN_IF_ERROR(WriteResultCodes(r, true, mt.sender_to_receiver, &b));
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> discrepancies,
                          internal::WriteDiscrepancies(r.discrepancies, r.narrative));
  b.Add("77J", std::move(discrepancies));
  return b.Finish("750", *r.examining_bank, mt.receiver, mt.extra_fields, Mt750Order());
}

Result<std::string> WriteMt750(const Mt750& mt) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, BuildMt750(mt));
  return WriteSwiftMessage(message);
}

}  // namespace lcproc::formats
