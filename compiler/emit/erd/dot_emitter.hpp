// IR -> a Graphviz `digraph`: one HTML-table node per table (name, type, PK/FK/UK per column;
// join tables in grey), one edge per foreign key from its column to the referenced column with
// crow's-foot arrows. Node and port ids are positional (t0, in0, out0), so any name is safe.
#pragma once

#include "emit/erd/erd_model.hpp"
#include "ir/ir.hpp"

#include <string>

namespace ormc::emit::erd {

// Deterministic: the same IR gives the same bytes. `dot -Tsvg` renders it.
std::string emitDot(const ir::Schema& schema, const ErdOptions& options);

}  // namespace ormc::emit::erd
