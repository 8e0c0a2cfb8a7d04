// The built-in scalar types of the schema language, and how types are spelled in messages.
#pragma once

#include "ir/ir.hpp"
#include "sema/context.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::sema {

// Bool Int32 Int64 Float64 Decimal String Text Bytes Date DateTime Uuid Json, in that order.
const std::vector<std::string>& builtinTypeNames();
bool isBuiltinTypeName(std::string_view name);
// The scalar kind a built-in type name stands for, or nullopt.
std::optional<ir::ScalarKind> builtinKind(std::string_view name);

// The type as a user writes it: "Int32", "String(255)", "Decimal(12,2)", "Role".
std::string typeName(const Context& ctx, const ir::ColumnType& type);
// A field's type as written, without '?' or "[]": "String(255)", "User".
std::string typeName(const Context& ctx, const FieldType& type);

bool isInteger(ir::ScalarKind kind);
bool isNumeric(ir::ScalarKind kind);  // Int32 Int64 Float64 Decimal
// Text-like columns MySQL cannot index without a length: String (no length), Text, Bytes, Json.
bool isUnboundedForMysql(const ir::ColumnType& type);

}  // namespace ormc::sema
