// Workload S1 (docs/benchmarks.md, "Session"): the unit of work ormc::Session exists for. Every
// Customer is loaded into a session, one field of each is set, and the session commits. The
// baseline is the same change written by hand with the sqlite3 C API: a SELECT into a vector,
// the field changed in memory, and one prepared UPDATE per row in one transaction.
//
// Each implementation keeps its connection (and so its statement cache) open for the whole
// workload, on one shared file or on a :memory: database of its own, filled outside the clock.
// Every run writes values no earlier run wrote, so every run really changes every row. The
// values are made before the clock starts, so that the ratio shows what the session costs and
// not the cost of formatting strings. After each run, outside the clock, every row is checked
// to hold its new value.
#include "workloads.hpp"

#include "bench_data.hpp"
#include "raw_sqlite.hpp"

#include "ormc/database.hpp"
#include "ormc/session.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ormc::bench {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Raw's statements: the SQL that ormc sends (checked when ormc opens and in its untimed run).
constexpr std::string_view kSelectCustomersSql =
    R"(SELECT "customer"."id", "customer"."name", "customer"."description" FROM "customer")";
constexpr std::string_view kUpdateDescriptionSql = R"(UPDATE "customer" SET "description" = ? WHERE "id" = ?)";

std::string schemaScript() { return std::string(benchdb::Schema::createScript(ormc::DialectKind::Sqlite)); }

void removeDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

// The descriptions of one run, by customer id (1..n): "run 000007, customer 000000042". Always
// the same length, so that rows keep their size from one run to the next.
struct NewValues {
  std::size_t run = 0;
  std::vector<std::string> byId;  // [id - 1]

  const std::string& of(std::int64_t id) const { return byId[static_cast<std::size_t>(id - 1)]; }
};

NewValues makeNewValues(std::size_t run, std::size_t rows) {
  NewValues values{run, {}};
  values.byId.reserve(rows);
  for (std::size_t id = 1; id <= rows; ++id) {
    char text[64];
    const int size = std::snprintf(text, sizeof text, "run %06zu, customer %09zu", run, id);
    values.byId.emplace_back(text, static_cast<std::size_t>(size));
  }
  return values;
}

// How many rows hold run `run`'s description: the same text, made by SQLite.
std::string countNewValuesSql(std::size_t run) {
  return R"(SELECT count(*) FROM "customer" WHERE "description" = printf('run %06d, customer %09d', )" +
         std::to_string(run) + R"(, "id"))";
}

// Where one run's time went (ms), in the order the phases ran; the runner adds "end" (what is
// left: freeing the rows, ending the session).
using PhaseTimes = std::vector<std::pair<std::string, double>>;

class PhaseClock {
 public:
  // The time since the last mark (or since construction) is phase `name`.
  void mark(std::string name) {
    const auto now = Clock::now();
    phases_.push_back({std::move(name), std::chrono::duration<double, std::milli>(now - last_).count()});
    last_ = now;
  }
  PhaseTimes take() { return std::move(phases_); }

 private:
  Clock::time_point last_ = Clock::now();
  PhaseTimes phases_;
};

class SessionImpl {
 public:
  virtual ~SessionImpl() = default;
  virtual std::string_view name() const = 0;
  // Not timed.
  virtual void open(const std::string& path) = 0;
  virtual void close() = 0;
  virtual void execute(const std::string& script) = 0;
  virtual std::int64_t count(const std::string& sql) = 0;
  // Not timed: what has to happen before the clock starts.
  virtual void prepareRun() {}
  // Timed: loads every customer, sets each one's description to `values.of(id)`, writes.
  virtual PhaseTimes updateAll(const NewValues& values) = 0;
  // The untimed first run; implementations that can check what they send do it here.
  virtual void warmUp(const NewValues& values) { updateAll(values); }
};

// The sqlite3 C API written the fast way: parameters bound by index (text SQLITE_STATIC),
// columns read by index straight into the struct. The statements are prepared in the run, as
// a function doing this job would; that costs microseconds. With `loads` false it is the
// reference raw-updates-only: the rows are read before the clock starts, so its time is the
// change and the UPDATEs alone, and raw's time minus it is what loading costs.
class RawSession final : public SessionImpl {
 public:
  explicit RawSession(bool loads) : loads_(loads) {}
  ~RawSession() override { close(); }

  std::string_view name() const override { return loads_ ? "raw" : "raw-updates-only"; }
  void open(const std::string& path) override { db_ = openRaw(path); }
  void close() override {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
  void execute(const std::string& script) override { executeRaw(db_, script); }

  std::int64_t count(const std::string& sql) override {
    Statement s(db_, sql);
    if (sqlite3_step(s.get()) != SQLITE_ROW) failRaw(db_, sql);
    return sqlite3_column_int64(s.get(), 0);
  }

  void prepareRun() override {
    if (!loads_) preloaded_ = load();
  }

  PhaseTimes updateAll(const NewValues& values) override {
    PhaseClock clock;
    std::vector<Customer> rows = loads_ ? load() : std::move(preloaded_);
    if (loads_) clock.mark("load");
    for (Customer& c : rows) c.description = values.of(c.id);
    clock.mark("set");
    executeRaw(db_, "BEGIN IMMEDIATE");
    {
      Statement update(db_, kUpdateDescriptionSql);
      for (const Customer& c : rows) {
        sqlite3_bind_text(update.get(), 1, c.description.data(), static_cast<int>(c.description.size()),
                          SQLITE_STATIC);
        sqlite3_bind_int64(update.get(), 2, c.id);
        if (sqlite3_step(update.get()) != SQLITE_DONE) failRaw(db_, kUpdateDescriptionSql);
        sqlite3_reset(update.get());
      }
    }
    executeRaw(db_, "COMMIT");
    clock.mark("write");
    return clock.take();
  }

 private:
  class Statement {
   public:
    Statement(sqlite3* db, std::string_view sql) {
      if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
        failRaw(db, "prepare " + std::string(sql));
      }
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return stmt_; }

   private:
    sqlite3_stmt* stmt_ = nullptr;
  };

  std::vector<Customer> load() {
    Statement select(db_, kSelectCustomersSql);
    std::vector<Customer> rows;
    int rc;
    while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
      Customer& c = rows.emplace_back();
      c.id = sqlite3_column_int64(select.get(), 0);
      c.name.assign(reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 1)),
                    static_cast<std::size_t>(sqlite3_column_bytes(select.get(), 1)));
      c.description.assign(reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 2)),
                           static_cast<std::size_t>(sqlite3_column_bytes(select.get(), 2)));
    }
    if (rc != SQLITE_DONE) failRaw(db_, kSelectCustomersSql);
    return rows;
  }

  bool loads_;
  sqlite3* db_ = nullptr;
  std::vector<Customer> preloaded_;
};

// ormc as an application uses a session. The session's end (the rows' handles released, the
// identity map freed) is part of the job, so it is inside the clock.
class OrmcSession final : public SessionImpl {
 public:
  std::string_view name() const override { return "ormc"; }

  void open(const std::string& path) override {
    db_.emplace(ormc::Database::open(path == ":memory:" ? "sqlite::memory:" : "sqlite:" + path));
    const std::string select = db_->query<Customer>().to_sql(db_->dialect());
    if (select != kSelectCustomersSql) {
      throw std::runtime_error("raw's SELECT differs from ormc's:\n  raw:  " + std::string(kSelectCustomersSql) +
                               "\n  ormc: " + select);
    }
  }
  void close() override { db_.reset(); }
  void execute(const std::string& script) override { db_->execute(script); }
  std::int64_t count(const std::string& sql) override { return db_->raw_query<std::int64_t>(sql).at(0); }

  PhaseTimes updateAll(const NewValues& values) override {
    PhaseClock clock;
    {
      ormc::Session session(*db_);
      std::vector<ormc::Tracked<Customer>> rows = session.query<Customer>().all();
      clock.mark("load");
      for (ormc::Tracked<Customer>& row : rows) row.set(benchdb::q::Customer.description, values.of(row->id));
      clock.mark("set");
      session.commit();
      clock.mark("flush+commit");
      tracked_ = session.size();
    }
    if (tracked_ != values.byId.size()) {
      throw std::runtime_error("ormc: the session tracked " + std::to_string(tracked_) + " customers");
    }
    return clock.take();
  }

  // Counts what the session sends: one SELECT and one UPDATE per row, raw's text, nothing else
  // but the transaction's BEGIN and COMMIT.
  void warmUp(const NewValues& values) override {
    std::size_t selects = 0, updates = 0;
    std::string unexpected;
    struct Unhook {  // the hook refers to these locals: it goes with them, even on a throw
      ormc::Database& db;
      ~Unhook() { db.on_statement({}); }
    } unhook{*db_};
    db_->on_statement([&](const ormc::StatementEvent& event) {
      if (event.sql == kSelectCustomersSql) {
        ++selects;
      } else if (event.sql == kUpdateDescriptionSql) {
        ++updates;
      } else if (!event.sql.starts_with("BEGIN") && !event.sql.starts_with("COMMIT") && unexpected.empty()) {
        unexpected = event.sql;
      }
    });
    updateAll(values);
    if (selects != 1 || updates != values.byId.size() || !unexpected.empty()) {
      throw std::runtime_error("ormc: the session ran " + std::to_string(selects) + " SELECT(s) and " +
                               std::to_string(updates) + " UPDATE(s) for " + std::to_string(values.byId.size()) +
                               " rows" + (unexpected.empty() ? "" : ", and " + unexpected));
    }
  }

 private:
  std::optional<ormc::Database> db_;
  std::size_t tracked_ = 0;
};

class SessionRunner {
 public:
  SessionRunner(const Options& options, bool memory) : options_(options), memory_(memory) {
    impls_.push_back(std::make_unique<RawSession>(true));
    if (options.runsImpl("ormc")) impls_.push_back(std::make_unique<OrmcSession>());
    if (options.runsImpl("raw-updates-only")) impls_.push_back(std::make_unique<RawSession>(false));
    rows_ = options.scale(100'000);
    fs::create_directories(options.dir);
    path_ = memory ? ":memory:" : options.dir + "/session.db";
  }

  WorkloadResult run() {
    WorkloadResult result("S1 session load+set+flush " + std::to_string(rows_) + (memory_ ? ", :memory:" : ", file"),
                          "raw", 1.50);
    if (!memory_) makeFile();
    for (auto& impl : impls_) {
      impl->open(path_);
      if (memory_) {
        impl->execute(schemaScript());
        impl->execute("BEGIN; " + populateCustomersSql(rows_) + "; COMMIT");
      }
      result.declare(std::string(impl->name()));
    }
    for (auto& impl : impls_) {
      const NewValues values = next();
      impl->prepareRun();
      impl->warmUp(values);
      check(result.title, *impl, values.run);
    }
    std::map<std::string, std::map<std::string, std::vector<double>>> phases;  // impl -> phase -> ms
    for (int rep = 0; rep < options_.repeat; ++rep) {
      for (std::size_t k = 0; k < impls_.size(); ++k) {
        SessionImpl& impl = *impls_[(k + static_cast<std::size_t>(rep)) % impls_.size()];
        const NewValues values = next();
        impl.prepareRun();
        const auto start = Clock::now();
        PhaseTimes times = impl.updateAll(values);
        const double ms = msSince(start);
        check(result.title, impl, values.run);
        result.add(std::string(impl.name()), ms);
        double rest = ms;
        for (const auto& [phase, phaseMs] : times) {
          phases[std::string(impl.name())][phase].push_back(phaseMs);
          rest -= phaseMs;
        }
        phases[std::string(impl.name())]["end"].push_back(rest);
      }
    }
    for (auto& impl : impls_) {
      impl->close();
      result.notes.push_back(phaseNote(std::string(impl->name()), phases[std::string(impl->name())]));
    }
    if (!memory_) removeDatabase(path_);
    result.notes.push_back("(Customer: all rows loaded, description set on each, one transaction; ormc's session end timed)");
    return result;
  }

 private:
  // The shared file, filled once by raw; every run rewrites every row, so no run needs it fresh.
  void makeFile() {
    removeDatabase(path_);
    RawSession raw(true);
    raw.open(path_);
    raw.execute(schemaScript());
    raw.execute("BEGIN; " + populateCustomersSql(rows_) + "; COMMIT");
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    raw.close();
  }

  NewValues next() { return makeNewValues(++runs_, rows_); }

  // Fails unless every row holds run `run`'s value.
  void check(const std::string& title, SessionImpl& impl, std::size_t run) {
    const std::int64_t updated = impl.count(countNewValuesSql(run));
    const std::int64_t total = impl.count(R"(SELECT count(*) FROM "customer")");
    if (updated != static_cast<std::int64_t>(rows_) || total != static_cast<std::int64_t>(rows_)) {
      throw std::runtime_error(title + ": " + std::string(impl.name()) + " left " + std::to_string(updated) + " of " +
                               std::to_string(total) + " rows with run " + std::to_string(run) + "'s value, not " +
                               std::to_string(rows_));
    }
  }

  // "(ormc: load 41.2, set 3.1, flush+commit 80.0, end 9.7 ms; medians)"
  static std::string phaseNote(const std::string& impl, const std::map<std::string, std::vector<double>>& phases) {
    std::string note = "(" + impl + ":";
    bool first = true;
    for (const char* phase : {"load", "set", "write", "flush+commit", "end"}) {
      auto it = phases.find(phase);
      if (it == phases.end()) continue;
      char text[64];
      std::snprintf(text, sizeof text, "%s %s %.1f", first ? "" : ",", phase, median(it->second));
      note += text;
      first = false;
    }
    return note + " ms; medians)";
  }

  const Options& options_;
  bool memory_;
  std::vector<std::unique_ptr<SessionImpl>> impls_;
  std::size_t rows_;
  std::string path_;
  std::size_t runs_ = 0;
};

}  // namespace

void runSessionWorkload(const Options& options, bool memory, std::vector<WorkloadResult>& results) {
  if (!options.runs("session-update")) return;
  results.push_back(SessionRunner(options, memory).run());
}

}  // namespace ormc::bench
