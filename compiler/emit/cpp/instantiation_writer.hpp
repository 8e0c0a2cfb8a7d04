// The query code that generated code compiles once per schema: the entity readers and the
// relation loaders (ormc/query/instantiation.hpp), declared `extern template` in the header and
// instantiated in the source file, so that files running queries do not each compile them.
#pragma once

#include "ir/ir.hpp"
#include "support/code_writer.hpp"

namespace ormc::emit::cpp {

enum class Instantiation { Declaration, Definition };

// Whether the schema has a model, and so anything to instantiate.
bool hasQueryInstantiations(const ir::Schema& schema);

// One line per model and one per relation field, in schema order, inside namespace
// ormc::query.
void writeQueryInstantiations(CodeWriter& w, const ir::Schema& schema, Instantiation kind);

}  // namespace ormc::emit::cpp
