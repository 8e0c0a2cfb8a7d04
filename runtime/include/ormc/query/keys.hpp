// Keys as the query layer needs them: the SQL names of a meta::Key's columns, and its value
// read from an entity without std::optional (a nullable foreign key that is NULL has no value).
#pragma once

#include "ormc/dialect.hpp"
#include "ormc/meta.hpp"
#include "ormc/value_codec.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ormc::query::keys {

template <class T>
using Plain = typename meta::detail::Optional<T>::Type;

template <class Key>
struct KeyTraits;

template <auto... Ms>
struct KeyTraits<meta::Key<Ms...>> {
  using Entity = typename meta::Key<Ms...>::Entity;
  using Parts = std::tuple<Plain<meta::MemberType<Ms>>...>;
  // The key's value with every std::optional removed: the member's type for one column, a
  // tuple for several.
  using Value = std::conditional_t<sizeof...(Ms) == 1, std::tuple_element_t<0, Parts>, Parts>;

  static constexpr std::array<std::string_view, sizeof...(Ms)> columnNames() { return {meta::column<Ms>().name...}; }

  // The key's value in `entity`, or nullopt if one of its columns is NULL.
  static std::optional<Value> valueOf(const Entity& entity) {
    if ((isNull<Ms>(entity) || ...)) return std::nullopt;
    if constexpr (sizeof...(Ms) == 1) {
      return (part<Ms>(entity), ...);
    } else {
      return Value{part<Ms>(entity)...};
    }
  }

 private:
  template <auto M>
  static bool isNull(const Entity& entity) {
    if constexpr (meta::detail::Optional<meta::MemberType<M>>::value) {
      return !(entity.*M).has_value();
    } else {
      return false;
    }
  }
  template <auto M>
  static Plain<meta::MemberType<M>> part(const Entity& entity) {
    if constexpr (meta::detail::Optional<meta::MemberType<M>>::value) {
      return *(entity.*M);
    } else {
      return entity.*M;
    }
  }
};

template <class Key>
constexpr auto columnNames() {
  return KeyTraits<Key>::columnNames();
}

template <class Key>
using Value = typename KeyTraits<Key>::Value;

template <class Key>
std::optional<Value<Key>> valueOf(const typename Key::Entity& entity) {
  return KeyTraits<Key>::valueOf(entity);
}

// Binds a key value from parameter `index` on; returns the next index.
template <class V>
int bind(Statement& statement, const V& value, int index) {
  if constexpr (requires { std::tuple_size<V>::value; }) {
    std::apply([&](const auto&... part) { (bindValue(statement, index++, part), ...); }, value);
  } else {
    bindValue(statement, index++, value);
  }
  return index;
}

// Reads a key value from result columns `first`...; returns the value.
template <class V>
V read(Statement& statement, int first) {
  if constexpr (requires { std::tuple_size<V>::value; }) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return V{readValue<std::tuple_element_t<I, V>>(statement, first + static_cast<int>(I))...};
    }(std::make_index_sequence<std::tuple_size_v<V>>{});
  } else {
    return readValue<V>(statement, first);
  }
}

// `"table"."a", "table"."b"`: the key's columns, for a select list.
template <std::size_t N>
void renderColumnList(const Dialect& dialect, std::string& sql, std::string_view table,
                      const std::array<std::string_view, N>& columns) {
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) sql += ", ";
    dialect.appendIdentifier(sql, table);
    sql += '.';
    dialect.appendIdentifier(sql, columns[i]);
  }
}

// `"table"."a"` or `("table"."a", "table"."b")`: the key's columns as one SQL value.
template <std::size_t N>
void renderColumns(const Dialect& dialect, std::string& sql, std::string_view table,
                   const std::array<std::string_view, N>& columns) {
  if (N > 1) sql += '(';
  renderColumnList(dialect, sql, table, columns);
  if (N > 1) sql += ')';
}

// `?` or `(?, ?)`: one key value's parameters.
inline void renderPlaceholders(std::string& sql, std::size_t columns) {
  if (columns > 1) sql += '(';
  for (std::size_t i = 0; i < columns; ++i) sql += i == 0 ? "?" : ", ?";
  if (columns > 1) sql += ')';
}

}  // namespace ormc::query::keys
