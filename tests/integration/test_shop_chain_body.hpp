// Eight versions of schemas/shop.orm, each one a set of edits to the one before, covering every
// kind of migration operation (issue 7): create, rename and drop table; add, rename, retype
// (also a column both ends of a foreign key use), make required and drop column; change a
// default; add and drop index and unique; add and drop foreign key and check; add and remove
// enum values; change a primary key. `ormc migrate diff`'s writer puts each step in a
// migrations directory and `ormc::migrate` applies it to a database filled with rows; the rows
// are checked after each step, and the catalog is compared with a fresh load of `ormc ddl` for
// that version. Then each `down` script goes back one step (the catalog again that of a fresh
// load), and the `up` scripts once more give the final catalog. After each step the drift check
// of `ormc migrate status` finds nothing. Included by
// test_migration_sqlite.cpp and test_migration_mariadb.cpp after test_migration_body.hpp, with
// their fixtures (ORMC_MIGRATION_FIXTURES).
#pragma once

#include <doctest/doctest.h>

#include "emit/sql/dialect.hpp"
#include "migrate/directory.hpp"
#include "migrate/expected_catalog.hpp"
#include "ormc/catalog.hpp"
#include "ormc/migrate.hpp"
#include "ormc/migration_files.hpp"
#include "ormc/types.hpp"
#include "support/golden.hpp"
#include "test_migration_body.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace ormc::test::shop_chain {

namespace fs = std::filesystem;

struct Edit {
  std::string from;
  std::string to;
};

struct Version {
  std::string name;  // the migration's name
  std::vector<Edit> edits;
};

// Each edit's `from` must occur exactly once, so that a change to shop.orm fails here loudly
// instead of silently testing less.
inline std::string edited(std::string text, const std::vector<Edit>& edits) {
  for (const Edit& edit : edits) {
    const std::size_t at = text.find(edit.from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the schema: " << edit.from);
    REQUIRE_MESSAGE(text.find(edit.from, at + 1) == std::string::npos, "twice in the schema: " << edit.from);
    text.replace(at, edit.from.size(), edit.to);
  }
  return text;
}

// Versions 2 to 8 (version 1 is shop.orm itself).
inline std::vector<Version> laterVersions() {
  return {
      {"rename_brand_and_warehouse_name",
       {{"model Brand {", "model Maker {"},
        {"  logo     Bytes?\n  products Product[]\n}", "  logo     Bytes?\n  products Product[]\n\n  @@renamed(from: \"Brand\")\n}"},
        {"  brand          Brand?        @relation(fields: [brandId], references: [id], onDelete: SetNull)\n"
         "  brandId        Int64?\n",
         "  maker          Maker?        @relation(fields: [makerId], references: [id], onDelete: SetNull)\n"
         "  makerId        Int64?        @renamed(from: \"brandId\")\n"},
        {"@@index([brandId, active])", "@@index([makerId, active])"},
        {"  name        String(100)\n  latitude    Float64?", "  title       String(100) @renamed(from: \"name\")\n  latitude    Float64?"}}},
      {"add_columns_indexes_gift_cards",
       {{"  cart           Cart?                       // inverse side of the one-to-one Cart.customer\n",
         "  cart           Cart?                       // inverse side of the one-to-one Cart.customer\n"
         "  nickname       String(50)?\n"},
        {"  active      Bool         @default(true)\n  stockLevels StockLevel[]\n  shipments   Shipment[]\n",
         "  active      Bool         @default(true)\n  stockLevels StockLevel[]\n  shipments   Shipment[]\n"
         "  capacity    Int32        @default(1000)\n"},
        {"  title       String(100) @renamed", "  title       String(100) @unique @renamed"},
        {"join table product_tag\n", "join table product_tag\n  color    String(7)   @default(\"#000000\")\n"},
        {"  @@index([countryCode, postalCode])\n", "  @@index([countryCode, postalCode])\n  @@index([city])\n"},
        {"/// A report an employee saved in the back office.\n",
         "model GiftCard {\n  code    String(16)    @id\n  balance Decimal(10,2) @default(0.00)\n"
         "  owner   Customer?     @relation(fields: [ownerId], references: [id], onDelete: SetNull)\n"
         "  ownerId Int64?\n}\n\n/// A report an employee saved in the back office.\n"}}},
      {"widen_retype_require",
       {{"  firstName      String(100)\n", "  firstName      String(150)\n"},
        {"  latitude    Float64?\n  longitude   Float64?\n", "  latitude    Float64      @default(0.0)\n  longitude   Float64?\n"},
        {"@default(\"pcs\")", "@default(\"kg\")"},
        {"  id       Int32       @id @autoincrement\n  name     String(100)\n  slug",
         "  id       Int64       @id @autoincrement\n  name     String(100)\n  slug"},
        {"  parentId Int32?\n", "  parentId Int64?\n"}}},
      {"owner_role_warehouse_manager_tag_check",
       {{"  manager\n  admin\n}", "  manager\n  admin\n  owner\n}"},
        {"  capacity    Int32        @default(1000)\n",
         "  capacity    Int32        @default(1000)\n"
         "  manager     Employee?    @relation(fields: [managerId], references: [id], onDelete: SetNull)\n"
         "  managerId   Int64?\n"},
        {"  label    String(100)\n", "  label    String(100) @check(length(label) >= 2)\n"}}},
      {"drop_index_unique_check_key_enum_value",
       {{"  @@index([countryCode, postalCode])\n", ""},
        {"  name     String(100)  @unique\n  website", "  name     String(100)\n  website"},
        {"  @@check(endsOn >= startsOn)\n", ""},
        {"  maker          Maker?        @relation(fields: [makerId], references: [id], onDelete: SetNull)\n", ""},
        {"  logo     Bytes?\n  products Product[]\n", "  logo     Bytes?\n"},
        {"  adjustment\n  transfer\n}", "  adjustment\n}"}}},
      {"setting_key_per_group",
       {{"  key           String(64) @id\n", "  key           String(64)\n"},
        {"  updatedAt     DateTime   @updatedAt\n}\n\nmodel GiftCard",
         "  updatedAt     DateTime   @updatedAt\n\n  @@id([group, key])\n}\n\nmodel GiftCard"}}},
      {"drop_saved_reports_and_nickname",
       {{"  nickname       String(50)?\n", ""},
        {"\n/// A report an employee saved in the back office.\nmodel SavedReport {\n"
         "  id        Int32       @id @autoincrement\n  name      String(100) @unique\n"
         "  /// The columns to show; `select` is a reserved word in SQL.\n"
         "  select    Json        @default(\"[\\\"id\\\", \\\"name\\\"]\")\n  filter    Json?\n"
         "  schedule  String(64)?\n  createdAt DateTime    @default(now())\n}\n",
         ""}}},
  };
}

// The catalog without the runner's history table, which a fresh load does not have.
inline std::string withoutHistory(const std::string& catalog) {
  std::string out;
  bool inHistory = false;
  for (const std::string& line : splitLines(catalog)) {
    if (line.rfind("table ", 0) == 0) inHistory = line == "table orm_migrations";
    if (inHistory || line.find("orm_migrations") != std::string::npos) continue;
    out += line + "\n";
  }
  return out;
}

inline migration::MigrationSql scriptOf(const fs::path& file) {
  migration::MigrationScript script = migration::parseScript(migration::readTextFile(file));
  return {std::move(script.statements), script.foreignKeysOff};
}

}  // namespace ormc::test::shop_chain

TEST_CASE_TEMPLATE("shop.orm through eight versions: every kind of operation, the rows kept, down and up again", F,
                   ORMC_MIGRATION_FIXTURES) {
  using namespace ormc::test::shop_chain;
  using ormc::test::migrations::apply;
  using ormc::test::migrations::load;
  using Ints = std::vector<std::int64_t>;
  using Strings = std::vector<std::string>;
  F f;
  ormc::Database db = f.open();
  const std::string kind = F::kind;
  const auto& dialect = *ormc::emit::sql::findDialect(kind);
  auto q = [&](const std::string& name) { return dialect.quoteIdentifier(name); };
  const ormc::DateTime now = ormc::currentDateTime();

  // compileSchema adds its own `schema` line.
  std::vector<std::string> texts{
      edited(ormc::test::readFile(fs::path(ORMC_SOURCE_DIR) / "schemas/shop.orm"), {{"schema acme.shop;\n", ""}})};
  std::vector<ormc::ir::Schema> schemas{ormc::test::compileSchema(texts[0])};
  const std::vector<Version> later = laterVersions();
  for (const Version& version : later) {
    texts.push_back(edited(texts.back(), version.edits));
    schemas.push_back(ormc::test::compileSchema(texts.back()));
  }
  const fs::path dir = fs::temp_directory_path() / ("ormc_shop_chain_" + std::to_string(::getpid()) + "_" + kind);
  fs::remove_all(dir);
  std::vector<std::string> folders;
  auto fresh = [&](std::size_t version) {
    F other;
    ormc::Database clean = other.open();
    load(clean, kind, schemas[version]);
    return other.catalog(clean);
  };
  // Writes the migration to version `v` (0-based) as `ormc migrate diff` does, and applies it
  // through the runner.
  auto step = [&](std::size_t v, const std::string& name, std::size_t destructive) {
    const ormc::ir::Schema before = v == 0 ? ormc::ir::Schema{} : schemas[v - 1];
    const ormc::migration::Diff up = ormc::migration::diff(before, schemas[v]);
    CHECK_MESSAGE(up.destructive().size() == destructive, name);
    folders.push_back(ormc::migration::writeMigration(dir, name, "2026010100000" + std::to_string(v), before, schemas[v], up));
    CHECK(ormc::migrate(db, dir) == Strings{folders.back()});
    CHECK_MESSAGE(withoutHistory(f.catalog(db)) == fresh(v), "after " << name);
    // And `ormc migrate status` would see no drift from this step's snapshot.
    CHECK(ormc::compareCatalogs(ormc::migration::expectedCatalog(schemas[v], dialect), ormc::readCatalog(db),
                                db.dialect().kind()) == std::vector<std::string>{});
  };

  // 1. Every table from an empty database; a few rows in the tables the later steps change.
  step(0, "shop", 0);
  db.raw_execute("INSERT INTO currency (code, name) VALUES ('EUR', 'Euro')");
  db.raw_execute("INSERT INTO country (iso_code, name, currency_code) VALUES ('FR', 'France', 'EUR')");
  db.raw_execute("INSERT INTO customers (public_id, email_address, first_name, last_name, notes, updated_at) VALUES "
                 "(?, 'ada@example.com', 'Ada', 'Lovelace', 'first', ?), (?, 'alan@example.com', 'Alan', 'Turing', NULL, ?)",
                 "00000000-0000-0000-0000-000000000001", now, "00000000-0000-0000-0000-000000000002", now);
  db.raw_execute("INSERT INTO address (customer_id, recipient, line1, city, postal_code, country_code) VALUES "
                 "(1, 'Ada', '1 Rue', 'Paris', '75001', 'FR')");
  db.raw_execute("INSERT INTO brand (name) VALUES ('Acme'), ('Globex')");
  db.raw_execute("INSERT INTO product (sku, name, slug, description, brand_id, price, public_id, updated_at, version) VALUES "
                 "('SKU-1', 'Saw', 'saw', 'Cuts', 1, '9.99', ?, ?, 1), ('SKU-2', 'Drill', 'drill', 'Drills', 2, '19.50', ?, ?, 1), "
                 "('SKU-3', 'Glue', 'glue', 'Sticks', NULL, '2.00', ?, ?, 1)",
                 "10000000-0000-0000-0000-000000000001", now, "10000000-0000-0000-0000-000000000002", now,
                 "10000000-0000-0000-0000-000000000003", now);
  db.raw_execute("INSERT INTO category (name, slug, parent_id) VALUES ('Tools', 'tools', NULL), ('Saws', 'saws', 1)");
  db.raw_execute("INSERT INTO category_product (category_id, product_id) VALUES (1, 1), (2, 1), (1, 2)");
  db.raw_execute("INSERT INTO tag (slug, label) VALUES ('sale', 'On sale'), ('new', 'New')");
  db.raw_execute("INSERT INTO product_tag (product_id, tag_slug) VALUES (1, 'sale'), (2, 'new')");
  db.raw_execute("INSERT INTO warehouse (code, name, latitude) VALUES ('PAR', 'Paris', NULL), ('LYS', 'Lyon', 45.7)");
  db.raw_execute("INSERT INTO stock_level (warehouse_id, product_id, quantity_on_hand, updated_at, version) VALUES (1, 1, 10, ?, 1)",
                 now);
  db.raw_execute("INSERT INTO stock_movement (warehouse_id, product_id, quantity, reason) VALUES (1, 1, 10, 'purchase')");
  db.raw_execute("INSERT INTO employee (email, first_name, last_name) VALUES ('eve@example.com', 'Eve', 'Adams')");
  db.raw_execute("INSERT INTO coupon (code, starts_on, ends_on) VALUES ('SPRING', '2026-03-01', '2026-05-31')");
  db.raw_execute("INSERT INTO setting (" + q("key") + ", " + q("group") + ", " + q("value") + ", updated_at) VALUES "
                 "('currency', 'shop', '\"EUR\"', ?), ('name', 'shop', '\"Acme\"', ?)",
                 now, now);
  db.raw_execute("INSERT INTO saved_report (name) VALUES ('Sales')");

  // 2. Rename a table, a foreign-key column and a column; the key follows the renames.
  step(1, later[0].name, 0);
  CHECK(db.raw_query<std::string>("SELECT name FROM maker ORDER BY id") == Strings{"Acme", "Globex"});
  CHECK(db.raw_query<std::optional<std::int64_t>>("SELECT maker_id FROM product ORDER BY id") ==
        std::vector<std::optional<std::int64_t>>{1, 2, std::nullopt});
  CHECK(db.raw_query<std::string>("SELECT title FROM warehouse ORDER BY id") == Strings{"Paris", "Lyon"});
  CHECK_THROWS_AS(db.raw_execute("UPDATE product SET maker_id = 99 WHERE id = 1"), ormc::ForeignKeyViolation);

  // 3. Add columns (nullable; required with a default), a unique, an index and a table with a key
  //    to an existing one.
  step(2, later[1].name, 0);
  CHECK(db.raw_query<std::int64_t>("SELECT capacity FROM warehouse ORDER BY id") == Ints{1000, 1000});
  CHECK(db.raw_query<std::string>("SELECT color FROM tag ORDER BY slug") == Strings{"#000000", "#000000"});
  CHECK(db.raw_query<std::optional<std::string>>("SELECT nickname FROM customers") ==
        std::vector<std::optional<std::string>>{std::nullopt, std::nullopt});
  CHECK_THROWS_AS(db.raw_execute("INSERT INTO warehouse (code, title) VALUES ('PA2', 'Paris')"), ormc::UniqueViolation);
  db.raw_execute("INSERT INTO gift_card (code, owner_id) VALUES ('GIFT-1', 1)");
  CHECK_THROWS_AS(db.raw_execute("INSERT INTO gift_card (code, owner_id) VALUES ('GIFT-2', 99)"), ormc::ForeignKeyViolation);

  // 4. Widen a text, make a column required with a default (NULLs filled), change a default, and
  //    retype both ends of a foreign key (Category.id and parentId, and the join table's column).
  step(3, later[2].name, 0);
  CHECK(db.raw_query<double>("SELECT latitude FROM warehouse ORDER BY id") == std::vector<double>{0.0, 45.7});
  CHECK(db.raw_query<std::string>("SELECT first_name FROM customers ORDER BY id") == Strings{"Ada", "Alan"});
  db.raw_execute("UPDATE customers SET first_name = ? WHERE id = 2", std::string(150, 'a'));
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM category_product") == Ints{3});
  db.raw_execute("INSERT INTO category (id, name, slug, parent_id) VALUES (5000000000, 'Big', 'big', 2)");
  db.raw_execute("INSERT INTO category_product (category_id, product_id) VALUES (5000000000, 3)");
  CHECK_THROWS_AS(db.raw_execute("INSERT INTO category_product (category_id, product_id) VALUES (99, 3)"),
                  ormc::ForeignKeyViolation);
  db.raw_execute("INSERT INTO product (sku, name, slug, description, price, public_id, updated_at, version) VALUES "
                 "('SKU-4', 'Rope', 'rope', 'Ties', '1.00', ?, ?, 1)",
                 "10000000-0000-0000-0000-000000000004", now);
  CHECK(db.raw_query<std::string>("SELECT unit FROM product WHERE sku = 'SKU-4'") == Strings{"kg"});

  // 5. Add an enum value, a foreign key between existing tables, and a check the rows satisfy.
  step(4, later[3].name, 0);
  db.raw_execute("INSERT INTO employee (email, first_name, last_name, role) VALUES ('olga@example.com', 'Olga', 'Owner', 'owner')");
  db.raw_execute("UPDATE warehouse SET manager_id = 2 WHERE id = 1");
  CHECK_THROWS_AS(db.raw_execute("UPDATE warehouse SET manager_id = 99 WHERE id = 2"), ormc::ForeignKeyViolation);
  CHECK_THROWS_AS(db.raw_execute("UPDATE tag SET label = 'x' WHERE slug = 'new'"), ormc::CheckViolation);

  // 6. Drop an index, a unique, a check and a foreign key; remove an enum value no row holds.
  step(5, later[4].name, 1);
  db.raw_execute("INSERT INTO maker (name) VALUES ('Acme')");  // no longer unique
  db.raw_execute("UPDATE product SET maker_id = 99 WHERE id = 3");  // no longer a foreign key
  db.raw_execute("INSERT INTO coupon (code, starts_on, ends_on) VALUES ('BACKWARDS', '2026-05-01', '2026-01-01')");
  CHECK_THROWS(db.raw_execute("INSERT INTO stock_movement (warehouse_id, product_id, quantity, reason) VALUES (1, 1, 1, 'transfer')"));
  CHECK(db.raw_query<std::string>("SELECT reason FROM stock_movement") == Strings{"purchase"});

  // 7. A new primary key: a setting's key is now unique per group.
  step(6, later[5].name, 0);
  db.raw_execute("INSERT INTO setting (" + q("key") + ", " + q("group") + ", " + q("value") + ", updated_at) VALUES "
                 "('currency', 'tax', '\"EUR\"', ?)",
                 now);
  CHECK_THROWS_AS(db.raw_execute("INSERT INTO setting (" + q("key") + ", " + q("group") + ", " + q("value") +
                                 ", updated_at) VALUES ('currency', 'tax', '\"USD\"', ?)",
                                 now),
                  ormc::UniqueViolation);

  // 8. Drop a table and a column (their data is gone; the rest stays).
  step(7, later[6].name, 2);
  CHECK(db.raw_query<std::string>("SELECT email_address FROM customers ORDER BY id") ==
        Strings{"ada@example.com", "alan@example.com"});
  CHECK_THROWS(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM saved_report"));

  // Down, one step at a time, to version 1. First the rows the older versions cannot hold.
  db.raw_execute("DELETE FROM setting WHERE " + q("group") + " = 'tax'");
  db.raw_execute("DELETE FROM maker WHERE id = 3");
  db.raw_execute("UPDATE product SET maker_id = NULL WHERE id = 3");
  db.raw_execute("DELETE FROM coupon WHERE code = 'BACKWARDS'");
  db.raw_execute("UPDATE employee SET role = 'admin' WHERE role = 'owner'");
  db.raw_execute("DELETE FROM category WHERE id = 5000000000");
  db.raw_execute("UPDATE customers SET first_name = 'Alan' WHERE id = 2");
  for (std::size_t v = schemas.size() - 1; v >= 1; --v) {
    apply(db, kind, scriptOf(dir / folders[v] / ("down." + kind + ".sql")));
    CHECK_MESSAGE(withoutHistory(f.catalog(db)) == fresh(v - 1), "down from " << folders[v]);
  }
  CHECK(db.raw_query<std::string>("SELECT name FROM brand ORDER BY id") == Strings{"Acme", "Globex"});
  CHECK(db.raw_query<std::optional<std::int64_t>>("SELECT brand_id FROM product ORDER BY id") ==
        std::vector<std::optional<std::int64_t>>{1, 2, std::nullopt, std::nullopt});
  CHECK(db.raw_query<std::string>("SELECT name FROM warehouse ORDER BY id") == Strings{"Paris", "Lyon"});
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM category_product") == Ints{3});
  CHECK(db.raw_query<std::string>("SELECT " + q("key") + " FROM setting ORDER BY " + q("key")) == Strings{"currency", "name"});

  // And up again: the same catalog as the first time.
  for (std::size_t v = 1; v < schemas.size(); ++v) apply(db, kind, scriptOf(dir / folders[v] / ("up." + kind + ".sql")));
  CHECK(withoutHistory(f.catalog(db)) == fresh(schemas.size() - 1));
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM customers") == Ints{2});
  fs::remove_all(dir);
}
