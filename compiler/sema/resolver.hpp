// Binding names: each field's type to a built-in scalar, an enum or a model (E0201 with a
// "did you mean", E0317 for lists of non-models, E0318 for bad type arguments), and
// field-name lists in attributes to the model's fields (E0207, E0327).
#pragma once

#include "sema/context.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace ormc::sema {

// Resolves the type of every field of every model; a field whose type fails gets ok = false.
void resolveFieldTypes(Context& ctx);

// Resolves the names of `list` (a List of Names) to fields of `model`. Unknown names are
// E0207 with a "did you mean" (quiet for fields that failed to parse), relation fields are
// E0327, repeated names are E0314; fields whose type failed fail quietly. `where` completes the message:
// "in @@index of model 'User'". Returns nullopt if any name failed.
std::optional<std::vector<std::size_t>> resolveFieldList(Context& ctx, const ModelInfo& model,
                                                         const ast::Expr& list, std::string_view where);

}  // namespace ormc::sema
