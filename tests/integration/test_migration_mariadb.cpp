// Migrations on MariaDB: the shared body of test_migration_body.hpp, each database of its own
// on the fixture server.
#include "test_mysql_database.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <tuple>

namespace {

struct MariaDbDatabase {
  static constexpr const char* kind = "mysql";
  ormc::test::MysqlTestDatabase database;
  ormc::Database open() const { return ormc::Database::open(database.url()); }

  // Columns, indexes, foreign keys and checks from information_schema, for this database.
  std::string catalog(ormc::Database& db) const {
    std::string out;
    using Column = std::tuple<std::string, std::string, std::string, std::string, std::optional<std::string>, std::string>;
    for (const auto& [table, name, type, nullable, value, extra] : db.raw_query<Column>(
             "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM "
             "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
      out += "column " + table + "." + name + " " + type + " nullable " + nullable + " default " +
             value.value_or("-") + " " + extra + "\n";
    }
    using Index = std::tuple<std::string, std::string, std::int64_t, std::string, std::int64_t>;
    for (const auto& [table, name, position, column, nonUnique] : db.raw_query<Index>(
             "SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS "
             "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
      out += "index " + table + "." + name + " " + std::to_string(position) + " " + column +
             (nonUnique ? "" : " unique") + "\n";
    }
    using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
    for (const auto& [table, name, target, onUpdate, onDelete] : db.raw_query<Key>(
             "SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME, UPDATE_RULE, DELETE_RULE FROM "
             "information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, "
             "CONSTRAINT_NAME")) {
      out += "foreign key " + table + "." + name + " -> " + target + " on update " + onUpdate + " on delete " +
             onDelete + "\n";
    }
    using Check = std::tuple<std::string, std::string, std::string>;
    for (const auto& [table, name, clause] : db.raw_query<Check>(
             "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE "
             "CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME")) {
      out += "check " + table + "." + name + " " + clause + "\n";
    }
    return out;
  }
};

}  // namespace

#define ORMC_MIGRATION_FIXTURES MariaDbDatabase
#include "test_migration_body.hpp"
#include "test_shop_chain_body.hpp"
