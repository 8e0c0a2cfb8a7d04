// IR -> the CREATE script of a whole schema for one dialect: tables in foreign-key order with
// their columns, keys, checks and comments, then their indexes, then (MySQL) the foreign keys
// that close a cycle. It writes only what the Dialect spells; it never checks the schema.
#pragma once

#include "emit/output_sink.hpp"
#include "emit/sql/dialect.hpp"
#include "ir/ir.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace ormc::emit::sql {

struct DdlOptions {
  // The schema file named in the banner ("blog.orm"); a bare file name keeps the output the
  // same wherever it is generated. Empty: the banner names no file.
  std::string source;
};

// The pieces of one table's DDL, as the CREATE script writes them: shared with the migration
// SQL (compiler/migrate), which creates, rebuilds and alters tables one at a time.
class TableDdl {
 public:
  TableDdl(const ir::Schema& schema, const Dialect& dialect);

  // CREATE TABLE ...; with a trailing newline, leaving out the foreign keys at the given
  // positions (they close a cycle and are added later). `tableName` overrides the table's name
  // (a rebuild creates the new table under a temporary one).
  std::string createTable(std::size_t entity, const std::vector<std::size_t>& skippedForeignKeys = {},
                          const std::string& tableName = "") const;
  // `"name" TYPE NOT NULL DEFAULT ...`, the name padded to `width` code points.
  std::string columnDefinition(const ir::Entity& entity, std::size_t column, std::size_t width = 0) const;
  // `CONSTRAINT "t_pkey" PRIMARY KEY (...)`, or "" when the autoincrement column declares it.
  std::string primaryKey(const ir::Entity& entity) const;
  // `CONSTRAINT "n" UNIQUE (...)` or `INDEX "n" (...)`, the in-table forms.
  std::string uniqueOrIndex(const ir::Entity& entity, const ir::Index& index) const;
  // `CREATE [UNIQUE] INDEX "n" ON "t" (...)`, without ';'.
  std::string createIndex(const ir::Entity& entity, const ir::Index& index) const;
  // `CONSTRAINT "n" FOREIGN KEY (...) REFERENCES "t" (...) ON DELETE ... ON UPDATE ...`.
  std::string foreignKey(const ir::Entity& entity, const ir::ForeignKey& key) const;
  // `CONSTRAINT "n" CHECK (...)`.
  std::string check(const ir::Entity& entity, const ir::Check& check) const;
  // `"a", "b"`: quoted column names.
  std::string columnList(const ir::Entity& entity, const std::vector<std::size_t>& columns) const;

 private:
  std::string q(const std::string& name) const;
  std::size_t autoincrementColumn(const ir::Entity& entity) const;
  std::vector<std::string> tableConstraints(std::size_t entity, const std::vector<std::size_t>& skippedForeignKeys) const;

  const ir::Schema& schema_;
  const Dialect& dialect_;
  const DdlStyle style_;
};

// ON DELETE / ON UPDATE as SQL spells the action ("SET NULL"); both dialects and their catalogs
// use these words.
const char* referentialActionSql(ir::ReferentialAction action);

// The script: a banner, the dialect's prologue, then one group of statements per table, each
// statement ending with ';'. Deterministic: the same IR gives the same bytes.
std::string emitDdl(const ir::Schema& schema, const Dialect& dialect, const DdlOptions& options);

// "<stem>.<dialect>.sql", e.g. "blog.sqlite.sql" for stem "blog".
std::string ddlFileName(const std::string& stem, const Dialect& dialect);

// Writes emitDdl(...) to `sink` as ddlFileName(stem, dialect). Throws what the sink throws.
void writeDdl(const ir::Schema& schema, const Dialect& dialect, const DdlOptions& options, const std::string& stem,
              OutputSink& sink);

}  // namespace ormc::emit::sql
