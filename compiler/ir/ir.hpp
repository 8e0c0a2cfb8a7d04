// The intermediate representation: the checked schema as plain data, dialect-independent,
// with every name final (tables, columns, constraints, C++ identifiers). Emitters, the
// migration differ and the JSON snapshot read only this. Cross-references are indices
// into the owning vectors (kNone when absent), never pointers; vectors keep declaration order.
#pragma once

#include "support/source_location.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ormc::ir {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

enum class ScalarKind { Bool, Int32, Int64, Float64, Decimal, String, Text, Bytes, Date, DateTime, Uuid, Json, Enum };

struct ColumnType {
  ScalarKind kind = ScalarKind::Int64;
  std::uint32_t length = 0;     // String(n); 0 means unbounded
  std::uint32_t precision = 0;  // Decimal(p, s)
  std::uint32_t scale = 0;
  std::size_t enumIndex = kNone;  // Enum: index into Schema::enums

  friend bool operator==(const ColumnType&, const ColumnType&) = default;
};

enum class DefaultKind { None, Bool, Integer, Decimal, String, EnumValue, Now, Uuid };

struct DefaultValue {
  DefaultKind kind = DefaultKind::None;
  // Canonical literal: "true"/"false", "-12", "0.00", the decoded string (also for Json,
  // Date and DateTime literals), or for EnumValue the value's name.
  std::string value;
  std::size_t enumValue = kNone;  // EnumValue: index into the enum's values

  friend bool operator==(const DefaultValue&, const DefaultValue&) = default;
};

struct Column {
  std::string name;   // final SQL column name
  std::string field;  // the model field it stores; for join-table columns, "" 
  ColumnType type;
  bool nullable = false;
  DefaultValue defaultValue;
  bool autoincrement = false;
  bool updatedAt = false;  // set by the runtime on every update
  bool version = false;    // optimistic-locking counter
  std::string doc;
  SourceRange origin;
};

enum class FieldKind { Scalar, Relation };

// A member of the generated C++ struct: a stored column, or one side of a relation.
struct Field {
  std::string name;     // as written in the schema
  std::string cppName;  // C++ member name (keywords get a trailing '_')
  FieldKind kind = FieldKind::Scalar;
  std::size_t column = kNone;    // Scalar: index into Entity::columns
  std::size_t relation = kNone;  // Relation: index into Schema::relations
  bool many = false;             // Relation: a collection (M[])
  bool optional = false;         // nullable scalar, or M?
  std::string renamedFrom;       // @renamed(from: "...")
  std::string doc;
  SourceRange origin;
};

struct PrimaryKey {
  std::string name;  // <table>_pkey
  std::vector<std::size_t> columns;
};

// A unique constraint (unique == true) or a plain index.
struct Index {
  std::string name;  // <table>_<cols>_key / <table>_<cols>_idx, or the user's name
  std::vector<std::size_t> columns;
  bool unique = false;
  SourceRange origin;
};

enum class ReferentialAction { NoAction, Restrict, Cascade, SetNull };

struct ForeignKey {
  std::string name;  // <table>_<cols>_fkey
  std::vector<std::size_t> columns;        // in this entity
  std::size_t targetEntity = kNone;
  std::vector<std::size_t> targetColumns;  // in the target entity, same count and order
  ReferentialAction onDelete = ReferentialAction::NoAction;
  ReferentialAction onUpdate = ReferentialAction::Cascade;
  std::size_t relation = kNone;  // index into Schema::relations
  SourceRange origin;
};

enum class Operator { Or, And, Not, Negate, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div };

enum class CheckKind { Column, Integer, Decimal, String, Boolean, EnumValue, Unary, Binary, In, Length };

// A @check expression with names resolved to columns of its entity.
struct CheckExpr {
  CheckKind kind = CheckKind::Boolean;
  Operator op = Operator::Eq;       // Unary / Binary
  std::size_t column = kNone;       // Column, Length
  std::string value;                // literals; EnumValue: the stored (mapped) value
  std::vector<CheckExpr> children;  // Unary: 1, Binary: 2, In: subject then the list items
};

struct Check {
  std::string name;  // <table>_<n>_check, or <table>_<col>_check for a field's @check
  CheckExpr expr;
  SourceRange origin;
};

struct Entity {
  std::string name;     // model name; join tables get "<A>To<B>" or the relation's name
  std::string cppName;  // C++ struct name
  std::string table;    // final SQL table name
  bool joinTable = false;  // implicit many-to-many join table: no C++ struct of its own
  std::vector<Field> fields;
  std::vector<Column> columns;
  PrimaryKey primaryKey;
  std::vector<Index> indexes;  // unique constraints and indexes, in declaration order
  std::vector<ForeignKey> foreignKeys;
  std::vector<Check> checks;
  std::string renamedFrom;  // @@renamed(from: "...")
  std::string doc;
  SourceRange origin;
};

struct EnumValue {
  std::string name;     // as written
  std::string cppName;  // C++ enumerator
  std::string dbValue;  // @map("r") or the name
  std::string doc;
  SourceRange origin;
};

struct Enum {
  std::string name;
  std::string cppName;
  std::vector<EnumValue> values;
  std::string doc;
  SourceRange origin;
};

enum class RelationKind { ManyToOne, OneToOne, ManyToMany };

// One end of a relation: the entity, and its relation field if the schema declares one.
struct RelationEnd {
  std::size_t entity = kNone;
  std::size_t field = kNone;  // index into that entity's fields; kNone if this side is not declared
};

// A relation with both sides resolved. For ManyToOne/OneToOne, `owner` holds the foreign key
// and `inverse` is the referenced side; for ManyToMany the two ends are ordered by model name
// and the rows live in `joinTable`.
struct Relation {
  std::string name;  // @relation("Name"), or "<Owner>To<Inverse>" by default
  RelationKind kind = RelationKind::ManyToOne;
  RelationEnd owner;
  RelationEnd inverse;
  std::size_t foreignKey = kNone;  // index into owner entity's foreignKeys (not ManyToMany)
  std::size_t joinTable = kNone;   // ManyToMany: index into Schema::entities
  SourceRange origin;
};

struct Schema {
  std::vector<std::string> namespacePath;  // `schema acme.blog;` -> {"acme", "blog"}
  std::vector<Enum> enums;
  std::vector<Entity> entities;  // models in declaration order, then join tables
  std::vector<Relation> relations;
};

}  // namespace ormc::ir
