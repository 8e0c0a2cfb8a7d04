// Relation pairing and foreign-key validation. See relations.hpp.
#include "sema/relations.hpp"

#include "sema/arguments.hpp"
#include "sema/builtin_types.hpp"
#include "sema/resolver.hpp"
#include "support/diagnostic_codes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace ormc::sema {

namespace {

constexpr const char* kNameHelp = "name the relation: @relation(\"Name\") on both sides";

SourceRange headRange(const ast::Attribute& attribute) { return {attribute.range.begin, attribute.name.range.end}; }

// "1 field", "2 fields".
std::string count(std::size_t n, std::string_view noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); }

// A relation field: a model and one of its fields.
struct FieldRef {
  std::size_t model = kNone;
  std::size_t field = kNone;
  friend auto operator<=>(const FieldRef&, const FieldRef&) = default;
};

class RelationAnalyzer {
 public:
  explicit RelationAnalyzer(Context& ctx) : ctx_(ctx) {}
  void run();

 private:
  FieldInfo& info(FieldRef ref) { return ctx_.models[ref.model].fields[ref.field]; }
  ModelInfo& model(FieldRef ref) { return ctx_.models[ref.model]; }
  std::size_t target(FieldRef ref) { return info(ref).type.model; }
  bool hasFields(FieldRef ref) { return info(ref).attrs.relationArgs.fields != nullptr; }
  bool isList(FieldRef ref) { return info(ref).type.list; }
  const std::string& relationName(FieldRef ref) { return info(ref).attrs.relationArgs.name; }
  // "'author' of model 'Post'"
  std::string describe(FieldRef ref) { return fmt::format("'{}' of model '{}'", info(ref).name(), model(ref).name()); }
  SourceRange nameRange(FieldRef ref) { return info(ref).decl->name.range; }

  void collect();
  void checkArgumentPlacement(FieldRef ref);
  void analyzeGroup(const std::vector<FieldRef>& group);
  void reportAmbiguity(const std::vector<FieldRef>& crowded, const std::vector<FieldRef>& opposite);
  void pairSingle(FieldRef a);
  void pairTwo(FieldRef a, FieldRef b);
  void makeForeignKey(FieldRef owner, std::optional<FieldRef> inverse);
  // Checks the foreign keys of fields that cannot be paired, so their own mistakes are
  // reported in the same run.
  void validateUnpaired(const std::vector<FieldRef>& group);
  bool checkInverse(FieldRef inverse, FieldRef owner, bool oneToOne);
  void makeManyToMany(FieldRef a, FieldRef b);

  // Foreign-key validation.
  struct ForeignKey {
    std::vector<std::size_t> fields;
    std::vector<std::size_t> references;
  };
  std::optional<ForeignKey> resolveForeignKey(FieldRef owner);
  bool checkReferenceTypes(FieldRef owner, const ForeignKey& fk);
  bool checkReferencesUnique(FieldRef owner, const ForeignKey& fk);
  bool checkOptionality(FieldRef owner, const ForeignKey& fk);
  bool checkActions(FieldRef owner, const ForeignKey& fk, RelationInfo& relation);
  bool isUniqueIn(const ModelInfo& m, const std::vector<std::size_t>& fields, bool exact, bool ordered);

  Context& ctx_;
  std::vector<FieldRef> fields_;  // every relation field, in declaration order
  std::set<FieldRef> failed_;     // reported already (or malformed): stay quiet about them
  // Model pairs with a malformed @relation, whose name may be the one a partner looks for.
  std::set<std::pair<std::size_t, std::size_t>> unsurePairs_;
  std::pair<std::size_t, std::size_t> pairOf(FieldRef ref) {
    return {std::min(ref.model, target(ref)), std::max(ref.model, target(ref))};
  }
};

void RelationAnalyzer::collect() {
  for (std::size_t m = 0; m < ctx_.models.size(); ++m) {
    for (std::size_t f = 0; f < ctx_.models[m].fields.size(); ++f) {
      const FieldInfo& field = ctx_.models[m].fields[f];
      if (!field.ok || !field.isRelation()) continue;
      FieldRef ref{m, f};
      fields_.push_back(ref);
      if (!field.attrs.relationArgs.valid) {
        failed_.insert(ref);
        unsurePairs_.insert(pairOf(ref));
      }
      checkArgumentPlacement(ref);
    }
  }
}

// fields:/references: belong on the to-one side that holds the key; actions go with them.
void RelationAnalyzer::checkArgumentPlacement(FieldRef ref) {
  const RelationArgs& args = info(ref).attrs.relationArgs;
  if (isList(ref) && (args.fields || args.references)) {
    const ast::Expr* list = args.fields ? args.fields : args.references;
    ctx_.diags.error(codes::kManyToManyFields, list->range,
                     fmt::format("list relation field {} cannot have fields: or references:", describe(ref)))
        .addHelp("the foreign key belongs on the other side; a many-to-many relation gets a join table");
    failed_.insert(ref);
    return;
  }
  if (args.fields) return;
  for (auto [given, range, name] : {std::tuple{args.onDelete.has_value(), args.onDeleteRange, "onDelete"},
                                    std::tuple{args.onUpdate.has_value(), args.onUpdateRange, "onUpdate"}}) {
    if (!given) continue;
    ctx_.diags.error(codes::kAttributeArguments, range,
                     fmt::format("'{}' needs 'fields:' on relation field {}", name, describe(ref)))
        .addHelp("put the action on the relation field that holds the foreign key");
  }
}

void RelationAnalyzer::reportAmbiguity(const std::vector<FieldRef>& crowded, const std::vector<FieldRef>& opposite) {
  const std::string& name = relationName(crowded[0]);
  bool inverseReported = false;
  for (FieldRef v : opposite) {
    if (hasFields(v)) continue;
    Diagnostic& d = ctx_.diags.error(codes::kInverseAmbiguous, nameRange(v),
                                     fmt::format("relation field {} could pair with several relation fields of "
                                                 "model '{}'",
                                                 describe(v), model(crowded[0]).name()));
    for (FieldRef candidate : crowded) d.addNote(nameRange(candidate), fmt::format("'{}' is one", info(candidate).name()));
    d.addHelp(name.empty() ? kNameHelp : "give each relation its own name");
    inverseReported = true;
  }
  if (inverseReported) return;
  for (std::size_t i = 1; i < crowded.size(); ++i) {
    std::string message =
        name.empty()
            ? fmt::format("several relations join models '{}' and '{}', so each needs a name", model(crowded[i]).name(),
                          ctx_.models[target(crowded[i])].name())
            : fmt::format("relation name '{}' is used by more than one relation field of model '{}'", name,
                          model(crowded[i]).name());
    ctx_.diags.error(codes::kAmbiguousRelation, nameRange(crowded[i]), std::move(message))
        .addNote(nameRange(crowded[0]), fmt::format("'{}' is another one", info(crowded[0]).name()))
        .addHelp(name.empty() ? kNameHelp : "give each relation its own name");
  }
}

void RelationAnalyzer::analyzeGroup(const std::vector<FieldRef>& group) {
  if (std::any_of(group.begin(), group.end(), [&](FieldRef r) { return failed_.count(r) > 0; })) return;
  bool self = target(group[0]) == group[0].model;
  const std::string& name = relationName(group[0]);
  if (self && name.empty()) {
    for (FieldRef ref : group) {
      ctx_.diags.error(codes::kAmbiguousRelation, nameRange(ref),
                       fmt::format("relation field {} refers to its own model, so the relation needs a name",
                                   describe(ref)))
          .addHelp(kNameHelp);
    }
    validateUnpaired(group);
    return;
  }
  if (self) {
    if (group.size() <= 2) {
      if (group.size() == 1) pairSingle(group[0]);
      else pairTwo(group[0], group[1]);
      return;
    }
    // Three or more fields of one model share a name: each field without fields: could
    // pair with any of the others.
    bool inverseReported = false;
    for (FieldRef v : group) {
      if (hasFields(v)) continue;
      std::vector<FieldRef> others;
      for (FieldRef r : group) {
        if (r != v) others.push_back(r);
      }
      reportAmbiguity(others, {v});
      inverseReported = true;
    }
    if (!inverseReported) reportAmbiguity(group, {});
    validateUnpaired(group);
    return;
  }
  std::vector<FieldRef> sideA, sideB;
  for (FieldRef r : group) (r.model == group[0].model ? sideA : sideB).push_back(r);
  if (sideA.size() <= 1 && sideB.size() <= 1) {
    if (sideB.empty()) pairSingle(sideA[0]);
    else pairTwo(sideA[0], sideB[0]);
    return;
  }
  if (sideA.size() > 1) reportAmbiguity(sideA, sideB);
  if (sideB.size() > 1) reportAmbiguity(sideB, sideA);
  validateUnpaired(group);
}

void RelationAnalyzer::pairSingle(FieldRef a) {
  const std::string& targetName = ctx_.models[target(a)].name();
  if (hasFields(a)) return makeForeignKey(a, std::nullopt);
  // The partner may be the malformed @relation, or a field that failed to parse.
  if (unsurePairs_.count(pairOf(a)) || ctx_.models[target(a)].incomplete) return;
  if (isList(a)) {
    const std::string& name = relationName(a);
    ctx_.diags.error(codes::kInverseUnpaired, nameRange(a),
                     name.empty() ? fmt::format("relation field {} has no partner in model '{}'", describe(a), targetName)
                                  : fmt::format("relation field {} has no partner named '{}' in model '{}'", describe(a),
                                                name, targetName))
        .addHelp(fmt::format("add a relation field of type '{0}' to model '{1}': with @relation(fields: [...], "
                             "references: [...]) for one-to-many, or '{0}[]' for many-to-many",
                             model(a).name(), targetName));
    return;
  }
  ctx_.diags.error(codes::kRelationMissing, nameRange(a),
                   fmt::format("relation field {} has no foreign key fields and no partner in model '{}'", describe(a),
                               targetName))
      .addHelp(fmt::format("declare the foreign key, e.g. @relation(fields: [{}Id], references: [id])", info(a).name()));
}

void RelationAnalyzer::pairTwo(FieldRef a, FieldRef b) {
  bool fa = hasFields(a), fb = hasFields(b);
  if (fa && fb) {
    ctx_.diags.error(codes::kRelationFieldsBothSides, headRange(*info(b).attrs.relationArgs.attribute),
                     fmt::format("relation fields {} and {} both declare foreign key fields", describe(a), describe(b)))
        .addNote(headRange(*info(a).attrs.relationArgs.attribute), "the other side's @relation is here")
        .addHelp("keep fields: and references: on the side that holds the foreign key, or give the two relations "
                 "different names");
    validateUnpaired({a, b});
    return;
  }
  if (fa) return makeForeignKey(a, b);
  if (fb) return makeForeignKey(b, a);
  if (isList(a) && isList(b)) return makeManyToMany(a, b);
  if (isList(a) != isList(b)) {
    FieldRef single = isList(a) ? b : a, list = isList(a) ? a : b;
    ctx_.diags.error(codes::kRelationMissing, nameRange(single),
                     fmt::format("relation field {} has no foreign key fields, and its partner '{}' is a list",
                                 describe(single), info(list).name()))
        .addHelp(fmt::format("declare the foreign key on '{}', e.g. @relation(fields: [{}Id], references: [id])",
                             info(single).name(), info(single).name()));
    return;
  }
  ctx_.diags.error(codes::kRelationMissing, nameRange(a),
                   fmt::format("neither relation field {} nor its partner {} declares foreign key fields", describe(a),
                               describe(b)))
      .addHelp("declare the foreign key on the side that holds it: @relation(fields: [...], references: [...])");
}

// True if some unique constraint (or the primary key) of `m` covers `fields`: with `exact`,
// on exactly those fields (`ordered`: in that order); otherwise on a subset of them.
bool RelationAnalyzer::isUniqueIn(const ModelInfo& m, const std::vector<std::size_t>& fields, bool exact, bool ordered) {
  auto matches = [&](const std::vector<std::size_t>& key) {
    if (key.empty()) return false;
    if (ordered) return key == fields;
    std::vector<std::size_t> a = key, b = fields;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (exact) return a == b;
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
  };
  if (m.keyState == KeyState::Valid && matches(m.primaryKey)) return true;
  return std::any_of(m.indexes.begin(), m.indexes.end(),
                     [&](const IndexInfo& index) { return index.unique && matches(index.fields); });
}

std::optional<RelationAnalyzer::ForeignKey> RelationAnalyzer::resolveForeignKey(FieldRef owner) {
  const RelationArgs& args = info(owner).attrs.relationArgs;
  ModelInfo& targetModel = ctx_.models[target(owner)];
  auto fields = resolveFieldList(ctx_, model(owner), *args.fields,
                                 fmt::format("in the fields of relation field '{}'", info(owner).name()));
  std::optional<std::vector<std::size_t>> references;
  if (args.references) {
    references = resolveFieldList(ctx_, targetModel, *args.references,
                                  fmt::format("in the references of relation field '{}' (model '{}')",
                                              info(owner).name(), targetModel.name()));
  } else if (targetModel.keyState == KeyState::Valid) {
    references = targetModel.primaryKey;
  }
  if (!fields || !references) return std::nullopt;
  if (fields->size() != references->size()) {
    SourceRange range = args.references ? args.references->range : args.fields->range;
    Diagnostic& d = ctx_.diags.error(
        codes::kRelationArity, range,
        args.references
            ? fmt::format("relation field {} lists {} but {}", describe(owner), count(fields->size(), "field"),
                          count(references->size(), "reference"))
            : fmt::format("relation field {} lists {}, but the primary key of model '{}' has {}", describe(owner),
                          count(fields->size(), "field"), targetModel.name(), references->size()));
    if (!args.references) d.addHelp("list the referenced fields: references: [...]");
    return std::nullopt;
  }
  return ForeignKey{*fields, *references};
}

bool RelationAnalyzer::checkReferenceTypes(FieldRef owner, const ForeignKey& fk) {
  const RelationArgs& args = info(owner).attrs.relationArgs;
  const ModelInfo& targetModel = ctx_.models[target(owner)];
  bool ok = true;
  for (std::size_t i = 0; i < fk.fields.size(); ++i) {
    const FieldInfo& local = model(owner).fields[fk.fields[i]];
    const FieldInfo& remote = targetModel.fields[fk.references[i]];
    if (local.type.column == remote.type.column) continue;
    std::string remoteType = typeName(ctx_, remote.type);
    ctx_.diags.error(codes::kRelationTypeMismatch, args.fields->children[i].range,
                     fmt::format("foreign key field '{}' has type {}, but the field it references, '{}.{}', has type {}",
                                 local.name(), typeName(ctx_, local.type), targetModel.name(), remote.name(), remoteType))
        .addNote(remote.decl->type.range, fmt::format("'{}.{}' is declared here", targetModel.name(), remote.name()))
        .addHelp(fmt::format("change the type of '{}' to {}", local.name(), remoteType));
    ok = false;
  }
  return ok;
}

bool RelationAnalyzer::checkReferencesUnique(FieldRef owner, const ForeignKey& fk) {
  const RelationArgs& args = info(owner).attrs.relationArgs;
  if (!args.references) return true;  // the primary key, by definition unique
  const ModelInfo& targetModel = ctx_.models[target(owner)];
  // A key the target no longer has (it failed) would make this a follow-on error.
  if (targetModel.keyState == KeyState::Failed) return false;
  if (isUniqueIn(targetModel, fk.references, true, false)) {
    // MySQL needs an index whose leading columns are the referenced ones, in order.
    if (!ctx_.options.targetMysql || isUniqueIn(targetModel, fk.references, true, true)) return true;
    ctx_.diags.error(codes::kReferencesNotUnique, args.references->range,
                     fmt::format("the references of relation field {} must be listed in the order of the unique "
                                 "key of model '{}'",
                                 describe(owner), targetModel.name()))
        .addHelp("MySQL needs the referenced fields in the order of their key; reorder fields: and references: "
                 "together");
    return false;
  }
  std::string names;
  for (const ast::Expr& item : args.references->children) names += (names.empty() ? "" : ", ") + item.text;
  ctx_.diags.error(codes::kReferencesNotUnique, args.references->range,
                   fmt::format("the references of relation field {} are not unique in model '{}'", describe(owner),
                               targetModel.name()))
      .addHelp(fk.references.size() == 1
                   ? fmt::format("reference the primary key, or mark '{}' with @unique in model '{}'", names,
                                 targetModel.name())
                   : fmt::format("reference the primary key, or add @@unique([{}]) to model '{}'", names,
                                 targetModel.name()));
  return false;
}

bool RelationAnalyzer::checkOptionality(FieldRef owner, const ForeignKey& fk) {
  const FieldInfo& relation = info(owner);
  bool optional = relation.type.optional;
  for (std::size_t index : fk.fields) {
    const FieldInfo& field = model(owner).fields[index];
    if (field.type.optional == optional) continue;
    std::string fieldType = typeName(ctx_, field.type);
    std::string targetName = ctx_.models[target(owner)].name();
    Diagnostic& d =
        optional ? ctx_.diags.error(codes::kRelationOptionality, relation.decl->type.range,
                                    fmt::format("optional relation field {} needs nullable foreign key fields, but "
                                                "'{}' is required",
                                                describe(owner), field.name()))
                 : ctx_.diags.error(codes::kRelationOptionality, relation.decl->type.range,
                                    fmt::format("required relation field {} needs non-null foreign key fields, but "
                                                "'{}' is nullable",
                                                describe(owner), field.name()));
    d.addNote(field.decl->type.range, fmt::format("'{}' is declared here", field.name()));
    d.addHelp(optional ? fmt::format("write '{} {}?', or make the relation required: '{}'", field.name(), fieldType,
                                     targetName)
                       : fmt::format("write '{} {}', or make the relation optional: '{}?'", field.name(), fieldType,
                                     targetName));
    return false;
  }
  return true;
}

bool RelationAnalyzer::checkActions(FieldRef owner, const ForeignKey& fk, RelationInfo& relation) {
  const RelationArgs& args = info(owner).attrs.relationArgs;
  bool nullable = std::all_of(fk.fields.begin(), fk.fields.end(),
                              [&](std::size_t i) { return model(owner).fields[i].type.optional; });
  relation.onDelete = args.onDelete.value_or(nullable ? ir::ReferentialAction::SetNull : ir::ReferentialAction::Restrict);
  relation.onUpdate = args.onUpdate.value_or(ir::ReferentialAction::Cascade);
  if (nullable) return true;
  bool ok = true;
  for (auto [action, range, name] : {std::tuple{args.onDelete, args.onDeleteRange, "onDelete"},
                                     std::tuple{args.onUpdate, args.onUpdateRange, "onUpdate"}}) {
    if (action != ir::ReferentialAction::SetNull) continue;
    ctx_.diags.error(codes::kImpossibleAction, range,
                     fmt::format("{}: SetNull needs nullable foreign key fields, but relation field {} has required "
                                 "ones",
                                 name, describe(owner)))
        .addHelp("make the foreign key fields nullable and the relation optional, or choose another action");
    ok = false;
  }
  return ok;
}

void RelationAnalyzer::validateUnpaired(const std::vector<FieldRef>& group) {
  for (FieldRef ref : group) {
    if (!hasFields(ref) || isList(ref)) continue;
    std::optional<ForeignKey> fk = resolveForeignKey(ref);
    if (!fk) continue;
    checkReferenceTypes(ref, *fk);
    checkReferencesUnique(ref, *fk);
    RelationInfo unused;
    if (checkOptionality(ref, *fk)) checkActions(ref, *fk, unused);
  }
}

void RelationAnalyzer::makeForeignKey(FieldRef owner, std::optional<FieldRef> inverse) {
  std::optional<ForeignKey> fk = resolveForeignKey(owner);
  if (!fk) return;
  RelationInfo relation;
  bool ok = checkReferenceTypes(owner, *fk);
  ok = checkReferencesUnique(owner, *fk) && ok;
  // A wrong optionality explains a wrong SetNull too: report one of them.
  if (checkOptionality(owner, *fk)) ok = checkActions(owner, *fk, relation) && ok;
  else ok = false;
  bool oneToOne = isUniqueIn(model(owner), fk->fields, false, false);
  if (inverse && !checkInverse(*inverse, owner, oneToOne)) ok = false;
  if (!ok) return;
  const RelationArgs& args = info(owner).attrs.relationArgs;
  relation.kind = oneToOne ? ir::RelationKind::OneToOne : ir::RelationKind::ManyToOne;
  relation.name = args.name.empty() ? model(owner).name() + "To" + ctx_.models[target(owner)].name() : args.name;
  relation.ownerModel = owner.model;
  relation.ownerField = owner.field;
  relation.inverseModel = target(owner);
  if (inverse) relation.inverseField = inverse->field;
  relation.origin = args.attribute->range;
  relation.fkFields = fk->fields;
  relation.refFields = fk->references;
  ctx_.relations.push_back(std::move(relation));
}

// The inverse of a unique foreign key is a single optional field; of any other, a list.
bool RelationAnalyzer::checkInverse(FieldRef inverse, FieldRef owner, bool oneToOne) {
  const FieldInfo& field = info(inverse);
  std::string ownerModel = model(owner).name();
  std::string partner = fmt::format("{}.{}", ownerModel, info(owner).name());
  if (isList(inverse) && oneToOne) {
    ctx_.diags.error(codes::kInverseCardinality, field.decl->type.range,
                     fmt::format("relation field {} is a list, but its partner '{}' has a unique foreign key "
                                 "(one-to-one)",
                                 describe(inverse), partner))
        .addHelp(fmt::format("write '{} {}?' for a one-to-one, or drop the unique constraint on the foreign key",
                             field.name(), ownerModel));
    return false;
  }
  if (!isList(inverse) && !oneToOne) {
    ctx_.diags.error(codes::kInverseCardinality, field.decl->type.range,
                     fmt::format("relation field {} holds one '{}', but its partner '{}' has a foreign key that is "
                                 "not unique (many-to-one)",
                                 describe(inverse), ownerModel, partner))
        .addHelp(fmt::format("make it a list, '{} {}[]', or mark the foreign key @unique for a one-to-one",
                             field.name(), ownerModel));
    return false;
  }
  if (!isList(inverse) && !field.type.optional) {
    ctx_.diags.error(codes::kRelationOptionality, field.decl->type.range,
                     fmt::format("relation field {} must be optional: a '{}' may exist without a '{}'",
                                 describe(inverse), model(inverse).name(), ownerModel))
        .addHelp(fmt::format("write '{} {}?'", field.name(), ownerModel));
    return false;
  }
  return true;
}

void RelationAnalyzer::makeManyToMany(FieldRef a, FieldRef b) {
  bool ok = true;
  for (FieldRef side : {a, b}) {
    const ModelInfo& keyed = ctx_.models[target(side)];
    if (keyed.keyState == KeyState::Valid) continue;
    ok = false;
    if (keyed.keyState == KeyState::Failed) continue;
    ctx_.diags.error(codes::kManyToManyKey, nameRange(side),
                     fmt::format("many-to-many relation field {} needs a primary key on model '{}'", describe(side),
                                 keyed.name()))
        .addHelp(fmt::format("mark a field of '{}' with @id", keyed.name()));
  }
  if (!ok) return;
  // The ends are ordered by model name, so the join table does not depend on which
  // side was written first; a self-relation keeps declaration order.
  if (model(b).name() < model(a).name()) std::swap(a, b);
  RelationInfo relation;
  relation.kind = ir::RelationKind::ManyToMany;
  const std::string& name = relationName(a);
  relation.name = name.empty() ? model(a).name() + "To" + model(b).name() : name;
  relation.ownerModel = a.model;
  relation.ownerField = a.field;
  relation.inverseModel = b.model;
  relation.inverseField = b.field;
  relation.origin = info(a).decl->range;
  ctx_.relations.push_back(std::move(relation));
}

void RelationAnalyzer::run() {
  collect();
  // Group the fields by (model pair, relation name); std::map keeps the order stable.
  std::map<std::tuple<std::size_t, std::size_t, std::string>, std::vector<FieldRef>> groups;
  for (FieldRef ref : fields_) {
    std::size_t lo = std::min(ref.model, target(ref)), hi = std::max(ref.model, target(ref));
    groups[{lo, hi, relationName(ref)}].push_back(ref);
  }
  for (const auto& [key, group] : groups) analyzeGroup(group);
  std::stable_sort(ctx_.relations.begin(), ctx_.relations.end(), [](const RelationInfo& x, const RelationInfo& y) {
    return std::tie(x.ownerModel, x.ownerField) < std::tie(y.ownerModel, y.ownerField);
  });
  for (std::size_t i = 0; i < ctx_.relations.size(); ++i) {
    const RelationInfo& relation = ctx_.relations[i];
    if (relation.kind != ir::RelationKind::ManyToMany) ctx_.models[relation.ownerModel].foreignKeyRelations.push_back(i);
    ctx_.models[relation.ownerModel].fields[relation.ownerField].relation = i;
    if (relation.inverseField != kNone) ctx_.models[relation.inverseModel].fields[relation.inverseField].relation = i;
  }
}

}  // namespace

void analyzeRelations(Context& ctx) { RelationAnalyzer(ctx).run(); }

}  // namespace ormc::sema
