// Lowering: the checked semantic model -> ir::Schema. Runs only when analysis reported no
// error, so every name is final and every reference resolved; it reports nothing itself.
#pragma once

#include "ir/ir.hpp"
#include "sema/context.hpp"

namespace ormc::sema {

ir::Schema lower(const Context& ctx);

}  // namespace ormc::sema
