// The sema entry point: runs the passes in dependency order over one Context, then lowers
// if nothing went wrong. Each pass reports and keeps going, skipping what earlier passes
// already found broken, so one run reports every independent error.
#include "sema/attributes.hpp"
#include "sema/checks.hpp"
#include "sema/constraint_names.hpp"
#include "sema/declarations.hpp"
#include "sema/defaults.hpp"
#include "sema/enums.hpp"
#include "sema/field_rules.hpp"
#include "sema/join_tables.hpp"
#include "sema/keys.hpp"
#include "sema/lower.hpp"
#include "sema/mysql_rules.hpp"
#include "sema/naming.hpp"
#include "sema/relations.hpp"
#include "sema/resolver.hpp"
#include "sema/schema_header.hpp"
#include "sema/sema.hpp"

namespace ormc::sema {

std::optional<ir::Schema> analyze(const std::vector<ast::File>& files, const Options& options,
                                  DiagnosticEngine& diagnostics) {
  Context ctx(files, options, diagnostics);
  if (checkEmptySchema(ctx)) {
    if (diagnostics.hasErrors()) return std::nullopt;
    return ir::Schema{};
  }
  checkSchemaLines(ctx);
  collectDeclarations(ctx);
  checkEnums(ctx);
  resolveFieldTypes(ctx);
  for (ModelInfo& model : ctx.models) {
    for (FieldInfo& field : model.fields) readFieldAttributes(ctx, field);
    readModelAttributes(ctx, model);
  }
  checkFieldAttributes(ctx);
  evaluateDefaults(ctx);
  assignTableAndColumnNames(ctx);
  checkKeys(ctx);
  analyzeRelations(ctx);
  nameJoinTables(ctx);
  analyzeChecks(ctx);
  checkMysqlKeys(ctx);
  nameConstraints(ctx);
  // Errors from earlier stages (syntax) hold back the IR too: broken nodes were skipped.
  if (diagnostics.hasErrors()) return std::nullopt;
  return lower(ctx);
}

}  // namespace ormc::sema
