// The IR as indented text: what `ormc ir` prints for people. Deterministic; one line per
// column, key, index, foreign key, check and relation.
#pragma once

#include "ir/ir.hpp"

#include <string>

namespace ormc::ir {

std::string toText(const Schema& schema);

}  // namespace ormc::ir
