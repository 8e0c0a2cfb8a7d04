// SyntaxErrorReporter: phrasing syntax errors from the parser's position in the grammar.
#include "parse/syntax_errors.hpp"

#include "OrmLexer.h"
#include "OrmParser.h"
#include "support/diagnostic_codes.hpp"
#include "support/suggest.hpp"

#include <fmt/format.h>

namespace ormc::parse {

using grammar::OrmLexer;
using grammar::OrmParser;

namespace {

// What the user would call a token kind, for "expected ..." lists.
std::string describeKind(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case OrmLexer::IDENT: return "a name";
    case OrmLexer::INT: return "a number";
    case OrmLexer::DECIMAL: return "a number";
    case OrmLexer::STRING: return "a string";
    case OrmLexer::NEWLINE: return "a new line";
    default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (!literal.empty()) return literal;
  return "a token";
}

// What was actually found, quoted as written where that helps.
std::string describeFound(antlr4::Token* token) {
  switch (token->getType()) {
    case antlr4::Token::EOF: return "end of file";
    case OrmLexer::NEWLINE: return "end of line";
    default: break;
  }
  std::string text = token->getText();
  if (text.size() > 40) {
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters only
    text = text.substr(0, cut) + "...";
  }
  if (token->getType() == OrmLexer::STRING) return "string " + text;  // already quoted
  return fmt::format("'{}'", text);
}

std::string joinAlternatives(const std::vector<std::string>& items) {
  if (items.empty()) return "something else";
  if (items.size() == 1) return items[0];
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

std::string describeExpected(const antlr4::misc::IntervalSet& expected, const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<std::string> items;
  for (ssize_t type : expected.toList()) {
    std::string item = describeKind(static_cast<std::size_t>(type), vocabulary);
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
  }
  // A long menu helps nobody: the operators of an expression, say.
  if (items.size() > 5) return "something else";
  return joinAlternatives(items);
}

std::string nameOf(antlr4::tree::TerminalNode* node) {
  if (!node || node->getSymbol()->getStartIndex() == INVALID_INDEX) return {};
  return node->getText();
}

bool expects(const antlr4::misc::IntervalSet& expected, std::size_t type) {
  return expected.contains(static_cast<ssize_t>(type));
}

template <typename Context>
Context* enclosing(antlr4::tree::ParseTree* ctx) {
  for (; ctx; ctx = ctx->parent) {
    if (auto* match = dynamic_cast<Context*>(ctx)) return match;
  }
  return nullptr;
}

struct Phrase {
  std::string message;
  std::string help;
};

// A member line that starts with a reserved word, as in `model String(50)` inside a model:
// a field named like a keyword, not a new declaration (that would be `model Name {`).
bool reservedWordAsName(antlr4::TokenStream* tokens) {
  std::size_t first = tokens->LA(1);
  bool keyword = first == OrmLexer::SCHEMA || first == OrmLexer::IMPORT || first == OrmLexer::ENUM ||
                 first == OrmLexer::MODEL || first == OrmLexer::TRUE || first == OrmLexer::FALSE ||
                 first == OrmLexer::IN;
  if (!keyword || tokens->LA(2) != OrmLexer::IDENT) return false;
  if (tokens->LT(2)->getLine() != tokens->LT(1)->getLine()) return false;
  return !((first == OrmLexer::MODEL || first == OrmLexer::ENUM) && tokens->LA(3) == OrmLexer::LBRACE);
}

// The message for the common mistakes, by where the parser stands; empty when the
// generic "expected X, found Y" says it best.
Phrase phraseFor(antlr4::ParserRuleContext* ctx, antlr4::Token* found,
                 const antlr4::misc::IntervalSet& expected) {
  std::size_t type = found->getType();
  std::string foundText = describeFound(found);
  if (auto* typeRef = dynamic_cast<OrmParser::TypeRefContext*>(ctx); typeRef && nameOf(typeRef->IDENT()).empty()) {
    if (auto* field = dynamic_cast<OrmParser::FieldDeclContext*>(typeRef->parent)) {
      return {fmt::format("expected a type after field name '{}', found {}", nameOf(field->IDENT()), foundText),
              "write the type after the name, e.g. 'email String(255)'"};
    }
  }
  if (auto* model = dynamic_cast<OrmParser::ModelDeclContext*>(ctx)) {
    std::string name = nameOf(model->IDENT());
    if (name.empty()) return {fmt::format("expected a model name after 'model', found {}", foundText), {}};
    if (!model->LBRACE()) return {fmt::format("expected '{{' after model name '{}', found {}", name, foundText), {}};
    if (type == antlr4::Token::EOF || type == OrmLexer::MODEL || type == OrmLexer::ENUM) {
      return {fmt::format("expected '}}' to close model '{}', found {}", name, foundText), {}};
    }
    return {fmt::format("expected a field name or '@@' attribute in model '{}', found {}", name, foundText), {}};
  }
  if (auto* member = dynamic_cast<OrmParser::ModelMemberContext*>(ctx)) {
    std::string after = member->fieldDecl() ? "field '" + nameOf(member->fieldDecl()->IDENT()) + "'"
                        : member->blockAttribute() ? "'@@" + nameOf(member->blockAttribute()->IDENT()) + "'"
                                                   : std::string();
    if (!after.empty()) {
      return {fmt::format("unexpected {} after {}", foundText, after),
              "put each field on its own line; attributes start with '@'"};
    }
  }
  if (auto* enumDecl = dynamic_cast<OrmParser::EnumDeclContext*>(ctx)) {
    std::string name = nameOf(enumDecl->IDENT());
    if (name.empty()) return {fmt::format("expected an enum name after 'enum', found {}", foundText), {}};
    if (!enumDecl->LBRACE()) return {fmt::format("expected '{{' after enum name '{}', found {}", name, foundText), {}};
    if (type == antlr4::Token::EOF || type == OrmLexer::MODEL || type == OrmLexer::ENUM) {
      return {fmt::format("expected '}}' to close enum '{}', found {}", name, foundText), {}};
    }
    return {fmt::format("expected an enum value name in enum '{}', found {}", name, foundText), {}};
  }
  if (auto* member = dynamic_cast<OrmParser::EnumMemberContext*>(ctx)) {
    if (member->enumValueDecl()) {
      return {fmt::format("unexpected {} after value '{}'", foundText, nameOf(member->enumValueDecl()->IDENT())),
              "separate enum values with new lines or commas"};
    }
  }
  if (auto* schema = dynamic_cast<OrmParser::SchemaDeclContext*>(ctx)) {
    if (!schema->qualifiedName()) return {fmt::format("expected a namespace name after 'schema', found {}", foundText), {}};
    return {fmt::format("expected ';' after the schema name, found {}", foundText), {}};
  }
  if (dynamic_cast<OrmParser::QualifiedNameContext*>(ctx)) {
    return {fmt::format("expected a name after '.', found {}", foundText), {}};
  }
  if (auto* import = dynamic_cast<OrmParser::ImportDeclContext*>(ctx)) {
    if (!import->STRING()) {
      return {fmt::format("expected a file name in quotes after 'import', found {}", foundText),
              "write e.g. import \"common.orm\";"};
    }
    return {fmt::format("expected ';' after the import, found {}", foundText), {}};
  }
  if (dynamic_cast<OrmParser::FileContext*>(ctx) || dynamic_cast<OrmParser::DeclarationContext*>(ctx)) {
    Phrase phrase{fmt::format("expected 'model' or 'enum', found {}", foundText), {}};
    if (type == OrmLexer::SCHEMA) phrase.help = "the 'schema' line comes first in the file";
    if (type == OrmLexer::IMPORT) phrase.help = "imports come right after the 'schema' line";
    if (type == OrmLexer::IDENT) phrase.help = didYouMean(found->getText(), {"model", "enum"});
    return phrase;
  }
  if (dynamic_cast<OrmParser::FieldAttributeContext*>(ctx) || dynamic_cast<OrmParser::BlockAttributeContext*>(ctx)) {
    return {fmt::format("expected an attribute name after '@', found {}", foundText), {}};
  }
  if (dynamic_cast<OrmParser::TypeArgumentsContext*>(ctx)) {
    if (expects(expected, OrmLexer::INT) && !expects(expected, OrmLexer::RPAREN)) {
      return {fmt::format("expected a number in the type's arguments, found {}", foundText), {}};
    }
    return {fmt::format("expected ',' or ')' in the type's arguments, found {}", foundText), {}};
  }
  if (dynamic_cast<OrmParser::ArgumentListContext*>(ctx)) {
    std::string attribute;
    if (auto* field = enclosing<OrmParser::FieldAttributeContext>(ctx)) attribute = "@" + nameOf(field->IDENT());
    if (auto* block = enclosing<OrmParser::BlockAttributeContext>(ctx)) attribute = "@@" + nameOf(block->IDENT());
    return {fmt::format("expected ',' or ')' in the arguments of '{}', found {}", attribute, foundText), {}};
  }
  if (dynamic_cast<OrmParser::ListLiteralContext*>(ctx) && expects(expected, OrmLexer::RBRACKET)) {
    return {fmt::format("expected ',' or ']' in the list, found {}", foundText), {}};
  }
  if (dynamic_cast<OrmParser::CallArgumentsContext*>(ctx) && expects(expected, OrmLexer::RPAREN)) {
    return {fmt::format("expected ',' or ')' in the call, found {}", foundText), {}};
  }
  if (dynamic_cast<OrmParser::PrimaryContext*>(ctx) && expects(expected, OrmLexer::RPAREN)) {
    return {fmt::format("expected ')', found {}", foundText), {}};
  }
  if (expects(expected, OrmLexer::INT) && expects(expected, OrmLexer::STRING)) {
    return {fmt::format("expected a value or an expression, found {}", foundText), {}};
  }
  return {};
}

}  // namespace

void SyntaxErrorReporter::report(antlr4::Parser* parser, antlr4::Token* found,
                                 const antlr4::misc::IntervalSet& expected, Problem problem) {
  if (filter_.lexicalErrorOnLine(found->getLine())) return;
  if (filter_.truncated() && found->getType() == antlr4::Token::EOF) return;
  Phrase phrase = phraseFor(parser->getContext(), found, expected);
  std::size_t rule = parser->getContext()->getRuleIndex();
  bool body = rule == OrmParser::RuleModelDecl || rule == OrmParser::RuleEnumDecl;
  if (body && found == parser->getTokenStream()->LT(1) && reservedWordAsName(parser->getTokenStream())) {
    std::string word = found->getText();
    const char* what = rule == OrmParser::RuleModelDecl ? "field" : "enum value";
    phrase = {fmt::format("'{}' is a reserved word and cannot name a {}", word, what),
              fmt::format("choose another name and keep '{}' in the database with @map(\"{}\")", word, word)};
  }
  if (phrase.message.empty()) {
    phrase.message = problem == Problem::Missing
                         ? fmt::format("expected {} before {}", describeExpected(expected, parser->getVocabulary()), describeFound(found))
                         : fmt::format("expected {}, found {}", describeExpected(expected, parser->getVocabulary()), describeFound(found));
  }
  // A missing token, or one found only at the end of a line or the file, is best shown
  // right after the last token that was there.
  SourceRange range = text_.range(found);
  // A missing ';' belongs at the end of the line it should close, not on the next one.
  bool atLineEnd = found->getType() == OrmLexer::NEWLINE || found->getType() == antlr4::Token::EOF ||
                   expects(expected, OrmLexer::SEMI);
  if (problem == Problem::Missing || atLineEnd) {
    auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
    for (ssize_t i = static_cast<ssize_t>(found->getTokenIndex()) - 1; stream && i >= 0; --i) {
      antlr4::Token* previous = stream->get(static_cast<std::size_t>(i));
      if (previous->getChannel() != antlr4::Token::DEFAULT_CHANNEL || previous->getType() == OrmLexer::NEWLINE) continue;
      if (!atLineEnd && previous->getLine() != found->getLine()) break;
      SourceLoc end = text_.range(previous).end;
      range = {end, end};
      break;
    }
  }
  Diagnostic& diagnostic = diagnostics_.error(codes::kSyntax, range, phrase.message);
  if (!phrase.help.empty()) diagnostic.addHelp(phrase.help);
}

void SyntaxErrorReporter::reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), Problem::Unexpected);
}

void SyntaxErrorReporter::reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), Problem::Unexpected);
}

void SyntaxErrorReporter::reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), Problem::Unexpected);
}

void SyntaxErrorReporter::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), Problem::Unexpected);
}

void SyntaxErrorReporter::sync(antlr4::Parser* parser) {
  antlr4::ParserRuleContext* ctx = parser->getContext();
  bool topLevel = dynamic_cast<OrmParser::FileContext*>(ctx) != nullptr;
  bool body = dynamic_cast<OrmParser::ModelDeclContext*>(ctx) || dynamic_cast<OrmParser::EnumDeclContext*>(ctx);
  if ((!topLevel && !body) || inErrorRecoveryMode(parser)) {
    DefaultErrorStrategy::sync(parser);
    return;
  }
  antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
  std::size_t next = parser->getTokenStream()->LA(1);
  if (expects(expected, next)) return;
  beginErrorCondition(parser);
  report(parser, parser->getCurrentToken(), expected, Problem::Unexpected);
  // A member named with a reserved word loses its line, not the rest of the model.
  if (body && reservedWordAsName(parser->getTokenStream())) parser->consume();
  antlr4::misc::IntervalSet stop = topLevel ? expected : antlr4::misc::IntervalSet::of(OrmLexer::RBRACE);
  stop.add(static_cast<ssize_t>(antlr4::Token::EOF));
  stop.add(OrmLexer::MODEL);
  stop.add(OrmLexer::ENUM);
  if (body) stop.add(OrmLexer::NEWLINE);
  consumeUntil(parser, stop);
  // The rest of a broken line goes with it; the next member starts clean.
  if (body && parser->getTokenStream()->LA(1) == OrmLexer::NEWLINE) parser->consume();
}

void SyntaxErrorReporter::recover(antlr4::Parser* parser, std::exception_ptr e) {
  bool inMember = false;
  for (antlr4::tree::ParseTree* node = parser->getContext(); node && !inMember; node = node->parent) {
    auto* ctx = static_cast<antlr4::RuleContext*>(node);  // parents of rule contexts are rule contexts
    std::size_t rule = ctx->getRuleIndex();
    inMember = rule == OrmParser::RuleModelMember || rule == OrmParser::RuleEnumMember;
  }
  if (!inMember) {
    DefaultErrorStrategy::recover(parser, e);
    return;
  }
  // As the runtime does: an error again at the same place must consume, or we loop.
  antlr4::TokenStream* tokens = parser->getTokenStream();
  if (lastErrorIndex == static_cast<ssize_t>(tokens->index()) && lastErrorStates.contains(parser->getState()) &&
      tokens->LA(1) != antlr4::Token::EOF) {
    parser->consume();
  }
  lastErrorIndex = static_cast<ssize_t>(tokens->index());
  lastErrorStates.add(parser->getState());
  antlr4::misc::IntervalSet endOfMember;
  endOfMember.add(OrmLexer::NEWLINE);
  endOfMember.add(OrmLexer::RBRACE);
  endOfMember.add(static_cast<ssize_t>(antlr4::Token::EOF));
  consumeUntil(parser, endOfMember);
}

antlr4::Token* SyntaxErrorReporter::singleTokenDeletion(antlr4::Parser* parser) {
  if (parser->getCurrentToken()->getType() == OrmLexer::NEWLINE) return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

void SyntaxErrorReporter::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), Problem::Missing);
}

}  // namespace ormc::parse
