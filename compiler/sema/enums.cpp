// Enum rules. See enums.hpp.
#include "sema/enums.hpp"

#include "sema/attributes.hpp"
#include "sema/naming.hpp"
#include "support/diagnostic_codes.hpp"

#include <fmt/format.h>

namespace ormc::sema {

namespace {

void checkStoredValues(Context& ctx, const EnumInfo& info) {
  std::map<std::string, std::size_t> byFolded;
  for (std::size_t i = 0; i < info.values.size(); ++i) {
    const EnumValueInfo& value = info.values[i];
    if (value.dbValue.empty()) {
      ctx.diags.error(codes::kInvalidName, value.dbValueRange,
                      fmt::format("enum value '{}' cannot be stored as an empty string", value.name()));
      continue;
    }
    auto [it, inserted] = byFolded.emplace(foldCase(value.dbValue), i);
    if (inserted) continue;
    const EnumValueInfo& first = info.values[it->second];
    ctx.diags.error(codes::kDuplicateEnumValue, value.dbValueRange,
                    fmt::format("stored value '{}' of enum value '{}' is already used by enum value '{}'", value.dbValue,
                                value.name(), first.name()))
        .addNote(first.dbValueRange, fmt::format("'{}' is stored as '{}'", first.name(), first.dbValue))
        .addHelp("stored values must differ, ignoring case");
  }
}

}  // namespace

void checkEnums(Context& ctx) {
  for (EnumInfo& info : ctx.enums) {
    readEnumAttributes(ctx, info);
    for (EnumValueInfo& value : info.values) readEnumValueAttributes(ctx, value);
    if (info.values.empty() && !info.incomplete) {
      ctx.diags.error(codes::kEmptyEnum, info.decl->name.range, fmt::format("enum '{}' has no values", info.name()))
          .addHelp("add at least one value");
      continue;
    }
    checkStoredValues(ctx, info);
  }
}

}  // namespace ormc::sema
