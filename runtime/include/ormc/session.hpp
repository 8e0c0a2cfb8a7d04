// ormc::Session: a unit of work over a Database (docs/session.md). Application code changes
// tracked objects; flush() writes what changed, in foreign-key order, in the session's
// transaction; commit() makes it durable.
//
//   ormc::Session session(db);
//   auto ada = session.add(blog::User{.email = "ada@example.com"});
//   auto post = session.add(blog::Post{.title = "Engines", .body = "..."});
//   ada.add(q::User.posts, post);                       // post.authorId follows ada.id
//   session.commit();                                   // INSERT users, INSERT post, COMMIT
//   auto user = session.get<blog::User>(ada->id);       // the same object: no query
//   user->set(q::User.karma, 5);                        // UPDATE "users" SET "karma" = ? ...
//
// Ownership: the session's identity map and every Tracked<T> handle share each tracked
// object, so no handle dangles. When the session ends (or the object's row is deleted, or a
// rollback drops an object that was never saved) the object is detached: still readable,
// while any change through its handle throws ormc::Error instead of being lost. A Session
// belongs to one thread, like a Transaction.
#pragma once

#include "ormc/database.hpp"
#include "ormc/error.hpp"
#include "ormc/meta.hpp"
#include "ormc/query/include.hpp"
#include "ormc/query/select.hpp"
#include "ormc/query/table.hpp"
#include "ormc/query/write.hpp"
#include "ormc/session/entry.hpp"
#include "ormc/session/table.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc {

struct SessionOptions {
  // Queries, get() of an object not yet tracked and related() flush pending changes first,
  // so that they see them.
  bool autoflush = true;
};

template <Entity T>
class Tracked;

class Session {
 public:
  explicit Session(Database& database, const SessionOptions& options = {});
  // Rolls back the session's open transaction (what commit() did not make durable is lost)
  // and detaches every tracked object.
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Tracks a new object: INSERTed at the next flush, its autoincrement key and client-side
  // defaults filled in then. Relations are linked through the handle (add(), set()); an
  // entity given with relation holders already filled is refused.
  template <Entity T>
  Tracked<T> add(T entity);

  // DELETEs the object's row at the next flush (a new object is simply forgotten). Related
  // objects this session tracks follow the schema's onDelete: Cascade removes them too (the
  // database's ON DELETE CASCADE deletes their rows with no statement of their own), SetNull
  // clears their foreign key, Restrict / NoAction leave them for the database to refuse.
  template <Entity T>
  void remove(const Tracked<T>& object);

  // The object with this primary key: the one tracked already (no query), else read once.
  template <Entity T>
  std::optional<Tracked<T>> get(const meta::PrimaryKeyType<T>& key);

  // The query API (docs/queries.md) through the session: whole entities come back as
  // Tracked<T>, merged with the identity map (an object tracked already keeps its unflushed
  // changes); include() fills related() without more queries. Selected columns come back as
  // plain tuples.
  template <Entity T>
  auto query() {
    return query::Query<Session, T, query::EntityProjection<T>>(*this, query::EntityProjection<T>{});
  }
  template <class... Items>
  auto select(Items... items) {
    static_assert(sizeof...(Items) > 0, "ormc: select() takes at least one column");
    return query::SelectBuilder<Session, Items...>(*this, std::move(items)...);
  }

  // Writes every pending change: INSERTs parents before children (batched per table), UPDATEs
  // of the changed columns only, many-to-many links, DELETEs children before parents. All or
  // nothing: on failure the database is as before the flush and the objects as before it, so
  // the session can be fixed and flushed again, or rolled back.
  void flush();
  // Flushes, then commits the session's transaction.
  void commit();
  // Rolls back the session's transaction and forgets pending changes: new objects are
  // detached, removed ones come back, and every loaded object is expired (re-read from its row
  // when next used).
  void rollback();

  bool autoflush() const noexcept { return options_.autoflush; }
  void set_autoflush(bool on) noexcept { options_.autoflush = on; }
  // True if a flush would write something.
  bool has_changes() const noexcept;
  // True between the first flush and commit() / rollback().
  bool in_transaction() const noexcept { return transaction_.has_value(); }
  // The number of objects tracked.
  std::size_t size() const noexcept;
  Database& database() noexcept { return database_; }

  // ---- For the query API (Query<Session, ...>) ----
  template <class F>
  decltype(auto) withConnection(F&& work) {
    autoflushNow();
    return withConnectionNoFlush(std::forward<F>(work));
  }
  ConnectionHandle connectionHandle() {
    autoflushNow();
    if (transaction_) return ConnectionHandle(transaction_->connection());
    return database_.connectionHandle();
  }
  template <class Row>
  using Adopted = Tracked<Row>;
  template <Entity T>
  std::vector<Tracked<T>> adopt(std::vector<T> rows);

 private:
  template <Entity>
  friend class Tracked;

  // A many-to-many link or unlink waiting for the next flush.
  struct LinkChange {
    const void* relation;
    std::shared_ptr<tracking::EntryBase> from;
    std::shared_ptr<tracking::EntryBase> to;
    bool link;
    void (*write)(Connection&, const tracking::EntryBase&, const tracking::EntryBase&, bool);
  };

  template <class F>
  decltype(auto) withConnectionNoFlush(F&& work) {
    if (transaction_) return work(transaction_->connection());
    return database_.withConnection(std::forward<F>(work));
  }
  void autoflushNow() {
    if (options_.autoflush && !flushing_) flush();
  }

  template <Entity T>
  tracking::Table<T>& table();
  tracking::TableBase* findTable(const void* tag) const noexcept;
  void addTable(std::unique_ptr<tracking::TableBase> table);
  // Tables with parents before children.
  std::vector<tracking::TableBase*> flushOrder() const;

  template <Entity T>
  tracking::EntryPtr<T> adoptRow(T&& row);
  template <Entity T>
  void refresh(const tracking::EntryPtr<T>& entry);
  template <Entity T>
  void ensureMine(const tracking::EntryPtr<T>& entry) const;
  void removeEntry(tracking::TableBase& table, const std::shared_ptr<tracking::EntryBase>& entry, const void* value,
                   bool byDatabase);
  void changeLink(LinkChange change);
  void writeLinks(Connection& connection);
  void endTransaction(bool committed);

  template <auto M>
  auto related(const tracking::EntryPtr<meta::OwnerOf<M>>& entry);

  Database& database_;
  SessionOptions options_;
  std::optional<ConnectionHandle> connection_;  // held while the transaction is open
  std::optional<Transaction> transaction_;
  std::vector<std::unique_ptr<tracking::TableBase>> tables_;  // in the order first used
  std::vector<LinkChange> links_;
  std::uint64_t generation_ = 1;  // bumped whenever cached related objects may be stale
  std::uint64_t sequence_ = 0;
  bool flushing_ = false;
};

// A handle to an object tracked by a Session. Reads are const (`user->email`, `*user`);
// writes go through set(), so that the session knows what changed without comparing rows.
// Copies share the object; == compares identity.
template <Entity T>
class Tracked {
 public:
  // An empty handle; using it throws.
  Tracked() = default;

  const T& operator*() const { return read(); }
  const T* operator->() const { return &read(); }
  const T& value() const { return read(); }

  TrackedState state() const {
    checkNotEmpty();
    return entry_->state;
  }
  // True if a column was set since the last flush.
  bool changed() const {
    checkNotEmpty();
    return entry_->changed.any();
  }
  template <auto M>
  bool changed(query::Column<M>) const {
    static_assert(std::is_same_v<meta::OwnerOf<M>, T>, "ormc: changed() asks about a column of this object's model");
    checkNotEmpty();
    return entry_->changed.test(meta::columnIndex<M>);
  }

  // Sets a column: a value of its type (std::nullopt for a nullable one). Checked at compile
  // time like set() of an update query; the primary key of a saved object and @version are
  // not set by hand.
  template <auto M, class V>
  Tracked& set(query::Column<M>, V&& value);

  // Edits the object in place with `edit(T&)`, then compares column by column to learn what
  // changed: for several fields at once, or code that takes a T&.
  template <class F>
  Tracked& modify(F&& edit);

  // The related object(s): std::vector<Tracked<Target>> for a to-many relation,
  // std::optional<Tracked<Target>> for a to-one. Read once through the session and kept until
  // the next flush, link change or rollback; include() in a session query fills it.
  template <auto M>
  auto related(query::RelationRef<M>) const;

  // To-many relations. One-to-many: `target`'s foreign key takes this object's key at the next
  // flush (a post moves to this user). Many-to-many: the join row is inserted (or deleted).
  template <auto M>
  Tracked& add(query::RelationRef<M>, const Tracked<typename query::RelationRef<M>::Target>& target);
  // One-to-many: clears `target`'s foreign key (only if it may be NULL; otherwise give the
  // target another parent, or remove it). Many-to-many: deletes the join row.
  template <auto M>
  Tracked& remove(query::RelationRef<M>, const Tracked<typename query::RelationRef<M>::Target>& target);
  // To-one relations: this object's (or, for the inverse side, `target`'s) foreign key takes
  // the other's key at the next flush; std::nullopt clears a nullable foreign key.
  template <auto M>
  Tracked& set(query::RelationRef<M>, const Tracked<typename query::RelationRef<M>::Target>& target);
  template <auto M>
  Tracked& set(query::RelationRef<M>, std::nullopt_t);

  friend bool operator==(const Tracked& a, const Tracked& b) noexcept { return a.entry_ == b.entry_; }

 private:
  friend class Session;
  template <Entity>
  friend class Tracked;

  explicit Tracked(tracking::EntryPtr<T> entry) noexcept : entry_(std::move(entry)) {}

  void checkNotEmpty() const {
    if (!entry_) throw Error("ormc: this Tracked<" + std::string(meta::Model<T>::name) + "> handle is empty");
  }
  const T& read() const;
  template <auto M, class V>
  void assign(V&& value);
  // Links (or unlinks) `target` through many-to-many relation M at the next flush.
  template <auto M>
  void changeJoinRow(const Tracked<typename query::RelationRef<M>::Target>& target, bool link);
  // The entry, checked to be open for changes.
  tracking::Entry<T>& writable() const;
  Session& session() const;

  tracking::EntryPtr<T> entry_;
};

// ---- Session ----

template <Entity T>
tracking::Table<T>& Session::table() {
  if (tracking::TableBase* found = findTable(tracking::tagOf<T>())) return static_cast<tracking::Table<T>&>(*found);
  auto created = std::make_unique<tracking::Table<T>>(*this);
  tracking::Table<T>& out = *created;
  addTable(std::move(created));
  return out;
}

template <Entity T>
Tracked<T> Session::add(T entity) {
  meta::forEachRelation<T>([&](const auto& relation) {
    if (relation.get(entity).loaded()) {
      throw Error("ormc: add() takes a " + std::string(meta::Model<T>::name) + " whose " + std::string(relation.field) +
                  " is not filled in; add the related objects to the session and link them with "
                  "Tracked::add() / set()");
    }
  });
  ++generation_;
  return Tracked<T>(table<T>().addNew(std::move(entity), ++sequence_));
}

template <Entity T>
void Session::remove(const Tracked<T>& object) {
  object.checkNotEmpty();
  ensureMine(object.entry_);
  if (object.entry_->expired) refresh(object.entry_);
  removeEntry(table<T>(), object.entry_, &object.entry_->value, false);
}

template <Entity T>
std::optional<Tracked<T>> Session::get(const meta::PrimaryKeyType<T>& key) {
  tracking::Table<T>& rows = table<T>();
  if (tracking::EntryPtr<T> entry = rows.find(key)) {
    if (entry->state == TrackedState::Removed) return std::nullopt;
    if (entry->expired) {
      refresh(entry);
      if (entry->state == TrackedState::Detached) return std::nullopt;
    }
    return Tracked<T>(std::move(entry));
  }
  autoflushNow();
  std::optional<T> row = withConnectionNoFlush([&](Connection& c) { return crud::find<T>(c, key); });
  if (!row) return std::nullopt;
  return Tracked<T>(adoptRow(std::move(*row)));
}

template <Entity T>
std::vector<Tracked<T>> Session::adopt(std::vector<T> rows) {
  std::vector<Tracked<T>> out;
  out.reserve(rows.size());
  table<T>().reserve(rows.size());
  for (T& row : rows) out.push_back(Tracked<T>(adoptRow(std::move(row))));
  return out;
}

template <Entity T>
tracking::EntryPtr<T> Session::adoptRow(T&& row) {
  // Related objects that include() loaded become tracked objects too, and the entry's cache.
  std::array<std::optional<std::vector<std::shared_ptr<tracking::EntryBase>>>, meta::relationCount<T>> included;
  tracking::detail::forEachRelationIndexed<T>([&](const auto& relation, auto index) {
    auto& holder = relation.get(row);
    if (!holder.loaded()) return;
    auto& items = included[index].emplace();
    using R = std::remove_cvref_t<decltype(relation)>;
    if constexpr (R::many) {
      for (auto& target : holder.items()) items.push_back(adoptRow(std::move(target)));
    } else {
      if (holder) items.push_back(adoptRow(std::move(*holder)));
    }
    holder.reset();
  });
  tracking::EntryPtr<T> entry = table<T>().adopt(std::move(row), ++sequence_);
  for (std::size_t i = 0; i < included.size(); ++i) {
    if (included[i]) entry->related[i] = {generation_, std::move(*included[i])};
  }
  return entry;
}

template <Entity T>
void Session::refresh(const tracking::EntryPtr<T>& entry) {
  std::optional<T> row = withConnectionNoFlush([&](Connection& c) { return crud::find<T>(c, meta::primaryKeyOf(entry->value)); });
  if (!table<T>().refreshed(entry, std::move(row))) {
    throw NotFound("ormc: this " + std::string(meta::Model<T>::name) + "'s row was deleted since it was read");
  }
}

template <Entity T>
void Session::ensureMine(const tracking::EntryPtr<T>& entry) const {
  if (entry->session == this) return;
  if (entry->session == nullptr) {
    throw Error("ormc: this " + std::string(meta::Model<T>::name) +
                " is detached (its session ended, its row was deleted, or it was never saved before a rollback)");
  }
  throw Error("ormc: this " + std::string(meta::Model<T>::name) + " belongs to another session");
}

namespace tracking::detail {

// The position of the relation held in member M among its model's relations.
template <auto M>
inline constexpr std::size_t relationIndex =
    meta::detail::indexOfMember<M, std::remove_cvref_t<decltype(meta::Model<meta::OwnerOf<M>>::relations)>>();

// For a relation whose foreign key is on the target's side (one-to-many, one-to-one inverse):
// the position, among the target's relations, of the one that owns that foreign key.
template <class R>
consteval std::size_t owningPartner() {
  using Target = typename R::Target;
  using Relations = std::remove_cvref_t<decltype(meta::Model<Target>::relations)>;
  return []<std::size_t... I>(std::index_sequence<I...>) {
    std::size_t found = sizeof...(I);
    ((found == sizeof...(I) && ownsForeignKeyAt<Target, I> &&
              std::is_same_v<typename std::tuple_element_t<I, Relations>::Local, typename R::Remote> &&
              std::is_same_v<typename std::tuple_element_t<I, Relations>::Target, typename R::Entity>
          ? (found = I, 0)
          : 0),
     ...);
    return found;
  }(std::make_index_sequence<std::tuple_size_v<Relations>>{});
}

// That relation's descriptor type.
template <class R>
using OwningPartner = std::tuple_element_t<owningPartner<R>(),
                                           std::remove_cvref_t<decltype(meta::Model<typename R::Target>::relations)>>;

}  // namespace tracking::detail

template <auto M>
auto Session::related(const tracking::EntryPtr<meta::OwnerOf<M>>& entry) {
  using T = meta::OwnerOf<M>;
  using R = std::remove_cvref_t<decltype(meta::relation<M>())>;
  using Target = typename R::Target;
  constexpr std::size_t index = tracking::detail::relationIndex<M>;
  autoflushNow();
  tracking::RelationCache& cache = entry->related[index];
  if (cache.generation != generation_) {
    cache.items.clear();
    if (entry->hasRow()) {
      withConnectionNoFlush([&](Connection& c) {
        std::vector<T*> parents{&entry->value};
        query::loadRelation<query::RelationRef<M>>(c, parents);
      });
      auto& holder = R::get(entry->value);
      if constexpr (R::many) {
        for (Target& target : holder.items()) cache.items.push_back(adoptRow(std::move(target)));
      } else {
        if (holder) cache.items.push_back(adoptRow(std::move(*holder)));
      }
      holder.reset();
    }
    cache.generation = generation_;
  }
  auto handle = [](const std::shared_ptr<tracking::EntryBase>& item) {
    return Tracked<Target>(std::static_pointer_cast<tracking::Entry<Target>>(item));
  };
  if constexpr (R::many) {
    std::vector<Tracked<Target>> out;
    out.reserve(cache.items.size());
    for (const auto& item : cache.items) {
      if (item->state != TrackedState::Detached && item->state != TrackedState::Removed) out.push_back(handle(item));
    }
    return out;
  } else {
    std::optional<Tracked<Target>> out;
    if (!cache.items.empty() && cache.items.front()->state != TrackedState::Detached &&
        cache.items.front()->state != TrackedState::Removed) {
      out = handle(cache.items.front());
    }
    return out;
  }
}

// ---- Tracked ----

template <Entity T>
Session& Tracked<T>::session() const {
  checkNotEmpty();
  if (entry_->session == nullptr) {
    throw Error("ormc: this " + std::string(meta::Model<T>::name) +
                " is detached (its session ended, its row was deleted, or it was never saved before a rollback)");
  }
  return *entry_->session;
}

template <Entity T>
const T& Tracked<T>::read() const {
  checkNotEmpty();
  if (entry_->expired) {
    if (entry_->session == nullptr) {
      throw Error("ormc: this " + std::string(meta::Model<T>::name) +
                  " was expired by a rollback and its session has ended, so it cannot be read again");
    }
    entry_->session->refresh(entry_);
  }
  return entry_->value;
}

template <Entity T>
tracking::Entry<T>& Tracked<T>::writable() const {
  Session& owner = session();
  if (entry_->state == TrackedState::Removed) {
    throw Error("ormc: this " + std::string(meta::Model<T>::name) + " is removed; changing it would be lost");
  }
  if (entry_->expired) owner.refresh(entry_);
  return *entry_;
}

template <Entity T>
template <auto M, class V>
Tracked<T>& Tracked<T>::set(query::Column<M>, V&& value) {
  constexpr bool ownColumn = std::is_same_v<meta::OwnerOf<M>, T>;
  constexpr bool null = std::is_same_v<std::remove_cvref_t<V>, std::nullopt_t>;
  constexpr bool fits = null ? query::isNullable<meta::MemberType<M>> : query::operandsFit<query::Column<M>, V>;
  static_assert(ownColumn, "ormc: set() assigns a column of this object's model");
  static_assert(!ownColumn || null || fits,
                "ormc: set() assigns a value of the column's own type (a string does not go into an integer column)");
  static_assert(!ownColumn || !null || fits, "ormc: set(column, std::nullopt) needs a nullable column");
  if constexpr (ownColumn && fits) {
    static_assert(!meta::column<M>().version, "ormc: a @version column is bumped by each flush, not set by hand");
    assign<M>(std::forward<V>(value));
  }
  return *this;
}

template <Entity T>
template <auto M, class V>
void Tracked<T>::assign(V&& value) {
  tracking::Entry<T>& entry = writable();
  if constexpr (meta::column<M>().primaryKey) {
    if (entry.state != TrackedState::New) {
      throw Error("ormc: the primary key of a saved " + std::string(meta::Model<T>::name) + " cannot be changed");
    }
  }
  if constexpr (std::is_same_v<std::remove_cvref_t<V>, std::nullopt_t>) {
    entry.value.*M = std::nullopt;
  } else {
    entry.value.*M = std::forward<V>(value);
  }
  entry.changed.set(meta::columnIndex<M>);
  // A foreign key set by hand replaces a parent linked before.
  tracking::detail::forEachRelationIndexed<T>([&](const auto& relation, auto index) {
    using R = std::remove_cvref_t<decltype(relation)>;
    if constexpr (tracking::detail::ownsForeignKeyAt<T, decltype(index)::value>) {
      if constexpr (tracking::detail::keyHas<M, typename R::Local>()) entry.parents[index].reset();
    }
  });
  session().template table<T>().noteChanged(entry_);
}

template <Entity T>
template <class F>
Tracked<T>& Tracked<T>::modify(F&& edit) {
  tracking::Entry<T>& entry = writable();
  T before = entry.value;
  edit(entry.value);
  std::string refused;
  meta::forEachColumn<T>([&](const auto& column) {
    using C = std::remove_cvref_t<decltype(column)>;
    if (C::get(before) == C::get(entry.value)) return;
    if (column.version || (column.primaryKey && entry.state != TrackedState::New)) {
      refused = std::string(column.field);
    }
    entry.changed.set(meta::columnIndex<C::member>);
  });
  meta::forEachRelation<T>([&](const auto& relation) {
    if (relation.get(entry.value).loaded()) refused = std::string(relation.field);
  });
  if (!refused.empty()) {
    entry.value = std::move(before);
    throw Error("ormc: modify() may not change " + std::string(meta::Model<T>::name) + "." + refused +
                " (a saved object's primary key, a @version column, or a relation: link relations with add() / set())");
  }
  session().template table<T>().noteChanged(entry_);
  return *this;
}

template <Entity T>
template <auto M>
auto Tracked<T>::related(query::RelationRef<M>) const {
  static_assert(std::is_same_v<meta::OwnerOf<M>, T>, "ormc: related() follows a relation of this object's model");
  Session& owner = session();
  return owner.template related<M>(entry_);
}

template <Entity T>
template <auto M>
void Tracked<T>::changeJoinRow(const Tracked<typename query::RelationRef<M>::Target>& target, bool link) {
  using Target = typename query::RelationRef<M>::Target;
  Session& owner = session();
  writable();
  target.writable();
  owner.ensureMine(target.entry_);
  owner.changeLink({&meta::relation<M>(), entry_, target.entry_, link,
                    [](Connection& c, const tracking::EntryBase& a, const tracking::EntryBase& b, bool linked) {
                      query::linkRows<query::RelationRef<M>>(c, static_cast<const tracking::Entry<T>&>(a).value,
                                                             static_cast<const tracking::Entry<Target>&>(b).value,
                                                             linked);
                    }});
}

template <Entity T>
template <auto M>
Tracked<T>& Tracked<T>::add(query::RelationRef<M>, const Tracked<typename query::RelationRef<M>::Target>& target) {
  using R = std::remove_cvref_t<decltype(meta::relation<M>())>;
  static_assert(std::is_same_v<meta::OwnerOf<M>, T>, "ormc: add() links through a relation of this object's model");
  static_assert(R::many, "ormc: add() links to-many relations; set() a to-one relation");
  if constexpr (meta::relation<M>().kind == meta::RelationKind::ManyToMany) {
    changeJoinRow<M>(target, true);
  } else {
    // The target owns the foreign key: it is the target that changes.
    using P = tracking::detail::OwningPartner<R>;
    Tracked<typename R::Target>(target).set(query::RelationRef<P::member>{}, *this);
  }
  return *this;
}

template <Entity T>
template <auto M>
Tracked<T>& Tracked<T>::remove(query::RelationRef<M>, const Tracked<typename query::RelationRef<M>::Target>& target) {
  using R = std::remove_cvref_t<decltype(meta::relation<M>())>;
  static_assert(std::is_same_v<meta::OwnerOf<M>, T>, "ormc: remove() unlinks through a relation of this object's model");
  static_assert(R::many, "ormc: remove() unlinks to-many relations; set(relation, std::nullopt) clears a to-one");
  if constexpr (meta::relation<M>().kind == meta::RelationKind::ManyToMany) {
    changeJoinRow<M>(target, false);
  } else {
    using P = tracking::detail::OwningPartner<R>;
    using Target = typename R::Target;
    if constexpr (tracking::detail::allNullable<typename P::Local>()) {
      Tracked<Target>(target).set(query::RelationRef<P::member>{}, std::nullopt);
    } else {
      throw Error("ormc: " + std::string(meta::Model<Target>::name) + "." + std::string(meta::relation<P::member>().field) +
                  " is required: give the " + std::string(meta::Model<Target>::name) +
                  " another parent (add it to another one's collection) or remove it from the session");
    }
  }
  return *this;
}

template <Entity T>
template <auto M>
Tracked<T>& Tracked<T>::set(query::RelationRef<M>, const Tracked<typename query::RelationRef<M>::Target>& target) {
  using R = std::remove_cvref_t<decltype(meta::relation<M>())>;
  static_assert(std::is_same_v<meta::OwnerOf<M>, T>, "ormc: set() links through a relation of this object's model");
  static_assert(!R::many, "ormc: set() links to-one relations; add() to a to-many relation");
  constexpr std::size_t index = tracking::detail::relationIndex<M>;
  if constexpr (tracking::detail::ownsForeignKeyAt<T, index>) {
    tracking::Entry<T>& entry = writable();
    Session& owner = session();
    target.checkNotEmpty();
    owner.ensureMine(target.entry_);
    if (target.entry_->state == TrackedState::Removed) {
      throw Error("ormc: cannot link to a removed " + std::string(meta::Model<typename R::Target>::name));
    }
    entry.parents[index] = target.entry_;
    if (entry.state == TrackedState::Persistent) owner.template table<T>().noteChanged(entry_);
    ++owner.generation_;
  } else {
    using P = tracking::detail::OwningPartner<R>;
    Tracked<typename R::Target>(target).set(query::RelationRef<P::member>{}, *this);
  }
  return *this;
}

template <Entity T>
template <auto M>
Tracked<T>& Tracked<T>::set(query::RelationRef<M>, std::nullopt_t) {
  using R = std::remove_cvref_t<decltype(meta::relation<M>())>;
  constexpr std::size_t index = tracking::detail::relationIndex<M>;
  static_assert(std::is_same_v<meta::OwnerOf<M>, T>, "ormc: set() links through a relation of this object's model");
  static_assert(tracking::detail::ownsForeignKeyAt<T, index>,
                "ormc: set(relation, std::nullopt) clears a foreign key this model holds (many-to-one, one-to-one owner)");
  static_assert(tracking::detail::allNullable<typename R::Local>(),
                "ormc: set(relation, std::nullopt) needs a nullable foreign key");
  tracking::Entry<T>& entry = writable();
  entry.parents[index].reset();
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((entry.value.*std::get<I>(R::Local::members) = std::nullopt), ...);
    (entry.changed.set(meta::columnIndex<std::get<I>(R::Local::members)>), ...);
  }(std::make_index_sequence<R::Local::size>{});
  Session& owner = session();
  owner.template table<T>().noteChanged(entry_);
  ++owner.generation_;
  return *this;
}

}  // namespace ormc
