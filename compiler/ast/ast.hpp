// The abstract syntax tree of one .orm file: plain structs in source order, each with the
// byte range it came from. It says what was written, not what it means (that is sema's job);
// nodes that failed to parse carry `broken = true` so later stages skip them quietly.
#pragma once

#include "support/source_location.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ormc::ast {

struct Identifier {
  std::string name;
  SourceRange range;
};

enum class ExprKind {
  Error,    // a subtree that failed to parse
  Integer,  // text: decimal digits, no sign (unary minus is a Unary node)
  Decimal,  // text: digits '.' digits
  String,   // text: the decoded value (escapes resolved)
  Boolean,  // boolValue
  Name,     // text: an identifier (field, enum value, relation action)
  Call,     // text: function name; children: arguments  (now(), uuid(), length(f))
  List,     // children: elements  ([a, b])
  Unary,    // op: Not | Negate; children[0]
  Binary,   // op; children[0], children[1]
  In,       // children[0] in children[1] (a List)
};

enum class Operator { None, Or, And, Not, Negate, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div };

// How the operator is written in a schema ("&&", "<=", ...).
inline const char* spelling(Operator op) {
  switch (op) {
    case Operator::Or: return "||";
    case Operator::And: return "&&";
    case Operator::Not: return "!";
    case Operator::Negate: return "-";
    case Operator::Eq: return "==";
    case Operator::Ne: return "!=";
    case Operator::Lt: return "<";
    case Operator::Le: return "<=";
    case Operator::Gt: return ">";
    case Operator::Ge: return ">=";
    case Operator::Add: return "+";
    case Operator::Sub: return "-";
    case Operator::Mul: return "*";
    case Operator::Div: return "/";
    case Operator::None: break;
  }
  return "?";
}

// One expression node; the same shape serves attribute arguments, defaults and @check.
struct Expr {
  ExprKind kind = ExprKind::Error;
  Operator op = Operator::None;
  std::string text;
  bool boolValue = false;
  std::vector<Expr> children;
  SourceRange range;
};

struct Argument {
  std::optional<Identifier> name;  // `fields:` in `fields: [a]`; absent for positional
  Expr value;
  SourceRange range;
};

struct Attribute {
  Identifier name;  // without the @ or @@
  bool block = false;  // @@attr (model/enum level) rather than @attr (field/value level)
  std::vector<Argument> arguments;
  bool hasArgumentList = false;  // `@default()` vs `@default`
  SourceRange range;
};

struct TypeArgument {
  std::string digits;
  SourceRange range;
};

struct TypeRef {
  Identifier name;
  std::vector<TypeArgument> arguments;  // String(255), Decimal(12, 2)
  bool optional = false;  // T?
  bool list = false;      // T[]
  SourceRange range;
};

struct FieldDecl {
  std::string doc;  // joined `///` lines, without the slashes and one leading space
  Identifier name;
  TypeRef type;
  std::vector<Attribute> attributes;
  bool broken = false;
  SourceRange range;
};

struct ModelDecl {
  std::string doc;
  Identifier name;
  std::vector<FieldDecl> fields;
  std::vector<Attribute> attributes;  // @@ attributes, in source order
  bool broken = false;
  SourceRange range;
};

struct EnumValueDecl {
  std::string doc;
  Identifier name;
  std::vector<Attribute> attributes;
  bool broken = false;
  SourceRange range;
};

struct EnumDecl {
  std::string doc;
  Identifier name;
  std::vector<EnumValueDecl> values;
  std::vector<Attribute> attributes;  // @@ attributes
  bool broken = false;
  SourceRange range;
};

struct SchemaDecl {
  std::vector<Identifier> path;  // acme.blog -> {acme, blog}
  SourceRange range;
};

struct ImportDecl {
  std::string path;  // as written, relative to the importing file
  SourceRange pathRange;
  SourceRange range;
};

struct File {
  FileId file = kNoFile;
  std::optional<SchemaDecl> schema;
  std::vector<ImportDecl> imports;
  std::vector<ModelDecl> models;
  std::vector<EnumDecl> enums;
  bool empty = true;  // no schema line, import or declaration at all
  bool schemaBroken = false;  // a schema line was there but did not parse (already reported)
};

}  // namespace ormc::ast
