// Syntax errors in our words. An ANTLR error strategy whose report* hooks write located
// diagnostics (E0101) phrased from the rule being parsed ("expected a type after field
// name 'email'") instead of ANTLR's token dump. Recovery itself is ANTLR's default.
#pragma once

#include "parse/source_text.hpp"
#include "parse/token_filter.hpp"
#include "support/diagnostics.hpp"

#include <antlr4-runtime.h>

#include <string>

namespace ormc::parse {

class SyntaxErrorReporter : public antlr4::DefaultErrorStrategy {
 public:
  SyntaxErrorReporter(const SourceText& text, const TokenFilter& filter, DiagnosticEngine& diagnostics)
      : text_(text), filter_(filter), diagnostics_(diagnostics) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  // Never drops a NEWLINE to make the input fit: it separates members, and dropping it
  // would glue the next line onto a broken one and report that line's text as an error.
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;
  // At the top level and in model and enum bodies, recovers line by line: a stray token
  // is reported once and the parser skips to the next line or declaration, where ANTLR
  // would abandon the whole rule.
  void sync(antlr4::Parser* parser) override;
  // Inside a model or enum member, an error skips the rest of that member's line: the
  // runtime's default would resume at any token that may follow some rule on the stack,
  // and read the rest of a broken attribute as new fields.
  void recover(antlr4::Parser* parser, std::exception_ptr e) override;

 private:
  enum class Problem { Unexpected, Missing };
  void report(antlr4::Parser* parser, antlr4::Token* found, const antlr4::misc::IntervalSet& expected,
              Problem problem);

  const SourceText& text_;
  const TokenFilter& filter_;
  DiagnosticEngine& diagnostics_;
};

}  // namespace ormc::parse
