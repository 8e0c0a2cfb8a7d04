// The semantic model sema's passes fill in step by step, and the one object they share:
// the AST being checked, the options, the diagnostics, and what each pass decided about
// every model, field and enum. Lowering reads it; it never outlives analyze().
#pragma once

#include "ast/ast.hpp"
#include "ir/ir.hpp"
#include "sema/sema.hpp"
#include "sema/symbol_table.hpp"
#include "support/diagnostics.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ormc::sema {

inline constexpr std::size_t kNone = ir::kNone;

enum class TypeKind { Unresolved, Scalar, Enum, Model };

struct FieldType {
  TypeKind kind = TypeKind::Unresolved;
  ir::ColumnType column;      // Scalar and Enum
  std::size_t model = kNone;  // Model: index into Context::models
  bool optional = false;
  bool list = false;
};

// The arguments of a field's @relation(...), as written (validated by the attribute pass).
struct RelationArgs {
  const ast::Attribute* attribute = nullptr;  // nullptr when the field has no @relation
  bool valid = true;  // false: the name, fields or references were malformed (reported)
  std::string name;                           // "" when unnamed
  SourceRange nameRange;
  const ast::Expr* fields = nullptr;      // a List of Names
  const ast::Expr* references = nullptr;  // a List of Names
  std::optional<ir::ReferentialAction> onDelete;
  std::optional<ir::ReferentialAction> onUpdate;
  SourceRange onDeleteRange;
  SourceRange onUpdateRange;
};

// Each attribute a field carries (the first one when repeated; repeats are errors).
struct FieldAttributes {
  const ast::Attribute* id = nullptr;
  const ast::Attribute* autoincrement = nullptr;
  const ast::Attribute* unique = nullptr;
  const ast::Attribute* index = nullptr;
  const ast::Attribute* defaultValue = nullptr;
  const ast::Attribute* map = nullptr;
  const ast::Attribute* updatedAt = nullptr;
  const ast::Attribute* version = nullptr;
  const ast::Attribute* check = nullptr;
  const ast::Attribute* renamed = nullptr;
  const ast::Attribute* relation = nullptr;

  const ast::Expr* defaultExpr = nullptr;  // the argument of a well-formed @default
  const ast::Expr* checkExpr = nullptr;    // the argument of a well-formed @check
  std::optional<std::string> mappedName;   // @map("col")
  SourceRange mappedNameRange;
  std::string renamedFrom;
  RelationArgs relationArgs;
};

struct FieldInfo {
  const ast::FieldDecl* decl = nullptr;
  FieldType type;
  // False once the field's type failed to resolve: later rules stay quiet about it.
  bool ok = true;
  FieldAttributes attrs;

  // Decided by later passes.
  std::string cppName;
  std::string column;              // final column name (scalar and enum fields)
  std::size_t columnIndex = kNone;  // index into the entity's columns
  ir::DefaultValue defaultValue;
  std::size_t relation = kNone;  // index into Context::relations

  const std::string& name() const { return decl->name.name; }
  bool isRelation() const { return type.kind == TypeKind::Model; }
  bool isColumn() const { return type.kind == TypeKind::Scalar || type.kind == TypeKind::Enum; }
};

// A unique constraint or index, from @unique/@index or @@unique/@@index.
struct IndexInfo {
  bool unique = false;
  std::vector<std::size_t> fields;  // indices into ModelInfo::fields
  std::optional<std::string> userName;  // name: "..."
  SourceRange userNameRange;
  SourceRange origin;
  std::string name;  // final constraint name
};

// A @check or @@check with its expression type-checked and lowered.
struct CheckInfo {
  const ast::Expr* expr = nullptr;
  std::size_t field = kNone;  // the field of a field-level @check
  SourceRange origin;
  bool ok = false;
  ir::CheckExpr lowered;
  std::string name;
};

// Whether a model's primary key is usable. Missing: none was declared (E0301 reported);
// Failed: one was declared but broken (reported, or a parse error), so dependants stay quiet.
enum class KeyState { Valid, Missing, Failed };

// @@id([..]), @@unique([..], name: "n") or @@index([..], name: "n") as written.
struct BlockFieldList {
  const ast::Attribute* attribute = nullptr;
  const ast::Expr* fields = nullptr;  // a List of Names; null when malformed
  std::optional<std::string> name;
  SourceRange nameRange;
};

struct ModelInfo {
  const ast::ModelDecl* decl = nullptr;
  std::size_t file = 0;  // index into the files vector
  std::vector<FieldInfo> fields;  // duplicates and broken fields left out
  std::map<std::string, std::size_t> fieldsByName;
  std::vector<std::string> brokenFieldNames;  // fields that failed to parse: lookups stay quiet
  // Something in the model failed to parse: rules that need the whole model (primary key)
  // stay quiet.
  bool incomplete = false;

  std::string cppName;
  std::string table;
  bool tableMapped = false;  // @@map given
  SourceRange tableRange;    // the @@map argument, or the model name
  std::string renamedFrom;

  // Block attributes as written (a malformed one keeps its place with `fields` null).
  std::vector<BlockFieldList> blockIds;
  std::vector<BlockFieldList> blockUniques;
  std::vector<BlockFieldList> blockIndexes;
  std::vector<const ast::Expr*> blockChecks;
  const ast::Attribute* blockMap = nullptr;
  const ast::Attribute* blockRenamed = nullptr;

  // Decided by the key pass.
  KeyState keyState = KeyState::Failed;
  std::vector<std::size_t> primaryKey;  // field indices, in key order
  SourceRange primaryKeyOrigin;
  std::string primaryKeyName;
  std::vector<IndexInfo> indexes;
  std::vector<CheckInfo> checks;
  // Decided by the relation pass: the foreign-key relations this model owns (indices into
  // Context::relations, in relation order).
  std::vector<std::size_t> foreignKeyRelations;

  const std::string& name() const { return decl->name.name; }
  // The field called `name`, or kNone.
  std::size_t findField(const std::string& name) const {
    auto it = fieldsByName.find(name);
    return it == fieldsByName.end() ? kNone : it->second;
  }
  bool isBrokenField(const std::string& name) const;
  std::vector<std::string> fieldNames() const;
};

struct EnumValueInfo {
  const ast::EnumValueDecl* decl = nullptr;
  std::string cppName;
  std::string dbValue;
  SourceRange dbValueRange;  // the @map argument, or the value's name
  const std::string& name() const { return decl->name.name; }
};

struct EnumInfo {
  const ast::EnumDecl* decl = nullptr;
  std::string cppName;
  std::vector<EnumValueInfo> values;  // duplicates and broken values left out
  std::map<std::string, std::size_t> valuesByName;
  bool incomplete = false;            // a value failed to parse: unknown-value errors stay quiet
  const std::string& name() const { return decl->name.name; }
  // Index of the value called `name`, or kNone.
  std::size_t findValue(const std::string& name) const;
  std::vector<std::string> valueNames() const;
};

// A join-table column of a many-to-many relation.
struct JoinColumn {
  std::string name;
  ir::ColumnType type;
};

// One relation with both sides paired.
struct RelationInfo {
  ir::RelationKind kind = ir::RelationKind::ManyToOne;
  std::string name;  // the user's name, or "<Owner>To<Inverse>"
  std::size_t ownerModel = kNone;
  std::size_t ownerField = kNone;
  std::size_t inverseModel = kNone;
  std::size_t inverseField = kNone;  // kNone when the other side is not declared
  SourceRange origin;

  // ManyToOne / OneToOne: the foreign key on the owner.
  std::vector<std::size_t> fkFields;   // owner's fields
  std::vector<std::size_t> refFields;  // inverse model's fields
  ir::ReferentialAction onDelete = ir::ReferentialAction::Restrict;
  ir::ReferentialAction onUpdate = ir::ReferentialAction::Cascade;
  std::string fkName;

  // ManyToMany: the join table.
  std::string joinEntityName;
  std::string joinTable;
  std::vector<JoinColumn> ownerColumns;    // reference the owner's primary key
  std::vector<JoinColumn> inverseColumns;  // reference the inverse's primary key
  std::string joinPrimaryKeyName;
  std::string joinOwnerFkName;
  std::string joinInverseFkName;
  std::string joinIndexName;
};

// Who uses a table name, for "already used by" messages.
struct TableClaim {
  std::string table;
  std::string owner;  // "model 'User'", "the join table of relation 'PostToTag'"
  SourceRange range;
};

struct Context {
  Context(const std::vector<ast::File>& files, const Options& options, DiagnosticEngine& diags)
      : files(files), options(options), diags(diags) {}

  const std::vector<ast::File>& files;
  const Options& options;
  DiagnosticEngine& diags;

  SymbolTable symbols;
  std::vector<ModelInfo> models;  // declaration order; duplicates and broken models left out
  std::vector<EnumInfo> enums;
  std::vector<RelationInfo> relations;  // in order of the owner field's declaration
  std::map<std::string, TableClaim> tables;  // by lower-cased name: tables collide case-insensitively
  std::vector<std::string> namespacePath;
};

}  // namespace ormc::sema
