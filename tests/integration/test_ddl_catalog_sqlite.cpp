// The DDL catalog tests on SQLite: each schema's script runs in a fresh in-memory database with
// foreign keys on, and the catalog is read back through pragma_table_list, pragma_table_info,
// pragma_index_list, pragma_index_info and pragma_foreign_key_list. The bodies are shared with
// MariaDB (test_ddl_catalog_body.hpp).
#include "test_ddl_catalog_body.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace ormc::test::ddl;

using Row = std::vector<std::optional<std::string>>;

class SqliteDb {
 public:
  static constexpr Backend kBackend = Backend::Sqlite;

  explicit SqliteDb(const std::string&) : db_(nullptr, &sqlite3_close_v2) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    db_.reset(raw);
    REQUIRE_MESSAGE(rc == SQLITE_OK, "sqlite3_open_v2: " << std::string(sqlite3_errstr(rc)));
    REQUIRE(execute("PRAGMA foreign_keys = ON") == "");
  }

  void runScript(const std::string& script) {
    char* message = nullptr;
    int rc = sqlite3_exec(db_.get(), script.c_str(), nullptr, nullptr, &message);
    std::string error = message ? message : "";
    sqlite3_free(message);
    REQUIRE_MESSAGE(rc == SQLITE_OK, "the script failed: " << error << "\n" << script);
  }

  std::string execute(const std::string& sql, const std::vector<Param>& params = {}) {
    std::vector<Row> rows;
    return run(sql, params, rows);
  }

  std::optional<std::string> queryValue(const std::string& sql) {
    std::vector<Row> rows = query(sql, {});
    REQUIRE_MESSAGE(!rows.empty(), "no row from " << sql);
    return rows.front().at(0);
  }

  static std::string quote(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  }

  static std::string dateTime(const std::string& date, const std::string& time) { return date + "T" + time + "Z"; }

  Catalog readCatalog() {
    Catalog catalog;
    for (const Row& t : query("SELECT name, strict, wr FROM pragma_table_list "
                              "WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
                              {})) {
      CatalogTable table;
      table.name = *t[0];
      table.options = {"strict=" + *t[1], "without_rowid=" + *t[2]};
      std::optional<std::string> sql = query("SELECT sql FROM sqlite_schema WHERE name = ?", {table.name}).at(0)[0];
      bool autoincrement = sql && sql->find("PRIMARY KEY AUTOINCREMENT") != std::string::npos;
      std::map<int, std::string> keyColumns;
      for (const Row& c : query("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid",
                                {table.name})) {
        CatalogColumn column;
        column.name = *c[0];
        column.type = *c[1];
        column.notNull = *c[2] == "1";
        column.hasDefault = c[3].has_value();
        int pk = std::stoi(*c[4]);
        if (pk > 0) keyColumns[pk] = column.name;
        column.autoincrement = autoincrement && pk > 0;
        table.columns.push_back(column);
      }
      for (const auto& [position, name] : keyColumns) table.primaryKey.push_back(name);
      for (const Row& i : query("SELECT name, \"unique\", origin FROM pragma_index_list(?)", {table.name})) {
        if (*i[2] == "pk") continue;  // the primary key's own index, compared as the primary key
        CatalogIndex index;
        // An index made by a UNIQUE clause ('u') would be named sqlite_autoindex_...: ormc's
        // names survive only in CREATE INDEX ('c'), so any other origin shows up as a mismatch.
        index.name = *i[2] == "c" ? *i[0] : "(origin " + *i[2] + ") " + *i[0];
        index.unique = *i[1] == "1";
        for (const Row& c : query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", {*i[0]})) {
          index.columns.push_back(c[0].value_or("<expression>"));
        }
        table.indexes.push_back(index);
      }
      std::map<std::string, CatalogForeignKey> keys;
      for (const Row& k : query("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                                "FROM pragma_foreign_key_list(?) ORDER BY id, seq",
                                {table.name})) {
        CatalogForeignKey& key = keys[*k[0]];
        key.target = *k[1];
        key.columns.push_back(*k[2]);
        key.targetColumns.push_back(k[3].value_or("<primary key>"));
        key.onUpdate = *k[4];
        key.onDelete = *k[5];
      }
      for (const auto& [id, key] : keys) table.foreignKeys.push_back(key);
      catalog.tables.push_back(table);
    }
    return catalog;
  }

 private:
  std::vector<Row> query(const std::string& sql, const std::vector<Param>& params) {
    std::vector<Row> rows;
    std::string error = run(sql, params, rows);
    REQUIRE_MESSAGE(error.empty(), error << "\nin: " << sql);
    return rows;
  }

  // Prepares, binds and steps one statement; returns "" or SQLite's message.
  std::string run(const std::string& sql, const std::vector<Param>& params, std::vector<Row>& rows) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
      return sqlite3_errmsg(db_.get());
    }
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
    for (std::size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i + 1);
      int rc = params[i] ? sqlite3_bind_text(raw, index, params[i]->data(), static_cast<int>(params[i]->size()),
                                             SQLITE_TRANSIENT)
                         : sqlite3_bind_null(raw, index);
      if (rc != SQLITE_OK) return sqlite3_errmsg(db_.get());
    }
    for (;;) {
      int rc = sqlite3_step(raw);
      if (rc == SQLITE_DONE) return "";
      if (rc != SQLITE_ROW) return sqlite3_errmsg(db_.get());
      Row row;
      for (int c = 0; c < sqlite3_column_count(raw); ++c) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, c));
        if (!text) {
          row.emplace_back(std::nullopt);
          continue;
        }
        row.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(raw, c))));
      }
      rows.push_back(std::move(row));
    }
  }

  std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> db_;
};

}  // namespace

TEST_CASE("sqlite: the DDL of blog.orm loads and its catalog matches the IR") {
  checkCatalogMatchesIr<SqliteDb>("blog");
}

TEST_CASE("sqlite: the DDL of shop.orm loads and its catalog matches the IR") {
  checkCatalogMatchesIr<SqliteDb>("shop");
}

TEST_CASE("sqlite: the DDL of imports/main.orm loads and its catalog matches the IR") {
  checkCatalogMatchesIr<SqliteDb>("imports");
}

TEST_CASE("sqlite: reserved words and quote characters as names: catalog matches the IR") {
  checkCatalogMatchesIr<SqliteDb>("reserved_words");
}

TEST_CASE("sqlite: foreign keys in cycles: catalog matches the IR") {
  checkCatalogMatchesIr<SqliteDb>("cycles");
}

TEST_CASE("sqlite: hostile literals and doc comments: catalog matches the IR") {
  checkCatalogMatchesIr<SqliteDb>("literals");
}

TEST_CASE("sqlite: defaults arrive exactly and checks decide as on MariaDB") {
  checkLiteralsBehave<SqliteDb>();
}

TEST_CASE("sqlite: rows in tables named by reserved words, and foreign key actions work") {
  checkReservedWordsBehave<SqliteDb>();
}
