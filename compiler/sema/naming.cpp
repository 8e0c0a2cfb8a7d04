// Table and column names. See naming.hpp.
#include "sema/naming.hpp"

#include "support/diagnostic_codes.hpp"
#include "support/names.hpp"

#include <fmt/format.h>

namespace ormc::sema {

namespace {

void nameTable(Context& ctx, ModelInfo& model) {
  if (!model.tableMapped) {
    model.table = names::snakeCase(model.name());
    model.tableRange = model.decl->name.range;
  }
  if (model.table.empty()) {
    ctx.diags.error(codes::kInvalidName, model.tableRange,
                    fmt::format("the table name of model '{}' is empty", model.name()));
    return;
  }
  std::string help = model.tableMapped ? "choose a shorter name in @@map" : "choose a shorter name with @@map(\"...\")";
  checkNameLength(ctx, model.table, model.tableRange, fmt::format("table name '{}'", model.table), help);
  claimTable(ctx, model.table, model.tableRange, fmt::format("model '{}'", model.name()),
             model.tableMapped ? "choose another name in @@map" : "choose another table name with @@map(\"...\")");
}

void nameColumns(Context& ctx, ModelInfo& model) {
  std::map<std::string, std::size_t> byFolded;  // column name -> field index
  std::size_t next = 0;
  for (std::size_t i = 0; i < model.fields.size(); ++i) {
    FieldInfo& field = model.fields[i];
    if (!field.isColumn()) continue;
    field.columnIndex = next++;
    bool mapped = field.attrs.mappedName.has_value();
    field.column = mapped ? *field.attrs.mappedName : names::snakeCase(field.name());
    SourceRange range = mapped ? field.attrs.mappedNameRange : field.decl->name.range;
    if (field.column.empty()) {
      ctx.diags.error(codes::kInvalidName, range, fmt::format("the column name of field '{}' is empty", field.name()));
      continue;
    }
    checkNameLength(ctx, field.column, range, fmt::format("column name '{}'", field.column),
                    mapped ? "choose a shorter name in @map" : "choose a shorter name with @map(\"...\")");
    auto [it, inserted] = byFolded.emplace(foldCase(field.column), i);
    if (inserted) continue;
    const FieldInfo& first = model.fields[it->second];
    SourceRange firstRange = first.attrs.mappedName ? first.attrs.mappedNameRange : first.decl->name.range;
    ctx.diags.error(codes::kDuplicateColumn, range,
                    fmt::format("column '{}' of field '{}' is already used by field '{}' in model '{}'", field.column,
                                field.name(), first.name(), model.name()))
        .addNote(firstRange, fmt::format("'{}' is the column of field '{}'", first.column, first.name()))
        .addHelp("give one of them another column name with @map(\"...\")");
  }
}

}  // namespace

std::string foldCase(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool claimTable(Context& ctx, const std::string& table, SourceRange range, std::string owner,
                std::string_view help) {
  auto [it, inserted] = ctx.tables.try_emplace(foldCase(table), TableClaim{table, owner, range});
  if (inserted) return true;
  const TableClaim& first = it->second;
  Diagnostic& d = ctx.diags.error(codes::kDuplicateTable, range,
                                  fmt::format("table '{}' of {} is already used by {}", table, owner, first.owner));
  d.addNote(first.range, fmt::format("'{}' is the table of {}", first.table, first.owner));
  if (!help.empty()) d.addHelp(std::string(help));
  return false;
}

bool checkNameLength(Context& ctx, const std::string& name, SourceRange range, std::string_view what,
                     std::string_view help) {
  if (!ctx.options.targetMysql || names::codePointCount(name) <= names::kMaxIdentifierLength) return true;
  ctx.diags.error(codes::kNameTooLong, range,
                  fmt::format("{} is longer than {} characters, the limit on MySQL", what, names::kMaxIdentifierLength))
      .addHelp(std::string(help));
  return false;
}

void assignTableAndColumnNames(Context& ctx) {
  for (ModelInfo& model : ctx.models) {
    nameTable(ctx, model);
    nameColumns(ctx, model);
  }
}

}  // namespace ormc::sema
