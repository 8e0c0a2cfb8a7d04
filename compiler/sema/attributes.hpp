// Reading attributes: which attribute is which, in which place it is known, and whether its
// arguments have the right shape. Reports E0211 (unknown), E0314 (arguments), E0315 (an
// attribute of another place, e.g. @@map on an enum) and E0316 (repeated). Whether an
// attribute suits the field's type is field_rules' job, once types are resolved.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Fills `field.attrs` from the field's attributes.
void readFieldAttributes(Context& ctx, FieldInfo& field);

// Fills the model's block-attribute lists, table mapping and @@renamed.
void readModelAttributes(Context& ctx, ModelInfo& model);

// Reads an enum value's @map into `value.dbValue` (the value's name otherwise).
void readEnumValueAttributes(Context& ctx, EnumValueInfo& value);

// Enums take no block attributes in v1: reports each one.
void readEnumAttributes(Context& ctx, const EnumInfo& info);

}  // namespace ormc::sema
