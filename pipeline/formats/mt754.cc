#include "pipeline/formats/mt754.h"

#include "pipeline/formats/mt_message_internal.h"
#include "pipeline/formats/swift_fields.h"

namespace lcproc::formats {
namespace {

const std::vector<std::string_view>& Mt754Order() {
  static const std::vector<std::string_view> kOrder = {
      "20",  "21",  "32A", "32B", "33B", "71D", "73A", "34A", "34B", "53A",
      "53B", "53D", "57A", "57B", "57D", "58A", "58D", "72Z", "77"};
  return kOrder;
}

const std::vector<std::string_view>& Mt756Order() {
  static const std::vector<std::string_view> kOrder = {"20",  "21",  "32B", "33A", "53A", "53B",
                                                       "53D", "54A", "54B", "54D", "72Z", "79Z"};
  return kOrder;
}

Result<std::vector<std::string>> ParsePaymentCodes(const SwiftField& f, trade::Payment* p) {
  return internal::SplitCodeLines(
      f, {"PRESNO", "DEBIT", "CREDIT"},
      [&](std::string_view code, std::string_view value) -> Status {
        if (code == "PRESNO") {
          LCPROC_ASSIGN_OR_RETURN(p->presentation_number, internal::ParsePresentationNumber(value));
          return Status::Ok();
        }
        if (value.empty()) return InvalidArgument("needs an account");
        (code == "DEBIT" ? p->debit_account : p->credit_account) = std::string(value);
        return Status::Ok();
      });
}

Status WritePaymentCodes(const trade::Payment& p, const std::vector<std::string>& kept,
                         internal::MessageBuilder* b) {
  std::vector<std::string> lines;
  LCPROC_RETURN_IF_ERROR(internal::WritePresentationNumber(p.presentation_number, &lines));
  if (!p.debit_account.empty()) lines.push_back("/DEBIT/" + p.debit_account);
  if (!p.credit_account.empty()) lines.push_back("/CREDIT/" + p.credit_account);
  lines.insert(lines.end(), kept.begin(), kept.end());
  return internal::AddLines(b, "72Z", std::move(lines), 6, 35);
}

}  // namespace

Result<Mt754> ParseMt754(const SwiftMessage& message) {
  Mt754 mt;
  trade::Payment& p = mt.payment;
  LCPROC_RETURN_IF_ERROR(internal::ReadMessage(
      message, "754", {"20", "21", "32A"}, &p.paying_bank, &mt.receiver, &mt.extra_fields,
      [&](const SwiftField& f) -> Result<bool> {
        if (f.tag == "20") {
          LCPROC_ASSIGN_OR_RETURN(mt.sender_reference, internal::ParseReference(f));
        } else if (f.tag == "21") {
          LCPROC_ASSIGN_OR_RETURN(p.credit_number, internal::ParseReference(f));
        } else if (f.tag == "32A") {
          LCPROC_RETURN_IF_ERROR(internal::ParseDateAmount(f, &p.value_date, &p.amount));
        } else if (f.tag == "32B") {
          return FieldError(f, "lcproc reads the principal amount with its value date, option 32A");
        } else if (f.tag == "72Z") {
          LCPROC_ASSIGN_OR_RETURN(mt.sender_to_receiver, ParsePaymentCodes(f, &p));
        } else {
          return false;
        }
        return true;
      }));
  if (mt.sender_reference == p.credit_number) mt.sender_reference.clear();
  return mt;
}

Result<Mt754> ParseMt754(std::string_view text) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, ParseSwiftMessage(text));
  return ParseMt754(message);
}

Result<SwiftMessage> BuildMt754(const Mt754& mt) {
  const trade::Payment& p = mt.payment;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(p.credit_number, "21"));
  const std::string& reference =
      mt.sender_reference.empty() ? p.credit_number : mt.sender_reference;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(reference, "20"));
  internal::MessageBuilder b;
  b.Line("20", reference);
  b.Line("21", p.credit_number);
  LCPROC_ASSIGN_OR_RETURN(std::string principal,
                          internal::WriteDateAmount(p.value_date, p.amount, "32A"));
  b.Line("32A", std::move(principal));
  LCPROC_RETURN_IF_ERROR(WritePaymentCodes(p, mt.sender_to_receiver, &b));
  return b.Finish("754", p.paying_bank, mt.receiver, mt.extra_fields, Mt754Order());
}

Result<std::string> WriteMt754(const Mt754& mt) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, BuildMt754(mt));
  return WriteSwiftMessage(message);
}

Result<Mt756> ParseMt756(const SwiftMessage& message) {
  Mt756 mt;
  trade::Payment& p = mt.payment;
  LCPROC_RETURN_IF_ERROR(internal::ReadMessage(
      message, "756", {"20", "21", "32B", "33A"}, &p.paying_bank, &mt.receiver, &mt.extra_fields,
      [&](const SwiftField& f) -> Result<bool> {
        if (f.tag == "20") {
          LCPROC_ASSIGN_OR_RETURN(p.credit_number, internal::ParseReference(f));
        } else if (f.tag == "21") {
          LCPROC_ASSIGN_OR_RETURN(mt.presenting_bank_reference, internal::ParseReference(f));
        } else if (f.tag == "32B") {
          LCPROC_ASSIGN_OR_RETURN(mt.amount_claimed, ParseSwiftAmount(f));
        } else if (f.tag == "33A") {
          LCPROC_RETURN_IF_ERROR(internal::ParseDateAmount(f, &p.value_date, &p.amount));
        } else if (f.tag == "72Z") {
          LCPROC_ASSIGN_OR_RETURN(mt.sender_to_receiver, ParsePaymentCodes(f, &p));
        } else {
          return false;
        }
        return true;
      }));
  if (mt.presenting_bank_reference == "NONREF") mt.presenting_bank_reference.clear();
  if (mt.amount_claimed == p.amount) mt.amount_claimed.reset();
  return mt;
}

Result<Mt756> ParseMt756(std::string_view text) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, ParseSwiftMessage(text));
  return ParseMt756(message);
}

Result<SwiftMessage> BuildMt756(const Mt756& mt) {
  const trade::Payment& p = mt.payment;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(p.credit_number, "20"));
  if (mt.presenting_bank_reference == "NONREF")
    return InvalidArgument("field 21: NONREF is written for an empty reference");
  if (mt.amount_claimed == p.amount)
    return InvalidArgument("field 32B: leave amount_claimed unset when it equals the amount paid");
  const std::string reference =
      mt.presenting_bank_reference.empty() ? "NONREF" : mt.presenting_bank_reference;
  LCPROC_RETURN_IF_ERROR(internal::CheckReference(reference, "21"));
  internal::MessageBuilder b;
  b.Line("20", p.credit_number);
  b.Line("21", reference);
  b.Line("32B", WriteSwiftAmount(mt.amount_claimed.value_or(p.amount)));
  LCPROC_ASSIGN_OR_RETURN(std::string paid,
                          internal::WriteDateAmount(p.value_date, p.amount, "33A"));
  b.Line("33A", std::move(paid));
  LCPROC_RETURN_IF_ERROR(WritePaymentCodes(p, mt.sender_to_receiver, &b));
  return b.Finish("756", p.paying_bank, mt.receiver, mt.extra_fields, Mt756Order());
}

Result<std::string> WriteMt756(const Mt756& mt) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, BuildMt756(mt));
  return WriteSwiftMessage(message);
}

}  // namespace lcproc::formats
