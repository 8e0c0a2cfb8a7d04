// The migrations directory (`ormc migrate diff --dir migrations`): one folder per migration,
// named "<UTC timestamp>_<name>", holding its SQL per dialect and direction and the schema it
// leads to (snapshot.json); and orm.sum, the chained SHA-256 of every file, so that an edited,
// missing, inserted or reordered file is found before any SQL runs.
#pragma once

#include "ir/ir.hpp"
#include "migrate/diff.hpp"
#include "ormc/migration_files.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace ormc::migration {

// The schema migration `migration` of `dir` leads to (its snapshot.json). Throws
// std::runtime_error, naming the file, if it cannot be read or is not a snapshot.
ir::Schema readSnapshot(const std::filesystem::path& dir, const std::string& migration);

// The schema the latest migration leads to, or an empty schema when there is none. Throws
// std::runtime_error if its snapshot cannot be read.
ir::Schema latestSnapshot(const std::filesystem::path& dir);

// A name for a migration: lowercase letters, digits and '_', starting with a letter.
bool validMigrationName(const std::string& name);

// Writes the migration from `before` to `after` (`up` = diff(before, after)) into
// `dir`/<timestamp>_<name>/ and rewrites orm.sum; returns the folder's name. The timestamp is
// `now` ("YYYYMMDDHHMMSS", UTC), moved one second past the latest migration if needed to keep
// the order. Throws std::runtime_error on I/O errors.
std::string writeMigration(const std::filesystem::path& dir, const std::string& name, std::string now,
                           const ir::Schema& before, const ir::Schema& after, const Diff& up);

// The current UTC time as "YYYYMMDDHHMMSS".
std::string utcTimestamp();

}  // namespace ormc::migration
