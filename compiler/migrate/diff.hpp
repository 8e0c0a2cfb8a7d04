// The difference between two schemas as the operations that move a database from the first
// to the second (`ormc migrate diff`, issue 7). Pure: IR in, plain data out; the SQL of each
// operation per dialect is another stage's job.
//
// Renames come only from the schema's hints: a model with @@renamed(from: "Old") takes over
// Old's table, a field with @renamed(from: "old") takes over old's column. Without a hint a
// name that disappeared is a drop and a name that appeared is an add, and the diff says so in
// a note, because the data of the dropped table or column is lost.
#pragma once

#include "ir/ir.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace ormc::migration {

enum class OperationKind {
  DropForeignKey,
  DropIndex,
  DropCheck,
  RenameTable,
  RenameColumn,
  CreateTable,
  AddEnumValues,  // before columns use the new values
  AddColumn,
  AlterColumn,
  RemoveEnumValues,  // after no column holds them
  DropColumn,
  ChangePrimaryKey,
  DropTable,
  AddIndex,
  AddForeignKey,
  AddCheck,
};

const char* toString(OperationKind kind);

// What an AlterColumn changes.
struct ColumnChange {
  bool type = false;
  bool nullability = false;
  bool defaultValue = false;
};

struct Operation {
  OperationKind kind = OperationKind::CreateTable;
  // The table, named as it is when the operation runs: after a RenameTable, the new name.
  std::string table{};
  // The column, index, foreign key or check; for RenameTable / RenameColumn the new name.
  std::string name{};
  std::string from{};  // RenameTable / RenameColumn: the old name
  // Where the item is described: in the new schema for what is created, renamed or altered,
  // in the old one for what is dropped (`before` tells which). Indices into the schema's
  // entities and into that entity's columns / indexes / foreignKeys / checks.
  bool before = false;
  std::size_t entity = ir::kNone;
  std::size_t item = ir::kNone;
  std::size_t beforeEntity = ir::kNone;  // AlterColumn, ChangePrimaryKey: the old table
  std::size_t beforeItem = ir::kNone;    // AlterColumn: the old column
  ColumnChange change{};                 // AlterColumn
  std::vector<std::string> values{};     // Add/RemoveEnumValues: the stored values; `name` is the enum
  // Data this operation loses or may refuse to keep; empty if none. Destructive operations are
  // refused unless allowed (`--allow-destructive`) and listed at the top of the SQL.
  std::string loss{};

  bool destructive() const noexcept { return !loss.empty(); }
};

// Which table and column of the old schema each one of the new schema continues (kNone: it is
// new). The SQL of a migration copies rows along it.
struct Match {
  std::vector<std::size_t> entity;               // per entity of the new schema
  std::vector<std::vector<std::size_t>> column;  // per entity of the new schema, per column
};

struct Diff {
  std::vector<Operation> operations;  // in the order they must run
  std::vector<std::string> notes;     // what the user should know (drops that may be renames)
  Match match;

  bool empty() const noexcept { return operations.empty(); }
  std::vector<const Operation*> destructive() const;
};

// The operations that turn `before` into `after`.
Diff diff(const ir::Schema& before, const ir::Schema& after);

// The way back (a down migration): the operations that turn `after` into `before`, pairing
// tables and columns as `up` = diff(before, after) did, since the rename hints are in `after`.
Diff diffBack(const ir::Schema& before, const ir::Schema& after, const Diff& up);

// A one-line description: "add column users.nickname", "rename table post to article".
std::string describe(const Operation& operation);

}  // namespace ormc::migration
