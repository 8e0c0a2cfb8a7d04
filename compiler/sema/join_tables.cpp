// Join tables of many-to-many relations. See join_tables.hpp.
#include "sema/join_tables.hpp"

#include "sema/naming.hpp"
#include "support/diagnostic_codes.hpp"
#include "support/names.hpp"

#include <fmt/format.h>

namespace ormc::sema {

namespace {

// One column per primary-key column of `model`, prefixed by the model's (or, in a
// self-relation, the field's) snake_case name.
std::vector<JoinColumn> joinColumns(const ModelInfo& model, const std::string& prefix) {
  std::vector<JoinColumn> out;
  for (std::size_t key : model.primaryKey) {
    const FieldInfo& field = model.fields[key];
    out.push_back({prefix + "_" + field.column, field.type.column});
  }
  return out;
}

void nameJoinTable(Context& ctx, RelationInfo& relation) {
  const ModelInfo& owner = ctx.models[relation.ownerModel];
  const ModelInfo& inverse = ctx.models[relation.inverseModel];
  const FieldInfo& ownerField = owner.fields[relation.ownerField];
  const FieldInfo& inverseField = inverse.fields[relation.inverseField];
  const RelationArgs& args = ownerField.attrs.relationArgs;
  bool named = !args.name.empty();
  bool self = relation.ownerModel == relation.inverseModel;

  relation.joinEntityName = relation.name;
  relation.joinTable = named ? names::snakeCase(args.name)
                             : names::snakeCase(owner.name()) + "_" + names::snakeCase(inverse.name());
  SourceRange where = named ? args.nameRange : ownerField.decl->name.range;
  relation.ownerColumns = joinColumns(owner, names::snakeCase(self ? ownerField.name() : owner.name()));
  relation.inverseColumns = joinColumns(inverse, names::snakeCase(self ? inverseField.name() : inverse.name()));

  checkNameLength(ctx, relation.joinTable, where, fmt::format("join table name '{}'", relation.joinTable),
                  named ? "choose a shorter relation name" : "name the relation: @relation(\"Name\") on both sides");
  claimTable(ctx, relation.joinTable, where, fmt::format("the many-to-many relation '{}'", relation.name),
             named ? "choose another relation name" : "name the relation: @relation(\"Name\") on both sides");

  // The join table's entity shares the namespace of models (emitters name types after it).
  if (const Symbol* clash = ctx.symbols.find(relation.joinEntityName)) {
    ctx.diags.error(codes::kDuplicateDeclaration, where,
                    fmt::format("the join table of relation '{}' has the same name as {} '{}'", relation.name,
                                clash->kind == SymbolKind::Model ? "model" : "enum", relation.joinEntityName))
        .addNote(clash->range, fmt::format("'{}' is defined here", relation.joinEntityName))
        .addHelp(named ? "choose another relation name" : "name the relation: @relation(\"Name\") on both sides");
  }
  std::map<std::string, bool> seen;
  for (const auto* columns : {&relation.ownerColumns, &relation.inverseColumns}) {
    for (const JoinColumn& column : *columns) {
      checkNameLength(ctx, column.name, where, fmt::format("join table column name '{}'", column.name),
                      "rename the primary key column with @map");
      if (seen.emplace(foldCase(column.name), true).second) continue;
      ctx.diags.error(codes::kDuplicateColumn, where,
                      fmt::format("join table '{}' of relation '{}' would have two columns named '{}'",
                                  relation.joinTable, relation.name, column.name))
          .addHelp("rename a primary key column of one side with @map");
    }
  }
}

}  // namespace

void nameJoinTables(Context& ctx) {
  for (RelationInfo& relation : ctx.relations) {
    if (relation.kind == ir::RelationKind::ManyToMany) nameJoinTable(ctx, relation);
  }
}

}  // namespace ormc::sema
