#include "ormc/query/include.hpp"

namespace ormc::query::detail {

std::vector<std::size_t> countParents(std::span<const std::size_t> keyOfParent, std::size_t keys) {
  std::vector<std::size_t> count(keys, 0);
  for (std::size_t key : keyOfParent) {
    if (key != kNoKey) ++count[key];
  }
  return count;
}

}  // namespace ormc::query::detail
