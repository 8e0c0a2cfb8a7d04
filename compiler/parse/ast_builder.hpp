// Parse tree -> AST. One build function per grammar rule, calling the generated context
// accessors directly (no visitor, no Any). Literal text is decoded here (string escapes,
// E0107; integer range, E0108); `///` comments are attached to the declaration below them.
#pragma once

#include "OrmParser.h"
#include "ast/ast.hpp"
#include "parse/source_text.hpp"
#include "support/diagnostics.hpp"

#include <antlr4-runtime.h>

namespace ormc::parse {

class AstBuilder {
 public:
  AstBuilder(const SourceText& text, antlr4::BufferedTokenStream& tokens, DiagnosticEngine& diagnostics)
      : text_(text), tokens_(tokens), diagnostics_(diagnostics) {}

  ast::File build(grammar::OrmParser::FileContext& ctx);

 private:
  using P = grammar::OrmParser;

  ast::SchemaDecl buildSchema(P::SchemaDeclContext& ctx);
  ast::ImportDecl buildImport(P::ImportDeclContext& ctx);
  ast::ModelDecl buildModel(P::ModelDeclContext& ctx);
  ast::FieldDecl buildField(P::FieldDeclContext& ctx);
  ast::TypeRef buildTypeRef(P::TypeRefContext& ctx);
  ast::EnumDecl buildEnum(P::EnumDeclContext& ctx);
  ast::EnumValueDecl buildEnumValue(P::EnumValueDeclContext& ctx);
  ast::Attribute buildAttribute(antlr4::ParserRuleContext& ctx, antlr4::tree::TerminalNode* name,
                                P::ArgumentListContext* arguments, bool block);
  ast::Argument buildArgument(P::ArgumentContext& ctx);

  ast::Expr buildExpression(P::ExpressionContext* ctx);
  ast::Expr buildAnd(P::AndExprContext* ctx);
  ast::Expr buildNot(P::NotExprContext* ctx);
  ast::Expr buildComparison(P::ComparisonContext* ctx);
  ast::Expr buildAdditive(P::AdditiveContext* ctx);
  ast::Expr buildMultiplicative(P::MultiplicativeContext* ctx);
  ast::Expr buildUnary(P::UnaryContext* ctx);
  ast::Expr buildPrimary(P::PrimaryContext* ctx);
  ast::Expr buildList(P::ListLiteralContext* ctx);

  // Decodes a STRING token's value; reports bad escapes.
  std::string decodeString(antlr4::Token* token);
  // Checks that an integer literal fits 64 bits (its magnitude may be 2^63, for -2^63).
  void checkIntegerRange(antlr4::Token* token, bool typeArgument);

  ast::Identifier identifier(antlr4::tree::TerminalNode* node) const;
  SourceRange range(antlr4::ParserRuleContext* ctx) const;
  SourceRange range(antlr4::tree::TerminalNode* node) const;
  // The `///` lines directly above the token, joined with '\n'.
  std::string docAbove(antlr4::Token* start);
  // True if error recovery touched this subtree (an exception, a conjured or unwanted token).
  static bool broken(antlr4::ParserRuleContext* ctx);

  const SourceText& text_;
  antlr4::BufferedTokenStream& tokens_;
  DiagnosticEngine& diagnostics_;
};

}  // namespace ormc::parse
