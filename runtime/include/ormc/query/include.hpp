// Eager loading (include): after a query has read its entities, each included relation is
// loaded for all of them at once with `WHERE key IN (...)` (select-in), one statement per
// relation (more only when the keys exceed the dialect's parameter limit), never one per row.
// The related objects go into the entities' ToOne / ToMany holders.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/crud.hpp"
#include "ormc/query/instantiation.hpp"
#include "ormc/query/keys.hpp"
#include "ormc/query/projection.hpp"
#include "ormc/query/sql_text.hpp"
#include "ormc/query/table.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ormc::query {

// include(q::User.posts, q::Post.tags): a path of relations, each starting where the last ended.
template <class... Relations>
struct IncludePath {};

namespace detail {

template <class K, class V>
using KeyMap = std::conditional_t<std::is_integral_v<K> || std::is_same_v<K, std::string>, std::unordered_map<K, V>,
                                  std::map<K, V>>;

// The most keys one IN list carries.
inline constexpr std::size_t kMaxKeysPerStatement = 1000;

// No key: a parent whose key is NULL, or a row that matches no parent.
inline constexpr std::size_t kNoKey = static_cast<std::size_t>(-1);

// The distinct key values of a relation's parents, in first-seen order, each with its index.
// Per key type, so one instance serves every relation whose key has that type (the relation
// loaders are compiled once per schema; docs/generated-code.md).
template <class Key>
class KeyIndex {
 public:
  // The index of `key` (added if new), or kNoKey for a NULL key.
  [[gnu::noinline]] std::size_t add(const std::optional<Key>& key) {
    if (!key) return kNoKey;
    auto [it, fresh] = index_.try_emplace(*key, distinct_.size());
    if (fresh) distinct_.push_back(*key);
    return it->second;
  }
  // The index of `key`, or kNoKey if no parent has it.
  [[gnu::noinline]] std::size_t find(const Key& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? kNoKey : it->second;
  }
  const std::vector<Key>& distinct() const noexcept { return distinct_; }

 private:
  std::vector<Key> distinct_;
  KeyMap<Key, std::size_t> index_;
};

// How many parents have each key index (kNoKey not counted).
std::vector<std::size_t> countParents(std::span<const std::size_t> keyOfParent, std::size_t keys);

}  // namespace detail

// Loads relation R of every entity in `parents` and returns the loaded objects, so that a path
// can go on from them. A relation already loaded on every parent is not loaded again.
template <class R>
std::vector<typename R::Target*> loadRelation(Connection& connection, const std::vector<typename R::Entity*>& parents) {
  using Entity = typename R::Entity;
  using Target = typename R::Target;
  constexpr const auto& relation = R::descriptor();
  using Descriptor = std::remove_cvref_t<decltype(relation)>;
  using Local = typename Descriptor::Local;
  using Remote = typename Descriptor::Remote;
  using Key = keys::Value<Local>;
  constexpr bool manyToMany = relation.kind == meta::RelationKind::ManyToMany;
  // Rows are matched to parents by the key value: the target's foreign key (or referenced key),
  // or, for many-to-many, the join table's copy of the parent's key.
  static_assert(manyToMany || std::is_same_v<Key, keys::Value<Remote>>,
                "ormc: a relation's keys have different types on its two sides");

  auto holderOf = [](Entity* parent) -> auto& { return Descriptor::get(*parent); };
  auto collect = [&] {
    std::vector<Target*> loaded;
    for (Entity* parent : parents) {
      auto& holder = holderOf(parent);
      if constexpr (Descriptor::many) {
        for (Target& target : holder) loaded.push_back(&target);
      } else {
        if (holder) loaded.push_back(holder.get());
      }
    }
    return loaded;
  };
  if (std::all_of(parents.begin(), parents.end(), [&](Entity* p) { return holderOf(p).loaded(); })) return collect();

  // The parents' keys; a parent without one (a NULL foreign key) has nothing to load.
  detail::KeyIndex<Key> parentKeys;
  std::vector<std::size_t> keyOfParent;
  keyOfParent.reserve(parents.size());
  for (Entity* parent : parents) keyOfParent.push_back(parentKeys.add(keys::valueOf<Local>(*parent)));
  const std::vector<Key>& distinct = parentKeys.distinct();

  const Dialect& dialect = connection.dialect();
  static constexpr auto remoteColumns = keys::columnNames<Remote>();
  static constexpr auto targetKey =
      keys::columnNames<typename std::remove_cvref_t<decltype(meta::Model<Target>::primaryKey)>::Columns>();
  static constexpr SelectInShape shape = [] {
    SelectInShape out{};
    out.table = meta::Model<Target>::table;
    out.columns = columnNamesOf<Target>;
    out.primaryKey = targetKey;
    out.manyToMany = manyToMany;
    if constexpr (manyToMany) {
      out.keyTable = R::descriptor().joinTable;
      out.keyColumns = R::descriptor().joinColumns;
      out.joinTargetColumns = R::descriptor().joinTargetColumns;
      out.targetColumns = remoteColumns;
    } else {
      out.keyTable = meta::Model<Target>::table;
      out.keyColumns = remoteColumns;
    }
    return out;
  }();
  const std::size_t perStatement =
      std::max<std::size_t>(1, std::min(detail::kMaxKeysPerStatement, dialect.maxParameters() / Local::size));

  // The rows read, by the index of the key they belong to.
  std::vector<std::vector<Target>> related(distinct.size());
  for (std::size_t start = 0; start < distinct.size(); start += perStatement) {
    const std::size_t n = std::min(perStatement, distinct.size() - start);
    const std::string sql = renderSelectIn(dialect, shape, n);
    PreparedStatement statement = connection.prepare(sql);
    int index = 1;
    for (std::size_t i = start; i < start + n; ++i) index = keys::bind(*statement, distinct[i], index);
    while (statement->step()) {
      if constexpr (manyToMany) {
        // The key comes first, so the row is read straight into its place.
        const std::size_t key = parentKeys.find(keys::read<Key>(*statement, 0));
        if (key == detail::kNoKey) continue;
        crud::readRow(*statement, related[key].emplace_back(), static_cast<int>(Local::size));
      } else {
        Target target{};
        crud::readRow(*statement, target, 0);
        const std::optional<Key> value = keys::valueOf<Remote>(target);
        const std::size_t key = value ? parentKeys.find(*value) : detail::kNoKey;
        if (key != detail::kNoKey) related[key].push_back(std::move(target));
      }
    }
  }

  // Each key's rows go to its parents: copied to all but the last, which takes them.
  std::vector<std::size_t> parentsLeft = detail::countParents(keyOfParent, distinct.size());
  for (std::size_t p = 0; p < parents.size(); ++p) {
    auto& holder = holderOf(parents[p]);
    const std::size_t key = keyOfParent[p];
    if (key == detail::kNoKey) {
      if constexpr (Descriptor::many) {
        holder.assign({});
      } else {
        holder.setEmpty();
      }
      continue;
    }
    std::vector<Target>& rows = related[key];
    const bool last = --parentsLeft[key] == 0;
    if constexpr (Descriptor::many) {
      holder.assign(last ? std::move(rows) : rows);
    } else {
      if (rows.empty()) {
        holder.setEmpty();
      } else {
        holder.set(last ? std::move(rows.front()) : rows.front());
      }
    }
  }
  return collect();
}

// Loads a path of relations starting from `parents`.
template <class First, class... Rest>
void loadPath(Connection& connection, const std::vector<typename First::Entity*>& parents) {
  std::vector<typename First::Target*> loaded = loadRelation<First>(connection, parents);
  if constexpr (sizeof...(Rest) > 0) {
    if (!loaded.empty()) loadPath<Rest...>(connection, loaded);
  }
}

template <class Root, class... Relations>
void loadInclude(Connection& connection, std::vector<Root>& rows, IncludePath<Relations...>) {
  if (rows.empty()) return;
  std::vector<Root*> parents;
  parents.reserve(rows.size());
  for (Root& row : rows) parents.push_back(&row);
  loadPath<Relations...>(connection, parents);
}

}  // namespace ormc::query
