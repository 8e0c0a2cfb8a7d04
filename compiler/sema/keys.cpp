// Primary keys, unique constraints and indexes. See keys.hpp.
#include "sema/keys.hpp"

#include "sema/arguments.hpp"
#include "sema/builtin_types.hpp"
#include "sema/resolver.hpp"
#include "support/diagnostic_codes.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ormc::sema {

namespace {

SourceRange headRange(const ast::Attribute& attribute) { return {attribute.range.begin, attribute.name.range.end}; }

// One declared primary key: a field's @id or a @@id.
struct KeyDeclaration {
  const ast::Attribute* attribute = nullptr;
  std::size_t field = kNone;                // @id
  const BlockFieldList* block = nullptr;    // @@id
};

std::vector<KeyDeclaration> keyDeclarations(const ModelInfo& model, bool& relationId) {
  std::vector<KeyDeclaration> out;
  for (std::size_t i = 0; i < model.fields.size(); ++i) {
    const FieldInfo& field = model.fields[i];
    if (!field.attrs.id) continue;
    // @id on a relation field is misplaced (reported by field_rules); it still means the
    // user meant to declare a key, so "no primary key" would be noise.
    if (field.isRelation()) {
      relationId = true;
      continue;
    }
    out.push_back({field.attrs.id, i, nullptr});
  }
  for (const BlockFieldList& block : model.blockIds) out.push_back({block.attribute, kNone, &block});
  std::stable_sort(out.begin(), out.end(), [](const KeyDeclaration& a, const KeyDeclaration& b) {
    return a.attribute->range.begin.offset < b.attribute->range.begin.offset;
  });
  return out;
}

void reportNullableKey(Context& ctx, const ModelInfo& model, const FieldInfo& field, SourceRange range) {
  ctx.diags.error(codes::kNullableKey, range,
                  fmt::format("primary key field '{}' of model '{}' cannot be nullable", field.name(), model.name()))
      .addHelp(fmt::format("remove the '?' from the type of '{}'", field.name()));
}

// Binds the chosen key declaration into model.primaryKey. Returns false if it is unusable.
bool bindPrimaryKey(Context& ctx, ModelInfo& model, const KeyDeclaration& key) {
  model.primaryKeyOrigin = headRange(*key.attribute);
  if (key.field != kNone) {
    const FieldInfo& field = model.fields[key.field];
    if (!field.ok) return false;
    if (field.type.optional) {
      reportNullableKey(ctx, model, field, field.decl->type.range);
      return false;
    }
    model.primaryKey = {key.field};
    return true;
  }
  model.primaryKeyOrigin = key.attribute->range;
  if (!key.block->fields) return false;
  auto fields = resolveFieldList(ctx, model, *key.block->fields, fmt::format("in @@id of model '{}'", model.name()));
  if (!fields) return false;
  bool ok = true;
  for (std::size_t i = 0; i < fields->size(); ++i) {
    const FieldInfo& field = model.fields[(*fields)[i]];
    if (!field.type.optional) continue;
    reportNullableKey(ctx, model, field, key.block->fields->children[i].range);
    ok = false;
  }
  model.primaryKey = *fields;
  return ok;
}

void checkPrimaryKey(Context& ctx, ModelInfo& model) {
  bool relationId = false;
  std::vector<KeyDeclaration> keys = keyDeclarations(model, relationId);
  if (keys.empty()) {
    model.keyState = KeyState::Failed;
    if (model.incomplete || relationId) return;
    model.keyState = KeyState::Missing;
    ctx.diags.error(codes::kNoPrimaryKey, model.decl->name.range,
                    fmt::format("model '{}' has no primary key", model.name()))
        .addHelp("mark a field with @id, or add @@id([a, b])");
    return;
  }
  for (std::size_t i = 1; i < keys.size(); ++i) {
    // Unknown names in a surplus @@id are mistakes of their own; report them too.
    if (keys[i].block && keys[i].block->fields) {
      resolveFieldList(ctx, model, *keys[i].block->fields, fmt::format("in @@id of model '{}'", model.name()));
    }
    ctx.diags.error(codes::kSeveralPrimaryKeys, headRange(*keys[i].attribute),
                    fmt::format("model '{}' has more than one primary key", model.name()))
        .addNote(headRange(*keys[0].attribute), "the first primary key is declared here")
        .addHelp("a key over several fields is written @@id([a, b])");
  }
  model.keyState = bindPrimaryKey(ctx, model, keys[0]) && keys.size() == 1 ? KeyState::Valid : KeyState::Failed;
}

void checkAutoincrement(Context& ctx, const ModelInfo& model) {
  for (std::size_t i = 0; i < model.fields.size(); ++i) {
    const FieldInfo& field = model.fields[i];
    if (!field.ok || !field.attrs.autoincrement || field.isRelation()) continue;
    SourceRange range = headRange(*field.attrs.autoincrement);
    if (!isInteger(field.type.column.kind)) {
      ctx.diags.error(codes::kAutoincrementNotIntegerId, range,
                      fmt::format("@autoincrement needs an Int32 or Int64 @id field, but '{}' has type {}",
                                  field.name(), typeName(ctx, field.type)));
      continue;
    }
    if (field.attrs.id) continue;
    bool inCompositeKey = std::find(model.primaryKey.begin(), model.primaryKey.end(), i) != model.primaryKey.end();
    Diagnostic& d = ctx.diags.error(codes::kAutoincrementNotIntegerId, range,
                                    inCompositeKey
                                        ? fmt::format("@autoincrement is not allowed in the composite primary key "
                                                      "of model '{}'",
                                                      model.name())
                                        : fmt::format("@autoincrement needs an @id field, and '{}' is not one",
                                                      field.name()));
    if (!inCompositeKey) d.addHelp(fmt::format("mark '{}' with @id, or remove @autoincrement", field.name()));
  }
}

void addFieldIndexes(ModelInfo& model) {
  for (std::size_t i = 0; i < model.fields.size(); ++i) {
    const FieldInfo& field = model.fields[i];
    if (!field.ok || field.isRelation()) continue;
    for (const ast::Attribute* attribute : {field.attrs.unique, field.attrs.index}) {
      if (!attribute) continue;
      IndexInfo index;
      index.unique = attribute == field.attrs.unique;
      index.fields = {i};
      index.origin = headRange(*attribute);
      model.indexes.push_back(std::move(index));
    }
  }
}

void addBlockIndexes(Context& ctx, ModelInfo& model) {
  std::vector<std::pair<const BlockFieldList*, bool>> blocks;
  for (const BlockFieldList& block : model.blockUniques) blocks.emplace_back(&block, true);
  for (const BlockFieldList& block : model.blockIndexes) blocks.emplace_back(&block, false);
  std::stable_sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) {
    return a.first->attribute->range.begin.offset < b.first->attribute->range.begin.offset;
  });
  for (const auto& [block, unique] : blocks) {
    if (!block->fields) continue;
    std::string where = fmt::format("in {} of model '{}'", attributeName(*block->attribute), model.name());
    auto fields = resolveFieldList(ctx, model, *block->fields, where);
    if (!fields) continue;
    IndexInfo index;
    index.unique = unique;
    index.fields = *fields;
    index.userName = block->name;
    index.userNameRange = block->nameRange;
    index.origin = block->attribute->range;
    model.indexes.push_back(std::move(index));
  }
}

}  // namespace

void checkKeys(Context& ctx) {
  for (ModelInfo& model : ctx.models) {
    checkPrimaryKey(ctx, model);
    checkAutoincrement(ctx, model);
    addFieldIndexes(model);
    addBlockIndexes(ctx, model);
  }
}

}  // namespace ormc::sema
