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

// ANTLR's generated accessors (ctx->IDENT(), ctx->fieldAttribute()) scan all children with a
// dynamic_cast each, which across the runtime's shared library costs a string compare per
// child. The builder walks children once instead: the exact type of a terminal node is one
// of two runtime classes, and a rule context says which rule it is.
bool isTerminal(antlr4::tree::ParseTree* node) {
  const std::type_info& type = typeid(*node);
  return type == typeid(antlr4::tree::TerminalNodeImpl) || type == typeid(antlr4::tree::ErrorNodeImpl);
}

// The rule-context children of `ctx` that are instances of rule `ruleIndex`, in order.
template <typename Context, typename Visit>
void forEachRule(antlr4::ParserRuleContext& ctx, std::size_t ruleIndex, Visit visit) {
  for (antlr4::tree::ParseTree* child : ctx.children) {
    if (isTerminal(child)) continue;
    auto* rule = static_cast<antlr4::ParserRuleContext*>(child);
    if (rule->getRuleIndex() == ruleIndex) visit(*static_cast<Context*>(rule));
  }
}

// The first rule-context child of `ctx`, whatever its rule, or null.
antlr4::ParserRuleContext* firstRule(antlr4::ParserRuleContext& ctx) {
  for (antlr4::tree::ParseTree* child : ctx.children) {
    if (!isTerminal(child)) return static_cast<antlr4::ParserRuleContext*>(child);
  }
  return nullptr;
}

// The rule-context child at position `index` of an intact subtree.
template <typename Context>
Context* ruleAt(antlr4::ParserRuleContext& ctx, std::size_t index) {
  if (index >= ctx.children.size() || isTerminal(ctx.children[index])) return nullptr;
  return static_cast<Context*>(static_cast<antlr4::ParserRuleContext*>(ctx.children[index]));
}

ast::Expr unary(ast::Operator op, SourceRange operatorRange, ast::Expr operand) {
  ast::Expr e;
  e.kind = ast::ExprKind::Unary;
  e.op = op;
  e.range = join(operatorRange, operand.range);
  e.children.push_back(std::move(operand));
  return e;
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

bool AstBuilder::syntaxErrorWithin(SourceRange range) const {
  if (!recovered_) return false;
  for (const Diagnostic& d : diagnostics_.diagnostics()) {
    if (d.severity == Severity::Error && d.range.begin.file == range.begin.file &&
        d.range.begin.offset >= range.begin.offset && d.range.begin.offset <= range.end.offset) {
      return true;
    }
  }
  return false;
}

bool AstBuilder::broken(antlr4::ParserRuleContext* ctx) const {
  if (!ctx) return true;
  // A tree from the bail-out parse had no syntax error: nothing to look for.
  return recovered_ && touchedByRecovery(ctx);
}

bool AstBuilder::touchedByRecovery(antlr4::ParserRuleContext* ctx) {
  if (!ctx) return true;
  if (ctx->exception) return true;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (dynamic_cast<antlr4::tree::ErrorNode*>(child)) return true;
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      if (conjured(terminal->getSymbol())) return true;
      continue;
    }
    if (touchedByRecovery(dynamic_cast<antlr4::ParserRuleContext*>(child))) return true;
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
// Below, a subtree is read positionally (its start token, its n-th child) only once
// broken() has said that error recovery did not touch it.

ast::Identifier AstBuilder::identifier(antlr4::Token* token) const {
  if (!token || conjured(token)) return {};
  return {std::string(text_.text(token)), text_.range(token)};
}

ast::File AstBuilder::build(P::FileContext& ctx) {
  ast::File file;
  file.file = text_.file();
  bool any = false;
  for (antlr4::tree::ParseTree* child : ctx.children) {
    if (isTerminal(child)) continue;
    any = true;
    auto* rule = static_cast<antlr4::ParserRuleContext*>(child);
    switch (rule->getRuleIndex()) {
      case P::RuleSchemaDecl:
        if (broken(rule)) {
          file.schemaBroken = true;
        } else {
          file.schema = buildSchema(*static_cast<P::SchemaDeclContext*>(rule));
        }
        break;
      case P::RuleImportDecl:
        if (!broken(rule)) file.imports.push_back(buildImport(*static_cast<P::ImportDeclContext*>(rule)));
        break;
      case P::RuleDeclaration:
        if (antlr4::ParserRuleContext* declaration = firstRule(*rule)) {
          if (declaration->getRuleIndex() == P::RuleModelDecl) {
            file.models.push_back(buildModel(*static_cast<P::ModelDeclContext*>(declaration)));
          } else if (declaration->getRuleIndex() == P::RuleEnumDecl) {
            file.enums.push_back(buildEnum(*static_cast<P::EnumDeclContext*>(declaration)));
          }
        }
        break;
      default:
        break;
    }
  }
  file.empty = !any;
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
  model.fields.reserve(ctx.children.size());
  forEachRule<P::ModelMemberContext>(ctx, P::RuleModelMember, [&](P::ModelMemberContext& member) {
    antlr4::ParserRuleContext* inner = firstRule(member);
    if (!inner) return;
    if (inner->getRuleIndex() == P::RuleFieldDecl) {
      model.fields.push_back(buildField(*static_cast<P::FieldDeclContext*>(inner)));
      return;
    }
    if (broken(inner)) {
      model.broken = true;
      return;
    }
    model.attributes.push_back(buildAttribute(*inner, true));
  });
  return model;
}

ast::FieldDecl AstBuilder::buildField(P::FieldDeclContext& ctx) {
  ast::FieldDecl field;
  field.doc = docAbove(ctx.getStart());
  field.broken = broken(&ctx);
  field.range = range(&ctx);
  if (field.broken) {
    field.name = identifier(ctx.IDENT());
    return field;
  }
  field.name = identifier(ctx.getStart());  // fieldDecl: IDENT typeRef fieldAttribute*
  field.type = buildTypeRef(*ruleAt<P::TypeRefContext>(ctx, 1));
  field.attributes.reserve(ctx.children.size() - 2);
  forEachRule<antlr4::ParserRuleContext>(ctx, P::RuleFieldAttribute, [&](antlr4::ParserRuleContext& attribute) {
    field.attributes.push_back(buildAttribute(attribute, false));
  });
  return field;
}

ast::TypeRef AstBuilder::buildTypeRef(P::TypeRefContext& ctx) {
  // typeRef: IDENT typeArguments? (QUESTION | LBRACKET RBRACKET)?
  ast::TypeRef type;
  type.name = identifier(ctx.getStart());
  type.range = range(&ctx);
  std::size_t last = ctx.getStop()->getType();
  type.optional = last == OrmLexer::QUESTION;
  type.list = last == OrmLexer::RBRACKET;
  if (P::TypeArgumentsContext* arguments = ruleAt<P::TypeArgumentsContext>(ctx, 1)) {
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
  // An enum that lost a value to a syntax error would make every use of that value an
  // error too: the whole enum stays out of the analysis instead.
  decl.broken = decl.name.name.empty() || ctx.exception != nullptr || syntaxErrorWithin(decl.range);
  forEachRule<P::EnumMemberContext>(ctx, P::RuleEnumMember, [&](P::EnumMemberContext& member) {
    antlr4::ParserRuleContext* inner = firstRule(member);
    if (!inner) return;
    if (inner->getRuleIndex() == P::RuleEnumValueDecl) {
      decl.values.push_back(buildEnumValue(*static_cast<P::EnumValueDeclContext*>(inner)));
      return;
    }
    if (broken(inner)) {
      decl.broken = true;
      return;
    }
    decl.attributes.push_back(buildAttribute(*inner, true));
  });
  return decl;
}

ast::EnumValueDecl AstBuilder::buildEnumValue(P::EnumValueDeclContext& ctx) {
  ast::EnumValueDecl value;
  value.doc = docAbove(ctx.getStart());
  value.range = range(&ctx);
  value.broken = broken(&ctx);
  if (value.broken) {
    value.name = identifier(ctx.IDENT());
    return value;
  }
  value.name = identifier(ctx.getStart());  // enumValueDecl: IDENT fieldAttribute*
  forEachRule<antlr4::ParserRuleContext>(ctx, P::RuleFieldAttribute, [&](antlr4::ParserRuleContext& attribute) {
    value.attributes.push_back(buildAttribute(attribute, false));
  });
  return value;
}

ast::Attribute AstBuilder::buildAttribute(antlr4::ParserRuleContext& ctx, bool block) {
  // fieldAttribute: AT IDENT argumentList?   blockAttribute: ATAT IDENT argumentList?
  ast::Attribute attribute;
  attribute.name = identifier(tokens_.get(ctx.children[1]->getSourceInterval().a));
  attribute.block = block;
  attribute.range = range(&ctx);
  auto* arguments = ruleAt<P::ArgumentListContext>(ctx, 2);
  attribute.hasArgumentList = arguments != nullptr;
  if (!arguments) return attribute;
  forEachRule<P::ArgumentContext>(*arguments, P::RuleArgument, [&](P::ArgumentContext& argument) {
    attribute.arguments.push_back(buildArgument(argument));
  });
  return attribute;
}

ast::Argument AstBuilder::buildArgument(P::ArgumentContext& ctx) {
  // argument: (IDENT COLON)? expression
  ast::Argument argument;
  argument.range = range(&ctx);
  if (ctx.children.size() == 3) argument.name = identifier(ctx.getStart());
  argument.value = buildExpression(ruleAt<P::ExpressionContext>(ctx, ctx.children.size() - 1));
  return argument;
}

// ---- expressions -------------------------------------------------------------------

ast::Expr AstBuilder::buildExpression(P::ExpressionContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  // The labelled alternatives are classes of this binary: comparing their type_info is a
  // pointer compare.
  const std::type_info& type = typeid(*ctx);
  if (type == typeid(P::AtomExprContext)) return buildPrimary(ruleAt<P::PrimaryContext>(*ctx, 0));
  if (type == typeid(P::BinaryExprContext)) {
    auto* op = static_cast<P::BinaryExprContext*>(ctx);
    auto* left = ruleAt<P::ExpressionContext>(*ctx, 0);
    auto* right = ruleAt<P::ExpressionContext>(*ctx, 2);
    if (!left || !right || !op->op) return errorExpr(range(ctx));
    return binary(binaryOperator(op->op->getType()), buildExpression(left), buildExpression(right));
  }
  if (type == typeid(P::NegateExprContext) || type == typeid(P::NotExprContext)) {
    ast::Operator op = type == typeid(P::NotExprContext) ? ast::Operator::Not : ast::Operator::Negate;
    return unary(op, text_.range(ctx->getStart()), buildExpression(ruleAt<P::ExpressionContext>(*ctx, 1)));
  }
  if (type == typeid(P::InExprContext)) {
    ast::Expr e;
    e.kind = ast::ExprKind::In;
    e.range = range(ctx);
    e.children.push_back(buildExpression(ruleAt<P::ExpressionContext>(*ctx, 0)));
    e.children.push_back(buildList(ruleAt<P::ListLiteralContext>(*ctx, 2)));
    return e;
  }
  return errorExpr(range(ctx));
}

ast::Expr AstBuilder::buildPrimary(P::PrimaryContext* ctx) {
  if (!ctx || broken(ctx)) return errorExpr(range(ctx));
  ast::Expr e;
  e.range = range(ctx);
  antlr4::Token* first = ctx->getStart();
  switch (first->getType()) {
    case OrmLexer::INT:
      checkIntegerRange(first, false);
      e.kind = ast::ExprKind::Integer;
      e.text = text_.text(first);
      return e;
    case OrmLexer::DECIMAL:
      e.kind = ast::ExprKind::Decimal;
      e.text = text_.text(first);
      return e;
    case OrmLexer::STRING:
      e.kind = ast::ExprKind::String;
      e.text = decodeString(first);
      return e;
    case OrmLexer::TRUE:
    case OrmLexer::FALSE:
      e.kind = ast::ExprKind::Boolean;
      e.boolValue = first->getType() == OrmLexer::TRUE;
      e.text = e.boolValue ? "true" : "false";
      return e;
    case OrmLexer::IDENT: {
      e.text = text_.text(first);
      auto* call = ruleAt<P::CallArgumentsContext>(*ctx, 1);
      if (!call) {
        e.kind = ast::ExprKind::Name;
        return e;
      }
      e.kind = ast::ExprKind::Call;
      forEachRule<P::ExpressionContext>(*call, P::RuleExpression, [&](P::ExpressionContext& argument) {
        e.children.push_back(buildExpression(&argument));
      });
      return e;
    }
    case OrmLexer::LBRACKET:
      return buildList(ruleAt<P::ListLiteralContext>(*ctx, 0));
    case OrmLexer::LPAREN: {
      ast::Expr inner = buildExpression(ruleAt<P::ExpressionContext>(*ctx, 1));
      inner.range = e.range;  // the parentheses belong to the operand
      return inner;
    }
    default:
      return errorExpr(e.range);
  }
}

ast::Expr AstBuilder::buildList(P::ListLiteralContext* ctx) {
  if (!ctx || ctx->exception) return errorExpr(range(ctx));
  ast::Expr e;
  e.kind = ast::ExprKind::List;
  e.range = range(ctx);
  forEachRule<P::ExpressionContext>(*ctx, P::RuleExpression, [&](P::ExpressionContext& item) {
    e.children.push_back(buildExpression(&item));
  });
  return e;
}

}  // namespace ormc::parse
