// The SQL of a migration for one dialect: the statements that carry out a Diff on a live
// database, keeping its rows (issue 7).
//
// MySQL alters tables in place. SQLite alters in place only what it can (rename a table or a
// column, add a column it can fill, create or drop an index); any other change to a table is
// SQLite's documented table rebuild: create the new table under a temporary name, copy the rows
// (renamed columns followed, NULLs of a column made required replaced by its default), drop the
// old table, rename the new one into place, recreate its indexes. The old table is never renamed
// first, since SQLite would then re-point other tables' foreign keys at it. A rebuild needs
// foreign keys off around the transaction; the script says so (foreignKeysOff) and the runner
// sets it and runs PRAGMA foreign_key_check before committing.
#pragma once

#include "emit/sql/dialect.hpp"
#include "ir/ir.hpp"
#include "migrate/diff.hpp"

#include <string>
#include <vector>

namespace ormc::migration {

struct MigrationSql {
  std::vector<std::string> statements;  // each one complete, without its ';'
  bool foreignKeysOff = false;          // SQLite: a table is rebuilt (see above)
};

// The statements that turn a database of `before` into one of `after`, for `diff` =
// diff(before, after) (or diffBack(...) with the schemas swapped).
MigrationSql migrationSql(const ir::Schema& before, const ir::Schema& after, const Diff& diff,
                          const emit::sql::Dialect& dialect);

// The script as a file: a banner, a comment naming each destructive operation and what it
// loses, the foreign-key note for the runner, then the statements, each ending with ";\n".
std::string migrationScript(const MigrationSql& sql, const Diff& diff, const emit::sql::Dialect& dialect);

}  // namespace ormc::migration
