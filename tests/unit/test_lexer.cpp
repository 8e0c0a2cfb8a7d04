// The compiler's lexer (parse/lexer_simulator.*: the generated lexer with a faster token
// loop, DFA walk and whitespace path) must produce exactly the tokens of the lexer ANTLR
// generates from grammar/OrmLexer.g4: same types, channels, positions and text, on every
// schema in the repository and on random text over the characters that matter.
#include "OrmLexer.h"
#include "parse/lexer_simulator.hpp"
#include "support/diagnostics.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace {

std::string describe(antlr4::Token& t) {
  std::ostringstream out;
  out << t.getType() << "/" << t.getChannel() << " " << t.getStartIndex() << ".." << t.getStopIndex() << " @"
      << t.getLine() << ":" << t.getCharPositionInLine() << " '" << t.getText() << "'";
  return out.str();
}

std::vector<std::string> tokensOf(antlr4::TokenSource& lexer) {
  std::vector<std::string> tokens;
  for (;;) {
    std::unique_ptr<antlr4::Token> t = lexer.nextToken();
    tokens.push_back(describe(*t));
    if (t->getType() == antlr4::Token::EOF) return tokens;
  }
}

void checkSameTokens(const std::string& name, const std::string& text) {
  CAPTURE(name);
  ormc::DiagnosticEngine diagnostics;
  ormc::parse::SourceText referenceText(0, text, diagnostics);
  ormc::parse::CodePointStream referenceInput(referenceText);  // read only through ANTLR's virtual calls
  ormc::grammar::OrmLexer reference(&referenceInput);
  reference.removeErrorListeners();

  ormc::parse::SourceText fastText(0, text, diagnostics);
  ormc::parse::CodePointStream fastInput(fastText);
  ormc::parse::OrmTokenLexer fast(fastInput);
  fast.removeErrorListeners();

  std::vector<std::string> expected = tokensOf(reference);
  std::vector<std::string> actual = tokensOf(fast);
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(actual[i] == expected[i]);
  }
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the compiler's lexer gives the generated lexer's tokens on every schema in the repository") {
  const std::filesystem::path root = ORMC_SOURCE_DIR;
  std::size_t files = 0;
  for (const char* dir : {"schemas", "tests/diagnostics/cases", "tests/golden/ddl/cases", "tests/codegen"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir)) {
      if (entry.path().extension() != ".orm") continue;
      checkSameTokens(entry.path().string(), readFile(entry.path()));
      ++files;
    }
  }
  CHECK(files > 80);
}

TEST_CASE("the compiler's lexer gives the generated lexer's tokens on random text") {
  // Whitespace runs at the start, middle and end; every operator's first character;
  // strings, escapes and comments cut anywhere; non-ASCII and invalid UTF-8.
  const std::vector<std::string> pieces = {" ",  "  ", "\t", "\f", "\n", "\r\n", "\r", "a",  "_x1", "model", "in",
                                           "1",  "1.5", "1.", ".", "\"", "\\",  "\"s\"", "/",  "//", "///", "////",
                                           "/*", "*/", "@",  "@@", "=",  "==", "!",  "!=", "<",  "<=", "&",  "&&",
                                           "|",  "||", "(",  ")",  "[",  "]",  "{",  "}",  ",",  ":",  ";",  "?",
                                           "é",  "\xff", "\xe2\x82", "€", "-",  "+",  "*"};
  std::mt19937 rng(20261125);
  for (int sample = 0; sample < 3000; ++sample) {
    std::string text;
    int length = static_cast<int>(rng() % 24);
    for (int i = 0; i < length; ++i) text += pieces[rng() % pieces.size()];
    checkSameTokens("sample " + std::to_string(sample), text);
  }
}
