// Workload 5 on MariaDB/MySQL: ormc's batched insert_all against a loop of single inserts and
// against a hand-written multi-row INSERT through Connector/C++ 1.1 with the same batch size,
// all in one transaction and reading the generated ids back (as insert_all does).
#include "workloads.hpp"

#include "bench_data.hpp"

#include <cstdio>

#if ORMC_BENCH_WITH_MYSQL
#include "ormc/database.hpp"
#include "ormc/url.hpp"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#endif

namespace ormc::bench {

#if !ORMC_BENCH_WITH_MYSQL

void runMariadbWorkload(const Options&, std::vector<WorkloadResult>&) {
  std::printf("MariaDB: skipped, this build has no MySQL backend (ORMC_WITH_MYSQL=OFF)\n");
}

#else

namespace {

using Clock = std::chrono::steady_clock;

// INSERT INTO `customer` (`name`, `description`) VALUES (?, ?), ... for `rows` rows.
std::string multiRowInsert(std::size_t rows) {
  std::string sql = "INSERT INTO `customer` (`name`, `description`) VALUES ";
  for (std::size_t i = 0; i < rows; ++i) sql += i == 0 ? "(?, ?)" : ", (?, ?)";
  return sql;
}

// The hand-written Connector/C++ 1.1 version: prepared multi-row INSERTs of `batch` rows (and
// one for the rest), setString by index, LAST_INSERT_ID() per statement for the ids.
class ConnectorInserter {
 public:
  explicit ConnectorInserter(const ormc::DatabaseUrl& url) {
    sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
    const std::string host = url.socket.empty() ? "tcp://" + url.host + ":" + std::to_string(url.port)
                                                : "unix://" + url.socket;
    connection_.reset(driver->connect(host, url.user, url.password));
    connection_->setSchema(url.database);
    text_.reset(connection_->createStatement());
    text_->execute("SET NAMES utf8mb4 COLLATE utf8mb4_bin");
  }

  void insert(std::vector<Customer>& rows, std::size_t batch) {
    connection_->setAutoCommit(false);
    std::unique_ptr<sql::PreparedStatement> full(connection_->prepareStatement(multiRowInsert(batch)));
    for (std::size_t first = 0; first < rows.size(); first += batch) {
      const std::size_t n = std::min(batch, rows.size() - first);
      std::unique_ptr<sql::PreparedStatement> rest;
      sql::PreparedStatement* insert = full.get();
      if (n != batch) {
        rest.reset(connection_->prepareStatement(multiRowInsert(n)));
        insert = rest.get();
      }
      int index = 1;
      for (std::size_t i = first; i < first + n; ++i) {
        insert->setString(index++, rows[i].name);
        insert->setString(index++, rows[i].description);
      }
      insert->executeUpdate();
      std::unique_ptr<sql::ResultSet> id(text_->executeQuery("SELECT LAST_INSERT_ID()"));
      if (!id->next()) throw std::runtime_error("Connector/C++: no LAST_INSERT_ID()");
      std::int64_t next = id->getInt64(1);  // MySQL reports the first id of a multi-row INSERT
      for (std::size_t i = first; i < first + n; ++i) rows[i].id = next++;
    }
    connection_->commit();
    connection_->setAutoCommit(true);
  }

 private:
  std::unique_ptr<sql::Connection> connection_;
  std::unique_ptr<sql::Statement> text_;
};

}  // namespace

void runMariadbWorkload(const Options& options, std::vector<WorkloadResult>& results) {
  const ormc::DatabaseUrl url = ormc::parseDatabaseUrl(options.mysqlUrl);
  const std::size_t count = options.scale(100'000);
  const std::size_t batch = ormc::crud::sql::batchRows<Customer>(ormc::kMysqlDialect);

  ormc::Database db = ormc::Database::open(options.mysqlUrl);
  ConnectorInserter connector(url);
  std::string version = db.withConnection([](ormc::Connection& c) {
    ormc::PreparedStatement s = c.prepare("SELECT VERSION()");
    s->step();
    return std::string(s->columnText(0));
  });
  std::printf("MariaDB/MySQL %s at %s; batches of %zu rows\n", version.c_str(), url.redacted().c_str(), batch);

  auto resetTables = [&] {
    db.execute("DROP TABLE IF EXISTS `reading`, `customer`");
    db.create_all<benchdb::Schema>();
  };
  auto check = [&](const std::string& impl, const std::vector<Customer>& rows) {
    std::int64_t stored = db.withConnection([](ormc::Connection& c) {
      ormc::PreparedStatement s = c.prepare("SELECT COUNT(*) FROM `customer`");
      s->step();
      return s->columnInt64(0);
    });
    if (stored != static_cast<std::int64_t>(rows.size())) throw std::runtime_error(impl + ": wrong row count");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].id != static_cast<std::int64_t>(i + 1)) throw std::runtime_error(impl + ": wrong id back");
    }
  };

  const std::vector<Customer> input = makeCustomers(count);
  WorkloadResult result("5  insert " + std::to_string(count) + " Customer, MariaDB", "Connector/C++ batched", 1.10,
                        "ormc insert_all");
  struct Impl {
    std::string name;
    std::function<void(std::vector<Customer>&)> run;
  };
  const std::vector<Impl> impls = {
      {"Connector/C++ batched", [&](std::vector<Customer>& rows) { connector.insert(rows, batch); }},
      {"ormc insert_all", [&](std::vector<Customer>& rows) { db.insert_all(rows); }},
      {"ormc insert loop",
       [&](std::vector<Customer>& rows) {
         ormc::Transaction tx = db.transaction();
         for (Customer& c : rows) db.insert(c);
         tx.commit();
       }},
  };
  for (const Impl& impl : impls) result.declare(impl.name);
  for (int rep = 0; rep < options.repeat; ++rep) {
    for (std::size_t k = 0; k < impls.size(); ++k) {
      const Impl& impl = impls[(k + static_cast<std::size_t>(rep)) % impls.size()];
      resetTables();
      std::vector<Customer> rows = input;
      const auto start = Clock::now();
      impl.run(rows);
      result.add(impl.name, msSince(start));
      check(impl.name, rows);
    }
  }
  char note[160];
  std::snprintf(note, sizeof note, "(insert_all is %.1fx faster than the loop of single inserts; expected >= 10)",
                result.median("ormc insert loop") / result.median("ormc insert_all"));
  result.notes.push_back(note);
  results.push_back(std::move(result));
}

#endif

}  // namespace ormc::bench
