// IR -> readable text. See ir_text.hpp.
#include "ir/ir_text.hpp"

#include "ir/ir_names.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ormc::ir {

namespace {

std::string joinColumns(const Entity& entity, const std::vector<std::size_t>& columns) {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ", ";
    out += entity.columns.at(columns[i]).name;
  }
  return out;
}

std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

std::string columnLine(const Schema& schema, const Column& column) {
  std::string line = fmt::format("  column {} {}{}", column.name, typeName(schema, column.type), column.nullable ? "?" : "");
  if (column.autoincrement) line += " autoincrement";
  if (column.defaultValue.kind == DefaultKind::Now) line += " default now()";
  else if (column.defaultValue.kind == DefaultKind::Uuid) line += " default uuid()";
  else if (column.defaultValue.kind == DefaultKind::String) line += " default " + quoted(column.defaultValue.value);
  else if (column.defaultValue.kind != DefaultKind::None) line += " default " + column.defaultValue.value;
  if (column.updatedAt) line += " updatedAt";
  if (column.version) line += " version";
  if (!column.field.empty() && column.field != column.name) line += " (field " + column.field + ")";
  return line + "\n";
}

std::string endText(const Schema& schema, const RelationEnd& end) {
  const Entity& entity = schema.entities.at(end.entity);
  if (end.field == kNone) return entity.name;
  return entity.name + "." + entity.fields.at(end.field).name;
}

}  // namespace

std::string toText(const Schema& schema) {
  std::string out = "schema ";
  for (std::size_t i = 0; i < schema.namespacePath.size(); ++i) out += (i ? "." : "") + schema.namespacePath[i];
  out += "\n";
  for (const Enum& e : schema.enums) {
    out += fmt::format("\nenum {}\n", e.name);
    for (const EnumValue& v : e.values) {
      out += fmt::format("  value {}{}\n", v.name, v.dbValue != v.name ? " = " + quoted(v.dbValue) : "");
    }
  }
  for (const Entity& entity : schema.entities) {
    out += fmt::format("\n{} {} table {}\n", entity.joinTable ? "join" : "entity", entity.name, entity.table);
    for (const Column& column : entity.columns) out += columnLine(schema, column);
    for (const Field& field : entity.fields) {
      if (field.kind != FieldKind::Relation) continue;
      const Relation& relation = schema.relations.at(field.relation);
      out += fmt::format("  relation {}{} {} {}\n", field.name, field.many ? "[]" : (field.optional ? "?" : ""),
                         toString(relation.kind), relation.name);
    }
    out += fmt::format("  primary key {} ({})\n", entity.primaryKey.name, joinColumns(entity, entity.primaryKey.columns));
    for (const Index& index : entity.indexes) {
      out += fmt::format("  {} {} ({})\n", index.unique ? "unique" : "index", index.name, joinColumns(entity, index.columns));
    }
    for (const ForeignKey& fk : entity.foreignKeys) {
      const Entity& target = schema.entities.at(fk.targetEntity);
      out += fmt::format("  foreign key {} ({}) -> {} ({}) on delete {} on update {}\n", fk.name,
                         joinColumns(entity, fk.columns), target.table, joinColumns(target, fk.targetColumns),
                         toString(fk.onDelete), toString(fk.onUpdate));
    }
    for (const Check& check : entity.checks) out += fmt::format("  check {} {}\n", check.name, checkText(entity, check.expr));
  }
  if (!schema.relations.empty()) out += "\n";
  for (const Relation& relation : schema.relations) {
    out += fmt::format("relation {} {}: {} -> {}\n", relation.name, toString(relation.kind), endText(schema, relation.owner),
                       endText(schema, relation.inverse));
  }
  return out;
}

}  // namespace ormc::ir
