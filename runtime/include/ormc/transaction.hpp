// RAII transactions over a Connection. The outermost Transaction on a connection runs
// BEGIN/COMMIT/ROLLBACK; one constructed while a transaction is open becomes a SAVEPOINT, so
// code that needs atomicity can open a Transaction without knowing whether its caller did.
//
//   ormc::Transaction tx(connection);   // BEGIN IMMEDIATE (Write) or SAVEPOINT ormc_sp_N
//   ...                                 // an exception here rolls back
//   tx.commit();                        // COMMIT or RELEASE
//
// The destructor rolls back unless commit() ran, and never throws: a failed rollback during
// stack unwinding must not terminate the program (the database rolls back when the
// connection closes anyway).
#pragma once

#include "ormc/backend.hpp"

#include <string>

namespace ormc {

class Transaction {
 public:
  // Begins a transaction in `mode`, or a savepoint if one is open already (mode is then that
  // of the enclosing transaction).
  explicit Transaction(Connection& connection, TransactionMode mode = TransactionMode::Write);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Makes the changes part of the enclosing transaction (savepoint) or durable (outermost).
  // Throws DatabaseError/Timeout on failure; the transaction then stays open and the
  // destructor rolls it back. Calling it twice is a logic error (throws ormc::Error).
  void commit();
  // Undoes the changes now instead of in the destructor.
  void rollback();

  // True if this is a savepoint inside an enclosing transaction.
  bool nested() const noexcept { return !savepoint_.empty(); }

 private:
  Connection& connection_;
  std::string savepoint_;  // empty for the outermost transaction
  bool finished_ = false;
};

}  // namespace ormc
