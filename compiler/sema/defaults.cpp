// @default evaluation. See defaults.hpp.
#include "sema/defaults.hpp"

#include "sema/builtin_types.hpp"
#include "sema/expr_text.hpp"
#include "sema/literals.hpp"
#include "support/diagnostic_codes.hpp"
#include "support/names.hpp"
#include "support/suggest.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ormc::sema {

namespace {

// A @default argument with a leading minus folded in.
struct Literal {
  const ast::Expr* expr = nullptr;  // the unsigned literal (or the whole expression)
  bool negative = false;
  bool numeric() const {
    return expr->kind == ast::ExprKind::Integer || expr->kind == ast::ExprKind::Decimal;
  }
};

Literal unwrap(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::Unary && expr.op == ast::Operator::Negate && expr.children.size() == 1 &&
      (expr.children[0].kind == ast::ExprKind::Integer || expr.children[0].kind == ast::ExprKind::Decimal)) {
    return {&expr.children[0], true};
  }
  return {&expr, false};
}

class DefaultEvaluator {
 public:
  DefaultEvaluator(Context& ctx, FieldInfo& field) : ctx_(ctx), field_(field), expr_(*field.attrs.defaultExpr) {}

  void run();

 private:
  std::string typeText() const { return typeName(ctx_, field_.type); }
  void mismatch(std::string_view help);
  void invalid(std::string message, std::string_view help = {});
  bool isCall(const Literal& lit, std::string_view name) const;

  void evalBool(const Literal& lit);
  void evalInteger(const Literal& lit);
  void evalFloat(const Literal& lit);
  void evalDecimal(const Literal& lit);
  void evalString(const Literal& lit);
  void evalJson(const Literal& lit);
  void evalDate(const Literal& lit, bool withTime);
  void evalUuid(const Literal& lit);
  void evalEnum(const Literal& lit);

  void set(ir::DefaultKind kind, std::string value) {
    field_.defaultValue.kind = kind;
    field_.defaultValue.value = std::move(value);
  }

  Context& ctx_;
  FieldInfo& field_;
  const ast::Expr& expr_;
};

void DefaultEvaluator::mismatch(std::string_view help) {
  Diagnostic& d = ctx_.diags.error(codes::kDefaultTypeMismatch, expr_.range,
                                   fmt::format("default value {} does not fit field '{}' of type {}",
                                               exprText(expr_), field_.name(), typeText()));
  if (!help.empty()) d.addHelp(std::string(help));
}

void DefaultEvaluator::invalid(std::string message, std::string_view help) {
  Diagnostic& d = ctx_.diags.error(codes::kInvalidDefault, expr_.range, std::move(message));
  if (!help.empty()) d.addHelp(std::string(help));
}

bool DefaultEvaluator::isCall(const Literal& lit, std::string_view name) const {
  return lit.expr->kind == ast::ExprKind::Call && lit.expr->text == name;
}

void DefaultEvaluator::evalBool(const Literal& lit) {
  if (lit.expr->kind != ast::ExprKind::Boolean) return mismatch("write true or false");
  set(ir::DefaultKind::Bool, lit.expr->boolValue ? "true" : "false");
}

void DefaultEvaluator::evalInteger(const Literal& lit) {
  if (lit.expr->kind != ast::ExprKind::Integer) return mismatch("write an integer, e.g. @default(0)");
  std::optional<std::string> value = literals::canonicalInteger(lit.negative, lit.expr->text, field_.type.column.kind);
  if (!value) {
    return invalid(fmt::format("default value {} is out of range for field '{}' of type {}", exprText(expr_),
                               field_.name(), typeText()),
                   field_.type.column.kind == ir::ScalarKind::Int32 ? "use Int64 for larger numbers" : "");
  }
  set(ir::DefaultKind::Integer, *value);
}

void DefaultEvaluator::evalFloat(const Literal& lit) {
  if (!lit.numeric()) return mismatch("write a number, e.g. @default(0.5)");
  std::optional<std::string> value = literals::canonicalFloat(lit.negative, lit.expr->text);
  if (!value) {
    return invalid(fmt::format("default value {} is out of range for field '{}' of type Float64", exprText(expr_),
                               field_.name()));
  }
  set(lit.expr->kind == ast::ExprKind::Integer ? ir::DefaultKind::Integer : ir::DefaultKind::Decimal, *value);
}

void DefaultEvaluator::evalDecimal(const Literal& lit) {
  if (!lit.numeric()) return mismatch("write a number, e.g. @default(0.00)");
  const ir::ColumnType& type = field_.type.column;
  literals::DecimalResult result = literals::canonicalDecimal(lit.negative, lit.expr->text, type.precision, type.scale);
  if (result.fit == literals::DecimalFit::TooManyFractionDigits) {
    return invalid(fmt::format("default value {} has more than {} decimal places, which field '{}' of type {} holds",
                               exprText(expr_), type.scale, field_.name(), typeText()));
  }
  if (result.fit == literals::DecimalFit::TooManyIntegerDigits) {
    return invalid(fmt::format("default value {} has more than {} digits before the point, which field '{}' of "
                               "type {} holds",
                               exprText(expr_), type.precision - type.scale, field_.name(), typeText()));
  }
  set(ir::DefaultKind::Decimal, result.canonical);
}

void DefaultEvaluator::evalString(const Literal& lit) {
  if (lit.expr->kind != ast::ExprKind::String) return mismatch("write a string, e.g. @default(\"\")");
  std::uint32_t limit = field_.type.column.length;
  std::size_t length = names::codePointCount(lit.expr->text);
  if (limit > 0 && length > limit) {
    return invalid(fmt::format("default value {} is {} characters long, more than field '{}' of type {} holds",
                               exprText(expr_), length, field_.name(), typeText()));
  }
  set(ir::DefaultKind::String, lit.expr->text);
}

void DefaultEvaluator::evalJson(const Literal& lit) {
  if (lit.expr->kind != ast::ExprKind::String) {
    return mismatch("write the JSON document as a string, e.g. @default(\"{}\")");
  }
  if (!nlohmann::json::accept(lit.expr->text)) {
    return invalid(fmt::format("default value {} of field '{}' is not valid JSON", exprText(expr_), field_.name()));
  }
  set(ir::DefaultKind::String, lit.expr->text);
}

void DefaultEvaluator::evalDate(const Literal& lit, bool withTime) {
  std::string_view help = withTime ? "write a UTC date-time as \"YYYY-MM-DDTHH:MM:SSZ\" (with up to 6 fractional "
                                     "digits of seconds), or now()"
                                   : "write a date as \"YYYY-MM-DD\", or now()";
  if (isCall(lit, "now")) return set(ir::DefaultKind::Now, "");
  if (lit.expr->kind != ast::ExprKind::String) return mismatch(help);
  bool valid = withTime ? literals::isValidDateTime(lit.expr->text) : literals::isValidDate(lit.expr->text);
  if (!valid) {
    return invalid(fmt::format("default value {} of field '{}' is not a valid {}", exprText(expr_), field_.name(),
                               withTime ? "date-time" : "date"),
                   help);
  }
  set(ir::DefaultKind::String, lit.expr->text);
}

void DefaultEvaluator::evalUuid(const Literal& lit) {
  std::string_view help = "write uuid(), or a UUID as \"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"";
  if (isCall(lit, "uuid")) return set(ir::DefaultKind::Uuid, "");
  if (lit.expr->kind != ast::ExprKind::String) return mismatch(help);
  std::optional<std::string> uuid = literals::canonicalUuid(lit.expr->text);
  if (!uuid) {
    return invalid(fmt::format("default value {} of field '{}' is not a valid UUID", exprText(expr_), field_.name()),
                   help);
  }
  set(ir::DefaultKind::String, *uuid);
}

void DefaultEvaluator::evalEnum(const Literal& lit) {
  const EnumInfo& info = ctx_.enums[field_.type.column.enumIndex];
  std::string example = info.values.empty() ? "a value" : info.values.front().name();
  if (lit.expr->kind != ast::ExprKind::Name) {
    return mismatch(fmt::format("write one of the values of '{}', e.g. @default({})", info.name(), example));
  }
  std::size_t value = info.findValue(lit.expr->text);
  if (value == kNone) {
    if (info.incomplete) return;  // the value may be the one that failed to parse
    Diagnostic& d = ctx_.diags.error(codes::kUnknownEnumValue, lit.expr->range,
                                     fmt::format("unknown value '{}' of enum '{}'", lit.expr->text, info.name()));
    std::string hint = didYouMean(lit.expr->text, info.valueNames());
    if (!hint.empty()) d.addHelp(hint);
    return;
  }
  set(ir::DefaultKind::EnumValue, lit.expr->text);
  field_.defaultValue.enumValue = value;
}

void DefaultEvaluator::run() {
  Literal lit = unwrap(expr_);
  // Functions are recognised before types, so that `nwo()` gets a "did you mean".
  if (lit.expr->kind == ast::ExprKind::Call) {
    if (lit.expr->text != "now" && lit.expr->text != "uuid") {
      Diagnostic& d = ctx_.diags.error(codes::kAttributeArguments, lit.expr->range,
                                       fmt::format("unknown function '{}' in @default", lit.expr->text));
      std::string hint = didYouMean(lit.expr->text, {"now", "uuid"});
      d.addHelp(hint.empty() ? "the functions are now() and uuid()" : hint);
      return;
    }
    if (!lit.expr->children.empty()) {
      ctx_.diags.error(codes::kAttributeArguments, lit.expr->range,
                       fmt::format("{}() takes no arguments", lit.expr->text));
      return;
    }
  }
  switch (field_.type.column.kind) {
    case ir::ScalarKind::Bool: return evalBool(lit);
    case ir::ScalarKind::Int32:
    case ir::ScalarKind::Int64: return evalInteger(lit);
    case ir::ScalarKind::Float64: return evalFloat(lit);
    case ir::ScalarKind::Decimal: return evalDecimal(lit);
    case ir::ScalarKind::String:
    case ir::ScalarKind::Text: return evalString(lit);
    case ir::ScalarKind::Json: return evalJson(lit);
    case ir::ScalarKind::Date: return evalDate(lit, false);
    case ir::ScalarKind::DateTime: return evalDate(lit, true);
    case ir::ScalarKind::Uuid: return evalUuid(lit);
    case ir::ScalarKind::Enum: return evalEnum(lit);
    case ir::ScalarKind::Bytes: return mismatch("Bytes fields cannot have a default");
  }
}

}  // namespace

void evaluateDefaults(Context& ctx) {
  for (ModelInfo& model : ctx.models) {
    for (FieldInfo& field : model.fields) {
      if (!field.ok || !field.isColumn() || !field.attrs.defaultExpr) continue;
      DefaultEvaluator(ctx, field).run();
    }
  }
}

}  // namespace ormc::sema
