// The live schema of a database as plain data (tables, columns, primary keys, indexes, foreign
// keys), read from its catalog, and the comparison of two such catalogs as readable lines: what
// `ormc migrate status` reports as drift (docs/migrations.md). Defaults, checks and comments are
// not read: the catalogs spell them too differently to compare.
#pragma once

#include "ormc/dialect.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ormc {

class Database;

struct CatalogColumn {
  std::string name;
  std::string type;  // as the catalog spells it; compare through normalizeColumnType()
  bool nullable = false;
};

struct CatalogIndex {
  std::string name;
  std::vector<std::string> columns;  // in index order
  bool unique = false;
};

struct CatalogForeignKey {
  std::vector<std::string> columns;  // in key order
  std::string target;                // the referenced table
  std::vector<std::string> targetColumns;
  std::string onDelete;  // "CASCADE", "SET NULL", "RESTRICT" or "NO ACTION"
  std::string onUpdate;
  // The constraint's name where the database keeps one (MySQL; SQLite forgets it). Not compared:
  // it only tells MySQL's own index for the key from the schema's indexes.
  std::string name;
};

struct CatalogTable {
  std::string name;
  std::vector<CatalogColumn> columns;  // in column order
  std::vector<std::string> primaryKey;  // in key order; empty when there is none
  std::vector<CatalogIndex> indexes;    // sorted by name; the primary key's own index left out
  std::vector<CatalogForeignKey> foreignKeys;  // sorted by columns, then target
};

struct DatabaseCatalog {
  std::vector<CatalogTable> tables;  // sorted by name
};

// The catalog of the database `db` is connected to (SQLite: the main schema; MySQL: DATABASE()),
// without the migration history table `orm_migrations` and SQLite's own `sqlite_%` tables.
// Throws what the backend throws (ormc::Error) when the catalog cannot be read.
DatabaseCatalog readCatalog(Database& db);

// `type` in the one spelling that both a catalog and ormc's DDL reduce to, so that equal types
// compare equal. SQLite: upper-case, as declared. MySQL/MariaDB: lower-case, BOOLEAN/BOOL as
// tinyint(1), integer display widths dropped (int(11) is int; tinyint(1) stays), JSON as longtext
// (what MariaDB stores), no spaces after the commas of ENUM(...) and DECIMAL(...). Quoted text
// (enum values) is kept as it is.
std::string normalizeColumnType(std::string_view type, DialectKind kind);

// What differs between the catalog the schema expects and the live one, one line per difference,
// in a fixed order: tables by name, and in each table its columns (the schema's order, then the
// database's extra ones), primary key, indexes by name and foreign keys by columns. Empty when
// they match. On MySQL, a live index named after one of its table's foreign keys that the schema
// does not have is not a difference: InnoDB creates it for a key that no index serves.
std::vector<std::string> compareCatalogs(const DatabaseCatalog& expected, const DatabaseCatalog& live, DialectKind kind);

}  // namespace ormc
