// The CRUD statement texts. Every name is quoted by the dialect; every value is a parameter.
#include "ormc/crud_sql.hpp"

namespace ormc::crud::sql {

namespace {

class Builder {
 public:
  explicit Builder(const Dialect& dialect) : dialect_(dialect) {}
  Builder& text(std::string_view s) {
    out_ += s;
    return *this;
  }
  Builder& name(std::string_view s) {
    dialect_.appendIdentifier(out_, s);
    return *this;
  }
  std::string take() { return std::move(out_); }

 private:
  const Dialect& dialect_;
  std::string out_;
};

bool inserted(const ColumnShape& column, bool generateId) { return !(generateId && column.autoincrement); }

// INSERT INTO "t" ("a", "b") VALUES (?, ?), (?, ?)
std::string insertPrefix(const Dialect& dialect, const TableShape& shape, bool generateId, std::size_t rows) {
  Builder b(dialect);
  b.text("INSERT INTO ").name(shape.table).text(" (");
  std::size_t count = 0;
  for (const ColumnShape& column : shape.columns) {
    if (!inserted(column, generateId)) continue;
    b.text(count++ == 0 ? "" : ", ").name(column.name);
  }
  std::string row = "(";
  for (std::size_t i = 0; i < count; ++i) row += i == 0 ? "?" : ", ?";
  row += ")";
  b.text(") VALUES ");
  for (std::size_t r = 0; r < rows; ++r) b.text(r == 0 ? "" : ", ").text(row);
  return b.take();
}

// "pk1" = ? AND "pk2" = ?
void keyCondition(Builder& b, const TableShape& shape) {
  bool first = true;
  for (const ColumnShape& column : shape.columns) {
    if (!column.primaryKey) continue;
    b.text(first ? "" : " AND ").name(column.name).text(" = ?");
    first = false;
  }
}

void versionCondition(Builder& b, const TableShape& shape) {
  for (const ColumnShape& column : shape.columns) {
    if (column.version) b.text(" AND ").name(column.name).text(" = ?");
  }
}

// `"k" = "k"` for the first key column: the SET list of a table that has only key columns. A
// no-op assignment keeps the statement valid and still counts the row.
void assignKeyToItself(Builder& b, const TableShape& shape) {
  for (const ColumnShape& column : shape.columns) {
    if (!column.primaryKey) continue;
    b.name(column.name).text(" = ").name(column.name);
    return;
  }
}

const ColumnShape* autoincrementColumn(const TableShape& shape) {
  for (const ColumnShape& column : shape.columns) {
    if (column.autoincrement) return &column;
  }
  return nullptr;
}

}  // namespace

std::string buildInsert(const Dialect& dialect, const TableShape& shape, bool generateId, std::size_t rows) {
  return insertPrefix(dialect, shape, generateId, rows);
}

std::string buildFindByKey(const Dialect& dialect, const TableShape& shape) {
  Builder b(dialect);
  b.text("SELECT ");
  for (std::size_t i = 0; i < shape.columns.size(); ++i) b.text(i == 0 ? "" : ", ").name(shape.columns[i].name);
  b.text(" FROM ").name(shape.table).text(" WHERE ");
  keyCondition(b, shape);
  return b.take();
}

std::string buildUpdate(const Dialect& dialect, const TableShape& shape) {
  return buildPartialUpdate(dialect, shape, std::vector<bool>(shape.columns.size(), true));
}

std::string buildPartialUpdate(const Dialect& dialect, const TableShape& shape, const std::vector<bool>& set) {
  Builder b(dialect);
  b.text("UPDATE ").name(shape.table).text(" SET ");
  bool first = true;
  auto assign = [&](const ColumnShape& column) -> Builder& { return b.text(first ? "" : ", ").name(column.name).text(" = "); };
  for (std::size_t i = 0; i < shape.columns.size(); ++i) {
    if (!set[i] || shape.columns[i].primaryKey) continue;
    assign(shape.columns[i]).text("?");
    first = false;
  }
  for (std::size_t i = 0; i < shape.columns.size(); ++i) {
    const ColumnShape& column = shape.columns[i];
    if (set[i] || column.primaryKey) continue;
    if (column.updatedAt) {
      assign(column).text("?");
      first = false;
    } else if (column.version) {
      assign(column).name(column.name).text(" + 1");
      first = false;
    }
  }
  if (first) assignKeyToItself(b, shape);
  b.text(" WHERE ");
  keyCondition(b, shape);
  versionCondition(b, shape);
  return b.take();
}

std::string buildRemoveByKey(const Dialect& dialect, const TableShape& shape, bool checkVersion) {
  Builder b(dialect);
  b.text("DELETE FROM ").name(shape.table).text(" WHERE ");
  keyCondition(b, shape);
  if (checkVersion) versionCondition(b, shape);
  return b.take();
}

std::string buildUpsert(const Dialect& dialect, const TableShape& shape, bool generateId) {
  Builder b(dialect);
  b.text(insertPrefix(dialect, shape, generateId, 1));
  const ColumnShape* id = autoincrementColumn(shape);
  bool sqlite = dialect.kind() == DialectKind::Sqlite;
  // No conflict target on SQLite: like MySQL's ON DUPLICATE KEY, any unique key conflicts.
  b.text(sqlite ? " ON CONFLICT DO UPDATE SET " : " ON DUPLICATE KEY UPDATE ");
  bool first = true;
  for (const ColumnShape& column : shape.columns) {
    if (column.primaryKey) continue;
    b.text(first ? "" : ", ").name(column.name).text(" = ");
    if (sqlite) {
      b.text("excluded.").name(column.name);
    } else {
      b.text("VALUES(").name(column.name).text(")");
    }
    first = false;
  }
  if (!sqlite && id != nullptr) {
    b.text(first ? "" : ", ").name(id->name).text(" = LAST_INSERT_ID(").name(id->name).text(")");
    first = false;
  }
  if (first) assignKeyToItself(b, shape);
  if (sqlite && id != nullptr) b.text(" RETURNING ").name(id->name);
  return b.take();
}

}  // namespace ormc::crud::sql
