#include "pipeline/formats/capnp_codec.h"

#include <capnp/dynamic.h>
#include <capnp/message.h>
#include <capnp/schema.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <cstring>
#include <exception>
#include <limits>

#include "pipeline/formats/document_fields_internal.h"
#include "pipeline/formats/wire_values_internal.h"
#include "schemas/trade.capnp.h"

namespace lcproc::formats {
namespace {

Status FieldError(const std::string& pointer, std::string_view message) {
  return InvalidArgument((pointer.empty() ? "/" : pointer) + ": " + std::string(message));
}

inline constexpr size_t kMaxCapnpListLength = 1000;  // as kMaxJsonArrayLength

// RFC 3629 section 4: well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF). Cap'n Proto Text is not checked by capnp, and JSON output must stay valid.
bool IsUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t extra;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the first continuation byte
    if (c < 0x80) {
      extra = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (s.size() - i <= extra) return false;
    for (size_t k = 1; k <= extra; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (d < lo || d > hi) : (d & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

// ---- decoding: DynamicStruct::Reader -> trade values ----

template <class T>
Status ReadValue(const capnp::DynamicValue::Reader& v, T& out, const std::string& pointer);

class CapnpStructReader {
 public:
  CapnpStructReader(capnp::DynamicStruct::Reader reader, std::string pointer)
      : reader_(reader), pointer_(std::move(pointer)) {}

  template <class T>
  void Required(std::string_view name, T& member) {
    Member(name, member, !IsOptional<T>::value);
  }
  template <class T>
  void Optional(std::string_view name, T& member) {
    Member(name, member, false);
  }
  Status Finish() { return std::move(status_); }

 private:
  template <class T>
  void Member(std::string_view name, T& member, bool required) {
    if (!status_.ok()) return;
    std::string pointer = pointer_ + "/" + std::string(name);
    capnp::StructSchema::Field field =
        reader_.getSchema().getFieldByName(kj::StringPtr(std::string(name).c_str()));
    bool pointer_field = field.getType().isText() || field.getType().isStruct() ||
                         field.getType().isList() || field.getType().isData();
    if (pointer_field && !reader_.has(field)) {
      if (required) status_ = FieldError(pointer, "is required");
      return;
    }
    status_ = ReadValue(reader_.get(field), member, pointer);
  }

  capnp::DynamicStruct::Reader reader_;
  std::string pointer_;
  Status status_;
};

Status ReadText(const capnp::DynamicValue::Reader& v, std::string_view* out,
                const std::string& pointer) {
  if (v.getType() != capnp::DynamicValue::TEXT) return FieldError(pointer, "must be text");
  capnp::Text::Reader text = v.as<capnp::Text>();
  *out = std::string_view(text.cStr(), text.size());
  if (!IsUtf8(*out)) return FieldError(pointer, "is not valid UTF-8");
  return Status::Ok();
}

template <class T>
Status ReadValue(const capnp::DynamicValue::Reader& v, T& out, const std::string& pointer) {
  if constexpr (IsOptional<T>::value) {
    typename T::value_type inner{};
    if constexpr (std::is_integral_v<typename T::value_type> ||
                  std::is_enum_v<typename T::value_type>) {
      // Optional numbers and enums travel in a one-field wrapper struct ({value}).
      if constexpr (!std::is_same_v<typename T::value_type, trade::Incoterm>) {
        capnp::DynamicStruct::Reader wrapper = v.as<capnp::DynamicStruct>();
        LCPROC_RETURN_IF_ERROR(ReadValue(wrapper.get("value"), inner, pointer));
        out = inner;
        return Status::Ok();
      }
    }
    LCPROC_RETURN_IF_ERROR(ReadValue(v, inner, pointer));
    out = std::move(inner);
    return Status::Ok();
  } else if constexpr (IsVector<T>::value) {
    capnp::DynamicList::Reader list = v.as<capnp::DynamicList>();
    if (list.size() > kMaxCapnpListLength) {
      return FieldError(pointer, "has " + std::to_string(list.size()) + " items, at most " +
                                     std::to_string(kMaxCapnpListLength) + " allowed");
    }
    out.clear();
    out.resize(list.size());
    for (uint32_t i = 0; i < list.size(); ++i) {
      LCPROC_RETURN_IF_ERROR(ReadValue(list[i], out[i], pointer + "/" + std::to_string(i)));
    }
    return Status::Ok();
  } else if constexpr (std::is_same_v<T, bool>) {
    out = v.as<bool>();
    return Status::Ok();
  } else if constexpr (std::is_integral_v<T>) {
    out = v.as<T>();
    return Status::Ok();
  } else if constexpr (std::is_same_v<T, std::string>) {
    std::string_view s;
    LCPROC_RETURN_IF_ERROR(ReadText(v, &s, pointer));
    out.assign(s);
    return Status::Ok();
  } else if constexpr (TextLeafType<T>) {
    std::string_view s;
    LCPROC_RETURN_IF_ERROR(ReadText(v, &s, pointer));
    auto parsed = TextLeaf<T>::Parse(s);
    if (!parsed.ok()) return FieldError(pointer, parsed.status().message());
    out = std::move(parsed).value();
    return Status::Ok();
  } else if constexpr (NamedEnum<T>) {
    KJ_IF_MAYBE (e, v.as<capnp::DynamicEnum>().getEnumerant()) {
      auto parsed = EnumNames<T>::Parse(std::string_view(e->getProto().getName().cStr()));
      if (!parsed.ok()) return FieldError(pointer, parsed.status().message());
      out = *parsed;
      return Status::Ok();
    }
    return FieldError(pointer, "unknown enumerant");
  } else if constexpr (std::is_same_v<T, trade::Money>) {
    capnp::DynamicStruct::Reader s = v.as<capnp::DynamicStruct>();
    std::string currency, amount;
    CapnpStructReader r(s, pointer);
    r.Required("currency", currency);
    r.Required("amount", amount);
    LCPROC_RETURN_IF_ERROR(r.Finish());
    std::string_view which;
    auto money = ParseMoney(currency, amount, &which);
    if (!money.ok())
      return FieldError(pointer + "/" + std::string(which), money.status().message());
    out = *money;
    return Status::Ok();
  } else if constexpr (std::is_same_v<T, trade::Quantity>) {
    capnp::DynamicStruct::Reader s = v.as<capnp::DynamicStruct>();
    std::string value, unit;
    CapnpStructReader r(s, pointer);
    r.Required("value", value);
    r.Required("unit", unit);
    LCPROC_RETURN_IF_ERROR(r.Finish());
    auto q = trade::Quantity::Parse(value, unit);
    if (!q.ok()) return FieldError(pointer, q.status().message());
    out = std::move(q).value();
    return Status::Ok();
  } else {
    static_assert(DescribedStruct<T>, "no Cap'n Proto mapping for this type");
    CapnpStructReader r(v.as<capnp::DynamicStruct>(), pointer);
    FieldList<T>::Visit(r, out);
    return r.Finish();
  }
}

// ---- encoding: trade values -> DynamicStruct::Builder ----

template <class T>
void WriteStruct(capnp::DynamicStruct::Builder b, const T& value);

template <class T>
void WriteField(capnp::DynamicStruct::Builder b, capnp::StructSchema::Field field, const T& value);

class CapnpStructWriter {
 public:
  explicit CapnpStructWriter(capnp::DynamicStruct::Builder builder) : builder_(builder) {}
  template <class T>
  void Required(std::string_view name, const T& member) {
    Write(name, member);
  }
  template <class T>
  void Optional(std::string_view name, const T& member) {
    if (!IsEmptyValue(member)) Write(name, member);
  }

 private:
  template <class T>
  void Write(std::string_view name, const T& member) {
    if constexpr (IsOptional<T>::value) {
      if (!member.has_value()) return;
    }
    WriteField(builder_, builder_.getSchema().getFieldByName(std::string(name).c_str()), member);
  }
  capnp::DynamicStruct::Builder builder_;
};

template <class T>
constexpr bool kIsStructLike =
    DescribedStruct<T> || std::is_same_v<T, trade::Money> || std::is_same_v<T, trade::Quantity>;

// A leaf (non-struct, non-list) as a dynamic value; `text` keeps text alive while it is set.
template <class T>
capnp::DynamicValue::Reader LeafValue(const T& value, capnp::Type type, std::string& text) {
  if constexpr (std::is_same_v<T, bool> || std::is_integral_v<T>) {
    (void)type;
    return value;
  } else if constexpr (NamedEnum<T>) {
    text = std::string(EnumNames<T>::Name(value));
    return capnp::DynamicEnum(type.asEnum().getEnumerantByName(text.c_str()));
  } else if constexpr (std::is_same_v<T, std::string>) {
    text = value;
    return capnp::Text::Reader(text.data(), text.size());
  } else {
    static_assert(TextLeafType<T>, "no Cap'n Proto mapping for this type");
    text = TextLeaf<T>::Format(value);
    return capnp::Text::Reader(text.data(), text.size());
  }
}

template <class T>
void WriteField(capnp::DynamicStruct::Builder b, capnp::StructSchema::Field field, const T& value) {
  if constexpr (IsOptional<T>::value) {
    using Inner = typename T::value_type;
    if constexpr ((std::is_integral_v<Inner> ||
                   std::is_enum_v<Inner>)&&!std::is_same_v<Inner, trade::Incoterm>) {
      capnp::DynamicStruct::Builder wrapper = b.init(field).as<capnp::DynamicStruct>();
      WriteField(wrapper, wrapper.getSchema().getFieldByName("value"), *value);
    } else {
      WriteField(b, field, *value);
    }
  } else if constexpr (IsVector<T>::value) {
    using Item = typename T::value_type;
    capnp::DynamicList::Builder list =
        b.init(field, static_cast<uint32_t>(value.size())).template as<capnp::DynamicList>();
    for (uint32_t i = 0; i < value.size(); ++i) {
      if constexpr (kIsStructLike<Item>) {
        WriteStruct(list[i].template as<capnp::DynamicStruct>(), value[i]);
      } else {
        std::string text;
        list.set(i, LeafValue(value[i], list.getSchema().getElementType(), text));
      }
    }
  } else if constexpr (kIsStructLike<T>) {
    WriteStruct(b.init(field).template as<capnp::DynamicStruct>(), value);
  } else {
    std::string text;
    b.set(field, LeafValue(value, field.getType(), text));
  }
}

template <class T>
void WriteStruct(capnp::DynamicStruct::Builder b, const T& value) {
  if constexpr (std::is_same_v<T, trade::Money>) {
    std::string currency = value.currency.str(), amount = MoneyAmountText(value);
    b.set("currency", capnp::Text::Reader(currency.data(), currency.size()));
    b.set("amount", capnp::Text::Reader(amount.data(), amount.size()));
  } else if constexpr (std::is_same_v<T, trade::Quantity>) {
    std::string number = value.NumberText();
    b.set("value", capnp::Text::Reader(number.data(), number.size()));
    b.set("unit", capnp::Text::Reader(value.unit.data(), value.unit.size()));
  } else {
    CapnpStructWriter w(b);
    FieldList<T>::Visit(w, value);
  }
}

template <size_t I = 0>
Result<trade::Document> ReadAlternative(std::string_view arm, capnp::DynamicStruct::Reader root) {
  if constexpr (I == std::variant_size_v<trade::Document>) {
    return Malformed("unknown document arm '" + std::string(arm) + "'");
  } else {
    using T = std::variant_alternative_t<I, trade::Document>;
    if (FieldList<T>::kName != arm) return ReadAlternative<I + 1>(arm, root);
    T document{};
    std::string name(arm);
    LCPROC_RETURN_IF_ERROR(ReadValue(root.get(name.c_str()), document, ""));
    return trade::Document(std::move(document));
  }
}

Result<trade::Document> DecodeMessage(kj::ArrayPtr<const capnp::word> words) {
  capnp::ReaderOptions options;
  options.traversalLimitInWords = kCapnpTraversalLimitWords;
  options.nestingLimit = kCapnpNestingLimit;
  capnp::FlatArrayMessageReader message(words, options);
  capnp::DynamicStruct::Reader root =
      message.getRoot<capnp::DynamicStruct>(capnp::Schema::from<schemas::Document>());
  KJ_IF_MAYBE (arm, root.which()) {
    return ReadAlternative(std::string_view(arm->getProto().getName().cStr()), root);
  }
  return Malformed("Cap'n Proto Document has an unknown union arm");
}

}  // namespace

Result<trade::Document> DecodeCapnp(std::string_view body) {
  if (body.size() > kMaxCapnpBodyBytes) {
    return ResourceExhausted("Cap'n Proto body of " + std::to_string(body.size()) +
                             " bytes exceeds the limit of " + std::to_string(kMaxCapnpBodyBytes));
  }
  if (body.empty() || body.size() % sizeof(capnp::word) != 0) {
    return Malformed("Cap'n Proto body must be a non-empty whole number of 8-byte words");
  }
  // Copy into aligned words: the body arrives at any alignment, capnp reads words.
  kj::Array<capnp::word> words = kj::heapArray<capnp::word>(body.size() / sizeof(capnp::word));
  std::memcpy(words.begin(), body.data(), body.size());
  try {
    return DecodeMessage(words.asPtr());
  } catch (const kj::Exception& e) {
    std::string description(e.getDescription().cStr());
    if (description.find("limit") != std::string::npos) {
      return ResourceExhausted("Cap'n Proto message exceeds a read limit: " + description);
    }
    return Malformed("Cap'n Proto message is malformed: " + description);
  } catch (const std::exception& e) {
    return Malformed(std::string("Cap'n Proto message is malformed: ") + e.what());
  }
}

Result<std::string> EncodeCapnp(const trade::Document& document) {
  try {
    capnp::MallocMessageBuilder message;
    capnp::DynamicStruct::Builder root =
        message.initRoot<capnp::DynamicStruct>(capnp::Schema::from<schemas::Document>());
    std::visit(
        [&](const auto& d) {
          using T = std::decay_t<decltype(d)>;
          std::string arm(FieldList<T>::kName);
          WriteStruct(root.init(arm.c_str()).template as<capnp::DynamicStruct>(), d);
        },
        document);
    kj::Array<capnp::word> words = capnp::messageToFlatArray(message);
    kj::ArrayPtr<const kj::byte> bytes = words.asBytes();
    return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
  } catch (const kj::Exception& e) {
    return Internal(std::string("Cap'n Proto schema and field lists disagree: ") +
                    e.getDescription().cStr());
  }
}

}  // namespace lcproc::formats
