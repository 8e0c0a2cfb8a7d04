// Spellings of IR enumerations and small IR-to-text helpers. See ir_names.hpp.
#include "ir/ir_names.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ormc::ir {

const char* toString(ScalarKind kind) {
  switch (kind) {
    case ScalarKind::Bool: return "Bool";
    case ScalarKind::Int32: return "Int32";
    case ScalarKind::Int64: return "Int64";
    case ScalarKind::Float64: return "Float64";
    case ScalarKind::Decimal: return "Decimal";
    case ScalarKind::String: return "String";
    case ScalarKind::Text: return "Text";
    case ScalarKind::Bytes: return "Bytes";
    case ScalarKind::Date: return "Date";
    case ScalarKind::DateTime: return "DateTime";
    case ScalarKind::Uuid: return "Uuid";
    case ScalarKind::Json: return "Json";
    case ScalarKind::Enum: return "Enum";
  }
  return "?";
}

const char* toString(DefaultKind kind) {
  switch (kind) {
    case DefaultKind::None: return "none";
    case DefaultKind::Bool: return "bool";
    case DefaultKind::Integer: return "integer";
    case DefaultKind::Decimal: return "decimal";
    case DefaultKind::String: return "string";
    case DefaultKind::EnumValue: return "enum";
    case DefaultKind::Now: return "now";
    case DefaultKind::Uuid: return "uuid";
  }
  return "?";
}

const char* toString(ReferentialAction action) {
  switch (action) {
    case ReferentialAction::NoAction: return "NoAction";
    case ReferentialAction::Restrict: return "Restrict";
    case ReferentialAction::Cascade: return "Cascade";
    case ReferentialAction::SetNull: return "SetNull";
  }
  return "?";
}

const char* toString(RelationKind kind) {
  switch (kind) {
    case RelationKind::ManyToOne: return "many-to-one";
    case RelationKind::OneToOne: return "one-to-one";
    case RelationKind::ManyToMany: return "many-to-many";
  }
  return "?";
}

const char* toString(Operator op) {
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
  }
  return "?";
}

const char* toString(CheckKind kind) {
  switch (kind) {
    case CheckKind::Column: return "column";
    case CheckKind::Integer: return "integer";
    case CheckKind::Decimal: return "decimal";
    case CheckKind::String: return "string";
    case CheckKind::Boolean: return "boolean";
    case CheckKind::EnumValue: return "enum";
    case CheckKind::Unary: return "unary";
    case CheckKind::Binary: return "binary";
    case CheckKind::In: return "in";
    case CheckKind::Length: return "length";
  }
  return "?";
}

std::string typeName(const Schema& schema, const ColumnType& type) {
  switch (type.kind) {
    case ScalarKind::String:
      return type.length ? fmt::format("String({})", type.length) : "String";
    case ScalarKind::Decimal:
      return fmt::format("Decimal({},{})", type.precision, type.scale);
    case ScalarKind::Enum:
      return type.enumIndex < schema.enums.size() ? schema.enums[type.enumIndex].name : "Enum";
    default:
      return toString(type.kind);
  }
}

std::string checkText(const Entity& entity, const CheckExpr& expr) {
  auto columnName = [&](std::size_t index) {
    return index < entity.columns.size() ? entity.columns[index].name : std::string("?");
  };
  switch (expr.kind) {
    case CheckKind::Column: return columnName(expr.column);
    case CheckKind::Integer:
    case CheckKind::Decimal:
    case CheckKind::Boolean: return expr.value;
    case CheckKind::String:
    case CheckKind::EnumValue: return nlohmann::json(expr.value).dump();
    case CheckKind::Length: return fmt::format("length({})", columnName(expr.column));
    case CheckKind::Unary: {
      std::string operand = expr.children.empty() ? "?" : checkText(entity, expr.children[0]);
      return fmt::format("{}{}", toString(expr.op), operand);
    }
    case CheckKind::Binary: {
      if (expr.children.size() != 2) return "?";
      return fmt::format("({} {} {})", checkText(entity, expr.children[0]), toString(expr.op),
                         checkText(entity, expr.children[1]));
    }
    case CheckKind::In: {
      if (expr.children.empty()) return "?";
      std::string items;
      for (std::size_t i = 1; i < expr.children.size(); ++i) {
        if (i > 1) items += ", ";
        items += checkText(entity, expr.children[i]);
      }
      return fmt::format("({} in [{}])", checkText(entity, expr.children[0]), items);
    }
  }
  return "?";
}

}  // namespace ormc::ir
