#include "services/lcproc/flags.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace lcproc::cli {

Flags::Flags(std::string command, std::string description)
    : command_(std::move(command)), description_(std::move(description)) {}

void Flags::Option(std::string name, std::string value_name, std::string help, bool required,
                   std::string fallback) {
  specs_.push_back({std::move(name), std::move(value_name), std::move(help), std::move(fallback),
                    required, false, false, false});
}

void Flags::Switch(std::string name, std::string help) {
  specs_.push_back({std::move(name), "", std::move(help), "", false, true, false, false});
}

void Flags::Positional(std::string name, std::string help, bool optional) {
  specs_.push_back({std::move(name), "", std::move(help), "", !optional, false, true, optional});
}

std::string Flags::Usage() const {
  std::ostringstream out;
  out << "usage: lcproc " << command_;
  for (const Spec& s : specs_) {
    if (s.positional) {
      out << (s.optional ? " [" : " ") << s.name << (s.optional ? "]" : "");
    } else if (s.is_switch) {
      out << " [--" << s.name << "]";
    } else {
      out << (s.required ? " --" : " [--") << s.name << " " << s.value_name
          << (s.required ? "" : "]");
    }
  }
  out << "\n\n" << description_ << "\n";
  bool any = false;
  for (const Spec& s : specs_) {
    if (!any) out << "\n";
    any = true;
    std::string left =
        s.positional ? "  " + s.name : "  --" + s.name + (s.is_switch ? "" : " " + s.value_name);
    out << left;
    out << std::string(left.size() < 28 ? 28 - left.size() : 1, ' ') << s.help;
    if (!s.fallback.empty()) out << " (default: " << s.fallback << ")";
    out << "\n";
  }
  out << "  --help" << std::string(22, ' ') << "print this help\n";
  return out.str();
}

std::optional<int> Flags::Parse(const std::vector<std::string>& args) {
  auto fail = [&](const std::string& message) {
    std::cerr << "lcproc " << command_ << ": " << message << "\n"
              << "Run 'lcproc " << command_ << " --help' for usage.\n";
    return std::optional<int>(2);
  };
  values_.clear();
  size_t next_positional = 0;
  std::vector<const Spec*> positionals;
  for (const Spec& s : specs_) {
    if (s.positional) positionals.push_back(&s);
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << Usage();
      return 0;
    }
    if (a.size() > 2 && a.rfind("--", 0) == 0) {
      std::string name = a.substr(2), value;
      bool inline_value = false;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        inline_value = true;
      }
      const Spec* spec = nullptr;
      for (const Spec& s : specs_) {
        if (!s.positional && s.name == name) spec = &s;
      }
      if (spec == nullptr) return fail("unknown option --" + name);
      if (spec->is_switch) {
        if (inline_value) return fail("--" + name + " takes no value");
        values_.emplace_back(name, "true");
        continue;
      }
      if (!inline_value) {
        if (i + 1 >= args.size())
          return fail("--" + name + " needs a value (" + spec->value_name + ")");
        value = args[++i];
      }
      if (Has(name)) return fail("--" + name + " given twice");
      values_.emplace_back(name, value);
      continue;
    }
    if (next_positional >= positionals.size()) return fail("unexpected argument '" + a + "'");
    values_.emplace_back(positionals[next_positional++]->name, a);
  }
  for (const Spec& s : specs_) {
    if (Has(s.name)) continue;
    if (!s.fallback.empty()) {
      values_.emplace_back(s.name, s.fallback);
    } else if (s.required) {
      return fail(s.positional ? "missing " + s.name : "missing required option --" + s.name);
    }
  }
  return std::nullopt;
}

const std::string& Flags::Get(const std::string& name) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : values_) {
    if (k == name) return v;
  }
  return kEmpty;
}

bool Flags::Has(const std::string& name) const {
  for (const auto& kv : values_) {
    if (kv.first == name) return true;
  }
  return false;
}

bool Flags::IsSet(const std::string& name) const { return Has(name); }

std::optional<std::string> ReadFileOrComplain(const std::string& command, const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "lcproc " << command << ": cannot read " << path << ": " << std::strerror(errno)
              << "\n";
    return std::nullopt;
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace lcproc::cli
