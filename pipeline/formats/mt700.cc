#include "pipeline/formats/mt700.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "pipeline/formats/swift_fields.h"
#include "pipeline/formats/swift_sequence.h"

namespace lcproc::formats {
namespace {

constexpr std::string_view kAboutCondition =
    "CREDIT AMOUNT IS ABOUT, UCP 600 ARTICLE 30(A) APPLIES";
constexpr std::string_view kIncotermsPrefix = "INCOTERMS 2020 ";

struct RulesText {
  trade::ApplicableRules rules;
  std::string_view text;
};
constexpr RulesText kRules[] = {
    {trade::ApplicableRules::kUcpLatestVersion, "UCP LATEST VERSION"},
    {trade::ApplicableRules::kEucpLatestVersion, "EUCP LATEST VERSION"},
    {trade::ApplicableRules::kUcpUrrLatestVersion, "UCPURR LATEST VERSION"},
    {trade::ApplicableRules::kEucpUrrLatestVersion, "EUCPURR LATEST VERSION"},
};

struct ByText {
  trade::AvailableBy by;
  std::string_view text;
};
constexpr ByText kBy[] = {
    {trade::AvailableBy::kPayment, "BY PAYMENT"},
    {trade::AvailableBy::kAcceptance, "BY ACCEPTANCE"},
    {trade::AvailableBy::kNegotiation, "BY NEGOTIATION"},
    {trade::AvailableBy::kDeferredPayment, "BY DEF PAYMENT"},
    {trade::AvailableBy::kMixedPayment, "BY MIXED PYMT"},
};

// BIC8 + logical-terminal code + branch: "A" for the sender's terminal in block 1, "X"
// for the receiver in block 2, as FIN addresses are conventionally written.
std::string TerminalAddress(const trade::Bic& bic, char terminal) {
  std::string s = bic.str();
  std::string out = s.substr(0, 8);
  out.push_back(terminal);
  out.append(s.size() == 11 ? s.substr(8) : "XXX");
  return out;
}

Status ParseAvailable(const SwiftField& f, trade::AvailableWith* out) {
  if (f.lines.size() != 2) return FieldError(f, "expected the bank and a 'BY …' line");
  bool found = false;
  for (const ByText& b : kBy) {
    if (f.lines[1] == b.text) {
      out->by = b.by;
      found = true;
    }
  }
  if (!found) return FieldError(f, "unknown availability '" + f.lines[1] + "'");
  if (f.tag == "41D") {
    if (f.lines[0] != "ANY BANK")
      return FieldError(f, "option D is read only as ANY BANK; name a bank by BIC with 41A");
    out->bank.reset();
    return Status::Ok();
  }
  auto bic = trade::Bic::Parse(f.lines[0]);
  if (!bic.ok()) return FieldError(f, bic.status().message());
  out->bank = *bic;
  return Status::Ok();
}

Status ParseGoods(const SwiftField& f, trade::LetterOfCredit* lc) {
  LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> items, SplitItems(f));
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string& item = items[i];
    trade::GoodsLine line;
    LCPROC_ASSIGN_OR_RETURN(bool is_goods, ParseGoodsItem(item, &line));
    if (i > 0 && is_goods) {
      lc->goods.push_back(std::move(line));
    } else if (i > 0 && item.rfind(kIncotermsPrefix, 0) == 0) {
      std::string rest = item.substr(kIncotermsPrefix.size());
      auto term = trade::ParseIncoterm(rest.substr(0, 3));
      if (!term.ok()) return FieldError(f, term.status().message());
      lc->incoterm = *term;
      lc->incoterm_place = rest.size() > 4 ? rest.substr(4) : "";
    } else if (i == 0) {
      // The writer leaves 45A out when there is no description, and needs one before
      // any goods line: an empty first item would not come back.
      if (item.empty()) return FieldError(f, "the first item, the goods description, is empty");
      lc->goods_description = item;
    } else {
      lc->goods_description += "\n" + item;  // never written by us; kept readable
    }
  }
  return Status::Ok();
}

// Lines and width of the narrative fields, as WriteMt700 writes them: a field read wider
// would not be written back.
struct Shape {
  std::string_view tag;
  size_t lines, width;
};
constexpr Shape kShapes[] = {{"42C", 3, 35}, {"44A", 3, 65}, {"44E", 1, 65},
                             {"44F", 1, 65}, {"44B", 3, 65}, {"44D", 6, 65},
                             {"71D", 6, 35}, {"48", 2, 35},  {"72Z", 6, 35}};

Status ParseField(const SwiftField& f, trade::LetterOfCredit* lc) {
  const std::string& t = f.tag;
  const std::string value = f.Value();
  for (const Shape& shape : kShapes) {
    if (t == shape.tag) LCPROC_RETURN_IF_ERROR(CheckFieldShape(f, shape.lines, shape.width));
  }
  if (t == "27") return Status::Ok();  // checked by RequireSingleMessage
  if (t == "40A") {
    if (value == "IRREVOCABLE") {
      lc->form = trade::CreditForm::kIrrevocable;
    } else if (value == "IRREVOCABLE TRANSFERABLE") {
      lc->form = trade::CreditForm::kIrrevocableTransferable;
    } else {
      return FieldError(
          f, "form '" + value + "' is not an irrevocable documentary credit (UCP 600 art. 3)");
    }
  } else if (t == "20") {
    LCPROC_RETURN_IF_ERROR(CheckFieldShape(f, 1, 16));
    lc->credit_number = value;
  } else if (t == "31C") {
    LCPROC_ASSIGN_OR_RETURN(lc->date_of_issue, ParseSwiftDate(f, value));
  } else if (t == "40E") {
    bool found = false;
    for (const RulesText& r : kRules) {
      if (value == r.text) {
        lc->rules = r.rules;
        found = true;
      }
    }
    if (!found && value.rfind("OTHR/", 0) == 0) {
      lc->rules = trade::ApplicableRules::kOther;
      lc->rules_narrative = value.substr(5);
    } else if (!found) {
      return FieldError(f, "unknown applicable rules '" + value + "'");
    }
  } else if (t == "31D") {
    if (f.lines.size() != 1 || value.size() < 7)
      return FieldError(f, "expected YYMMDD and a place");
    // 6!n29x: a place over 29 characters is not an MT700 (and could not be written back).
    if (value.size() > 6 + 29) {
      return FieldError(f, "the place of expiry has " + std::to_string(value.size() - 6) +
                               " characters, at most 29 (6!n29x)");
    }
    LCPROC_ASSIGN_OR_RETURN(lc->expiry_date, ParseSwiftDate(f, value.substr(0, 6)));
    lc->expiry_place = value.substr(6);
  } else if (t == "50") {
    LCPROC_ASSIGN_OR_RETURN(lc->applicant, ParsePartyField(f));
  } else if (t == "59") {
    LCPROC_ASSIGN_OR_RETURN(lc->beneficiary, ParsePartyField(f));
  } else if (t == "32B") {
    LCPROC_ASSIGN_OR_RETURN(lc->amount, ParseSwiftAmount(f));
  } else if (t == "39A") {
    LCPROC_ASSIGN_OR_RETURN(lc->tolerance, ParseTolerance(f));
  } else if (t == "41A" || t == "41D") {
    LCPROC_RETURN_IF_ERROR(ParseAvailable(f, &lc->available_with));
  } else if (t == "42C") {
    lc->drafts_at = Unwrap(f.lines);
  } else if (t == "42A") {
    LCPROC_ASSIGN_OR_RETURN(lc->drawee, ParseBicOption(f));
  } else if (t == "43P") {
    LCPROC_ASSIGN_OR_RETURN(lc->partial_shipments, ParseShipment(f));
  } else if (t == "43T") {
    LCPROC_ASSIGN_OR_RETURN(lc->transhipment, ParseShipment(f));
  } else if (t == "44A") {
    lc->place_of_taking_in_charge = Unwrap(f.lines);
  } else if (t == "44E") {
    lc->port_of_loading = Unwrap(f.lines);
  } else if (t == "44F") {
    lc->port_of_discharge = Unwrap(f.lines);
  } else if (t == "44B") {
    lc->final_destination = Unwrap(f.lines);
  } else if (t == "44C") {
    LCPROC_ASSIGN_OR_RETURN(lc->latest_shipment_date, ParseSwiftDate(f, value));
  } else if (t == "44D") {
    auto term = trade::DateTerm::Parse(Unwrap(f.lines));
    if (!term.ok())
      return FieldError(
          f, "shipment period must be a UCP 600 art. 3 term: " + term.status().message());
    lc->shipment_period = *term;
  } else if (t == "45A") {
    LCPROC_RETURN_IF_ERROR(ParseGoods(f, lc));
  } else if (t == "46A") {
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> items, SplitItems(f));
    for (const std::string& item : items) {
      LCPROC_ASSIGN_OR_RETURN(trade::RequiredDocument doc, ParseDocumentItem(f, item));
      lc->documents_required.push_back(std::move(doc));
    }
  } else if (t == "47A") {
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> items, SplitItems(f));
    for (std::string& item : items) {
      if (item == kAboutCondition) {
        lc->amount_about = true;
      } else {
        lc->additional_conditions.push_back(std::move(item));
      }
    }
  } else if (t == "71D") {
    lc->charges = Unwrap(f.lines);
  } else if (t == "48") {
    LCPROC_ASSIGN_OR_RETURN(lc->presentation_period, ParsePresentationPeriod(f));
  } else if (t == "49") {
    if (value == "CONFIRM") {
      lc->confirmation = trade::ConfirmationInstruction::kConfirm;
    } else if (value == "MAY ADD") {
      lc->confirmation = trade::ConfirmationInstruction::kMayAdd;
    } else if (value == "WITHOUT") {
      lc->confirmation = trade::ConfirmationInstruction::kWithout;
    } else {
      return FieldError(f, "expected CONFIRM, MAY ADD or WITHOUT");
    }
  } else if (t == "58A") {
    LCPROC_ASSIGN_OR_RETURN(lc->confirming_bank, ParseBicOption(f));
  } else if (t == "53A") {
    LCPROC_ASSIGN_OR_RETURN(lc->reimbursing_bank, ParseBicOption(f));
  } else if (t == "57A") {
    LCPROC_ASSIGN_OR_RETURN(lc->advise_through_bank, ParseBicOption(f));
  } else if (t == "72Z") {
    lc->sender_to_receiver_info = Unwrap(f.lines);
  } else {
    lc->extra_fields.push_back(trade::ExtraField{t, f.Value("\n")});
  }
  return Status::Ok();
}

}  // namespace

std::string BasicHeaderFor(const trade::Bic& sender) {
  return "F01" + TerminalAddress(sender, 'A') + "0000000000";
}

std::string ApplicationHeaderFor(std::string_view message_type, const trade::Bic& receiver) {
  std::string header = "I";
  header.append(message_type);
  header.append(TerminalAddress(receiver, 'X'));
  header.push_back('N');
  return header;
}

void SortFields(std::vector<SwiftField>& fields, const std::vector<std::string_view>& order) {
  auto rank = [&](const SwiftField& f) {
    auto it = std::find(order.begin(), order.end(), f.tag);
    return static_cast<size_t>(it - order.begin());
  };
  std::stable_sort(fields.begin(), fields.end(),
                   [&](const SwiftField& a, const SwiftField& b) { return rank(a) < rank(b); });
}

Status MergeExtraFields(std::vector<SwiftField>& fields,
                        const std::vector<trade::ExtraField>& extras,
                        const std::vector<std::string_view>& order) {
  auto rank = [&](std::string_view tag) {
    return static_cast<size_t>(std::find(order.begin(), order.end(), tag) - order.begin());
  };
  std::set<std::string> present;
  for (const SwiftField& f : fields) present.insert(f.tag);
  size_t floor = 0;  // an extra goes no earlier than just after the previous extra
  for (const trade::ExtraField& extra : extras) {
    const std::string& t = extra.tag;
    bool valid = (t.size() == 2 || t.size() == 3) &&
                 std::isdigit(static_cast<unsigned char>(t[0])) &&
                 std::isdigit(static_cast<unsigned char>(t[1])) &&
                 (t.size() == 2 || std::isupper(static_cast<unsigned char>(t[2])));
    if (!valid)
      return InvalidArgument(
          "field '" + t + "': a kept field's tag must be 2 digits and an optional option letter");
    if (!present.insert(t).second) {
      return InvalidArgument("field " + t + ": kept field duplicates a field of the message");
    }
    SwiftField f{t, {}, 0};
    size_t start = 0;
    while (true) {
      size_t nl = extra.value.find('\n', start);
      f.lines.push_back(extra.value.substr(start, nl == std::string::npos ? nl : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    size_t r = rank(t);
    size_t at = floor;
    while (at < fields.size() && rank(fields[at].tag) <= r) ++at;
    fields.insert(fields.begin() + static_cast<std::ptrdiff_t>(at), std::move(f));
    floor = at + 1;
  }
  return Status::Ok();
}

Result<trade::LetterOfCredit> ParseMt700(const SwiftMessage& message) {
  if (message.MessageType() != "700") {
    return Malformed("line 1: block 2 names MT" + message.MessageType() + ", not MT700");
  }
  LCPROC_ASSIGN_OR_RETURN(SequenceNumber seq, ParseSequenceNumber(message));
  if (seq.total != 1) {
    return FieldError(*message.Find("27"), "message " + message.Find("27")->Value() +
                                               " is part of a sequence; give the MT700 and its "
                                               "MT701 continuations together, one after the other");
  }
  trade::LetterOfCredit lc;
  LCPROC_ASSIGN_OR_RETURN(std::string sender, SwiftSenderBic(message));
  LCPROC_ASSIGN_OR_RETURN(std::string receiver, SwiftReceiverBic(message));
  auto issuing = trade::Bic::Parse(sender);
  auto advising = trade::Bic::Parse(receiver);
  if (!issuing.ok()) return Malformed("line 1: sender " + issuing.status().message());
  if (!advising.ok()) return Malformed("line 1: receiver " + advising.status().message());
  lc.issuing_bank = *issuing;
  lc.advising_bank = *advising;
  std::set<std::string> seen;
  for (const SwiftField& f : message.fields) {
    if (!seen.insert(f.tag).second) return FieldError(f, "appears twice");
    LCPROC_RETURN_IF_ERROR(ParseField(f, &lc));
  }
  for (std::string_view tag : {"20", "31C", "31D", "32B", "40A", "40E", "50", "59", "49"}) {
    if (seen.count(std::string(tag)) == 0) {
      return Malformed("block 4: mandatory field " + std::string(tag) + " is missing");
    }
  }
  if (seen.count("41A") == 0 && seen.count("41D") == 0) {
    return Malformed("block 4: mandatory field 41a (available with … by …) is missing");
  }
  return lc;
}

Result<trade::LetterOfCredit> ParseMt700Sequence(const std::vector<SwiftMessage>& messages) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage joined, JoinSequence(messages, Mt700Sequence()));
  return ParseMt700(joined);
}

Result<trade::LetterOfCredit> ParseMt700(std::string_view text) {
  LCPROC_ASSIGN_OR_RETURN(std::vector<SwiftMessage> messages, ParseSwiftMessages(text));
  return ParseMt700Sequence(messages);
}

Result<std::vector<SwiftMessage>> BuildMt700Messages(const trade::LetterOfCredit& credit) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, BuildMt700(credit));
  LCPROC_ASSIGN_OR_RETURN(std::vector<SwiftMessage> messages,
                          SplitSequence(message, Mt700Sequence()));
  // What we write must read back: the tokenizer checks characters and line lengths.
  for (const SwiftMessage& m : messages) {
    LCPROC_RETURN_IF_ERROR(ParseSwiftMessage(WriteSwiftMessage(m)).status());
  }
  return messages;
}

Result<std::string> WriteMt700(const trade::LetterOfCredit& credit) {
  LCPROC_ASSIGN_OR_RETURN(std::vector<SwiftMessage> messages, BuildMt700Messages(credit));
  return WriteSwiftMessages(messages);
}

}  // namespace lcproc::formats
