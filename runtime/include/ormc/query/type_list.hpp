// A compile-time list of types: which entities an expression reads, which a query has.
#pragma once

#include <type_traits>

namespace ormc::query {

template <class... Ts>
struct TypeList {};

namespace detail {

template <class A, class B>
struct ConcatImpl;
template <class... A, class... B>
struct ConcatImpl<TypeList<A...>, TypeList<B...>> {
  using type = TypeList<A..., B...>;
};

template <class List, class T>
struct ContainsImpl;
template <class... Ts, class T>
struct ContainsImpl<TypeList<Ts...>, T> : std::bool_constant<(std::is_same_v<Ts, T> || ...)> {};

template <class Sub, class Super>
struct SubsetImpl;
template <class... Ts, class Super>
struct SubsetImpl<TypeList<Ts...>, Super> : std::bool_constant<(ContainsImpl<Super, Ts>::value && ...)> {};

}  // namespace detail

template <class A, class B>
using Concat = typename detail::ConcatImpl<A, B>::type;

template <class List, class T>
inline constexpr bool listContains = detail::ContainsImpl<List, T>::value;

// Every type of Sub is in Super.
template <class Sub, class Super>
inline constexpr bool subsetOf = detail::SubsetImpl<Sub, Super>::value;

}  // namespace ormc::query
