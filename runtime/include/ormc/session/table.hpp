// One table's part of a Session (docs/session.md): the identity map of its tracked objects by
// primary key, the objects waiting to be inserted, updated or deleted, and the statements that
// write them at flush time. Everything here is compiled per entity type from the metadata; the
// order across tables and the transaction are the Session's (session.cpp).
//
// A flush changes objects in two steps, so that a failure leaves them as they were: while the
// statements run, inserted objects are changed in place (their key, defaults) with a copy kept
// for undo, and what an UPDATE did to an object (@updatedAt, @version) is only noted; once every
// statement succeeded, flushSucceeded() applies the notes and moves objects between states.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/crud.hpp"
#include "ormc/crud_sql.hpp"
#include "ormc/error.hpp"
#include "ormc/meta.hpp"
#include "ormc/query/include.hpp"
#include "ormc/session/entry.hpp"

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ormc::tracking {

struct FlushContext {
  Connection& connection;
  DateTime now;
};

// An object to remove because its parent is removed (onDelete: Cascade).
struct Removal {
  std::shared_ptr<EntryBase> entry;
  const void* value;  // the entity, for its own children
  bool byDatabase;    // its row points at the parent's row: ON DELETE CASCADE deletes it
};

// The type-erased face of Table<T>, for what the Session does across tables.
class TableBase {
 public:
  TableBase(Session& session, const void* tag, std::string_view model) : session_(&session), tag_(tag), model_(model) {}
  virtual ~TableBase() = default;
  TableBase(const TableBase&) = delete;
  TableBase& operator=(const TableBase&) = delete;

  const void* tag() const noexcept { return tag_; }
  std::string_view model() const noexcept { return model_; }

  // A table this one's foreign key references; `required`: the key cannot be NULL, so the
  // parent's row must be written first.
  struct ParentTable {
    const void* tag;
    bool required;
  };
  virtual std::vector<ParentTable> parentTables() const = 0;
  // Something to write at the next flush.
  virtual bool pending() const noexcept = 0;
  virtual void insertNew(FlushContext& context) = 0;
  virtual void updateChanged(FlushContext& context) = 0;
  virtual void deleteRemoved(FlushContext& context) = 0;
  virtual void flushSucceeded(DateTime now) = 0;
  virtual void flushFailed() noexcept = 0;
  // The session's transaction ended: committed (forget what it did) or rolled back (undo it in
  // memory: new objects detached, deleted ones back, every loaded object expired).
  virtual void transactionEnded(bool committed) = 0;
  virtual void detachAll() noexcept = 0;
  // `parent` (of table `parentTag`, value `parentValue`) is being removed: applies each
  // relation's onDelete to this table's objects that refer to it. Returns the objects to remove
  // with it (Cascade).
  virtual std::vector<Removal> parentRemoved(const void* parentTag, const EntryBase& parent,
                                                                const void* parentValue) = 0;
  // Marks `entry` (of this table) removed. `byDatabase`: its parent's DELETE removes the row
  // through ON DELETE CASCADE, so no statement of its own.
  virtual void markRemoved(const std::shared_ptr<EntryBase>& entry, bool byDatabase) = 0;
  // How many objects the session tracks in this table.
  virtual std::size_t size() const noexcept = 0;

 protected:
  Session* session_;

 private:
  const void* tag_;
  std::string_view model_;
};

namespace detail {

template <class To, class From>
void assignPart(To& to, const From& from) {
  using ToPlain = typename meta::detail::Optional<To>::Type;
  if constexpr (meta::detail::Optional<From>::value) {
    if constexpr (meta::detail::Optional<To>::value) {
      to = from ? To(ToPlain(*from)) : To();
    } else {
      to = ToPlain(*from);  // the caller checked that the parent's key is not NULL
    }
  } else {
    to = ToPlain(from);
  }
}

// Calls f(descriptor, std::integral_constant<std::size_t, I>) for each relation of T.
template <Entity T, class F>
void forEachRelationIndexed(F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f(std::get<I>(meta::Model<T>::relations), std::integral_constant<std::size_t, I>{}), ...);
  }(std::make_index_sequence<meta::relationCount<T>>{});
}

template <class Key>
constexpr bool allNullable() {
  return []<std::size_t... I>(std::index_sequence<I...>) {
    return (meta::detail::Optional<meta::MemberType<std::get<I>(Key::members)>>::value && ...);
  }(std::make_index_sequence<Key::size>{});
}

// The relation holds the foreign key on this side (many-to-one, one-to-one owner).
template <class Descriptor>
constexpr bool ownsForeignKey(const Descriptor& relation) {
  return relation.owner && !Descriptor::many;
}
// Member M is one of Key's columns.
template <auto M, class Key>
consteval bool keyHas() {
  return []<std::size_t... I>(std::index_sequence<I...>) {
    return (meta::detail::sameMember<M, std::get<I>(Key::members)>() || ...);
  }(std::make_index_sequence<Key::size>{});
}

template <Entity T, std::size_t I>
inline constexpr bool ownsForeignKeyAt = ownsForeignKey(std::get<I>(meta::Model<T>::relations));

}  // namespace detail

template <Entity T>
class Table final : public TableBase {
 public:
  using Key = meta::PrimaryKeyType<T>;
  using Mask = std::bitset<meta::columnCount<T>>;

  explicit Table(Session& session) : TableBase(session, tagOf<T>(), meta::Model<T>::name) {}
  ~Table() override { detachAll(); }

  // ---- Identity map ----

  EntryPtr<T> find(const Key& key) const {
    auto it = byKey_.find(key);
    return it == byKey_.end() ? nullptr : it->second;
  }

  // The tracked object for a row just read: the one already tracked under its key (its
  // unflushed changes win; an expired one takes the row's values), else a new one.
  // Room for `more` objects in the identity map, before a query's rows are adopted.
  void reserve(std::size_t more) {
    if constexpr (requires { byKey_.reserve(more); }) byKey_.reserve(byKey_.size() + more);
  }

  EntryPtr<T> adopt(T&& row, std::uint64_t sequence) {
    auto [it, fresh] = byKey_.try_emplace(meta::primaryKeyOf(row));
    if (!fresh) {
      Entry<T>& existing = *it->second;
      if (existing.expired) {
        existing.value = std::move(row);
        existing.expired = false;
      }
      return it->second;
    }
    auto entry = std::make_shared<Entry<T>>();
    entry->session = session_;
    entry->state = TrackedState::Persistent;
    entry->sequence = sequence;
    entry->value = std::move(row);
    it->second = entry;
    return entry;
  }

  EntryPtr<T> addNew(T&& value, std::uint64_t sequence) {
    if constexpr (!crud::detail::hasAutoincrement<T>()) {
      if (byKey_.contains(meta::primaryKeyOf(value)) || std::any_of(added_.begin(), added_.end(), [&](const auto& e) {
            return meta::primaryKeyOf(e->value) == meta::primaryKeyOf(value);
          })) {
        throw Error("ormc: the session already tracks a " + std::string(meta::Model<T>::name) +
                    " with this primary key; get() it instead of adding a second one");
      }
    }
    auto entry = std::make_shared<Entry<T>>();
    entry->session = session_;
    entry->state = TrackedState::New;
    entry->sequence = sequence;
    entry->value = std::move(value);
    added_.push_back(entry);
    return entry;
  }

  // The entry's columns or parents changed: UPDATE it at the next flush.
  void noteChanged(const EntryPtr<T>& entry) {
    if (entry->state != TrackedState::Persistent || entry->listedDirty) return;
    entry->listedDirty = true;
    dirty_.push_back(entry);
  }

  // Re-reads an expired entry's row; false if the row is gone (the entry is then detached).
  bool refreshed(const EntryPtr<T>& entry, std::optional<T> row) {
    if (!row) {
      byKey_.erase(meta::primaryKeyOf(entry->value));
      detach(*entry);
      return false;
    }
    entry->value = std::move(*row);
    entry->expired = false;
    return true;
  }

  // ---- TableBase ----

  std::vector<ParentTable> parentTables() const override {
    std::vector<ParentTable> parents;
    meta::forEachForeignKey<T>([&](const auto& key) {
      using Key = std::remove_cvref_t<decltype(key)>;
      parents.push_back({tagOf<typename Key::Target>(), !detail::allNullable<typename Key::Columns>()});
    });
    return parents;
  }

  bool pending() const noexcept override { return !added_.empty() || !dirty_.empty() || !removed_.empty() || !cascaded_.empty(); }

  std::size_t size() const noexcept override { return byKey_.size() + added_.size(); }

  void insertNew(FlushContext& context) override {
    if (added_.empty()) return;
    const Dialect& dialect = context.connection.dialect();
    const std::size_t perStatement = crud::sql::batchRows<T>(dialect);
    std::vector<Entry<T>*> batch;
    bool batchGeneratesId = false;
    auto send = [&] {
      if (batch.empty()) return;
      PreparedStatement statement = context.connection.prepare(crud::sql::insert<T>(dialect, batchGeneratesId, batch.size()));
      int index = 1;
      for (Entry<T>* entry : batch) {
        index = crud::detail::bindColumns(*statement, entry->value, index,
                                          [&](const auto& column) { return !(batchGeneratesId && column.autoincrement); });
      }
      statement->step();
      if (batchGeneratesId) {
        // Consecutive ids for the rows of one INSERT, as crud::insertAll explains.
        std::int64_t id = context.connection.lastInsertId();
        if (dialect.kind() == DialectKind::Sqlite) id -= static_cast<std::int64_t>(batch.size()) - 1;
        for (Entry<T>* entry : batch) crud::detail::setAutoincrement(entry->value, id++);
      }
      for (Entry<T>* entry : batch) {
        entry->inBatch = false;
        entry->insertedThisFlush = true;
      }
      batch.clear();
    };
    for (const EntryPtr<T>& entry : added_) {
      // A parent of this same table still waiting in the batch gets its row (and key) first.
      if (parentInBatch(*entry)) send();
      undo_.push_back({entry, entry->value, entry->parents, entry->changed});
      resolveParents(*entry, true);
      crud::detail::applyInsertDefaults(entry->value, context.now);
      const bool generateId = crud::detail::hasAutoincrement<T>() && crud::detail::autoincrementUnset(entry->value);
      if (!batch.empty() && (generateId != batchGeneratesId || batch.size() == perStatement)) send();
      batchGeneratesId = generateId;
      entry->inBatch = true;
      batch.push_back(entry.get());
    }
    send();
  }

  void updateChanged(FlushContext& context) override {
    const Dialect& dialect = context.connection.dialect();
    std::optional<PreparedStatement> statement;
    const std::string* statementSql = nullptr;
    Mask statementMask;  // the columns statementSql sets: a row with the same ones reuses it
    auto update = [&](const EntryPtr<T>& entry, bool justInserted) {
      Mask resolved;
      if (entry->hasParentBindings()) {
        if (!justInserted) undo_.push_back({entry, entry->value, entry->parents, entry->changed});
        resolved = resolveParents(*entry, false);
      }
      // A row inserted in this flush has every column but the foreign keys resolved now.
      Mask mask = justInserted ? resolved : entry->changed;
      meta::forEachColumn<T>([&](const auto& column) {
        if (column.primaryKey) mask.reset(meta::columnIndex<std::remove_cvref_t<decltype(column)>::member>);
      });
      if (mask.none()) return;
      if (statementSql != nullptr && mask == statementMask) {
        (*statement)->reset();
      } else {
        statementSql = &partialUpdateSql(dialect, mask);
        statementMask = mask;
        statement.reset();
        statement.emplace(context.connection.prepare(*statementSql));
      }
      Statement& s = **statement;
      int index = 1;
      meta::forEachColumn<T>([&](const auto& column) {
        using C = std::remove_cvref_t<decltype(column)>;
        if (!column.primaryKey && mask.test(meta::columnIndex<C::member>)) {
          crud::detail::bindColumnValue(s, index++, column, C::get(entry->value));
        }
      });
      meta::forEachColumn<T>([&](const auto& column) {
        using C = std::remove_cvref_t<decltype(column)>;
        if constexpr (std::is_same_v<typename C::Value, DateTime>) {
          if (column.updatedAt && !column.primaryKey && !mask.test(meta::columnIndex<C::member>)) {
            bindValue(s, index++, context.now);
          }
        }
      });
      index = crud::detail::bindKey<T>(s, meta::primaryKeyOf(entry->value), index);
      crud::detail::bindColumns(s, entry->value, index, [](const auto& column) { return column.version; });
      s.step();
      if (context.connection.changes() != 1) rowMissing(s, "updated");
      updated_.push_back({entry, mask});
    };
    for (const EntryPtr<T>& entry : dirty_) {
      if (entry->state == TrackedState::Persistent) update(entry, false);
    }
    // Rows inserted with a NULL foreign key because their parent had no row yet.
    for (const EntryPtr<T>& entry : added_) {
      if (entry->hasParentBindings()) update(entry, true);
    }
  }

  void deleteRemoved(FlushContext& context) override {
    if (removed_.empty()) return;
    const std::string& sql = crud::sql::removeByKey<T>(context.connection.dialect(), crud::sql::hasVersion<T>());
    PreparedStatement statement = context.connection.prepare(sql);
    bool first = true;
    for (const EntryPtr<T>& entry : removed_) {
      if (!first) statement->reset();
      first = false;
      const int index = crud::detail::bindKey<T>(*statement, meta::primaryKeyOf(entry->value), 1);
      crud::detail::bindColumns(*statement, entry->value, index, [](const auto& column) { return column.version; });
      statement->step();
      if (context.connection.changes() != 1) rowMissing(*statement, "deleted");
    }
  }

  void flushSucceeded(DateTime now) override {
    for (const EntryPtr<T>& entry : added_) {
      entry->state = TrackedState::Persistent;
      entry->insertedThisFlush = false;
      entry->changed.reset();
      byKey_.insert_or_assign(meta::primaryKeyOf(entry->value), entry);
      insertedInTransaction_.push_back(entry);
    }
    for (Updated& update : updated_) {
      const EntryPtr<T>& entry = update.entry;
      const Mask& mask = update.mask;
      meta::forEachColumn<T>([&](const auto& column) {
        using C = std::remove_cvref_t<decltype(column)>;
        if (column.primaryKey || mask.test(meta::columnIndex<C::member>)) return;
        if constexpr (std::is_same_v<typename C::Value, DateTime>) {
          if (column.updatedAt) C::get(entry->value) = now;
        }
        if constexpr (std::is_integral_v<typename C::Value> && !std::is_same_v<typename C::Value, bool>) {
          if (column.version) ++C::get(entry->value);
        }
      });
      entry->changed &= ~mask;
    }
    for (const EntryPtr<T>& entry : dirty_) entry->listedDirty = false;
    for (auto* list : {&removed_, &cascaded_}) {
      for (const EntryPtr<T>& entry : *list) {
        byKey_.erase(meta::primaryKeyOf(entry->value));
        detach(*entry);
        deletedInTransaction_.push_back(entry);
      }
    }
    added_.clear();
    dirty_.clear();
    removed_.clear();
    cascaded_.clear();
    undo_.clear();
    updated_.clear();
  }

  void flushFailed() noexcept override {
    // Newest first: an object resolved twice gets its oldest copy back.
    for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
      it->entry->value = std::move(it->value);
      it->entry->parents = std::move(it->parents);
      it->entry->changed = it->changed;
    }
    for (const EntryPtr<T>& entry : added_) {
      entry->insertedThisFlush = false;
      entry->inBatch = false;
    }
    undo_.clear();
    updated_.clear();
  }

  void transactionEnded(bool committed) override {
    if (!committed) {
      for (const EntryPtr<T>& entry : added_) detach(*entry);
      for (const EntryPtr<T>& entry : insertedInTransaction_) {
        byKey_.erase(meta::primaryKeyOf(entry->value));
        detach(*entry);
      }
      for (const EntryPtr<T>& entry : deletedInTransaction_) {
        entry->session = session_;
        byKey_.insert_or_assign(meta::primaryKeyOf(entry->value), entry);
      }
      for (auto& [key, entry] : byKey_) {
        entry->state = TrackedState::Persistent;
        entry->cascaded = false;
        entry->expired = true;
        entry->listedDirty = false;
        entry->changed.reset();
        entry->parents = {};
        entry->related = {};
      }
      added_.clear();
      dirty_.clear();
      removed_.clear();
      cascaded_.clear();
    }
    insertedInTransaction_.clear();
    deletedInTransaction_.clear();
  }

  void detachAll() noexcept override {
    for (auto& [key, entry] : byKey_) detach(*entry);
    for (const EntryPtr<T>& entry : added_) detach(*entry);
    for (const EntryPtr<T>& entry : deletedInTransaction_) detach(*entry);
    byKey_.clear();
    deletedInTransaction_.clear();
    insertedInTransaction_.clear();
    added_.clear();
    dirty_.clear();
    removed_.clear();
    cascaded_.clear();
  }

  std::vector<Removal> parentRemoved(const void* parentTag, const EntryBase& parent, const void* parentValue) override {
    std::vector<Removal> cascade;
    detail::forEachRelationIndexed<T>([&](const auto& relation, auto index) {
      using R = std::remove_cvref_t<decltype(relation)>;
      using Target = typename R::Target;
      if (tagOf<Target>() != parentTag) return;
      if constexpr (detail::ownsForeignKeyAt<T, decltype(index)::value>) {
        const Target& parentRow = *static_cast<const Target*>(parentValue);
        const auto parentKey = query::keys::valueOf<typename R::Remote>(parentRow);
        auto visit = [&](const EntryPtr<T>& child) {
          if (child->state == TrackedState::Removed || child->state == TrackedState::Detached) return;
          auto& binding = child->parents[index];
          const bool bound = binding.get() == &parent;
          const bool byKey = !binding && parent.hasRow() && parentKey &&
                             query::keys::valueOf<typename R::Local>(child->value) == parentKey;
          if (!bound && !byKey) return;
          switch (relation.onDelete) {
            case meta::ReferentialAction::Cascade:
              cascade.push_back({child, &child->value, byKey && child->state == TrackedState::Persistent});
              break;
            case meta::ReferentialAction::SetNull:
              if constexpr (detail::allNullable<typename R::Local>()) {
                binding.reset();
                setNull<typename R::Local>(child->value);
                // The database nulls a row that pointed at the parent's row; a binding never
                // reached the database, so its NULL is written by this session.
                markKey<typename R::Local>(*child, bound && child->state == TrackedState::Persistent);
              }
              break;
            default:
              break;  // Restrict / NoAction: the database refuses the delete if the child stays
          }
        };
        for (auto& [key, child] : byKey_) visit(child);
        for (const EntryPtr<T>& child : added_) visit(child);
      }
    });
    return cascade;
  }

  void markRemoved(const std::shared_ptr<EntryBase>& base, bool byDatabase) override {
    auto entry = std::static_pointer_cast<Entry<T>>(base);
    if (entry->state == TrackedState::New) {
      added_.erase(std::remove(added_.begin(), added_.end(), entry), added_.end());
      detach(*entry);
      return;
    }
    if (entry->state != TrackedState::Persistent) return;
    entry->state = TrackedState::Removed;
    entry->cascaded = byDatabase;
    (byDatabase ? cascaded_ : removed_).push_back(entry);
  }

 private:
  struct Undo {
    EntryPtr<T> entry;
    T value;
    decltype(Entry<T>::parents) parents;
    Mask changed;
  };
  struct Updated {
    EntryPtr<T> entry;
    Mask mask;
  };

  // Also drops what the entry holds of other entries: related objects and linked parents
  // point both ways, and shared ownership must not keep a cycle alive after the session.
  static void detach(Entry<T>& entry) noexcept {
    entry.state = TrackedState::Detached;
    entry.session = nullptr;
    entry.listedDirty = false;
    entry.parents = {};
    entry.related = {};
  }

  template <class LocalKey>
  static void setNull(T& value) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      ((value.*std::get<I>(LocalKey::members) = std::nullopt), ...);
    }(std::make_index_sequence<LocalKey::size>{});
  }

  // Marks (or unmarks) the key's columns changed.
  template <class LocalKey>
  void markKey(Entry<T>& entry, bool on) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (entry.changed.set(meta::columnIndex<std::get<I>(LocalKey::members)>, on), ...);
    }(std::make_index_sequence<LocalKey::size>{});
  }

  // True if a parent of this entry is in the INSERT batch being built (same table).
  static bool parentInBatch(const Entry<T>& entry) {
    for (const auto& parent : entry.parents) {
      if (parent && parent->inBatch) return true;
    }
    return false;
  }

  // Copies each bound parent's key into the entry's foreign key, once the parent has a row.
  // A parent without a row yet (a cycle, or a later object of the same table) leaves a nullable
  // foreign key NULL for now when `allowNull`; the update phase writes it. Returns the columns
  // it copied keys into.
  Mask resolveParents(Entry<T>& entry, bool allowNull) {
    Mask resolved;
    detail::forEachRelationIndexed<T>([&](const auto& relation, auto index) {
      using R = std::remove_cvref_t<decltype(relation)>;
      if constexpr (detail::ownsForeignKeyAt<T, decltype(index)::value>) {
        auto& parent = entry.parents[index];
        if (!parent) return;
        using Target = typename R::Target;
        if (parent->state == TrackedState::Detached) {
          throw Error("ormc: a " + std::string(meta::Model<T>::name) + "'s " + std::string(relation.field) +
                      " is a " + std::string(meta::Model<Target>::name) +
                      " that is no longer tracked (removed, or never saved before a rollback)");
        }
        if (parent->hasRow()) {
          const Target& row = static_cast<const Entry<Target>&>(*parent).value;
          copyKey<typename R::Local, typename R::Remote>(entry.value, row);
          markKey<typename R::Local>(entry, true);
          [&]<std::size_t... I>(std::index_sequence<I...>) {
            (resolved.set(meta::columnIndex<std::get<I>(R::Local::members)>), ...);
          }(std::make_index_sequence<R::Local::size>{});
          parent.reset();
          return;
        }
        if constexpr (detail::allNullable<typename R::Local>()) {
          if (allowNull) {
            setNull<typename R::Local>(entry.value);
            markKey<typename R::Local>(entry, true);
            return;
          }
        }
        throw Error("ormc: cannot write " + std::string(meta::Model<T>::name) + " before its " +
                    std::string(relation.field) + " (" + std::string(meta::Model<Target>::name) +
                    "), which has no row yet, and its foreign key cannot be NULL for a while "
                    "(a cycle of required foreign keys)");
      }
    });
    return resolved;
  }

  template <class LocalKey, class RemoteKey, class Target>
  static void copyKey(T& child, const Target& parent) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (detail::assignPart(child.*std::get<I>(LocalKey::members), parent.*std::get<I>(RemoteKey::members)), ...);
    }(std::make_index_sequence<LocalKey::size>{});
  }

  [[noreturn]] static void rowMissing(Statement& statement, const char* what) {
    if constexpr (crud::sql::hasVersion<T>()) {
      throw StaleObject("ormc: " + std::string(meta::Model<T>::name) +
                            " was changed or deleted by someone else since it was read (its @version no longer "
                            "matches); nothing of this flush was written, in SQL: " + statement.sql(),
                        0, statement.sql());
    } else {
      throw NotFound("ormc: the row of a " + std::string(meta::Model<T>::name) + " to be " + what +
                         " is gone; nothing of this flush was written, in SQL: " + statement.sql(),
                     0, statement.sql());
    }
  }

  // The UPDATE text for one set of changed columns, built once per process and kept.
  static const std::string& partialUpdateSql(const Dialect& dialect, const Mask& mask) {
    static std::mutex mutex;
    static std::unordered_map<Mask, std::string> texts[2];
    std::lock_guard lock(mutex);
    auto& cache = texts[crud::sql::detail::dialectIndex(dialect)];
    auto it = cache.find(mask);
    if (it == cache.end()) {
      std::vector<bool> set(meta::columnCount<T>);
      for (std::size_t i = 0; i < set.size(); ++i) set[i] = mask.test(i);
      it = cache.emplace(mask, crud::sql::buildPartialUpdate(dialect, crud::sql::shapeOf<T>(), set)).first;
    }
    return it->second;
  }

  query::detail::KeyMap<Key, EntryPtr<T>> byKey_;  // Persistent and Removed objects
  std::vector<EntryPtr<T>> added_;                 // New, in the order added
  std::vector<EntryPtr<T>> dirty_;                 // Persistent, with changes or parents to write
  std::vector<EntryPtr<T>> removed_;               // Removed: a DELETE each, in the order removed
  std::vector<EntryPtr<T>> cascaded_;              // Removed by the database's ON DELETE CASCADE
  std::vector<Undo> undo_;
  std::vector<Updated> updated_;
  std::vector<EntryPtr<T>> insertedInTransaction_;
  std::vector<EntryPtr<T>> deletedInTransaction_;
};

}  // namespace ormc::tracking
