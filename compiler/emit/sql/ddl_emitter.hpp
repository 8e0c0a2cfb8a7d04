// IR -> the CREATE script of a whole schema for one dialect: tables in foreign-key order with
// their columns, keys, checks and comments, then their indexes, then (MySQL) the foreign keys
// that close a cycle. It writes only what the Dialect spells; it never checks the schema.
#pragma once

#include "emit/output_sink.hpp"
#include "emit/sql/dialect.hpp"
#include "ir/ir.hpp"

#include <string>

namespace ormc::emit::sql {

struct DdlOptions {
  // The schema file named in the banner ("blog.orm"); a bare file name keeps the output the
  // same wherever it is generated. Empty: the banner names no file.
  std::string source;
};

// The script: a banner, the dialect's prologue, then one group of statements per table, each
// statement ending with ';'. Deterministic: the same IR gives the same bytes.
std::string emitDdl(const ir::Schema& schema, const Dialect& dialect, const DdlOptions& options);

// "<stem>.<dialect>.sql", e.g. "blog.sqlite.sql" for stem "blog".
std::string ddlFileName(const std::string& stem, const Dialect& dialect);

// Writes emitDdl(...) to `sink` as ddlFileName(stem, dialect). Throws what the sink throws.
void writeDdl(const ir::Schema& schema, const Dialect& dialect, const DdlOptions& options, const std::string& stem,
              OutputSink& sink);

}  // namespace ormc::emit::sql
