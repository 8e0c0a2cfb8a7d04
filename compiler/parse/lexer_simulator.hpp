// The lexer's DFA walk without the runtime's per-character locking.
//
// ANTLR's C++ runtime (4.9) guards every DFA edge lookup of every lexer with one global
// reader/writer lock: two mutex round trips and a condition-variable signal per input
// character, over a third of `ormc check`'s time. The compiler lexes on one thread, so
// the lookup reads a flat table per DFA state (filled from the runtime's edge hash map the
// first time an edge is taken); a miss still goes to the runtime, which adds new edges
// under its lock as before.
#pragma once

#include "OrmLexer.h"
#include "parse/source_text.hpp"

#include <antlr4-runtime.h>

#include <array>
#include <vector>

namespace ormc::parse {

// ANTLR's input stream over our already-decoded code points (it would otherwise decode
// UTF-8 itself, and throw on invalid bytes). The lexer reads it directly, without a
// virtual call per character.
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(SourceText& text) {
    text.lendTo(_data);
    p = 0;
  }
  // The code point at the read position, or EOF.
  std::size_t peek() const { return p < _data.size() ? static_cast<std::size_t>(_data[p]) : antlr4::Token::EOF; }
  void advance() { ++p; }
};

class SingleThreadLexerSimulator : public antlr4::atn::LexerATNSimulator {
 public:
  // Takes the ATN and DFA of `lexer`'s current (generated) simulator.
  SingleThreadLexerSimulator(antlr4::Lexer& lexer, CodePointStream& input);


 protected:
  antlr4::dfa::DFAState* getExistingTargetState(antlr4::dfa::DFAState* state, size_t symbol) override;
  // The runtime's DFA walk, with the stream read directly and the edge lookup inlined.
  size_t execATN(antlr4::CharStream* input, antlr4::dfa::DFAState* start) override;

 private:
  using Row = std::array<antlr4::dfa::DFAState*, MAX_DFA_EDGE + 1>;
  std::vector<Row> edges_;  // by DFA state number, in the default mode's DFA
  CodePointStream& input_;
};

// The generated lexer with the runtime's per-token overhead taken out. Lexer::nextToken()
// fetches its simulator three times per token through getInterpreter<>(), a dynamic_cast,
// and so do getLine() and getCharPositionInLine(), which every new token calls: a fifth of
// all instructions of `ormc check`. This subclass keeps the simulator's pointer and runs the
// same loop as the runtime (4.9) without the casts and the std::function scope guards.
class OrmTokenLexer : public grammar::OrmLexer {
 public:
  explicit OrmTokenLexer(CodePointStream& input);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return simulator_->getLine(); }
  size_t getCharPositionInLine() override { return simulator_->getCharPositionInLine(); }

 private:
  bool skipWhitespace();  // true if it skipped anything

  CodePointStream& input_;
  SingleThreadLexerSimulator* simulator_;
};

}  // namespace ormc::parse
