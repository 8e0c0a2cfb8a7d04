// Migration speed (docs/benchmarks.md, "Migrations"): what the migration runner costs over the
// same SQL run by hand. A table of --rows rows is migrated from v1 to v2 of a small schema, a
// change SQLite makes by rebuilding the table (a wider text and a wider integer). The migrations
// are written by the real `ormc migrate diff`, as a user would.
//
//   ormc: ormc::migrate(db, dir): orm.sum verified, history read under BEGIN IMMEDIATE, the
//         script's statements, PRAGMA foreign_key_check, the history row, COMMIT.
//   raw:  the sqlite3 C API: foreign_keys off, BEGIN IMMEDIATE, sqlite3_exec of the same
//         up.sqlite.sql, PRAGMA foreign_key_check, COMMIT, foreign_keys on.
//
// Each run starts from a copy of one filled database file (copied outside the clock); the
// implementations alternate, which one goes first too, and the medians are printed with their
// ratio. After each run, outside
// the clock, the table must hold every row with the new types. A plain timed binary, not a test.
#include "ormc/database.hpp"
#include "ormc/migrate.hpp"
#include "ormc/migration_files.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kV1 = R"(schema speed;

model Item {
  id    Int64       @id @autoincrement
  name  String(100)
  qty   Int32       @default(0)
  note  String?

  @@index([name])
}
)";

constexpr const char* kV2 = R"(schema speed;

model Item {
  id    Int64       @id @autoincrement
  name  String(200)
  qty   Int64       @default(0)
  note  String?

  @@index([name])
}
)";

struct Options {
  long rows = 1'000'000;
  int runs = 5;
  std::string ormc = ORMC_BENCH_DEFAULT_ORMC;
  fs::path dir = fs::temp_directory_path() / ("ormc_migrate_speed_" + std::to_string(::getpid()));
};

void check(bool ok, const std::string& what) {
  if (!ok) throw std::runtime_error(what);
}

void writeText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  check(static_cast<bool>(out), "cannot write " + path.string());
}

void runOrmcDiff(const Options& options, const std::string& schemaText, const std::string& name) {
  const fs::path schema = options.dir / "speed.orm";
  writeText(schema, schemaText);
  const std::string command = "'" + options.ormc + "' migrate diff '" + schema.string() + "' --dir '" +
                              (options.dir / "migrations").string() + "' --name " + name + " > /dev/null";
  check(std::system(command.c_str()) == 0, "ormc migrate diff failed: " + command);
  sleep(1);  // the next migration gets a later timestamp
}

void exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  const std::string error = message ? message : "";
  sqlite3_free(message);
  check(rc == SQLITE_OK, "sqlite3: " + error + " in " + sql.substr(0, 80));
}

sqlite3* openRaw(const fs::path& file) {
  sqlite3* db = nullptr;
  check(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK, "cannot open " + file.string());
  return db;
}

// The filled database at v1 (the first migration applied through the runner, so that its
// history is what a real database has), and the name of the pending second migration.
std::string prepare(const Options& options, const fs::path& templateFile) {
  fs::remove_all(options.dir);
  fs::create_directories(options.dir);
  runOrmcDiff(options, kV1, "items");
  {
    ormc::Database db = ormc::Database::open("sqlite:" + templateFile.string());
    ormc::migrate(db, options.dir / "migrations");
  }
  sqlite3* raw = openRaw(templateFile);
  exec(raw, "BEGIN");
  sqlite3_stmt* insert = nullptr;
  check(sqlite3_prepare_v2(raw, R"(INSERT INTO "item" ("name", "qty", "note") VALUES (?, ?, ?))", -1, &insert, nullptr) ==
            SQLITE_OK,
        "prepare insert");
  for (long i = 0; i < options.rows; ++i) {
    const std::string name = "item " + std::to_string(i);
    sqlite3_bind_text(insert, 1, name.c_str(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 2, i % 1000);
    if (i % 3 == 0) {
      sqlite3_bind_null(insert, 3);
    } else {
      sqlite3_bind_text(insert, 3, "a note", -1, SQLITE_STATIC);
    }
    check(sqlite3_step(insert) == SQLITE_DONE, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  exec(raw, "COMMIT");
  exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close(raw);
  runOrmcDiff(options, kV2, "widen_items");
  const std::vector<std::string> names = ormc::migration::listMigrations(options.dir / "migrations");
  check(names.size() == 2, "expected two migrations");
  return names.back();
}

void copyDatabase(const fs::path& from, const fs::path& to) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::remove(to.string() + suffix);
    if (fs::exists(from.string() + suffix)) fs::copy_file(from.string() + suffix, to.string() + suffix);
  }
}

double runOrmc(const Options& options, const fs::path& file) {
  ormc::Database db = ormc::Database::open("sqlite:" + file.string());
  const auto start = Clock::now();
  const std::vector<std::string> applied = ormc::migrate(db, options.dir / "migrations");
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  check(applied.size() == 1, "ormc applied " + std::to_string(applied.size()) + " migrations");
  return ms;
}

double runRaw(const Options& options, const fs::path& file, const std::string& migration) {
  sqlite3* db = openRaw(file);
  exec(db, "PRAGMA busy_timeout = 5000");
  const auto start = Clock::now();
  const std::string script = ormc::migration::readTextFile(options.dir / "migrations" / migration / "up.sqlite.sql");
  exec(db, "PRAGMA foreign_keys = OFF");
  exec(db, "BEGIN IMMEDIATE");
  exec(db, script);
  sqlite3_stmt* fkCheck = nullptr;
  check(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &fkCheck, nullptr) == SQLITE_OK, "prepare check");
  check(sqlite3_step(fkCheck) == SQLITE_DONE, "foreign_key_check found rows");
  sqlite3_finalize(fkCheck);
  exec(db, "COMMIT");
  exec(db, "PRAGMA foreign_keys = ON");
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  sqlite3_close(db);
  return ms;
}

// Outside the clock: every row is there, and the table has v2's definition.
void verify(const Options& options, const fs::path& file) {
  sqlite3* db = openRaw(file);
  sqlite3_stmt* s = nullptr;
  check(sqlite3_prepare_v2(db, R"(SELECT count(*), (SELECT sql FROM sqlite_schema WHERE name = 'item') FROM "item")", -1, &s,
                           nullptr) == SQLITE_OK,
        "prepare verify");
  check(sqlite3_step(s) == SQLITE_ROW, "verify");
  const long count = static_cast<long>(sqlite3_column_int64(s, 0));
  const std::string sql = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
  sqlite3_finalize(s);
  sqlite3_close(db);
  check(count == options.rows, "rows lost: " + std::to_string(count));
  check(sql.find("<= 200") != std::string::npos, "the table was not migrated: " + sql);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      check(i + 1 < argc, arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--rows") {
      options.rows = std::stol(value());
    } else if (arg == "--runs") {
      options.runs = std::stoi(value());
    } else if (arg == "--ormc") {
      options.ormc = value();
    } else if (arg == "--dir") {
      options.dir = value();
    } else {
      throw std::runtime_error("usage: ormc_bench_migrate [--rows N] [--runs R] [--ormc PATH] [--dir DIR]");
    }
  }
  check(options.rows > 0 && options.runs > 0, "--rows and --runs must be positive");
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse(argc, argv);
    const fs::path templateFile = options.dir / "template.db";
    const fs::path runFile = options.dir / "run.db";
    std::string migration;
    {
      // prepare() clears the directory, so the template lives in it only after.
      const fs::path staging = fs::temp_directory_path() / ("ormc_migrate_speed_template_" + std::to_string(::getpid()));
      migration = prepare(options, staging);
      for (const char* suffix : {"", "-wal", "-shm"}) {
        if (fs::exists(staging.string() + suffix)) fs::rename(staging.string() + suffix, templateFile.string() + suffix);
      }
    }
    std::vector<double> ormcMs, rawMs;
    for (int run = 0; run < options.runs; ++run) {
      // Which one goes first alternates, so that neither always meets a warmer page cache.
      for (int turn = 0; turn < 2; ++turn) {
        copyDatabase(templateFile, runFile);
        if ((run + turn) % 2 == 0) {
          ormcMs.push_back(runOrmc(options, runFile));
        } else {
          rawMs.push_back(runRaw(options, runFile, migration));
        }
        verify(options, runFile);
      }
    }
    const double ormc = median(ormcMs), raw = median(rawMs);
    std::printf("migrate %ld rows (SQLite table rebuild, file), median of %d runs\n", options.rows, options.runs);
    std::printf("  raw   %10.1f ms\n  ormc  %10.1f ms   %.2fx raw\n", raw, ormc, ormc / raw);
    fs::remove_all(options.dir);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ormc_bench_migrate: %s\n", error.what());
    return 1;
  }
}
