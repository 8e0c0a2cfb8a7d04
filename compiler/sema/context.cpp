// Lookups on the semantic model. See context.hpp.
#include "sema/context.hpp"

#include <algorithm>

namespace ormc::sema {

bool ModelInfo::isBrokenField(const std::string& name) const {
  return std::find(brokenFieldNames.begin(), brokenFieldNames.end(), name) != brokenFieldNames.end();
}

std::vector<std::string> ModelInfo::fieldNames() const {
  std::vector<std::string> out;
  for (const FieldInfo& field : fields) out.push_back(field.name());
  return out;
}

std::size_t EnumInfo::findValue(const std::string& name) const {
  auto it = valuesByName.find(name);
  return it == valuesByName.end() ? kNone : it->second;
}

std::vector<std::string> EnumInfo::valueNames() const {
  std::vector<std::string> out;
  for (const EnumValueInfo& value : values) out.push_back(value.name());
  return out;
}

}  // namespace ormc::sema
