// Foreign-key dependency order of tables. See table_order.hpp.
#include "emit/sql/table_order.hpp"

#include <utility>

namespace ormc::emit::sql {

TableOrder orderTables(const ir::Schema& schema) {
  enum class State { New, Open, Done };
  const std::size_t count = schema.entities.size();
  std::vector<State> state(count, State::New);
  TableOrder order;
  order.entities.reserve(count);

  // Each frame is an entity and the next of its foreign keys to follow.
  std::vector<std::pair<std::size_t, std::size_t>> stack;
  for (std::size_t root = 0; root < count; ++root) {
    if (state[root] != State::New) continue;
    state[root] = State::Open;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [entity, next] = stack.back();
      const std::vector<ir::ForeignKey>& keys = schema.entities[entity].foreignKeys;
      if (next == keys.size()) {
        state[entity] = State::Done;
        order.entities.push_back(entity);
        stack.pop_back();
        continue;
      }
      const std::size_t key = next++;
      const std::size_t target = keys[key].targetEntity;
      if (target >= count || target == entity) continue;
      if (state[target] != State::New) continue;  // Open: the key closes a cycle (see below)
      state[target] = State::Open;
      stack.emplace_back(target, 0);  // invalidates `entity` and `next`; not used below
    }
  }

  // The keys that met an open target are exactly those whose target ends up later in the order.
  std::vector<std::size_t> position(count, 0);
  for (std::size_t i = 0; i < order.entities.size(); ++i) position[order.entities[i]] = i;
  for (std::size_t entity : order.entities) {
    const std::vector<ir::ForeignKey>& keys = schema.entities[entity].foreignKeys;
    for (std::size_t key = 0; key < keys.size(); ++key) {
      std::size_t target = keys[key].targetEntity;
      if (target < count && target != entity && position[target] > position[entity]) {
        order.deferred.push_back({entity, key});
      }
    }
  }
  return order;
}

}  // namespace ormc::emit::sql
