#include "pipeline/formats/mt730.h"

#include "pipeline/formats/mt_message_internal.h"
#include "pipeline/formats/swift_fields.h"

namespace lcproc::formats {
namespace {

const std::vector<std::string_view>& Mt730Order() {
  static const std::vector<std::string_view> kOrder = {"20",  "21",  "25",  "30",  "32B", "32D",
                                                       "57A", "57B", "57D", "71D", "72Z", "79Z"};
  return kOrder;
}

// Code lines come first (a free line between them would not come back in place).
Status ParseAcknowledgement(const SwiftField& f, trade::Advice* advice) {
  LCPROC_RETURN_IF_ERROR(CheckFieldShape(f, 35, 50));  // 35*50z
  LCPROC_ASSIGN_OR_RETURN(
      std::vector<std::string> rest,
      internal::SplitCodeLines(f, {"CONFIRMED", "CONFBANK"},
                               [&](std::string_view code, std::string_view value) -> Status {
                                 if (code == "CONFIRMED") {
                                   advice->confirmation_added = true;
                                   if (value.empty()) return Status::Ok();
                                 } else if (value.empty()) {
                                   return InvalidArgument("needs the confirming bank's BIC");
                                 }
                                 LCPROC_ASSIGN_OR_RETURN(advice->confirming_bank,
                                                         trade::Bic::Parse(value));
                                 return Status::Ok();
                               }));
  size_t codes = f.lines.size() - rest.size();
  for (size_t i = 0; i < codes; ++i) {
    if (f.lines[i].empty() || f.lines[i][0] != '/')
      return FieldError(f, "lcproc's /CODE/ lines must come first");
  }
  if (advice->confirmation_added && f.lines.size() > rest.size() + 1) {
    return FieldError(f, "/CONFIRMED/ and /CONFBANK/ exclude each other");
  }
  advice->narrative = Unwrap(rest);
  if (!advice->narrative.empty() && advice->narrative[0] == '/') {
    return FieldError(f, "unknown code line '" + rest[0] + "'");
  }
  return Status::Ok();
}

}  // namespace

Result<Mt730> ParseMt730(const SwiftMessage& message) {
  Mt730 mt;
  trade::Bic sender;
  const SwiftField* narrative = nullptr;
  bool dated = false;
  LCPROC_RETURN_IF_ERROR(internal::ReadMessage(
      message, "730", {"20", "21"}, &sender, &mt.receiver, &mt.extra_fields,
      [&](const SwiftField& f) -> Result<bool> {
        if (f.tag == "20") {
          LCPROC_ASSIGN_OR_RETURN(mt.sender_reference, internal::ParseReference(f));
        } else if (f.tag == "21") {
          LCPROC_ASSIGN_OR_RETURN(mt.advice.credit_number, internal::ParseReference(f));
        } else if (f.tag == "30") {
          LCPROC_ASSIGN_OR_RETURN(mt.advice.date_of_advice, ParseSwiftDate(f, f.Value()));
          dated = true;
        } else if (f.tag == "79Z") {
          narrative = &f;
        } else {
          return false;
        }
        return true;
      }));
  // Field 30 is optional in MT730 (Standards Release 2018 on); lcproc's advice records the
  // day the credit was advised, which is that date, so it cannot be taken without it.
  if (!dated) {
    return Malformed(
        "block 4: field 30 (date of the message acknowledged) is optional in MT730, but lcproc "
        "records the advice on that date: the MT730 must carry it");
  }
  mt.advice.advising_bank = sender;
  if (narrative != nullptr) LCPROC_RETURN_IF_ERROR(ParseAcknowledgement(*narrative, &mt.advice));
  if (mt.sender_reference == mt.advice.credit_number) mt.sender_reference.clear();
  return mt;
}

Result<Mt730> ParseMt730(std::string_view text) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, ParseSwiftMessage(text));
  return ParseMt730(message);
}

Result<SwiftMessage> BuildMt730(const Mt730& mt) {
  const trade::Advice& a = mt.advice;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(a.credit_number, "21"));
  const std::string& reference =
      mt.sender_reference.empty() ? a.credit_number : mt.sender_reference;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(reference, "20"));
  internal::MessageBuilder b;
  b.Line("20", reference);
  b.Line("21", a.credit_number);
  LCPROC_ASSIGN_OR_RETURN(std::string date, internal::SwiftDateText(a.date_of_advice, "30"));
  b.Line("30", std::move(date));
  std::vector<std::string> lines;
  if (a.confirmation_added) {
    lines.push_back("/CONFIRMED/" + (a.confirming_bank ? a.confirming_bank->str() : ""));
  } else if (a.confirming_bank) {
    lines.push_back("/CONFBANK/" + a.confirming_bank->str());
  }
  if (!a.narrative.empty()) {
    if (a.narrative[0] == '/')
      return InvalidArgument("field 79Z: the narrative may not start with '/'");
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> text, Wrap(a.narrative, 50, "79Z", "/:-"));
    lines.insert(lines.end(), text.begin(), text.end());
  }
  if (lines.size() > 35) return InvalidArgument("field 79Z: more than 35 lines of 50");
  if (!lines.empty()) b.Add("79Z", std::move(lines));
  return b.Finish("730", a.advising_bank, mt.receiver, mt.extra_fields, Mt730Order());
}

Result<std::string> WriteMt730(const Mt730& mt) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, BuildMt730(mt));
  return WriteSwiftMessage(message);
}

}  // namespace lcproc::formats
