// Migrations on SQLite: the shared body of test_migration_body.hpp on in-memory databases.
#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <tuple>

namespace {

struct SqliteMemory {
  static constexpr const char* kind = "sqlite";
  ormc::Database open() const { return ormc::Database::open("sqlite::memory:"); }

  // Tables, columns (type, NOT NULL, default, key position), indexes and foreign keys, read
  // from SQLite's pragmas. (CHECK constraints are not in a pragma; the test checks one by
  // violating it.)
  std::string catalog(ormc::Database& db) const {
    std::string out;
    for (const std::string& table : db.raw_query<std::string>(
             "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
      out += "table " + table + "\n";
      using Column = std::tuple<std::string, std::string, std::int64_t, std::optional<std::string>, std::int64_t>;
      for (const auto& [name, type, notNull, value, key] : db.raw_query<Column>(
               "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid", table)) {
        out += "  column " + name + " " + type + (notNull ? " not null" : "") + " default " + value.value_or("-") +
               " key " + std::to_string(key) + "\n";
      }
      using Index = std::tuple<std::string, std::int64_t, std::string>;
      for (const auto& [name, unique, origin] : db.raw_query<Index>(
               "SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY name", table)) {
        out += "  index " + name + (unique ? " unique" : "") + " " + origin + ":";
        for (const std::string& column :
             db.raw_query<std::string>("SELECT name FROM pragma_index_info(?) ORDER BY seqno", name)) {
          out += " " + column;
        }
        out += "\n";
      }
      using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
      for (const auto& [target, from, to, onUpdate, onDelete] : db.raw_query<Key>(
               "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq",
               table)) {
        out += "  foreign key " + from + " -> " + target + "." + to + " on update " + onUpdate + " on delete " +
               onDelete + "\n";
      }
    }
    return out;
  }
};

}  // namespace

#define ORMC_MIGRATION_FIXTURES SqliteMemory
#include "test_migration_body.hpp"
#include "test_shop_chain_body.hpp"
