// The files of a migrations directory as `ormc migrate diff` writes them and every runner reads
// them: one folder per migration named "<UTC timestamp>_<name>", each holding its SQL per
// dialect and direction and its schema snapshot, and orm.sum, the chained SHA-256 of every file
// (so that an edited, missing, inserted or reordered file is found before any SQL runs).
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace ormc::migration {

// The files of one migration, in the order orm.sum lists them.
inline constexpr std::array<const char*, 5> kMigrationFiles = {"up.sqlite.sql", "up.mysql.sql", "down.sqlite.sql",
                                                               "down.mysql.sql", "snapshot.json"};
inline constexpr const char* kSumFile = "orm.sum";

// The migrations in `dir` (folders whose name starts with 14 digits and '_'), oldest first.
std::vector<std::string> listMigrations(const std::filesystem::path& dir);

// What orm.sum must hold for the files in `dir` now: a comment line, then one line per file,
// "<migration>/<file> <hash>", each hash the SHA-256 of the previous line's hash, the file's
// path and its contents.
std::string computeSum(const std::filesystem::path& dir);

// What is wrong with orm.sum in `dir` (missing, or the first line that no longer matches the
// files; every later line is chained to it); empty when it matches.
std::vector<std::string> verifySum(const std::filesystem::path& dir);

// A migration's SQL file: its statements (split at a ';' that ends a line, as ormc writes them)
// and whether it asks for foreign keys off around its transaction (SQLite table rebuilds).
struct MigrationScript {
  std::vector<std::string> statements;
  bool foreignKeysOff = false;
};
MigrationScript parseScript(const std::string& text);

// The file's contents; throws std::runtime_error if it cannot be read.
std::string readTextFile(const std::filesystem::path& path);

}  // namespace ormc::migration
