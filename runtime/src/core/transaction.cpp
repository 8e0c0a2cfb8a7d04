// Transaction: BEGIN/COMMIT/ROLLBACK for the outermost, SAVEPOINTs for nested ones.
#include "ormc/transaction.hpp"

#include "ormc/error.hpp"

namespace ormc {

Transaction::Transaction(Connection& connection, const TransactionOptions& options) : connection_(connection) {
  begin(options);
}

Transaction::Transaction(Connection& connection, const TransactionOptions& options,
                         std::unique_ptr<detail::TransactionResources> resources)
    : connection_(connection) {
  begin(options);
  // Kept only once the transaction is open: if BEGIN throws, they are released at once.
  resources_ = std::move(resources);
}

void Transaction::begin(const TransactionOptions& options) {
  if (!connection_.inTransaction()) {
    if (options.isolation) connection_.setIsolationLevel(*options.isolation);
    connection_.begin(options.mode);
    return;
  }
  // Names come from a per-connection counter, never from input, so they are safe in SQL text.
  savepoint_ = "ormc_sp_" + std::to_string(connection_.nextSavepointId());
  connection_.savepoint(savepoint_);
}

Transaction::~Transaction() {
  if (finished_) return;
  try {
    rollback();
  } catch (...) {
    // See the header: never throw from here.
  }
}

void Transaction::commit() {
  if (finished_) throw Error("ormc: Transaction::commit() after the transaction finished");
  if (nested()) {
    connection_.releaseSavepoint(savepoint_);
  } else {
    connection_.commit();
  }
  finished_ = true;
}

void Transaction::rollback() {
  if (finished_) return;
  finished_ = true;
  if (!nested()) {
    connection_.rollback();
    return;
  }
  // An error may have ended the whole transaction (SQLite rolls back on some errors, MySQL on
  // a deadlock); then the savepoint is gone too.
  if (!connection_.inTransaction()) return;
  connection_.rollbackToSavepoint(savepoint_);
  connection_.releaseSavepoint(savepoint_);
}

}  // namespace ormc
