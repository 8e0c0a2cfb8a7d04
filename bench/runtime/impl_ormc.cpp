// ormc as an application uses it: Database::open, insert_all, find, and for reading many rows
// (until the query API exists) a prepared SELECT mapped by crud::readRow, the path the query
// API will take.
#include "sqlite_impl.hpp"

#include "ormc/database.hpp"

#include <optional>
#include <stdexcept>

namespace ormc::bench {

namespace {

class OrmcImpl final : public SqliteImpl {
 public:
  std::string_view name() const override { return "ormc"; }

  void open(const std::string& path) override {
    db_.emplace(ormc::Database::open(path == ":memory:" ? "sqlite::memory:" : "sqlite:" + path));
  }
  void close() override { db_.reset(); }
  void execute(const std::string& script) override { db_->execute(script); }

  std::string queryText(const std::string& sql) override {
    return db_->withConnection([&](ormc::Connection& c) {
      ormc::PreparedStatement s = c.prepare(sql);
      if (!s->step()) throw std::runtime_error("ormc: no row from " + sql);
      return std::string(s->columnText(0));
    });
  }

  // insert_all always reads the generated ids back: there is no cheaper call without them.
  void insertCustomers(std::vector<Customer>& rows, bool) override { db_->insert_all(rows); }

  void insertReadings(std::vector<Reading>& rows) override { db_->insert_all(rows); }

  void findCustomers(std::span<const std::int64_t> keys, std::vector<Customer>& out) override {
    for (std::int64_t key : keys) {
      std::optional<Customer> found = db_->find<Customer>(key);
      if (!found) throw std::runtime_error("ormc: key not found");
      out.push_back(std::move(*found));
    }
  }

  void readReadings(std::int64_t limit, std::vector<Reading>& out) override {
    db_->withConnection([&](ormc::Connection& c) {
      ormc::PreparedStatement s = c.prepare(kSelectReadingsSql);
      s->bindInt64(1, limit);
      while (s->step()) {
        Reading r;
        ormc::crud::readRow(*s, r);
        out.push_back(std::move(r));
      }
    });
  }

 private:
  std::optional<ormc::Database> db_;
};

}  // namespace

std::unique_ptr<SqliteImpl> makeOrmcImpl() { return std::make_unique<OrmcImpl>(); }

}  // namespace ormc::bench
