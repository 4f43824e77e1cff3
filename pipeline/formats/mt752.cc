#include "pipeline/formats/mt752.h"

#include "pipeline/formats/mt_message_internal.h"
#include "pipeline/formats/swift_fields.h"

namespace lcproc::formats {
namespace {

const std::vector<std::string_view>& Mt752Order() {
  static const std::vector<std::string_view> kOrder = {"20",  "21",  "23",  "30",  "32B", "71D",
                                                       "33A", "33B", "53A", "53B", "53D", "54A",
                                                       "54B", "54D", "72Z", "79Z"};
  return kOrder;
}

bool IsCode(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// 79Z: "/WAIVED/CODE" lines first, then the narrative.
Status ParseWaiverText(const SwiftField& f, trade::Waiver* w) {
  LCPROC_RETURN_IF_ERROR(CheckFieldShape(f, 35, 50));  // 35*50z
  size_t i = 0;
  for (; i < f.lines.size() && f.lines[i].rfind("/WAIVED/", 0) == 0; ++i) {
    std::string code = f.lines[i].substr(8);
    if (!IsCode(code))
      return FieldError(f, "/WAIVED/ needs a discrepancy code, got '" + code + "'");
    w->waived_codes.push_back(std::move(code));
  }
  w->narrative = Unwrap(
      std::vector<std::string>(f.lines.begin() + static_cast<std::ptrdiff_t>(i), f.lines.end()));
  if (!w->narrative.empty() && w->narrative[0] == '/') {
    return FieldError(f,
                      "line " + std::to_string(i + 1) + " is neither /WAIVED/CODE nor narrative");
  }
  return Status::Ok();
}

}  // namespace

Result<Mt752> ParseMt752(const SwiftMessage& message) {
  Mt752 mt;
  trade::Waiver& w = mt.waiver;
  LCPROC_RETURN_IF_ERROR(internal::ReadMessage(
      message, "752", {"20", "21", "23", "30"}, &w.issuing_bank, &mt.receiver, &mt.extra_fields,
      [&](const SwiftField& f) -> Result<bool> {
        if (f.tag == "20") {
          LCPROC_ASSIGN_OR_RETURN(w.credit_number, internal::ParseReference(f));
        } else if (f.tag == "21") {
          LCPROC_ASSIGN_OR_RETURN(mt.presenting_bank_reference, internal::ParseReference(f));
        } else if (f.tag == "23") {
          LCPROC_ASSIGN_OR_RETURN(mt.further_identification, internal::ParseReference(f));
        } else if (f.tag == "30") {
          LCPROC_ASSIGN_OR_RETURN(w.date, ParseSwiftDate(f, f.Value()));
        } else if (f.tag == "72Z") {
          LCPROC_ASSIGN_OR_RETURN(
              mt.sender_to_receiver,
              internal::SplitCodeLines(
                  f, {"PRESNO"}, [&](std::string_view, std::string_view value) -> Status {
                    LCPROC_ASSIGN_OR_RETURN(w.presentation_number,
                                            internal::ParsePresentationNumber(value));
                    return Status::Ok();
                  }));
        } else if (f.tag == "79Z") {
          LCPROC_RETURN_IF_ERROR(ParseWaiverText(f, &w));
        } else {
          return false;
        }
        return true;
      }));
  if (mt.presenting_bank_reference == "NONREF") mt.presenting_bank_reference.clear();
  return mt;
}

Result<Mt752> ParseMt752(std::string_view text) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, ParseSwiftMessage(text));
  return ParseMt752(message);
}

Result<SwiftMessage> BuildMt752(const Mt752& mt) {
  const trade::Waiver& w = mt.waiver;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(w.credit_number, "20"));
  if (mt.presenting_bank_reference == "NONREF")
    return InvalidArgument("field 21: NONREF is written for an empty reference");
  const std::string reference =
      mt.presenting_bank_reference.empty() ? "NONREF" : mt.presenting_bank_reference;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(reference, "21"));
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(mt.further_identification, "23"));
  internal::MessageBuilder b;
  b.Line("20", w.credit_number);
  b.Line("21", reference);
  b.Line("23", mt.further_identification);
  LCPROC_ASSIGN_OR_RETURN(std::string date, internal::SwiftDateText(w.date, "30"));
  b.Line("30", std::move(date));
  std::vector<std::string> codes;
  LCPROC_RETURN_IF_ERROR(internal::WritePresentationNumber(w.presentation_number, &codes));
  codes.insert(codes.end(), mt.sender_to_receiver.begin(), mt.sender_to_receiver.end());
  LCPROC_RETURN_IF_ERROR(internal::AddLines(&b, "72Z", std::move(codes), 6, 35));
  std::vector<std::string> text;
  for (const std::string& code : w.waived_codes) {
    if (!IsCode(code))
      return InvalidArgument("field 79Z: '" + code + "' is not a discrepancy code");
    text.push_back("/WAIVED/" + code);
  }
  if (!w.narrative.empty()) {
    if (w.narrative[0] == '/')
      return InvalidArgument("field 79Z: the narrative may not start with '/'");
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, Wrap(w.narrative, 50, "79Z"));
    text.insert(text.end(), lines.begin(), lines.end());
  }
  LCPROC_RETURN_IF_ERROR(internal::AddLines(&b, "79Z", std::move(text), 35, 50));
  return b.Finish("752", w.issuing_bank, mt.receiver, mt.extra_fields, Mt752Order());
}

Result<std::string> WriteMt752(const Mt752& mt) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, BuildMt752(mt));
  return WriteSwiftMessage(message);
}

}  // namespace lcproc::formats
