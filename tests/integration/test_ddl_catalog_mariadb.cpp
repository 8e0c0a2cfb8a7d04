// The DDL catalog tests on MariaDB (the CTest fixture's server): each test creates its own
// database, runs the schema's script statement by statement, reads the catalog back from
// information_schema (TABLES, COLUMNS, STATISTICS, KEY_COLUMN_USAGE, REFERENTIAL_CONSTRAINTS,
// TABLE_CONSTRAINTS, CHECK_CONSTRAINTS) and drops the database. The bodies are shared with
// SQLite (test_ddl_catalog_body.hpp).
#include "test_ddl_catalog_body.hpp"
#include "test_env.hpp"

#include <doctest/doctest.h>

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace ormc::test::ddl;

using Row = std::vector<std::optional<std::string>>;

// The statements of a script, split at each ';' outside quotes and comments. Handles what the
// MySQL dialect writes: '...' with '' and backslash escapes, `...` with ``, -- comments.
std::vector<std::string> splitStatements(const std::string& script) {
  std::vector<std::string> statements;
  std::string current;
  for (std::size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (c == '-' && script.compare(i, 3, "-- ") == 0) {
      i = script.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (c == '\'' || c == '`' || c == '"') {
      const char quote = c;
      current += c;
      for (++i; i < script.size(); ++i) {
        current += script[i];
        if (quote == '\'' && script[i] == '\\' && i + 1 < script.size()) {
          current += script[++i];
          continue;
        }
        if (script[i] != quote) continue;
        if (i + 1 < script.size() && script[i + 1] == quote) {
          current += script[++i];
          continue;
        }
        break;
      }
      continue;
    }
    if (c == ';') {
      statements.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  if (current.find_first_not_of(" \n\t") != std::string::npos) statements.push_back(current);
  return statements;
}

class MariadbDb {
 public:
  static constexpr Backend kBackend = Backend::Mariadb;

  explicit MariadbDb(const std::string& label) {
    const ormc::test::MysqlTestEnv env = ormc::test::loadMysqlTestEnv();
    database_ = "ormc_ddl_" + label + "_" + std::to_string(::getpid());
    try {
      sql::ConnectOptionsMap options;
      options["hostName"] = sql::SQLString(env.tcpUri());
      options["userName"] = sql::SQLString(env.user);
      options["password"] = sql::SQLString(env.password);
      options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
      connection_.reset(sql::mysql::get_mysql_driver_instance()->connect(options));
      std::unique_ptr<sql::Statement> statement(connection_->createStatement());
      statement->execute("DROP DATABASE IF EXISTS `" + database_ + "`");
      // The server's default collation on purpose: the tables must bring their own.
      statement->execute("CREATE DATABASE `" + database_ + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      connection_->setSchema(sql::SQLString(database_));
    } catch (const sql::SQLException& e) {
      FAIL("MariaDB: " << std::string(e.what()));
    }
  }

  ~MariadbDb() {
    try {
      std::unique_ptr<sql::Statement> statement(connection_->createStatement());
      statement->execute("DROP DATABASE IF EXISTS `" + database_ + "`");
    } catch (const sql::SQLException&) {
      // Leaving a database behind on a dying server is harmless: the fixture deletes the server.
    }
  }

  MariadbDb(const MariadbDb&) = delete;
  MariadbDb& operator=(const MariadbDb&) = delete;

  void runScript(const std::string& script) {
    for (const std::string& statement : splitStatements(script)) {
      std::string error = execute(statement);
      REQUIRE_MESSAGE(error.empty(), "the script failed: " << error << "\nin:" << statement);
    }
  }

  std::string execute(const std::string& sql, const std::vector<Param>& params = {}) {
    try {
      if (params.empty()) {
        // As a client sends a script: the text protocol, no server-side prepare.
        std::unique_ptr<sql::Statement> statement(connection_->createStatement());
        statement->execute(sql::SQLString(sql));
        return "";
      }
      std::unique_ptr<sql::PreparedStatement> statement(connection_->prepareStatement(sql::SQLString(sql)));
      for (std::size_t i = 0; i < params.size(); ++i) {
        auto index = static_cast<unsigned int>(i + 1);
        if (params[i]) {
          statement->setString(index, sql::SQLString(*params[i]));
        } else {
          statement->setNull(index, sql::DataType::VARCHAR);
        }
      }
      statement->execute();
      return "";
    } catch (const sql::SQLException& e) {
      std::string message = e.what();
      return message.empty() ? "error " + std::to_string(e.getErrorCode()) : message;
    }
  }

  // Through the text protocol: the server formats every value (DATETIME(6) with its
  // microseconds) as it stores it.
  std::optional<std::string> queryValue(const std::string& sql) {
    std::vector<Row> rows = query(sql);
    REQUIRE_MESSAGE(!rows.empty(), "no row from " << sql);
    return rows.front().at(0);
  }

  static std::string quote(const std::string& name) {
    std::string out = "`";
    for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
    return out + "`";
  }

  static std::string dateTime(const std::string& date, const std::string& time) { return date + " " + time; }

  Catalog readCatalog() {
    const std::string schema = "'" + database_ + "'";  // our own name: letters, digits, '_'
    std::map<std::string, CatalogTable> tables;
    for (const Row& t : query("SELECT TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT FROM information_schema.TABLES "
                              "WHERE TABLE_SCHEMA = " + schema + " AND TABLE_TYPE = 'BASE TABLE'")) {
      CatalogTable& table = tables[*t[0]];
      table.name = *t[0];
      table.options = {"engine=" + t[1].value_or(""), "collation=" + t[2].value_or(""), "comment=" + t[3].value_or("")};
    }
    for (const Row& c : query("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME, IS_NULLABLE, "
                              "COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS "
                              "WHERE TABLE_SCHEMA = " + schema + " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
      CatalogColumn column;
      column.name = *c[1];
      column.type = *c[2] + (c[3] ? " " + *c[3] : "");
      column.notNull = *c[4] == "NO";
      // MariaDB reports a nullable column without a default as the text NULL.
      column.hasDefault = c[5].has_value() && *c[5] != "NULL";
      column.autoincrement = c[6].value_or("").find("auto_increment") != std::string::npos;
      column.comment = c[7].value_or("");
      tables[*c[0]].columns.push_back(column);
    }
    std::map<std::pair<std::string, std::string>, CatalogIndex> indexes;
    for (const Row& s : query("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS "
                              "WHERE TABLE_SCHEMA = " + schema + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
      if (*s[1] == "PRIMARY") {
        tables[*s[0]].primaryKey.push_back(*s[3]);
        continue;
      }
      CatalogIndex& index = indexes[{*s[0], *s[1]}];
      index.name = *s[1];
      index.unique = *s[2] == "0";
      index.columns.push_back(*s[3]);
    }
    for (const auto& [key, index] : indexes) tables[key.first].indexes.push_back(index);
    std::map<std::pair<std::string, std::string>, CatalogForeignKey> keys;
    for (const Row& k : query("SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, "
                              "k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
                              "FROM information_schema.KEY_COLUMN_USAGE k "
                              "JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                              "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME "
                              "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                              "WHERE k.TABLE_SCHEMA = " + schema + " AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                              "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
      CatalogForeignKey& key = keys[{*k[0], *k[1]}];
      key.name = *k[1];
      key.columns.push_back(*k[2]);
      key.target = *k[3];
      key.targetColumns.push_back(*k[4]);
      key.onDelete = *k[5];
      key.onUpdate = *k[6];
    }
    for (const auto& [id, key] : keys) tables[id.first].foreignKeys.push_back(key);
    for (const Row& c : query("SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS "
                              "WHERE CONSTRAINT_SCHEMA = " + schema)) {
      tables[*c[0]].checks.push_back(*c[1]);
    }
    for (const Row& c : query("SELECT TABLE_NAME, CONSTRAINT_TYPE, CONSTRAINT_NAME "
                              "FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = " + schema)) {
      tables[*c[0]].constraints.push_back(*c[1] + " " + *c[2]);
    }
    Catalog catalog;
    for (auto& [name, table] : tables) {
      table.name = name;
      catalog.tables.push_back(std::move(table));
    }
    return catalog;
  }

 private:
  std::vector<Row> query(const std::string& sql) {
    std::vector<Row> rows;
    try {
      std::unique_ptr<sql::Statement> statement(connection_->createStatement());
      std::unique_ptr<sql::ResultSet> result(statement->executeQuery(sql::SQLString(sql)));
      const unsigned int columns = result->getMetaData()->getColumnCount();
      while (result->next()) {
        Row row;
        for (unsigned int c = 1; c <= columns; ++c) {
          std::string value = result->getString(c).asStdString();
          row.emplace_back(result->wasNull() ? std::nullopt : std::optional<std::string>(value));
        }
        rows.push_back(std::move(row));
      }
    } catch (const sql::SQLException& e) {
      FAIL("MariaDB: " << std::string(e.what()) << "\nin: " << sql);
    }
    return rows;
  }

  std::string database_;
  std::unique_ptr<sql::Connection> connection_;
};

}  // namespace

TEST_CASE("mariadb: the DDL of blog.orm loads and its catalog matches the IR") {
  checkCatalogMatchesIr<MariadbDb>("blog");
}

TEST_CASE("mariadb: the DDL of shop.orm loads and its catalog matches the IR") {
  checkCatalogMatchesIr<MariadbDb>("shop");
}

TEST_CASE("mariadb: the DDL of imports/main.orm loads and its catalog matches the IR") {
  checkCatalogMatchesIr<MariadbDb>("imports");
}

TEST_CASE("mariadb: reserved words and quote characters as names: catalog matches the IR") {
  checkCatalogMatchesIr<MariadbDb>("reserved_words");
}

TEST_CASE("mariadb: foreign keys in cycles: catalog matches the IR") {
  checkCatalogMatchesIr<MariadbDb>("cycles");
}

TEST_CASE("mariadb: hostile literals and doc comments: catalog matches the IR") {
  checkCatalogMatchesIr<MariadbDb>("literals");
}

TEST_CASE("mariadb: defaults arrive exactly and checks decide as on SQLite") {
  checkLiteralsBehave<MariadbDb>();
}

TEST_CASE("mariadb: rows in tables named by reserved words, and foreign key actions work") {
  checkReservedWordsBehave<MariadbDb>();
}

TEST_CASE("mariadb: the statement splitter keeps quoted semicolons and drops comments") {
  std::vector<std::string> parts =
      splitStatements("-- a; comment\nSET NAMES utf8mb4;\nCREATE TABLE `a;b` (x TEXT DEFAULT ('it''s; \\'x;'));\n");
  REQUIRE(parts.size() == 2);
  CHECK(parts[0] == "SET NAMES utf8mb4");
  CHECK(parts[1] == "\nCREATE TABLE `a;b` (x TEXT DEFAULT ('it''s; \\'x;'))");
}
