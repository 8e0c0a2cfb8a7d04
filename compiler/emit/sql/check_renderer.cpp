// CheckExpr -> SQL condition. See check_renderer.hpp.
#include "emit/sql/check_renderer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace ormc::emit::sql {

namespace {

bool isComparison(ir::Operator op) {
  switch (op) {
    case ir::Operator::Eq:
    case ir::Operator::Ne:
    case ir::Operator::Lt:
    case ir::Operator::Le:
    case ir::Operator::Gt:
    case ir::Operator::Ge: return true;
    default: return false;
  }
}

const char* sqlOperator(ir::Operator op) {
  switch (op) {
    case ir::Operator::Or: return "OR";
    case ir::Operator::And: return "AND";
    case ir::Operator::Not: return "NOT";
    case ir::Operator::Negate: return "-";
    case ir::Operator::Eq: return "=";
    case ir::Operator::Ne: return "<>";
    case ir::Operator::Lt: return "<";
    case ir::Operator::Le: return "<=";
    case ir::Operator::Gt: return ">";
    case ir::Operator::Ge: return ">=";
    case ir::Operator::Add: return "+";
    case ir::Operator::Sub: return "-";
    case ir::Operator::Mul: return "*";
    case ir::Operator::Div: return "/";
  }
  return "?";
}

bool isNonZeroNumber(const ir::CheckExpr& e) {
  if (e.kind != ir::CheckKind::Integer && e.kind != ir::CheckKind::Decimal) return false;
  return e.value.find_first_not_of("-0.") != std::string::npos;
}

// What a numeric operand is made of, to decide whether floating point could make an exact
// decimal comparison come out wrong.
struct Numeric {
  bool decimal = false;     // a Decimal column or a decimal literal takes part
  bool floating = false;    // a Float64 column takes part: the comparison is approximate anyway
  bool arithmetic = false;  // computed, not a bare column or literal
  bool division = false;    // its result has no fixed scale
  std::uint32_t scale = 0;  // digits after the point of an exact result
};

class CheckRenderer {
 public:
  CheckRenderer(const ir::Entity& entity, const Dialect& dialect) : entity_(entity), dialect_(dialect) {}

  // `nested` asks for parentheses around an operation, so that no precedence rule of either
  // database can regroup it.
  std::string render(const ir::CheckExpr& e, bool nested) const {
    switch (e.kind) {
      case ir::CheckKind::Column: {
        const ir::Column* c = column(e.column);
        if (!c) return "NULL";
        return dialect_.checkOperand(dialect_.quoteIdentifier(c->name), c->type);
      }
      case ir::CheckKind::Integer:
      case ir::CheckKind::Decimal: return e.value;
      case ir::CheckKind::Boolean: return e.value == "true" ? "TRUE" : "FALSE";
      case ir::CheckKind::String:
      case ir::CheckKind::EnumValue: return dialect_.stringLiteral(e.value);
      case ir::CheckKind::Length: {
        const ir::Column* c = column(e.column);
        return dialect_.lengthOf(dialect_.quoteIdentifier(c ? c->name : ""));
      }
      case ir::CheckKind::Unary: return wrap(unary(e), nested);
      case ir::CheckKind::Binary: return wrap(binary(e), nested);
      case ir::CheckKind::In: return wrap(in(e), nested);
    }
    return "NULL";
  }

 private:
  static std::string wrap(std::string text, bool nested) { return nested ? "(" + text + ")" : text; }

  const ir::Column* column(std::size_t index) const {
    return index < entity_.columns.size() ? &entity_.columns[index] : nullptr;
  }

  std::string unary(const ir::CheckExpr& e) const {
    if (e.children.size() != 1) return "NULL";
    std::string operand = render(e.children[0], true);
    if (e.op == ir::Operator::Not) return "NOT " + operand;
    // "-" before a negative literal would start a "--" comment.
    return operand.front() == '-' ? "-(" + operand + ")" : "-" + operand;
  }

  std::string binary(const ir::CheckExpr& e) const {
    if (e.children.size() != 2) return "NULL";
    const ir::CheckExpr& l = e.children[0];
    const ir::CheckExpr& r = e.children[1];
    if (!isComparison(e.op)) {
      std::string left = render(l, true);
      std::string right = render(r, true);
      if (e.op == ir::Operator::Div) {
        Numeric ln = numeric(l), rn = numeric(r);
        Dialect::Division division;
        division.integers = !ln.decimal && !ln.floating && !rn.decimal && !rn.floating;
        division.nonZeroDivisor = isNonZeroNumber(r);
        return dialect_.divide(left, right, division);
      }
      return fmt::format("{} {} {}", left, sqlOperator(e.op), right);
    }
    std::string left = comparand(l, r);
    std::string right = comparand(r, l);
    if (std::uint32_t scale = 0; mustRound({&l, &r}, scale)) {
      left = rounded(l, left, scale);
      right = rounded(r, right, scale);
    }
    return fmt::format("{} {} {}", left, sqlOperator(e.op), right);
  }

  std::string in(const ir::CheckExpr& e) const {
    if (e.children.empty()) return "NULL";
    std::vector<const ir::CheckExpr*> all;
    for (const ir::CheckExpr& child : e.children) all.push_back(&child);
    std::uint32_t scale = 0;
    bool round = mustRound(all, scale);
    const ir::CheckExpr& subject = e.children[0];
    std::string subjectText = comparand(subject, e.children.size() > 1 ? e.children[1] : subject);
    if (round) subjectText = rounded(subject, subjectText, scale);
    std::string items;
    for (std::size_t i = 1; i < e.children.size(); ++i) {
      std::string item = comparand(e.children[i], subject);
      if (round) item = rounded(e.children[i], item, scale);
      items += (i > 1 ? ", " : "") + item;
    }
    return fmt::format("{} IN ({})", subjectText, items);
  }

  // One side of a comparison. A string literal compared with a Date, DateTime or Uuid column
  // is written in the form that column stores ("...T09:30:00.000000Z" on SQLite).
  std::string comparand(const ir::CheckExpr& side, const ir::CheckExpr& other) const {
    if (side.kind == ir::CheckKind::String && other.kind == ir::CheckKind::Column) {
      if (const ir::Column* c = column(other.column)) {
        ir::ScalarKind kind = c->type.kind;
        if (kind == ir::ScalarKind::Date || kind == ir::ScalarKind::DateTime || kind == ir::ScalarKind::Uuid) {
          return dialect_.storedLiteral(kind, side.value);
        }
      }
    }
    return render(side, true);
  }

  std::string rounded(const ir::CheckExpr& side, const std::string& text, std::uint32_t scale) const {
    if (!numeric(side).arithmetic) return text;  // a bare decimal converts to the nearest double already
    // Inside ROUND( , ) the operation needs no parentheses of its own.
    return fmt::format("ROUND({}, {})", render(side, false), scale);
  }

  // Exact decimals (money) computed in doubles drift: 0.10 + 0.20 is not 0.30. Rounding both
  // sides to the operands' scale gives back the doubles nearest the exact results, which
  // compare as the decimals do. Not done where a Float64 takes part (approximate on every
  // database) or a division does (no exact result to round to).
  bool mustRound(const std::vector<const ir::CheckExpr*>& sides, std::uint32_t& scale) const {
    if (!dialect_.approximatesDecimals()) return false;
    bool decimal = false, floating = false, arithmetic = false, division = false;
    for (const ir::CheckExpr* side : sides) {
      Numeric n = numeric(*side);
      decimal = decimal || n.decimal;
      floating = floating || n.floating;
      arithmetic = arithmetic || n.arithmetic;
      division = division || n.division;
      scale = std::max(scale, n.scale);
    }
    return decimal && arithmetic && !floating && !division;
  }

  Numeric numeric(const ir::CheckExpr& e) const {
    Numeric n;
    switch (e.kind) {
      case ir::CheckKind::Column: {
        const ir::Column* c = column(e.column);
        if (!c) return n;
        n.decimal = c->type.kind == ir::ScalarKind::Decimal;
        n.floating = c->type.kind == ir::ScalarKind::Float64;
        n.scale = n.decimal ? c->type.scale : 0;
        return n;
      }
      case ir::CheckKind::Decimal: {
        std::size_t point = e.value.find('.');
        n.decimal = true;
        n.scale = point == std::string::npos ? 0 : static_cast<std::uint32_t>(e.value.size() - point - 1);
        return n;
      }
      case ir::CheckKind::Unary: {
        if (e.op != ir::Operator::Negate || e.children.size() != 1) return n;
        return numeric(e.children[0]);
      }
      case ir::CheckKind::Binary: {
        if (e.children.size() != 2 || isComparison(e.op) || e.op == ir::Operator::And || e.op == ir::Operator::Or) {
          return n;
        }
        Numeric l = numeric(e.children[0]);
        Numeric r = numeric(e.children[1]);
        n.decimal = l.decimal || r.decimal;
        n.floating = l.floating || r.floating;
        n.arithmetic = true;
        n.division = l.division || r.division || e.op == ir::Operator::Div;
        n.scale = e.op == ir::Operator::Mul ? l.scale + r.scale : std::max(l.scale, r.scale);
        return n;
      }
      default: return n;
    }
  }

  const ir::Entity& entity_;
  const Dialect& dialect_;
};

}  // namespace

std::string renderCheck(const ir::Entity& entity, const ir::CheckExpr& expr, const Dialect& dialect) {
  return CheckRenderer(entity, dialect).render(expr, false);
}

}  // namespace ormc::emit::sql
