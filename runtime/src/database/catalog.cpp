// Reading a live catalog: SQLite's pragmas, MySQL's information_schema, through the runtime's
// own connections. See catalog.hpp; comparing catalogs is runtime/src/core/catalog_compare.cpp.
#include "ormc/catalog.hpp"

#include "ormc/database.hpp"
#include "ormc/value_codec.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

namespace ormc {

namespace {

// The migration runner's history table (migrate.cpp): ormc's bookkeeping, not the schema's.
constexpr const char* kHistory = "orm_migrations";
// What an index or key lists for a column that is an expression (no name in the catalog).
constexpr const char* kExpression = "<expression>";

std::vector<std::string> sqliteTableNames(Connection& c) {
  // '\_': a literal underscore, so that only SQLite's own sqlite_... tables are left out.
  PreparedStatement s = c.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                                  "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ?");
  bindValue(*s, 1, std::string(kHistory));
  std::vector<std::string> names;
  while (s->step()) names.push_back(readValue<std::string>(*s, 0));
  return names;
}

void readSqliteColumns(Connection& c, CatalogTable& table) {
  PreparedStatement s = c.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid");
  bindValue(*s, 1, table.name);
  std::map<std::int64_t, std::string> keyColumns;  // by position in the key
  while (s->step()) {
    CatalogColumn column{readValue<std::string>(*s, 0), readValue<std::string>(*s, 1),
                         readValue<std::int64_t>(*s, 2) == 0};
    if (const std::int64_t position = readValue<std::int64_t>(*s, 3); position > 0) keyColumns[position] = column.name;
    table.columns.push_back(std::move(column));
  }
  for (auto& [position, name] : keyColumns) table.primaryKey.push_back(std::move(name));
}

void readSqliteIndexes(Connection& c, CatalogTable& table) {
  std::vector<CatalogIndex> indexes;
  {
    PreparedStatement s = c.prepare("SELECT name, \"unique\", origin FROM pragma_index_list(?)");
    bindValue(*s, 1, table.name);
    while (s->step()) {
      // 'pk' is the primary key's own index (WITHOUT ROWID tables, non-integer keys): it is
      // compared as the primary key.
      if (readValue<std::string>(*s, 2) == "pk") continue;
      indexes.push_back({readValue<std::string>(*s, 0), {}, readValue<std::int64_t>(*s, 1) != 0});
    }
  }
  for (CatalogIndex& index : indexes) {
    PreparedStatement s = c.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno");
    bindValue(*s, 1, index.name);
    while (s->step()) index.columns.push_back(readValue<std::optional<std::string>>(*s, 0).value_or(kExpression));
  }
  table.indexes = std::move(indexes);
}

void readSqliteForeignKeys(Connection& c, CatalogTable& table) {
  PreparedStatement s = c.prepare("SELECT id, \"table\", \"from\", \"to\", on_delete, on_update "
                                  "FROM pragma_foreign_key_list(?) ORDER BY id, seq");
  bindValue(*s, 1, table.name);
  std::map<std::int64_t, CatalogForeignKey> keys;  // one row per column; a key is its id
  while (s->step()) {
    CatalogForeignKey& key = keys[readValue<std::int64_t>(*s, 0)];
    key.target = readValue<std::string>(*s, 1);
    key.columns.push_back(readValue<std::string>(*s, 2));
    // NULL: `REFERENCES t` without columns, meaning t's primary key (filled in by the caller).
    key.targetColumns.push_back(readValue<std::optional<std::string>>(*s, 3).value_or(""));
    key.onDelete = readValue<std::string>(*s, 4);
    key.onUpdate = readValue<std::string>(*s, 5);
  }
  for (auto& [id, key] : keys) table.foreignKeys.push_back(std::move(key));
}

// A key that names no target columns references the target's primary key.
void fillImplicitTargets(DatabaseCatalog& catalog) {
  std::map<std::string, std::vector<std::string>> primaryKeys;
  for (const CatalogTable& table : catalog.tables) primaryKeys[table.name] = table.primaryKey;
  for (CatalogTable& table : catalog.tables) {
    for (CatalogForeignKey& key : table.foreignKeys) {
      const auto target = primaryKeys.find(key.target);
      for (std::size_t i = 0; i < key.targetColumns.size(); ++i) {
        if (!key.targetColumns[i].empty() || target == primaryKeys.end()) continue;
        if (i < target->second.size()) key.targetColumns[i] = target->second[i];
      }
    }
  }
}

DatabaseCatalog readSqlite(Connection& c) {
  DatabaseCatalog catalog;
  for (std::string& name : sqliteTableNames(c)) {
    CatalogTable table;
    table.name = std::move(name);
    readSqliteColumns(c, table);
    readSqliteIndexes(c, table);
    readSqliteForeignKeys(c, table);
    catalog.tables.push_back(std::move(table));
  }
  fillImplicitTargets(catalog);
  return catalog;
}

DatabaseCatalog readMysql(Connection& c) {
  std::map<std::string, CatalogTable> tables;
  {
    PreparedStatement s = c.prepare("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                                    "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> ?");
    bindValue(*s, 1, std::string(kHistory));
    while (s->step()) {
      const std::string name = readValue<std::string>(*s, 0);
      tables[name].name = name;
    }
  }
  // The other views list views and the history table too: only the tables found above count.
  auto tableNamed = [&](const std::string& name) -> CatalogTable* {
    const auto found = tables.find(name);
    return found == tables.end() ? nullptr : &found->second;
  };
  {
    PreparedStatement s = c.prepare(
        "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS "
        "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION");
    while (s->step()) {
      if (CatalogTable* table = tableNamed(readValue<std::string>(*s, 0))) {
        table->columns.push_back(
            {readValue<std::string>(*s, 1), readValue<std::string>(*s, 2), readValue<std::string>(*s, 3) == "YES"});
      }
    }
  }
  {
    PreparedStatement s = c.prepare(
        "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS "
        "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX");
    std::map<std::pair<std::string, std::string>, CatalogIndex> indexes;
    while (s->step()) {
      const std::string tableName = readValue<std::string>(*s, 0), indexName = readValue<std::string>(*s, 1);
      CatalogTable* table = tableNamed(tableName);
      if (!table) continue;
      const std::string column = readValue<std::optional<std::string>>(*s, 3).value_or(kExpression);
      if (indexName == "PRIMARY") {  // MySQL's name for every primary key
        table->primaryKey.push_back(column);
        continue;
      }
      CatalogIndex& index = indexes[{tableName, indexName}];
      index.name = indexName;
      index.unique = readValue<std::int64_t>(*s, 2) == 0;
      index.columns.push_back(column);
    }
    for (auto& [key, index] : indexes) tables[key.first].indexes.push_back(std::move(index));
  }
  {
    PreparedStatement s = c.prepare(
        "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, "
        "r.DELETE_RULE, r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
        "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
        "AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
        "WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL "
        "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION");
    std::map<std::pair<std::string, std::string>, CatalogForeignKey> keys;
    while (s->step()) {
      const std::string tableName = readValue<std::string>(*s, 0), name = readValue<std::string>(*s, 1);
      if (!tableNamed(tableName)) continue;
      CatalogForeignKey& key = keys[{tableName, name}];
      key.name = name;
      key.columns.push_back(readValue<std::string>(*s, 2));
      key.target = readValue<std::string>(*s, 3);
      key.targetColumns.push_back(readValue<std::string>(*s, 4));
      key.onDelete = readValue<std::string>(*s, 5);
      key.onUpdate = readValue<std::string>(*s, 6);
    }
    for (auto& [id, key] : keys) tables[id.first].foreignKeys.push_back(std::move(key));
  }
  DatabaseCatalog catalog;
  for (auto& [name, table] : tables) catalog.tables.push_back(std::move(table));
  return catalog;
}

// The order catalog.hpp promises, whatever order the database listed things in.
void sortCatalog(DatabaseCatalog& catalog) {
  std::sort(catalog.tables.begin(), catalog.tables.end(),
            [](const CatalogTable& a, const CatalogTable& b) { return a.name < b.name; });
  for (CatalogTable& table : catalog.tables) {
    std::sort(table.indexes.begin(), table.indexes.end(),
              [](const CatalogIndex& a, const CatalogIndex& b) { return a.name < b.name; });
    std::sort(table.foreignKeys.begin(), table.foreignKeys.end(),
              [](const CatalogForeignKey& a, const CatalogForeignKey& b) {
                return std::tie(a.columns, a.target, a.targetColumns) < std::tie(b.columns, b.target, b.targetColumns);
              });
  }
}

}  // namespace

DatabaseCatalog readCatalog(Database& db) {
  DatabaseCatalog catalog = db.withConnection([](Connection& c) {
    return c.dialect().kind() == DialectKind::Sqlite ? readSqlite(c) : readMysql(c);
  });
  sortCatalog(catalog);
  return catalog;
}

}  // namespace ormc
