// The query objects of generated code: per model, a specialisation of ormc::query::Columns<T>
// whose members, named like the struct's, are the model's columns and relations, and one
// constant of it in the schema's `q` namespace, so that queries read `q::User.karma > 5` and
// can never collide with the entity's own members (docs/queries.md).
#pragma once

#include "ir/ir.hpp"
#include "support/code_writer.hpp"

namespace ormc::emit::cpp {

// The specialisations, at namespace scope after the metadata.
void writeQueryColumns(CodeWriter& w, const ir::Schema& schema);

// The `q` namespace with one constant per model, named like the model.
void writeQueryNamespace(CodeWriter& w, const ir::Schema& schema);

}  // namespace ormc::emit::cpp
