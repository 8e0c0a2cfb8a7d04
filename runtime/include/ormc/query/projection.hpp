// What a SELECT returns: a whole entity (db.query<User>()), or a tuple of columns, whole
// entities and aggregates (db.select(q::User.id, count())). Each item renders its select-list
// entry and reads its part of a row; an item that belongs to a LEFT JOINed entity reads as
// std::optional, since the joined row may be missing.
#pragma once

#include "ormc/crud.hpp"
#include "ormc/query/expression.hpp"
#include "ormc/query/sql_text.hpp"
#include "ormc/query/table.hpp"
#include "ormc/query/type_list.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ormc::query {

// ---- Aggregates ----

enum class AggregateKind : std::uint8_t { Count, Sum, Avg, Min, Max };

// COUNT(*).
struct CountAll {
  static constexpr bool isExpression = true;
  static constexpr bool isAggregate = true;
  static constexpr bool dynamicShape = false;
  using Value = std::int64_t;
  using Entities = TypeList<>;
  void render(RenderContext& c) const { c.sql += "COUNT(*)"; }
  void bind(BindContext&) const {}
};

template <AggregateKind Kind, class E>
struct Aggregate {
  static constexpr bool isExpression = true;
  static constexpr bool isAggregate = true;
  static constexpr bool dynamicShape = E::dynamicShape;
  using Operand = Scalar<typename E::Value>;
  // COUNT is never NULL; the others are NULL over no rows. SUM of integers is a 64-bit integer,
  // AVG a double whatever it averages.
  using Value = std::conditional_t<
      Kind == AggregateKind::Count, std::int64_t,
      std::optional<std::conditional_t<
          Kind == AggregateKind::Avg, double,
          std::conditional_t<Kind == AggregateKind::Sum && detail::isInteger<Operand>, std::int64_t, Operand>>>>;
  using Entities = typename E::Entities;
  E operand;

  void render(RenderContext& c) const {
    switch (Kind) {
      case AggregateKind::Count: c.sql += "COUNT("; break;
      case AggregateKind::Sum: c.sql += "SUM("; break;
      case AggregateKind::Avg: c.sql += "AVG("; break;
      case AggregateKind::Min: c.sql += "MIN("; break;
      case AggregateKind::Max: c.sql += "MAX("; break;
    }
    if constexpr (Kind == AggregateKind::Min || Kind == AggregateKind::Max) {
      renderOrdered(c, operand);
    } else {
      operand.render(c);
    }
    c.sql += ')';
  }
  void bind(BindContext& b) const { operand.bind(b); }
};

inline CountAll count() { return {}; }

template <class E>
  requires Expression<E>
auto count(const E& e) {
  return Aggregate<AggregateKind::Count, E>{e};
}

template <class E>
  requires Expression<E>
auto sum(const E& e) {
  static_assert(detail::isNumber<Scalar<typename E::Value>> || std::is_same_v<Scalar<typename E::Value>, Decimal>,
                "ormc: sum() adds numeric columns (Int32, Int64, Float64, Decimal)");
  return Aggregate<AggregateKind::Sum, E>{e};
}

template <class E>
  requires Expression<E>
auto avg(const E& e) {
  static_assert(detail::isNumber<Scalar<typename E::Value>> || std::is_same_v<Scalar<typename E::Value>, Decimal>,
                "ormc: avg() averages numeric columns (Int32, Int64, Float64, Decimal)");
  return Aggregate<AggregateKind::Avg, E>{e};
}

template <class E>
  requires Expression<E>
auto min(const E& e) {
  static_assert(!std::is_same_v<Scalar<typename E::Value>, Json>, "ormc: JSON values have no order: no min()");
  return Aggregate<AggregateKind::Min, E>{e};
}

template <class E>
  requires Expression<E>
auto max(const E& e) {
  static_assert(!std::is_same_v<Scalar<typename E::Value>, Json>, "ormc: JSON values have no order: no max()");
  return Aggregate<AggregateKind::Max, E>{e};
}

// ---- Select-list items ----

namespace detail {

// Writes the columns of entity T, qualified by its table.
template <Entity T>
void renderEntityColumns(RenderContext& c) {
  renderQualifiedColumns(c.dialect, c.sql, meta::Model<T>::table, columnNamesOf<T>);
}

// An entity read from a LEFT JOIN is missing when its primary key is NULL.
template <Entity T>
bool entityMissing(Statement& statement, int first) {
  int column = first;
  bool missing = false;
  meta::forEachColumn<T>([&](const auto& descriptor) {
    if (descriptor.primaryKey && statement.isNull(column)) missing = true;
    ++column;
  });
  return missing;
}

template <class Item, class LeftJoined>
struct ItemTraits;

// A whole entity: q::User.
template <class Item, class LeftJoined>
  requires TableType<Item>
struct ItemTraits<Item, LeftJoined> {
  using Entity = TableEntity<Item>;
  static constexpr bool optional = listContains<LeftJoined, Entity>;
  using Result = std::conditional_t<optional, std::optional<Entity>, Entity>;
  static constexpr int width = static_cast<int>(meta::columnCount<Entity>);
  static void render(const Item&, RenderContext& c) { renderEntityColumns<Entity>(c); }
  static void bind(const Item&, BindContext&) {}
  static Result read(Statement& statement, int first) {
    if constexpr (optional) {
      if (entityMissing<Entity>(statement, first)) return std::nullopt;
    }
    Entity entity{};
    crud::readRow(statement, entity, first);
    return entity;
  }
};

template <class List, class Entities>
struct AnyIn;
template <class List, class... Es>
struct AnyIn<List, TypeList<Es...>> : std::bool_constant<(listContains<List, Es> || ...)> {};

// A column, an aggregate, any expression.
template <class Item, class LeftJoined>
  requires Expression<Item>
struct ItemTraits<Item, LeftJoined> {
  using Value = typename Item::Value;
  static constexpr bool aggregate = requires { Item::isAggregate; };
  // A plain column of a LEFT JOINed entity may be NULL whatever its own nullability.
  static constexpr bool widen = !aggregate && !isNullable<Value> && AnyIn<LeftJoined, typename Item::Entities>::value;
  using Result = std::conditional_t<widen, std::optional<Value>, Value>;
  static constexpr int width = 1;
  static void render(const Item& item, RenderContext& c) { item.render(c); }
  static void bind(const Item& item, BindContext& b) { item.bind(b); }
  static Result read(Statement& statement, int first) { return readValue<Result>(statement, first); }
};

}  // namespace detail

template <class Item>
concept SelectItem = TableType<Item> || Expression<Item>;


// The select list of db.select(items...).
template <class... Items>
struct TupleProjection {
  std::tuple<Items...> items;

  template <class LeftJoined>
  using Row = std::tuple<typename detail::ItemTraits<Items, LeftJoined>::Result...>;

  void render(RenderContext& c) const {
    bool first = true;
    std::apply(
        [&](const auto&... item) {
          ((c.sql += first ? "" : ", ", first = false,
            detail::ItemTraits<std::remove_cvref_t<decltype(item)>, TypeList<>>::render(item, c)),
           ...);
        },
        items);
  }
  void bind(BindContext& b) const {
    std::apply([&](const auto&... item) { (detail::ItemTraits<std::remove_cvref_t<decltype(item)>, TypeList<>>::bind(item, b), ...); },
               items);
  }
  template <class LeftJoined>
  static Row<LeftJoined> read(Statement& statement) {
    int column = 0;
    auto next = [&]<class Item>(std::type_identity<Item>) {
      using Traits = detail::ItemTraits<Item, LeftJoined>;
      auto value = Traits::read(statement, column);
      column += Traits::width;
      return value;
    };
    // Braced initialisation reads the items left to right.
    return Row<LeftJoined>{next(std::type_identity<Items>{})...};
  }
};

// The select list of db.query<T>(): every column of T.
template <Entity T>
struct EntityProjection {
  template <class LeftJoined>
  using Row = T;
  void render(RenderContext& c) const { detail::renderEntityColumns<T>(c); }
  void bind(BindContext&) const {}
  template <class LeftJoined>
  static T read(Statement& statement) {
    T entity{};
    crud::readRow(statement, entity, 0);
    return entity;
  }
};

}  // namespace ormc::query
