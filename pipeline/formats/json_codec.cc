#include "pipeline/formats/json_codec.h"

#include <boost/json.hpp>
#include <deque>
#include <utility>
#include <vector>

#include "pipeline/formats/document_fields_internal.h"
#include "pipeline/formats/json_value_codec_internal.h"

namespace lcproc::formats {

Status DecodeJsonMoney(const boost::json::value& v, trade::Money& out, const JsonPath& pointer) {
  const boost::json::object* o = v.if_object();
  if (o == nullptr) return JsonFieldError(pointer, "must be an object {currency, amount}");
  std::string currency, amount;
  JsonObjectDecoder decoder(*o, pointer);
  decoder.Required("currency", currency);
  decoder.Required("amount", amount);
  if (const boost::json::value* a = o->if_contains("amount"); a != nullptr && a->is_number()) {
    // A JSON number would pass through a double in most readers: refuse it outright.
    return JsonFieldError(JsonPath(pointer, "amount"),
                          "must be a decimal string such as \"125000.00\", "
                          "not a JSON number");
  }
  LCPROC_RETURN_IF_ERROR(decoder.Finish());
  std::string_view which;
  auto money = ParseMoney(currency, amount, &which);
  if (!money.ok()) return JsonFieldError(JsonPath(pointer, which), money.status().message());
  out = *money;
  return Status::Ok();
}

Status DecodeJsonQuantity(const boost::json::value& v, trade::Quantity& out,
                          const JsonPath& pointer) {
  const boost::json::object* o = v.if_object();
  if (o == nullptr) return JsonFieldError(pointer, "must be an object {value, unit}");
  std::string value, unit;
  JsonObjectDecoder decoder(*o, pointer);
  decoder.Required("value", value);
  decoder.Required("unit", unit);
  if (const boost::json::value* a = o->if_contains("value"); a != nullptr && a->is_number()) {
    return JsonFieldError(JsonPath(pointer, "value"), "must be a decimal string such as \"12.5\"");
  }
  LCPROC_RETURN_IF_ERROR(decoder.Finish());
  auto quantity = trade::Quantity::Parse(value, unit);
  if (!quantity.ok()) return JsonFieldError(pointer, quantity.status().message());
  out = std::move(quantity).value();
  return Status::Ok();
}

boost::json::value EncodeJsonMoney(const trade::Money& money) {
  return boost::json::object{{"currency", money.currency.str()},
                             {"amount", MoneyAmountText(money)}};
}

boost::json::value EncodeJsonQuantity(const trade::Quantity& quantity) {
  return boost::json::object{{"value", quantity.NumberText()}, {"unit", quantity.unit}};
}

namespace {

// Room for the DOM of a typical document (a few KiB of JSON) without touching the heap.
constexpr size_t kDomBufferBytes = 64 * 1024;

template <size_t I = 0>
Result<trade::Document> DecodeAlternative(std::string_view type, const boost::json::object& o,
                                          const JsonPath& pointer) {
  if constexpr (I == std::variant_size_v<trade::Document>) {
    return JsonFieldError(JsonPath(pointer, "type"),
                          "unknown document type '" + std::string(type) + "'");
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
// On the hot path of every JSON document: names are views into `body` (an escaped name
// is unescaped into `unescaped`), the levels keep their capacity between calls on a
// thread, and the pointer is spelled out only for the error.
Status CheckDuplicateMembers(std::string_view body) {
  struct Level {
    bool object;
    bool expect_key;
    std::vector<std::string_view> keys;  // objects: members so far, the last one current
    size_t index = 0;                    // arrays: current item
  };
  thread_local std::vector<Level> stack;
  thread_local std::deque<std::string> unescaped;
  size_t depth = 0;
  unescaped.clear();
  auto pointer_to = [&](size_t levels) {  // the pointer of the value at stack[levels]
    std::string pointer;
    for (size_t l = 0; l < levels; ++l) {
      const Level& level = stack[l];
      pointer += "/";
      pointer += level.object ? JsonPointerToken(level.keys.empty() ? "" : level.keys.back())
                              : std::to_string(level.index);
    }
    return pointer;
  };
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
      if (depth == 0 || !stack[depth - 1].object || !stack[depth - 1].expect_key) continue;
      std::string_view key = body.substr(start + 1, i - start - 1);
      if (escaped) {
        boost::system::error_code ec;
        boost::json::value v = boost::json::parse(body.substr(start, i - start + 1), ec);
        if (!ec && v.is_string()) key = unescaped.emplace_back(v.get_string());
      }
      Level& level = stack[depth - 1];
      for (std::string_view seen : level.keys) {
        if (seen == key) {
          return InvalidArgument(pointer_to(depth - 1) + "/" + JsonPointerToken(key) +
                                 ": member appears twice");
        }
      }
      level.keys.push_back(key);
      level.expect_key = false;
    } else if (c == '{' || c == '[') {
      if (stack.size() == depth) stack.emplace_back();
      Level& level = stack[depth++];
      level.object = c == '{';
      level.expect_key = c == '{';
      level.keys.clear();
      level.index = 0;
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
    } else if (c == ',' && depth > 0) {
      if (stack[depth - 1].object) {
        stack[depth - 1].expect_key = true;
      } else {
        ++stack[depth - 1].index;
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

Status CheckJsonBodySize(std::string_view body) {
  if (body.size() > kMaxJsonBodyBytes) {
    return ResourceExhausted("JSON body of " + std::to_string(body.size()) +
                             " bytes exceeds the limit of " + std::to_string(kMaxJsonBodyBytes));
  }
  return Status::Ok();
}

// Parses `body` into a value whose memory comes from `storage`, with lcproc's limits.
Result<boost::json::value> ParseJsonBodyInto(std::string_view body,
                                             boost::json::storage_ptr storage) {
  LCPROC_RETURN_IF_ERROR(CheckJsonBodySize(body));
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(boost::json::string_view(body.data(), body.size()),
                                                ec, std::move(storage), options);
  if (ec == boost::json::error::too_deep) {
    return ResourceExhausted("JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  if (ec) return Malformed("JSON does not parse: " + ec.message());
  LCPROC_RETURN_IF_ERROR(CheckDuplicateMembers(body));
  return value;
}

}  // namespace

Result<boost::json::value> ParseJsonBody(std::string_view body) {
  return ParseJsonBodyInto(body, {});
}

Result<trade::Document> DecodeJsonDocument(const boost::json::value& value,
                                           const std::string& pointer) {
  const boost::json::object* o = value.if_object();
  if (o == nullptr) return JsonFieldError(pointer, "a document must be a JSON object");
  const JsonPath root(pointer);
  const boost::json::value* type = o->if_contains("type");
  if (type == nullptr) return JsonFieldError(JsonPath(root, "type"), "is required");
  const boost::json::string* name = type->if_string();
  if (name == nullptr) return JsonFieldError(JsonPath(root, "type"), "must be a string");
  return DecodeAlternative(std::string_view(name->data(), name->size()), *o, root);
}

Result<trade::Document> DecodeJson(std::string_view body) {
  // The DOM lives only for this call, so it is carved from a per-thread buffer with a
  // monotonic resource: no malloc per node (beyond the buffer it falls back to the
  // heap), and dropping it frees nothing node by node. The decoded document copies
  // what it keeps.
  thread_local std::vector<unsigned char> buffer(kDomBufferBytes);
  boost::json::monotonic_resource resource(buffer.data(), buffer.size());
  LCPROC_ASSIGN_OR_RETURN(boost::json::value value, ParseJsonBodyInto(body, &resource));
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
