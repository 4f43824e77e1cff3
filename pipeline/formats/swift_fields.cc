#include "pipeline/formats/swift_fields.h"

#include <cctype>

#include "pipeline/trade/required_document.h"

namespace lcproc::formats {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

Status ItemError(const SwiftField& field, std::string_view message) {
  return FieldError(field, message);
}

Result<trade::Date> ParseSwiftDate(const SwiftField& field, std::string_view text) {
  if (text.size() != 6 || !AllDigits(text)) return FieldError(field, "date must be YYMMDD");
  auto date = trade::Date::ParseSwift(text);
  if (!date.ok()) return FieldError(field, date.status().message());
  return *date;
}

Result<trade::Money> ParseSwiftAmount(const SwiftField& field) {
  std::string value = field.Value();
  if (field.lines.size() != 1 || value.size() < 5) {
    return FieldError(field, "expected currency and amount, e.g. USD125000,00");
  }
  auto currency = trade::CurrencyCode::Parse(value.substr(0, 3));
  if (!currency.ok()) return FieldError(field, currency.status().message());
  std::string_view amount = std::string_view(value).substr(3);
  if (amount.find(',') == std::string_view::npos) {
    return FieldError(field, "amount must use a comma decimal separator");
  }
  auto money = trade::Money::ParseSwift(*currency, amount);
  if (!money.ok()) return FieldError(field, money.status().message());
  return *money;
}

std::string WriteSwiftAmount(const trade::Money& money) {
  return money.currency.str() + money.ToSwift();
}

Result<trade::Bic> ParseBicOption(const SwiftField& field) {
  size_t line =
      (!field.lines.empty() && !field.lines[0].empty() && field.lines[0][0] == '/') ? 1 : 0;
  if (line >= field.lines.size()) return FieldError(field, "expected a BIC");
  auto bic = trade::Bic::Parse(field.lines[line]);
  if (!bic.ok()) return FieldError(field, bic.status().message());
  return *bic;
}

Result<trade::PercentageTolerance> ParseTolerance(const SwiftField& field) {
  std::string value = field.Value();
  size_t slash = value.find('/');
  if (slash == std::string::npos || slash == 0 || slash > 2 || value.size() - slash - 1 > 2 ||
      !AllDigits(value.substr(0, slash)) || !AllDigits(value.substr(slash + 1))) {
    return FieldError(field, "tolerance must be nn/nn (plus/minus percent)");
  }
  return trade::PercentageTolerance{std::stoi(value.substr(0, slash)),
                                    std::stoi(value.substr(slash + 1))};
}

Result<trade::ShipmentPermission> ParseShipment(const SwiftField& field) {
  std::string value = field.Value();
  if (value == "ALLOWED") return trade::ShipmentPermission::kAllowed;
  if (value == "NOT ALLOWED") return trade::ShipmentPermission::kNotAllowed;
  if (value == "CONDITIONAL") return trade::ShipmentPermission::kConditional;
  return FieldError(field, "expected ALLOWED, NOT ALLOWED or CONDITIONAL");
}

Result<trade::PresentationPeriod> ParsePresentationPeriod(const SwiftField& field) {
  std::string value = field.Value();
  size_t slash = value.find('/');
  std::string days = value.substr(0, slash);
  if (days.empty() || days.size() > 3 ||
      days.find_first_not_of("0123456789") != std::string::npos) {
    return FieldError(field, "period for presentation must start with a number of days");
  }
  trade::PresentationPeriod period;
  period.days = std::stoi(days);
  if (slash != std::string::npos) period.narrative = Unwrap(field.lines).substr(slash + 1);
  return period;
}

std::string_view ShipmentText(trade::ShipmentPermission p) {
  switch (p) {
    case trade::ShipmentPermission::kAllowed: return "ALLOWED";
    case trade::ShipmentPermission::kNotAllowed: return "NOT ALLOWED";
    case trade::ShipmentPermission::kConditional: return "CONDITIONAL";
  }
  return "";
}

// The country line is required: the JSON and Cap'n Proto forms require a party's country
// (UCP 600 art. 14(j) compares it), so an MT party without one must be refused here too
// rather than accepted with an empty country (one document, one answer).
Result<trade::Party> ParsePartyField(const SwiftField& field) {
  trade::Party party;
  // [/34x] + 4*35x: a wider line would not be written back (WritePartyField).
  for (size_t i = 0; i < field.lines.size(); ++i) {
    if (field.lines[i].size() > 35) {
      return Malformed("line " + std::to_string(field.line + static_cast<int>(i)) + ", tag " +
                       field.tag + ": line longer than 35 characters");
    }
  }
  std::vector<std::string> lines = field.lines;
  if (!lines.empty() && !lines[0].empty() && lines[0][0] == '/') {
    party.account = lines[0].substr(1);
    lines.erase(lines.begin());
  }
  if (lines.empty() || lines[0].empty()) return FieldError(field, "needs the party's name");
  if (lines.size() > 4) return FieldError(field, "name and address take at most 4 lines");
  if (lines.size() < 2) {
    return FieldError(field,
                      "needs the party's name and, on the last line, its ISO 3166 country code");
  }
  auto country = trade::CountryCode::Parse(lines.back());
  if (lines.back().size() != 2 || !country.ok()) {
    return FieldError(field, "last line '" + lines.back() + "' is not an ISO 3166 country code");
  }
  party.country = *country;
  lines.pop_back();
  party.name = lines[0];
  party.address_lines.assign(lines.begin() + 1, lines.end());
  return party;
}

Result<std::vector<std::string>> WritePartyField(const trade::Party& party, std::string_view tag) {
  if (party.country.empty()) {
    return InvalidArgument("field " + std::string(tag) + ": the party's country is required");
  }
  if (party.name.empty() || party.name[0] == '/') {
    return InvalidArgument(
        "field " + std::string(tag) +
        ": the party's name is required and may not start with '/' (an account line)");
  }
  std::vector<std::string> lines;
  if (!party.account.empty()) lines.push_back("/" + party.account);
  lines.push_back(party.name);
  lines.insert(lines.end(), party.address_lines.begin(), party.address_lines.end());
  lines.push_back(party.country.str());
  size_t body = lines.size() - (party.account.empty() ? 0 : 1);
  if (body > 4) {
    return InvalidArgument("field " + std::string(tag) +
                           ": name, address lines and country exceed 4 lines of 35 characters");
  }
  if (party.bic.has_value()) {
    return InvalidArgument("field " + std::string(tag) +
                           ": MT700 has no place for the party's BIC");
  }
  for (const std::string& line : lines) {
    if (line.size() > 35) {
      return InvalidArgument("field " + std::string(tag) + ": line '" + line +
                             "' is longer than 35 characters");
    }
    for (char c : line) {
      if (!IsSwiftXCharacter(c)) {
        return InvalidArgument("field " + std::string(tag) + ": '" + std::string(1, c) +
                               "' is not in the SWIFT X character set");
      }
    }
  }
  return lines;
}

std::string Unwrap(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += ' ';
    out += lines[i];
  }
  return out;
}

// Breaks at the last space that keeps the line within `width` and does not make the next
// line start with a character of `forbidden_starts`; the space broken at is dropped (Unwrap
// puts it back), every other space is kept, so Unwrap(Wrap(t)) == t for any text whose
// characters are in the tag's set and that can be broken.
Result<std::vector<std::string>> Wrap(std::string_view text, size_t width, std::string_view tag,
                                      std::string_view forbidden_starts) {
  const bool z = IsZCharacterTag(tag);
  for (char c : text) {
    if (c == '\n') {
      return InvalidArgument("field " + std::string(tag) + ": text may not hold a line break");
    }
    if (z ? !IsSwiftZCharacter(c) : !IsSwiftXCharacter(c)) {
      return InvalidArgument(
          "field " + std::string(tag) + ": character '" + std::string(1, c) +
          (z ? "' is not in the SWIFT Z character set" : "' is not in the SWIFT X character set"));
    }
  }
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  std::string_view rest = text;
  while (rest.size() > width) {
    size_t cut = std::string_view::npos;
    for (size_t i = width + 1; i-- > 0;) {
      if (rest[i] == ' ' &&
          forbidden_starts.find(rest[i + 1 < rest.size() ? i + 1 : i]) == std::string_view::npos) {
        cut = i;
        break;
      }
    }
    if (cut == std::string_view::npos) {
      return InvalidArgument("field " + std::string(tag) + ": text '" +
                             std::string(rest.substr(0, 20)) +
                             "…' cannot be broken into lines of " + std::to_string(width) +
                             " characters (a word is too long)");
    }
    lines.emplace_back(rest.substr(0, cut));
    rest.remove_prefix(cut + 1);
  }
  lines.emplace_back(rest);
  return lines;
}

Result<std::vector<std::string>> SplitItems(const SwiftField& field) {
  std::vector<std::vector<std::string>> items;
  for (const std::string& line : field.lines) {
    if (!line.empty() && line[0] == '+') {
      items.push_back({line.substr(1)});
    } else if (items.empty()) {
      return FieldError(field, "items must start with '+'");
    } else {
      items.back().push_back(line);
    }
  }
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(Unwrap(item));
  return out;
}

Result<std::vector<std::string>> WriteItems(const std::vector<std::string>& items,
                                            std::string_view tag) {
  std::vector<std::string> lines;
  for (const std::string& item : items) {
    if (item.empty()) return InvalidArgument("field " + std::string(tag) + ": empty item");
    // The '+' is wrapped with the item: the first line holds 64 characters of it, every
    // continuation line 65, as the field's lines allow; none may start with '+'.
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> wrapped, Wrap("+" + item, 65, tag, ":-+"));
    lines.insert(lines.end(), wrapped.begin(), wrapped.end());
  }
  return lines;  // past 100 lines the field continues in MT701/MT708 (swift_sequence.h)
}

std::string GoodsItem(const trade::GoodsLine& line) {
  std::string out = "GOODS ";
  if (line.about) out += "ABOUT ";
  if (line.quantity.has_value()) {
    out += line.quantity->NumberText() + " " + line.quantity->unit + " OF ";
  }
  out += line.description;
  if (line.unit_price.has_value()) {
    out += " AT " + line.unit_price->currency.str() + " " + line.unit_price->ToString() + " PER " +
           (line.quantity.has_value() ? line.quantity->unit : std::string("UNIT"));
  }
  return out;
}

Result<bool> ParseGoodsItem(std::string_view item, trade::GoodsLine* line) {
  if (item.substr(0, 6) != "GOODS ") return false;
  std::string_view rest = item.substr(6);
  *line = trade::GoodsLine{};
  if (rest.substr(0, 6) == "ABOUT ") {
    line->about = true;
    rest.remove_prefix(6);
  }
  // "250 MT OF …": a number, a unit and " OF ".
  size_t sp1 = rest.find(' ');
  if (sp1 != std::string_view::npos && sp1 > 0 &&
      std::isdigit(static_cast<unsigned char>(rest[0]))) {
    size_t sp2 = rest.find(' ', sp1 + 1);
    if (sp2 != std::string_view::npos && rest.substr(sp2, 4) == " OF ") {
      auto q = trade::Quantity::Parse(rest.substr(0, sp1), rest.substr(sp1 + 1, sp2 - sp1 - 1));
      if (!q.ok()) return q.status();
      line->quantity = *q;
      rest.remove_prefix(sp2 + 4);
    }
  }
  // " AT USD 500.00 PER MT" at the end.
  size_t at = rest.rfind(" AT ");
  if (at != std::string_view::npos) {
    std::string_view price = rest.substr(at + 4);
    size_t per = price.find(" PER ");
    if (price.size() > 4 && price[3] == ' ' && per != std::string_view::npos) {
      auto currency = trade::CurrencyCode::Parse(price.substr(0, 3));
      auto money = currency.ok() ? trade::Money::Parse(*currency, price.substr(4, per - 4))
                                 : Result<trade::Money>(currency.status());
      if (money.ok()) {
        line->unit_price = *money;
        rest = rest.substr(0, at);
      }
    }
  }
  line->description = std::string(rest);
  return true;
}

Result<trade::RequiredDocument> ParseDocumentItem(const SwiftField& field, std::string_view item) {
  // A credit may require any document: which one the wording names is trade's reading
  // (pipeline/trade/required_document.h); wording it does not know is kept as an "other
  // document", never refused.
  if (item.empty()) return ItemError(field, "empty documentary requirement");
  return trade::RecogniseRequiredDocument(item);
}

}  // namespace lcproc::formats
