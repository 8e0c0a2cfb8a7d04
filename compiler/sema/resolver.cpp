// Type and field-name binding. See resolver.hpp.
#include "sema/resolver.hpp"

#include "sema/builtin_types.hpp"
#include "support/diagnostic_codes.hpp"
#include "support/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ormc::sema {

namespace {

constexpr std::uint32_t kMaxStringLength = 65535;
constexpr std::uint32_t kMaxPrecision = 65;  // MySQL's DECIMAL limit
constexpr std::uint32_t kMaxScale = 30;      // MySQL's DECIMAL limit

// The value of a type argument, saturated so that absurd digit strings stay out of range.
std::uint32_t argumentValue(const ast::TypeArgument& argument) {
  std::uint64_t value = 0;
  for (char c : argument.digits) {
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
    if (value > 0xFFFFFFFFull) return 0xFFFFFFFFu;
  }
  return static_cast<std::uint32_t>(value);
}

SourceRange argumentsRange(const ast::TypeRef& ref) {
  return join(ref.arguments.front().range, ref.arguments.back().range);
}

bool readStringLength(Context& ctx, const ast::TypeRef& ref, ir::ColumnType& type) {
  if (ref.arguments.empty()) return true;
  if (ref.arguments.size() > 1) {
    ctx.diags.error(codes::kTypeArguments, argumentsRange(ref), "String takes one argument, its maximum length")
        .addHelp("write String(n), e.g. String(255)");
    return false;
  }
  std::uint32_t length = argumentValue(ref.arguments[0]);
  if (length < 1 || length > kMaxStringLength) {
    ctx.diags.error(codes::kTypeArguments, ref.arguments[0].range,
                    fmt::format("string length {} is out of range (1 to {})", ref.arguments[0].digits, kMaxStringLength))
        .addHelp("use Text for longer strings");
    return false;
  }
  type.length = length;
  return true;
}

bool readDecimalArguments(Context& ctx, const ast::TypeRef& ref, ir::ColumnType& type) {
  if (ref.arguments.size() != 2) {
    SourceRange range = ref.arguments.empty() ? ref.name.range : argumentsRange(ref);
    ctx.diags.error(codes::kTypeArguments, range, "Decimal needs a precision and a scale")
        .addHelp("write Decimal(precision, scale), e.g. Decimal(12,2)");
    return false;
  }
  std::uint32_t precision = argumentValue(ref.arguments[0]);
  std::uint32_t scale = argumentValue(ref.arguments[1]);
  if (precision < 1 || precision > kMaxPrecision) {
    ctx.diags.error(codes::kTypeArguments, ref.arguments[0].range,
                    fmt::format("decimal precision {} is out of range (1 to {})", ref.arguments[0].digits, kMaxPrecision));
    return false;
  }
  if (scale > precision) {
    ctx.diags.error(codes::kTypeArguments, ref.arguments[1].range,
                    fmt::format("decimal scale {} is larger than the precision {}", ref.arguments[1].digits, precision));
    return false;
  }
  if (scale > kMaxScale) {
    ctx.diags.error(codes::kTypeArguments, ref.arguments[1].range,
                    fmt::format("decimal scale {} is out of range (0 to {})", ref.arguments[1].digits, kMaxScale));
    return false;
  }
  type.precision = precision;
  type.scale = scale;
  return true;
}

bool readTypeArguments(Context& ctx, const ast::TypeRef& ref, ir::ColumnType& type) {
  if (type.kind == ir::ScalarKind::String) return readStringLength(ctx, ref, type);
  if (type.kind == ir::ScalarKind::Decimal) return readDecimalArguments(ctx, ref, type);
  if (ref.arguments.empty()) return true;
  ctx.diags.error(codes::kTypeArguments, argumentsRange(ref),
                  fmt::format("type '{}' takes no arguments", ref.name.name));
  return false;
}

void reportUnknownType(Context& ctx, const ast::Identifier& name) {
  // Past the error limit the diagnostic is dropped anyway; do not pay for its suggestion.
  if (ctx.diags.reachedLimit()) {
    ctx.diags.error(codes::kUnknownType, name.range, {});
    return;
  }
  std::vector<std::string> candidates = builtinTypeNames();
  candidates.insert(candidates.end(), ctx.symbols.names().begin(), ctx.symbols.names().end());
  Diagnostic& d = ctx.diags.error(codes::kUnknownType, name.range, fmt::format("unknown type '{}'", name.name));
  std::string hint = didYouMean(name.name, candidates);
  if (!hint.empty()) d.addHelp(hint);
}

// Binds the type name; returns false (after reporting, unless the name is poisoned) if it fails.
bool bindTypeName(Context& ctx, const ast::TypeRef& ref, FieldType& type) {
  if (std::optional<ir::ScalarKind> kind = builtinKind(ref.name.name)) {
    type.kind = TypeKind::Scalar;
    type.column.kind = *kind;
    return true;
  }
  if (const Symbol* symbol = ctx.symbols.find(ref.name.name)) {
    if (symbol->kind == SymbolKind::Model) {
      type.kind = TypeKind::Model;
      type.model = symbol->index;
    } else {
      type.kind = TypeKind::Enum;
      type.column.kind = ir::ScalarKind::Enum;
      type.column.enumIndex = symbol->index;
    }
    return true;
  }
  if (!ctx.symbols.isPoisoned(ref.name.name)) reportUnknownType(ctx, ref.name);
  return false;
}

void resolveType(Context& ctx, FieldInfo& field) {
  const ast::TypeRef& ref = field.decl->type;
  field.type.optional = ref.optional;
  field.type.list = ref.list;
  if (!bindTypeName(ctx, ref, field.type)) {
    field.type.kind = TypeKind::Unresolved;
    field.ok = false;
    return;
  }
  if (!readTypeArguments(ctx, ref, field.type.column)) field.ok = false;
  if (ref.list && field.type.kind != TypeKind::Model) {
    ctx.diags.error(codes::kListNotRelation, ref.range,
                    fmt::format("list type '{}[]' is only allowed for relation fields", ref.name.name))
        .addHelp("store several values in a Json field, or make them a model with a relation");
    field.ok = false;
  }
}

}  // namespace

void resolveFieldTypes(Context& ctx) {
  for (ModelInfo& model : ctx.models) {
    for (FieldInfo& field : model.fields) resolveType(ctx, field);
  }
}

std::optional<std::vector<std::size_t>> resolveFieldList(Context& ctx, const ModelInfo& model,
                                                         const ast::Expr& list, std::string_view where) {
  std::vector<std::size_t> out;
  bool ok = true;
  for (const ast::Expr& item : list.children) {
    std::size_t index = model.findField(item.text);
    if (index == kNone) {
      ok = false;
      if (model.isBrokenField(item.text)) continue;
      Diagnostic& d = ctx.diags.error(codes::kUnknownField, item.range,
                                      fmt::format("unknown field '{}' {}", item.text, where));
      std::string hint = didYouMean(item.text, model.fieldNames());
      if (!hint.empty()) d.addHelp(hint);
      continue;
    }
    const FieldInfo& field = model.fields[index];
    if (!field.ok) {
      ok = false;
      continue;
    }
    if (field.isRelation()) {
      ctx.diags.error(codes::kRelationFieldUsage, item.range,
                      fmt::format("relation field '{}' cannot be used {}", item.text, where))
          .addHelp("name its foreign key fields instead");
      ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), index) != out.end()) {
      ctx.diags.error(codes::kAttributeArguments, item.range,
                      fmt::format("field '{}' is listed twice {}", item.text, where));
      ok = false;
      continue;
    }
    out.push_back(index);
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace ormc::sema
