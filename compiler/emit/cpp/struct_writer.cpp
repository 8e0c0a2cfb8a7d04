// Generated model structs. See struct_writer.hpp.
#include "emit/cpp/struct_writer.hpp"

#include "emit/cpp/cpp_spelling.hpp"

namespace ormc::emit::cpp {

namespace {

// The entity at the other end of relation field `fieldIndex` of entity `entityIndex`. In a
// relation of a model to itself both ends are that model; the field says which end it is.
const ir::Entity& relationTarget(const ir::Schema& schema, std::size_t entityIndex, std::size_t fieldIndex) {
  const ir::Relation& relation = schema.relations.at(schema.entities.at(entityIndex).fields.at(fieldIndex).relation);
  bool owner = relation.owner.entity == entityIndex && relation.owner.field == fieldIndex;
  return schema.entities.at(owner ? relation.inverse.entity : relation.owner.entity);
}

}  // namespace

void writeStruct(CodeWriter& w, const ir::Schema& schema, std::size_t entityIndex) {
  const ir::Entity& entity = schema.entities.at(entityIndex);
  TypeNames names{schema, {}};
  for (const ir::Field& field : entity.fields) names.hidden.push_back(field.cppName);

  writeDoc(w, entity.doc);
  w.emit("struct $name$ {\n", {{"name", entity.cppName}});
  {
    auto in = w.indent();
    for (std::size_t f = 0; f < entity.fields.size(); ++f) {
      const ir::Field& field = entity.fields[f];
      writeDoc(w, field.doc);
      if (field.kind == ir::FieldKind::Scalar) {
        const ir::Column& column = entity.columns.at(field.column);
        w.emit("$type$ $name$$init$;\n", {{"type", memberType(names, column)},
                                          {"name", field.cppName},
                                          {"init", memberInitializer(names, column)}});
        continue;
      }
      const ir::Entity& target = relationTarget(schema, entityIndex, f);
      w.emit("::ormc::$holder$<$target$> $name${};\n",
             {{"holder", field.many ? "ToMany" : "ToOne"}, {"target", names(target.cppName)}, {"name", field.cppName}});
    }
  }
  w.emit("};\n");
}

}  // namespace ormc::emit::cpp
