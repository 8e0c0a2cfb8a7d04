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

SingleThreadLexerSimulator::SingleThreadLexerSimulator(antlr4::Lexer& lexer, CodePointStream& input)
    : LexerATNSimulator(&lexer, lexer.getInterpreter<antlr4::atn::LexerATNSimulator>()->atn,
                        lexer.getInterpreter<antlr4::atn::LexerATNSimulator>()->_decisionToDFA,
                        contextCache()),
      input_(input) {}

size_t SingleThreadLexerSimulator::execATN(antlr4::CharStream* input, antlr4::dfa::DFAState* start) {
  if (start->isAcceptState) captureSimState(input, start);
  std::size_t symbol = input_.peek();
  antlr4::dfa::DFAState* state = start;
  for (;;) {
    antlr4::dfa::DFAState* target = SingleThreadLexerSimulator::getExistingTargetState(state, symbol);
    if (target == nullptr) target = computeTargetState(input, state, symbol);
    if (target == ERROR.get()) break;
    if (symbol != antlr4::Token::EOF) {
      // LexerATNSimulator::consume(), inlined.
      if (symbol == U'\n') {
        ++_line;
        _charPositionInLine = 0;
      } else {
        ++_charPositionInLine;
      }
      input_.advance();
    }
    if (target->isAcceptState) {
      captureSimState(input, target);
      if (symbol == antlr4::Token::EOF) break;
    }
    symbol = input_.peek();
    state = target;
  }
  return failOrAccept(input, state->configs.get(), symbol);
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

OrmTokenLexer::OrmTokenLexer(CodePointStream& input) : OrmLexer(&input), input_(input) {
  simulator_ = new SingleThreadLexerSimulator(*this, input);
  setInterpreter(simulator_);  // deletes the generated one; ~OrmLexer deletes ours
}

// The grammar's `WS : [ \t\f]+ -> skip;` on the fast path. No other token starts with these
// characters, so at a token boundary a run of them is always one skipped WS token; skipping
// it here spares the DFA walk and the skip action of the most frequent token in a schema.
// tests/unit/test_lexer.cpp compares this lexer's tokens with the generated lexer's.
bool OrmTokenLexer::skipWhitespace() {
  std::size_t skipped = 0;
  for (std::size_t c = input_.peek(); c == U' ' || c == U'\t' || c == U'\f'; c = input_.peek()) {
    input_.advance();
    ++skipped;
  }
  if (skipped > 0) simulator_->setCharPositionInLine(simulator_->getCharPositionInLine() + skipped);
  return skipped > 0;
}

std::unique_ptr<antlr4::Token> OrmTokenLexer::nextToken() {
  for (;;) {
    if (hitEOF) {
      emitEOF();
      return std::move(token);
    }
    if (skipWhitespace() && input_.peek() == antlr4::Token::EOF) {
      hitEOF = true;  // as after a skipped WS token that ends the input
      continue;
    }
    token.reset();
    channel = antlr4::Token::DEFAULT_CHANNEL;
    tokenStartCharIndex = _input->index();
    tokenStartCharPositionInLine = simulator_->getCharPositionInLine();
    tokenStartLine = simulator_->getLine();
    std::size_t matched;
    do {
      type = antlr4::Token::INVALID_TYPE;
      try {
        matched = simulator_->match(_input, mode);
      } catch (antlr4::LexerNoViableAltException& e) {
        // Unreachable with this grammar (ERROR_CHAR matches any character); kept as the
        // runtime handles it.
        notifyListeners(e);
        recover(e);
        matched = SKIP;
      }
      if (_input->LA(1) == antlr4::Token::EOF) hitEOF = true;
      if (type == antlr4::Token::INVALID_TYPE) type = matched;
    } while (type == MORE);
    if (type == SKIP) continue;
    if (!token) emit();
    return std::move(token);
  }
}

}  // namespace ormc::parse
