// Stable spellings of IR enumerations, shared by the JSON and text forms (and, later, the
// migration snapshot): changing one is a format change.
#pragma once

#include "ir/ir.hpp"

#include <string>

namespace ormc::ir {

const char* toString(ScalarKind kind);
const char* toString(DefaultKind kind);
const char* toString(ReferentialAction action);
const char* toString(RelationKind kind);
const char* toString(Operator op);
const char* toString(CheckKind kind);

// "String(255)", "Decimal(12,2)", "Role" (enum by name), "Int64".
std::string typeName(const Schema& schema, const ColumnType& type);

// The check expression in schema syntax, fully parenthesised where it nests:
// "(karma >= 0)", "length(name) <= 100", "status in [\"a\", \"b\"]".
std::string checkText(const Entity& entity, const CheckExpr& expr);

}  // namespace ormc::ir
