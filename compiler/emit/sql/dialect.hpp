// How one database spells the pieces of DDL: quoted names, column types, literals, defaults,
// autoincrement, CHECK details and the table layout it prefers. The DDL emitter composes a
// script from these and holds no dialect knowledge of its own. Dialects never check the schema:
// the IR they get is valid for them (sema applied the dialect rules).
#pragma once

#include "ir/ir.hpp"

#include <string>
#include <string_view>

namespace ormc::emit::sql {

// Layout choices that differ between databases, read by the DDL emitter.
struct DdlStyle {
  // Unique constraints and indexes inside CREATE TABLE (MySQL), or as CREATE [UNIQUE] INDEX
  // statements after it (SQLite, where only a separate index keeps its name in the catalog).
  bool indexesInTable = false;
  // CREATE TABLE may name a table that is created later (SQLite). Without it, a foreign key that
  // closes a cycle is added with ALTER TABLE once every table exists.
  bool forwardReferences = false;
  // An autoincrement column declares the primary key itself (SQLite: INTEGER PRIMARY KEY
  // AUTOINCREMENT); the table then has no separate PRIMARY KEY clause.
  bool autoincrementDeclaresKey = false;
  // Doc comments become SQL comments above tables and columns (SQLite keeps the column ones in
  // sqlite_schema); otherwise the dialect has COMMENT clauses.
  bool docsAsSqlComments = false;
  // The primary key clause carries its IR name (SQLite keeps it in the table's SQL; MySQL
  // always calls the key PRIMARY and ignores a name, so none is written there).
  bool namedPrimaryKey = false;
};

// `name` between two `quote` characters, each `quote` inside it doubled: the identifier rule
// of SQLite ("...") and MySQL (`...`) alike.
inline std::string quoteDoubling(std::string_view name, char quote) {
  std::string out(1, quote);
  for (char c : name) {
    out += c;
    if (c == quote) out += quote;
  }
  return out + quote;
}

class Dialect {
 public:
  virtual ~Dialect() = default;

  // "sqlite" or "mysql": the --dialect spelling and the file suffix (<schema>.<name>.sql).
  virtual std::string_view name() const = 0;
  // For the script banner: "SQLite", "MySQL/MariaDB".
  virtual std::string_view displayName() const = 0;
  virtual DdlStyle style() const = 0;

  // Statements that precede the tables (MySQL: SET NAMES), each with its ';' and newline;
  // may be empty.
  virtual std::string prologue() const = 0;

  // `name` quoted so that any text is one identifier: "x" with '"' doubled (SQLite),
  // `x` with '`' doubled (MySQL).
  virtual std::string quoteIdentifier(std::string_view name) const = 0;

  // An SQL expression whose value is exactly the UTF-8 text `value`, whatever it holds
  // (quotes, backslashes, control characters, NUL). It may be parenthesised when a plain
  // literal cannot carry every character.
  virtual std::string stringLiteral(std::string_view value) const = 0;

  // The column type: "INTEGER", "VARCHAR(255)", "ENUM('a', 'b')", ...
  virtual std::string columnType(const ir::Schema& schema, const ir::ColumnType& type) const = 0;

  // What follows DEFAULT for `column`, or "" when the column has no SQL default (none given,
  // or one the runtime computes, such as uuid()).
  virtual std::string defaultClause(const ir::Schema& schema, const ir::Column& column) const = 0;

  // The column-definition suffix of an autoincrement key column whose primary key is named
  // `primaryKeyName` (already quoted): "CONSTRAINT ... PRIMARY KEY AUTOINCREMENT" or
  // "AUTO_INCREMENT".
  virtual std::string autoincrementClause(const std::string& primaryKeyName) const = 0;

  // A CHECK the column's type needs where the database cannot express the type itself (SQLite:
  // enum values, JSON validity, String(n) length), as the expression inside CHECK (...);
  // "" when the type says it all.
  virtual std::string typeCheck(const ir::Schema& schema, const ir::Column& column) const = 0;

  // ` COMMENT '...'` for a column with a doc comment, or "" (also when the dialect keeps docs
  // as SQL comments).
  virtual std::string columnComment(const std::string& doc) const = 0;
  // What follows the closing parenthesis of CREATE TABLE, before ';': " STRICT",
  // " ENGINE=InnoDB ... COMMENT='...'".
  virtual std::string tableOptions(const ir::Entity& entity) const = 0;

  // ---- CHECK expressions (see check_renderer.hpp) ----

  // A column as an operand of a check: its quoted name, or a conversion where the stored form
  // does not compare as its type does (SQLite keeps Decimal as TEXT: CAST(... AS REAL)).
  virtual std::string checkOperand(const std::string& quotedColumn, const ir::ColumnType& type) const = 0;
  // The length in characters of a text column: length(x) or CHAR_LENGTH(x).
  virtual std::string lengthOf(const std::string& quotedColumn) const = 0;
  // What the check renderer knows about a division's operands.
  struct Division {
    bool integers = false;        // both operands are integers (columns or literals)
    bool nonZeroDivisor = false;  // the divisor is a number literal other than zero
  };
  // `left / right` as real division (SQLite divides two integers as integers) whose result is
  // NULL when `right` is zero (MySQL's strict mode raises an error instead).
  virtual std::string divide(const std::string& left, const std::string& right, Division division) const = 0;
  // True when decimal arithmetic is computed in floating point (SQLite), so that a comparison
  // of sums must round both sides to the decimals' scale to stay exact.
  virtual bool approximatesDecimals() const = 0;
  // A string literal of the schema compared with a column of `kind` (Date, DateTime, Uuid),
  // in the form that column stores, as an SQL literal.
  virtual std::string storedLiteral(ir::ScalarKind kind, const std::string& value) const = 0;
};

// The two dialects; they live for the whole program.
const Dialect& sqliteDialect();
const Dialect& mysqlDialect();

// The dialect called `name` ("sqlite", "mysql"), or nullptr.
const Dialect* findDialect(std::string_view name);

}  // namespace ormc::emit::sql
