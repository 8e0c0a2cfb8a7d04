// Create, read, update and delete of generated entities on one Connection, driven only by
// their compile-time metadata (meta.hpp): no per-model code. Database and Transaction
// (database.hpp) forward here; the session builds on the same functions.
//
// Each statement's SQL text is built once per entity type, dialect and shape, and kept for
// the life of the program; the connection's cache keeps it compiled. Values are always bound.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/crud_sql.hpp"
#include "ormc/error.hpp"
#include "ormc/meta.hpp"
#include "ormc/value_codec.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <ranges>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc::crud {

namespace detail {

template <class C>
using Descriptor = std::remove_cvref_t<C>;

// The column's value is "not set" and its @default(now()) / @default(uuid()) applies.
template <class V>
bool unsetForDefault(const V& value) {
  if constexpr (meta::detail::Optional<V>::value) {
    return !value.has_value();
  } else if constexpr (std::is_same_v<V, DateTime>) {
    return value == DateTime{};
  } else if constexpr (std::is_same_v<V, Date>) {
    return !value.ok();
  } else if constexpr (std::is_same_v<V, Uuid>) {
    return value.isNil();
  } else {
    return false;
  }
}

// Fills what the runtime generates client side before an INSERT: now() and uuid() defaults
// of members still unset, and @updatedAt columns.
template <Entity T>
void applyInsertDefaults(T& entity, DateTime now) {
  meta::forEachColumn<T>([&](const auto& column) {
    using C = Descriptor<decltype(column)>;
    using Scalar = typename C::Scalar;
    auto& value = C::get(entity);
    if constexpr (std::is_same_v<Scalar, DateTime>) {
      if (column.updatedAt || (column.defaultValue.kind == meta::DefaultKind::Now && unsetForDefault(value))) value = now;
    } else if constexpr (std::is_same_v<Scalar, Date>) {
      if (column.defaultValue.kind == meta::DefaultKind::Now && unsetForDefault(value)) {
        value = Date{std::chrono::floor<std::chrono::days>(now)};
      }
    } else if constexpr (std::is_same_v<Scalar, Uuid>) {
      if (column.defaultValue.kind == meta::DefaultKind::Uuid && unsetForDefault(value)) value = Uuid::random();
    }
  });
}

// The autoincrement column's member, if T has one (at most one: it is the primary key).
template <Entity T>
constexpr bool hasAutoincrement() {
  return std::apply([](const auto&... c) { return (c.autoincrement || ...); }, meta::Model<T>::columns);
}

template <Entity T>
bool autoincrementUnset(const T& entity) {
  bool unset = false;
  meta::forEachColumn<T>([&](const auto& column) {
    if (column.autoincrement) {
      using C = Descriptor<decltype(column)>;
      unset = C::get(entity) == typename C::Value{};
    }
  });
  return unset;
}

template <Entity T>
void setAutoincrement(T& entity, std::int64_t id) {
  meta::forEachColumn<T>([&](const auto& column) {
    using C = Descriptor<decltype(column)>;
    if constexpr (std::is_integral_v<typename C::Value>) {
      if (column.autoincrement) C::get(entity) = static_cast<typename C::Value>(id);
    }
  });
}

// Binds one column's value. A Decimal is checked against the column's Decimal(p, s) and bound
// with exactly s fraction digits: the databases would round or reject it otherwise, and
// SQLite, which stores the text, would compare "1.5" and "1.50" as different.
template <class C>
void bindColumnValue(Statement& statement, int index, const C& column, const typename C::Value& value) {
  using Scalar = typename C::Scalar;
  if constexpr (std::is_same_v<Scalar, Decimal>) {
    const Decimal* decimal = nullptr;
    if constexpr (meta::detail::Optional<typename C::Value>::value) {
      if (value) decimal = &*value;
    } else {
      decimal = &value;
    }
    if (decimal != nullptr) {
      if (!decimal->fits(column.type.precision, column.type.scale)) {
        throw ValueError("ormc: " + decimal->str() + " does not fit column " + std::string(column.name) + " Decimal(" +
                             std::to_string(column.type.precision) + "," + std::to_string(column.type.scale) +
                             ") without rounding, in SQL: " + statement.sql(),
                         0, statement.sql());
      }
      bindValue(statement, index, decimal->withScale(column.type.scale));
      return;
    }
  }
  bindValue(statement, index, value);
}

// Binds every column that `include` accepts, in declaration order, from parameter `index` on;
// returns the next free parameter index.
template <Entity T, class Include>
int bindColumns(Statement& statement, const T& entity, int index, Include include) {
  meta::forEachColumn<T>([&](const auto& column) {
    if (include(column)) bindColumnValue(statement, index++, column, Descriptor<decltype(column)>::get(entity));
  });
  return index;
}

// Binds the primary key's value(s), from parameter `index` on; returns the next index.
template <Entity T>
int bindKey(Statement& statement, const meta::PrimaryKeyType<T>& key, int index) {
  using Key = typename std::remove_cvref_t<decltype(meta::Model<T>::primaryKey)>::Columns;
  if constexpr (Key::size == 1) {
    bindValue(statement, index++, key);
  } else {
    std::apply([&](const auto&... part) { (bindValue(statement, index++, part), ...); }, key);
  }
  return index;
}

}  // namespace detail

// Reads the current row's columns, from result column `first` on, in declaration order into
// `entity` (relations are left as they are).
template <Entity T>
void readRow(Statement& statement, T& entity, int first = 0) {
  int column = first;
  meta::forEachColumn<T>([&](const auto& descriptor) {
    using C = detail::Descriptor<decltype(descriptor)>;
    readValueInto<typename C::Value>(statement, column++, C::get(entity));
  });
}

// INSERT of one row. Fills, before writing: unset now() and uuid() defaults and @updatedAt;
// after writing: the autoincrement key (unless the entity already had a non-zero one, which is
// then written as given).
template <Entity T>
void insert(Connection& connection, T& entity) {
  T row = entity;  // the caller's object changes only once the row is written
  detail::applyInsertDefaults(row, currentDateTime());
  const bool generateId = detail::hasAutoincrement<T>() && detail::autoincrementUnset(row);
  PreparedStatement statement = connection.prepare(sql::insert<T>(connection.dialect(), generateId, 1));
  detail::bindColumns(*statement, row, 1, [&](const auto& column) { return !(generateId && column.autoincrement); });
  statement->step();
  if (generateId) detail::setAutoincrement(row, connection.lastInsertId());
  entity = std::move(row);
}

// INSERTs of every entity in `entities` (a range of T, modified in place like insert()), as
// multi-row statements of as many rows as the dialect's parameter limit allows (at most
// sql::kMaxBatchRows). Runs in the caller's transaction; without one, a failure can leave
// the batches before it written (Database::insert_all wraps it in one).
template <std::ranges::forward_range R>
  requires Entity<std::ranges::range_value_t<R>>
void insertAll(Connection& connection, R&& entities) {
  using T = std::ranges::range_value_t<R>;
  const DateTime now = currentDateTime();
  const std::size_t rowsPerStatement = sql::batchRows<T>(connection.dialect());
  auto it = std::ranges::begin(entities);
  const auto end = std::ranges::end(entities);
  std::vector<T> batch;
  batch.reserve(rowsPerStatement);
  while (it != end) {
    // One statement per run of rows of the same shape (key generated or given), in order.
    batch.clear();
    auto first = it;
    detail::applyInsertDefaults(batch.emplace_back(*it), now);
    const bool generateId = detail::hasAutoincrement<T>() && detail::autoincrementUnset(batch.back());
    for (++it; it != end && batch.size() < rowsPerStatement; ++it) {
      T row = *it;
      if (detail::hasAutoincrement<T>() && detail::autoincrementUnset(row) != generateId) break;
      detail::applyInsertDefaults(row, now);
      batch.push_back(std::move(row));
    }
    PreparedStatement statement = connection.prepare(sql::insert<T>(connection.dialect(), generateId, batch.size()));
    int index = 1;
    for (const T& row : batch) {
      index = detail::bindColumns(*statement, row, index,
                                  [&](const auto& column) { return !(generateId && column.autoincrement); });
    }
    statement->step();
    if (generateId) {
      // Both databases number the rows of one multi-row INSERT consecutively (SQLite under
      // AUTOINCREMENT; InnoDB for inserts whose row count is known in advance). SQLite reports
      // the last id, MySQL the first.
      std::int64_t id = connection.lastInsertId();
      if (connection.dialect().kind() == DialectKind::Sqlite) id -= static_cast<std::int64_t>(batch.size()) - 1;
      for (T& row : batch) detail::setAutoincrement(row, id++);
    }
    for (T& row : batch) *first++ = std::move(row);
  }
}

// The row with primary key `key` (a std::tuple for a composite key), or nullopt.
template <Entity T>
std::optional<T> find(Connection& connection, const meta::PrimaryKeyType<T>& key) {
  PreparedStatement statement = connection.prepare(sql::findByKey<T>(connection.dialect()));
  detail::bindKey<T>(*statement, key, 1);
  if (!statement->step()) return std::nullopt;
  std::optional<T> found(std::in_place);
  readRow(*statement, *found);
  return found;
}

// UPDATE of every column of the entity's row. Sets @updatedAt to now; with a @version column,
// writes only if the stored version is the entity's and bumps it, else throws StaleObject.
// Throws NotFound if no row has the key. The entity changes only if the row was written.
template <Entity T>
void update(Connection& connection, T& entity) {
  T row = entity;
  const DateTime now = currentDateTime();
  meta::forEachColumn<T>([&](const auto& column) {
    using C = detail::Descriptor<decltype(column)>;
    if constexpr (std::is_same_v<typename C::Scalar, DateTime>) {
      if (column.updatedAt) C::get(row) = now;
    }
    if constexpr (std::is_integral_v<typename C::Value> && !std::is_same_v<typename C::Value, bool>) {
      if (column.version) ++C::get(row);
    }
  });
  PreparedStatement statement = connection.prepare(sql::update<T>(connection.dialect()));
  int index = detail::bindColumns(*statement, row, 1, [](const auto& column) { return !column.primaryKey; });
  index = detail::bindKey<T>(*statement, meta::primaryKeyOf(entity), index);
  detail::bindColumns(*statement, entity, index, [](const auto& column) { return column.version; });
  statement->step();
  if (connection.changes() == 0) {
    if (sql::hasVersion<T>() && find<T>(connection, meta::primaryKeyOf(entity))) {
      throw StaleObject("ormc: " + std::string(meta::Model<T>::name) +
                        " was changed by someone else since it was read (its @version no longer matches); "
                        "nothing was written, in SQL: " + statement->sql(), 0, statement->sql());
    }
    throw NotFound("ormc: no " + std::string(meta::Model<T>::name) + " with this key to update, in SQL: " +
                   statement->sql(), 0, statement->sql());
  }
  entity = std::move(row);
}

// DELETE of the row with primary key `key`; true if there was one.
template <Entity T>
bool removeByKey(Connection& connection, const meta::PrimaryKeyType<T>& key) {
  PreparedStatement statement = connection.prepare(sql::removeByKey<T>(connection.dialect(), false));
  detail::bindKey<T>(*statement, key, 1);
  statement->step();
  return connection.changes() > 0;
}

// DELETE of the entity's row. With a @version column, only if the stored version is the
// entity's (else StaleObject); throws NotFound if no row has the key.
template <Entity T>
void remove(Connection& connection, const T& entity) {
  PreparedStatement statement = connection.prepare(sql::removeByKey<T>(connection.dialect(), sql::hasVersion<T>()));
  int index = detail::bindKey<T>(*statement, meta::primaryKeyOf(entity), 1);
  detail::bindColumns(*statement, entity, index, [](const auto& column) { return column.version; });
  statement->step();
  if (connection.changes() > 0) return;
  if (sql::hasVersion<T>() && find<T>(connection, meta::primaryKeyOf(entity))) {
    throw StaleObject("ormc: " + std::string(meta::Model<T>::name) +
                      " was changed by someone else since it was read (its @version no longer matches); "
                      "nothing was deleted, in SQL: " + statement->sql(), 0, statement->sql());
  }
  throw NotFound("ormc: no " + std::string(meta::Model<T>::name) + " with this key to remove, in SQL: " +
                 statement->sql(), 0, statement->sql());
}

// INSERT, or UPDATE of the existing row when the insert would repeat a primary or unique key
// (either database's rule: any unique key). Fills defaults like insert() and @updatedAt, and
// the autoincrement key of the row written. @version is written as the entity holds it: an
// upsert is not version-checked.
template <Entity T>
void upsert(Connection& connection, T& entity) {
  T row = entity;
  detail::applyInsertDefaults(row, currentDateTime());
  const bool generateId = detail::hasAutoincrement<T>() && detail::autoincrementUnset(row);
  PreparedStatement statement = connection.prepare(sql::upsert<T>(connection.dialect(), generateId));
  detail::bindColumns(*statement, row, 1, [&](const auto& column) { return !(generateId && column.autoincrement); });
  // SQLite reports the written row's key through RETURNING (last_insert_rowid misses the
  // update path); MySQL through LAST_INSERT_ID(key) in the update list.
  if (statement->step() && detail::hasAutoincrement<T>()) {
    detail::setAutoincrement(row, readValue<std::int64_t>(*statement, 0));
    while (statement->step()) {
    }
  } else if (detail::hasAutoincrement<T>() && connection.dialect().kind() == DialectKind::Mysql) {
    detail::setAutoincrement(row, connection.lastInsertId());
  }
  entity = std::move(row);
}

// Runs a script of statements without parameters (e.g. Schema::createScript()).
inline void execute(Connection& connection, std::string_view script) { connection.execute(script); }

// Creates every table of `Schema` (a generated schema descriptor) with its CREATE script for
// the connection's dialect.
template <class Schema>
void createAll(Connection& connection) {
  connection.execute(Schema::createScript(connection.dialect().kind()));
}

}  // namespace ormc::crud
