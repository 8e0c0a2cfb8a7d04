// The CRUD vocabulary shared by Database and Transaction: db.insert(user), tx.find<User>(1).
// Each call runs on the connection its owner chooses (Owner::withConnection): a Transaction
// its own; a Database the one of the transaction this thread has open on it, else one
// borrowed from its pool for the call.
#pragma once

#include "ormc/crud.hpp"
#include "ormc/meta.hpp"

#include <optional>
#include <ranges>
#include <string_view>

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

 private:
  Owner& owner() { return static_cast<Owner&>(*this); }
};

}  // namespace ormc
