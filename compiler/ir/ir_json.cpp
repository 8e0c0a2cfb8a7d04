// IR -> JSON. See ir_json.hpp.
#include "ir/ir_json.hpp"

#include "ir/ir_names.hpp"

namespace ormc::ir {

using Json = nlohmann::ordered_json;

namespace {

Json columnNames(const Entity& entity, const std::vector<std::size_t>& columns) {
  Json names = Json::array();
  for (std::size_t c : columns) names.push_back(entity.columns.at(c).name);
  return names;
}

Json typeJson(const Schema& schema, const ColumnType& type) {
  Json j;
  j["kind"] = toString(type.kind);
  if (type.kind == ScalarKind::String && type.length) j["length"] = type.length;
  if (type.kind == ScalarKind::Decimal) {
    j["precision"] = type.precision;
    j["scale"] = type.scale;
  }
  if (type.kind == ScalarKind::Enum) j["enum"] = schema.enums.at(type.enumIndex).name;
  return j;
}

Json checkJson(const Entity& entity, const CheckExpr& expr) {
  Json j;
  j["kind"] = toString(expr.kind);
  switch (expr.kind) {
    case CheckKind::Column:
    case CheckKind::Length:
      j["column"] = entity.columns.at(expr.column).name;
      break;
    case CheckKind::Unary:
    case CheckKind::Binary:
      j["op"] = toString(expr.op);
      break;
    case CheckKind::In:
      break;
    default:
      j["value"] = expr.value;
      break;
  }
  if (!expr.children.empty()) {
    j["operands"] = Json::array();
    for (const CheckExpr& child : expr.children) j["operands"].push_back(checkJson(entity, child));
  }
  return j;
}

Json entityJson(const Schema& schema, const Entity& entity) {
  Json j;
  j["name"] = entity.name;
  j["cppName"] = entity.cppName;
  j["table"] = entity.table;
  if (entity.joinTable) j["joinTable"] = true;
  if (!entity.renamedFrom.empty()) j["renamedFrom"] = entity.renamedFrom;
  if (!entity.doc.empty()) j["doc"] = entity.doc;

  j["columns"] = Json::array();
  for (const Column& column : entity.columns) {
    Json c;
    c["name"] = column.name;
    if (!column.field.empty()) c["field"] = column.field;
    c["type"] = typeJson(schema, column.type);
    c["nullable"] = column.nullable;
    if (column.defaultValue.kind != DefaultKind::None) {
      c["default"] = {{"kind", toString(column.defaultValue.kind)}, {"value", column.defaultValue.value}};
    }
    if (column.autoincrement) c["autoincrement"] = true;
    if (column.updatedAt) c["updatedAt"] = true;
    if (column.version) c["version"] = true;
    if (!column.doc.empty()) c["doc"] = column.doc;
    j["columns"].push_back(std::move(c));
  }

  j["fields"] = Json::array();
  for (const Field& field : entity.fields) {
    Json f;
    f["name"] = field.name;
    if (field.cppName != field.name) f["cppName"] = field.cppName;
    if (field.kind == FieldKind::Scalar) {
      f["column"] = entity.columns.at(field.column).name;
    } else {
      f["relation"] = schema.relations.at(field.relation).name;
      f["many"] = field.many;
    }
    f["optional"] = field.optional;
    if (!field.renamedFrom.empty()) f["renamedFrom"] = field.renamedFrom;
    j["fields"].push_back(std::move(f));
  }

  j["primaryKey"] = {{"name", entity.primaryKey.name}, {"columns", columnNames(entity, entity.primaryKey.columns)}};

  j["indexes"] = Json::array();
  for (const Index& index : entity.indexes) {
    j["indexes"].push_back({{"name", index.name}, {"unique", index.unique}, {"columns", columnNames(entity, index.columns)}});
  }

  j["foreignKeys"] = Json::array();
  for (const ForeignKey& fk : entity.foreignKeys) {
    const Entity& target = schema.entities.at(fk.targetEntity);
    j["foreignKeys"].push_back({{"name", fk.name},
                                {"columns", columnNames(entity, fk.columns)},
                                {"references", target.table},
                                {"referencedColumns", columnNames(target, fk.targetColumns)},
                                {"onDelete", toString(fk.onDelete)},
                                {"onUpdate", toString(fk.onUpdate)}});
  }

  j["checks"] = Json::array();
  for (const Check& check : entity.checks) {
    j["checks"].push_back({{"name", check.name}, {"text", checkText(entity, check.expr)}, {"expr", checkJson(entity, check.expr)}});
  }
  return j;
}

Json endJson(const Schema& schema, const RelationEnd& end) {
  Json j;
  j["entity"] = schema.entities.at(end.entity).name;
  j["field"] = end.field == kNone ? Json(nullptr) : Json(schema.entities.at(end.entity).fields.at(end.field).name);
  return j;
}

}  // namespace

nlohmann::ordered_json toJson(const Schema& schema) {
  Json j;
  j["namespace"] = schema.namespacePath;
  j["enums"] = Json::array();
  for (const Enum& e : schema.enums) {
    Json ej;
    ej["name"] = e.name;
    if (e.cppName != e.name) ej["cppName"] = e.cppName;
    if (!e.doc.empty()) ej["doc"] = e.doc;
    ej["values"] = Json::array();
    for (const EnumValue& v : e.values) {
      Json vj;
      vj["name"] = v.name;
      if (v.cppName != v.name) vj["cppName"] = v.cppName;
      vj["dbValue"] = v.dbValue;
      if (!v.doc.empty()) vj["doc"] = v.doc;
      ej["values"].push_back(std::move(vj));
    }
    j["enums"].push_back(std::move(ej));
  }
  j["entities"] = Json::array();
  for (const Entity& entity : schema.entities) j["entities"].push_back(entityJson(schema, entity));
  j["relations"] = Json::array();
  for (const Relation& relation : schema.relations) {
    Json r;
    r["name"] = relation.name;
    r["kind"] = toString(relation.kind);
    r["owner"] = endJson(schema, relation.owner);
    r["inverse"] = endJson(schema, relation.inverse);
    if (relation.foreignKey != kNone) {
      r["foreignKey"] = schema.entities.at(relation.owner.entity).foreignKeys.at(relation.foreignKey).name;
    }
    if (relation.joinTable != kNone) r["joinTable"] = schema.entities.at(relation.joinTable).table;
    j["relations"].push_back(std::move(r));
  }
  return j;
}

}  // namespace ormc::ir
