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
  // `recovered`: the tree comes from the error-recovering parse, so parts of it may be broken.
  AstBuilder(const SourceText& text, antlr4::BufferedTokenStream& tokens, DiagnosticEngine& diagnostics,
             bool recovered)
      : text_(text), tokens_(tokens), diagnostics_(diagnostics), recovered_(recovered) {}

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
  // A fieldAttribute or blockAttribute context.
  ast::Attribute buildAttribute(antlr4::ParserRuleContext& ctx, bool block);
  ast::Argument buildArgument(P::ArgumentContext& ctx);

  ast::Expr buildExpression(P::ExpressionContext* ctx);
  ast::Expr buildPrimary(P::PrimaryContext* ctx);
  ast::Expr buildList(P::ListLiteralContext* ctx);

  // Decodes a STRING token's value; reports bad escapes.
  std::string decodeString(antlr4::Token* token);
  // Checks that an integer literal fits 64 bits (its magnitude may be 2^63, for -2^63).
  void checkIntegerRange(antlr4::Token* token, bool typeArgument);

  ast::Identifier identifier(antlr4::tree::TerminalNode* node) const;
  ast::Identifier identifier(antlr4::Token* token) const;
  SourceRange range(antlr4::ParserRuleContext* ctx) const;
  SourceRange range(antlr4::tree::TerminalNode* node) const;
  // The `///` lines directly above the token, joined with '\n'.
  std::string docAbove(antlr4::Token* start);
  // True if error recovery touched this subtree (an exception, a conjured or unwanted token).
  bool broken(antlr4::ParserRuleContext* ctx) const;
  // True if a syntax error was reported inside `range` (only possible in a recovered parse).
  bool syntaxErrorWithin(SourceRange range) const;
  static bool touchedByRecovery(antlr4::ParserRuleContext* ctx);

  const SourceText& text_;
  antlr4::BufferedTokenStream& tokens_;
  DiagnosticEngine& diagnostics_;
  bool recovered_;
};

}  // namespace ormc::parse
