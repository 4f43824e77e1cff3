#include "pipeline/formats/json_schema.h"

#include <boost/json.hpp>
#include <limits>
#include <variant>

#include "pipeline/formats/document_fields_internal.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/json_value_codec_internal.h"

namespace lcproc::formats {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

object StringWithPattern(std::string_view pattern, std::string_view description) {
  return object{{"type", "string"}, {"pattern", pattern}, {"description", description}};
}

class SchemaBuilder {
 public:
  explicit SchemaBuilder(object& defs) : defs_(defs) {}

  template <class T>
  value For() {
    if constexpr (IsOptional<T>::value) {
      return For<typename T::value_type>();
    } else if constexpr (IsVector<T>::value) {
      return object{{"type", "array"},
                    {"maxItems", kMaxJsonArrayLength},
                    {"items", For<typename T::value_type>()}};
    } else if constexpr (std::is_same_v<T, bool>) {
      return object{{"type", "boolean"}};
    } else if constexpr (std::is_integral_v<T>) {
      return object{{"type", "integer"},
                    {"minimum", std::numeric_limits<T>::min()},
                    {"maximum", std::numeric_limits<T>::max()}};
    } else if constexpr (std::is_same_v<T, std::string>) {
      return object{{"type", "string"}, {"maxLength", kMaxJsonStringLength}};
    } else if constexpr (std::is_same_v<T, trade::Date>) {
      return object{
          {"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
    } else if constexpr (std::is_same_v<T, trade::CurrencyCode>) {
      return StringWithPattern("^[A-Z]{3}$", "ISO 4217 alphabetic currency code");
    } else if constexpr (std::is_same_v<T, trade::CountryCode>) {
      return StringWithPattern("^[A-Z]{2}$", "ISO 3166-1 alpha-2 country code");
    } else if constexpr (std::is_same_v<T, trade::Bic>) {
      return StringWithPattern("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$",
                               "ISO 9362 business identifier code, 8 or 11 characters");
    } else if constexpr (std::is_same_v<T, trade::DateTerm>) {
      return object{{"type", "string"},
                    {"description",
                     "UCP 600 art. 3 date term: \"ON OR ABOUT 2026-10-15\", "
                     "\"BETWEEN 2026-10-01 AND 2026-10-15\", \"FIRST HALF 2026-10\" …"}};
    } else if constexpr (std::is_same_v<T, trade::Incoterm>) {
      array names;
      for (int i = static_cast<int>(trade::Incoterm::kExw);
           i <= static_cast<int>(trade::Incoterm::kDdp); ++i) {
        names.emplace_back(trade::IncotermName(static_cast<trade::Incoterm>(i)));
      }
      return object{{"type", "string"}, {"enum", names}, {"description", "Incoterms 2020 rule"}};
    } else if constexpr (NamedEnum<T>) {
      array names;
      for (T v : EnumNames<T>::kValues) names.emplace_back(EnumNames<T>::Name(v));
      return object{{"type", "string"}, {"enum", names}};
    } else if constexpr (std::is_same_v<T, trade::Money>) {
      return Ref("money", [] {
        return Closed(object{{"currency", StringWithPattern("^[A-Z]{3}$", "ISO 4217 code")},
                             {"amount", StringWithPattern("^[0-9]+(\\.[0-9]+)?$",
                                                          "exact decimal, at most the currency's "
                                                          "minor units; never a JSON number")}},
                      array{"currency", "amount"});
      });
    } else if constexpr (std::is_same_v<T, trade::Quantity>) {
      return Ref("quantity", [] {
        return Closed(
            object{{"value", StringWithPattern("^[0-9]+(\\.[0-9]{1,3})?$",
                                               "exact decimal, at most 3 places")},
                   {"unit", object{{"type", "string"}, {"description", "MT, KG, PCS …"}}}},
            array{"value", "unit"});
      });
    } else {
      static_assert(DescribedStruct<T>);
      return Ref(FieldList<T>::kName, [this] { return Struct<T>(); });
    }
  }

  template <class T>
  object Struct() {
    Members members(*this);
    T sample{};
    FieldList<T>::Visit(members, sample);
    return Closed(std::move(members.properties), std::move(members.required));
  }

  static object Closed(object properties, array required) {
    object o{{"type", "object"}, {"additionalProperties", false}};
    if (!required.empty()) o["required"] = std::move(required);
    o["properties"] = std::move(properties);
    return o;
  }

  struct Members {
    explicit Members(SchemaBuilder& b) : builder(b) {}
    template <class T>
    void Required(std::string_view name, T&) {
      properties[name] = builder.For<T>();
      if (!IsOptional<T>::value) required.emplace_back(name);
    }
    template <class T>
    void Optional(std::string_view name, T&) {
      properties[name] = builder.For<T>();
    }
    SchemaBuilder& builder;
    object properties;
    array required;
  };

 private:
  template <class F>
  value Ref(std::string_view name, F make) {
    if (!defs_.contains(name)) {
      defs_[name] = object{};  // placeholder first: a type may refer to itself
      defs_[name] = make();
    }
    return object{{"$ref", "#/$defs/" + std::string(name)}};
  }

  object& defs_;
};

template <size_t I = 0>
object DocumentSchema(trade::DocumentType type, object& defs) {
  if constexpr (I == std::variant_size_v<trade::Document>) {
    return object{};
  } else {
    using T = std::variant_alternative_t<I, trade::Document>;
    if (static_cast<size_t>(type) != I) return DocumentSchema<I + 1>(type, defs);
    SchemaBuilder builder(defs);
    object body = builder.Struct<T>();
    // "type" names the document and comes first.
    object properties{{"type", object{{"const", FieldList<T>::kName}}}};
    for (auto& kv : body["properties"].as_object()) properties[kv.key()] = kv.value();
    array required{"type"};
    if (const value* r = body.if_contains("required")) {
      for (const value& member : r->as_array()) required.push_back(member);
    }
    return SchemaBuilder::Closed(std::move(properties), std::move(required));
  }
}

}  // namespace

std::string JsonSchemaFor(trade::DocumentType type) {
  std::string name(trade::DocumentTypeName(type));
  object defs;
  object body = DocumentSchema(type, defs);
  object schema{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                {"$id", "https://lcproc.example/schemas/json/" + name + ".schema.json"},
                {"title", "lcproc " + name},
                {"description", "The JSON form of a " + name +
                                    " document accepted by lcproc (application/json). Generated "
                                    "from pipeline/formats/document_fields_internal.h."}};
  for (auto& kv : body) schema[kv.key()] = kv.value();
  if (!defs.empty()) schema["$defs"] = std::move(defs);
  return PrettyJson(schema);
}

}  // namespace lcproc::formats
