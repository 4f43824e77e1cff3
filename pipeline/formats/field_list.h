// FieldList and EnumNames: the one place that names the members of every trade type on
// the wire.
//
// A trade struct T is described once, by a specialization
//
//   template <> struct FieldList<trade::Party> {
//     template <class V, class P> static void Visit(V& v, P& p) {
//       v.Required("name", p.name);
//       v.Optional("address", p.address);
//     }
//   };
//
// (P is Party or const Party). Every codec is a visitor over these lists: the JSON
// decoder and encoder, the Cap'n Proto reader and builder (whose schema, schemas/trade.capnp,
// uses the same names), and the JSON Schema writer. So the JSON, the binary form and the
// published schema cannot drift apart: a name exists once.
//
// Required members must be present when decoding; Optional members may be absent (the
// member keeps its default) and are left out when encoding while equal to their default.
// Enums are named by EnumNames<E>::kNames, camelCase strings that are also the Cap'n Proto
// enumerants. Header-only templates; thread-safe (no state).
#pragma once

#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pipeline/trade/boxed.h"

namespace lcproc::formats {

template <class T>
struct FieldList;  // specialised per struct in document_fields_internal.h

// Specialised per enum: `static constexpr E kValues[]` (every value, for schemas) and
// `Name(E)` / `Parse(string_view)` (trade's camelCase name functions).
template <class E>
struct EnumNames;

template <class T>
concept DescribedStruct = requires(T& t) {
  FieldList<std::remove_const_t<T>>::kName;
};

template <class E>
concept NamedEnum = std::is_enum_v<E> && requires {
  EnumNames<E>::kValues;
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsOptional<trade::Boxed<T>> : std::true_type {};

template <class T>
struct IsVector : std::false_type {};
template <class T, class A>
struct IsVector<std::vector<T, A>> : std::true_type {};

}  // namespace lcproc::formats
