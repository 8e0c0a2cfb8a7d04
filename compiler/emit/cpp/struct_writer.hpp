// Generated C++ for one model: the plain struct users fill and read, with its doc comments,
// one member per field in declaration order (stored columns with their @default as initial
// value; relation fields as ormc::ToOne / ormc::ToMany holders). Join tables get no struct.
#pragma once

#include "ir/ir.hpp"
#include "support/code_writer.hpp"

#include <cstddef>

namespace ormc::emit::cpp {

void writeStruct(CodeWriter& writer, const ir::Schema& schema, std::size_t entityIndex);

}  // namespace ormc::emit::cpp
