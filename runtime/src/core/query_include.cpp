#include "ormc/query/include.hpp"

namespace ormc::query::detail {

RowGroups groupRows(std::span<const std::size_t> keyOfRow, std::size_t keys) {
  RowGroups groups;
  groups.start.assign(keys + 1, 0);
  for (std::size_t key : keyOfRow) {
    if (key != kNoKey) ++groups.start[key + 1];
  }
  for (std::size_t k = 0; k < keys; ++k) groups.start[k + 1] += groups.start[k];
  groups.order.resize(groups.start[keys]);
  std::vector<std::size_t> next(groups.start.begin(), groups.start.end() - 1);
  for (std::size_t row = 0; row < keyOfRow.size(); ++row) {
    if (keyOfRow[row] != kNoKey) groups.order[next[keyOfRow[row]]++] = row;
  }
  return groups;
}

std::vector<std::size_t> countParents(std::span<const std::size_t> keyOfParent, std::size_t keys) {
  std::vector<std::size_t> count(keys, 0);
  for (std::size_t key : keyOfParent) {
    if (key != kNoKey) ++count[key];
  }
  return count;
}

}  // namespace ormc::query::detail
