// `ormc migrate diff FILE... --dir DIR --name NAME [--allow-destructive]`: writes the migration
// from the schema of the latest migration in DIR (none: an empty database) to FILE's, as
// DIR/<UTC timestamp>_<NAME>/ with its SQL per database and direction and its snapshot, and
// updates DIR/orm.sum. Nothing changed: says so and writes nothing. A migration that loses data
// is refused, naming what it would lose, unless --allow-destructive.
#include "cli/cli.hpp"
#include "migrate/diff.hpp"
#include "migrate/directory.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

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
}

}  // namespace ormc::cli
