// IR -> the diagram's tables and links. See erd_model.hpp.
#include "emit/erd/erd_model.hpp"

#include "ir/ir_names.hpp"

namespace ormc::emit::erd {

namespace {

ErdLink linkOf(const ir::Schema& schema, std::size_t entityIndex, const ir::ForeignKey& key) {
  const ir::Entity& entity = schema.entities[entityIndex];
  ErdLink link;
  link.from = entityIndex;
  link.to = key.targetEntity;
  link.fromColumn = key.columns.empty() ? 0 : key.columns.front();
  link.toColumn = key.targetColumns.empty() ? 0 : key.targetColumns.front();
  bool optional = false;
  for (std::size_t c : key.columns) optional = optional || (c < entity.columns.size() && entity.columns[c].nullable);
  link.toEnd = optional ? Cardinality::ZeroOrOne : Cardinality::ExactlyOne;
  const ir::Relation* relation = key.relation < schema.relations.size() ? &schema.relations[key.relation] : nullptr;
  bool oneToOne = relation && relation->kind == ir::RelationKind::OneToOne;
  link.fromEnd = oneToOne ? Cardinality::ZeroOrOne : Cardinality::ZeroOrMany;
  if (relation && relation->kind != ir::RelationKind::ManyToMany && relation->owner.entity == entityIndex &&
      relation->owner.field < entity.fields.size()) {
    link.label = entity.fields[relation->owner.field].name;
    return link;
  }
  for (std::size_t c : key.columns) {
    link.label += (link.label.empty() ? "" : ", ") + (c < entity.columns.size() ? entity.columns[c].name : "");
  }
  return link;
}

}  // namespace

Erd buildErd(const ir::Schema& schema) {
  Erd erd;
  for (const std::string& part : schema.namespacePath) erd.name += (erd.name.empty() ? "" : ".") + part;
  for (std::size_t e = 0; e < schema.entities.size(); ++e) {
    const ir::Entity& entity = schema.entities[e];
    ErdTable table;
    table.name = entity.table;
    table.joinTable = entity.joinTable;
    for (const ir::Column& c : entity.columns) {
      table.columns.push_back({c.name, ir::typeName(schema, c.type), c.nullable, false, false, false});
    }
    auto mark = [&](std::size_t c, bool ErdColumn::*flag) {
      if (c < table.columns.size()) table.columns[c].*flag = true;
    };
    for (std::size_t c : entity.primaryKey.columns) mark(c, &ErdColumn::primaryKey);
    for (const ir::ForeignKey& key : entity.foreignKeys) {
      for (std::size_t c : key.columns) mark(c, &ErdColumn::foreignKey);
    }
    for (const ir::Index& index : entity.indexes) {
      if (index.unique && index.columns.size() == 1) mark(index.columns.front(), &ErdColumn::unique);
    }
    erd.tables.push_back(std::move(table));
  }
  for (std::size_t e = 0; e < schema.entities.size(); ++e) {
    for (const ir::ForeignKey& key : schema.entities[e].foreignKeys) {
      if (key.targetEntity < schema.entities.size()) erd.links.push_back(linkOf(schema, e, key));
    }
  }
  return erd;
}

}  // namespace ormc::emit::erd
