// Declaration collection. See declarations.hpp.
#include "sema/declarations.hpp"

#include "sema/builtin_types.hpp"
#include "support/diagnostic_codes.hpp"
#include "support/names.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ormc::sema {

namespace {

// Warns about C++ keywords and rejects names C++ reserves. `what` is "model", "field", ...;
// `member` what the C++ side calls it ("struct", "member", ...). Returns the C++ name.
std::string cppNameFor(Context& ctx, const ast::Identifier& name, std::string_view what,
                       std::string_view member) {
  std::string cpp = names::cppIdentifier(name.name);
  if (names::isReservedCppIdentifier(name.name)) {
    ctx.diags.error(codes::kInvalidName, name.range,
                    fmt::format("{} name '{}' is reserved in C++", what, name.name))
        .addHelp("names must not contain '__' or start with '_' and a capital letter");
  } else if (cpp != name.name) {
    ctx.diags.warning(codes::kCppKeyword, name.range,
                      fmt::format("{} '{}' is a C++ keyword; its C++ {} is '{}'", what, name.name, member, cpp));
  }
  return cpp;
}

void collectFields(Context& ctx, ModelInfo& model) {
  for (const ast::FieldDecl& decl : model.decl->fields) {
    if (decl.broken) {
      model.incomplete = true;
      if (!decl.name.name.empty()) model.brokenFieldNames.push_back(decl.name.name);
      continue;
    }
    if (std::size_t first = model.findField(decl.name.name); first != kNone) {
      ctx.diags.error(codes::kDuplicateField, decl.name.range,
                      fmt::format("field '{}' is already defined in model '{}'", decl.name.name, model.name()))
          .addNote(model.fields[first].decl->name.range, fmt::format("'{}' first defined here", decl.name.name));
      continue;
    }
    FieldInfo field;
    field.decl = &decl;
    field.cppName = cppNameFor(ctx, decl.name, "field", "member");
    model.fieldsByName.emplace(decl.name.name, model.fields.size());
    model.fields.push_back(std::move(field));
  }
  // `class` becomes `class_`, which another field may already be called.
  for (const FieldInfo& field : model.fields) {
    if (field.cppName == field.name()) continue;
    std::size_t other = model.findField(field.cppName);
    if (other == kNone) continue;
    ctx.diags.error(codes::kInvalidName, model.fields[other].decl->name.range,
                    fmt::format("field '{}' has the same C++ name as field '{}'", field.cppName, field.name()))
        .addNote(field.decl->name.range, fmt::format("'{}' becomes '{}' in C++", field.name(), field.cppName));
  }
}

void collectValues(Context& ctx, EnumInfo& info) {
  for (const ast::EnumValueDecl& decl : info.decl->values) {
    if (decl.broken) {
      info.incomplete = true;
      continue;
    }
    auto [it, inserted] = info.valuesByName.emplace(decl.name.name, info.values.size());
    if (!inserted) {
      ctx.diags.error(codes::kDuplicateEnumValue, decl.name.range,
                      fmt::format("enum value '{}' is already defined in enum '{}'", decl.name.name, info.name()))
          .addNote(info.values[it->second].decl->name.range, fmt::format("'{}' first defined here", decl.name.name));
      continue;
    }
    EnumValueInfo value;
    value.decl = &decl;
    value.cppName = cppNameFor(ctx, decl.name, "enum value", "enumerator");
    value.dbValue = decl.name.name;
    value.dbValueRange = decl.name.range;
    info.values.push_back(std::move(value));
  }
}

// A declaration's name must not shadow a built-in type, or `String` would mean two things.
bool checkNotBuiltin(Context& ctx, const ast::Identifier& name, std::string_view what) {
  if (!isBuiltinTypeName(name.name)) return true;
  ctx.diags.error(codes::kInvalidName, name.range,
                  fmt::format("{} '{}' has the name of a built-in type", what, name.name));
  return false;
}

void addModel(Context& ctx, const ast::ModelDecl& decl, std::size_t file) {
  if (decl.broken) {
    ctx.symbols.poison(decl.name.name);
    return;
  }
  if (!checkNotBuiltin(ctx, decl.name, "model")) return;
  if (!ctx.symbols.declare(decl.name, SymbolKind::Model, ctx.models.size(), ctx.diags)) return;
  ModelInfo model;
  model.decl = &decl;
  model.file = file;
  model.cppName = cppNameFor(ctx, decl.name, "model", "struct");
  ctx.models.push_back(std::move(model));
}

void addEnum(Context& ctx, const ast::EnumDecl& decl) {
  if (decl.broken) {
    ctx.symbols.poison(decl.name.name);
    return;
  }
  if (!checkNotBuiltin(ctx, decl.name, "enum")) return;
  if (!ctx.symbols.declare(decl.name, SymbolKind::Enum, ctx.enums.size(), ctx.diags)) return;
  EnumInfo info;
  info.decl = &decl;
  info.cppName = cppNameFor(ctx, decl.name, "enum", "type");
  ctx.enums.push_back(std::move(info));
}

}  // namespace

void collectDeclarations(Context& ctx) {
  for (std::size_t fileIndex = 0; fileIndex < ctx.files.size(); ++fileIndex) {
    const ast::File& file = ctx.files[fileIndex];
    // Models and enums are stored apart; declare them in source order so that the
    // "first defined here" of a model/enum clash points at the earlier one.
    std::size_t m = 0, e = 0;
    while (m < file.models.size() || e < file.enums.size()) {
      bool takeModel = e == file.enums.size() ||
                       (m < file.models.size() &&
                        file.models[m].range.begin.offset <= file.enums[e].range.begin.offset);
      if (takeModel) addModel(ctx, file.models[m++], fileIndex);
      else addEnum(ctx, file.enums[e++]);
    }
  }
  for (ModelInfo& model : ctx.models) collectFields(ctx, model);
  for (EnumInfo& info : ctx.enums) collectValues(ctx, info);
}

}  // namespace ormc::sema
