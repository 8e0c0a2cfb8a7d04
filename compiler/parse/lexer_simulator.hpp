// The lexer's DFA walk without the runtime's per-character locking.
//
// ANTLR's C++ runtime (4.9) guards every DFA edge lookup of every lexer with one global
// reader/writer lock: two mutex round trips and a condition-variable signal per input
// character, over a third of `ormc check`'s time. The compiler lexes on one thread, so
// the lookup reads a flat table per DFA state (filled from the runtime's edge hash map the
// first time an edge is taken); a miss still goes to the runtime, which adds new edges
// under its lock as before.
#pragma once

#include <antlr4-runtime.h>

#include <array>
#include <vector>

namespace ormc::parse {

class SingleThreadLexerSimulator : public antlr4::atn::LexerATNSimulator {
 public:
  // Takes the ATN and DFA of `lexer`'s current simulator; install with installOn().
  explicit SingleThreadLexerSimulator(antlr4::Lexer& lexer);

  // Replaces `lexer`'s simulator by a SingleThreadLexerSimulator. The runtime's setInterpreter
  // deletes the old one, and the generated lexer deletes the new one.
  static void installOn(antlr4::Lexer& lexer);

 protected:
  antlr4::dfa::DFAState* getExistingTargetState(antlr4::dfa::DFAState* state, size_t symbol) override;

 private:
  using Row = std::array<antlr4::dfa::DFAState*, MAX_DFA_EDGE + 1>;
  std::vector<Row> edges_;  // by DFA state number, in the default mode's DFA
};

}  // namespace ormc::parse
