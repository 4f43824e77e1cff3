#include "pipeline/formats/mt_message_internal.h"

#include <cctype>
#include <set>

#include "pipeline/formats/mt700.h"
#include "pipeline/formats/swift_fields.h"

namespace lcproc::formats::internal {
namespace {

constexpr std::string_view kNone = "NONE";
constexpr std::string_view kNote = "NOTE ";

bool IsCodeWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return true;
}

std::string OrNone(std::string_view s) { return s.empty() ? std::string(kNone) : std::string(s); }
std::string FromNone(std::string_view s) { return s == kNone ? std::string() : std::string(s); }

// One discrepancy item; false when `item` does not have the shape.
bool ParseDiscrepancyItem(std::string_view item, trade::Discrepancy* d) {
  size_t art = item.find(" ART ");
  if (art == std::string_view::npos || !IsCodeWord(item.substr(0, art))) return false;
  size_t doc = item.find(" DOC ", art + 5);
  if (doc == std::string_view::npos) return false;
  size_t field = item.find(" FIELD ", doc + 5);
  if (field == std::string_view::npos) return false;
  size_t text = item.find(" TEXT ", field + 7);
  std::string_view field_value = item.substr(
      field + 7, text == std::string_view::npos ? std::string_view::npos : text - field - 7);
  // A field path has no spaces: one with spaces would not be written back the same.
  if (field_value.empty() || field_value.find(' ') != std::string_view::npos) return false;
  d->code = std::string(item.substr(0, art));
  d->article = FromNone(item.substr(art + 5, doc - art - 5));
  d->document = FromNone(item.substr(doc + 5, field - doc - 5));
  d->field = FromNone(field_value);
  for (char& c : d->field) {
    if (c == '(') c = '[';
    if (c == ')') c = ']';
  }
  d->message = text == std::string_view::npos ? "" : std::string(item.substr(text + 6));
  return true;
}

// Writes `items` as "+" items wrapped at `width` (the '+' included).
Result<std::vector<std::string>> WriteItemLines(const std::vector<std::string>& items, size_t width,
                                                std::string_view tag) {
  std::vector<std::string> lines;
  for (const std::string& item : items) {
    if (item.empty()) return InvalidArgument("field " + std::string(tag) + ": empty item");
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> wrapped, Wrap("+" + item, width, tag, ":-+"));
    lines.insert(lines.end(), wrapped.begin(), wrapped.end());
  }
  return lines;
}

}  // namespace

// The network-validated rules of the Standards Release that tie optional fields of a
// category 7 message together, for the messages lcproc maps: which fields may not stand
// together, and which amounts must be in one currency. `fields` as read or about to be
// written; the error names the fields and the rule.
Status CheckNetworkRules(std::string_view type, const std::vector<SwiftField>& fields) {
  auto find = [&](std::string_view tag) -> const SwiftField* {
    for (const SwiftField& f : fields) {
      if (f.tag == tag) return &f;
    }
    return nullptr;
  };
  auto any = [&](std::initializer_list<std::string_view> tags) -> const SwiftField* {
    for (std::string_view t : tags) {
      if (const SwiftField* f = find(t)) return f;
    }
    return nullptr;
  };
  // The currency of an amount field: 3!a15d (options B) or 6!n3!a15d (options A, D).
  auto currency = [](const SwiftField& f) -> std::string {
    const std::string v = f.Value("");
    const bool dated = f.tag.back() == 'A' || f.tag.back() == 'D';
    return v.size() >= (dated ? 9u : 3u) ? v.substr(dated ? 6 : 0, 3) : std::string();
  };
  auto same_currency = [&](const SwiftField* a, const SwiftField* b, const char* rule) -> Status {
    if (a == nullptr || b == nullptr || currency(*a) == currency(*b)) return Status::Ok();
    return Malformed("block 4: fields " + a->tag + " and " + b->tag +
                     " must be in the same currency (MT" + std::string(type) + " " + rule + ")");
  };
  if (type == "730") {
    const SwiftField* account_with = any({"57A", "57D"});
    if (find("25") && account_with) {
      return Malformed("block 4: field 25 or field " + account_with->tag +
                       ", not both (MT730 rule C1)");
    }
    if (find("32D") && account_with) {
      return Malformed("block 4: field " + account_with->tag +
                       " is not allowed with field 32D (MT730 rule C2)");
    }
  } else if (type == "734") {
    const SwiftField* claimed = any({"33A", "33B"});
    if (find("73A") && !claimed) {
      return Malformed("block 4: field 73A needs field 33a (MT734 rule C1)");
    }
    return same_currency(find("32A"), claimed, "rule C2");
  } else if (type == "750") {
    return same_currency(find("32B"), find("34B"), "network rule, error C02");
  } else if (type == "756") {
    return same_currency(find("32B"), find("33A"), "network rule, error C02");
  }
  return Status::Ok();
}

Status ReadMessage(const SwiftMessage& message, std::string_view type,
                   const std::vector<std::string_view>& mandatory, trade::Bic* sender,
                   trade::Bic* receiver, std::vector<trade::ExtraField>* extra,
                   const std::function<Result<bool>(const SwiftField&)>& field) {
  if (message.MessageType() != type) {
    return Malformed("line 1: block 2 names MT" + message.MessageType() + ", not MT" +
                     std::string(type));
  }
  LCPROC_RETURN_IF_ERROR(RequireSingleMessage(message));
  LCPROC_ASSIGN_OR_RETURN(std::string sender_bic, SwiftSenderBic(message));
  LCPROC_ASSIGN_OR_RETURN(std::string receiver_bic, SwiftReceiverBic(message));
  auto s = trade::Bic::Parse(sender_bic);
  auto r = trade::Bic::Parse(receiver_bic);
  if (!s.ok()) return Malformed("line 1: sender " + s.status().message());
  if (!r.ok()) return Malformed("line 1: receiver " + r.status().message());
  *sender = *s;
  *receiver = *r;
  std::set<std::string> seen;
  for (const SwiftField& f : message.fields) {
    if (!seen.insert(f.tag).second) return FieldError(f, "appears twice");
    if (f.tag == "27") continue;
    LCPROC_ASSIGN_OR_RETURN(bool mapped, field(f));
    if (!mapped) extra->push_back(trade::ExtraField{f.tag, f.Value("\n")});
  }
  for (std::string_view tag : mandatory) {
    if (seen.count(std::string(tag)) == 0) {
      return Malformed("block 4: mandatory field " + std::string(tag) + " is missing");
    }
  }
  return CheckNetworkRules(type, message.fields);
}

Status CheckReference(std::string_view value, std::string_view tag) {
  if (value.empty() || value.size() > 16) {
    return InvalidArgument("field " + std::string(tag) + ": a reference has 1 to 16 characters");
  }
  for (char c : value) {
    if (!IsSwiftXCharacter(c)) {
      return InvalidArgument("field " + std::string(tag) + ": '" + std::string(1, c) +
                             "' is not in the SWIFT X character set");
    }
  }
  if (value.front() == '/' || value.back() == '/' || value.find("//") != std::string_view::npos) {
    return InvalidArgument("field " + std::string(tag) +
                           ": a reference may not start or end with '/' or contain '//'");
  }
  if (value.front() == ':' || value.front() == '-') {
    return InvalidArgument("field " + std::string(tag) +
                           ": a reference may not start with ':' or '-'");
  }
  return Status::Ok();
}

Result<std::string> ParseReference(const SwiftField& field) {
  if (field.lines.size() != 1) return FieldError(field, "a reference is one line");
  if (Status s = CheckReference(field.lines[0], field.tag); !s.ok()) {
    std::string why = s.message();
    return FieldError(field, why.substr(why.find(": ") + 2));
  }
  return field.lines[0];
}

Status ParseDateAmount(const SwiftField& field, trade::Date* date, trade::Money* amount) {
  if (field.lines.size() != 1 || field.lines[0].size() < 11) {
    return FieldError(field, "expected a date and an amount, e.g. 260301USD125000,00");
  }
  LCPROC_ASSIGN_OR_RETURN(*date,
                          ParseSwiftDate(field, std::string_view(field.lines[0]).substr(0, 6)));
  SwiftField rest{field.tag, {field.lines[0].substr(6)}, field.line};
  LCPROC_ASSIGN_OR_RETURN(*amount, ParseSwiftAmount(rest));
  return Status::Ok();
}

Result<std::string> SwiftDateText(trade::Date d, std::string_view tag) {
  if (d.year() < 1980 || d.year() > 2079) {
    return InvalidArgument("field " + std::string(tag) + ": date " + d.ToIso() +
                           " cannot be written as YYMMDD (1980 to 2079)");
  }
  return d.ToSwift();
}

Result<std::string> WriteDateAmount(trade::Date date, const trade::Money& amount,
                                    std::string_view tag) {
  LCPROC_ASSIGN_OR_RETURN(std::string text, SwiftDateText(date, tag));
  return text + WriteSwiftAmount(amount);
}

Result<std::vector<std::string>> SplitCodeLines(
    const SwiftField& field, const std::vector<std::string_view>& codes,
    const std::function<Status(std::string_view, std::string_view)>& code) {
  // 72Z is 6*35z, 79Z 35*50z: what is longer would not be written back.
  LCPROC_RETURN_IF_ERROR(field.tag == "79Z" ? CheckFieldShape(field, 35, 50)
                                            : CheckFieldShape(field, 6, 35));
  std::vector<std::string> free_lines;
  std::set<std::string> seen;
  for (const std::string& line : field.lines) {
    size_t close = line.size() > 1 && line[0] == '/' ? line.find('/', 1) : std::string::npos;
    std::string name = close == std::string::npos ? "" : line.substr(1, close - 1);
    bool mapped = false;
    for (std::string_view c : codes) mapped = mapped || c == name;
    if (!mapped) {
      free_lines.push_back(line);
      continue;
    }
    if (!seen.insert(name).second) return FieldError(field, "code /" + name + "/ appears twice");
    if (Status s = code(name, std::string_view(line).substr(close + 1)); !s.ok()) {
      return FieldError(field, "/" + name + "/: " + s.message());
    }
  }
  return free_lines;
}

Result<int> ParsePresentationNumber(std::string_view value) {
  if (value.empty() || value.size() > 3 ||
      value.find_first_not_of("0123456789") != std::string_view::npos || value[0] == '0' ||
      value == "1") {
    return InvalidArgument("presentation number must be 2 to 999 (1 is not written)");
  }
  return std::stoi(std::string(value));
}

Status WritePresentationNumber(int number, std::vector<std::string>* lines) {
  if (number < 1 || number > 999)
    return InvalidArgument("field 72Z: presentation number must be 1 to 999");
  if (number != 1) lines->push_back("/PRESNO/" + std::to_string(number));
  return Status::Ok();
}

Status AddLines(MessageBuilder* b, std::string tag, std::vector<std::string> lines,
                size_t max_lines, size_t width) {
  if (lines.empty()) return Status::Ok();
  if (lines.size() > max_lines) {
    return InvalidArgument("field " + tag + ": more than " + std::to_string(max_lines) + " lines");
  }
  for (const std::string& line : lines) {
    if (line.size() > width) {
      return InvalidArgument("field " + tag + ": line '" + line + "' is longer than " +
                             std::to_string(width) + " characters");
    }
  }
  b->Add(std::move(tag), std::move(lines));
  return Status::Ok();
}

Status ParseDiscrepancies(const SwiftField& field, std::vector<trade::Discrepancy>* out,
                          std::string* narrative) {
  LCPROC_RETURN_IF_ERROR(CheckFieldShape(field, 70, 50));  // 70*50z
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> items, SplitItems(field));
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string& item = items[i];
    if (item.rfind(kNote, 0) == 0) {
      if (i + 1 != items.size()) return FieldError(field, "the NOTE item must be the last");
      *narrative = item.substr(kNote.size());
      continue;
    }
    trade::Discrepancy d;
    if (!ParseDiscrepancyItem(item, &d)) {
      return FieldError(
          field, "item " + std::to_string(i + 1) +
                     " must read 'CODE ART article DOC document FIELD field [TEXT message]'");
    }
    out->push_back(std::move(d));
  }
  if (out->empty()) return FieldError(field, "names no discrepancy");
  return Status::Ok();
}

Result<std::vector<std::string>> WriteDiscrepancies(
    const std::vector<trade::Discrepancy>& discrepancies, std::string_view narrative) {
  if (discrepancies.empty())
    return InvalidArgument("field 77J: a refusal states at least one discrepancy");
  std::vector<std::string> items;
  for (size_t i = 0; i < discrepancies.size(); ++i) {
    const trade::Discrepancy& d = discrepancies[i];
    std::string field = d.field;
    bool bad_field = field.find_first_of("() ") != std::string::npos;
    for (char& c : field) {
      if (c == '[') c = '(';
      if (c == ']') c = ')';
    }
    std::string item = d.code + " ART " + OrNone(d.article) + " DOC " + OrNone(d.document) +
                       " FIELD " + OrNone(field) + (d.message.empty() ? "" : " TEXT " + d.message);
    trade::Discrepancy back;
    if (bad_field || d.code == "NOTE" || !ParseDiscrepancyItem(item, &back) || !(back == d)) {
      return InvalidArgument("field 77J: discrepancy " + std::to_string(i + 1) + " (" + d.code +
                             ") cannot be written so that it reads back the same");
    }
    items.push_back(std::move(item));
  }
  if (!narrative.empty()) items.push_back(std::string(kNote) + std::string(narrative));
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, WriteItemLines(items, 50, "77J"));
  if (lines.size() > 70)
    return InvalidArgument("field 77J: discrepancies need more than 70 lines of 50");
  return lines;
}

Status MessageBuilder::Narrative(std::string tag, std::string_view text, size_t width,
                                 size_t max_lines) {
  if (text.empty()) return Status::Ok();
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, Wrap(text, width, tag));
  if (lines.size() > max_lines) {
    return InvalidArgument("field " + tag + ": text needs more than " + std::to_string(max_lines) +
                           " lines of " + std::to_string(width));
  }
  Add(std::move(tag), std::move(lines));
  return Status::Ok();
}

Result<SwiftMessage> MessageBuilder::Finish(std::string_view type, const trade::Bic& sender,
                                            const trade::Bic& receiver,
                                            const std::vector<trade::ExtraField>& extra,
                                            const std::vector<std::string_view>& order) {
  if (sender.empty() || receiver.empty()) {
    return InvalidArgument("MT" + std::string(type) + " needs a sender and a receiver BIC");
  }
  SortFields(fields_, order);
  LCPROC_RETURN_IF_ERROR(MergeExtraFields(fields_, extra, order));
  SwiftMessage message;
  message.basic_header = BasicHeaderFor(sender);
  message.application_header = ApplicationHeaderFor(type, receiver);
  message.fields = std::move(fields_);
  if (Status rules = CheckNetworkRules(type, message.fields); !rules.ok()) {
    return InvalidArgument(rules.message());
  }
  LCPROC_RETURN_IF_ERROR(ParseSwiftMessage(WriteSwiftMessage(message)).status());
  return message;
}

}  // namespace lcproc::formats::internal
