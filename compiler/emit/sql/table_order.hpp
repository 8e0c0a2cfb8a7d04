// The order in which CREATE TABLE statements can run: every table after the tables its foreign
// keys reference, and, where foreign keys form a cycle, the keys that close it. Dialect-free.
#pragma once

#include "ir/ir.hpp"

#include <cstddef>
#include <vector>

namespace ormc::emit::sql {

// A foreign key by position: Schema::entities[entity].foreignKeys[foreignKey].
struct ForeignKeyRef {
  std::size_t entity = 0;
  std::size_t foreignKey = 0;

  friend bool operator==(const ForeignKeyRef&, const ForeignKeyRef&) = default;
};

struct TableOrder {
  std::vector<std::size_t> entities;  // indices into Schema::entities, in creation order
  // Keys whose target comes later in `entities` (they close a cycle), in creation order of
  // their tables. A key of a table to itself is never listed: CREATE TABLE may reference itself.
  std::vector<ForeignKeyRef> deferred;
};

// Depth first from each entity in declaration order, following its foreign keys in order, so
// an acyclic schema that is already in dependency order keeps its declaration order. Every
// entity appears exactly once. Deterministic; iterative, so deep chains cannot overflow the stack.
TableOrder orderTables(const ir::Schema& schema);

}  // namespace ormc::emit::sql
