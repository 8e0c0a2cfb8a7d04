// The compilation's model and enum names. See symbol_table.hpp.
#include "sema/symbol_table.hpp"

#include "support/diagnostic_codes.hpp"

#include <fmt/format.h>

namespace ormc::sema {

namespace {

const char* kindName(SymbolKind kind) { return kind == SymbolKind::Model ? "model" : "enum"; }

}  // namespace

bool SymbolTable::declare(const ast::Identifier& name, SymbolKind kind, std::size_t index,
                          DiagnosticEngine& diags) {
  auto [it, inserted] = symbols_.try_emplace(name.name, Symbol{kind, index, name.range});
  if (inserted) {
    order_.push_back(name.name);
    return true;
  }
  const Symbol& first = it->second;
  std::string message =
      first.kind == kind
          ? fmt::format("{} '{}' is already defined", kindName(kind), name.name)
          : fmt::format("{} '{}' has the same name as {} '{}'", kindName(kind), name.name,
                        first.kind == SymbolKind::Model ? "model" : "enum", name.name);
  diags.error(codes::kDuplicateDeclaration, name.range, std::move(message))
      .addNote(first.range, fmt::format("'{}' first defined here", name.name));
  return false;
}

const Symbol* SymbolTable::find(const std::string& name) const {
  auto it = symbols_.find(name);
  return it == symbols_.end() ? nullptr : &it->second;
}

}  // namespace ormc::sema
