// The JSON visitors over FieldList: decode a boost::json::value into any described trade
// type with JSON-pointer errors, and encode one back. Internal to pipeline/formats
// (json_codec.cc, credit_file.cc); everything else calls json_codec.h.
//
// Decoding rules, the public contract of schemas/json/:
// - objects refuse unknown members and need every Required member;
// - null is never a value (omit the member instead);
// - money amounts, quantities and dates are strings (exact decimals, ISO 8601), never
//   JSON numbers, so no reader can round them through a double;
// - integers must be integral JSON numbers within the member's range;
// - arrays hold at most kMaxJsonArrayLength items and strings kMaxJsonStringLength bytes.
// Errors are InvalidArgument "<pointer>: <what is wrong>" (RFC 6901 pointer).
// Thread-safe (no state); never throws.
#pragma once

#include <boost/container/small_vector.hpp>
#include <boost/json.hpp>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

#include "pipeline/formats/field_list.h"
#include "pipeline/formats/wire_values_internal.h"
#include "pipeline/status.h"

namespace lcproc::formats {

inline constexpr size_t kMaxJsonArrayLength = 1000;
inline constexpr size_t kMaxJsonStringLength = 16 * 1024;

// RFC 6901 section 3: '~' is written "~0" and '/' is written "~1".
inline std::string JsonPointerToken(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

inline Status JsonFieldError(const std::string& pointer, std::string_view message) {
  return InvalidArgument((pointer.empty() ? "/" : pointer) + ": " + std::string(message));
}

// Where a value sits in the document, as an RFC 6901 pointer that is spelled out only
// when an error needs it: a chain of member names and array indexes, each link on the
// stack frame of the decoder that visits it (decoding a valid document builds no
// pointer string at all). Never outlives its parent; not copyable.
class JsonPath {
 public:
  explicit JsonPath(const std::string& root) : root_(&root) {}
  JsonPath(const JsonPath& parent, std::string_view member) : parent_(&parent), member_(member) {}
  JsonPath(const JsonPath& parent, size_t index)
      : parent_(&parent), index_(index), is_index_(true) {}
  JsonPath(const JsonPath&) = delete;
  JsonPath& operator=(const JsonPath&) = delete;

  std::string str() const {
    if (parent_ == nullptr) return *root_;
    std::string out = parent_->str();
    out += '/';
    out += is_index_ ? std::to_string(index_) : JsonPointerToken(member_);
    return out;
  }

 private:
  const JsonPath* parent_ = nullptr;
  const std::string* root_ = nullptr;
  std::string_view member_;
  size_t index_ = 0;
  bool is_index_ = false;
};

inline Status JsonFieldError(const JsonPath& path, std::string_view message) {
  return JsonFieldError(path.str(), message);
}

template <class T>
Status DecodeJsonValue(const boost::json::value& v, T& out, const JsonPath& pointer);
template <class T>
Status DecodeJsonNonTrivial(const boost::json::value& v, T& out, const JsonPath& pointer);
// {"currency": "USD", "amount": "125000.00"}.
Status DecodeJsonMoney(const boost::json::value& v, trade::Money& out, const JsonPath& pointer);
// {"value": "250", "unit": "MT"}.
Status DecodeJsonQuantity(const boost::json::value& v, trade::Quantity& out,
                          const JsonPath& pointer);

// Visits the members of one JSON object; remembers the first error. REQUIRES: `object`
// and `pointer` outlive the decoder.
class JsonObjectDecoder {
 public:
  JsonObjectDecoder(const boost::json::object& object, const JsonPath& pointer)
      : object_(object), pointer_(pointer) {}

  template <class T>
  void Required(std::string_view name, T& member) {
    Member(name, member, /*required=*/!IsOptional<T>::value);
  }
  template <class T>
  void Optional(std::string_view name, T& member) {
    Member(name, member, /*required=*/false);
  }
  // A member read by the caller itself ("type"), so it is not reported as unknown.
  void Known(std::string_view name) {
    known_.push_back(name);
    if (object_.contains(name)) ++found_;
  }

  // The first error, or an error for the first member no visit claimed.
  Status Finish() {
    if (!status_.ok()) return std::move(status_);
    // Every member was claimed when as many distinct names were found as the object
    // holds (its keys are unique: duplicates are refused before decoding).
    if (found_ == object_.size()) return Status::Ok();
    for (const auto& kv : object_) {
      bool known = false;
      for (std::string_view k : known_) known = known || k == kv.key();
      if (!known) return JsonFieldError(JsonPath(pointer_, kv.key()), "unknown member");
    }
    return Status::Ok();
  }

 private:
  template <class T>
  void Member(std::string_view name, T& member, bool required) {
    known_.push_back(name);
    if (!status_.ok()) return;
    const boost::json::value* v = object_.if_contains(name);
    JsonPath pointer(pointer_, name);
    if (v == nullptr) {
      if (required) status_ = JsonFieldError(pointer, "is required");
      return;
    }
    ++found_;
    status_ = DecodeJsonValue(*v, member, pointer);
  }

  const boost::json::object& object_;
  const JsonPath& pointer_;
  boost::container::small_vector<std::string_view, 48> known_;
  size_t found_ = 0;  // members of object_ claimed so far (FieldList names are distinct)
  Status status_;
};

template <class T>
Status DecodeJsonValue(const boost::json::value& v, T& out, const JsonPath& pointer) {
  if (v.is_null()) return JsonFieldError(pointer, "null is not allowed; omit the member instead");
  if constexpr (IsOptional<T>::value) {
    typename T::value_type inner{};
    LCPROC_RETURN_IF_ERROR(DecodeJsonValue(v, inner, pointer));
    out = std::move(inner);
    return Status::Ok();
  } else if constexpr (IsVector<T>::value) {
    const boost::json::array* a = v.if_array();
    if (a == nullptr) return JsonFieldError(pointer, "must be an array");
    if (a->size() > kMaxJsonArrayLength) {
      return JsonFieldError(pointer, "has " + std::to_string(a->size()) + " items, at most " +
                                         std::to_string(kMaxJsonArrayLength) + " allowed");
    }
    out.clear();
    out.resize(a->size());
    for (size_t i = 0; i < a->size(); ++i) {
      JsonPath item(pointer, i);
      LCPROC_RETURN_IF_ERROR(DecodeJsonValue((*a)[i], out[i], item));
    }
    return Status::Ok();
  } else if constexpr (std::is_same_v<T, bool>) {
    const bool* b = v.if_bool();
    if (b == nullptr) return JsonFieldError(pointer, "must be true or false");
    out = *b;
    return Status::Ok();
  } else if constexpr (std::is_integral_v<T>) {
    if (!v.is_int64() && !v.is_uint64()) return JsonFieldError(pointer, "must be an integer");
    if (v.is_uint64() || v.get_int64() < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
        v.get_int64() > static_cast<int64_t>(std::numeric_limits<T>::max())) {
      return JsonFieldError(pointer, "is out of range");
    }
    out = static_cast<T>(v.get_int64());
    return Status::Ok();
  } else {
    return DecodeJsonNonTrivial(v, out, pointer);
  }
}

inline Status DecodeJsonString(const boost::json::value& v, std::string_view* out,
                               const JsonPath& pointer) {
  const boost::json::string* s = v.if_string();
  if (s == nullptr) return JsonFieldError(pointer, "must be a string");
  if (s->size() > kMaxJsonStringLength) {
    return JsonFieldError(pointer,
                          "is longer than " + std::to_string(kMaxJsonStringLength) + " bytes");
  }
  *out = std::string_view(s->data(), s->size());
  return Status::Ok();
}

template <class T>
Status DecodeJsonNonTrivial(const boost::json::value& v, T& out, const JsonPath& pointer) {
  if constexpr (std::is_same_v<T, std::string>) {
    std::string_view s;
    LCPROC_RETURN_IF_ERROR(DecodeJsonString(v, &s, pointer));
    out.assign(s);
    return Status::Ok();
  } else if constexpr (TextLeafType<T>) {
    std::string_view s;
    LCPROC_RETURN_IF_ERROR(DecodeJsonString(v, &s, pointer));
    auto parsed = TextLeaf<T>::Parse(s);
    if (!parsed.ok()) return JsonFieldError(pointer, parsed.status().message());
    out = std::move(parsed).value();
    return Status::Ok();
  } else if constexpr (NamedEnum<T>) {
    std::string_view s;
    LCPROC_RETURN_IF_ERROR(DecodeJsonString(v, &s, pointer));
    auto parsed = EnumNames<T>::Parse(s);
    if (!parsed.ok()) return JsonFieldError(pointer, parsed.status().message());
    out = *parsed;
    return Status::Ok();
  } else if constexpr (std::is_same_v<T, trade::Money>) {
    return DecodeJsonMoney(v, out, pointer);
  } else if constexpr (std::is_same_v<T, trade::Quantity>) {
    return DecodeJsonQuantity(v, out, pointer);
  } else {
    static_assert(DescribedStruct<T>, "no JSON mapping for this type");
    const boost::json::object* o = v.if_object();
    if (o == nullptr) return JsonFieldError(pointer, "must be an object");
    JsonObjectDecoder decoder(*o, pointer);
    FieldList<T>::Visit(decoder, out);
    return decoder.Finish();
  }
}

// ---- encoding ----

template <class T>
boost::json::value EncodeJsonValue(const T& value);

class JsonObjectEncoder {
 public:
  explicit JsonObjectEncoder(boost::json::object& object) : object_(object) {}
  template <class T>
  void Required(std::string_view name, const T& member) {
    if constexpr (IsOptional<T>::value) {
      if (!member.has_value()) return;
    }
    object_[name] = EncodeJsonValue(member);
  }
  template <class T>
  void Optional(std::string_view name, const T& member) {
    if (IsEmptyValue(member)) return;  // the decoder gives the same value back when absent
    object_[name] = EncodeJsonValue(member);
  }

 private:
  boost::json::object& object_;
};

boost::json::value EncodeJsonMoney(const trade::Money& money);
boost::json::value EncodeJsonQuantity(const trade::Quantity& quantity);

template <class T>
boost::json::value EncodeJsonValue(const T& value) {
  if constexpr (IsOptional<T>::value) {
    return value.has_value() ? EncodeJsonValue(*value) : boost::json::value(nullptr);
  } else if constexpr (IsVector<T>::value) {
    boost::json::array a;
    a.reserve(value.size());
    for (const auto& item : value) a.push_back(EncodeJsonValue(item));
    return a;
  } else if constexpr (std::is_same_v<T, bool>) {
    return boost::json::value(value);
  } else if constexpr (std::is_integral_v<T>) {
    return boost::json::value(static_cast<int64_t>(value));
  } else if constexpr (std::is_same_v<T, std::string>) {
    return boost::json::value(boost::json::string_view(value));
  } else if constexpr (TextLeafType<T>) {
    return boost::json::value(TextLeaf<T>::Format(value));
  } else if constexpr (NamedEnum<T>) {
    return boost::json::value(EnumNames<T>::Name(value));
  } else if constexpr (std::is_same_v<T, trade::Money>) {
    return EncodeJsonMoney(value);
  } else if constexpr (std::is_same_v<T, trade::Quantity>) {
    return EncodeJsonQuantity(value);
  } else {
    static_assert(DescribedStruct<T>, "no JSON mapping for this type");
    boost::json::object o;
    JsonObjectEncoder encoder(o);
    FieldList<T>::Visit(encoder, value);
    return o;
  }
}

}  // namespace lcproc::formats
