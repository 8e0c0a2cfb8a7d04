// The DDL catalog check: what a database's catalog must hold after loading ormc's CREATE script,
// derived from the IR by the rules of docs/language.md and docs/ddl.md (not by asking the
// emitter), and a canonical text form so that expected and actual compare as one readable diff.
// The readers of the real catalogs live with each backend (test_ddl_catalog_sqlite.cpp,
// test_ddl_catalog_mariadb.cpp); the shared test bodies are in test_ddl_catalog_body.hpp.
#pragma once

#include "ir/ir.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace ormc::test::ddl {

enum class Backend { Sqlite, Mariadb };

struct CatalogColumn {
  std::string name;
  std::string type;  // as the catalog spells it; MariaDB adds the collation of text columns
  bool notNull = false;
  bool hasDefault = false;
  bool autoincrement = false;
  std::string comment;  // MariaDB only
};

struct CatalogIndex {
  std::string name;
  std::vector<std::string> columns;
  bool unique = false;
};

struct CatalogForeignKey {
  std::string name;  // MariaDB only: SQLite does not keep constraint names
  std::vector<std::string> columns;
  std::string target;
  std::vector<std::string> targetColumns;
  std::string onDelete;  // CASCADE, SET NULL, RESTRICT, NO ACTION
  std::string onUpdate;
};

struct CatalogTable {
  std::string name;
  std::vector<std::string> options;  // SQLite: strict, without rowid; MariaDB: engine, collation, comment
  std::vector<CatalogColumn> columns;  // in column order
  std::vector<std::string> primaryKey;  // in key order
  std::vector<CatalogIndex> indexes;    // every index but the primary key's
  std::vector<CatalogForeignKey> foreignKeys;
  std::vector<std::string> checks;       // MariaDB only: CHECK constraint names
  std::vector<std::string> constraints;  // MariaDB only: "<TYPE> <name>" from TABLE_CONSTRAINTS
};

struct Catalog {
  std::vector<CatalogTable> tables;
};

// One line per fact, tables, indexes, keys, checks and constraints sorted by name, so that two
// catalogs are equal exactly when their texts are.
std::string render(const Catalog& catalog);

// What `backend` must report for `schema` after loading its DDL.
Catalog expectedCatalog(const ir::Schema& schema, Backend backend);

// A schema the catalog tests load: a short label (used in database names) and its root file.
struct SchemaCase {
  std::string label;
  std::filesystem::path file;
};

// blog, shop, imports/main and the DDL cases of tests/golden/ddl/cases.
std::vector<SchemaCase> schemaCases();
SchemaCase schemaCase(const std::string& label);

// Compiles `file` for both dialects; fails the test (REQUIRE) with the diagnostics on errors.
ir::Schema compileSchema(const std::filesystem::path& file);

// The CREATE script of `schema` for `backend`, as `ormc ddl` prints it.
std::string ddlScript(const ir::Schema& schema, Backend backend, const std::string& source);

}  // namespace ormc::test::ddl
