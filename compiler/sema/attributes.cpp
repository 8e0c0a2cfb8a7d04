// Attribute recognition and argument shapes. See attributes.hpp.
#include "sema/attributes.hpp"

#include "sema/arguments.hpp"
#include "support/diagnostic_codes.hpp"
#include "support/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace ormc::sema {

namespace {

const std::vector<std::string> kFieldAttributes = {"id",      "autoincrement", "unique",  "index",
                                                   "default", "map",           "updatedAt", "version",
                                                   "check",   "renamed",       "relation"};
const std::vector<std::string> kBlockAttributes = {"id", "unique", "index", "map", "check", "renamed"};
const std::vector<std::string> kEnumValueAttributes = {"map"};

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// `@name` without its arguments: the exact tokens to underline.
SourceRange headRange(const ast::Attribute& attribute) {
  return {attribute.range.begin, attribute.name.range.end};
}

void reportUnknown(Context& ctx, const ast::Attribute& attribute, const std::vector<std::string>& known,
                   std::string_view where) {
  Diagnostic& d = ctx.diags.error(codes::kUnknownAttribute, headRange(attribute),
                                  fmt::format("unknown attribute '{}' on {}", attributeName(attribute), where));
  std::optional<std::string> match = closestMatch(attribute.name.name, known);
  if (match) d.addHelp(fmt::format("did you mean '{}{}'?", attribute.block ? "@@" : "@", *match));
}

void reportMisplaced(Context& ctx, const ast::Attribute& attribute, std::string_view where) {
  ctx.diags.error(codes::kAttributeMisplaced, headRange(attribute),
                  fmt::format("{} is not allowed on {}", attributeName(attribute), where));
}

// Records `attribute` in `slot`, or reports E0316 if the slot is taken. Returns true if recorded.
bool claim(Context& ctx, const ast::Attribute*& slot, const ast::Attribute& attribute, std::string_view where) {
  if (slot) {
    ctx.diags.error(codes::kDuplicateAttribute, headRange(attribute),
                    fmt::format("{} is given twice on {}", attributeName(attribute), where))
        .addNote(headRange(*slot), "first given here");
    return false;
  }
  slot = &attribute;
  return true;
}

const ast::Attribute** fieldSlot(FieldAttributes& attrs, const std::string& name) {
  if (name == "id") return &attrs.id;
  if (name == "autoincrement") return &attrs.autoincrement;
  if (name == "unique") return &attrs.unique;
  if (name == "index") return &attrs.index;
  if (name == "default") return &attrs.defaultValue;
  if (name == "map") return &attrs.map;
  if (name == "updatedAt") return &attrs.updatedAt;
  if (name == "version") return &attrs.version;
  if (name == "check") return &attrs.check;
  if (name == "renamed") return &attrs.renamed;
  if (name == "relation") return &attrs.relation;
  return nullptr;
}

// The one argument of @default(v), @check(e), @map("c") or @renamed(from: "x"), or nullptr.
const ast::Argument* singleArgument(Context& ctx, const ast::Attribute& attribute, std::string_view param,
                                    std::string_view usage) {
  const std::array<Parameter, 1> params = {Parameter{param, true, true}};
  auto slots = bindArguments(attribute, params, usage, ctx.diags);
  if (!slots || (*slots)[0]->value.kind == ast::ExprKind::Error) return nullptr;
  return (*slots)[0];
}

void readRelation(Context& ctx, const ast::Attribute& attribute, RelationArgs& args) {
  static constexpr std::array<Parameter, 5> kParams = {
      Parameter{"name", false, true}, Parameter{"fields", false, false},
      Parameter{"references", false, false}, Parameter{"onDelete", false, false},
      Parameter{"onUpdate", false, false}};
  args.attribute = &attribute;
  auto slots = bindArguments(attribute, kParams,
                             "@relation(\"Name\", fields: [authorId], references: [id], onDelete: Cascade)",
                             ctx.diags);
  if (!slots) {
    args.valid = false;
    return;
  }
  if (const ast::Argument* name = (*slots)[0]) {
    std::optional<std::string> text = readString(*name, attribute, "the relation's name", ctx.diags);
    if (text) {
      args.name = *text;
      args.nameRange = name->value.range;
    } else {
      args.valid = false;
    }
  }
  if (const ast::Argument* fields = (*slots)[1]) {
    args.fields = readNameList(*fields, attribute, "authorId", ctx.diags);
    if (!args.fields) args.valid = false;
  }
  if (const ast::Argument* references = (*slots)[2]) {
    args.references = readNameList(*references, attribute, "id", ctx.diags);
    if (!args.references) args.valid = false;
  }
  if (const ast::Argument* onDelete = (*slots)[3]) {
    // A bad action is reported here; the relation is still checked, with the default action.
    args.onDelete = readAction(*onDelete, attribute, ctx.diags);
    args.onDeleteRange = onDelete->range;
  }
  if (const ast::Argument* onUpdate = (*slots)[4]) {
    args.onUpdate = readAction(*onUpdate, attribute, ctx.diags);
    args.onUpdateRange = onUpdate->range;
  }
  // references: without fields: says nothing the compiler could use.
  if (args.valid && args.references && !args.fields) {
    ctx.diags.error(codes::kAttributeArguments, (*slots)[2]->range,
                    "'references' needs 'fields': the foreign key fields that hold the reference")
        .addHelp("write @relation(fields: [authorId], references: [id])");
    args.valid = false;
  }
}

// Reads the arguments of one field attribute into `attrs`.
void readFieldArguments(Context& ctx, const ast::Attribute& attribute, FieldAttributes& attrs) {
  const std::string& name = attribute.name.name;
  if (name == "default") {
    if (const ast::Argument* arg = singleArgument(ctx, attribute, "value", "@default(value), e.g. @default(0)"))
      attrs.defaultExpr = &arg->value;
    return;
  }
  if (name == "check") {
    if (const ast::Argument* arg = singleArgument(ctx, attribute, "condition", "@check(condition), e.g. @check(karma >= 0)"))
      attrs.checkExpr = &arg->value;
    return;
  }
  if (name == "map") {
    const ast::Argument* arg = singleArgument(ctx, attribute, "name", "@map(\"column_name\")");
    if (!arg) return;
    attrs.mappedName = readString(*arg, attribute, "the column name", ctx.diags);
    attrs.mappedNameRange = arg->value.range;
    return;
  }
  if (name == "renamed") {
    const ast::Argument* arg = singleArgument(ctx, attribute, "from", "@renamed(from: \"oldName\")");
    if (!arg) return;
    if (auto from = readString(*arg, attribute, "the field's previous name", ctx.diags)) attrs.renamedFrom = *from;
    return;
  }
  if (name == "relation") {
    readRelation(ctx, attribute, attrs.relationArgs);
    return;
  }
  expectNoArguments(attribute, ctx.diags);
}

void readBlockFieldList(Context& ctx, const ast::Attribute& attribute, bool takesName,
                        std::vector<BlockFieldList>& out) {
  static constexpr std::array<Parameter, 2> kParams = {Parameter{"fields", true, true},
                                                       Parameter{"name", false, false}};
  std::string usage = fmt::format("{}([a, b]{})", attributeName(attribute), takesName ? ", name: \"n\"" : "");
  BlockFieldList list;
  list.attribute = &attribute;
  auto slots = bindArguments(attribute, std::span(kParams.data(), takesName ? 2 : 1), usage, ctx.diags);
  if (slots) {
    list.fields = readNameList(*(*slots)[0], attribute, "a, b", ctx.diags);
    if (takesName && (*slots)[1]) {
      list.name = readString(*(*slots)[1], attribute, "the constraint's name", ctx.diags);
      list.nameRange = (*slots)[1]->value.range;
      if (!list.name) list.fields = nullptr;  // malformed: keep quiet later
    }
  }
  out.push_back(std::move(list));
}

}  // namespace

void readFieldAttributes(Context& ctx, FieldInfo& field) {
  std::string where = fmt::format("field '{}'", field.name());
  for (const ast::Attribute& attribute : field.decl->attributes) {
    const ast::Attribute** slot = fieldSlot(field.attrs, attribute.name.name);
    if (!slot) {
      reportUnknown(ctx, attribute, kFieldAttributes, where);
      continue;
    }
    if (!claim(ctx, *slot, attribute, where)) continue;
    readFieldArguments(ctx, attribute, field.attrs);
  }
}

void readModelAttributes(Context& ctx, ModelInfo& model) {
  std::string where = fmt::format("model '{}'", model.name());
  for (const ast::Attribute& attribute : model.decl->attributes) {
    const std::string& name = attribute.name.name;
    if (name == "id") {
      readBlockFieldList(ctx, attribute, false, model.blockIds);
    } else if (name == "unique") {
      readBlockFieldList(ctx, attribute, true, model.blockUniques);
    } else if (name == "index") {
      readBlockFieldList(ctx, attribute, true, model.blockIndexes);
    } else if (name == "check") {
      const ast::Argument* arg = singleArgument(ctx, attribute, "condition", "@@check(condition), e.g. @@check(start <= end)");
      model.blockChecks.push_back(arg ? &arg->value : nullptr);
    } else if (name == "map") {
      if (!claim(ctx, model.blockMap, attribute, where)) continue;
      const ast::Argument* arg = singleArgument(ctx, attribute, "name", "@@map(\"table_name\")");
      if (!arg) continue;
      if (auto table = readString(*arg, attribute, "the table name", ctx.diags)) {
        model.table = *table;
        model.tableMapped = true;
        model.tableRange = arg->value.range;
      }
    } else if (name == "renamed") {
      if (!claim(ctx, model.blockRenamed, attribute, where)) continue;
      const ast::Argument* arg = singleArgument(ctx, attribute, "from", "@@renamed(from: \"OldName\")");
      if (!arg) continue;
      if (auto from = readString(*arg, attribute, "the model's previous name", ctx.diags)) model.renamedFrom = *from;
    } else {
      reportUnknown(ctx, attribute, kBlockAttributes, where);
    }
  }
}

void readEnumValueAttributes(Context& ctx, EnumValueInfo& value) {
  std::string where = fmt::format("enum value '{}'", value.name());
  const ast::Attribute* map = nullptr;
  for (const ast::Attribute& attribute : value.decl->attributes) {
    if (attribute.name.name != "map") {
      if (contains(kFieldAttributes, attribute.name.name)) reportMisplaced(ctx, attribute, "an enum value");
      else reportUnknown(ctx, attribute, kEnumValueAttributes, where);
      continue;
    }
    if (!claim(ctx, map, attribute, where)) continue;
    const ast::Argument* arg = singleArgument(ctx, attribute, "name", "@map(\"stored_value\")");
    if (!arg) continue;
    if (auto db = readString(*arg, attribute, "the value stored in the database", ctx.diags)) {
      value.dbValue = *db;
      value.dbValueRange = arg->value.range;
    }
  }
}

void readEnumAttributes(Context& ctx, const EnumInfo& info) {
  for (const ast::Attribute& attribute : info.decl->attributes) {
    if (contains(kBlockAttributes, attribute.name.name)) {
      reportMisplaced(ctx, attribute, "an enum");
      continue;
    }
    reportUnknown(ctx, attribute, {}, fmt::format("enum '{}'", info.name()));
  }
}

}  // namespace ormc::sema
