#include "pipeline/formats/mt707.h"

#include <set>

#include "pipeline/formats/mt700.h"
#include "pipeline/formats/swift_fields.h"
#include "pipeline/formats/swift_sequence.h"

namespace lcproc::formats {
namespace {

// MT707 field order, SWIFT Standards Release 2021 (with 31E, the pre-2018 new expiry date).
const std::vector<std::string_view>& Mt707Order() {
  static const std::vector<std::string_view> kOrder = {
      "27",  "20",  "21",  "23",  "52A", "52D", "50B", "31C", "26E", "30",  "22A", "23S", "40A",
      "40E", "31D", "31E", "50",  "59",  "32B", "33B", "39A", "39C", "41A", "41D", "42C", "42A",
      "42M", "42P", "43P", "43T", "44A", "44E", "44F", "44B", "44C", "44D", "45B", "46B", "47B",
      "49M", "49N", "71D", "71N", "48",  "49",  "58A", "53A", "78",  "57A", "72Z", "79Z"};
  return kOrder;
}

Status ParseField(const SwiftField& f, trade::Amendment* a) {
  const std::string& t = f.tag;
  const std::string value = f.Value();
  // Widths as BuildMt707 writes them: a field read wider would not be written back.
  if (t == "48" || t == "71N") LCPROC_RETURN_IF_ERROR(CheckFieldShape(f, 1000, 35));
  if (t == "79Z") LCPROC_RETURN_IF_ERROR(CheckFieldShape(f, 1000, 50));
  if (t == "27") return Status::Ok();  // checked by RequireSingleMessage
  if (t == "20") {
    LCPROC_RETURN_IF_ERROR(CheckFieldShape(f, 1, 16));
    a->credit_number = value;
  } else if (t == "21" && value == "NONREF") {
    return Status::Ok();
  } else if (t == "52A") {
    LCPROC_ASSIGN_OR_RETURN(a->issuing_bank, ParseBicOption(f));
  } else if (t == "26E") {
    if (value.empty() || value.size() > 3 ||
        value.find_first_not_of("0123456789") != std::string::npos) {
      return FieldError(f, "number of amendment must be 1 to 3 digits");
    }
    a->amendment_number = std::stoi(value);
  } else if (t == "30") {
    LCPROC_ASSIGN_OR_RETURN(a->date_of_amendment, ParseSwiftDate(f, value));
  } else if (t == "32B") {
    LCPROC_ASSIGN_OR_RETURN(a->increase, ParseSwiftAmount(f));
  } else if (t == "33B") {
    LCPROC_ASSIGN_OR_RETURN(a->decrease, ParseSwiftAmount(f));
  } else if (t == "31E") {
    LCPROC_ASSIGN_OR_RETURN(a->new_expiry_date, ParseSwiftDate(f, value));
  } else if (t == "44C") {
    LCPROC_ASSIGN_OR_RETURN(a->new_latest_shipment_date, ParseSwiftDate(f, value));
  } else if (t == "44D") {
    auto term = trade::DateTerm::Parse(Unwrap(f.lines));
    if (!term.ok())
      return FieldError(
          f, "shipment period must be a UCP 600 art. 3 term: " + term.status().message());
    a->new_shipment_period = *term;
  } else if (t == "39A") {
    LCPROC_ASSIGN_OR_RETURN(a->new_tolerance, ParseTolerance(f));
  } else if (t == "43P") {
    LCPROC_ASSIGN_OR_RETURN(a->new_partial_shipments, ParseShipment(f));
  } else if (t == "43T") {
    LCPROC_ASSIGN_OR_RETURN(a->new_transhipment, ParseShipment(f));
  } else if (t == "44E") {
    a->new_port_of_loading = Unwrap(f.lines);
  } else if (t == "44F") {
    a->new_port_of_discharge = Unwrap(f.lines);
  } else if (t == "48") {
    LCPROC_ASSIGN_OR_RETURN(a->new_presentation_period, ParsePresentationPeriod(f));
  } else if (t == "45B") {
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> items, SplitItems(f));
    a->new_goods.emplace();
    for (const std::string& item : items) {
      trade::GoodsLine line;
      LCPROC_ASSIGN_OR_RETURN(bool is_goods, ParseGoodsItem(item, &line));
      if (!is_goods) return FieldError(f, "each item must be a 'GOODS …' line replacing the goods");
      a->new_goods->push_back(std::move(line));
    }
  } else if (t == "46B") {
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> items, SplitItems(f));
    a->new_documents_required.emplace();
    for (const std::string& item : items) {
      LCPROC_ASSIGN_OR_RETURN(trade::RequiredDocument doc, ParseDocumentItem(f, item));
      a->new_documents_required->push_back(std::move(doc));
    }
  } else if (t == "59") {
    LCPROC_ASSIGN_OR_RETURN(a->new_beneficiary, ParsePartyField(f));
  } else if (t == "79Z") {
    a->narrative = Unwrap(f.lines);
  } else if (t == "71N") {
    a->charges = Unwrap(f.lines);
  } else {
    a->extra_fields.push_back(trade::ExtraField{t, f.Value("\n")});
  }
  return Status::Ok();
}

}  // namespace

Result<trade::Amendment> ParseMt707(const SwiftMessage& message) {
  if (message.MessageType() != "707") {
    return Malformed("line 1: block 2 names MT" + message.MessageType() + ", not MT707");
  }
  LCPROC_ASSIGN_OR_RETURN(SequenceNumber seq, ParseSequenceNumber(message));
  if (seq.total != 1) {
    return FieldError(*message.Find("27"), "message " + message.Find("27")->Value() +
                                               " is part of a sequence; give the MT707 and its "
                                               "MT708 continuations together, one after the other");
  }
  trade::Amendment a;
  LCPROC_ASSIGN_OR_RETURN(std::string sender, SwiftSenderBic(message));
  auto issuing = trade::Bic::Parse(sender);
  if (!issuing.ok()) return Malformed("line 1: sender " + issuing.status().message());
  a.issuing_bank = *issuing;
  std::set<std::string> seen;
  for (const SwiftField& f : message.fields) {
    if (!seen.insert(f.tag).second) return FieldError(f, "appears twice");
    LCPROC_RETURN_IF_ERROR(ParseField(f, &a));
  }
  for (std::string_view tag : {"20", "26E", "30"}) {
    if (seen.count(std::string(tag)) == 0) {
      return Malformed("block 4: mandatory field " + std::string(tag) + " is missing");
    }
  }
  return a;
}

Result<trade::Amendment> ParseMt707Sequence(const std::vector<SwiftMessage>& messages) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage joined, JoinSequence(messages, Mt707Sequence()));
  return ParseMt707(joined);
}

Result<trade::Amendment> ParseMt707(std::string_view text) {
  LCPROC_ASSIGN_OR_RETURN(std::vector<SwiftMessage> messages, ParseSwiftMessages(text));
  return ParseMt707Sequence(messages);
}

Result<SwiftMessage> BuildMt707(const trade::Amendment& a, const trade::Bic& receiver) {
  if (a.issuing_bank.empty() || receiver.empty()) {
    return InvalidArgument("MT707 needs the issuing bank (sender) and a receiver");
  }
  if (a.credit_number.empty() || a.credit_number.size() > 16) {
    return InvalidArgument("field 20: the credit number must have 1 to 16 characters");
  }
  if (a.amendment_number < 0 || a.amendment_number > 999) {
    return InvalidArgument("field 26E: the amendment number must be 0 to 999");
  }
  std::vector<SwiftField> fields;
  auto line = [&](std::string tag, std::string value) {
    fields.push_back(SwiftField{std::move(tag), {std::move(value)}, 0});
  };
  auto narrative = [&](std::string tag, std::string_view text, size_t width) -> Status {
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, Wrap(text, width, tag));
    fields.push_back(SwiftField{std::move(tag), std::move(lines), 0});
    return Status::Ok();
  };
  bool has_21 = false;
  for (const trade::ExtraField& e : a.extra_fields) has_21 = has_21 || e.tag == "21";
  line("27", "1/1");
  line("20", a.credit_number);
  if (!has_21) line("21", "NONREF");
  line("52A", a.issuing_bank.str());
  line("26E", std::to_string(a.amendment_number));
  line("30", a.date_of_amendment.ToSwift());
  if (a.increase) line("32B", WriteSwiftAmount(*a.increase));
  if (a.decrease) line("33B", WriteSwiftAmount(*a.decrease));
  if (a.new_expiry_date) line("31E", a.new_expiry_date->ToSwift());
  if (a.new_latest_shipment_date) line("44C", a.new_latest_shipment_date->ToSwift());
  if (a.new_shipment_period)
    LCPROC_RETURN_IF_ERROR(narrative("44D", a.new_shipment_period->ToText(), 65));
  if (a.new_tolerance) {
    line("39A",
         std::to_string(a.new_tolerance->plus) + "/" + std::to_string(a.new_tolerance->minus));
  }
  if (a.new_partial_shipments) line("43P", std::string(ShipmentText(*a.new_partial_shipments)));
  if (a.new_transhipment) line("43T", std::string(ShipmentText(*a.new_transhipment)));
  if (a.new_port_of_loading) LCPROC_RETURN_IF_ERROR(narrative("44E", *a.new_port_of_loading, 65));
  if (a.new_port_of_discharge)
    LCPROC_RETURN_IF_ERROR(narrative("44F", *a.new_port_of_discharge, 65));
  if (a.new_presentation_period) {
    std::string period = std::to_string(a.new_presentation_period->days);
    if (!a.new_presentation_period->narrative.empty())
      period += "/" + a.new_presentation_period->narrative;
    LCPROC_RETURN_IF_ERROR(narrative("48", period, 35));
  }
  if (a.new_goods) {
    std::vector<std::string> items;
    for (const trade::GoodsLine& g : *a.new_goods) items.push_back(GoodsItem(g));
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, WriteItems(items, "45B"));
    fields.push_back(SwiftField{"45B", std::move(lines), 0});
  }
  if (a.new_documents_required) {
    std::vector<std::string> items;
    for (const trade::RequiredDocument& d : *a.new_documents_required) items.push_back(d.text);
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines, WriteItems(items, "46B"));
    fields.push_back(SwiftField{"46B", std::move(lines), 0});
  }
  if (a.new_beneficiary) {
    LCPROC_ASSIGN_OR_RETURN(std::vector<std::string> lines,
                            WritePartyField(*a.new_beneficiary, "59"));
    fields.push_back(SwiftField{"59", std::move(lines), 0});
  }
  if (!a.charges.empty()) LCPROC_RETURN_IF_ERROR(narrative("71N", a.charges, 35));
  if (!a.narrative.empty()) LCPROC_RETURN_IF_ERROR(narrative("79Z", a.narrative, 50));
  SortFields(fields, Mt707Order());
  LCPROC_RETURN_IF_ERROR(MergeExtraFields(fields, a.extra_fields, Mt707Order()));
  SwiftMessage message;
  message.basic_header = BasicHeaderFor(a.issuing_bank);
  message.application_header = ApplicationHeaderFor("707", receiver);
  message.fields = std::move(fields);
  return message;
}

Result<std::vector<SwiftMessage>> BuildMt707Messages(const trade::Amendment& amendment,
                                                     const trade::Bic& receiver) {
  LCPROC_ASSIGN_OR_RETURN(SwiftMessage message, BuildMt707(amendment, receiver));
  LCPROC_ASSIGN_OR_RETURN(std::vector<SwiftMessage> messages,
                          SplitSequence(message, Mt707Sequence()));
  for (const SwiftMessage& m : messages) {
    LCPROC_RETURN_IF_ERROR(ParseSwiftMessage(WriteSwiftMessage(m)).status());
  }
  return messages;
}

Result<std::string> WriteMt707(const trade::Amendment& amendment, const trade::Bic& receiver) {
  LCPROC_ASSIGN_OR_RETURN(std::vector<SwiftMessage> messages,
                          BuildMt707Messages(amendment, receiver));
  return WriteSwiftMessages(messages);
}

}  // namespace lcproc::formats
