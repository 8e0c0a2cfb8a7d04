// The compilation as a whole: the `schema` line that names the C++ namespace (missing in
// the first root file: E0213; two different ones: E0214; a component C++ cannot take:
// E0215) and the empty compilation (W0001).
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// True if every file is empty; then W0001 has been reported at 1:1 of the first file.
bool checkEmptySchema(Context& ctx);

// Sets Context::namespacePath from the first file's `schema` line and checks the others.
void checkSchemaLines(Context& ctx);

}  // namespace ormc::sema
