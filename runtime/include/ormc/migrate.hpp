// Applying migrations written by `ormc migrate diff` (docs/migrations.md): the same runner
// behind `ormc migrate apply` and ormc::migrate(db, dir).
//
//   auto db = ormc::Database::open("sqlite:app.db");
//   ormc::migrate(db, "migrations");     // applies what is pending, in order; throws MigrationError
//
// Before any SQL runs, orm.sum must match the files, and every applied migration's file must
// be the one that was applied. Each applied migration is recorded in `orm_migrations`.
//  - SQLite: each migration runs in one BEGIN IMMEDIATE transaction, which also keeps other
//    migrators out; a failure leaves the database exactly as before it. A migration that
//    rebuilds tables runs with foreign keys off (set before the transaction and read back) and
//    must pass PRAGMA foreign_key_check before it commits.
//  - MySQL commits DDL implicitly, so a migration runs statement by statement under
//    GET_LOCK('ormc_migrate'), recording after each one how many are applied (with each one's
//    hash). A failure is recorded with the statement and the error; the next apply resumes at
//    the failed statement if the statements before it are unchanged, or the user resolves it.
#pragma once

#include "ormc/database.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <functional>
#include <vector>

namespace ormc {

struct MigrateOptions {
  // MySQL: how long to wait for another migrator's lock before giving up. (SQLite waits for
  // the Database's busy timeout.)
  std::chrono::seconds lockTimeout{30};
  // Called after each migration is recorded as applied, before the next one starts: a failure
  // later in the run throws, and this is how a caller still learns what was applied before it.
  std::function<void(const std::string& name)> onApplied;
};

enum class MigrationState { Pending, Applied, Failed };

struct MigrationInfo {
  std::string name{};
  MigrationState state = MigrationState::Pending;
  std::int64_t appliedStatements = 0;  // of a failed MySQL migration
  std::string error{};                 // of a failed migration
  bool inDirectory = true;             // false: recorded as applied, but its folder is gone
};

// Applies the pending migrations of `dir` in order; returns the names applied.
std::vector<std::string> migrate(Database& db, const std::filesystem::path& dir, const MigrateOptions& options = {});

// Every migration of `dir` and of the history table, oldest first, with its state.
std::vector<MigrationInfo> migrationStatus(Database& db, const std::filesystem::path& dir);

// After a failed migration: records it as applied (the user finished it by hand) or forgets
// it (the user undid what it had done), so that apply goes on. Takes the migrators' lock as
// migrate() does (options.lockTimeout on MySQL).
void resolveMigration(Database& db, const std::filesystem::path& dir, const std::string& name, bool applied,
                      const MigrateOptions& options = {});

}  // namespace ormc
