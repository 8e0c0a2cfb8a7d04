// SQLiteCpp written the way its documentation recommends for speed: one Statement per
// workload, bind by index, bindNoCopy for text that outlives the step, getColumn by index.
#include "sqlite_impl.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace ormc::bench {

namespace {

class SqliteCppImpl final : public SqliteImpl {
 public:
  std::string_view name() const override { return "SQLiteCpp"; }

  void open(const std::string& path) override {
    db_.emplace(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    db_->exec("PRAGMA foreign_keys = ON");
    if (path != ":memory:") db_->exec("PRAGMA journal_mode = WAL");
  }
  void close() override { db_.reset(); }
  void execute(const std::string& script) override { db_->exec(script); }
  std::string queryText(const std::string& sql) override { return db_->execAndGet(sql).getString(); }

  void insertCustomers(std::vector<Customer>& rows, bool readIds) override {
    SQLite::Transaction tx(*db_);
    SQLite::Statement insert(*db_, std::string(kInsertCustomerSql));
    for (Customer& c : rows) {
      insert.bindNoCopy(1, c.name);
      insert.bindNoCopy(2, c.description);
      insert.exec();
      insert.reset();
      if (readIds) c.id = db_->getLastInsertRowid();
    }
    tx.commit();
  }

  void insertReadings(std::vector<Reading>& rows) override {
    SQLite::Transaction tx(*db_);
    SQLite::Statement insert(*db_, std::string(kInsertReadingSql));
    char buffer[kDateTimeTextSize];
    std::string at;
    for (const Reading& r : rows) {
      insert.bind(1, r.a);
      insert.bind(2, r.b);
      insert.bind(3, r.c);
      insert.bindNoCopy(4, r.d);
      if (r.e) {
        insert.bindNoCopy(5, *r.e);
      } else {
        insert.bind(5);
      }
      formatDateTimeFast(r.at, buffer);
      at.assign(buffer, kDateTimeTextSize);
      insert.bindNoCopy(6, at);
      insert.exec();
      insert.reset();
    }
    tx.commit();
  }

  void findCustomers(std::span<const std::int64_t> keys, std::vector<Customer>& out) override {
    SQLite::Statement find(*db_, std::string(kFindCustomerSql));
    for (std::int64_t key : keys) {
      find.bind(1, key);
      if (!find.executeStep()) throw std::runtime_error("SQLiteCpp: key not found");
      Customer c;
      c.id = find.getColumn(0).getInt64();
      c.name = find.getColumn(1).getString();
      c.description = find.getColumn(2).getString();
      out.push_back(std::move(c));
      find.reset();
    }
  }

  void readReadings(std::int64_t limit, std::vector<Reading>& out) override {
    SQLite::Statement select(*db_, std::string(kSelectReadingsSql));
    select.bind(1, limit);
    while (select.executeStep()) {
      Reading& r = out.emplace_back();
      r.id = select.getColumn(0).getInt64();
      r.a = select.getColumn(1).getInt();
      r.b = select.getColumn(2).getInt64();
      r.c = select.getColumn(3).getDouble();
      r.d = select.getColumn(4).getString();
      SQLite::Column e = select.getColumn(5);
      if (!e.isNull()) r.e = e.getString();
      SQLite::Column at = select.getColumn(6);
      if (!parseDateTimeFast({at.getText(), static_cast<std::size_t>(at.getBytes())}, r.at)) {
        throw std::runtime_error("SQLiteCpp: bad date");
      }
    }
  }

 private:
  std::optional<SQLite::Database> db_;
};

}  // namespace

std::unique_ptr<SqliteImpl> makeSqliteCppImpl() { return std::make_unique<SqliteCppImpl>(); }

}  // namespace ormc::bench
