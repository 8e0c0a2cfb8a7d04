// Generated model metadata. See model_meta_writer.hpp.
#include "emit/cpp/model_meta_writer.hpp"

#include "emit/cpp/cpp_spelling.hpp"
#include "emit/sql/dialect.hpp"
#include "ir/ir_names.hpp"

#include <string>
#include <vector>

namespace ormc::emit::cpp {

namespace {

// The line width the layout aims at; only a single long literal or name may pass it.
constexpr std::size_t kLineWidth = 100;
// Where the items of a `static constexpr auto x = std::tuple{` list start.
constexpr std::size_t kItemIndent = 6;

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// "Key<&Entity::a, &Entity::b>" for columns of the entity being described ("Entity"), or of
// another one ("::blog::User").
std::string key(const std::string& owner, const ir::Entity& entity, const std::vector<std::size_t>& columns) {
  std::vector<std::string> members;
  for (std::size_t column : columns) members.push_back("&" + owner + "::" + memberOf(entity, column));
  return "Key<" + joined(members, ", ") + ">";
}

std::string action(ir::ReferentialAction value) {
  return std::string("ReferentialAction::") + ir::toString(value);
}

// Designated initializers that belong together ({".name = ...", ".field = ..."}): written on
// one line when they fit, otherwise wrapped between designators.
using Group = std::vector<std::string>;

// Where the designators of an item start.
constexpr std::size_t kDesignatorIndent = kItemIndent + 4;

// The lines of `groups`, each group on one line if it fits, else broken between designators.
// A designator holding a line break (see sqlDesignator()) always stands on its own lines.
std::vector<std::string> layoutGroups(const std::vector<Group>& groups) {
  std::vector<std::string> lines;
  for (const Group& group : groups) {
    std::string line;
    for (const std::string& designator : group) {
      bool fits = kDesignatorIndent + line.size() + 2 + designator.size() + 2 <= kLineWidth &&
                  designator.find('\n') == std::string::npos && line.find('\n') == std::string::npos;
      if (!line.empty() && !fits) {
        lines.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : ", ") + designator;
    }
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Writes `name<arguments>{` and then the designators of `groups`, the last closing the brace:
// one item of a tuple. Template arguments go one per line when they do not fit on one.
void writeItem(CodeWriter& w, const std::string& name, const std::vector<std::string>& arguments,
               const std::vector<Group>& groups) {
  std::string head = name + "<" + joined(arguments, ", ") + ">{";
  if (kItemIndent + head.size() > kLineWidth) {
    std::string pad(name.size() + 1, ' ');
    head = name + "<" + joined(arguments, ",\n" + pad) + ">{";
  }
  std::vector<std::string> lines = layoutGroups(groups);
  if (lines.size() == 1 && kItemIndent + head.size() + lines[0].size() + 2 <= kLineWidth &&
      head.find('\n') == std::string::npos && lines[0].find('\n') == std::string::npos) {
    w.emit("$head$$line$},\n", {{"head", head}, {"line", lines[0]}});
    return;
  }
  w.emit("$head$\n", {{"head", head}});
  auto in = w.indent();
  auto again = w.indent();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    w.emit(i + 1 < lines.size() ? "$line$,\n" : "$line$},\n", {{"line", lines[i]}});
  }
}

// `.sql = {.sqlite = "...", .mysql = "..."}`; when too long (a MySQL ENUM of many values) the
// MySQL type goes on a line of its own, cut into adjacent string literals after its commas.
std::string sqlDesignator(const std::string& sqlite, const std::string& mysql) {
  std::string oneLine = ".sql = {.sqlite = " + stringView(sqlite) + ", .mysql = " + stringView(mysql) + "}";
  if (kDesignatorIndent + oneLine.size() + 2 <= kLineWidth) return oneLine;
  const std::string mysqlPrefix = "        .mysql = ";  // aligned under ".sqlite"
  std::size_t room = kLineWidth - kDesignatorIndent - mysqlPrefix.size() - 4;
  std::vector<std::string> pieces{""};
  std::size_t start = 0;
  while (start < mysql.size()) {
    std::size_t comma = mysql.find(", ", start);
    std::size_t end = comma == std::string::npos ? mysql.size() : comma + 2;
    std::string part = mysql.substr(start, end - start);
    if (!pieces.back().empty() && pieces.back().size() + part.size() > room) pieces.emplace_back();
    pieces.back() += part;
    start = end;
  }
  std::string out = ".sql = {.sqlite = " + stringView(sqlite) + ",\n" + mysqlPrefix;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out += "\n" + std::string(mysqlPrefix.size(), ' ');
    out += stringLiteral(pieces[i]);
  }
  return out + "}";
}

// Opens a `static constexpr auto name = std::tuple{...};` list, or writes an empty one.
template <class F>
void writeTuple(CodeWriter& w, const std::string& name, bool empty, F&& items) {
  if (empty) {
    w.emit("static constexpr auto $name$ = std::tuple{};\n", {{"name", name}});
    return;
  }
  w.emit("static constexpr auto $name$ = std::tuple{\n", {{"name", name}});
  {
    auto in = w.indent();
    auto again = w.indent();
    items();
  }
  w.emit("};\n");
}

std::string columnTypeInit(const ir::ColumnType& type) {
  std::string out = std::string("{.kind = ScalarKind::") + ir::toString(type.kind);
  if (type.length != 0) out += ", .length = " + std::to_string(type.length);
  if (type.kind == ir::ScalarKind::Decimal) {
    out += ", .precision = " + std::to_string(type.precision) + ", .scale = " + std::to_string(type.scale);
  }
  return out + "}";
}

std::string defaultInit(const ir::Schema& schema, const ir::Column& column) {
  const ir::DefaultValue& def = column.defaultValue;
  switch (def.kind) {
    case ir::DefaultKind::None: return "";
    case ir::DefaultKind::Now: return "{.kind = DefaultKind::Now}";
    case ir::DefaultKind::Uuid: return "{.kind = DefaultKind::Uuid}";
    case ir::DefaultKind::EnumValue: {
      const ir::Enum& e = schema.enums.at(column.type.enumIndex);
      return "{.kind = DefaultKind::Literal, .literal = " + stringView(e.values.at(def.enumValue).dbValue) + "}";
    }
    default: return "{.kind = DefaultKind::Literal, .literal = " + stringView(def.value) + "}";
  }
}

void writeColumn(CodeWriter& w, const ir::Schema& schema, const ir::Entity& entity, std::size_t index) {
  const ir::Column& column = entity.columns[index];
  std::vector<Group> groups;
  groups.push_back({".name = " + stringView(column.name), ".field = " + stringView(column.field)});
  groups.push_back({".type = " + columnTypeInit(column.type)});
  // The same spelling as the DDL that `ormc ddl` writes: both come from the dialects.
  groups.push_back({sqlDesignator(sql::sqliteDialect().columnType(schema, column.type),
                                  sql::mysqlDialect().columnType(schema, column.type))});
  std::string def = defaultInit(schema, column);
  if (!def.empty()) groups.push_back({".defaultValue = " + def});
  Group flags;
  if (column.nullable) flags.push_back(".nullable = true");
  for (std::size_t key : entity.primaryKey.columns) {
    if (key == index) flags.push_back(".primaryKey = true");
  }
  if (column.autoincrement) flags.push_back(".autoincrement = true");
  if (column.updatedAt) flags.push_back(".updatedAt = true");
  if (column.version) flags.push_back(".version = true");
  if (!flags.empty()) groups.push_back(flags);
  writeItem(w, "Column", {"&Entity::" + memberOf(entity, index)}, groups);
}

// The parts of one relation field's descriptor, seen from the field's side.
struct RelationView {
  std::string kind;
  bool owner = false;
  std::string localKey, targetKey;
  std::string partner;
  ir::ReferentialAction onDelete = ir::ReferentialAction::NoAction;
  ir::ReferentialAction onUpdate = ir::ReferentialAction::Cascade;
  std::string joinTable;
  std::vector<std::string> joinColumns, joinTargetColumns;
};

std::string fieldName(const ir::Schema& schema, const ir::RelationEnd& end) {
  if (end.field == ir::kNone) return "";
  return schema.entities.at(end.entity).fields.at(end.field).name;
}

std::vector<std::string> columnNames(const ir::Entity& entity, const std::vector<std::size_t>& columns) {
  std::vector<std::string> out;
  for (std::size_t column : columns) out.push_back(stringView(entity.columns.at(column).name));
  return out;
}

RelationView viewOf(const ir::Schema& schema, std::size_t entityIndex, std::size_t fieldIndex) {
  const ir::Relation& relation = schema.relations.at(schema.entities[entityIndex].fields[fieldIndex].relation);
  RelationView view;
  bool first = relation.owner.entity == entityIndex && relation.owner.field == fieldIndex;
  const ir::RelationEnd& self = first ? relation.owner : relation.inverse;
  const ir::RelationEnd& other = first ? relation.inverse : relation.owner;
  const ir::Entity& target = schema.entities.at(other.entity);
  std::string targetName = qualified(schema, target.cppName);
  view.partner = fieldName(schema, other);

  if (relation.kind == ir::RelationKind::ManyToMany) {
    const ir::Entity& join = schema.entities.at(relation.joinTable);
    // The join table's first foreign key references the relation's owner end, the second its
    // inverse end (see sema/lower.cpp).
    const ir::ForeignKey& mine = join.foreignKeys.at(first ? 0 : 1);
    const ir::ForeignKey& theirs = join.foreignKeys.at(first ? 1 : 0);
    view.kind = "ManyToMany";
    view.localKey = key("Entity", schema.entities[self.entity], mine.targetColumns);
    view.targetKey = key(targetName, target, theirs.targetColumns);
    view.onDelete = mine.onDelete;
    view.onUpdate = mine.onUpdate;
    view.joinTable = stringView(join.table);
    view.joinColumns = columnNames(join, mine.columns);
    view.joinTargetColumns = columnNames(join, theirs.columns);
    return view;
  }
  const ir::Entity& ownerEntity = schema.entities.at(relation.owner.entity);
  const ir::ForeignKey& fk = ownerEntity.foreignKeys.at(relation.foreignKey);
  const ir::Entity& inverseEntity = schema.entities.at(relation.inverse.entity);
  view.owner = first;
  view.onDelete = fk.onDelete;
  view.onUpdate = fk.onUpdate;
  if (relation.kind == ir::RelationKind::OneToOne) {
    view.kind = "OneToOne";
  } else {
    view.kind = first ? "ManyToOne" : "OneToMany";
  }
  if (first) {
    view.localKey = key("Entity", ownerEntity, fk.columns);
    view.targetKey = key(targetName, inverseEntity, fk.targetColumns);
  } else {
    view.localKey = key("Entity", inverseEntity, fk.targetColumns);
    view.targetKey = key(targetName, ownerEntity, fk.columns);
  }
  return view;
}

void writeRelation(CodeWriter& w, const ir::Schema& schema, std::size_t entityIndex, std::size_t fieldIndex) {
  const ir::Field& field = schema.entities[entityIndex].fields[fieldIndex];
  RelationView view = viewOf(schema, entityIndex, fieldIndex);
  std::vector<Group> groups;
  groups.push_back({".field = " + stringView(field.name), ".name = " + stringView(schema.relations[field.relation].name)});
  Group shape{".kind = RelationKind::" + view.kind};
  if (view.owner) shape.push_back(".owner = true");
  if (field.optional) shape.push_back(".optional = true");
  if (!view.partner.empty()) shape.push_back(".inverse = " + stringView(view.partner));
  groups.push_back(shape);
  groups.push_back({".onDelete = " + action(view.onDelete), ".onUpdate = " + action(view.onUpdate)});
  if (!view.joinTable.empty()) {
    groups.push_back({".joinTable = " + view.joinTable});
    groups.push_back({".joinColumns = {" + joined(view.joinColumns, ", ") + "}",
                      ".joinTargetColumns = {" + joined(view.joinTargetColumns, ", ") + "}"});
  }
  writeItem(w, "Relation", {"&Entity::" + field.cppName, view.localKey, view.targetKey}, groups);
}

// The members of Model<T> after its names: columns, keys, indexes, foreign keys, relations.
void writeModelMetaBody(CodeWriter& w, const ir::Schema& schema, std::size_t entityIndex) {
  const ir::Entity& entity = schema.entities.at(entityIndex);
  writeTuple(w, "columns", entity.columns.empty(), [&] {
    for (std::size_t c = 0; c < entity.columns.size(); ++c) writeColumn(w, schema, entity, c);
  });

  std::vector<std::string> pk;
  for (std::size_t column : entity.primaryKey.columns) pk.push_back("&Entity::" + memberOf(entity, column));
  std::string primaryKey = "PrimaryKey<" + joined(pk, ", ") + ">{.name = " + stringView(entity.primaryKey.name) + "};";
  const std::string prefix = "static constexpr auto primaryKey = ";
  bool fits = 2 + prefix.size() + primaryKey.size() <= kLineWidth;
  w.emit(fits ? "$prefix$$key$\n" : "static constexpr auto primaryKey =\n    $key$\n", {{"prefix", prefix}, {"key", primaryKey}});

  writeTuple(w, "indexes", entity.indexes.empty(), [&] {
    for (const ir::Index& index : entity.indexes) {
      std::vector<std::string> members;
      for (std::size_t column : index.columns) members.push_back("&Entity::" + memberOf(entity, column));
      Group group{".name = " + stringView(index.name)};
      if (index.unique) group.push_back(".unique = true");
      writeItem(w, "Index", members, {group});
    }
  });

  writeTuple(w, "foreignKeys", entity.foreignKeys.empty(), [&] {
    for (const ir::ForeignKey& fk : entity.foreignKeys) {
      const ir::Entity& target = schema.entities.at(fk.targetEntity);
      writeItem(w, "ForeignKey",
                {key("Entity", entity, fk.columns), key(qualified(schema, target.cppName), target, fk.targetColumns)},
                {{".name = " + stringView(fk.name)}, {".onDelete = " + action(fk.onDelete), ".onUpdate = " + action(fk.onUpdate)}});
    }
  });

  bool hasRelations = false;
  for (const ir::Field& field : entity.fields) hasRelations = hasRelations || field.kind == ir::FieldKind::Relation;
  writeTuple(w, "relations", !hasRelations, [&] {
    for (std::size_t f = 0; f < entity.fields.size(); ++f) {
      if (entity.fields[f].kind == ir::FieldKind::Relation) writeRelation(w, schema, entityIndex, f);
    }
  });
}

}  // namespace

void writeModelMeta(CodeWriter& w, const ir::Schema& schema, std::size_t entityIndex) {
  const ir::Entity& entity = schema.entities.at(entityIndex);
  w.emit(
      "template <>\n"
      "struct Model<$type$> {\n"
      "  using Entity = $type$;\n"
      "  static constexpr std::string_view name = $name$;\n"
      "  static constexpr std::string_view table = $table$;\n",
      {{"type", qualified(schema, entity.cppName)}, {"name", stringView(entity.name)}, {"table", stringView(entity.table)}});
  {
    auto in = w.indent();
    writeModelMetaBody(w, schema, entityIndex);
  }
  w.emit("};\n");
}

}  // namespace ormc::emit::cpp
