// Attribute arguments: binding positional and named arguments to an attribute's parameters,
// and reading the few value shapes attributes take (a string, a list of field names, a
// referential action). Every malformed argument is E0314, at the argument.
#pragma once

#include "ast/ast.hpp"
#include "ir/ir.hpp"
#include "support/diagnostics.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::sema {

struct Parameter {
  std::string_view name;
  bool required = false;
  bool positional = false;  // may be given without its name, in parameter order
};

// "@id" or "@@index".
std::string attributeName(const ast::Attribute& attribute);

// Binds the arguments of `attribute` to `params`: slot i holds the argument for params[i],
// or nullptr. Positional arguments fill the positional parameters from the left. Unknown
// names, repeated names, surplus positional arguments and missing required parameters are
// E0314 (with `usage`, e.g. `@@index([a, b], name: "n")`, as help). Returns nullopt if any
// of that happened.
std::optional<std::vector<const ast::Argument*>> bindArguments(const ast::Attribute& attribute,
                                                               std::span<const Parameter> params,
                                                               std::string_view usage,
                                                               DiagnosticEngine& diags);

// Reports E0314 unless `attribute` has no arguments. Returns true if it has none.
bool expectNoArguments(const ast::Attribute& attribute, DiagnosticEngine& diags);

// The decoded string of `argument`, or nullopt after E0314 if it is not a string literal
// (quietly if it failed to parse). `what` names it in the message: "the column name".
std::optional<std::string> readString(const ast::Argument& argument, const ast::Attribute& attribute,
                                      std::string_view what, DiagnosticEngine& diags);

// `argument` if it is a non-empty list of plain names (`[a, b]`), or nullptr after E0314.
const ast::Expr* readNameList(const ast::Argument& argument, const ast::Attribute& attribute,
                              std::string_view what, DiagnosticEngine& diags);

// Cascade, Restrict, SetNull or NoAction; otherwise nullopt after E0314 (with a "did you mean").
std::optional<ir::ReferentialAction> readAction(const ast::Argument& argument,
                                                const ast::Attribute& attribute,
                                                DiagnosticEngine& diags);

}  // namespace ormc::sema
