#include "pipeline/formats/json_codec.h"

#include <boost/json.hpp>
#include <utility>

#include "pipeline/formats/document_fields_internal.h"
#include "pipeline/formats/json_value_codec_internal.h"

namespace lcproc::formats {

Status DecodeJsonMoney(const boost::json::value& v, trade::Money& out, const std::string& pointer) {
  const boost::json::object* o = v.if_object();
  if (o == nullptr) return JsonFieldError(pointer, "must be an object {currency, amount}");
  std::string currency, amount;
  JsonObjectDecoder decoder(*o, pointer);
  decoder.Required("currency", currency);
  decoder.Required("amount", amount);
  if (const boost::json::value* a = o->if_contains("amount"); a != nullptr && a->is_number()) {
    // A JSON number would pass through a double in most readers: refuse it outright.
    return JsonFieldError(pointer + "/amount", "must be a decimal string such as \"125000.00\", "
                                               "not a JSON number");
  }
  LCPROC_RETURN_IF_ERROR(decoder.Finish());
  std::string_view which;
  auto money = ParseMoney(currency, amount, &which);
  if (!money.ok()) return JsonFieldError(pointer + "/" + std::string(which), money.status().message());
  out = *money;
  return Status::Ok();
}

Status DecodeJsonQuantity(const boost::json::value& v, trade::Quantity& out,
                          const std::string& pointer) {
  const boost::json::object* o = v.if_object();
  if (o == nullptr) return JsonFieldError(pointer, "must be an object {value, unit}");
  std::string value, unit;
  JsonObjectDecoder decoder(*o, pointer);
  decoder.Required("value", value);
  decoder.Required("unit", unit);
  if (const boost::json::value* a = o->if_contains("value"); a != nullptr && a->is_number()) {
    return JsonFieldError(pointer + "/value", "must be a decimal string such as \"12.5\"");
  }
  LCPROC_RETURN_IF_ERROR(decoder.Finish());
  auto quantity = trade::Quantity::Parse(value, unit);
  if (!quantity.ok()) return JsonFieldError(pointer, quantity.status().message());
  out = std::move(quantity).value();
  return Status::Ok();
}

boost::json::value EncodeJsonMoney(const trade::Money& money) {
  return boost::json::object{{"currency", money.currency.str()}, {"amount", MoneyAmountText(money)}};
}

boost::json::value EncodeJsonQuantity(const trade::Quantity& quantity) {
  return boost::json::object{{"value", quantity.NumberText()}, {"unit", quantity.unit}};
}

namespace {

template <size_t I = 0>
Result<trade::Document> DecodeAlternative(std::string_view type, const boost::json::object& o,
                                          const std::string& pointer) {
  if constexpr (I == std::variant_size_v<trade::Document>) {
    return JsonFieldError(pointer + "/type", "unknown document type '" + std::string(type) + "'");
  } else {
    using T = std::variant_alternative_t<I, trade::Document>;
    if (FieldList<T>::kName != type) return DecodeAlternative<I + 1>(type, o, pointer);
    T document{};
    JsonObjectDecoder decoder(o, pointer);
    decoder.Known("type");
    FieldList<T>::Visit(decoder, document);
    LCPROC_RETURN_IF_ERROR(decoder.Finish());
    return trade::Document(std::move(document));
  }
}

// Boost.JSON 1.81 keeps the last of duplicate members silently. Two readers of the same
// signed bytes could then see different documents (RFC 8259 section 4 leaves duplicates
// undefined), so a member name may appear once per object. REQUIRES: `body` is valid JSON.
Status CheckDuplicateMembers(std::string_view body) {
  struct Level {
    bool object;
    bool expect_key;
    std::string pointer;            // of this object or array
    std::vector<std::string> keys;  // objects: members so far, the last one current
    size_t index = 0;               // arrays: current item
  };
  std::vector<Level> stack;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '"') {
      size_t start = i++;
      bool escaped = false;
      for (; i < body.size() && body[i] != '"'; ++i) {
        if (body[i] == '\\') {
          escaped = true;
          ++i;
        }
      }
      if (stack.empty() || !stack.back().object || !stack.back().expect_key) continue;
      std::string key(body.substr(start + 1, i - start - 1));
      if (escaped) {
        boost::system::error_code ec;
        boost::json::value v = boost::json::parse(body.substr(start, i - start + 1), ec);
        if (!ec && v.is_string()) key = std::string(v.get_string());
      }
      Level& level = stack.back();
      for (const std::string& seen : level.keys) {
        if (seen == key) {
          return InvalidArgument(level.pointer + "/" + JsonPointerToken(key) + ": member appears twice");
        }
      }
      level.keys.push_back(std::move(key));
      level.expect_key = false;
    } else if (c == '{' || c == '[') {
      std::string pointer;
      if (!stack.empty()) {
        const Level& parent = stack.back();
        pointer = parent.pointer + "/" +
                  (parent.object ? JsonPointerToken(parent.keys.empty() ? "" : parent.keys.back())
                                 : std::to_string(parent.index));
      }
      stack.push_back(Level{c == '{', c == '{', std::move(pointer), {}, 0});
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',' && !stack.empty()) {
      if (stack.back().object) {
        stack.back().expect_key = true;
      } else {
        ++stack.back().index;
      }
    }
  }
  return Status::Ok();
}

void PrettyInto(const boost::json::value& v, int indent, std::string& out) {
  const std::string pad(indent * 2, ' '), inner((indent + 1) * 2, ' ');
  if (const auto* o = v.if_object(); o != nullptr && !o->empty()) {
    out += "{\n";
    size_t i = 0;
    for (const auto& kv : *o) {
      out += inner + boost::json::serialize(boost::json::value(kv.key())) + ": ";
      PrettyInto(kv.value(), indent + 1, out);
      out += ++i < o->size() ? ",\n" : "\n";
    }
    out += pad + "}";
  } else if (const auto* a = v.if_array(); a != nullptr && !a->empty()) {
    out += "[\n";
    for (size_t i = 0; i < a->size(); ++i) {
      out += inner;
      PrettyInto((*a)[i], indent + 1, out);
      out += i + 1 < a->size() ? ",\n" : "\n";
    }
    out += pad + "]";
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

Result<boost::json::value> ParseJsonBody(std::string_view body) {
  if (body.size() > kMaxJsonBodyBytes) {
    return ResourceExhausted("JSON body of " + std::to_string(body.size()) +
                             " bytes exceeds the limit of " + std::to_string(kMaxJsonBodyBytes));
  }
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(
      boost::json::string_view(body.data(), body.size()), ec, {}, options);
  if (ec == boost::json::error::too_deep) {
    return ResourceExhausted("JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  if (ec) return Malformed("JSON does not parse: " + ec.message());
  LCPROC_RETURN_IF_ERROR(CheckDuplicateMembers(body));
  return value;
}

Result<trade::Document> DecodeJsonDocument(const boost::json::value& value, const std::string& pointer) {
  const boost::json::object* o = value.if_object();
  if (o == nullptr) return JsonFieldError(pointer, "a document must be a JSON object");
  const boost::json::value* type = o->if_contains("type");
  if (type == nullptr) return JsonFieldError(pointer + "/type", "is required");
  const boost::json::string* name = type->if_string();
  if (name == nullptr) return JsonFieldError(pointer + "/type", "must be a string");
  return DecodeAlternative(std::string_view(name->data(), name->size()), *o, pointer);
}

Result<trade::Document> DecodeJson(std::string_view body) {
  LCPROC_ASSIGN_OR_RETURN(boost::json::value value, ParseJsonBody(body));
  return DecodeJsonDocument(value);
}

boost::json::value EncodeJsonDocument(const trade::Document& document) {
  return std::visit(
      [](const auto& d) {
        using T = std::decay_t<decltype(d)>;
        boost::json::object o;
        o["type"] = FieldList<T>::kName;
        JsonObjectEncoder encoder(o);
        FieldList<T>::Visit(encoder, d);
        return boost::json::value(std::move(o));
      },
      document);
}

std::string EncodeJson(const trade::Document& document) {
  return boost::json::serialize(EncodeJsonDocument(document));
}

std::string PrettyJson(const boost::json::value& value) {
  std::string out;
  PrettyInto(value, 0, out);
  out += "\n";
  return out;
}

}  // namespace lcproc::formats
