// Whether each field attribute suits the field it is on, now that types are known:
// column attributes on relation fields and @relation on columns (E0315), @updatedAt off
// DateTime (E0305), @version off a non-null integer (E0306). Keys are keys.cpp's job.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

void checkFieldAttributes(Context& ctx);

}  // namespace ormc::sema
