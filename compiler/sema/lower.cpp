// AST + semantic model -> IR. See lower.hpp.
#include "sema/lower.hpp"

#include "support/names.hpp"

namespace ormc::sema {

namespace {

std::vector<std::size_t> columnsOf(const ModelInfo& model, const std::vector<std::size_t>& fields) {
  std::vector<std::size_t> out;
  for (std::size_t field : fields) out.push_back(model.fields[field].columnIndex);
  return out;
}

ir::Enum lowerEnum(const EnumInfo& info) {
  ir::Enum out;
  out.name = info.name();
  out.cppName = info.cppName;
  out.doc = info.decl->doc;
  out.origin = info.decl->name.range;
  for (const EnumValueInfo& value : info.values) {
    out.values.push_back({value.name(), value.cppName, value.dbValue, value.decl->doc, value.decl->name.range});
  }
  return out;
}

void lowerField(const FieldInfo& field, ir::Entity& entity) {
  ir::Field out;
  out.name = field.name();
  out.cppName = field.cppName;
  out.optional = field.type.optional;
  out.renamedFrom = field.attrs.renamedFrom;
  out.doc = field.decl->doc;
  out.origin = field.decl->name.range;
  if (field.isRelation()) {
    out.kind = ir::FieldKind::Relation;
    out.relation = field.relation;
    out.many = field.type.list;
    entity.fields.push_back(std::move(out));
    return;
  }
  out.kind = ir::FieldKind::Scalar;
  out.column = field.columnIndex;
  entity.fields.push_back(std::move(out));

  ir::Column column;
  column.name = field.column;
  column.field = field.name();
  column.type = field.type.column;
  column.nullable = field.type.optional;
  column.defaultValue = field.defaultValue;
  column.autoincrement = field.attrs.autoincrement != nullptr;
  column.updatedAt = field.attrs.updatedAt != nullptr;
  column.version = field.attrs.version != nullptr;
  column.doc = field.decl->doc;
  column.origin = field.decl->name.range;
  entity.columns.push_back(std::move(column));
}

ir::Entity lowerModel(const Context& ctx, std::size_t m, std::vector<ir::Relation>& relations) {
  const ModelInfo& model = ctx.models[m];
  ir::Entity entity;
  entity.name = model.name();
  entity.cppName = model.cppName;
  entity.table = model.table;
  entity.renamedFrom = model.renamedFrom;
  entity.doc = model.decl->doc;
  entity.origin = model.decl->name.range;
  for (const FieldInfo& field : model.fields) lowerField(field, entity);
  entity.primaryKey = {model.primaryKeyName, columnsOf(model, model.primaryKey)};
  for (const IndexInfo& index : model.indexes) {
    entity.indexes.push_back({index.name, columnsOf(model, index.fields), index.unique, index.origin});
  }
  for (std::size_t r : model.foreignKeyRelations) {
    const RelationInfo& relation = ctx.relations[r];
    ir::ForeignKey fk;
    fk.name = relation.fkName;
    fk.columns = columnsOf(model, relation.fkFields);
    fk.targetEntity = relation.inverseModel;
    fk.targetColumns = columnsOf(ctx.models[relation.inverseModel], relation.refFields);
    fk.onDelete = relation.onDelete;
    fk.onUpdate = relation.onUpdate;
    fk.relation = r;
    fk.origin = relation.origin;
    relations[r].foreignKey = entity.foreignKeys.size();
    entity.foreignKeys.push_back(std::move(fk));
  }
  for (const CheckInfo& check : model.checks) entity.checks.push_back({check.name, check.lowered, check.origin});
  return entity;
}

// The columns and foreign key of one side of a join table.
void addJoinSide(const Context& ctx, const std::vector<JoinColumn>& columns, std::size_t model, std::string fkName,
                 std::size_t relation, SourceRange origin, ir::Entity& entity) {
  ir::ForeignKey fk;
  fk.name = std::move(fkName);
  fk.targetEntity = model;
  fk.targetColumns = columnsOf(ctx.models[model], ctx.models[model].primaryKey);
  fk.onDelete = ir::ReferentialAction::Cascade;
  fk.onUpdate = ir::ReferentialAction::Cascade;
  fk.relation = relation;
  fk.origin = origin;
  for (const JoinColumn& column : columns) {
    ir::Column out;
    out.name = column.name;
    out.type = column.type;
    out.origin = origin;
    fk.columns.push_back(entity.columns.size());
    entity.primaryKey.columns.push_back(entity.columns.size());
    entity.columns.push_back(std::move(out));
  }
  entity.foreignKeys.push_back(std::move(fk));
}

ir::Entity lowerJoinTable(const Context& ctx, std::size_t r) {
  const RelationInfo& relation = ctx.relations[r];
  ir::Entity entity;
  entity.name = relation.joinEntityName;
  entity.cppName = names::cppIdentifier(relation.joinEntityName);
  entity.table = relation.joinTable;
  entity.joinTable = true;
  entity.origin = relation.origin;
  entity.primaryKey.name = relation.joinPrimaryKeyName;
  addJoinSide(ctx, relation.ownerColumns, relation.ownerModel, relation.joinOwnerFkName, r, relation.origin, entity);
  std::size_t inverseStart = entity.columns.size();
  addJoinSide(ctx, relation.inverseColumns, relation.inverseModel, relation.joinInverseFkName, r, relation.origin,
              entity);
  // The primary key serves lookups from the owner's side; this index those from the other.
  ir::Index index;
  index.name = relation.joinIndexName;
  for (std::size_t c = inverseStart; c < entity.columns.size(); ++c) index.columns.push_back(c);
  index.origin = relation.origin;
  entity.indexes.push_back(std::move(index));
  return entity;
}

ir::Relation lowerRelation(const RelationInfo& relation) {
  ir::Relation out;
  out.name = relation.name;
  out.kind = relation.kind;
  out.owner = {relation.ownerModel, relation.ownerField};
  out.inverse = {relation.inverseModel, relation.inverseField};
  out.origin = relation.origin;
  return out;
}

}  // namespace

ir::Schema lower(const Context& ctx) {
  ir::Schema schema;
  schema.namespacePath = ctx.namespacePath;
  for (const EnumInfo& info : ctx.enums) schema.enums.push_back(lowerEnum(info));
  for (const RelationInfo& relation : ctx.relations) schema.relations.push_back(lowerRelation(relation));
  for (std::size_t m = 0; m < ctx.models.size(); ++m) schema.entities.push_back(lowerModel(ctx, m, schema.relations));
  for (std::size_t r = 0; r < ctx.relations.size(); ++r) {
    if (ctx.relations[r].kind != ir::RelationKind::ManyToMany) continue;
    schema.relations[r].joinTable = schema.entities.size();
    schema.entities.push_back(lowerJoinTable(ctx, r));
  }
  return schema;
}

}  // namespace ormc::sema
