// One implementation of the SQLite workloads (raw C API, ormc, SQLiteCpp, SOCI), as the
// harness (main.cpp) drives it: open and set up outside the clock, then one timed call per
// workload. Every implementation opens its connection with the PRAGMAs ormc's SQLite backend
// sets (foreign_keys = ON, journal_mode = WAL for a file) and nothing else.
#pragma once

#include "bench_data.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::bench {

class SqliteImpl {
 public:
  virtual ~SqliteImpl() = default;

  // The name printed in the table.
  virtual std::string_view name() const = 0;
  // True for a reference that runs the insert workloads (1, 2) only.
  virtual bool insertsOnly() const { return false; }

  // Opens a connection to the database file `path`, or to a private in-memory database when
  // `path` is ":memory:". Not timed.
  virtual void open(const std::string& path) = 0;
  // Closes it. Not timed.
  virtual void close() = 0;
  // Runs a script of statements without parameters (schema, data). Not timed.
  virtual void execute(const std::string& script) = 0;
  // The first column of the first row of `sql`, as text (PRAGMAs, counts). Not timed.
  virtual std::string queryText(const std::string& sql) = 0;

  // Workload 1: INSERTs every row in one transaction; with `readIds`, sets each row's id to
  // the one the database generated.
  virtual void insertCustomers(std::vector<Customer>& rows, bool readIds) = 0;
  // Workload 2: INSERTs every row in one transaction (the ids need not be read back).
  virtual void insertReadings(std::vector<Reading>& rows) = 0;
  // Workload 3: appends the customer with each key to `out` (every key exists).
  virtual void findCustomers(std::span<const std::int64_t> keys, std::vector<Customer>& out) = 0;
  // Workload 4: appends the first `limit` readings by id to `out`.
  virtual void readReadings(std::int64_t limit, std::vector<Reading>& out) = 0;
};

std::unique_ptr<SqliteImpl> makeRawImpl();
std::unique_ptr<SqliteImpl> makeRawBatchedImpl();
std::unique_ptr<SqliteImpl> makeOrmcImpl();
std::unique_ptr<SqliteImpl> makeSqliteCppImpl();
std::unique_ptr<SqliteImpl> makeSociImpl();

}  // namespace ormc::bench
