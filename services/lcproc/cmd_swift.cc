// `lcproc swift`: converts between SWIFT MT700/MT707 and lcproc's JSON documents.
//   lcproc swift parse [FILE]                       MT700 or MT707 -> JSON
//   lcproc swift write --credit LC.json             letterOfCredit -> MT700
//   lcproc swift write --amendment A.json --receiver BIC   amendment -> MT707
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/formats/credit_file.h"
#include "pipeline/formats/document_codec.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/mt700.h"
#include "pipeline/formats/mt707.h"
#include "services/lcproc/command.h"
#include "services/lcproc/cli_kit.h"
#include "services/lcproc/flags.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "swift";

int Parse(const std::string& path) {
  std::optional<std::string> text = ReadFileOrComplain(kName, path);
  if (!text) return kExitUsage;
  auto doc = formats::DecodeDocument(formats::ContentType::kSwiftMt, *text);
  if (!doc.ok()) return Complain(kExitUsage, kName, path == "-" ? "standard input" : path, ": ", doc.status().message());
  std::cout << formats::PrettyJson(formats::EncodeJsonDocument(*doc));
  return kExitOk;
}

int Write(const Flags& flags) {
  bool credit = flags.Has("credit"), amendment = flags.Has("amendment");
  if (credit == amendment) {
    return Complain(kExitUsage, kName, "write needs exactly one of --credit or --amendment");
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
    if (!receiver.ok()) return Complain(kExitUsage, kName, "--receiver", ": ", receiver.status().message());
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
              "Converts SWIFT MT700 (credit) and MT707 (amendment) to and from lcproc's JSON.\n"
              "  parse [FILE]    reads an MT700 or MT707 (standard input by default) and prints\n"
              "                  the letterOfCredit or amendment as JSON\n"
              "  write           prints the MT700 of --credit, or the MT707 of --amendment\n"
              "Malformed messages exit 2 with the line and tag at fault.");
  flags.Positional("ACTION", "parse or write");
  flags.Positional("FILE", "the MT message for parse ('-' or absent: standard input)", true);
  flags.Option("credit", "LC.json", "write: the letterOfCredit to write as MT700");
  flags.Option("amendment", "A.json", "write: the amendment to write as MT707");
  flags.Option("receiver", "BIC", "write --amendment: the advising bank receiving the MT707");
  if (auto exit = flags.Parse(args)) return *exit;
  const std::string& action = flags.Get("ACTION");
  if (action == "parse") {
    if (flags.Has("credit") || flags.Has("amendment") || flags.Has("receiver")) {
      return Complain(kExitUsage, kName, "parse takes only a FILE");
    }
    return Parse(flags.Has("FILE") ? flags.Get("FILE") : "-");
  }
  if (action == "write") {
    if (flags.Has("FILE")) {
      return Complain(kExitUsage, kName, "write takes --credit or --amendment, not a FILE");
    }
    return Write(flags);
  }
  return Complain(kExitUsage, kName, "unknown action '", action,
                  "' (parse or write); run 'lcproc swift --help' for usage");
}

CommandRegistration kReg({kName, "convert SWIFT MT700/MT707 to and from lcproc JSON", &Run});

}  // namespace
}  // namespace lcproc::cli
