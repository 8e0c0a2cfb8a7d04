// Expressions as schema text. See expr_text.hpp.
#include "sema/expr_text.hpp"

namespace ormc::sema {

namespace {


std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string joined(const std::vector<ast::Expr>& items) {
  std::string out;
  for (const ast::Expr& item : items) {
    if (!out.empty()) out += ", ";
    out += exprText(item);
  }
  return out;
}

}  // namespace

std::string exprText(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::Integer:
    case ast::ExprKind::Decimal:
    case ast::ExprKind::Name: return expr.text;
    case ast::ExprKind::String: return quoted(expr.text);
    case ast::ExprKind::Boolean: return expr.boolValue ? "true" : "false";
    case ast::ExprKind::Call: return expr.text + "(" + joined(expr.children) + ")";
    case ast::ExprKind::List: return "[" + joined(expr.children) + "]";
    case ast::ExprKind::Unary:
      if (expr.children.empty()) return "?";
      return spelling(expr.op) + exprText(expr.children[0]);
    case ast::ExprKind::Binary:
      if (expr.children.size() < 2) return "?";
      return exprText(expr.children[0]) + " " + spelling(expr.op) + " " + exprText(expr.children[1]);
    case ast::ExprKind::In:
      if (expr.children.size() < 2) return "?";
      return exprText(expr.children[0]) + " in " + exprText(expr.children[1]);
    case ast::ExprKind::Error: break;
  }
  return "?";
}

}  // namespace ormc::sema
