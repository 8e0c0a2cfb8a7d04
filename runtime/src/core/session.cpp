// The Session's work across tables: the order of a flush, its transaction, and what a rollback
// or the session's end does to the tracked objects. Per-table work is in session/table.hpp.
#include "ormc/session.hpp"

#include <algorithm>
#include <functional>

namespace ormc {

Session::Session(Database& database, const SessionOptions& options) : database_(database), options_(options) {}

Session::~Session() {
  // Rolls back what was flushed but not committed; the objects keep their last values.
  transaction_.reset();
  connection_.reset();
  for (auto& table : tables_) table->detachAll();
}

bool Session::has_changes() const noexcept {
  return !links_.empty() || std::any_of(tables_.begin(), tables_.end(), [](const auto& t) { return t->pending(); });
}

std::size_t Session::size() const noexcept {
  std::size_t n = 0;
  for (const auto& table : tables_) n += table->size();
  return n;
}

tracking::TableBase* Session::findTable(const void* tag) const noexcept {
  for (const auto& table : tables_) {
    if (table->tag() == tag) return table.get();
  }
  return nullptr;
}

void Session::addTable(std::unique_ptr<tracking::TableBase> table) { tables_.push_back(std::move(table)); }

std::vector<tracking::TableBase*> Session::flushOrder() const {
  // Depth first over foreign keys, in the order tables were first used. A cycle is cut where
  // it is found: its rows get a NULL foreign key first and an UPDATE later (table.hpp). That
  // needs the cut to fall on a nullable foreign key; if the order over every key puts a table
  // before a parent it requires, the order over the required keys alone is taken instead.
  auto order = [&](bool requiredOnly) {
    std::vector<tracking::TableBase*> out;
    std::vector<int> mark(tables_.size(), 0);  // 0 new, 1 on the path, 2 done
    std::function<void(std::size_t)> visit = [&](std::size_t i) {
      mark[i] = 1;
      for (const auto& parent : tables_[i]->parentTables()) {
        if (requiredOnly && !parent.required) continue;
        for (std::size_t j = 0; j < tables_.size(); ++j) {
          if (tables_[j]->tag() == parent.tag && mark[j] == 0) visit(j);
        }
      }
      mark[i] = 2;
      out.push_back(tables_[i].get());
    };
    for (std::size_t i = 0; i < tables_.size(); ++i) {
      if (mark[i] == 0) visit(i);
    }
    return out;
  };
  std::vector<tracking::TableBase*> all = order(false);
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (const auto& parent : all[i]->parentTables()) {
      if (!parent.required || parent.tag == all[i]->tag()) continue;
      for (std::size_t j = i + 1; j < all.size(); ++j) {
        if (all[j]->tag() == parent.tag) return order(true);
      }
    }
  }
  return all;
}

void Session::flush() {
  if (flushing_) throw Error("ormc: flush() called while the session is flushing");
  if (!has_changes()) return;
  flushing_ = true;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{flushing_};

  const bool began = !transaction_;
  if (began) {
    // The session's transaction: a connection of its own, kept until commit() or rollback().
    // Inside a transaction this thread has open on the database, a savepoint of it.
    connection_.emplace(database_.connectionHandle());
    try {
      transaction_.emplace(**connection_);
    } catch (...) {
      connection_.reset();
      throw;
    }
  }
  Connection& connection = transaction_->connection();
  // A later flush in the same transaction gets a savepoint, so that failing undoes only it.
  std::optional<Transaction> savepoint;
  if (!began) savepoint.emplace(connection);

  const std::vector<tracking::TableBase*> order = flushOrder();
  tracking::FlushContext context{connection, currentDateTime()};
  try {
    for (tracking::TableBase* table : order) table->insertNew(context);
    for (tracking::TableBase* table : order) table->updateChanged(context);
    writeLinks(connection);
    for (auto it = order.rbegin(); it != order.rend(); ++it) (*it)->deleteRemoved(context);
    if (savepoint) savepoint->commit();
  } catch (...) {
    for (auto& table : tables_) table->flushFailed();
    savepoint.reset();  // rolls back to the savepoint
    if (began) {
      // Nothing else was in the transaction: end it, so the database is as before.
      transaction_.reset();
      connection_.reset();
    }
    throw;
  }
  for (auto& table : tables_) table->flushSucceeded(context.now);
  links_.clear();
  ++generation_;
}

void Session::commit() {
  flush();
  if (!transaction_) return;
  try {
    transaction_->commit();
  } catch (...) {
    // The transaction did not commit: what it wrote is gone, as after rollback().
    rollback();
    throw;
  }
  endTransaction(true);
}

void Session::rollback() {
  if (transaction_) {
    try {
      transaction_->rollback();
    } catch (...) {
      // The connection is lost or broken: the database rolls back when it closes.
    }
  }
  endTransaction(false);
}

void Session::endTransaction(bool committed) {
  transaction_.reset();
  connection_.reset();
  for (auto& table : tables_) table->transactionEnded(committed);
  if (!committed) links_.clear();
  ++generation_;
}

void Session::removeEntry(tracking::TableBase& table, const std::shared_ptr<tracking::EntryBase>& entry,
                          const void* value, bool byDatabase) {
  if (entry->state == TrackedState::Removed || entry->state == TrackedState::Detached) return;
  table.markRemoved(entry, byDatabase);
  // Its join rows go with its row (ON DELETE CASCADE) or never existed.
  std::erase_if(links_, [&](const LinkChange& change) { return change.from == entry || change.to == entry; });
  ++generation_;
  for (auto& child : tables_) {
    for (const tracking::Removal& removal : child->parentRemoved(table.tag(), *entry, value)) {
      removeEntry(*child, removal.entry, removal.value, removal.byDatabase);
    }
  }
}

void Session::changeLink(LinkChange change) {
  // A link and an unlink of the same pair cancel out; a repeated one counts once.
  auto same = [&](const LinkChange& other) {
    return other.relation == change.relation && other.from == change.from && other.to == change.to;
  };
  auto it = std::find_if(links_.begin(), links_.end(), same);
  if (it != links_.end()) {
    if (it->link != change.link) links_.erase(it);
  } else {
    links_.push_back(std::move(change));
  }
  ++generation_;
}

void Session::writeLinks(Connection& connection) {
  for (const LinkChange& change : links_) {
    for (const auto* end : {change.from.get(), change.to.get()}) {
      if (!end->hasRow()) throw Error("ormc: a many-to-many link names an object that has no row");
    }
    change.write(connection, *change.from, *change.to, change.link);
  }
}

}  // namespace ormc
