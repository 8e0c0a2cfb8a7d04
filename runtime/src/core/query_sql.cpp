#include "ormc/query/sql_text.hpp"

namespace ormc::query {

void renderQualifiedColumns(const Dialect& dialect, std::string& sql, std::string_view table,
                            std::span<const std::string_view> columns) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) sql += ", ";
    dialect.appendIdentifier(sql, table);
    sql += '.';
    dialect.appendIdentifier(sql, columns[i]);
  }
}

namespace {

// `"t"."a"` or `("t"."a", "t"."b")`: a key as one SQL value.
void renderKey(const Dialect& dialect, std::string& sql, std::string_view table, std::span<const std::string_view> columns) {
  if (columns.size() > 1) sql += '(';
  renderQualifiedColumns(dialect, sql, table, columns);
  if (columns.size() > 1) sql += ')';
}

}  // namespace

std::string renderSelectIn(const Dialect& dialect, const SelectInShape& shape, std::size_t keys) {
  std::string sql = "SELECT ";
  if (shape.manyToMany) {
    renderQualifiedColumns(dialect, sql, shape.keyTable, shape.keyColumns);
    sql += ", ";
  }
  renderQualifiedColumns(dialect, sql, shape.table, shape.columns);
  sql += " FROM ";
  dialect.appendIdentifier(sql, shape.table);
  if (shape.manyToMany) {
    sql += " JOIN ";
    dialect.appendIdentifier(sql, shape.keyTable);
    sql += " ON ";
    for (std::size_t i = 0; i < shape.joinTargetColumns.size(); ++i) {
      if (i > 0) sql += " AND ";
      dialect.appendIdentifier(sql, shape.keyTable);
      sql += '.';
      dialect.appendIdentifier(sql, shape.joinTargetColumns[i]);
      sql += " = ";
      dialect.appendIdentifier(sql, shape.table);
      sql += '.';
      dialect.appendIdentifier(sql, shape.targetColumns[i]);
    }
  }
  sql += " WHERE ";
  renderKey(dialect, sql, shape.keyTable, shape.keyColumns);
  sql += " IN (";
  const std::size_t width = shape.keyColumns.size();
  for (std::size_t k = 0; k < keys; ++k) {
    if (k > 0) sql += ", ";
    if (width > 1) sql += '(';
    for (std::size_t i = 0; i < width; ++i) sql += i == 0 ? "?" : ", ?";
    if (width > 1) sql += ')';
  }
  sql += ") ORDER BY ";
  renderQualifiedColumns(dialect, sql, shape.table, shape.primaryKey);
  return sql;
}

}  // namespace ormc::query
