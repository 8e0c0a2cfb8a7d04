// Generated C++ for one model's metadata: the ormc::meta::Model specialisation (table and
// column names, types per dialect, keys, indexes, foreign keys and relations) that the runtime
// reads at compile time. Written inside `namespace ormc::meta`, after every struct is complete.
// SQL column types come from the dialects of emit/sql, so they match the generated DDL.
#pragma once

#include "ir/ir.hpp"
#include "support/code_writer.hpp"

#include <cstddef>

namespace ormc::emit::cpp {

void writeModelMeta(CodeWriter& writer, const ir::Schema& schema, std::size_t entityIndex);

}  // namespace ormc::emit::cpp
