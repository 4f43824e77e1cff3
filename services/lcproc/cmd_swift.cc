// `lcproc swift`: converts between SWIFT category 7 messages and lcproc's JSON documents.
//   lcproc swift parse [FILE]                       MT700(+MT701s), MT707(+MT708s), MT730,
//                                                   MT734, MT750, MT752, MT754, MT756 -> JSON
//   lcproc swift write --credit LC.json             letterOfCredit -> MT700 (+ MT701s)
//   lcproc swift write --amendment A.json --receiver BIC   amendment -> MT707 (+ MT708s)
//   lcproc swift write --document D.json --mt 734 --receiver BIC [--amount USD1,00]
//                      [--reference REF]            advice 730, examinationResult 734/750,
//                                                   waiver 752, payment 754/756
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/formats/credit_file.h"
#include "pipeline/formats/document_codec.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/mt700.h"
#include "pipeline/formats/mt707.h"
#include "pipeline/formats/mt730.h"
#include "pipeline/formats/mt734.h"
#include "pipeline/formats/mt752.h"
#include "pipeline/formats/mt754.h"
#include "pipeline/formats/swift_fields.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "swift";

int Parse(const std::string& path) {
  std::optional<std::string> text = ReadFileOrComplain(kName, path);
  if (!text) return kExitUsage;
  auto doc = formats::DecodeDocument(formats::ContentType::kSwiftMt, *text);
  if (!doc.ok())
    return Complain(kExitUsage, kName, path == "-" ? "standard input" : path, ": ",
                    doc.status().message());
  std::cout << formats::PrettyJson(formats::EncodeJsonDocument(*doc));
  return kExitOk;
}

// A document with the MT-only data the flags give: --receiver, --reference (20 or 21, see
// the mt*.h of the type), --amount (32A/32B of MT734/MT750, 32B of MT756).
Result<std::string> WriteCategorySeven(const std::string& type, const trade::Document& doc,
                                       const trade::Bic& receiver, const std::string& reference,
                                       const std::optional<trade::Money>& amount) {
  auto need = [&](auto* value, const char* document) -> Status {
    if (value == nullptr)
      return InvalidArgument("MT" + type + " is written from a document of type " + document);
    return Status::Ok();
  };
  auto need_amount = [&]() -> Status {
    if (!amount)
      return InvalidArgument("MT" + type + " needs --amount (the amount presented or claimed)");
    return Status::Ok();
  };
  if (type == "730") {
    const auto* advice = std::get_if<trade::Advice>(&doc);
    LCPROC_RETURN_IF_ERROR(need(advice, "advice"));
    return formats::WriteMt730(formats::Mt730{*advice, reference, receiver, {}});
  }
  if (type == "734" || type == "750") {
    const auto* result = std::get_if<trade::ExaminationResult>(&doc);
    LCPROC_RETURN_IF_ERROR(need(result, "examinationResult"));
    LCPROC_RETURN_IF_ERROR(need_amount());
    if (type == "734")
      return formats::WriteMt734(formats::Mt734{*result, reference, *amount, {}, {}, receiver, {}});
    return formats::WriteMt750(formats::Mt750{*result, reference, *amount, {}, receiver, {}});
  }
  if (type == "752") {
    const auto* waiver = std::get_if<trade::Waiver>(&doc);
    LCPROC_RETURN_IF_ERROR(need(waiver, "waiver"));
    formats::Mt752 mt;
    mt.waiver = *waiver;
    mt.presenting_bank_reference = reference;
    mt.receiver = receiver;
    return formats::WriteMt752(mt);
  }
  if (type == "754" || type == "756") {
    const auto* payment = std::get_if<trade::Payment>(&doc);
    LCPROC_RETURN_IF_ERROR(need(payment, "payment"));
    if (type == "754")
      return formats::WriteMt754(formats::Mt754{*payment, reference, {}, receiver, {}});
    std::optional<trade::Money> claimed = amount;
    if (claimed == payment->amount) claimed.reset();
    return formats::WriteMt756(formats::Mt756{*payment, reference, claimed, {}, receiver, {}});
  }
  return InvalidArgument("--mt must be 730, 734, 750, 752, 754 or 756");
}

int WriteDocument(const Flags& flags) {
  const std::string& path = flags.Get("document");
  if (!flags.Has("mt") || !flags.Has("receiver")) {
    return Complain(kExitUsage, kName, "--document needs --mt TYPE and --receiver BIC");
  }
  auto receiver = trade::Bic::Parse(flags.Get("receiver"));
  if (!receiver.ok())
    return Complain(kExitUsage, kName, "--receiver", ": ", receiver.status().message());
  std::optional<trade::Money> amount;
  if (flags.Has("amount")) {
    const std::string& text = flags.Get("amount");
    formats::SwiftField field{"--amount", {text}, 0};
    auto parsed = formats::ParseSwiftAmount(field);
    if (!parsed.ok()) return Complain(kExitUsage, kName, "--amount: expected e.g. USD125000,00");
    amount = *parsed;
  }
  std::optional<std::string> text = ReadFileOrComplain(kName, path);
  if (!text) return kExitUsage;
  auto doc = formats::DecodeJson(*text);
  if (!doc.ok()) return Complain(kExitUsage, kName, path, ": ", doc.status().message());
  auto mt = WriteCategorySeven(flags.Get("mt"), *doc, *receiver,
                               flags.Has("reference") ? flags.Get("reference") : "", amount);
  if (!mt.ok()) return Complain(kExitUsage, kName, path, ": ", mt.status().message());
  std::cout << *mt;
  return kExitOk;
}

int Write(const Flags& flags) {
  bool credit = flags.Has("credit"), amendment = flags.Has("amendment"),
       document = flags.Has("document");
  if (credit + amendment + document != 1) {
    return Complain(kExitUsage, kName,
                    "write needs exactly one of --credit, --amendment or --document");
  }
  if (document) return WriteDocument(flags);
  if (flags.Has("mt") || flags.Has("amount") || flags.Has("reference")) {
    return Complain(kExitUsage, kName, "--mt, --amount and --reference go with --document");
  }
  const std::string& path = flags.Get(credit ? "credit" : "amendment");
  std::optional<std::string> text = ReadFileOrComplain(kName, path);
  if (!text) return kExitUsage;
  Result<std::string> mt = Internal("unset");
  if (credit) {
    auto lc = formats::DecodeDocumentAs<trade::LetterOfCredit>(*text);
    if (!lc.ok()) return Complain(kExitUsage, kName, path, ": ", lc.status().message());
    mt = formats::WriteMt700(*lc);
  } else {
    if (!flags.Has("receiver")) {
      return Complain(kExitUsage, kName, "--amendment needs --receiver BIC (the advising bank)");
    }
    auto receiver = trade::Bic::Parse(flags.Get("receiver"));
    if (!receiver.ok())
      return Complain(kExitUsage, kName, "--receiver", ": ", receiver.status().message());
    auto a = formats::DecodeDocumentAs<trade::Amendment>(*text);
    if (!a.ok()) return Complain(kExitUsage, kName, path, ": ", a.status().message());
    mt = formats::WriteMt707(*a, *receiver);
  }
  if (!mt.ok()) return Complain(kExitUsage, kName, path, ": ", mt.status().message());
  std::cout << *mt;
  return kExitOk;
}

int Run(const std::vector<std::string>& args) {
  Flags flags(kName,
              "Converts SWIFT category 7 messages to and from lcproc's JSON documents.\n"
              "  parse [FILE]    reads a message (standard input by default) and prints its\n"
              "                  document as JSON: MT700 letterOfCredit, MT707 amendment, MT730\n"
              "                  advice, MT734/MT750 examinationResult, MT752 waiver, MT754/MT756\n"
              "                  payment. An MT700 followed by its MT701s (or an MT707 by its\n"
              "                  MT708s) in one file, one after the other (white space or a '$'\n"
              "                  line between them allowed), is read as one document.\n"
              "  write           prints the MT700 (+MT701s) of --credit, the MT707 (+MT708s) of\n"
              "                  --amendment, or the MT --mt of --document\n"
              "Malformed messages exit 2 with the line and tag at fault.");
  flags.Positional("ACTION", "parse or write");
  flags.Positional("FILE", "the MT message for parse ('-' or absent: standard input)", true);
  flags.Option("credit", "LC.json", "write: the letterOfCredit to write as MT700");
  flags.Option("amendment", "A.json", "write: the amendment to write as MT707");
  flags.Option("receiver", "BIC", "write --amendment/--document: the bank receiving the message");
  flags.Option("document", "D.json", "write: an advice, examinationResult, waiver or payment");
  flags.Option("mt", "TYPE", "write --document: 730, 734, 750, 752, 754 or 756");
  flags.Option(
      "amount", "CCYAMOUNT",
      "write --document: MT734/MT750 amount presented, MT756 amount claimed (USD125000,00)");
  flags.Option("reference", "REF",
               "write --document: the other bank's (21) or our own (20) reference, see README");
  if (auto exit = flags.Parse(args)) return *exit;
  const std::string& action = flags.Get("ACTION");
  if (action == "parse") {
    if (flags.Has("credit") || flags.Has("amendment") || flags.Has("receiver") ||
        flags.Has("document") || flags.Has("mt") || flags.Has("amount") || flags.Has("reference")) {
      return Complain(kExitUsage, kName, "parse takes only a FILE");
    }
    return Parse(flags.Has("FILE") ? flags.Get("FILE") : "-");
  }
  if (action == "write") {
    if (flags.Has("FILE")) {
      return Complain(kExitUsage, kName,
                      "write takes --credit, --amendment or --document, not a FILE");
    }
    return Write(flags);
  }
  return Complain(kExitUsage, kName, "unknown action '", action,
                  "' (parse or write); run 'lcproc swift --help' for usage");
}

CommandRegistration kReg(
    {kName, "convert SWIFT category 7 messages (MT700 … MT756) to and from lcproc JSON", &Run});

}  // namespace
}  // namespace lcproc::cli
