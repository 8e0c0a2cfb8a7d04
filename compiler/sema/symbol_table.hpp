// Model and enum declarations by name, for the whole compilation (one flat namespace).
// Declaring a taken name reports E0202 with a note at the first definition; names of
// declarations that failed to parse are "poisoned", so lookups of them stay quiet.
#pragma once

#include "ast/ast.hpp"
#include "support/diagnostics.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ormc::sema {

enum class SymbolKind { Model, Enum };

struct Symbol {
  SymbolKind kind = SymbolKind::Model;
  std::size_t index = 0;  // into Context::models or Context::enums
  SourceRange range;      // the declaration's name
};

class SymbolTable {
 public:
  // Declares `name`. Returns false, after reporting E0202 at `name` with a note at the
  // first definition, if a model or enum already has that name.
  bool declare(const ast::Identifier& name, SymbolKind kind, std::size_t index, DiagnosticEngine& diags);
  // Records the name of a declaration that failed to parse.
  void poison(const std::string& name) { poisoned_.insert(name); }

  // The declaration called `name`, or nullptr.
  const Symbol* find(const std::string& name) const;
  bool isPoisoned(const std::string& name) const { return poisoned_.count(name) > 0; }
  // Every declared name, in declaration order (for "did you mean").
  const std::vector<std::string>& names() const { return order_; }

 private:
  std::map<std::string, Symbol> symbols_;
  std::vector<std::string> order_;
  std::set<std::string> poisoned_;
};

}  // namespace ormc::sema
