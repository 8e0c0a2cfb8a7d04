// @check type checking and lowering. See checks.hpp.
#include "sema/checks.hpp"

#include "sema/builtin_types.hpp"
#include "sema/literals.hpp"
#include "support/diagnostic_codes.hpp"
#include "support/suggest.hpp"

#include <fmt/format.h>

namespace ormc::sema {

namespace {

enum class ValueType { Error, Bool, Number, String, Enum, Date, DateTime, Uuid, Bytes, Json };

struct Typed {
  ValueType type = ValueType::Error;
  std::size_t enumIndex = kNone;
  bool stringLiteral = false;  // may stand for a Date, DateTime or Uuid too
  const ast::Expr* source = nullptr;
  ir::CheckExpr expr;
};

bool isComparison(ast::Operator op) {
  switch (op) {
    case ast::Operator::Eq:
    case ast::Operator::Ne:
    case ast::Operator::Lt:
    case ast::Operator::Le:
    case ast::Operator::Gt:
    case ast::Operator::Ge: return true;
    default: return false;
  }
}

bool isArithmetic(ast::Operator op) {
  return op == ast::Operator::Add || op == ast::Operator::Sub || op == ast::Operator::Mul || op == ast::Operator::Div;
}


ir::Operator lowerOperator(ast::Operator op) {
  switch (op) {
    case ast::Operator::Or: return ir::Operator::Or;
    case ast::Operator::And: return ir::Operator::And;
    case ast::Operator::Not: return ir::Operator::Not;
    case ast::Operator::Negate: return ir::Operator::Negate;
    case ast::Operator::Eq: return ir::Operator::Eq;
    case ast::Operator::Ne: return ir::Operator::Ne;
    case ast::Operator::Lt: return ir::Operator::Lt;
    case ast::Operator::Le: return ir::Operator::Le;
    case ast::Operator::Gt: return ir::Operator::Gt;
    case ast::Operator::Ge: return ir::Operator::Ge;
    case ast::Operator::Add: return ir::Operator::Add;
    case ast::Operator::Sub: return ir::Operator::Sub;
    case ast::Operator::Mul: return ir::Operator::Mul;
    case ast::Operator::Div: return ir::Operator::Div;
    case ast::Operator::None: break;
  }
  return ir::Operator::Eq;
}

ValueType valueTypeOf(ir::ScalarKind kind) {
  switch (kind) {
    case ir::ScalarKind::Bool: return ValueType::Bool;
    case ir::ScalarKind::Int32:
    case ir::ScalarKind::Int64:
    case ir::ScalarKind::Float64:
    case ir::ScalarKind::Decimal: return ValueType::Number;
    case ir::ScalarKind::String:
    case ir::ScalarKind::Text: return ValueType::String;
    case ir::ScalarKind::Date: return ValueType::Date;
    case ir::ScalarKind::DateTime: return ValueType::DateTime;
    case ir::ScalarKind::Uuid: return ValueType::Uuid;
    case ir::ScalarKind::Bytes: return ValueType::Bytes;
    case ir::ScalarKind::Json: return ValueType::Json;
    case ir::ScalarKind::Enum: return ValueType::Enum;
  }
  return ValueType::Error;
}

class CheckAnalyzer {
 public:
  CheckAnalyzer(Context& ctx, const ModelInfo& model) : ctx_(ctx), model_(model) {}

  // Type-checks `expr` as a whole check; returns the lowered expression or nullopt.
  std::optional<ir::CheckExpr> analyze(const ast::Expr& expr);

 private:
  Typed visit(const ast::Expr& expr, std::size_t enumHint);
  Typed visitName(const ast::Expr& expr, std::size_t enumHint);
  Typed visitLiteral(const ast::Expr& expr, bool negative);
  Typed visitCall(const ast::Expr& expr);
  Typed visitUnary(const ast::Expr& expr);
  Typed visitBinary(const ast::Expr& expr);
  Typed visitIn(const ast::Expr& expr);
  bool compatible(const Typed& a, const Typed& b, const ast::Expr& where);
  // The enum of a Name that is an enum field, for binding the other side's value names.
  std::size_t enumOf(const ast::Expr& expr) const;
  std::string describe(const Typed& t) const;
  Typed fail(SourceRange range, std::string message);

  Context& ctx_;
  const ModelInfo& model_;
};

std::string CheckAnalyzer::describe(const Typed& t) const {
  switch (t.type) {
    case ValueType::Bool: return "a boolean";
    case ValueType::Number: return "a number";
    case ValueType::String: return "a string";
    case ValueType::Enum: return fmt::format("a value of enum '{}'", ctx_.enums[t.enumIndex].name());
    case ValueType::Date: return "a date";
    case ValueType::DateTime: return "a date-time";
    case ValueType::Uuid: return "a UUID";
    case ValueType::Bytes: return "bytes";
    case ValueType::Json: return "JSON";
    case ValueType::Error: break;
  }
  return "an error";
}

Typed CheckAnalyzer::fail(SourceRange range, std::string message) {
  ctx_.diags.error(codes::kCheckType, range, std::move(message));
  return {};
}

std::size_t CheckAnalyzer::enumOf(const ast::Expr& expr) const {
  if (expr.kind != ast::ExprKind::Name) return kNone;
  std::size_t index = model_.findField(expr.text);
  if (index == kNone) return kNone;
  const FieldInfo& field = model_.fields[index];
  return field.ok && field.type.kind == TypeKind::Enum ? field.type.column.enumIndex : kNone;
}

Typed CheckAnalyzer::visitName(const ast::Expr& expr, std::size_t enumHint) {
  // Compared with an enum field, a value name of that enum means the value.
  if (enumHint != kNone) {
    const EnumInfo& info = ctx_.enums[enumHint];
    if (std::size_t value = info.findValue(expr.text); value != kNone) {
      Typed t{ValueType::Enum, enumHint, false, &expr, {}};
      t.expr.kind = ir::CheckKind::EnumValue;
      t.expr.value = info.values[value].dbValue;
      return t;
    }
  }
  std::size_t index = model_.findField(expr.text);
  if (index == kNone) {
    if (model_.isBrokenField(expr.text)) return {};
    if (enumHint != kNone && !ctx_.enums[enumHint].incomplete) {
      const EnumInfo& info = ctx_.enums[enumHint];
      Diagnostic& d = ctx_.diags.error(codes::kUnknownEnumValue, expr.range,
                                       fmt::format("unknown value '{}' of enum '{}'", expr.text, info.name()));
      std::string hint = didYouMean(expr.text, info.valueNames());
      if (!hint.empty()) d.addHelp(hint);
      return {};
    }
    if (enumHint != kNone) return {};
    Diagnostic& d = ctx_.diags.error(codes::kUnknownField, expr.range,
                                     fmt::format("unknown field '{}' in check of model '{}'", expr.text, model_.name()));
    std::string hint = didYouMean(expr.text, model_.fieldNames());
    if (!hint.empty()) d.addHelp(hint);
    return {};
  }
  const FieldInfo& field = model_.fields[index];
  if (!field.ok) return {};
  if (field.isRelation()) {
    ctx_.diags.error(codes::kRelationFieldUsage, expr.range,
                     fmt::format("relation field '{}' cannot be used in a check", expr.text))
        .addHelp("use its foreign key fields instead");
    return {};
  }
  Typed t{valueTypeOf(field.type.column.kind), field.type.column.enumIndex, false, &expr, {}};
  t.expr.kind = ir::CheckKind::Column;
  t.expr.column = field.columnIndex;
  return t;
}

Typed CheckAnalyzer::visitLiteral(const ast::Expr& expr, bool negative) {
  Typed t;
  t.source = &expr;
  std::string sign = negative ? "-" : "";
  switch (expr.kind) {
    case ast::ExprKind::Integer:
      t.type = ValueType::Number;
      t.expr.kind = ir::CheckKind::Integer;
      t.expr.value = sign + expr.text;
      break;
    case ast::ExprKind::Decimal:
      t.type = ValueType::Number;
      t.expr.kind = ir::CheckKind::Decimal;
      t.expr.value = sign + expr.text;
      break;
    case ast::ExprKind::String:
      t.type = ValueType::String;
      t.stringLiteral = true;
      t.expr.kind = ir::CheckKind::String;
      t.expr.value = expr.text;
      break;
    default:
      t.type = ValueType::Bool;
      t.expr.kind = ir::CheckKind::Boolean;
      t.expr.value = expr.boolValue ? "true" : "false";
      break;
  }
  return t;
}

Typed CheckAnalyzer::visitCall(const ast::Expr& expr) {
  if (expr.text != "length") {
    std::string hint = didYouMean(expr.text, {"length"});
    Diagnostic& d = ctx_.diags.error(codes::kCheckType, expr.range,
                                     fmt::format("function '{}' cannot be used in a check", expr.text));
    d.addHelp(hint.empty() ? "the only function in a check is length(field)" : hint);
    return {};
  }
  if (expr.children.size() != 1 || expr.children[0].kind != ast::ExprKind::Name) {
    return fail(expr.range, "length() takes one argument: a String or Text field");
  }
  Typed arg = visitName(expr.children[0], kNone);
  if (arg.type == ValueType::Error) return {};
  if (arg.type != ValueType::String) {
    return fail(expr.children[0].range, fmt::format("length() needs a String or Text field, but '{}' is {}",
                                                    expr.children[0].text, describe(arg)));
  }
  Typed t{ValueType::Number, kNone, false, &expr, {}};
  t.expr.kind = ir::CheckKind::Length;
  t.expr.column = arg.expr.column;
  return t;
}

Typed CheckAnalyzer::visitUnary(const ast::Expr& expr) {
  if (expr.children.size() != 1) return {};
  const ast::Expr& operand = expr.children[0];
  // -5 is a literal, not an operation on one.
  if (expr.op == ast::Operator::Negate &&
      (operand.kind == ast::ExprKind::Integer || operand.kind == ast::ExprKind::Decimal)) {
    return visitLiteral(operand, true);
  }
  Typed inner = visit(operand, kNone);
  if (inner.type == ValueType::Error) return {};
  bool negate = expr.op == ast::Operator::Negate;
  ValueType needed = negate ? ValueType::Number : ValueType::Bool;
  if (inner.type != needed) {
    return fail(expr.range, fmt::format("'{}' needs {}, but its operand is {}", spelling(expr.op),
                                        negate ? "a number" : "a condition", describe(inner)));
  }
  Typed t{needed, kNone, false, &expr, {}};
  t.expr.kind = ir::CheckKind::Unary;
  t.expr.op = lowerOperator(expr.op);
  t.expr.children.push_back(std::move(inner.expr));
  return t;
}

bool CheckAnalyzer::compatible(const Typed& a, const Typed& b, const ast::Expr& where) {
  for (const Typed* t : {&a, &b}) {
    if (t->type == ValueType::Bytes || t->type == ValueType::Json) {
      fail(t->source->range, fmt::format("{} cannot be compared in a check", t->type == ValueType::Bytes ? "Bytes" : "Json"));
      return false;
    }
  }
  if (a.type == b.type && (a.type != ValueType::Enum || a.enumIndex == b.enumIndex)) return true;
  // A string literal stands for a date, date-time or UUID when compared with one.
  for (auto [lit, other] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    if (!lit->stringLiteral) continue;
    const std::string& text = lit->expr.value;
    switch (other->type) {
      case ValueType::Date:
        if (literals::isValidDate(text)) return true;
        fail(lit->source->range, fmt::format("\"{}\" is not a valid date (write \"YYYY-MM-DD\")", text));
        return false;
      case ValueType::DateTime:
        if (literals::isValidDateTime(text)) return true;
        fail(lit->source->range, fmt::format("\"{}\" is not a valid date-time (write \"YYYY-MM-DDTHH:MM:SSZ\")", text));
        return false;
      case ValueType::Uuid:
        if (literals::canonicalUuid(text)) return true;
        fail(lit->source->range, fmt::format("\"{}\" is not a valid UUID", text));
        return false;
      default: break;
    }
  }
  Diagnostic& d = ctx_.diags.error(codes::kCheckType, where.range,
                                   fmt::format("cannot compare {} with {}", describe(a), describe(b)));
  bool enumWithString = (a.type == ValueType::Enum && b.stringLiteral) || (b.type == ValueType::Enum && a.stringLiteral);
  if (enumWithString) d.addHelp("write enum values without quotes, e.g. role == admin");
  return false;
}

Typed CheckAnalyzer::visitBinary(const ast::Expr& expr) {
  if (expr.children.size() != 2) return {};
  const ast::Expr& left = expr.children[0];
  const ast::Expr& right = expr.children[1];
  std::size_t hint = kNone;
  if (isComparison(expr.op)) hint = enumOf(left) != kNone ? enumOf(left) : enumOf(right);
  Typed l = visit(left, hint);
  Typed r = visit(right, hint);
  if (l.type == ValueType::Error || r.type == ValueType::Error) return {};
  Typed t;
  t.source = &expr;
  if (expr.op == ast::Operator::And || expr.op == ast::Operator::Or) {
    for (auto [side, which] : {std::pair{&l, "left"}, std::pair{&r, "right"}}) {
      if (side->type == ValueType::Bool) continue;
      return fail(expr.range, fmt::format("'{}' needs conditions on both sides, but the {} side is {}",
                                          spelling(expr.op), which, describe(*side)));
    }
    t.type = ValueType::Bool;
  } else if (isArithmetic(expr.op)) {
    for (auto [side, which] : {std::pair{&l, "left"}, std::pair{&r, "right"}}) {
      if (side->type == ValueType::Number) continue;
      return fail(expr.range, fmt::format("'{}' needs numbers on both sides, but the {} side is {}",
                                          spelling(expr.op), which, describe(*side)));
    }
    t.type = ValueType::Number;
  } else {
    if (!compatible(l, r, expr)) return {};
    bool ordering = expr.op != ast::Operator::Eq && expr.op != ast::Operator::Ne;
    if (ordering && (l.type == ValueType::Bool || l.type == ValueType::Enum)) {
      return fail(expr.range, fmt::format("{} can only be compared with == and !=",
                                          l.type == ValueType::Bool ? "booleans" : "enum values"));
    }
    t.type = ValueType::Bool;
  }
  t.expr.kind = ir::CheckKind::Binary;
  t.expr.op = lowerOperator(expr.op);
  t.expr.children.push_back(std::move(l.expr));
  t.expr.children.push_back(std::move(r.expr));
  return t;
}

Typed CheckAnalyzer::visitIn(const ast::Expr& expr) {
  if (expr.children.size() != 2) return {};
  const ast::Expr& subjectExpr = expr.children[0];
  const ast::Expr& list = expr.children[1];
  Typed subject = visit(subjectExpr, kNone);
  if (subject.type == ValueType::Error) return {};
  if (list.kind != ast::ExprKind::List) return fail(list.range, "'in' needs a list, e.g. x in [1, 2]");
  if (list.children.empty()) return fail(list.range, "the list after 'in' is empty");
  Typed t{ValueType::Bool, kNone, false, &expr, {}};
  t.expr.kind = ir::CheckKind::In;
  t.expr.children.push_back(subject.expr);
  bool ok = true;
  std::size_t hint = subject.type == ValueType::Enum ? subject.enumIndex : kNone;
  for (const ast::Expr& item : list.children) {
    Typed value = visit(item, hint);
    if (value.type == ValueType::Error || !compatible(subject, value, item)) {
      ok = false;
      continue;
    }
    t.expr.children.push_back(std::move(value.expr));
  }
  if (!ok) return {};
  return t;
}

Typed CheckAnalyzer::visit(const ast::Expr& expr, std::size_t enumHint) {
  switch (expr.kind) {
    case ast::ExprKind::Error: return {};
    case ast::ExprKind::Integer:
    case ast::ExprKind::Decimal:
    case ast::ExprKind::String:
    case ast::ExprKind::Boolean: return visitLiteral(expr, false);
    case ast::ExprKind::Name: return visitName(expr, enumHint);
    case ast::ExprKind::Call: return visitCall(expr);
    case ast::ExprKind::List: return fail(expr.range, "a list can only follow 'in'");
    case ast::ExprKind::Unary: return visitUnary(expr);
    case ast::ExprKind::Binary: return visitBinary(expr);
    case ast::ExprKind::In: return visitIn(expr);
  }
  return {};
}

std::optional<ir::CheckExpr> CheckAnalyzer::analyze(const ast::Expr& expr) {
  Typed result = visit(expr, kNone);
  if (result.type == ValueType::Error) return std::nullopt;
  if (result.type != ValueType::Bool) {
    fail(expr.range, fmt::format("a check must be a condition, but this expression is {}", describe(result)));
    return std::nullopt;
  }
  return std::move(result.expr);
}

void addCheck(Context& ctx, ModelInfo& model, const ast::Expr& expr, std::size_t field) {
  CheckInfo check;
  check.expr = &expr;
  check.field = field;
  check.origin = expr.range;
  if (std::optional<ir::CheckExpr> lowered = CheckAnalyzer(ctx, model).analyze(expr)) {
    check.ok = true;
    check.lowered = std::move(*lowered);
  }
  model.checks.push_back(std::move(check));
}

}  // namespace

void analyzeChecks(Context& ctx) {
  for (ModelInfo& model : ctx.models) {
    for (std::size_t i = 0; i < model.fields.size(); ++i) {
      const FieldInfo& field = model.fields[i];
      // A @check on a relation field is misplaced (field_rules reports it).
      if (!field.ok || field.isRelation() || !field.attrs.checkExpr) continue;
      addCheck(ctx, model, *field.attrs.checkExpr, i);
    }
    for (const ast::Expr* expr : model.blockChecks) {
      if (expr) addCheck(ctx, model, *expr, kNone);
    }
  }
}

}  // namespace ormc::sema
