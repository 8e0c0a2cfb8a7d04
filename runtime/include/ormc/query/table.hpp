// What generated code declares for queries: per model, a specialisation of Columns<T> whose
// members are the model's columns and relations, named like the struct's members, and one
// constant of it in the schema's `q` namespace:
//
//   template <>
//   struct ormc::query::Columns<::blog::User> {
//     ::ormc::query::Column<&::blog::User::id> id{};
//     ...
//     ::ormc::query::RelationRef<&::blog::User::posts> posts{};
//   };
//   namespace blog::q {
//   inline constexpr ::ormc::query::Columns<::blog::User> User{};
//   }
//
// so that a query reads `q::User.karma > 5` and never collides with the entity's own members.
// The object itself stands for "the whole entity" in a projection: db.select(q::User, q::Post).
// Columns<T> has no members of its own, so any field name is free.
#pragma once

#include "ormc/meta.hpp"
#include "ormc/query/type_list.hpp"

#include <type_traits>

namespace ormc::query {

template <class T>
struct Columns;

namespace detail {
template <class T>
struct TableOf {
  static constexpr bool value = false;
};
template <class T>
struct TableOf<Columns<T>> {
  static constexpr bool value = true;
  using Entity = T;
};
}  // namespace detail

// A query object of generated code (q::User).
template <class E>
concept TableType = detail::TableOf<std::remove_cvref_t<E>>::value;

// The entity a query object stands for.
template <TableType E>
using TableEntity = typename detail::TableOf<std::remove_cvref_t<E>>::Entity;

// A relation field (`User.posts`), for join(), left_join() and include().
template <auto M>
  requires meta::DataMember<M>
struct RelationRef {
  using Entity = meta::OwnerOf<M>;
  using Target = typename meta::detail::Holder<meta::MemberType<M>>::Target;
  static constexpr auto member = M;
  static constexpr const auto& descriptor() noexcept { return meta::relation<M>(); }
};

namespace detail {
template <class R>
inline constexpr bool isRelationRef = false;
template <auto M>
inline constexpr bool isRelationRef<RelationRef<M>> = true;
}  // namespace detail

template <class R>
concept RelationRefType = detail::isRelationRef<std::remove_cvref_t<R>>;

}  // namespace ormc::query
