// The parts of query SQL that depend on names only, not on types: written once, out of line,
// so that each query and each relation instantiates only the little that is its own (the
// compile-time budget of docs/benchmarks.md, "Queries").
#pragma once

#include "ormc/dialect.hpp"
#include "ormc/meta.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <tuple>

namespace ormc::query {

// `"table"."a", "table"."b", ...`.
void renderQualifiedColumns(const Dialect& dialect, std::string& sql, std::string_view table,
                            std::span<const std::string_view> columns);

// What the select-in statement of an include() needs: the target table and its columns, the
// columns its rows are matched by, and, for many-to-many, the join table between.
struct SelectInShape {
  std::string_view table;
  std::span<const std::string_view> columns;     // every column of the target, in order
  std::span<const std::string_view> primaryKey;  // of the target: the order of the rows
  // The columns compared with the parents' keys: the target's own (to-one and to-many), or
  // the join table's (many-to-many, whose statement also selects them first).
  std::string_view keyTable;
  std::span<const std::string_view> keyColumns;
  // Many-to-many only: the join table's columns naming the target, and the target's columns
  // they refer to.
  std::span<const std::string_view> joinTargetColumns;
  std::span<const std::string_view> targetColumns;
  bool manyToMany = false;
};

// SELECT [join keys,] target columns FROM target [JOIN link ON ...] WHERE key IN (?, ...)
// ORDER BY target key, for `keys` parent keys.
std::string renderSelectIn(const Dialect& dialect, const SelectInShape& shape, std::size_t keys);

// The SQL names of T's columns, in declaration order.
template <Entity T>
inline constexpr auto columnNamesOf = std::apply(
    [](const auto&... column) { return std::array<std::string_view, sizeof...(column)>{column.name...}; },
    meta::Model<T>::columns);

}  // namespace ormc::query
