// `ormc migrate diff|apply|status|sql|resolve`.
//
// `ormc migrate diff FILE... --dir DIR --name NAME [--allow-destructive]`: writes the migration
// from the schema of the latest migration in DIR (none: an empty database) to FILE's, as
// DIR/<UTC timestamp>_<NAME>/ with its SQL per database and direction and its snapshot, and
// updates DIR/orm.sum. Nothing changed: says so and writes nothing. A migration that loses data
// is refused, naming what it would lose, unless --allow-destructive.
// `apply`, `status`, `sql` and `resolve` take --dir and --url and run ormc::migrate and its
// friends (runtime/include/ormc/migrate.hpp) on the database.
// `status` lists each migration (applied, pending, FAILED), then drift: the live catalog
// (ormc/catalog.hpp) compared with the snapshot of the last applied migration, as one
// `drift    ...` line and, if they differ, one indented line per difference. A snapshot or
// catalog that cannot be read makes that line `drift    not checked: ...`, never a failure.
#include "cli/cli.hpp"
#include "emit/sql/dialect.hpp"
#include "migrate/diff.hpp"
#include "migrate/directory.hpp"
#include "migrate/expected_catalog.hpp"
#include "ormc/catalog.hpp"
#include "ormc/database.hpp"
#include "ormc/error.hpp"
#include "ormc/migrate.hpp"
#include "ormc/migration_files.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace ormc::cli {

namespace {

struct DiffFlags {
  FrontEndFlags frontEnd;
  std::string dir = "migrations";
  std::string name;
  bool allowDestructive = false;
};

int runDiff(DiffFlags& flags) {
  const char* me = "ormc migrate diff";
  if (!migration::validMigrationName(flags.name)) {
    std::cerr << me << ": error: --name '" << flags.name
              << "' must be lowercase letters, digits and '_', starting with a letter\n";
    return kExitUsage;
  }
  driver::Compilation compilation;
  if (int status = runFrontEnd(toOptions(flags.frontEnd), compilation); status != kExitOk) return status;
  const std::filesystem::path dir = flags.dir;
  if (std::vector<std::string> problems = migration::verifySum(dir); !problems.empty()) {
    std::cerr << me << ": error: " << dir.string() << " does not match its " << migration::kSumFile << ":\n";
    for (const std::string& problem : problems) std::cerr << "  " << problem << "\n";
    return kExitUsage;
  }
  ir::Schema before;
  try {
    before = migration::latestSnapshot(dir);
  } catch (const std::exception& error) {
    std::cerr << me << ": error: " << error.what() << "\n";
    return kExitUsage;
  }
  const migration::Diff up = migration::diff(before, *compilation.schema);
  std::vector<std::string> migrations = migration::listMigrations(dir);
  if (up.empty()) {
    std::cout << "No changes since " << (migrations.empty() ? "an empty database" : migrations.back())
              << "; nothing written.\n";
    return kExitOk;
  }
  for (const std::string& note : up.notes) std::cerr << me << ": note: " << note << "\n";
  if (std::vector<const migration::Operation*> lost = up.destructive(); !lost.empty() && !flags.allowDestructive) {
    std::cerr << me << ": error: this migration would lose data; nothing written. Rerun with --allow-destructive "
              << "to write it anyway:\n";
    for (const migration::Operation* op : lost) std::cerr << "  - " << migration::describe(*op) << ": " << op->loss << "\n";
    return kExitUsage;
  }
  std::string folder;
  try {
    folder = migration::writeMigration(dir, flags.name, migration::utcTimestamp(), before, *compilation.schema, up);
  } catch (const std::exception& error) {
    std::cerr << me << ": error: " << error.what() << "\n";
    return kExitUsage;
  }
  std::cout << "Wrote " << (dir / folder).string() << " (" << up.operations.size() << " operation"
            << (up.operations.size() == 1 ? "" : "s") << "):\n";
  for (const migration::Operation& op : up.operations) {
    std::cout << "  " << migration::describe(op) << (op.destructive() ? "  [destructive]" : "") << "\n";
  }
  return kExitOk;
}

// What apply, status, sql and resolve take.
struct DatabaseFlags {
  std::string dir = "migrations";
  std::string url;
  int lockTimeout = 30;
  std::string rolledBack;
  std::string applied;
};

void addDatabaseFlags(CLI::App& command, DatabaseFlags& flags) {
  command.add_option("--dir", flags.dir, "The migrations directory")->capture_default_str();
  command.add_option("--url", flags.url, "The database: sqlite:path, mysql://user:password@host:port/db")->required();
}

// Runs `work` on the database at flags.url; ormc errors become messages and exit status 1.
int withDatabase(const char* me, const DatabaseFlags& flags, const std::function<int(Database&)>& work) {
  try {
    Database db = Database::open(flags.url);
    return work(db);
  } catch (const InvalidUrl& error) {
    std::cerr << me << ": error: " << error.what() << "\n";
    return kExitUsage;
  } catch (const Error& error) {
    std::cerr << me << ": error: " << error.what() << "\n";
    return kExitSchemaErrors;
  }
}

const char* stateName(MigrationState state) {
  switch (state) {
    case MigrationState::Applied: return "applied";
    case MigrationState::Pending: return "pending";
    case MigrationState::Failed: return "FAILED";
  }
  return "?";
}

int runApply(const DatabaseFlags& flags) {
  return withDatabase("ormc migrate apply", flags, [&](Database& db) {
    MigrateOptions options;
    options.lockTimeout = std::chrono::seconds(flags.lockTimeout);
    // As each one commits: a later failure must not hide what was applied before it.
    options.onApplied = [](const std::string& name) { std::cout << "Applied " << name << std::endl; };
    if (migrate(db, flags.dir, options).empty()) std::cout << "Nothing to apply: the database is up to date.\n";
    return kExitOk;
  });
}

// The drift section of `status`: the live catalog against the snapshot of the last applied
// migration (none applied: an empty database). Reading either side may fail without failing
// the command: the migration lines above it are still right.
void printDrift(Database& db, const DatabaseFlags& flags, const std::vector<MigrationInfo>& migrations) {
  const MigrationInfo* last = nullptr;
  for (const MigrationInfo& info : migrations) {
    // By name, which starts with the timestamp: the history may list a vanished folder last.
    if (info.state == MigrationState::Applied && (!last || info.name > last->name)) last = &info;
  }
  std::vector<std::string> differences;
  try {
    ir::Schema schema;
    if (last) {
      if (!last->inDirectory) {
        throw std::runtime_error("the last applied migration, " + last->name + ", is not in " + flags.dir);
      }
      schema = migration::readSnapshot(flags.dir, last->name);
    }
    const DialectKind kind = db.dialect().kind();
    const emit::sql::Dialect& dialect =
        kind == DialectKind::Sqlite ? emit::sql::sqliteDialect() : emit::sql::mysqlDialect();
    differences = compareCatalogs(migration::expectedCatalog(schema, dialect), readCatalog(db), kind);
  } catch (const std::exception& error) {
    std::cout << "drift    not checked: " << error.what() << "\n";
    return;
  }
  if (differences.empty()) {
    std::cout << "drift    none ("
              << (last ? "the database matches the schema of " + last->name
                       : std::string("no migration applied, and the database has no tables"))
              << ")\n";
    return;
  }
  std::cout << "drift    " << differences.size() << " difference(s) from "
            << (last ? "the schema of " + last->name : std::string("an empty database (no migration applied)"))
            << ":\n";
  for (const std::string& difference : differences) std::cout << "  " << difference << "\n";
}

int runStatus(const DatabaseFlags& flags) {
  return withDatabase("ormc migrate status", flags, [&](Database& db) {
    const std::vector<MigrationInfo> migrations = migrationStatus(db, flags.dir);
    for (const MigrationInfo& info : migrations) {
      std::cout << stateName(info.state) << "  " << info.name;
      if (!info.inDirectory) std::cout << "  (recorded, but not in " << flags.dir << ")";
      if (info.state == MigrationState::Failed) {
        std::cout << "  after " << info.appliedStatements << " statement(s): " << info.error;
      }
      std::cout << "\n";
    }
    printDrift(db, flags, migrations);
    return kExitOk;
  });
}

int runSql(const DatabaseFlags& flags) {
  return withDatabase("ormc migrate sql", flags, [&](Database& db) {
    const std::string file = db.dialect().kind() == DialectKind::Sqlite ? "up.sqlite.sql" : "up.mysql.sql";
    for (const MigrationInfo& info : migrationStatus(db, flags.dir)) {
      if (!info.inDirectory || info.state == MigrationState::Applied) continue;
      const std::string text = migration::readTextFile(std::filesystem::path(flags.dir) / info.name / file);
      if (info.state == MigrationState::Pending) {
        std::cout << "-- " << info.name << "\n" << text;
        continue;
      }
      // A failed migration (MySQL) resumes at its failed statement: what is left to run.
      const migration::MigrationScript script = migration::parseScript(text);
      std::cout << "-- " << info.name << ": failed after " << info.appliedStatements << " of "
                << script.statements.size() << " statements; these remain\n";
      for (std::size_t i = static_cast<std::size_t>(info.appliedStatements); i < script.statements.size(); ++i) {
        std::cout << script.statements[i] << ";\n";
      }
    }
    return kExitOk;
  });
}

int runResolve(const DatabaseFlags& flags) {
  if (flags.rolledBack.empty() == flags.applied.empty()) {
    std::cerr << "ormc migrate resolve: error: give exactly one of --rolled-back NAME and --applied NAME\n";
    return kExitUsage;
  }
  return withDatabase("ormc migrate resolve", flags, [&](Database& db) {
    const bool applied = !flags.applied.empty();
    const std::string& name = applied ? flags.applied : flags.rolledBack;
    MigrateOptions options;
    options.lockTimeout = std::chrono::seconds(flags.lockTimeout);
    resolveMigration(db, flags.dir, name, applied, options);
    std::cout << "Recorded " << name << (applied ? " as applied" : " as rolled back (no longer recorded)") << "\n";
    return kExitOk;
  });
}

}  // namespace

void addMigrateCommand(CLI::App& app, Registry& registry) {
  CLI::App* migrate = app.add_subcommand("migrate", "Write and inspect schema migrations");
  migrate->require_subcommand(1);
  auto flags = std::make_shared<DiffFlags>();
  CLI::App* diff = migrate->add_subcommand(
      "diff", "Write the migration from the latest migration's schema to this one (SQL per database, both ways)");
  addFrontEndFlags(*diff, flags->frontEnd);
  diff->add_option("--dir", flags->dir, "The migrations directory (created if missing)")->capture_default_str();
  diff->add_option("--name", flags->name, "The migration's name: lowercase letters, digits, '_'")->required();
  diff->add_flag("--allow-destructive", flags->allowDestructive,
                 "Write a migration that drops tables or columns, narrows types or removes enum values");
  registry.add(diff, [flags] { return runDiff(*flags); });

  auto database = std::make_shared<DatabaseFlags>();
  CLI::App* apply = migrate->add_subcommand("apply", "Apply the pending migrations, in order, to a database");
  addDatabaseFlags(*apply, *database);
  apply->add_option("--lock-timeout", database->lockTimeout, "MySQL: seconds to wait for another migrator")
      ->capture_default_str();
  registry.add(apply, [database] { return runApply(*database); });
  CLI::App* status = migrate->add_subcommand(
      "status", "List the migrations (applied, pending, failed) and the drift of the database from the last applied "
                "one's schema (tables, columns, keys, indexes)");
  addDatabaseFlags(*status, *database);
  registry.add(status, [database] { return runStatus(*database); });
  CLI::App* sql = migrate->add_subcommand("sql", "Print the SQL of the pending migrations without applying it");
  addDatabaseFlags(*sql, *database);
  registry.add(sql, [database] { return runSql(*database); });
  CLI::App* resolve = migrate->add_subcommand("resolve", "After a failed migration: record it as rolled back or applied");
  addDatabaseFlags(*resolve, *database);
  resolve->add_option("--rolled-back", database->rolledBack, "The failed migration was undone by hand");
  resolve->add_option("--applied", database->applied, "The failed migration was finished by hand");
  resolve->add_option("--lock-timeout", database->lockTimeout, "MySQL: seconds to wait for another migrator")
      ->capture_default_str();
  registry.add(resolve, [database] { return runResolve(*database); });
}

}  // namespace ormc::cli
