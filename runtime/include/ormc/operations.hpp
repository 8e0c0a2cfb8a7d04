// The CRUD vocabulary shared by Database and Transaction: db.insert(user), tx.find<User>(1).
// Each call runs on the connection its owner chooses (Owner::withConnection): a Transaction
// its own; a Database the one of the transaction this thread has open on it, else one
// borrowed from its pool for the call.
#pragma once

#include "ormc/crud.hpp"
#include "ormc/meta.hpp"
#include "ormc/query/raw.hpp"
#include "ormc/query/select.hpp"
#include "ormc/query/write.hpp"

#include <cstdint>
#include <optional>
#include <ranges>
#include <string_view>
#include <vector>

namespace ormc {

template <class Owner>
class Operations {
 public:
  // INSERTs `entity`; fills its autoincrement key and the client-side defaults (now(), uuid(),
  // @updatedAt).
  template <Entity T>
  void insert(T& entity) {
    owner().withConnection([&](Connection& c) { crud::insert(c, entity); });
  }

  // INSERTs every entity of the range in multi-row statements, all or none.
  template <std::ranges::forward_range R>
    requires Entity<std::ranges::range_value_t<R>>
  void insert_all(R&& entities) {
    owner().withTransaction([&](Connection& c) { crud::insertAll(c, entities); });
  }

  // The entity with primary key `key` (a std::tuple for a composite key), or nullopt.
  template <Entity T>
  std::optional<T> find(const meta::PrimaryKeyType<T>& key) {
    return owner().withConnection([&](Connection& c) { return crud::find<T>(c, key); });
  }

  // UPDATEs the entity's row: sets @updatedAt, checks and bumps @version (StaleObject if the
  // row changed since it was read), NotFound if the row is gone.
  template <Entity T>
  void update(T& entity) {
    owner().withConnection([&](Connection& c) { crud::update(c, entity); });
  }

  // DELETEs the entity's row (version-checked like update); NotFound if the row is gone.
  template <Entity T>
  void remove(const T& entity) {
    owner().withConnection([&](Connection& c) { crud::remove(c, entity); });
  }

  // DELETEs the row with primary key `key`; true if there was one.
  template <Entity T>
  bool remove(const meta::PrimaryKeyType<T>& key) {
    return owner().withConnection([&](Connection& c) { return crud::removeByKey<T>(c, key); });
  }

  // INSERTs, or UPDATEs the row that has the same primary or unique key.
  template <Entity T>
  void upsert(T& entity) {
    owner().withConnection([&](Connection& c) { crud::upsert(c, entity); });
  }

  // Runs a script of SQL statements without parameters (DDL). Never pass values in it: every
  // other call binds them.
  void execute(std::string_view script) {
    owner().withConnection([&](Connection& c) { c.execute(script); });
  }

  // Creates the tables of a generated schema descriptor (`blog::Schema`), all or none where
  // the database can roll DDL back (SQLite).
  template <class Schema>
  void create_all() {
    owner().withConnection([&](Connection& c) { crud::createAll<Schema>(c); });
  }

  // ---- The typed query API (docs/queries.md) ----

  // SELECT of whole entities: db.query<User>().where(q::User.karma > 5).order_by(q::User.name).all().
  template <Entity T>
  auto query() {
    return query::Query<Owner, T, query::EntityProjection<T>>(owner(), query::EntityProjection<T>{});
  }

  // SELECT of columns, whole entities and aggregates, as tuples:
  // db.select(q::User.id, q::User.email).from<User>().all() -> std::vector<std::tuple<int64_t, std::string>>.
  template <class... Items>
  auto select(Items... items) {
    static_assert(sizeof...(Items) > 0, "ormc: select() takes at least one column");
    static_assert((query::SelectItem<Items> && ...),
                  "ormc: select() takes columns (q::User.email), query objects (q::User) and aggregates (count())");
    return query::SelectBuilder<Owner, Items...>(owner(), std::move(items)...);
  }

  // UPDATE by predicate: db.update<User>().set(q::User.karma, q::User.karma + 1).where(...).execute().
  template <Entity T>
  auto update() {
    return query::UpdateQuery<Owner, T>(owner());
  }

  // DELETE by predicate: db.remove<User>().where(q::User.karma < 0).execute().
  template <Entity T>
  auto remove() {
    return query::DeleteQuery<Owner, T>(owner());
  }

  // Links (or unlinks) two entities through a many-to-many relation; returns the rows changed.
  template <auto M>
  std::int64_t link(query::RelationRef<M>, const typename query::RelationRef<M>::Entity& entity,
                    const typename query::RelationRef<M>::Target& target) {
    return owner().withConnection(
        [&](Connection& c) { return query::linkRows<query::RelationRef<M>>(c, entity, target, true); });
  }
  template <auto M>
  std::int64_t unlink(query::RelationRef<M>, const typename query::RelationRef<M>::Entity& entity,
                      const typename query::RelationRef<M>::Target& target) {
    return owner().withConnection(
        [&](Connection& c) { return query::linkRows<query::RelationRef<M>>(c, entity, target, false); });
  }

  // The escape hatch: SQL text written by hand, its values still bound ('?' placeholders), its
  // rows mapped to Row (a generated entity, a std::tuple, or one storable value). The text
  // must never be built from input; pass every value as a parameter.
  template <class Row, class... Params>
  std::vector<Row> raw_query(std::string_view sql, const Params&... params) {
    return owner().withConnection([&](Connection& c) { return query::rawQuery<Row>(c, sql, params...); });
  }
  // Same for a statement without rows; returns the number of rows it changed.
  template <class... Params>
  std::int64_t raw_execute(std::string_view sql, const Params&... params) {
    return owner().withConnection([&](Connection& c) { return query::rawExecute(c, sql, params...); });
  }

 private:
  Owner& owner() { return static_cast<Owner&>(*this); }
};

}  // namespace ormc
