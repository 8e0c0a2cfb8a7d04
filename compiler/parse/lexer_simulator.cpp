// See lexer_simulator.hpp.
#include "parse/lexer_simulator.hpp"

namespace ormc::parse {

namespace {

// Merges equal prediction contexts. The generated recognizers keep theirs private; this one
// serves the same purpose (contexts are reference counted, so any cache is safe to use).
antlr4::atn::PredictionContextCache& contextCache() {
  static antlr4::atn::PredictionContextCache cache;
  return cache;
}

}  // namespace

SingleThreadLexerSimulator::SingleThreadLexerSimulator(antlr4::Lexer& lexer)
    : LexerATNSimulator(&lexer, lexer.getInterpreter<antlr4::atn::LexerATNSimulator>()->atn,
                        lexer.getInterpreter<antlr4::atn::LexerATNSimulator>()->_decisionToDFA,
                        contextCache()) {}

void SingleThreadLexerSimulator::installOn(antlr4::Lexer& lexer) {
  auto* replacement = new SingleThreadLexerSimulator(lexer);
  lexer.setInterpreter(replacement);
}

antlr4::dfa::DFAState* SingleThreadLexerSimulator::getExistingTargetState(antlr4::dfa::DFAState* state,
                                                                          size_t symbol) {
  if (symbol > MAX_DFA_EDGE) return nullptr;  // also EOF, which is size_t(-1)
  bool tabled = _mode == 0 && state->stateNumber >= 0;
  auto number = static_cast<std::size_t>(state->stateNumber);
  if (tabled && number < edges_.size() && edges_[number][symbol]) return edges_[number][symbol];
  auto edge = state->edges.find(symbol - MIN_DFA_EDGE);
  if (edge == state->edges.end()) return nullptr;
  if (tabled) {
    if (number >= edges_.size()) edges_.resize(number + 1, Row{});
    edges_[number][symbol] = edge->second;
  }
  return edge->second;
}

}  // namespace ormc::parse
