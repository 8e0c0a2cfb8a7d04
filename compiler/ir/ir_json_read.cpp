// JSON -> IR: reads back what toJson() wrote (migration snapshots). Names become indices
// again; anything missing or unknown is an error naming where in the document it is, since a
// snapshot may have been edited by hand. See ir_json.hpp.
#include "ir/ir_json.hpp"

#include "ir/ir_names.hpp"

#include <stdexcept>
#include <string>

namespace ormc::ir {

using Json = nlohmann::ordered_json;

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error("snapshot: " + where + ": " + what);
}

const Json& member(const Json& j, const std::string& where, const char* key) {
  if (!j.is_object() || !j.contains(key)) fail(where, std::string("missing \"") + key + "\"");
  return j.at(key);
}

std::string text(const Json& j, const std::string& where, const char* key) {
  const Json& value = member(j, where, key);
  if (!value.is_string()) fail(where, std::string("\"") + key + "\" is not a string");
  return value.get<std::string>();
}

std::string optionalText(const Json& j, const char* key, const std::string& otherwise = "") {
  return j.contains(key) && j.at(key).is_string() ? j.at(key).get<std::string>() : otherwise;
}

bool flag(const Json& j, const char* key) { return j.contains(key) && j.at(key).is_boolean() && j.at(key).get<bool>(); }

std::uint32_t number(const Json& j, const char* key) {
  return j.contains(key) && j.at(key).is_number_unsigned() ? j.at(key).get<std::uint32_t>() : 0;
}

// The enumerator whose toString() is `spelling`; the enumerators run from 0 to `last`.
template <class E>
E enumFrom(const std::string& spelling, E last, const std::string& where) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    if (spelling == toString(static_cast<E>(i))) return static_cast<E>(i);
  }
  fail(where, "unknown value \"" + spelling + "\"");
}

std::size_t columnIndex(const Entity& entity, const std::string& name, const std::string& where) {
  for (std::size_t i = 0; i < entity.columns.size(); ++i) {
    if (entity.columns[i].name == name) return i;
  }
  fail(where, "no column \"" + name + "\" in table " + entity.table);
}

std::vector<std::size_t> columnIndexes(const Entity& entity, const Json& names, const std::string& where) {
  std::vector<std::size_t> out;
  if (!names.is_array()) fail(where, "expected a list of column names");
  for (const Json& name : names) out.push_back(columnIndex(entity, name.get<std::string>(), where));
  return out;
}

CheckExpr checkFrom(const Entity& entity, const Json& j, const std::string& where) {
  CheckExpr expr;
  expr.kind = enumFrom(text(j, where, "kind"), CheckKind::Length, where);
  switch (expr.kind) {
    case CheckKind::Column:
    case CheckKind::Length:
      expr.column = columnIndex(entity, text(j, where, "column"), where);
      break;
    case CheckKind::Unary:
    case CheckKind::Binary:
      expr.op = enumFrom(text(j, where, "op"), Operator::Div, where);
      break;
    case CheckKind::In:
      break;
    default:
      expr.value = text(j, where, "value");
      break;
  }
  if (j.contains("operands")) {
    for (const Json& child : j.at("operands")) expr.children.push_back(checkFrom(entity, child, where));
  }
  return expr;
}

std::size_t enumIndex(const Schema& schema, const std::string& name, const std::string& where) {
  for (std::size_t i = 0; i < schema.enums.size(); ++i) {
    if (schema.enums[i].name == name) return i;
  }
  fail(where, "no enum \"" + name + "\"");
}

std::size_t entityByName(const Schema& schema, const std::string& name, const std::string& where) {
  for (std::size_t i = 0; i < schema.entities.size(); ++i) {
    if (schema.entities[i].name == name) return i;
  }
  fail(where, "no model \"" + name + "\"");
}

std::size_t entityByTable(const Schema& schema, const std::string& table, const std::string& where) {
  for (std::size_t i = 0; i < schema.entities.size(); ++i) {
    if (schema.entities[i].table == table) return i;
  }
  fail(where, "no table \"" + table + "\"");
}

// Columns and what needs only the entity itself; foreign keys and fields come later, once
// every entity and relation exists.
Entity entityShell(const Schema& schema, const Json& j, const std::string& where) {
  Entity entity;
  entity.name = text(j, where, "name");
  entity.cppName = text(j, where, "cppName");
  entity.table = text(j, where, "table");
  entity.joinTable = flag(j, "joinTable");
  entity.renamedFrom = optionalText(j, "renamedFrom");
  entity.doc = optionalText(j, "doc");
  const std::string at = where + " (" + entity.name + ")";
  for (const Json& c : member(j, at, "columns")) {
    Column column;
    column.name = text(c, at, "name");
    const std::string columnAt = at + "." + column.name;
    column.field = optionalText(c, "field");
    const Json& type = member(c, columnAt, "type");
    column.type.kind = enumFrom(text(type, columnAt, "kind"), ScalarKind::Enum, columnAt);
    column.type.length = number(type, "length");
    column.type.precision = number(type, "precision");
    column.type.scale = number(type, "scale");
    if (column.type.kind == ScalarKind::Enum) column.type.enumIndex = enumIndex(schema, text(type, columnAt, "enum"), columnAt);
    column.nullable = flag(c, "nullable");
    if (c.contains("default")) {
      const Json& d = c.at("default");
      column.defaultValue.kind = enumFrom(text(d, columnAt, "kind"), DefaultKind::Uuid, columnAt);
      column.defaultValue.value = text(d, columnAt, "value");
      if (column.defaultValue.kind == DefaultKind::EnumValue && column.type.kind == ScalarKind::Enum) {
        const Enum& e = schema.enums[column.type.enumIndex];
        for (std::size_t v = 0; v < e.values.size(); ++v) {
          if (e.values[v].name == column.defaultValue.value) column.defaultValue.enumValue = v;
        }
        if (column.defaultValue.enumValue == kNone) fail(columnAt, "no value \"" + column.defaultValue.value + "\" in " + e.name);
      }
    }
    column.autoincrement = flag(c, "autoincrement");
    column.updatedAt = flag(c, "updatedAt");
    column.version = flag(c, "version");
    column.doc = optionalText(c, "doc");
    entity.columns.push_back(std::move(column));
  }
  const Json& pk = member(j, at, "primaryKey");
  entity.primaryKey.name = text(pk, at, "name");
  entity.primaryKey.columns = columnIndexes(entity, member(pk, at, "columns"), at + " primary key");
  for (const Json& i : member(j, at, "indexes")) {
    Index index;
    index.name = text(i, at, "name");
    index.unique = flag(i, "unique");
    index.columns = columnIndexes(entity, member(i, at, "columns"), at + " index " + index.name);
    entity.indexes.push_back(std::move(index));
  }
  for (const Json& c : member(j, at, "checks")) {
    Check check;
    check.name = text(c, at, "name");
    check.expr = checkFrom(entity, member(c, at, "expr"), at + " check " + check.name);
    entity.checks.push_back(std::move(check));
  }
  return entity;
}

std::size_t fieldIndex(const Entity& entity, const Json& name, const std::string& where) {
  if (name.is_null()) return kNone;
  for (std::size_t i = 0; i < entity.fields.size(); ++i) {
    if (entity.fields[i].name == name.get<std::string>()) return i;
  }
  fail(where, "no field \"" + name.get<std::string>() + "\" in model " + entity.name);
}

}  // namespace

Schema fromJson(const nlohmann::ordered_json& j) {
  Schema schema;
  const std::string root = "the document";
  for (const Json& part : member(j, root, "namespace")) schema.namespacePath.push_back(part.get<std::string>());
  for (const Json& e : member(j, root, "enums")) {
    Enum out;
    out.name = text(e, "enums", "name");
    out.cppName = optionalText(e, "cppName", out.name);
    out.doc = optionalText(e, "doc");
    for (const Json& v : member(e, "enum " + out.name, "values")) {
      EnumValue value;
      value.name = text(v, "enum " + out.name, "name");
      value.cppName = optionalText(v, "cppName", value.name);
      value.dbValue = text(v, "enum " + out.name, "dbValue");
      value.doc = optionalText(v, "doc");
      out.values.push_back(std::move(value));
    }
    schema.enums.push_back(std::move(out));
  }
  const Json& entities = member(j, root, "entities");
  for (const Json& e : entities) schema.entities.push_back(entityShell(schema, e, "entities"));

  // Relations by name, then the fields that point at them, then the relations' ends.
  const Json& relations = member(j, root, "relations");
  for (const Json& r : relations) {
    Relation relation;
    relation.name = text(r, "relations", "name");
    relation.kind = enumFrom(text(r, "relation " + relation.name, "kind"), RelationKind::ManyToMany, "relation " + relation.name);
    schema.relations.push_back(std::move(relation));
  }
  auto relationIndex = [&](const std::string& name, const std::string& where) {
    for (std::size_t i = 0; i < schema.relations.size(); ++i) {
      if (schema.relations[i].name == name) return i;
    }
    fail(where, "no relation \"" + name + "\"");
  };
  for (std::size_t e = 0; e < schema.entities.size(); ++e) {
    Entity& entity = schema.entities[e];
    const Json& ej = entities.at(e);
    const std::string at = "entities (" + entity.name + ")";
    for (const Json& f : member(ej, at, "fields")) {
      Field field;
      field.name = text(f, at, "name");
      field.cppName = optionalText(f, "cppName", field.name);
      if (f.contains("column")) {
        field.kind = FieldKind::Scalar;
        field.column = columnIndex(entity, text(f, at, "column"), at + "." + field.name);
      } else {
        field.kind = FieldKind::Relation;
        field.relation = relationIndex(text(f, at, "relation"), at + "." + field.name);
        field.many = flag(f, "many");
      }
      field.optional = flag(f, "optional");
      field.renamedFrom = optionalText(f, "renamedFrom");
      entity.fields.push_back(std::move(field));
    }
    for (const Json& k : member(ej, at, "foreignKeys")) {
      ForeignKey fk;
      fk.name = text(k, at, "name");
      const std::string fkAt = at + " foreign key " + fk.name;
      fk.columns = columnIndexes(entity, member(k, fkAt, "columns"), fkAt);
      fk.targetEntity = entityByTable(schema, text(k, fkAt, "references"), fkAt);
      fk.targetColumns = columnIndexes(schema.entities[fk.targetEntity], member(k, fkAt, "referencedColumns"), fkAt);
      fk.onDelete = enumFrom(text(k, fkAt, "onDelete"), ReferentialAction::SetNull, fkAt);
      fk.onUpdate = enumFrom(text(k, fkAt, "onUpdate"), ReferentialAction::SetNull, fkAt);
      entity.foreignKeys.push_back(std::move(fk));
    }
  }
  for (std::size_t r = 0; r < schema.relations.size(); ++r) {
    Relation& relation = schema.relations[r];
    const Json& rj = relations.at(r);
    const std::string at = "relation " + relation.name;
    for (auto [key, end] : {std::pair{"owner", &relation.owner}, std::pair{"inverse", &relation.inverse}}) {
      const Json& ej = member(rj, at, key);
      end->entity = entityByName(schema, text(ej, at, "entity"), at);
      end->field = fieldIndex(schema.entities[end->entity], member(ej, at, "field"), at);
    }
    if (rj.contains("foreignKey")) {
      const Entity& owner = schema.entities[relation.owner.entity];
      const std::string name = text(rj, at, "foreignKey");
      for (std::size_t k = 0; k < owner.foreignKeys.size(); ++k) {
        if (owner.foreignKeys[k].name == name) relation.foreignKey = k;
      }
      if (relation.foreignKey == kNone) fail(at, "no foreign key \"" + name + "\" in model " + owner.name);
      schema.entities[relation.owner.entity].foreignKeys[relation.foreignKey].relation = r;
    }
    if (rj.contains("joinTable")) relation.joinTable = entityByTable(schema, text(rj, at, "joinTable"), at);
  }
  return schema;
}

}  // namespace ormc::ir
