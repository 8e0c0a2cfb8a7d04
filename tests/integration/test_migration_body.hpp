// Migrations applied to live databases filled with rows (issue 7): each step's SQL from
// migration::diff and migration::migrationSql runs on a database of the step before, then the rows
// are checked, foreign keys are checked to be enforced still, and the catalog is compared with
// that of a fresh database loaded from `ormc ddl` of the same schema. The down migrations go
// back the same way. The including file defines ORMC_MIGRATION_FIXTURES; each fixture has
// `ormc::Database open()` (a new, empty database per fixture object), `kind` (the dialect
// name) and `std::string catalog(ormc::Database&)` (the catalog as text, one fact per line).
#pragma once

#include <doctest/doctest.h>

#include "emit/sql/ddl_emitter.hpp"
#include "emit/sql/dialect.hpp"
#include "migrate/migration_sql.hpp"
#include "ormc/database.hpp"
#include "ormc/error.hpp"
#include "test_migration_schemas.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace ormc::test::migrations {

// Runs the statements the way the migration runner will: SQLite in one transaction, with
// foreign keys off around it when a table is rebuilt and checked before the commit; MySQL one
// statement at a time (its DDL commits by itself).
inline void apply(Database& db, const std::string& kind, const migration::MigrationSql& sql) {
  db.withConnection([&](Connection& connection) {
    if (kind == "mysql") {
      for (const std::string& statement : sql.statements) connection.execute(statement);
      return;
    }
    if (sql.foreignKeysOff) connection.execute("PRAGMA foreign_keys = OFF");
    connection.begin(TransactionMode::Write);
    try {
      for (const std::string& statement : sql.statements) connection.execute(statement);
      PreparedStatement check = connection.prepare("PRAGMA foreign_key_check");
      REQUIRE_FALSE(check->step());
      connection.commit();
    } catch (...) {
      connection.rollback();
      if (sql.foreignKeysOff) connection.execute("PRAGMA foreign_keys = ON");
      throw;
    }
    if (sql.foreignKeysOff) connection.execute("PRAGMA foreign_keys = ON");
  });
}

inline void load(Database& db, const std::string& kind, const ir::Schema& schema) {
  db.execute(emit::sql::emitDdl(schema, *emit::sql::findDialect(kind), {}));
}

}  // namespace ormc::test::migrations

TEST_CASE_TEMPLATE("migrations keep the rows through renames, rebuilds and type changes, and go back down", F,
                   ORMC_MIGRATION_FIXTURES) {
  using namespace ormc::test::migrations;
  using Row = std::tuple<std::string, std::optional<std::string>, std::int64_t, std::string>;
  F f;
  ormc::Database db = f.open();
  const std::string kind = F::kind;
  const auto& dialect = *ormc::emit::sql::findDialect(kind);
  const ormc::ir::Schema v1 = ormc::test::compileSchema(kV1), v2 = ormc::test::compileSchema(kV2), v3 = ormc::test::compileSchema(kV3);
  load(db, kind, v1);
  db.raw_execute("INSERT INTO account (email, name, karma, role) VALUES (?, ?, ?, ?)", "ada@example.com", "Ada", 10, "admin");
  db.raw_execute("INSERT INTO account (email, karma) VALUES (?, ?)", "anon@example.com", 3);
  db.raw_execute("INSERT INTO post (author_id, title, draft) VALUES (1, 'Engines', 0), (1, 'Notes', 1), (2, 'Hello', 1)");

  // v1 -> v2
  const ormc::migration::Diff up2 = ormc::migration::diff(v1, v2);
  CHECK(up2.destructive().size() == 1);  // Post.draft is dropped
  apply(db, kind, ormc::migration::migrationSql(v1, v2, up2, dialect));
  CHECK(db.raw_query<Row>("SELECT email, full_name, karma, role FROM member ORDER BY id") ==
        std::vector<Row>{{"ada@example.com", "Ada", 10, "admin"}, {"anon@example.com", std::nullopt, 3, "r"}});
  CHECK(db.raw_query<std::string>("SELECT title FROM post ORDER BY id") == std::vector<std::string>{"Engines", "Notes", "Hello"});
  db.raw_execute("UPDATE member SET role = 'author', karma = 5000000000 WHERE id = 2");  // the new value, the wider type
  CHECK_THROWS_AS(db.raw_execute("INSERT INTO post (author_id, title) VALUES (99, 'Orphan')"), ormc::ForeignKeyViolation);

  // v2 -> v3
  const ormc::migration::Diff up3 = ormc::migration::diff(v2, v3);
  CHECK(up3.destructive().empty());
  apply(db, kind, ormc::migration::migrationSql(v2, v3, up3, dialect));
  CHECK(db.raw_query<Row>("SELECT email, full_name, karma, role FROM member ORDER BY id") ==
        std::vector<Row>{{"ada@example.com", "Ada", 10, "admin"}, {"anon@example.com", "anonymous", 5000000000, "author"}});
  CHECK_THROWS_AS(db.raw_execute("UPDATE member SET karma = -1 WHERE id = 1"), ormc::CheckViolation);

  // The catalog is the one `ormc ddl` gives for v3.
  {
    F fresh;
    ormc::Database clean = fresh.open();
    load(clean, kind, v3);
    const std::string expected = fresh.catalog(clean);
    CHECK(expected.find("full_name") != std::string::npos);  // a real catalog, not two empty texts
    CHECK(f.catalog(db) == expected);
  }

  // And back down: v3 -> v2 -> v1. The dropped column comes back with its default.
  db.raw_execute("UPDATE member SET role = 'r', karma = 3 WHERE id = 2");  // v1 has neither 'author' nor the wide value
  apply(db, kind, ormc::migration::migrationSql(v3, v2, ormc::migration::diffBack(v2, v3, up3), dialect));
  apply(db, kind, ormc::migration::migrationSql(v2, v1, ormc::migration::diffBack(v1, v2, up2), dialect));
  CHECK(db.raw_query<Row>("SELECT email, name, karma, role FROM account ORDER BY id") ==
        std::vector<Row>{{"ada@example.com", "Ada", 10, "admin"}, {"anon@example.com", "anonymous", 3, "r"}});
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM post WHERE draft = 1") == std::vector<std::int64_t>{3});
  {
    F fresh;
    ormc::Database clean = fresh.open();
    load(clean, kind, v1);
    CHECK(f.catalog(db) == fresh.catalog(clean));
  }
  // Up again after down: the same catalog as the first time up.
  apply(db, kind, ormc::migration::migrationSql(v1, v2, up2, dialect));
  apply(db, kind, ormc::migration::migrationSql(v2, v3, up3, dialect));
  {
    F fresh;
    ormc::Database clean = fresh.open();
    load(clean, kind, v3);
    CHECK(f.catalog(db) == fresh.catalog(clean));
  }
  // Foreign keys still cascade after the rebuilds.
  db.raw_execute("DELETE FROM member WHERE id = 1");
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM post") == std::vector<std::int64_t>{1});
}

TEST_CASE_TEMPLATE("a composite primary key replaced by an auto-increment id keeps the rows, and back", F,
                   ORMC_MIGRATION_FIXTURES) {
  using namespace ormc::test::migrations;
  using Row = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::string>;
  F f;
  ormc::Database db = f.open();
  const std::string kind = F::kind;
  const auto& dialect = *ormc::emit::sql::findDialect(kind);
  const ormc::ir::Schema composite = ormc::test::compileSchema(R"(
model Membership {
  teamId Int64
  userId Int64
  role   String(20) @default("member")

  @@id([teamId, userId])
}
)");
  // The id is declared last: an added column goes at the end of the live table.
  const ormc::ir::Schema surrogate = ormc::test::compileSchema(R"(
model Membership {
  teamId Int64
  userId Int64
  role   String(20) @default("member")
  id     Int64      @id @autoincrement

  @@unique([teamId, userId])
}
)");
  load(db, kind, composite);
  db.raw_execute("INSERT INTO membership (team_id, user_id, role) VALUES (1, 1, 'owner'), (1, 2, 'member'), (2, 1, 'member')");
  const ormc::migration::Diff up = ormc::migration::diff(composite, surrogate);
  apply(db, kind, ormc::migration::migrationSql(composite, surrogate, up, dialect));
  CHECK(db.raw_query<Row>("SELECT id, team_id, user_id, role FROM membership ORDER BY team_id, user_id") ==
        std::vector<Row>{{1, 1, 1, "owner"}, {2, 1, 2, "member"}, {3, 2, 1, "member"}});
  db.raw_execute("INSERT INTO membership (team_id, user_id) VALUES (3, 3)");
  CHECK(db.raw_query<std::int64_t>("SELECT id FROM membership WHERE team_id = 3") == std::vector<std::int64_t>{4});
  CHECK_THROWS_AS(db.raw_execute("INSERT INTO membership (team_id, user_id) VALUES (1, 1)"), ormc::UniqueViolation);
  {
    F fresh;
    ormc::Database clean = fresh.open();
    load(clean, kind, surrogate);
    CHECK(f.catalog(db) == fresh.catalog(clean));
  }

  apply(db, kind, ormc::migration::migrationSql(surrogate, composite, ormc::migration::diffBack(composite, surrogate, up), dialect));
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM membership") == std::vector<std::int64_t>{4});
  CHECK_THROWS_AS(db.raw_execute("INSERT INTO membership (team_id, user_id) VALUES (1, 2)"), ormc::UniqueViolation);
  F fresh;
  ormc::Database clean = fresh.open();
  load(clean, kind, composite);
  CHECK(f.catalog(db) == fresh.catalog(clean));
}
