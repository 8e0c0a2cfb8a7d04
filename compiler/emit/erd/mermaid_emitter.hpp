// IR -> a Mermaid `erDiagram`: one entity per table with typed columns and PK/FK/UK markers,
// one relationship per foreign key in crow's-foot cardinality. Names Mermaid cannot take as
// they are get their offending characters replaced by '_' (a drawing, not a round-trip format).
#pragma once

#include "emit/erd/erd_model.hpp"
#include "ir/ir.hpp"

#include <string>

namespace ormc::emit::erd {

// Deterministic: the same IR gives the same bytes.
std::string emitMermaid(const ir::Schema& schema, const ErdOptions& options);

}  // namespace ormc::emit::erd
