// Constraint names. See constraint_names.hpp.
#include "sema/constraint_names.hpp"

#include "sema/naming.hpp"
#include "support/diagnostic_codes.hpp"
#include "support/names.hpp"

#include <fmt/format.h>

namespace ormc::sema {

namespace {

class ConstraintNamer {
 public:
  explicit ConstraintNamer(Context& ctx) : ctx_(ctx) {}
  void run();

 private:
  void reserveUserNames();
  // A generated name: shortened, then made unique with "_1", "_2", ...
  std::string generate(const std::string& base);
  std::string columnsOf(const ModelInfo& model, const std::vector<std::size_t>& fields) const;
  static std::string columnsOf(const std::vector<JoinColumn>& columns);
  void nameModel(ModelInfo& model);
  void nameRelation(RelationInfo& relation);

  Context& ctx_;
  std::map<std::string, SourceRange> taken_;  // folded name -> where the user chose it
};

std::string ConstraintNamer::columnsOf(const ModelInfo& model, const std::vector<std::size_t>& fields) const {
  std::string out;
  for (std::size_t field : fields) out += (out.empty() ? "" : "_") + model.fields[field].column;
  return out;
}

std::string ConstraintNamer::columnsOf(const std::vector<JoinColumn>& columns) {
  std::string out;
  for (const JoinColumn& column : columns) out += (out.empty() ? "" : "_") + column.name;
  return out;
}

void ConstraintNamer::reserveUserNames() {
  for (ModelInfo& model : ctx_.models) {
    for (IndexInfo& index : model.indexes) {
      if (!index.userName) continue;
      const std::string& name = *index.userName;
      if (name.empty()) {
        ctx_.diags.error(codes::kInvalidName, index.userNameRange, "a constraint name cannot be empty");
        continue;
      }
      checkNameLength(ctx_, name, index.userNameRange, fmt::format("constraint name '{}'", name),
                      "choose a shorter name");
      auto [it, inserted] = taken_.emplace(foldCase(name), index.userNameRange);
      if (!inserted) {
        ctx_.diags.error(codes::kDuplicateConstraintName, index.userNameRange,
                         fmt::format("constraint name '{}' is already used", name))
            .addNote(it->second, fmt::format("'{}' first used here", name));
        continue;
      }
      index.name = name;
    }
  }
}

std::string ConstraintNamer::generate(const std::string& base) {
  std::string name = names::shortenIdentifier(base);
  for (int n = 1; taken_.count(foldCase(name)); ++n) name = names::shortenIdentifier(fmt::format("{}_{}", base, n));
  taken_.emplace(foldCase(name), SourceRange{});
  return name;
}

void ConstraintNamer::nameModel(ModelInfo& model) {
  if (model.keyState == KeyState::Valid) model.primaryKeyName = generate(model.table + "_pkey");
  for (IndexInfo& index : model.indexes) {
    if (index.userName) continue;
    index.name = generate(fmt::format("{}_{}_{}", model.table, columnsOf(model, index.fields), index.unique ? "key" : "idx"));
  }
}

void ConstraintNamer::nameRelation(RelationInfo& relation) {
  const ModelInfo& owner = ctx_.models[relation.ownerModel];
  if (relation.kind != ir::RelationKind::ManyToMany) {
    relation.fkName = generate(fmt::format("{}_{}_fkey", owner.table, columnsOf(owner, relation.fkFields)));
    return;
  }
  const std::string& table = relation.joinTable;
  relation.joinPrimaryKeyName = generate(table + "_pkey");
  relation.joinOwnerFkName = generate(fmt::format("{}_{}_fkey", table, columnsOf(relation.ownerColumns)));
  relation.joinInverseFkName = generate(fmt::format("{}_{}_fkey", table, columnsOf(relation.inverseColumns)));
  relation.joinIndexName = generate(fmt::format("{}_{}_idx", table, columnsOf(relation.inverseColumns)));
}

void ConstraintNamer::run() {
  reserveUserNames();
  // Generated names in IR order: per model its key, indexes, foreign keys and checks,
  // then the join tables, so that any "_1" suffix lands on the later declaration.
  for (ModelInfo& model : ctx_.models) {
    nameModel(model);
    for (std::size_t r : model.foreignKeyRelations) nameRelation(ctx_.relations[r]);
    std::size_t modelChecks = 0;
    for (CheckInfo& check : model.checks) {
      std::string base = check.field != kNone
                             ? fmt::format("{}_{}_check", model.table, model.fields[check.field].column)
                             : fmt::format("{}_check{}", model.table, modelChecks == 0 ? "" : std::to_string(modelChecks));
      if (check.field == kNone) ++modelChecks;
      check.name = generate(base);
    }
  }
  for (RelationInfo& relation : ctx_.relations) {
    if (relation.kind == ir::RelationKind::ManyToMany) nameRelation(relation);
  }
}

}  // namespace

void nameConstraints(Context& ctx) { ConstraintNamer(ctx).run(); }

}  // namespace ormc::sema
