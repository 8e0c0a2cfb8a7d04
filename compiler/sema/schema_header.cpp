// The schema line and the empty compilation. See schema_header.hpp.
#include "sema/schema_header.hpp"

#include "support/diagnostic_codes.hpp"
#include "support/names.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ormc::sema {

namespace {

std::string dotted(const ast::SchemaDecl& schema) {
  std::string out;
  for (const ast::Identifier& part : schema.path) out += (out.empty() ? "" : ".") + part.name;
  return out;
}

SourceRange fileStart(FileId file) {
  SourceLoc start{file, 0};
  return {start, start};
}

void checkNamespaceParts(Context& ctx, const ast::SchemaDecl& schema) {
  for (const ast::Identifier& part : schema.path) {
    if (!names::isCppKeyword(part.name) && !names::isReservedCppIdentifier(part.name)) continue;
    ctx.diags.error(codes::kInvalidName, part.range,
                    fmt::format("'{}' cannot be part of a C++ namespace name", part.name))
        .addHelp("choose another schema name");
  }
}

}  // namespace

bool checkEmptySchema(Context& ctx) {
  bool empty = std::all_of(ctx.files.begin(), ctx.files.end(), [](const ast::File& f) { return f.empty; });
  if (!empty) return false;
  SourceRange where = ctx.files.empty() ? SourceRange{} : fileStart(ctx.files[0].file);
  ctx.diags.warning(codes::kEmptySchema, where, "schema is empty");
  return true;
}

void checkSchemaLines(Context& ctx) {
  if (ctx.files.empty()) return;
  const ast::File& root = ctx.files[0];
  const ast::SchemaDecl* first = root.schema ? &*root.schema : nullptr;
  if (!first) {
    bool declarations = std::any_of(ctx.files.begin(), ctx.files.end(), [](const ast::File& f) {
      return !f.models.empty() || !f.enums.empty();
    });
    // A schema line with a syntax error was reported already.
    if (declarations && !root.schemaBroken) {
      ctx.diags.error(codes::kMissingSchema, fileStart(root.file), "missing `schema` line")
          .addHelp("start the file with e.g. `schema blog;` (it names the C++ namespace)");
    }
  } else {
    for (const ast::Identifier& part : first->path) ctx.namespacePath.push_back(part.name);
    checkNamespaceParts(ctx, *first);
  }
  for (std::size_t i = 1; i < ctx.files.size(); ++i) {
    const ast::File& file = ctx.files[i];
    if (!file.schema) continue;
    if (!first) {
      first = &*file.schema;
      continue;
    }
    if (dotted(*file.schema) == dotted(*first)) continue;
    ctx.diags.error(codes::kConflictingSchema, file.schema->range,
                    fmt::format("schema '{}' differs from schema '{}'", dotted(*file.schema), dotted(*first)))
        .addNote(first->range, fmt::format("schema '{}' is named here", dotted(*first)))
        .addHelp("all files of one compilation belong to one schema; remove this line or make it match");
  }
}

}  // namespace ormc::sema
