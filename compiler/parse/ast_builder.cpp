// AstBuilder: the typed walk from ANTLR contexts to ast:: structs. See ast_builder.hpp.
#include "parse/ast_builder.hpp"

#include "OrmLexer.h"
#include "support/diagnostic_codes.hpp"
#include "support/utf8.hpp"

#include <fmt/format.h>

namespace ormc::parse {

using grammar::OrmLexer;
using P = grammar::OrmParser;

namespace {

int hexValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'a' && c <= U'f') return static_cast<int>(c - U'a' + 10);
  if (c >= U'A' && c <= U'F') return static_cast<int>(c - U'A' + 10);
  return -1;
}

bool conjured(antlr4::Token* token) { return token->getStartIndex() == INVALID_INDEX; }

ast::Operator binaryOperator(std::size_t tokenType) {
  switch (tokenType) {
    case OrmLexer::OR: return ast::Operator::Or;
    case OrmLexer::AND: return ast::Operator::And;
    case OrmLexer::EQ: return ast::Operator::Eq;
    case OrmLexer::NEQ: return ast::Operator::Ne;
    case OrmLexer::LT: return ast::Operator::Lt;
    case OrmLexer::LE: return ast::Operator::Le;
    case OrmLexer::GT: return ast::Operator::Gt;
    case OrmLexer::GE: return ast::Operator::Ge;
    case OrmLexer::PLUS: return ast::Operator::Add;
    case OrmLexer::MINUS: return ast::Operator::Sub;
    case OrmLexer::STAR: return ast::Operator::Mul;
    case OrmLexer::SLASH: return ast::Operator::Div;
    default: return ast::Operator::None;
  }
}

ast::Expr errorExpr(SourceRange range) {
  ast::Expr e;
  e.kind = ast::ExprKind::Error;
  e.range = range;
  return e;
}

ast::Expr binary(ast::Operator op, ast::Expr left, ast::Expr right) {
  ast::Expr e;
  e.kind = ast::ExprKind::Binary;
  e.op = op;
  e.range = join(left.range, right.range);
  e.children.push_back(std::move(left));
  e.children.push_back(std::move(right));
  return e;
}

// Folds `operand (op operand)*` children left-associatively.
template <typename Build>
ast::Expr foldLeft(antlr4::ParserRuleContext* ctx, Build buildOperand) {
  ast::Expr result;
  bool first = true;
  ast::Operator pending = ast::Operator::None;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      pending = binaryOperator(terminal->getSymbol()->getType());
      continue;
    }
    auto* operand = dynamic_cast<antlr4::ParserRuleContext*>(child);
    if (!operand) continue;
    ast::Expr value = buildOperand(operand);
    if (first) {
      result = std::move(value);
      first = false;
      continue;
    }
    result = binary(pending, std::move(result), std::move(value));
  }
  return result;
}

}  // namespace

// ---- positions and comments --------------------------------------------------

SourceRange AstBuilder::range(antlr4::tree::TerminalNode* node) const {
  if (!node) return {};
  return text_.range(node->getSymbol());
}

SourceRange AstBuilder::range(antlr4::ParserRuleContext* ctx) const {
  if (!ctx || !ctx->getStart()) return {};
  SourceRange begin = text_.range(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (!stop || stop->getTokenIndex() < ctx->getStart()->getTokenIndex() || conjured(stop)) return begin;
  return {begin.begin, text_.range(stop).end};
}

ast::Identifier AstBuilder::identifier(antlr4::tree::TerminalNode* node) const {
  if (!node || conjured(node->getSymbol())) return {};
  return {node->getText(), range(node)};
}

std::string AstBuilder::docAbove(antlr4::Token* start) {
  if (!start || conjured(start)) return {};
  std::vector<antlr4::Token*> lines;
  antlr4::Token* stopper = nullptr;
  for (ssize_t i = static_cast<ssize_t>(start->getTokenIndex()) - 1; i >= 0; --i) {
    antlr4::Token* token = tokens_.get(static_cast<std::size_t>(i));
    if (token->getType() == OrmLexer::NEWLINE) continue;
    if (token->getType() != OrmLexer::DOC_COMMENT) {
      stopper = token;
      break;
    }
    lines.push_back(token);
  }
  // A `///` that trails code on its line belongs to that line, not to what follows.
  while (!lines.empty() && stopper && lines.back()->getLine() == stopper->getLine()) lines.pop_back();
  std::string doc;
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    std::string line = (*it)->getText().substr(3);
    if (!line.empty() && line[0] == ' ') line.erase(0, 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    if (!doc.empty()) doc += '\n';
    doc += line;
  }
  return doc;
}

bool AstBuilder::broken(antlr4::ParserRuleContext* ctx) {
  if (!ctx) return true;
  if (ctx->exception) return true;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (dynamic_cast<antlr4::tree::ErrorNode*>(child)) return true;
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      if (conjured(terminal->getSymbol())) return true;
      continue;
    }
    if (broken(dynamic_cast<antlr4::ParserRuleContext*>(child))) return true;
  }
  return false;
}

// ---- literals --------------------------------------------------------------------

std::string AstBuilder::decodeString(antlr4::Token* token) {
  const std::u32string& cps = text_.codePoints();
  std::size_t begin = token->getStartIndex() + 1;  // after the opening quote
  std::size_t end = token->getStopIndex() + 1;
  // An unterminated string (already reported) has no closing quote to drop.
  if (end > begin && cps[end - 1] == U'"') {
    std::size_t backslashes = 0;
    for (std::size_t i = end - 1; i > begin && cps[i - 1] == U'\\'; --i) ++backslashes;
    if (backslashes % 2 == 0) --end;
  }
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    char32_t c = cps[i];
    if (c != U'\\' || i + 1 >= end) {
      utf8::append(out, c);
      continue;
    }
    char32_t e = cps[i + 1];
    switch (e) {
      case U'"': out += '"'; ++i; continue;
      case U'\\': out += '\\'; ++i; continue;
      case U'n': out += '\n'; ++i; continue;
      case U't': out += '\t'; ++i; continue;
      default: break;
    }
    if (e == U'u' && i + 2 < end && cps[i + 2] == U'{') {
      std::size_t j = i + 3;
      char32_t value = 0;
      std::size_t digits = 0;
      for (; j < end && hexValue(cps[j]) >= 0 && digits < 7; ++j, ++digits) {
        value = value * 16 + static_cast<char32_t>(hexValue(cps[j]));
      }
      bool closed = j < end && cps[j] == U'}';
      bool scalar = value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
      if (closed && digits >= 1 && digits <= 6 && scalar) {
        utf8::append(out, value);
        i = j;
        continue;
      }
      std::size_t stop = closed ? j + 1 : j;
      diagnostics_.error(codes::kInvalidEscape, {text_.at(i), text_.at(stop)},
                         "invalid unicode escape in string")
          .addHelp("write 1 to 6 hex digits of a code point, e.g. \\u{1F600}");
      i = stop - 1;
      continue;
    }
    std::string shown;
    utf8::append(shown, e < 0x20 ? U'?' : e);
    diagnostics_.error(codes::kInvalidEscape, {text_.at(i), text_.at(i + 2)},
                       fmt::format("invalid escape sequence '\\{}' in string", shown))
        .addHelp("the escapes are \\\" \\\\ \\n \\t and \\u{...}; write \\\\ for a backslash");
    ++i;
  }
  return out;
}

void AstBuilder::checkIntegerRange(antlr4::Token* token, bool typeArgument) {
  std::string digits = token->getText();
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
  const std::string limit = typeArgument ? "4294967295" : "9223372036854775808";
  bool tooLarge = digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit);
  if (!tooLarge) return;
  diagnostics_.error(codes::kNumberOutOfRange, text_.range(token),
                     typeArgument ? fmt::format("type argument {} is too large", token->getText())
                                  : fmt::format("integer {} does not fit in 64 bits", token->getText()));
}

// ---- declarations ----------------------------------------------------------------

ast::File AstBuilder::build(P::FileContext& ctx) {
  ast::File file;
  file.file = text_.file();
  if (ctx.schemaDecl() && !broken(ctx.schemaDecl())) file.schema = buildSchema(*ctx.schemaDecl());
  for (P::ImportDeclContext* import : ctx.importDecl()) {
    if (!broken(import)) file.imports.push_back(buildImport(*import));
  }
  for (P::DeclarationContext* declaration : ctx.declaration()) {
    if (declaration->modelDecl()) file.models.push_back(buildModel(*declaration->modelDecl()));
    if (declaration->enumDecl()) file.enums.push_back(buildEnum(*declaration->enumDecl()));
  }
  file.empty = !ctx.schemaDecl() && ctx.importDecl().empty() && ctx.declaration().empty();
  return file;
}

ast::SchemaDecl AstBuilder::buildSchema(P::SchemaDeclContext& ctx) {
  ast::SchemaDecl schema;
  schema.range = range(&ctx);
  if (ctx.qualifiedName()) {
    for (antlr4::tree::TerminalNode* part : ctx.qualifiedName()->IDENT()) schema.path.push_back(identifier(part));
  }
  return schema;
}

ast::ImportDecl AstBuilder::buildImport(P::ImportDeclContext& ctx) {
  ast::ImportDecl import;
  import.range = range(&ctx);
  import.path = decodeString(ctx.STRING()->getSymbol());
  import.pathRange = range(ctx.STRING());
  return import;
}

ast::ModelDecl AstBuilder::buildModel(P::ModelDeclContext& ctx) {
  ast::ModelDecl model;
  model.doc = docAbove(ctx.getStart());
  model.name = identifier(ctx.IDENT());
  model.range = range(&ctx);
  model.broken = model.name.name.empty() || ctx.exception != nullptr;
  for (P::ModelMemberContext* member : ctx.modelMember()) {
    if (P::FieldDeclContext* field = member->fieldDecl()) {
      model.fields.push_back(buildField(*field));
      continue;
    }
    P::BlockAttributeContext* attribute = member->blockAttribute();
    if (!attribute) continue;
    if (broken(attribute)) {
      model.broken = true;
      continue;
    }
    model.attributes.push_back(buildAttribute(*attribute, attribute->IDENT(), attribute->argumentList(), true));
  }
  return model;
}

ast::FieldDecl AstBuilder::buildField(P::FieldDeclContext& ctx) {
  ast::FieldDecl field;
  field.doc = docAbove(ctx.getStart());
  field.name = identifier(ctx.IDENT());
  field.range = range(&ctx);
  field.broken = broken(&ctx);
  if (field.broken) return field;
  field.type = buildTypeRef(*ctx.typeRef());
  for (P::FieldAttributeContext* attribute : ctx.fieldAttribute()) {
    field.attributes.push_back(buildAttribute(*attribute, attribute->IDENT(), attribute->argumentList(), false));
  }
  return field;
}

ast::TypeRef AstBuilder::buildTypeRef(P::TypeRefContext& ctx) {
  ast::TypeRef type;
  type.name = identifier(ctx.IDENT());
  type.range = range(&ctx);
  type.optional = ctx.QUESTION() != nullptr;
  type.list = ctx.LBRACKET() != nullptr;
  if (P::TypeArgumentsContext* arguments = ctx.typeArguments()) {
    for (antlr4::tree::TerminalNode* number : arguments->INT()) {
      checkIntegerRange(number->getSymbol(), true);
      type.arguments.push_back({number->getText(), range(number)});
    }
  }
  return type;
}

ast::EnumDecl AstBuilder::buildEnum(P::EnumDeclContext& ctx) {
  ast::EnumDecl decl;
  decl.doc = docAbove(ctx.getStart());
  decl.name = identifier(ctx.IDENT());
  decl.range = range(&ctx);
  decl.broken = decl.name.name.empty() || ctx.exception != nullptr;
  for (P::EnumMemberContext* member : ctx.enumMember()) {
    if (P::EnumValueDeclContext* value = member->enumValueDecl()) {
      decl.values.push_back(buildEnumValue(*value));
      continue;
    }
    P::BlockAttributeContext* attribute = member->blockAttribute();
    if (!attribute) continue;
    if (broken(attribute)) {
      decl.broken = true;
      continue;
    }
    decl.attributes.push_back(buildAttribute(*attribute, attribute->IDENT(), attribute->argumentList(), true));
  }
  return decl;
}

ast::EnumValueDecl AstBuilder::buildEnumValue(P::EnumValueDeclContext& ctx) {
  ast::EnumValueDecl value;
  value.doc = docAbove(ctx.getStart());
  value.name = identifier(ctx.IDENT());
  value.range = range(&ctx);
  value.broken = broken(&ctx);
  if (value.broken) return value;
  for (P::FieldAttributeContext* attribute : ctx.fieldAttribute()) {
    value.attributes.push_back(buildAttribute(*attribute, attribute->IDENT(), attribute->argumentList(), false));
  }
  return value;
}

ast::Attribute AstBuilder::buildAttribute(antlr4::ParserRuleContext& ctx, antlr4::tree::TerminalNode* name,
                                          P::ArgumentListContext* arguments, bool block) {
  ast::Attribute attribute;
  attribute.name = identifier(name);
  attribute.block = block;
  attribute.range = range(&ctx);
  attribute.hasArgumentList = arguments != nullptr;
  if (!arguments) return attribute;
  for (P::ArgumentContext* argument : arguments->argument()) attribute.arguments.push_back(buildArgument(*argument));
  return attribute;
}

ast::Argument AstBuilder::buildArgument(P::ArgumentContext& ctx) {
  ast::Argument argument;
  argument.range = range(&ctx);
  if (ctx.IDENT()) argument.name = identifier(ctx.IDENT());
  argument.value = buildExpression(ctx.expression());
  return argument;
}

// ---- expressions -------------------------------------------------------------------

ast::Expr AstBuilder::buildExpression(P::ExpressionContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  return foldLeft(ctx, [&](antlr4::ParserRuleContext* c) { return buildAnd(dynamic_cast<P::AndExprContext*>(c)); });
}

ast::Expr AstBuilder::buildAnd(P::AndExprContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  return foldLeft(ctx, [&](antlr4::ParserRuleContext* c) { return buildNot(dynamic_cast<P::NotExprContext*>(c)); });
}

ast::Expr AstBuilder::buildNot(P::NotExprContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  ast::Expr result = buildComparison(ctx->comparison());
  std::vector<antlr4::tree::TerminalNode*> nots = ctx->NOT();
  for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
    ast::Expr e;
    e.kind = ast::ExprKind::Unary;
    e.op = ast::Operator::Not;
    e.range = join(range(*it), result.range);
    e.children.push_back(std::move(result));
    result = std::move(e);
  }
  return result;
}

ast::Expr AstBuilder::buildComparison(P::ComparisonContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  std::vector<P::AdditiveContext*> operands = ctx->additive();
  if (operands.empty()) return errorExpr(range(ctx));
  ast::Expr left = buildAdditive(operands[0]);
  if (ctx->IN()) {
    ast::Expr e;
    e.kind = ast::ExprKind::In;
    e.range = range(ctx);
    e.children.push_back(std::move(left));
    e.children.push_back(buildList(ctx->listLiteral()));
    return e;
  }
  if (operands.size() < 2 || !ctx->comparisonOperator()) return left;
  ast::Operator op = binaryOperator(ctx->comparisonOperator()->getStart()->getType());
  return binary(op, std::move(left), buildAdditive(operands[1]));
}

ast::Expr AstBuilder::buildAdditive(P::AdditiveContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  return foldLeft(ctx, [&](antlr4::ParserRuleContext* c) {
    return buildMultiplicative(dynamic_cast<P::MultiplicativeContext*>(c));
  });
}

ast::Expr AstBuilder::buildMultiplicative(P::MultiplicativeContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  return foldLeft(ctx, [&](antlr4::ParserRuleContext* c) { return buildUnary(dynamic_cast<P::UnaryContext*>(c)); });
}

ast::Expr AstBuilder::buildUnary(P::UnaryContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  ast::Expr result = buildPrimary(ctx->primary());
  std::vector<antlr4::tree::TerminalNode*> minuses = ctx->MINUS();
  for (auto it = minuses.rbegin(); it != minuses.rend(); ++it) {
    ast::Expr e;
    e.kind = ast::ExprKind::Unary;
    e.op = ast::Operator::Negate;
    e.range = join(range(*it), result.range);
    e.children.push_back(std::move(result));
    result = std::move(e);
  }
  return result;
}

ast::Expr AstBuilder::buildPrimary(P::PrimaryContext* ctx) {
  if (!ctx || broken(ctx)) return errorExpr(range(ctx));
  ast::Expr e;
  e.range = range(ctx);
  if (antlr4::tree::TerminalNode* number = ctx->INT()) {
    checkIntegerRange(number->getSymbol(), false);
    e.kind = ast::ExprKind::Integer;
    e.text = number->getText();
    return e;
  }
  if (ctx->DECIMAL()) {
    e.kind = ast::ExprKind::Decimal;
    e.text = ctx->DECIMAL()->getText();
    return e;
  }
  if (ctx->STRING()) {
    e.kind = ast::ExprKind::String;
    e.text = decodeString(ctx->STRING()->getSymbol());
    return e;
  }
  if (ctx->TRUE() || ctx->FALSE()) {
    e.kind = ast::ExprKind::Boolean;
    e.boolValue = ctx->TRUE() != nullptr;
    e.text = e.boolValue ? "true" : "false";
    return e;
  }
  if (ctx->IDENT()) {
    e.text = ctx->IDENT()->getText();
    if (!ctx->callArguments()) {
      e.kind = ast::ExprKind::Name;
      return e;
    }
    e.kind = ast::ExprKind::Call;
    for (P::ExpressionContext* argument : ctx->callArguments()->expression()) {
      e.children.push_back(buildExpression(argument));
    }
    return e;
  }
  if (ctx->listLiteral()) return buildList(ctx->listLiteral());
  if (ctx->expression()) {
    ast::Expr inner = buildExpression(ctx->expression());
    inner.range = e.range;  // the parentheses belong to the operand
    return inner;
  }
  return errorExpr(e.range);
}

ast::Expr AstBuilder::buildList(P::ListLiteralContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  ast::Expr e;
  e.kind = ast::ExprKind::List;
  e.range = range(ctx);
  for (P::ExpressionContext* item : ctx->expression()) e.children.push_back(buildExpression(item));
  return e;
}

}  // namespace ormc::parse
