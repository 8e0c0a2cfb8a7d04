// Generated C++ for one schema enum: the `enum class` with to_string/from_string (inside the
// schema's namespace), and its ormc::meta::Enum specialisation (inside ormc::meta).
#pragma once

#include "ir/ir.hpp"
#include "support/code_writer.hpp"

namespace ormc::emit::cpp {

void writeEnum(CodeWriter& writer, const ir::Enum& e);

void writeEnumMeta(CodeWriter& writer, const ir::Schema& schema, const ir::Enum& e);

}  // namespace ormc::emit::cpp
