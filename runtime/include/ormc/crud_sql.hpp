// The SQL texts of crud.hpp, per entity type, dialect and shape. The text depends only on
// the metadata, so each is built once and kept; only a batch's last, shorter statement is
// built per call.
#pragma once

#include "ormc/dialect.hpp"
#include "ormc/meta.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace ormc::crud::sql {

// What the builders need to know of a table: names and the roles of its columns.
struct ColumnShape {
  std::string_view name;
  bool primaryKey = false;
  bool autoincrement = false;
  bool version = false;
  bool updatedAt = false;
};

struct TableShape {
  std::string_view table;
  std::vector<ColumnShape> columns;  // in declaration order, as values are bound
};

// The most rows one multi-row INSERT carries. Beyond a few hundred rows a longer statement
// no longer pays: parsing it costs what the saved round trips did.
inline constexpr std::size_t kMaxBatchRows = 256;

std::string buildInsert(const Dialect& dialect, const TableShape& shape, bool generateId, std::size_t rows);
std::string buildFindByKey(const Dialect& dialect, const TableShape& shape);
std::string buildUpdate(const Dialect& dialect, const TableShape& shape);
std::string buildRemoveByKey(const Dialect& dialect, const TableShape& shape, bool checkVersion);
std::string buildUpsert(const Dialect& dialect, const TableShape& shape, bool generateId);
// UPDATE of the columns whose `set` flag is on (by position in shape.columns), plus what every
// update does: @updatedAt columns not set are set to a parameter, @version columns are bumped
// in SQL. The row is found by key and, with a @version column, by the version read. Parameters:
// the set columns in order, the @updatedAt ones, the key, the version.
std::string buildPartialUpdate(const Dialect& dialect, const TableShape& shape, const std::vector<bool>& set);

template <Entity T>
const TableShape& shapeOf() {
  static const TableShape shape = [] {
    TableShape out{meta::Model<T>::table, {}};
    meta::forEachColumn<T>([&](const auto& c) { out.columns.push_back({c.name, c.primaryKey, c.autoincrement, c.version, c.updatedAt}); });
    return out;
  }();
  return shape;
}

template <Entity T>
constexpr bool hasVersion() {
  return std::apply([](const auto&... c) { return (c.version || ...); }, meta::Model<T>::columns);
}

template <Entity T>
constexpr std::size_t insertColumns(bool generateId) {
  std::size_t n = 0;
  meta::forEachColumn<T>([&](const auto& c) { n += (generateId && c.autoincrement) ? 0 : 1; });
  return n;
}

// Rows per multi-row INSERT within the dialect's parameter limit.
template <Entity T>
std::size_t batchRows(const Dialect& dialect) {
  std::size_t columns = std::max<std::size_t>(1, insertColumns<T>(false));
  return std::clamp<std::size_t>(dialect.maxParameters() / columns, 1, kMaxBatchRows);
}

namespace detail {
inline std::size_t dialectIndex(const Dialect& dialect) { return dialect.kind() == DialectKind::Sqlite ? 0 : 1; }
}  // namespace detail

template <Entity T>
const std::string& insert(const Dialect& dialect, bool generateId, std::size_t rows) {
  const std::size_t d = detail::dialectIndex(dialect);
  static const std::string single[2][2] = {
      {buildInsert(kSqliteDialect, shapeOf<T>(), false, 1), buildInsert(kSqliteDialect, shapeOf<T>(), true, 1)},
      {buildInsert(kMysqlDialect, shapeOf<T>(), false, 1), buildInsert(kMysqlDialect, shapeOf<T>(), true, 1)}};
  if (rows == 1) return single[d][generateId];
  static const std::string full[2][2] = {
      {buildInsert(kSqliteDialect, shapeOf<T>(), false, batchRows<T>(kSqliteDialect)),
       buildInsert(kSqliteDialect, shapeOf<T>(), true, batchRows<T>(kSqliteDialect))},
      {buildInsert(kMysqlDialect, shapeOf<T>(), false, batchRows<T>(kMysqlDialect)),
       buildInsert(kMysqlDialect, shapeOf<T>(), true, batchRows<T>(kMysqlDialect))}};
  if (rows == batchRows<T>(dialect)) return full[d][generateId];
  thread_local std::string partial;  // valid until this thread's next call; prepare() copies it
  partial = buildInsert(dialect, shapeOf<T>(), generateId, rows);
  return partial;
}

template <Entity T>
const std::string& findByKey(const Dialect& dialect) {
  static const std::string text[2] = {buildFindByKey(kSqliteDialect, shapeOf<T>()),
                                      buildFindByKey(kMysqlDialect, shapeOf<T>())};
  return text[detail::dialectIndex(dialect)];
}

template <Entity T>
const std::string& update(const Dialect& dialect) {
  static const std::string text[2] = {buildUpdate(kSqliteDialect, shapeOf<T>()), buildUpdate(kMysqlDialect, shapeOf<T>())};
  return text[detail::dialectIndex(dialect)];
}

template <Entity T>
const std::string& removeByKey(const Dialect& dialect, bool checkVersion) {
  static const std::string text[2][2] = {
      {buildRemoveByKey(kSqliteDialect, shapeOf<T>(), false), buildRemoveByKey(kSqliteDialect, shapeOf<T>(), true)},
      {buildRemoveByKey(kMysqlDialect, shapeOf<T>(), false), buildRemoveByKey(kMysqlDialect, shapeOf<T>(), true)}};
  return text[detail::dialectIndex(dialect)][checkVersion];
}

template <Entity T>
const std::string& upsert(const Dialect& dialect, bool generateId) {
  static const std::string text[2][2] = {
      {buildUpsert(kSqliteDialect, shapeOf<T>(), false), buildUpsert(kSqliteDialect, shapeOf<T>(), true)},
      {buildUpsert(kMysqlDialect, shapeOf<T>(), false), buildUpsert(kMysqlDialect, shapeOf<T>(), true)}};
  return text[detail::dialectIndex(dialect)][generateId];
}

}  // namespace ormc::crud::sql
