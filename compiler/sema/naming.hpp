// SQL names of tables and columns: @@map/@map or snake_case, checked for collisions
// (case-insensitively: MySQL on some systems and SQLite fold case) with E0205/E0206, for
// emptiness (E0215) and for MySQL's 64-character limit (E0216).
#pragma once

#include "sema/context.hpp"

#include <string>
#include <string_view>

namespace ormc::sema {

// ASCII lower case, the key under which SQL names are compared.
std::string foldCase(std::string_view name);

// Decides every model's table and every column field's column name and index.
void assignTableAndColumnNames(Context& ctx);

// Records `table` as used by `owner`; reports E0205 at `range` (with `help`, if any) if it
// is taken. Returns true if the name was free.
bool claimTable(Context& ctx, const std::string& table, SourceRange range, std::string owner,
                std::string_view help = {});

// E0216 when MySQL is a target and `name` is longer than 64 characters. `what`:
// "table name", "column name", ...; `help` says how to pick another. Returns true if fine.
bool checkNameLength(Context& ctx, const std::string& name, SourceRange range, std::string_view what,
                     std::string_view help);

}  // namespace ormc::sema
