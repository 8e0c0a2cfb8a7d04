// Workloads 1-4 on SQLite: every implementation of a workload runs once per repetition, the
// order rotating between repetitions, each on a database set up the same way outside the clock.
#include "workloads.hpp"

#include "sqlite_impl.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace ormc::bench {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kInnerReads10k = 10;  // the 10k read is short: each sample averages this many

std::string schemaScript() { return std::string(benchdb::Schema::createScript(ormc::DialectKind::Sqlite)); }

void removeDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

// A summary of the table's contents that every implementation's writes must reproduce.
constexpr const char* kCustomerSummary =
    "SELECT count(*) || ',' || sum(length(name)) || ',' || sum(length(description)) || ',' || max(id) FROM customer";
constexpr const char* kReadingSummary =
    "SELECT count(*) || ',' || count(e) || ',' || sum(a) || ',' || sum(b) || ',' || total(c) || ',' || "
    "sum(length(d)) || ',' || max(at) || ',' || min(at) FROM reading";

class SqliteRunner {
 public:
  SqliteRunner(const Options& options, bool memory) : options_(options), memory_(memory) {
    for (auto make : {makeRawImpl, makeRawBatchedImpl, makeOrmcImpl, makeSqliteCppImpl, makeSociImpl}) {
      auto impl = make();
      if (impl->name() == "raw" || options.runsImpl(std::string(impl->name()))) impls_.push_back(std::move(impl));
    }
    fs::create_directories(options.dir);
    writePath_ = options.dir + "/write.db";
    readPath_ = options.dir + "/read.db";
    customers_ = options.scale(100'000);
    readings_ = options.scale(1'000'000);
    finds_ = options.scale(100'000);
  }

  void run(std::vector<WorkloadResult>& results) {
    bool any = false;
    for (const char* id : {"insert-customers", "insert-customers-ids", "insert-readings", "find", "read-10k", "read-1m"}) {
      any = any || options_.runs(id);
    }
    if (!any) return;
    const std::string where = memory_ ? ", :memory:" : ", file";
    printSettings();
    if (options_.runs("insert-customers")) {
      results.push_back(insertCustomers(false, "1a insert " + std::to_string(customers_) + " Customer" + where));
    }
    if (options_.runs("insert-customers-ids")) {
      results.push_back(insertCustomers(true, "1b same, ids read back" + where));
    }
    if (options_.runs("insert-readings")) {
      results.push_back(insertReadings("2  insert " + std::to_string(readings_) + " Reading" + where));
    }
    const bool reads = options_.runs("find") || options_.runs("read-10k") || options_.runs("read-1m");
    if (reads && !memory_) makeReadDatabase();
    if (options_.runs("find")) {
      results.push_back(find("3  find by key x" + std::to_string(finds_) + where));
    }
    if (options_.runs("read-10k")) {
      const auto rows = static_cast<std::int64_t>(options_.scale(10'000));
      results.push_back(read(rows, kInnerReads10k, "4a read " + std::to_string(rows) + " Reading" + where));
    }
    if (options_.runs("read-1m")) {
      const auto rows = static_cast<std::int64_t>(readings_);
      results.push_back(read(rows, 1, "4b read " + std::to_string(rows) + " Reading" + where));
    }
    if (!memory_) {
      removeDatabase(writePath_);
      removeDatabase(readPath_);
    }
  }

 private:
  // Every implementation's view of the settings; they must agree, or the comparison is void.
  void printSettings() {
    std::printf("SQLite on %s\n", memory_ ? ":memory: (a private database per connection)"
                                          : ("a file in " + options_.dir).c_str());
    std::string first;
    for (auto& impl : impls_) {
      openEmpty(*impl);
      std::string settings = "version " + impl->queryText("SELECT sqlite_version()") + ", journal_mode=" +
                             impl->queryText("PRAGMA journal_mode") + ", synchronous=" +
                             impl->queryText("PRAGMA synchronous") + ", foreign_keys=" +
                             impl->queryText("PRAGMA foreign_keys") + ", cache_size=" +
                             impl->queryText("PRAGMA cache_size") + ", page_size=" + impl->queryText("PRAGMA page_size");
      impl->close();
      std::printf("  %-14s %s\n", std::string(impl->name()).c_str(), settings.c_str());
      if (first.empty()) first = settings;
      if (settings != first) throw std::runtime_error("the implementations run on different SQLite settings");
    }
    std::printf("  (synchronous: 0 OFF, 1 NORMAL, 2 FULL; every implementation sets only foreign_keys=ON%s)\n",
                memory_ ? "" : " and journal_mode=WAL");
  }

  std::string path() const { return memory_ ? ":memory:" : writePath_; }

  // Opens an empty database with the schema.
  void openEmpty(SqliteImpl& impl) {
    if (!memory_) removeDatabase(writePath_);
    impl.open(path());
    impl.execute(schemaScript());
  }

  // Opens the database of the read workloads (customers and readings in place).
  void openFilled(SqliteImpl& impl) {
    if (!memory_) {
      impl.open(readPath_);
      return;
    }
    impl.open(":memory:");
    impl.execute(schemaScript());
    impl.execute(populateCustomersSql(customers_));
    impl.execute(populateReadingsSql(readings_));
  }

  void makeReadDatabase() {
    removeDatabase(readPath_);
    auto raw = makeRawImpl();
    raw->open(readPath_);
    raw->execute(schemaScript());
    raw->execute("BEGIN; " + populateCustomersSql(customers_) + "; " + populateReadingsSql(readings_) + "; COMMIT");
    raw->execute("PRAGMA wal_checkpoint(TRUNCATE)");
    raw->close();
  }

  // Runs `once(impl)` for every implementation, `repeat` times, rotating the order.
  // `inserts` says whether the insert-only references take part.
  template <class F>
  void interleave(WorkloadResult& result, bool inserts, F&& once) {
    std::vector<SqliteImpl*> impls;
    for (auto& impl : impls_) {
      if (inserts || !impl->insertsOnly()) impls.push_back(impl.get());
    }
    for (SqliteImpl* impl : impls) result.declare(std::string(impl->name()));  // table rows in a fixed order
    for (int rep = 0; rep < options_.repeat; ++rep) {
      for (std::size_t k = 0; k < impls.size(); ++k) {
        SqliteImpl& impl = *impls[(k + static_cast<std::size_t>(rep)) % impls.size()];
        result.add(std::string(impl.name()), once(impl));
      }
    }
  }

  // Fails unless every implementation left the same summary.
  void agree(const std::string& workload, const std::string& impl, const std::string& summary) {
    auto [it, inserted] = summaries_.emplace(workload, summary);
    if (!inserted && it->second != summary) {
      throw std::runtime_error(workload + ": " + impl + " gives " + summary + ", another gave " + it->second);
    }
  }

  WorkloadResult insertCustomers(bool readIds, const std::string& title) {
    WorkloadResult result(title, "raw", 1.15);
    const std::vector<Customer> input = makeCustomers(customers_);
    interleave(result, true, [&](SqliteImpl& impl) {
      openEmpty(impl);
      std::vector<Customer> rows = input;
      const auto start = Clock::now();
      impl.insertCustomers(rows, readIds);
      const double ms = msSince(start);
      agree(title, std::string(impl.name()), impl.queryText(kCustomerSummary));
      if (readIds) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
          if (rows[i].id != static_cast<std::int64_t>(i + 1)) throw std::runtime_error(title + ": wrong id back");
        }
      }
      impl.close();
      return ms;
    });
    if (!readIds) result.notes.push_back("(ormc's insert_all always reads the ids back; it has no call without)");
    return result;
  }

  WorkloadResult insertReadings(const std::string& title) {
    WorkloadResult result(title, "raw", 1.10);
    const std::vector<Reading> input = makeReadings(readings_);
    interleave(result, true, [&](SqliteImpl& impl) {
      openEmpty(impl);
      std::vector<Reading> rows = input;
      const auto start = Clock::now();
      impl.insertReadings(rows);
      const double ms = msSince(start);
      agree(title, std::string(impl.name()), impl.queryText(kReadingSummary));
      impl.close();
      return ms;
    });
    return result;
  }

  WorkloadResult find(const std::string& title) {
    WorkloadResult result(title, "raw", 1.20);
    const std::vector<std::int64_t> keys = makeKeys(finds_, static_cast<std::int64_t>(customers_));
    interleave(result, false, [&](SqliteImpl& impl) {
      openFilled(impl);
      std::vector<Customer> out;
      out.reserve(keys.size());
      const auto start = Clock::now();
      impl.findCustomers(keys, out);
      const double ms = msSince(start);
      std::uint64_t sum = 0;
      for (const Customer& c : out) sum = mix(sum, checksum(c));
      agree(title, std::string(impl.name()), std::to_string(out.size()) + "/" + std::to_string(sum));
      impl.close();
      return ms;
    });
    return result;
  }

  WorkloadResult read(std::int64_t rows, std::size_t inner, const std::string& title) {
    WorkloadResult result(title, "raw", 1.20);
    interleave(result, false, [&](SqliteImpl& impl) {
      openFilled(impl);
      double ms = 0;
      for (std::size_t i = 0; i < inner; ++i) {
        std::vector<Reading> out;
        out.reserve(static_cast<std::size_t>(rows));
        const auto start = Clock::now();
        impl.readReadings(rows, out);
        ms += msSince(start);
        std::uint64_t sum = 0;
        for (const Reading& r : out) sum = mix(sum, checksum(r));
        agree(title, std::string(impl.name()), std::to_string(out.size()) + "/" + std::to_string(sum));
      }
      impl.close();
      return ms / static_cast<double>(inner);
    });
    if (inner > 1) result.notes.push_back("(each run is the mean of " + std::to_string(inner) + " reads)");
    return result;
  }

  const Options& options_;
  bool memory_;
  std::vector<std::unique_ptr<SqliteImpl>> impls_;
  std::string writePath_, readPath_;
  std::size_t customers_, readings_, finds_;
  std::map<std::string, std::string> summaries_;
};

}  // namespace

void runSqliteWorkloads(const Options& options, bool memory, std::vector<WorkloadResult>& results) {
  SqliteRunner(options, memory).run(results);
}

}  // namespace ormc::bench
