// The catalog a schema's DDL leads to. See expected_catalog.hpp.
#include "migrate/expected_catalog.hpp"

#include "emit/sql/ddl_emitter.hpp"

#include <algorithm>
#include <tuple>

namespace ormc::migration {

namespace {

std::vector<std::string> columnNames(const ir::Entity& entity, const std::vector<std::size_t>& columns) {
  std::vector<std::string> names;
  for (std::size_t c : columns) names.push_back(c < entity.columns.size() ? entity.columns[c].name : "");
  return names;
}

CatalogTable expectedTable(const ir::Schema& schema, const ir::Entity& entity, const emit::sql::Dialect& dialect) {
  CatalogTable table;
  table.name = entity.table;
  for (const ir::Column& column : entity.columns) {
    table.columns.push_back({column.name, dialect.columnType(schema, column.type), column.nullable});
  }
  table.primaryKey = columnNames(entity, entity.primaryKey.columns);
  // SQLite: CREATE [UNIQUE] INDEX after the table; MySQL: UNIQUE and INDEX inside it. Either way
  // a named index that the catalog lists as one.
  for (const ir::Index& index : entity.indexes) {
    table.indexes.push_back({index.name, columnNames(entity, index.columns), index.unique});
  }
  for (const ir::ForeignKey& key : entity.foreignKeys) {
    if (key.targetEntity >= schema.entities.size()) continue;  // the DDL emitter writes no such key either
    const ir::Entity& target = schema.entities[key.targetEntity];
    table.foreignKeys.push_back({columnNames(entity, key.columns), target.table, columnNames(target, key.targetColumns),
                                 emit::sql::referentialActionSql(key.onDelete), emit::sql::referentialActionSql(key.onUpdate), key.name});
  }
  std::sort(table.indexes.begin(), table.indexes.end(),
            [](const CatalogIndex& a, const CatalogIndex& b) { return a.name < b.name; });
  std::sort(table.foreignKeys.begin(), table.foreignKeys.end(),
            [](const CatalogForeignKey& a, const CatalogForeignKey& b) {
              return std::tie(a.columns, a.target, a.targetColumns) < std::tie(b.columns, b.target, b.targetColumns);
            });
  return table;
}

}  // namespace

DatabaseCatalog expectedCatalog(const ir::Schema& schema, const emit::sql::Dialect& dialect) {
  DatabaseCatalog catalog;
  for (const ir::Entity& entity : schema.entities) catalog.tables.push_back(expectedTable(schema, entity, dialect));
  std::sort(catalog.tables.begin(), catalog.tables.end(),
            [](const CatalogTable& a, const CatalogTable& b) { return a.name < b.name; });
  return catalog;
}

}  // namespace ormc::migration
