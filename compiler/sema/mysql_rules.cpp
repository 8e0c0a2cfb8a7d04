// MySQL key rules. See mysql_rules.hpp.
#include "sema/mysql_rules.hpp"

#include "sema/builtin_types.hpp"
#include "support/diagnostic_codes.hpp"

#include <fmt/format.h>

#include <set>

namespace ormc::sema {

namespace {

constexpr std::size_t kMaxKeyBytes = 3072;  // InnoDB, DYNAMIC row format

// Bytes a column takes in an InnoDB index key.
std::size_t keyBytes(const ir::ColumnType& type) {
  switch (type.kind) {
    case ir::ScalarKind::Bool: return 1;
    case ir::ScalarKind::Int32: return 4;
    case ir::ScalarKind::Int64:
    case ir::ScalarKind::Float64:
    case ir::ScalarKind::DateTime: return 8;
    case ir::ScalarKind::Decimal: return type.precision / 2 + 1;
    case ir::ScalarKind::String: return 4 * static_cast<std::size_t>(type.length);
    case ir::ScalarKind::Date: return 3;
    case ir::ScalarKind::Uuid: return 4 * 36;
    case ir::ScalarKind::Enum: return 2;
    case ir::ScalarKind::Text:
    case ir::ScalarKind::Bytes:
    case ir::ScalarKind::Json: return 0;  // refused before their length matters
  }
  return 0;
}

class MysqlKeyChecker {
 public:
  MysqlKeyChecker(Context& ctx, const ModelInfo& model) : ctx_(ctx), model_(model) {}

  // Checks one key; `what` names it ("the primary key of model 'User'").
  void check(const std::vector<std::size_t>& fields, SourceRange origin, const std::string& what);

 private:
  void reportUnbounded(const FieldInfo& field, SourceRange usage);

  Context& ctx_;
  const ModelInfo& model_;
  std::set<std::size_t> reported_;  // one E0313 per field, however many keys use it
};

void MysqlKeyChecker::reportUnbounded(const FieldInfo& field, SourceRange usage) {
  std::size_t index = model_.findField(field.name());
  if (!reported_.insert(index).second) return;
  std::string type = typeName(ctx_, field.type);
  std::string message = field.type.column.kind == ir::ScalarKind::String
                            ? "String without a length cannot be part of a key or index on MySQL"
                            : fmt::format("{} cannot be part of a key or index on MySQL", type);
  Diagnostic& d = ctx_.diags.error(codes::kUnboundedStringKey, field.decl->type.range, std::move(message));
  d.addHelp(field.type.column.kind == ir::ScalarKind::String ? "give it a length, e.g. String(191)"
                                                             : "use String(n) instead, e.g. String(191)");
  d.addNote(usage, fmt::format("field '{}' is used in this key or index", field.name()));
}

void MysqlKeyChecker::check(const std::vector<std::size_t>& fields, SourceRange origin, const std::string& what) {
  std::size_t total = 0;
  bool unbounded = false;
  for (std::size_t index : fields) {
    const FieldInfo& field = model_.fields[index];
    if (isUnboundedForMysql(field.type.column)) {
      reportUnbounded(field, origin);
      unbounded = true;
      continue;
    }
    total += keyBytes(field.type.column);
  }
  if (unbounded || total <= kMaxKeyBytes) return;
  ctx_.diags.error(codes::kIndexTooLong, origin,
                   fmt::format("{} is {} bytes long, more than MySQL's limit of {}", what, total, kMaxKeyBytes))
      .addHelp("shorten the String fields in it (MySQL counts 4 bytes per character)");
}

}  // namespace

void checkMysqlKeys(Context& ctx) {
  if (!ctx.options.targetMysql) return;
  for (const ModelInfo& model : ctx.models) {
    MysqlKeyChecker checker(ctx, model);
    if (model.keyState == KeyState::Valid) {
      checker.check(model.primaryKey, model.primaryKeyOrigin, fmt::format("the primary key of model '{}'", model.name()));
    }
    for (const IndexInfo& index : model.indexes) {
      checker.check(index.fields, index.origin,
                    fmt::format("{} of model '{}'", index.unique ? "a unique constraint" : "an index", model.name()));
    }
    for (std::size_t r : model.foreignKeyRelations) {
      const RelationInfo& relation = ctx.relations[r];
      checker.check(relation.fkFields, relation.origin,
                    fmt::format("the foreign key of relation field '{}'", model.fields[relation.ownerField].name()));
    }
  }
}

}  // namespace ormc::sema
