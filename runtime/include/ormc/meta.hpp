// Compile-time metadata of generated entities: the vocabulary that `ormc generate` fills in
// (one Model<T> per struct, one Enum<E> per enum) and the helpers that read it. Everything
// is constexpr and found by type: no registration at startup, no macros, no RTTI.
//
// The design, in short (docs/generated-code.md has the long form):
//  - A descriptor's *type* carries what code must check at compile time: Column<&User::karma>
//    knows its entity (User) and C++ value type (std::int32_t) from the member pointer; a
//    Key<&Post::authorId> lists members; Relation<&Post::author, ...> knows its target type.
//  - A descriptor's *value* carries the rest (names, SQL types, flags, defaults), and since it
//    lives in a static constexpr tuple it can be read in constant expressions too:
//    column<&User::karma>().nullable is a compile-time bool.
// Generic code (CRUD, the query DSL, the session) iterates these tuples; nothing is per model.
#pragma once

#include "ormc/relation.hpp"
#include "ormc/types.hpp"

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ormc::meta {

// The shape of the metadata. Generated headers static_assert that it equals the value they
// were generated for, so a header from another ormc version fails with one clear message.
inline constexpr int kVersion = 1;

// ---- Vocabulary ----

// The schema type of a column (LANGUAGE.md "Scalar types"). Enum columns name the C++ enum
// through their member type; see Enum<E>.
enum class ScalarKind : std::uint8_t { Bool, Int32, Int64, Float64, Decimal, String, Text, Bytes, Date, DateTime, Uuid, Json, Enum };

struct ColumnType {
  ScalarKind kind = ScalarKind::Int64;
  std::uint32_t length = 0;     // String(n); 0 means unbounded
  std::uint32_t precision = 0;  // Decimal(p, s)
  std::uint32_t scale = 0;
};

// The column's type as each database's DDL spells it.
struct SqlType {
  std::string_view sqlite{};
  std::string_view mysql{};
};

// What @default says. Literal defaults are also the generated member's initial value, so
// inserting a fresh struct stores them. Now and Uuid are filled in by the runtime when the
// member still holds its value-initialised "not set" state: the epoch (DateTime), a Date that
// is not ok(), the nil Uuid.
enum class DefaultKind : std::uint8_t { None, Literal, Now, Uuid };

struct Default {
  DefaultKind kind = DefaultKind::None;
  // Literal: the schema's literal in canonical form ("0.00", "-1", "true", "EUR",
  // "2024-01-01", "2024-01-01T09:30:00Z", "{}"), except that an enum default is given as the
  // value the database stores ("r" for `reader @map("r")`), not as its name.
  std::string_view literal{};
};

enum class ReferentialAction : std::uint8_t { NoAction, Restrict, Cascade, SetNull };

// A relation seen from the side that declares the field.
enum class RelationKind : std::uint8_t {
  ManyToOne,   // `author User`: this side holds the foreign key; ToOne
  OneToMany,   // `posts Post[]`: the target holds the foreign key; ToMany
  OneToOne,    // `user User` with a unique FK (owner) or `profile Profile?` (inverse); ToOne
  ManyToMany,  // `tags Tag[]`: rows live in a join table; ToMany
};

namespace detail {

template <class>
struct MemberPointer {
  static constexpr bool valid = false;
};
template <class C, class V>
struct MemberPointer<V C::*> {
  static constexpr bool valid = true;
  using Class = C;
  using Value = V;
};

template <class T>
struct Optional {
  static constexpr bool value = false;
  using Type = T;
};
template <class T>
struct Optional<std::optional<T>> {
  static constexpr bool value = true;
  using Type = T;
};

template <class>
struct Holder {
  static constexpr bool valid = false;
};
template <class T>
struct Holder<ToOne<T>> {
  static constexpr bool valid = true;
  static constexpr bool many = false;
  using Target = T;
};
template <class T>
struct Holder<ToMany<T>> {
  static constexpr bool valid = true;
  static constexpr bool many = true;
  using Target = T;
};

}  // namespace detail

// A pointer to a data member (`&User::email`).
template <auto M>
concept DataMember = detail::MemberPointer<decltype(M)>::valid && std::is_member_object_pointer_v<decltype(M)>;

// The entity a member pointer belongs to, and the member's declared type.
template <auto M>
  requires DataMember<M>
using OwnerOf = typename detail::MemberPointer<decltype(M)>::Class;
template <auto M>
  requires DataMember<M>
using MemberType = typename detail::MemberPointer<decltype(M)>::Value;

// One stored column. The type identifies the column (its member pointer); the fields describe
// it. Generated code writes these with designated initializers, naming only what is set.
template <auto Member>
  requires DataMember<Member>
struct Column {
  using Entity = OwnerOf<Member>;
  using Value = MemberType<Member>;                               // e.g. std::optional<std::string>
  using Scalar = typename detail::Optional<Value>::Type;          // e.g. std::string
  static constexpr auto member = Member;

  std::string_view name{};   // SQL column name
  std::string_view field{};  // schema field name
  ColumnType type{};
  SqlType sql{};
  Default defaultValue{};
  bool nullable = false;       // NULL allowed; the member is std::optional
  bool primaryKey = false;     // part of the primary key
  bool autoincrement = false;  // the database assigns it on insert
  bool updatedAt = false;      // set by the runtime on every update
  bool version = false;        // optimistic-locking counter, bumped on every update

  static constexpr Value& get(Entity& entity) noexcept { return entity.*Member; }
  static constexpr const Value& get(const Entity& entity) noexcept { return entity.*Member; }
};

// An ordered list of columns of one entity (primary key, index, either end of a foreign key).
// `Type` is the value of the key: the member type for one column, a std::tuple for several.
template <auto First, auto... Rest>
  requires DataMember<First> && (DataMember<Rest> && ...)
struct Key {
  using Entity = OwnerOf<First>;
  static_assert((std::is_same_v<OwnerOf<Rest>, Entity> && ...), "ormc: the columns of a key belong to one entity");
  static constexpr std::size_t size = 1 + sizeof...(Rest);
  static constexpr auto members = std::tuple{First, Rest...};
  using Type = std::conditional_t<sizeof...(Rest) == 0, MemberType<First>, std::tuple<MemberType<First>, MemberType<Rest>...>>;

  static constexpr Type get(const Entity& entity) {
    if constexpr (sizeof...(Rest) == 0) {
      return entity.*First;
    } else {
      return Type{entity.*First, entity.*Rest...};
    }
  }
};

template <auto... Members>
struct PrimaryKey {
  using Columns = Key<Members...>;
  std::string_view name{};  // constraint name, <table>_pkey
};

// A unique constraint (unique == true) or a plain index, in declaration order.
template <auto... Members>
struct Index {
  using Columns = Key<Members...>;
  std::string_view name{};
  bool unique = false;
};

// Columns of this entity that reference References (the target's primary key or a unique
// key), pairwise in order.
template <class ColumnsKey, class ReferencesKey>
  requires(ColumnsKey::size == ReferencesKey::size)
struct ForeignKey {
  using Columns = ColumnsKey;
  using References = ReferencesKey;
  using Target = typename ReferencesKey::Entity;
  std::string_view name{};
  ReferentialAction onDelete = ReferentialAction::NoAction;
  ReferentialAction onUpdate = ReferentialAction::Cascade;
};

// One relation field. Whatever the kind, the related rows are those where
// `this.LocalKey[i] == target.TargetKey[i]` for every i:
//  - ManyToOne / OneToOne owner: LocalKey = this side's FK columns, TargetKey = what they reference;
//  - OneToMany / OneToOne inverse: LocalKey = this side's referenced key, TargetKey = the
//    target's FK columns;
//  - ManyToMany: LocalKey / TargetKey are both sides' primary keys, and the join table row
//    (joinColumns[i] == LocalKey[i], joinTargetColumns[i] == TargetKey[i]) links them.
template <auto HolderMember, class LocalKey, class TargetKey>
  requires DataMember<HolderMember> && detail::Holder<MemberType<HolderMember>>::valid
struct Relation {
  using Entity = OwnerOf<HolderMember>;
  using Holder = MemberType<HolderMember>;  // ToOne<Target> or ToMany<Target>
  using Target = typename detail::Holder<Holder>::Target;
  using Local = LocalKey;
  using Remote = TargetKey;
  static constexpr auto member = HolderMember;
  static constexpr bool many = detail::Holder<Holder>::many;
  static_assert(std::is_same_v<typename LocalKey::Entity, Entity>, "ormc: a relation's local key belongs to its entity");
  static_assert(std::is_same_v<typename TargetKey::Entity, Target>, "ormc: a relation's target key belongs to its target");

  std::string_view field{};    // the relation field's schema name
  std::string_view name{};     // the relation's name: @relation("Name") or "<Owner>To<Inverse>"
  RelationKind kind = RelationKind::ManyToOne;
  bool owner = false;          // this side's table holds the foreign key
  bool optional = false;       // a to-one that may be empty (`Profile?`)
  std::string_view inverse{};  // the partner field on Target; empty if the schema declares none
  ReferentialAction onDelete = ReferentialAction::NoAction;  // of the foreign key behind the relation
  ReferentialAction onUpdate = ReferentialAction::Cascade;
  std::string_view joinTable{};  // ManyToMany only, like the two arrays below
  std::array<std::string_view, LocalKey::size> joinColumns{};
  std::array<std::string_view, TargetKey::size> joinTargetColumns{};

  static constexpr Holder& get(Entity& entity) noexcept { return entity.*HolderMember; }
  static constexpr const Holder& get(const Entity& entity) noexcept { return entity.*HolderMember; }
};

// Specialised by generated code for every model struct:
//   using Entity; name; table; columns (tuple of Column); primaryKey (PrimaryKey);
//   indexes (tuple of Index); foreignKeys (tuple of ForeignKey); relations (tuple of Relation).
template <class T>
struct Model;

// Specialised by generated code for every enum:
//   name; values (std::array<E, N> in declaration order); names (schema names); stored (the
//   values stored in the database: @map or the name), all in the same order.
template <class E>
struct Enum;

}  // namespace ormc::meta

namespace ormc {

// A generated model struct: it has a meta::Model specialisation.
template <class T>
concept Entity = requires {
  typename meta::Model<T>::Entity;
  meta::Model<T>::table;
  meta::Model<T>::columns;
  meta::Model<T>::primaryKey;
  meta::Model<T>::relations;
} && std::same_as<typename meta::Model<T>::Entity, T>;

// A generated enum: it has a meta::Enum specialisation.
template <class E>
concept MappedEnum = std::is_enum_v<E> && requires {
  meta::Enum<E>::values;
  meta::Enum<E>::names;
  meta::Enum<E>::stored;
};

}  // namespace ormc

namespace ormc::meta {

// ---- Models ----

template <Entity T>
inline constexpr std::size_t columnCount = std::tuple_size_v<std::remove_cvref_t<decltype(Model<T>::columns)>>;

template <Entity T>
inline constexpr std::size_t relationCount = std::tuple_size_v<std::remove_cvref_t<decltype(Model<T>::relations)>>;

// Calls f(descriptor) for each column of T, in declaration order. The descriptor's type gives
// the member pointer (std::remove_cvref_t<decltype(c)>::member) for compile-time dispatch.
template <Entity T, class F>
constexpr void forEachColumn(F&& f) {
  std::apply([&](const auto&... column) { (f(column), ...); }, Model<T>::columns);
}

template <Entity T, class F>
constexpr void forEachRelation(F&& f) {
  std::apply([&](const auto&... relation) { (f(relation), ...); }, Model<T>::relations);
}

template <Entity T, class F>
constexpr void forEachForeignKey(F&& f) {
  std::apply([&](const auto&... key) { (f(key), ...); }, Model<T>::foreignKeys);
}

template <Entity T, class F>
constexpr void forEachIndex(F&& f) {
  std::apply([&](const auto&... index) { (f(index), ...); }, Model<T>::indexes);
}

namespace detail {

template <auto A, auto B>
consteval bool sameMember() {
  if constexpr (std::is_same_v<decltype(A), decltype(B)>) {
    return A == B;
  } else {
    return false;
  }
}

// The position of the element of `Tuple` whose ::member is M, or the tuple's size.
template <auto M, class Tuple>
consteval std::size_t indexOfMember() {
  constexpr std::size_t n = std::tuple_size_v<Tuple>;
  return []<std::size_t... I>(std::index_sequence<I...>) {
    std::size_t found = n;
    ((found == n && sameMember<std::tuple_element_t<I, Tuple>::member, M>() ? (found = I, 0) : 0), ...);
    return found;
  }(std::make_index_sequence<n>{});
}

}  // namespace detail

// The position of the column stored in member M among its model's columns.
template <auto M>
  requires DataMember<M> && Entity<OwnerOf<M>>
inline constexpr std::size_t columnIndex =
    detail::indexOfMember<M, std::remove_cvref_t<decltype(Model<OwnerOf<M>>::columns)>>();

// The descriptor of the column stored in member M, as a constant expression:
// column<&User::karma>().name == "karma".
template <auto M>
  requires DataMember<M> && Entity<OwnerOf<M>>
constexpr const auto& column() noexcept {
  constexpr std::size_t index = columnIndex<M>;
  constexpr bool found = index < columnCount<OwnerOf<M>>;
  static_assert(found, "ormc: this member is not a stored column of its model (a relation field has no column)");
  // Index 0 when not found, so that the assert above is the only error.
  return std::get<found ? index : 0>(Model<OwnerOf<M>>::columns);
}

// The descriptor of the relation held in member M (a ToOne or ToMany member).
template <auto M>
  requires DataMember<M> && Entity<OwnerOf<M>>
constexpr const auto& relation() noexcept {
  using Relations = std::remove_cvref_t<decltype(Model<OwnerOf<M>>::relations)>;
  constexpr std::size_t index = detail::indexOfMember<M, Relations>();
  constexpr bool found = index < std::tuple_size_v<Relations>;
  static_assert(found, "ormc: this member is not a relation field of its model");
  return std::get<found ? index : 0>(Model<OwnerOf<M>>::relations);
}

// The primary key's value type: the column's type, or a std::tuple for a composite key.
template <Entity T>
using PrimaryKeyType = typename std::remove_cvref_t<decltype(Model<T>::primaryKey)>::Columns::Type;

template <Entity T>
constexpr PrimaryKeyType<T> primaryKeyOf(const T& entity) {
  return std::remove_cvref_t<decltype(Model<T>::primaryKey)>::Columns::get(entity);
}

// ---- Enums ----

// The value's name in the schema ("reader").
template <MappedEnum E>
constexpr std::string_view enumName(E value) noexcept {
  for (std::size_t i = 0; i < Enum<E>::values.size(); ++i) {
    if (Enum<E>::values[i] == value) return Enum<E>::names[i];
  }
  return {};
}

// The value as the database stores it ("r" for `reader @map("r")`).
template <MappedEnum E>
constexpr std::string_view enumStored(E value) noexcept {
  for (std::size_t i = 0; i < Enum<E>::values.size(); ++i) {
    if (Enum<E>::values[i] == value) return Enum<E>::stored[i];
  }
  return {};
}

// The value named `name` in the schema, or nullopt.
template <MappedEnum E>
constexpr std::optional<E> enumFromName(std::string_view name) noexcept {
  for (std::size_t i = 0; i < Enum<E>::values.size(); ++i) {
    if (Enum<E>::names[i] == name) return Enum<E>::values[i];
  }
  return std::nullopt;
}

// The value stored as `stored`, or nullopt (a value another program wrote, say).
template <MappedEnum E>
constexpr std::optional<E> enumFromStored(std::string_view stored) noexcept {
  for (std::size_t i = 0; i < Enum<E>::values.size(); ++i) {
    if (Enum<E>::stored[i] == stored) return Enum<E>::values[i];
  }
  return std::nullopt;
}

// ---- Consistency of generated code ----

// True if `kind` is the schema type that C++ type `Scalar` stores.
template <class Scalar>
constexpr bool storesKind(ScalarKind kind) noexcept {
  switch (kind) {
    case ScalarKind::Bool: return std::is_same_v<Scalar, bool>;
    case ScalarKind::Int32: return std::is_same_v<Scalar, std::int32_t>;
    case ScalarKind::Int64: return std::is_same_v<Scalar, std::int64_t>;
    case ScalarKind::Float64: return std::is_same_v<Scalar, double>;
    case ScalarKind::Decimal: return std::is_same_v<Scalar, Decimal>;
    case ScalarKind::String:
    case ScalarKind::Text: return std::is_same_v<Scalar, std::string>;
    case ScalarKind::Bytes: return std::is_same_v<Scalar, Bytes>;
    case ScalarKind::Date: return std::is_same_v<Scalar, Date>;
    case ScalarKind::DateTime: return std::is_same_v<Scalar, DateTime>;
    case ScalarKind::Uuid: return std::is_same_v<Scalar, Uuid>;
    case ScalarKind::Json: return std::is_same_v<Scalar, Json>;
    case ScalarKind::Enum: return MappedEnum<Scalar>;
  }
  return false;
}

namespace detail {

template <class T, std::size_t I>
consteval bool checkColumn() {
  constexpr const auto& c = std::get<I>(Model<T>::columns);
  using C = std::remove_cvref_t<decltype(c)>;
  static_assert(std::is_same_v<typename C::Entity, T>, "ormc: a column of Model<T> is a member of another struct");
  static_assert(c.nullable == Optional<typename C::Value>::value,
                "ormc: a column's nullable flag disagrees with its member type (std::optional)");
  static_assert(storesKind<typename C::Scalar>(c.type.kind), "ormc: a column's ScalarKind disagrees with its member's C++ type");
  static_assert(!c.autoincrement || c.primaryKey, "ormc: an autoincrement column is not in the primary key");
  return true;
}

template <class T, std::size_t I>
consteval bool checkRelation() {
  constexpr const auto& r = std::get<I>(Model<T>::relations);
  using R = std::remove_cvref_t<decltype(r)>;
  static_assert(std::is_same_v<typename R::Entity, T>, "ormc: a relation of Model<T> is a member of another struct");
  static_assert(R::many == (r.kind == RelationKind::OneToMany || r.kind == RelationKind::ManyToMany),
                "ormc: a relation's kind disagrees with its holder (ToOne / ToMany)");
  return true;
}

}  // namespace detail

// Checks, at compile time, that Model<T> agrees with the struct T and with this runtime:
// member types match column kinds and nullability, holders match relation kinds. Generated
// .cpp files assert it once per model; a failure names the rule that was broken.
template <Entity T>
consteval bool checkModel() {
  return []<std::size_t... C, std::size_t... R>(std::index_sequence<C...>, std::index_sequence<R...>) {
    return (detail::checkColumn<T, C>() && ... && true) && (detail::checkRelation<T, R>() && ... && true);
  }(std::make_index_sequence<columnCount<T>>{}, std::make_index_sequence<relationCount<T>>{});
}

}  // namespace ormc::meta
