// The schema descriptor of generated code: one struct per schema that names its models and
// carries the CREATE script per dialect, for ormc::Database::create_all<Schema>().
#pragma once

#include "ir/ir.hpp"
#include "support/code_writer.hpp"

#include <string>

namespace ormc::emit::cpp {

// The descriptor's C++ name: "Schema", with '_' appended while a model or enum has that name.
std::string schemaStructName(const ir::Schema& schema);

// The declaration, inside the schema's namespace (header).
void writeSchemaStruct(CodeWriter& w, const ir::Schema& schema);

// The definition of its createScript() with both dialects' DDL (source file). `source` is the
// schema file named in the scripts' banners.
void writeSchemaScripts(CodeWriter& w, const ir::Schema& schema, const std::string& source);

}  // namespace ormc::emit::cpp
