// SOCI (sqlite3 backend) written the way its documentation recommends for speed: prepared
// statements bound to variables once, bulk (vector) binding of 1,000 rows per round for
// inserts without ids, last_insert_id per row where ids are wanted, row-by-row fetch for reads.
#include "sqlite_impl.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

namespace ormc::bench {

namespace {

constexpr std::size_t kBulkRows = 1000;

// SOCI binds as many rows as the vectors hold.
template <class... Vectors>
void resizeAll(std::size_t rows, Vectors&... vectors) {
  (vectors.resize(rows), ...);
}

class SociImpl final : public SqliteImpl {
 public:
  std::string_view name() const override { return "SOCI"; }

  void open(const std::string& path) override {
    sql_.emplace(soci::sqlite3, "db=" + path);
    execute("PRAGMA foreign_keys = ON");
    if (path != ":memory:") execute("PRAGMA journal_mode = WAL");
  }
  void close() override { sql_.reset(); }

  // SOCI runs one statement per call; a script goes through the native handle.
  void execute(const std::string& script) override {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql_->get_backend());
    if (sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw std::runtime_error("SOCI: " + std::string(sqlite3_errmsg(backend->conn_)));
    }
  }

  std::string queryText(const std::string& sql) override {
    std::string out;
    *sql_ << sql, soci::into(out);
    return out;
  }

  void insertCustomers(std::vector<Customer>& rows, bool readIds) override {
    soci::session& sql = *sql_;
    soci::transaction tx(sql);
    if (readIds) {
      std::string name, description;
      soci::statement insert = (sql.prepare << kInsertCustomerSql, soci::use(name), soci::use(description));
      for (Customer& c : rows) {
        name = c.name;
        description = c.description;
        insert.execute(true);
        long long id = 0;
        sql.get_last_insert_id("customer", id);
        c.id = id;
      }
    } else {
      std::vector<std::string> names(kBulkRows), descriptions(kBulkRows);
      soci::statement insert = (sql.prepare << kInsertCustomerSql, soci::use(names), soci::use(descriptions));
      for (std::size_t first = 0; first < rows.size(); first += kBulkRows) {
        const std::size_t n = std::min(kBulkRows, rows.size() - first);
        names.resize(n);
        descriptions.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
          names[i] = rows[first + i].name;
          descriptions[i] = rows[first + i].description;
        }
        insert.execute(true);
      }
    }
    tx.commit();
  }

  void insertReadings(std::vector<Reading>& rows) override {
    soci::session& sql = *sql_;
    soci::transaction tx(sql);
    std::vector<int> a(kBulkRows);
    std::vector<long long> b(kBulkRows);
    std::vector<double> c(kBulkRows);
    std::vector<std::string> d(kBulkRows), e(kBulkRows), at(kBulkRows);
    std::vector<soci::indicator> eNull(kBulkRows);
    soci::statement insert = (sql.prepare << kInsertReadingSql, soci::use(a), soci::use(b), soci::use(c),
                              soci::use(d), soci::use(e, eNull), soci::use(at));
    char buffer[kDateTimeTextSize];
    for (std::size_t first = 0; first < rows.size(); first += kBulkRows) {
      const std::size_t n = std::min(kBulkRows, rows.size() - first);
      resizeAll(n, a, b, c, d, e, at, eNull);
      for (std::size_t i = 0; i < n; ++i) {
        const Reading& r = rows[first + i];
        a[i] = r.a;
        b[i] = r.b;
        c[i] = r.c;
        d[i] = r.d;
        eNull[i] = r.e ? soci::i_ok : soci::i_null;
        if (r.e) e[i] = *r.e;
        formatDateTimeFast(r.at, buffer);
        at[i].assign(buffer, kDateTimeTextSize);
      }
      insert.execute(true);
    }
    tx.commit();
  }

  void findCustomers(std::span<const std::int64_t> keys, std::vector<Customer>& out) override {
    long long key = 0, id = 0;
    std::string name, description;
    soci::statement find = (sql_->prepare << kFindCustomerSql, soci::into(id), soci::into(name),
                            soci::into(description), soci::use(key));
    for (std::int64_t k : keys) {
      key = k;
      if (!find.execute(true)) throw std::runtime_error("SOCI: key not found");
      Customer c;
      c.id = id;
      c.name = name;
      c.description = description;
      out.push_back(std::move(c));
    }
  }

  // Row by row: SOCI 4.0's bulk fetch stores a column declared INTEGER as a 32-bit int, so a
  // vector<long long> would get `b` truncated.
  void readReadings(std::int64_t limit, std::vector<Reading>& out) override {
    long long max = limit, id = 0, b = 0;
    int a = 0;
    double c = 0;
    std::string d, e, at;
    soci::indicator eNull = soci::i_ok;
    soci::statement select = (sql_->prepare << kSelectReadingsSql, soci::into(id), soci::into(a), soci::into(b),
                              soci::into(c), soci::into(d), soci::into(e, eNull), soci::into(at), soci::use(max));
    select.execute(false);
    while (select.fetch()) {
      Reading& r = out.emplace_back();
      r.id = id;
      r.a = a;
      r.b = b;
      r.c = c;
      r.d = d;
      if (eNull == soci::i_ok) r.e = e;
      if (!parseDateTimeFast(at, r.at)) throw std::runtime_error("SOCI: bad date");
    }
  }

 private:
  std::optional<soci::session> sql_;
};

}  // namespace

std::unique_ptr<SqliteImpl> makeSociImpl() { return std::make_unique<SociImpl>(); }

}  // namespace ormc::bench
