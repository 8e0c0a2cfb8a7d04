// What a Session keeps per tracked object (docs/session.md): the entity itself, which of its
// columns changed since it was loaded, the parents whose keys its foreign keys will take at the
// next flush, and the related objects read through it. Handles (Tracked<T>) share an entry with
// the session's identity map, so a handle never dangles: once the session ends, or the row is
// deleted, the entry says so and the handle refuses to write.
#pragma once

#include "ormc/meta.hpp"

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <vector>

namespace ormc {

class Session;

// Where a tracked object stands.
enum class TrackedState : std::uint8_t {
  New,         // added; INSERTed at the next flush
  Persistent,  // has a row, which this session's flushes keep up to date
  Removed,     // remove()d; DELETEd at the next flush (or by the database's ON DELETE CASCADE)
  Detached,    // no longer tracked: its row was deleted, it was never written before a
               // rollback, or its session ended. Readable, never written.
};

namespace tracking {

// A distinct address per entity type: how type-erased code names a table.
template <class T>
inline constexpr char tableTag = 0;
template <class T>
constexpr const void* tagOf() noexcept {
  return &tableTag<T>;
}

struct EntryBase {
  Session* session = nullptr;  // null once detached
  TrackedState state = TrackedState::New;
  bool expired = false;            // reloaded from its row before the next read (after a rollback)
  bool insertedThisFlush = false;  // its row exists, in the flush that is running
  bool inBatch = false;            // part of an INSERT batch not yet sent
  bool listedDirty = false;        // in its table's list of objects to UPDATE
  bool cascaded = false;           // Removed because its parent was: the database deletes the row
  std::uint64_t sequence = 0;      // the order objects were added in

  // The row exists in the database, now or once the running flush succeeds.
  bool hasRow() const noexcept {
    return state == TrackedState::Persistent || state == TrackedState::Removed || insertedThisFlush;
  }
};

// Related objects read through an entry, valid while the session's generation is unchanged.
struct RelationCache {
  std::uint64_t generation = 0;  // 0: nothing cached
  std::vector<std::shared_ptr<EntryBase>> items;
};

template <Entity T>
struct Entry : EntryBase {
  static constexpr std::size_t kColumns = meta::columnCount<T>;
  static constexpr std::size_t kRelations = meta::relationCount<T>;

  T value{};
  std::bitset<kColumns> changed;  // by meta::columnIndex
  // Per relation this side owns (it holds the foreign key): the parent whose key goes into the
  // foreign key at the next flush, once the parent has a row.
  std::array<std::shared_ptr<EntryBase>, kRelations> parents{};
  std::array<RelationCache, kRelations> related{};

  bool hasParentBindings() const noexcept {
    for (const auto& parent : parents) {
      if (parent) return true;
    }
    return false;
  }
};

template <Entity T>
using EntryPtr = std::shared_ptr<Entry<T>>;

}  // namespace tracking
}  // namespace ormc
