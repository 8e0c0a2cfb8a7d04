// Drift detection without a database: column types reduced to one spelling per dialect, the
// lines compareCatalogs() writes for each kind of difference, and the catalog expected from a
// schema's IR (runtime/include/ormc/catalog.hpp, compiler/migrate/expected_catalog.hpp).
#include "migrate/expected_catalog.hpp"
#include "ormc/catalog.hpp"
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using ormc::CatalogColumn;
using ormc::CatalogForeignKey;
using ormc::CatalogIndex;
using ormc::CatalogTable;
using ormc::DatabaseCatalog;
using ormc::DialectKind;
using ormc::normalizeColumnType;
using Lines = std::vector<std::string>;

// users (id, name, email) with a unique email, and posts whose author is a user.
DatabaseCatalog blog() {
  CatalogTable users{"users",
                     {{"id", "BIGINT", false}, {"name", "VARCHAR(100)", false}, {"email", "VARCHAR(200)", true}},
                     {"id"},
                     {{"users_email_key", {"email"}, true}},
                     {}};
  CatalogTable posts{"posts",
                     {{"id", "BIGINT", false}, {"author_id", "BIGINT", false}, {"title", "TEXT", false}},
                     {"id"},
                     {{"posts_title_idx", {"title"}, false}},
                     {{{"author_id"}, "users", {"id"}, "CASCADE", "CASCADE", "posts_author_id_fkey"}}};
  return {{posts, users}};
}

// The lines as one text, so that a failed CHECK shows them.
std::string text(const Lines& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

CatalogTable& table(DatabaseCatalog& catalog, const std::string& name) {
  for (CatalogTable& t : catalog.tables) {
    if (t.name == name) return t;
  }
  FAIL("no table " << name);
  return catalog.tables.front();
}

}  // namespace

TEST_CASE("normalizeColumnType: SQLite types are upper-case as declared") {
  CHECK(normalizeColumnType("integer", DialectKind::Sqlite) == "INTEGER");
  CHECK(normalizeColumnType(" Text ", DialectKind::Sqlite) == "TEXT");
  CHECK(normalizeColumnType("BLOB", DialectKind::Sqlite) == "BLOB");
}

TEST_CASE("normalizeColumnType: MySQL types in the spelling of the catalog, DDL and catalog alike") {
  const auto mysql = [](const char* type) { return normalizeColumnType(type, DialectKind::Mysql); };
  CHECK(mysql("BOOLEAN") == "tinyint(1)");
  CHECK(mysql("bool") == "tinyint(1)");
  CHECK(mysql("tinyint(1)") == "tinyint(1)");
  CHECK(mysql("tinyint(4)") == "tinyint");
  CHECK(mysql("INT") == "int");
  CHECK(mysql("int(11)") == "int");
  CHECK(mysql("INTEGER") == "int");
  CHECK(mysql("bigint(20)") == "bigint");
  CHECK(mysql("BIGINT") == "bigint");
  CHECK(mysql("bigint(20) unsigned") == "bigint unsigned");
  CHECK(mysql("smallint(6)") == "smallint");
  CHECK(mysql("JSON") == "longtext");
  CHECK(mysql("LONGTEXT") == "longtext");
  CHECK(mysql("VARCHAR(200)") == "varchar(200)");
  CHECK(mysql("DATETIME(6)") == "datetime(6)");
  CHECK(mysql("DECIMAL(10, 2)") == "decimal(10,2)");
  CHECK(mysql("decimal(10,2)") == "decimal(10,2)");
  // Enum values keep their case and spaces; only the list's own commas lose theirs.
  CHECK(mysql("ENUM('Admin', 'r', 'a, b', 'it''s')") == "enum('Admin','r','a, b','it''s')");
  CHECK(mysql("enum('Admin','r','a, b','it''s')") == "enum('Admin','r','a, b','it''s')");
  CHECK(mysql("ENUM('back\\\\slash', 'x')") == "enum('back\\\\slash','x')");
  CHECK(mysql("interval") == "interval");  // not an integer type that starts with "int"
}

TEST_CASE("compareCatalogs: equal catalogs, and types equal once normalized, give no line") {
  DatabaseCatalog expected = blog(), live = blog();
  CHECK(text(compareCatalogs(expected, live, DialectKind::Mysql)) == "");
  table(live, "users").columns[0].type = "bigint(20)";
  table(live, "users").columns[1].type = "varchar(100)";
  CHECK(text(compareCatalogs(expected, live, DialectKind::Mysql)) == "");
  // Constraint names are not compared: SQLite does not keep them.
  DatabaseCatalog unnamed = blog();
  table(unnamed, "posts").foreignKeys[0].name.clear();
  CHECK(text(compareCatalogs(expected, unnamed, DialectKind::Sqlite)) == "");
}

TEST_CASE("compareCatalogs: one line per difference, tables by name, then columns, key, indexes, foreign keys") {
  DatabaseCatalog expected = blog(), live = blog();
  CatalogTable& users = table(live, "users");
  users.columns[1].type = "varchar(50)";                    // type
  users.columns[2].nullable = false;                        // nullability
  users.columns.push_back({"bio", "TEXT", true});           // extra column
  users.columns.erase(users.columns.begin());               // id missing
  users.primaryKey = {"email"};                             // primary key
  users.indexes[0] = {"users_email_key", {"email", "name"}, false};  // changed index
  users.indexes.push_back({"users_name_idx", {"name"}, false});     // extra index
  CatalogTable& posts = table(live, "posts");
  posts.indexes.clear();                                    // missing index
  posts.foreignKeys[0].onDelete = "SET NULL";               // changed action
  posts.foreignKeys.push_back({{"title"}, "users", {"name"}, "NO ACTION", "NO ACTION", "x"});  // extra key
  live.tables.push_back({"audit", {{"x", "INT", true}}, {}, {}, {}});
  expected.tables.push_back({"tags", {{"id", "BIGINT", false}}, {"id"}, {}, {}});
  CHECK(text(compareCatalogs(expected, live, DialectKind::Mysql)) ==
        text({
            R"(table "audit": in the database, not in the schema)",
            R"(index "posts_title_idx" on "posts": missing)",
            R"(foreign key "posts" (author_id) -> "users" (id): ON DELETE SET NULL ON UPDATE CASCADE in the database, ON DELETE CASCADE ON UPDATE CASCADE in the schema)",
            R"(foreign key "posts" (title) -> "users" (name): in the database, not in the schema)",
            R"(table "tags": missing)",
            R"(column "users"."id": missing)",
            R"(column "users"."name": type varchar(50) in the database, varchar(100) in the schema)",
            R"(column "users"."email": NOT NULL in the database, nullable in the schema)",
            R"(column "users"."bio": in the database, not in the schema)",
            R"(primary key of "users": (email) in the database, (id) in the schema)",
            R"(index "users_email_key" on "users": (email, name) in the database, (email) unique in the schema)",
            R"(index "users_name_idx" on "users": in the database, not in the schema)",
        }));
}

TEST_CASE("compareCatalogs: the order of the lines does not depend on the order of the input") {
  DatabaseCatalog expected = blog(), live = blog();
  table(live, "posts").foreignKeys.push_back({{"title"}, "users", {"name"}, "NO ACTION", "NO ACTION", ""});
  table(live, "posts").foreignKeys.push_back({{"id"}, "users", {"id"}, "NO ACTION", "NO ACTION", ""});
  live.tables.push_back({"a_extra", {}, {}, {}, {}});
  const Lines lines = compareCatalogs(expected, live, DialectKind::Sqlite);
  std::swap(live.tables.front(), live.tables.back());
  std::swap(table(live, "posts").foreignKeys[1], table(live, "posts").foreignKeys[2]);
  CHECK(text(compareCatalogs(expected, live, DialectKind::Sqlite)) == text(lines));
  CHECK(text(lines) == text({
                     R"(table "a_extra": in the database, not in the schema)",
                     R"(foreign key "posts" (id) -> "users" (id): in the database, not in the schema)",
                     R"(foreign key "posts" (title) -> "users" (name): in the database, not in the schema)",
                 }));
}

TEST_CASE("compareCatalogs: MySQL's own index for a foreign key is not drift, but on SQLite any extra index is") {
  DatabaseCatalog expected = blog(), live = blog();
  table(live, "posts").indexes.push_back({"posts_author_id_fkey", {"author_id"}, false});
  CHECK(text(compareCatalogs(expected, live, DialectKind::Mysql)) == "");
  CHECK(text(compareCatalogs(expected, live, DialectKind::Sqlite)) ==
        text({R"(index "posts_author_id_fkey" on "posts": in the database, not in the schema)"}));
  // An index named like no foreign key of its table is drift on MySQL too.
  table(live, "posts").foreignKeys[0].name = "other_name";
  CHECK(text(compareCatalogs(expected, live, DialectKind::Mysql)) ==
        text({R"(index "posts_author_id_fkey" on "posts": in the database, not in the schema)"}));
}

TEST_CASE("compareCatalogs: names are quoted with their quotes doubled, and a table with no key says none") {
  DatabaseCatalog expected{{{"we\"ird", {{"c", "TEXT", true}}, {"c"}, {}, {}}}};
  DatabaseCatalog live{{{"we\"ird", {{"c", "TEXT", true}}, {}, {}, {}}}};
  CHECK(text(compareCatalogs(expected, live, DialectKind::Sqlite)) ==
        text({R"(primary key of "we""ird": none in the database, (c) in the schema)"}));
}

TEST_CASE("expectedCatalog: tables with join tables, dialect types, keys, indexes and both actions") {
  const ormc::ir::Schema schema = ormc::test::compileSchema(R"(
model User {
  id    Int64        @id @autoincrement
  email String(200)  @unique
  name  String(100)?
  admin Bool         @default(false)
  tags  Tag[]
  posts Post[]
}
model Post {
  id       Int64  @id @autoincrement
  author   User?  @relation(fields: [authorId], references: [id], onDelete: SetNull)
  authorId Int64?
  title    String(200) @index
}
model Tag {
  id    Int32 @id
  users User[]
}
)");
  const DatabaseCatalog mysql = ormc::migration::expectedCatalog(schema, ormc::emit::sql::mysqlDialect());
  std::vector<std::string> names;
  for (const CatalogTable& t : mysql.tables) names.push_back(t.name);
  REQUIRE(names.size() == 4);
  CHECK(names[0] == "post");
  CHECK(names[1] == "tag");
  CHECK(names[2] == "tag_user");  // the many-to-many join table
  CHECK(names[3] == "user");
  const CatalogTable& join = mysql.tables[2];
  CHECK(join.primaryKey.size() == 2);
  CHECK(join.foreignKeys.size() == 2);
  const CatalogTable& user = mysql.tables[3];
  REQUIRE(user.columns.size() == 4);
  CHECK(user.columns[1].name == "email");
  CHECK(user.columns[1].type == "VARCHAR(200)");
  CHECK(!user.columns[1].nullable);
  CHECK(user.columns[2].nullable);
  CHECK(user.columns[3].type == "BOOLEAN");
  CHECK(user.primaryKey == std::vector<std::string>{"id"});
  REQUIRE(user.indexes.size() == 1);
  CHECK(user.indexes[0].columns == std::vector<std::string>{"email"});
  CHECK(user.indexes[0].unique);
  const CatalogTable& post = mysql.tables[0];
  REQUIRE(post.foreignKeys.size() == 1);
  CHECK(post.foreignKeys[0].columns == std::vector<std::string>{"author_id"});
  CHECK(post.foreignKeys[0].target == "user");
  CHECK(post.foreignKeys[0].targetColumns == std::vector<std::string>{"id"});
  CHECK(post.foreignKeys[0].onDelete == "SET NULL");
  CHECK(post.foreignKeys[0].onUpdate == "CASCADE");  // what ormc writes when the schema says nothing
  REQUIRE(post.indexes.size() == 1);
  CHECK(!post.indexes[0].unique);

  const DatabaseCatalog sqlite = ormc::migration::expectedCatalog(schema, ormc::emit::sql::sqliteDialect());
  CHECK(sqlite.tables[3].columns[1].type == "TEXT");
  CHECK(sqlite.tables[3].columns[3].type == "INTEGER");
  CHECK(text(compareCatalogs(sqlite, sqlite, DialectKind::Sqlite)) == "");
}
