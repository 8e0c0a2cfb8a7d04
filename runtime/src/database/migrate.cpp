// The migration runner. See migrate.hpp.
#include "ormc/migrate.hpp"

#include "ormc/error.hpp"
#include "ormc/migration_files.hpp"
#include "ormc/sha256.hpp"
#include "ormc/value_codec.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace ormc {

namespace {

namespace fs = std::filesystem;
using migration::MigrationScript;

constexpr const char* kHistory = "orm_migrations";
// GET_LOCK names are server-wide: one lock per database, so that migrators of different
// databases on one server do not wait for each other. 13 + 40 characters: within MariaDB's 64.
constexpr const char* kLockNameSql = "CONCAT('ormc_migrate_', SHA1(IFNULL(DATABASE(), '')))";

// What orm_migrations holds about one migration.
struct Record {
  std::string checksum;
  std::string status;  // "applied", "failed" or "running"
  std::int64_t appliedStatements = 0;
  std::string statementHashes;  // the applied statements' hashes, comma-separated
  std::optional<std::string> error;
};

bool isSqlite(Connection& c) { return c.dialect().kind() == DialectKind::Sqlite; }

std::string q(Connection& c, std::string_view name) { return c.dialect().quoteIdentifier(name); }

void createHistory(Connection& c) {
  const bool sqlite = isSqlite(c);
  const std::string text = sqlite ? "TEXT" : "LONGTEXT";
  const std::string key = sqlite ? "TEXT" : "VARCHAR(255)";
  const std::string time = sqlite ? "TEXT" : "DATETIME(6)";
  c.execute("CREATE TABLE IF NOT EXISTS " + q(c, kHistory) + " (" + q(c, "name") + " " + key + " NOT NULL PRIMARY KEY, " +
            q(c, "checksum") + " " + key + " NOT NULL, " + q(c, "started_at") + " " + time + " NOT NULL, " +
            q(c, "finished_at") + " " + time + " NULL, " + q(c, "status") + " " + key + " NOT NULL, " +
            q(c, "applied_statements") + " BIGINT NOT NULL, " + q(c, "statement_hashes") + " " + text + " NOT NULL, " +
            q(c, "error") + " " + text + " NULL)");
}

// The history's columns as Record holds them, and one row of them read back from `s`
// starting at column `first`.
std::string recordColumns(Connection& c) {
  return q(c, "checksum") + ", " + q(c, "status") + ", " + q(c, "applied_statements") + ", " + q(c, "statement_hashes") +
         ", " + q(c, "error");
}

Record readRecordColumns(Statement& s, int first) {
  return Record{readValue<std::string>(s, first), readValue<std::string>(s, first + 1),
                readValue<std::int64_t>(s, first + 2), readValue<std::string>(s, first + 3),
                readValue<std::optional<std::string>>(s, first + 4)};
}

std::optional<Record> readRecord(Connection& c, const std::string& name) {
  PreparedStatement s = c.prepare("SELECT " + recordColumns(c) + " FROM " + q(c, kHistory) + " WHERE " + q(c, "name") +
                                  " = ?");
  bindValue(*s, 1, name);
  if (!s->step()) return std::nullopt;
  return readRecordColumns(*s, 0);
}

std::vector<std::pair<std::string, Record>> readHistory(Connection& c) {
  PreparedStatement s = c.prepare("SELECT " + q(c, "name") + ", " + recordColumns(c) + " FROM " + q(c, kHistory) +
                                  " ORDER BY " + q(c, "name"));
  std::vector<std::pair<std::string, Record>> out;
  while (s->step()) out.push_back({readValue<std::string>(*s, 0), readRecordColumns(*s, 1)});
  return out;
}

void insertRecord(Connection& c, const std::string& name, const Record& record) {
  PreparedStatement s = c.prepare("INSERT INTO " + q(c, kHistory) + " (" + q(c, "name") + ", " + q(c, "checksum") + ", " +
                                  q(c, "started_at") + ", " + q(c, "finished_at") + ", " + q(c, "status") + ", " +
                                  q(c, "applied_statements") + ", " + q(c, "statement_hashes") + ", " + q(c, "error") +
                                  ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const DateTime now = currentDateTime();
  bindValue(*s, 1, name);
  bindValue(*s, 2, record.checksum);
  bindValue(*s, 3, now);
  bindValue(*s, 4, record.status == "applied" ? std::optional<DateTime>(now) : std::nullopt);
  bindValue(*s, 5, record.status);
  bindValue(*s, 6, record.appliedStatements);
  bindValue(*s, 7, record.statementHashes);
  bindValue(*s, 8, record.error);
  s->step();
}

void updateRecord(Connection& c, const std::string& name, const Record& record) {
  PreparedStatement s = c.prepare("UPDATE " + q(c, kHistory) + " SET " + q(c, "checksum") + " = ?, " + q(c, "status") +
                                  " = ?, " + q(c, "applied_statements") + " = ?, " + q(c, "statement_hashes") + " = ?, " +
                                  q(c, "error") + " = ?, " + q(c, "finished_at") + " = ? WHERE " + q(c, "name") + " = ?");
  bindValue(*s, 1, record.checksum);
  bindValue(*s, 2, record.status);
  bindValue(*s, 3, record.appliedStatements);
  bindValue(*s, 4, record.statementHashes);
  bindValue(*s, 5, record.error);
  bindValue(*s, 6, record.status == "applied" ? std::optional<DateTime>(currentDateTime()) : std::nullopt);
  bindValue(*s, 7, name);
  s->step();
}

struct Migration {
  std::string name;
  std::string text;
  std::string checksum;
  MigrationScript script;
};

Migration load(const fs::path& dir, const std::string& name, Connection& c) {
  Migration m;
  m.name = name;
  m.text = migration::readTextFile(dir / name / (std::string("up.") + (isSqlite(c) ? "sqlite" : "mysql") + ".sql"));
  m.checksum = sha256Hex(m.text);
  m.script = migration::parseScript(m.text);
  return m;
}

void checkSum(const fs::path& dir, const char* consequence) {
  std::vector<std::string> problems = migration::verifySum(dir);
  if (problems.empty()) return;
  std::string message = "ormc: " + dir.string() + " does not match its orm.sum; " + consequence + ":";
  for (const std::string& problem : problems) message += "\n  " + problem;
  throw MigrationError(message);
}

[[noreturn]] void editedAfterApplying(const std::string& name) {
  throw MigrationError("ormc: migration " + name +
                       " was edited after it was applied (its checksum differs from the one recorded); nothing was "
                       "applied. Restore the file, or write a new migration for the change");
}

std::int64_t queryInt(Connection& c, const std::string& sql) {
  PreparedStatement s = c.prepare(sql);
  if (!s->step()) return 0;
  return readValue<std::int64_t>(*s, 0);
}

// BEGIN IMMEDIATE: the write lock, which is also the migrators' lock. Waiting for it is the
// connection's busy timeout.
void lockSqlite(Connection& c, const std::string& what) {
  try {
    c.begin(TransactionMode::Write);
  } catch (const Timeout& error) {
    throw MigrationError("ormc: another migrator (or another writer) holds the database; gave up waiting before " +
                         what + ": " + error.what());
  }
}

// SQLite: one transaction per migration, BEGIN IMMEDIATE holding other migrators off.
std::vector<std::string> applySqlite(Connection& c, const fs::path& dir, const std::vector<std::string>& names,
                                     const MigrateOptions& options) {
  lockSqlite(c, "anything was applied");
  try {
    createHistory(c);
    c.commit();
  } catch (...) {
    c.rollback();
    throw;
  }
  std::vector<std::string> applied;
  for (const std::string& name : names) {
    Migration m = load(dir, name, c);
    if (m.script.foreignKeysOff) {
      // Does nothing inside a transaction: set before BEGIN, and read back.
      c.execute("PRAGMA foreign_keys = OFF");
      if (queryInt(c, "PRAGMA foreign_keys") != 0) throw MigrationError("ormc: cannot turn SQLite's foreign keys off for " + name);
    }
    auto restoreForeignKeys = [&] {
      if (m.script.foreignKeysOff) c.execute("PRAGMA foreign_keys = ON");
    };
    std::size_t at = 0;
    try {
      lockSqlite(c, "migration " + name);
      if (std::optional<Record> record = readRecord(c, name)) {
        c.rollback();
        restoreForeignKeys();
        if (record->checksum != m.checksum) editedAfterApplying(name);
        continue;  // applied (by us earlier, or by another migrator)
      }
      std::string hashes;
      for (; at < m.script.statements.size(); ++at) {
        c.execute(m.script.statements[at]);
        hashes += (hashes.empty() ? "" : ",") + sha256Hex(m.script.statements[at]);
      }
      if (m.script.foreignKeysOff) {
        PreparedStatement check = c.prepare("PRAGMA foreign_key_check");
        if (check->step()) {
          throw MigrationError("ormc: after migration " + name + " a row of table " + readValue<std::string>(*check, 0) +
                               " references a row that does not exist (PRAGMA foreign_key_check)");
        }
      }
      insertRecord(c, name, Record{m.checksum, "applied", static_cast<std::int64_t>(m.script.statements.size()), hashes, std::nullopt});
      c.commit();
    } catch (const MigrationError&) {
      c.rollback();
      restoreForeignKeys();
      throw;
    } catch (const std::exception& error) {
      c.rollback();
      restoreForeignKeys();
      const std::string where = at < m.script.statements.size()
                                    ? " at statement " + std::to_string(at + 1) + " of " + std::to_string(m.script.statements.size())
                                    : "";
      throw MigrationError("ormc: migration " + name + " failed" + where + "; the database is as before it: " + error.what());
    }
    restoreForeignKeys();
    applied.push_back(name);
    if (options.onApplied) options.onApplied(name);
  }
  return applied;
}

// MySQL: the migrators' lock, GET_LOCK on the runner's connection, released when this ends (or
// by the server, when the connection closes).
class MysqlMigrationLock {
 public:
  MysqlMigrationLock(Connection& c, std::chrono::seconds timeout, const std::string& otherwise) : c_(c) {
    {
      PreparedStatement name = c.prepare(std::string("SELECT ") + kLockNameSql);
      name->step();
      name_ = readValue<std::string>(*name, 0);
    }
    PreparedStatement lock = c.prepare("SELECT GET_LOCK(?, ?)");
    bindValue(*lock, 1, name_);
    bindValue(*lock, 2, static_cast<std::int64_t>(timeout.count()));
    lock->step();
    const std::optional<std::int64_t> got = readValue<std::optional<std::int64_t>>(*lock, 0);
    if (!got) throw MigrationError("ormc: GET_LOCK('" + name_ + "') failed; " + otherwise);
    if (*got == 0) {
      throw MigrationError("ormc: another migrator holds the lock '" + name_ + "' of this database; waited " +
                           std::to_string(timeout.count()) + " s, " + otherwise);
    }
  }
  ~MysqlMigrationLock() {
    try {
      PreparedStatement release = c_.prepare("SELECT RELEASE_LOCK(?)");
      bindValue(*release, 1, name_);
      release->step();
    } catch (...) {
      // The server drops the lock when the connection closes.
    }
  }
  MysqlMigrationLock(const MysqlMigrationLock&) = delete;
  MysqlMigrationLock& operator=(const MysqlMigrationLock&) = delete;

 private:
  Connection& c_;
  std::string name_;
};

// MySQL: statement by statement under GET_LOCK, progress recorded after each statement.
std::vector<std::string> applyMysql(Connection& c, const fs::path& dir, const std::vector<std::string>& names,
                                    const MigrateOptions& options) {
  MysqlMigrationLock lock(c, options.lockTimeout, "nothing was applied");
  createHistory(c);
  std::vector<std::string> applied;
  for (const std::string& name : names) {
    Migration m = load(dir, name, c);
    std::vector<std::string> hashes;
    for (const std::string& statement : m.script.statements) hashes.push_back(sha256Hex(statement));
    std::optional<Record> record = readRecord(c, name);
    std::size_t start = 0;
    if (record && record->status == "applied") {
      if (record->checksum != m.checksum) editedAfterApplying(name);
      continue;
    }
    if (record) {
      // A failed migration: resume at the failed statement if those before it are unchanged.
      std::string prefix;
      for (std::int64_t i = 0; i < record->appliedStatements && i < static_cast<std::int64_t>(hashes.size()); ++i) {
        prefix += (prefix.empty() ? "" : ",") + hashes[static_cast<std::size_t>(i)];
      }
      if (record->appliedStatements > static_cast<std::int64_t>(hashes.size()) || prefix != record->statementHashes) {
        throw MigrationError("ormc: migration " + name + " failed earlier after " + std::to_string(record->appliedStatements) +
                             " statements, and those statements have changed since; nothing was applied. Run `ormc "
                             "migrate resolve --rolled-back " + name + "` once the database is as before it, or "
                             "`--applied` once it is as after it");
      }
      start = static_cast<std::size_t>(record->appliedStatements);
    } else {
      insertRecord(c, name, Record{m.checksum, "running", 0, "", std::nullopt});
    }
    Record progress{m.checksum, "running", static_cast<std::int64_t>(start), record ? record->statementHashes : "", std::nullopt};
    for (std::size_t i = start; i < m.script.statements.size(); ++i) {
      try {
        c.execute(m.script.statements[i]);
      } catch (const std::exception& error) {
        progress.status = "failed";
        progress.error = "statement " + std::to_string(i + 1) + " of " + std::to_string(m.script.statements.size()) +
                         ": " + m.script.statements[i] + ": " + error.what();
        updateRecord(c, name, progress);
        throw MigrationError("ormc: migration " + name + " failed at " + *progress.error + "\n" +
                             (i == 1 ? std::string("The statement") : "The " + std::to_string(i) + " statements") +
                             " before it " + (i == 1 ? "is" : "are") + " applied (MySQL commits DDL at once). Fix "
                             "the cause and apply again to resume at this statement, or run `ormc migrate resolve "
                             "--rolled-back|--applied " + name + "`");
      }
      progress.appliedStatements = static_cast<std::int64_t>(i + 1);
      progress.statementHashes += (progress.statementHashes.empty() ? "" : ",") + hashes[i];
      updateRecord(c, name, progress);
    }
    progress.status = "applied";
    updateRecord(c, name, progress);
    applied.push_back(name);
    if (options.onApplied) options.onApplied(name);
  }
  return applied;
}

void resolveLocked(Connection& c, const fs::path& dir, const std::string& name, bool applied) {
  createHistory(c);
  std::optional<Record> record = readRecord(c, name);
  if (!record || record->status == "applied") {
    throw MigrationError("ormc: migration " + name + " has not failed; there is nothing to resolve");
  }
  if (!applied) {
    PreparedStatement s = c.prepare("DELETE FROM " + q(c, kHistory) + " WHERE " + q(c, "name") + " = ?");
    bindValue(*s, 1, name);
    s->step();
    return;
  }
  Migration m = load(dir, name, c);
  Record done{m.checksum, "applied", static_cast<std::int64_t>(m.script.statements.size()), "", std::nullopt};
  for (const std::string& statement : m.script.statements) {
    done.statementHashes += (done.statementHashes.empty() ? "" : ",") + sha256Hex(statement);
  }
  updateRecord(c, name, done);
}

}  // namespace

std::vector<std::string> migrate(Database& db, const fs::path& dir, const MigrateOptions& options) {
  checkSum(dir, "nothing was applied");
  const std::vector<std::string> names = migration::listMigrations(dir);
  return db.withConnection([&](Connection& c) {
    return isSqlite(c) ? applySqlite(c, dir, names, options) : applyMysql(c, dir, names, options);
  });
}

std::vector<MigrationInfo> migrationStatus(Database& db, const fs::path& dir) {
  checkSum(dir, "its status cannot be trusted");
  const std::vector<std::string> names = migration::listMigrations(dir);
  return db.withConnection([&](Connection& c) {
    createHistory(c);
    std::vector<MigrationInfo> out;
    const auto history = readHistory(c);
    for (const std::string& name : names) {
      MigrationInfo info;
      info.name = name;
      for (const auto& [recorded, record] : history) {
        if (recorded != name) continue;
        info.state = record.status == "applied" ? MigrationState::Applied : MigrationState::Failed;
        info.appliedStatements = record.appliedStatements;
        info.error = record.error.value_or("");
      }
      out.push_back(info);
    }
    for (const auto& [recorded, record] : history) {
      if (std::find(names.begin(), names.end(), recorded) != names.end()) continue;
      out.push_back({recorded, record.status == "applied" ? MigrationState::Applied : MigrationState::Failed,
                     record.appliedStatements, record.error.value_or(""), false});
    }
    return out;
  });
}

void resolveMigration(Database& db, const fs::path& dir, const std::string& name, bool applied,
                      const MigrateOptions& options) {
  checkSum(dir, "nothing was resolved");
  const std::vector<std::string> names = migration::listMigrations(dir);
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    throw MigrationError("ormc: there is no migration " + name + " in " + dir.string() + "; nothing was resolved");
  }
  db.withConnection([&](Connection& c) {
    // Under the migrators' lock, so that a migrator running now cannot see half of it.
    std::optional<MysqlMigrationLock> mysqlLock;
    if (isSqlite(c)) {
      lockSqlite(c, "resolving " + name);
    } else {
      mysqlLock.emplace(c, options.lockTimeout, "nothing was resolved");
    }
    try {
      resolveLocked(c, dir, name, applied);
      if (isSqlite(c)) c.commit();
    } catch (...) {
      if (isSqlite(c)) c.rollback();
      throw;
    }
  });
}

}  // namespace ormc
