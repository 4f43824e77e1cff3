// The JWS protected header as JSON, read with Boost.JSON's SAX parser (basic_parser):
// the DOM parser keeps the last of duplicate member names silently, and RFC 7515 §4
// requires refusing them, so the handler sees every name as it arrives.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>

#include "pipeline/crypto/jws_internal.h"

namespace lcproc::crypto {
namespace {

namespace json = boost::json;

enum class Field { kOther, kAlg, kKid, kB64, kCrit };

Field Classify(std::string_view name) {
  if (name == "alg") return Field::kAlg;
  if (name == "kid") return Field::kKid;
  if (name == "b64") return Field::kB64;
  if (name == "crit") return Field::kCrit;
  return Field::kOther;
}

// Collects the members lcproc reads. Depth 1 is the header object itself. On a
// violation it stores the reason in `error` and stops the parser.
class HeaderHandler {
 public:
  static constexpr std::size_t max_object_size = 64;
  static constexpr std::size_t max_array_size = 64;
  static constexpr std::size_t max_key_size = 256;
  static constexpr std::size_t max_string_size = kMaxProtectedHeaderSize;

  std::string error;
  std::optional<std::string> alg, kid;
  std::optional<bool> b64;
  std::optional<std::vector<std::string>> crit;

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }

  bool on_object_begin(json::error_code& ec) {
    if (depth_ > 0 && !ValueOk("an object", ec)) return false;
    ++depth_;
    return true;
  }
  bool on_object_end(std::size_t, json::error_code&) {
    --depth_;
    return true;
  }
  bool on_array_begin(json::error_code& ec) {
    if (depth_ == 1 && field_ == Field::kCrit) {
      in_crit_ = true;
      crit.emplace();
    } else if (!ValueOk("an array", ec)) {
      return false;
    }
    ++depth_;
    return true;
  }
  bool on_array_end(std::size_t n, json::error_code& ec) {
    --depth_;
    if (depth_ == 1 && in_crit_) {
      in_crit_ = false;
      // RFC 7515 §4.1.11: producers MUST NOT use the empty list.
      if (n == 0) return Fail("\"crit\" is an empty list (RFC 7515 §4.1.11)", ec);
    }
    return true;
  }

  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    if (depth_ == 1) text_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    if (depth_ != 1) return true;
    text_.append(s.data(), s.size());
    if (std::find(names_.begin(), names_.end(), text_) != names_.end()) {
      return Fail("duplicate header parameter \"" + text_ + "\" (RFC 7515 §4)", ec);
    }
    names_.push_back(text_);
    field_ = Classify(text_);
    text_.clear();
    return true;
  }

  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    text_.append(s.data(), s.size());
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code& ec) {
    text_.append(s.data(), s.size());
    std::string value = std::move(text_);
    text_.clear();
    if (depth_ == 2 && in_crit_) {
      if (std::find(crit->begin(), crit->end(), value) != crit->end()) {
        return Fail("\"crit\" lists \"" + value + "\" twice", ec);
      }
      crit->push_back(std::move(value));
      return true;
    }
    if (depth_ == 1 && field_ == Field::kAlg) {
      alg = std::move(value);
      return true;
    }
    if (depth_ == 1 && field_ == Field::kKid) {
      kid = std::move(value);
      return true;
    }
    return ValueOk("a string", ec);
  }

  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(int64_t, json::string_view, json::error_code& ec) {
    return ValueOk("a number", ec);
  }
  bool on_uint64(uint64_t, json::string_view, json::error_code& ec) {
    return ValueOk("a number", ec);
  }
  bool on_double(double, json::string_view, json::error_code& ec) {
    return ValueOk("a number", ec);
  }
  bool on_bool(bool b, json::error_code& ec) {
    if (depth_ == 1 && field_ == Field::kB64) {
      b64 = b;
      return true;
    }
    return ValueOk(b ? "true" : "false", ec);
  }
  bool on_null(json::error_code& ec) { return ValueOk("null", ec); }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  // A value of kind `what` arrived where no handler above took it: fine inside an
  // unknown member, an error at the top level or in a member of a known type.
  bool ValueOk(const char* what, json::error_code& ec) {
    if (depth_ == 0) return Fail(std::string("the header is ") + what + ", not a JSON object", ec);
    if (depth_ == 2 && in_crit_) {
      return Fail(std::string("\"crit\" holds ") + what + "; it must list parameter names", ec);
    }
    if (depth_ == 1) {
      switch (field_) {
        case Field::kAlg: return Fail(std::string("\"alg\" is ") + what + ", not a string", ec);
        case Field::kKid: return Fail(std::string("\"kid\" is ") + what + ", not a string", ec);
        case Field::kB64: return Fail(std::string("\"b64\" is ") + what + ", not a boolean", ec);
        case Field::kCrit: return Fail(std::string("\"crit\" is ") + what + ", not an array", ec);
        case Field::kOther: break;
      }
    }
    return true;
  }
  bool Fail(std::string message, json::error_code& ec) {
    error = std::move(message);
    ec = json::error::syntax;  // any error stops the parser; `error` says why
    return false;
  }

  int depth_ = 0;
  Field field_ = Field::kOther;
  bool in_crit_ = false;
  std::string text_;  // the key or string being assembled from parts
  std::vector<std::string> names_;
};

// RFC 7797 §6 and RFC 7515 §4.1.11 over the collected members.
Result<JwsHeader> CheckMembers(const HeaderHandler& h) {
  if (!h.alg) return InvalidArgument("JWS header has no \"alg\"");
  if (*h.alg == "none") {
    return InvalidArgument("JWS alg \"none\" (unsecured JWS, RFC 7518 §3.6) is refused");
  }
  Result<Algorithm> alg = ParseAlgorithm(*h.alg);
  if (!alg.ok()) return InvalidArgument("JWS " + alg.status().message());
  if (!h.kid) return InvalidArgument("JWS header has no \"kid\"");
  if (h.kid->empty()) return InvalidArgument("JWS \"kid\" is empty");
  if (!h.b64) {
    return InvalidArgument(
        "JWS header has no \"b64\"; lcproc accepts only the unencoded payload "
        "(\"b64\": false, RFC 7797)");
  }
  if (*h.b64) {
    return InvalidArgument("JWS \"b64\" is true; lcproc accepts only \"b64\": false (RFC 7797)");
  }
  if (!h.crit) return InvalidArgument("JWS header has \"b64\" but no \"crit\" (RFC 7797 §6)");
  for (const std::string& name : *h.crit) {
    if (name != "b64") {
      return InvalidArgument("JWS \"crit\" names \"" + name +
                             "\", which lcproc does not understand (RFC 7515 §4.1.11)");
    }
  }
  if (h.crit->empty() || h.crit->front() != "b64") {
    return InvalidArgument("JWS \"crit\" does not name \"b64\" (RFC 7797 §6)");
  }
  return JwsHeader{*alg, *h.kid};
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xf];
      out += kHex[c & 0xf];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string EncodeProtectedHeader(Algorithm alg, std::string_view kid) {
  return "{\"alg\":" + JsonString(AlgorithmName(alg)) + ",\"kid\":" + JsonString(kid) +
         ",\"b64\":false,\"crit\":[\"b64\"]}";
}

Result<JwsHeader> ParseProtectedHeaderJson(std::string_view text) {
  if (text.empty()) return Malformed("JWS protected header is empty");
  json::parse_options options;
  options.max_depth = 8;
  json::basic_parser<HeaderHandler> parser(options);
  json::error_code ec;
  size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (ec) {
    const std::string& reason = parser.handler().error;
    if (!reason.empty()) return Malformed("JWS protected header: " + reason);
    return Malformed("JWS protected header is not valid JSON: " + ec.message() + " at offset " +
                     std::to_string(used));
  }
  return CheckMembers(parser.handler());
}

void BuildSigningInput(std::string_view encoded_header, std::string_view payload,
                       std::string& out) {
  out.clear();
  out.reserve(encoded_header.size() + 1 + payload.size());
  out.append(encoded_header);
  out += '.';
  out.append(payload);
}

}  // namespace lcproc::crypto
