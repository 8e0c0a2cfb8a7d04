// Field attribute placement rules. See field_rules.hpp.
#include "sema/field_rules.hpp"

#include "sema/arguments.hpp"
#include "sema/builtin_types.hpp"
#include "support/diagnostic_codes.hpp"

#include <fmt/format.h>

namespace ormc::sema {

namespace {

SourceRange headRange(const ast::Attribute& attribute) { return {attribute.range.begin, attribute.name.range.end}; }

std::string fieldTypeText(const Context& ctx, const FieldInfo& field) {
  return typeName(ctx, field.type) + (field.type.optional ? "?" : "");
}

void checkRelationField(Context& ctx, const FieldInfo& field) {
  const FieldAttributes& a = field.attrs;
  for (const ast::Attribute* attribute : {a.id, a.autoincrement, a.unique, a.index, a.defaultValue, a.map,
                                          a.updatedAt, a.version, a.check}) {
    if (!attribute) continue;
    Diagnostic& d = ctx.diags.error(codes::kAttributeMisplaced, headRange(*attribute),
                                    fmt::format("{} is not allowed on relation field '{}'", attributeName(*attribute),
                                                field.name()));
    bool keyLike = attribute == a.id || attribute == a.unique || attribute == a.index;
    d.addHelp(keyLike ? "put it on the foreign key field instead"
                      : "a relation field has no column of its own");
  }
}

void checkColumnField(Context& ctx, const FieldInfo& field) {
  const FieldAttributes& a = field.attrs;
  if (a.relation) {
    ctx.diags.error(codes::kAttributeMisplaced, headRange(*a.relation),
                    fmt::format("@relation is only allowed on relation fields, but '{}' has type {}", field.name(),
                                fieldTypeText(ctx, field)));
  }
  if (a.updatedAt && field.type.column.kind != ir::ScalarKind::DateTime) {
    ctx.diags.error(codes::kUpdatedAtType, headRange(*a.updatedAt),
                    fmt::format("@updatedAt needs a DateTime field, but '{}' has type {}", field.name(),
                                fieldTypeText(ctx, field)));
  }
  if (a.version && (!isInteger(field.type.column.kind) || field.type.optional)) {
    ctx.diags.error(codes::kVersionType, headRange(*a.version),
                    fmt::format("@version needs a non-null Int32 or Int64 field, but '{}' has type {}", field.name(),
                                fieldTypeText(ctx, field)));
  }
  if (a.defaultValue && a.autoincrement) {
    ctx.diags.error(codes::kAttributeMisplaced, headRange(*a.defaultValue),
                    fmt::format("field '{}' cannot have both @default and @autoincrement", field.name()))
        .addNote(headRange(*a.autoincrement), "@autoincrement given here");
  }
}

}  // namespace

void checkFieldAttributes(Context& ctx) {
  for (ModelInfo& model : ctx.models) {
    for (FieldInfo& field : model.fields) {
      if (!field.ok) continue;
      if (field.isRelation()) checkRelationField(ctx, field);
      else checkColumnField(ctx, field);
    }
  }
}

}  // namespace ormc::sema
