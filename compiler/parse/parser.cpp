// parseFile: decode, lex through the TokenFilter, parse in two stages (fast SLL that bails
// out at the first error; on failure, full LL with our error reporting and recovery), then
// build the AST. The ANTLR parse tree dies here.
#include "parse/parser.hpp"

#include "OrmLexer.h"
#include "OrmParser.h"
#include "parse/ast_builder.hpp"
#include "parse/lexer_simulator.hpp"
#include "parse/source_text.hpp"
#include "parse/syntax_errors.hpp"
#include "parse/token_filter.hpp"
#include "support/diagnostic_codes.hpp"

#include <antlr4-runtime.h>
#include <fmt/format.h>

#include <optional>

namespace ormc::parse {

namespace {

// A schema larger than this is refused before lexing: it cannot be a hand-written schema,
// and the limit keeps the worst case of a hostile input bounded in time and memory.
constexpr std::size_t kMaxFileBytes = 64u << 20;

}  // namespace

ast::File parseFile(const SourceManager& sources, FileId file, DiagnosticEngine& diagnostics, PhaseTimes* times) {
  std::string_view bytes = sources.text(file);
  if (bytes.size() > kMaxFileBytes) {
    diagnostics.error(codes::kFileTooLarge, {{file, 0}, {file, 0}},
                      fmt::format("file is too large ({} bytes; the limit is {} MiB)", bytes.size(),
                                  kMaxFileBytes >> 20));
    ast::File empty;
    empty.file = file;
    return empty;
  }

  std::optional<ScopedPhase> phase(std::in_place, times, "parse.decode");
  SourceText text(file, bytes, diagnostics);
  CodePointStream input(text);
  OrmTokenLexer lexer(input);
  lexer.removeErrorListeners();  // the lexer cannot fail: every character has a token
  TokenFilter filter(lexer, text, diagnostics);
  antlr4::CommonTokenStream tokens(&filter);
  phase.emplace(times, "parse.lex");
  tokens.fill();  // lexical diagnostics first, so parse errors on the same line can defer to them

  phase.emplace(times, "parse.sll");
  grammar::OrmParser parser(&tokens);
  parser.removeErrorListeners();
  auto* interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  grammar::OrmParser::FileContext* tree = nullptr;
  bool recovered = false;
  try {
    tree = parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    phase.emplace(times, "parse.ll");
    recovered = true;
    tokens.seek(0);
    parser.reset();
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<SyntaxErrorReporter>(text, filter, diagnostics));
    tree = parser.file();
  }
  phase.emplace(times, "parse.ast");
  AstBuilder builder(text, tokens, diagnostics, recovered);
  ast::File result = builder.build(*tree);
  phase.emplace(times, "parse.teardown");  // the parse tree and tokens die with this scope
  return result;
}

}  // namespace ormc::parse
