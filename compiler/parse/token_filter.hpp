// Sits between the lexer and the parser. It turns the lexer's error tokens into located
// diagnostics (E0102-E0104), keeps NEWLINE only where it separates members (inside braces,
// outside brackets, one per run), and bounds bracket nesting (E0106) so that hostile input
// cannot overflow the parser's stack. After a fatal condition it ends the stream.
#pragma once

#include "parse/source_text.hpp"
#include "support/diagnostics.hpp"

#include <antlr4-runtime.h>

#include <memory>
#include <set>

namespace ormc::parse {

class TokenFilter : public antlr4::TokenSource {
 public:
  // Deeper bracket nesting than this is refused: far beyond any real schema, far below
  // what the recursive-descent parser's stack can take.
  static constexpr int kMaxNesting = 200;

  TokenFilter(antlr4::Lexer& lexer, const SourceText& text, DiagnosticEngine& diagnostics)
      : lexer_(lexer), text_(text), diagnostics_(diagnostics) {}

  std::unique_ptr<antlr4::Token> nextToken() override;
  std::size_t getLine() const override { return lexer_.getLine(); }
  std::size_t getCharPositionInLine() override { return lexer_.getCharPositionInLine(); }
  antlr4::CharStream* getInputStream() override { return lexer_.getInputStream(); }
  std::string getSourceName() override { return lexer_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override { return lexer_.getTokenFactory(); }

  // True if a lexical error ended the stream early (the parser's complaints about the
  // truncated input would only be noise).
  bool truncated() const { return truncated_; }
  // True if a lexical error was reported on this (1-based) line: a syntax error there is
  // most likely its echo and is not reported again.
  bool lexicalErrorOnLine(std::size_t line) const { return errorLines_.count(line) > 0; }

 private:
  std::unique_ptr<antlr4::CommonToken> syntheticToken(std::size_t type);
  std::unique_ptr<antlr4::Token> endOfInput();
  void reportInvalidCharacters(std::unique_ptr<antlr4::Token>& first);

  antlr4::Lexer& lexer_;
  const SourceText& text_;
  DiagnosticEngine& diagnostics_;
  std::unique_ptr<antlr4::Token> pending_;  // read ahead while merging invalid characters
  int braceDepth_ = 0;
  int bracketDepth_ = 0;  // ( and [ together
  int prefixRun_ = 0;     // consecutive ! and -: each one nests the parse one level deeper
  bool lastWasNewline_ = true;
  bool truncated_ = false;
  std::set<std::size_t> errorLines_;
};

}  // namespace ormc::parse
