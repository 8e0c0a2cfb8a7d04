// Built-in scalar types and type spelling. See builtin_types.hpp.
#include "sema/builtin_types.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ormc::sema {

namespace {

struct Builtin {
  const char* name;
  ir::ScalarKind kind;
};

constexpr Builtin kBuiltins[] = {
    {"Bool", ir::ScalarKind::Bool},       {"Int32", ir::ScalarKind::Int32},
    {"Int64", ir::ScalarKind::Int64},     {"Float64", ir::ScalarKind::Float64},
    {"Decimal", ir::ScalarKind::Decimal}, {"String", ir::ScalarKind::String},
    {"Text", ir::ScalarKind::Text},       {"Bytes", ir::ScalarKind::Bytes},
    {"Date", ir::ScalarKind::Date},       {"DateTime", ir::ScalarKind::DateTime},
    {"Uuid", ir::ScalarKind::Uuid},       {"Json", ir::ScalarKind::Json},
};

}  // namespace

const std::vector<std::string>& builtinTypeNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Builtin& b : kBuiltins) out.emplace_back(b.name);
    return out;
  }();
  return names;
}

bool isBuiltinTypeName(std::string_view name) { return builtinKind(name).has_value(); }

std::optional<ir::ScalarKind> builtinKind(std::string_view name) {
  for (const Builtin& b : kBuiltins) {
    if (name == b.name) return b.kind;
  }
  return std::nullopt;
}

std::string typeName(const Context& ctx, const ir::ColumnType& type) {
  if (type.kind == ir::ScalarKind::Enum) return ctx.enums[type.enumIndex].name();
  if (type.kind == ir::ScalarKind::String && type.length > 0) return fmt::format("String({})", type.length);
  if (type.kind == ir::ScalarKind::Decimal) return fmt::format("Decimal({},{})", type.precision, type.scale);
  for (const Builtin& b : kBuiltins) {
    if (b.kind == type.kind) return b.name;
  }
  return "?";
}

std::string typeName(const Context& ctx, const FieldType& type) {
  if (type.kind == TypeKind::Model) return ctx.models[type.model].name();
  return typeName(ctx, type.column);
}

bool isInteger(ir::ScalarKind kind) { return kind == ir::ScalarKind::Int32 || kind == ir::ScalarKind::Int64; }

bool isNumeric(ir::ScalarKind kind) {
  return isInteger(kind) || kind == ir::ScalarKind::Float64 || kind == ir::ScalarKind::Decimal;
}

bool isUnboundedForMysql(const ir::ColumnType& type) {
  switch (type.kind) {
    case ir::ScalarKind::String: return type.length == 0;
    case ir::ScalarKind::Text:
    case ir::ScalarKind::Bytes:
    case ir::ScalarKind::Json: return true;
    default: return false;
  }
}

}  // namespace ormc::sema
