// Backend-independent tests of ormc::Database: CRUD of generated entities, transactions and
// the retrying helper, the error classes. The including file defines its fixtures and
// ORMC_DATABASE_FIXTURES (a comma list) before including this header; each fixture provides:
//   ormc::Database open();          // a connection to an empty test database
//   std::string url();              // the URL open() used (for reopening)
//   static constexpr bool kFile;    // the data outlives the Database object
// so that SQLite (memory, file) and MariaDB run the same bodies.
#pragma once

#include <doctest/doctest.h>

#include "crud.orm.hpp"
#include "ormc/database.hpp"
#include "ormc/error.hpp"

#include <atomic>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace ormc::test::database {

using crudtest::Account;
using crudtest::Entry;
using crudtest::Membership;
using crudtest::Sample;
using crudtest::Status;

inline Sample makeSample(std::int64_t n) {
  Sample s;
  s.flag = n % 2 == 0;
  s.small = static_cast<std::int32_t>(n);
  s.big = n * 1'000'000'007LL;
  s.ratio = static_cast<double>(n) / 4;
  s.price = ormc::Decimal(std::to_string(n) + ".25");
  s.code = "code-" + std::to_string(n);
  s.day = ormc::makeDate(2024, 1, 1 + static_cast<unsigned>(n % 28));
  s.at = ormc::makeDateTime(2024, 6, 1, 12, 0, 0, static_cast<unsigned>(n));
  return s;
}

inline std::int64_t count(ormc::Database& db, const std::string& table) {
  return db.withConnection([&](ormc::Connection& c) {
    ormc::PreparedStatement s = c.prepare("SELECT COUNT(*) FROM " + c.dialect().quoteIdentifier(table));
    REQUIRE(s->step());
    return ormc::readValue<std::int64_t>(*s, 0);
  });
}

}  // namespace ormc::test::database

TEST_CASE_TEMPLATE("insert fills the key and the client-side defaults, and find reads every type back", F,
                   ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();

  Sample s = makeSample(7);
  s.notes = "na\xC3\xAFve \xF0\x9F\x98\x80";
  s.data = ormc::Bytes{0, 1, 0, 255};
  s.doc = ormc::Json{{"k", {1, 2}}};
  s.big = std::numeric_limits<std::int64_t>::min();
  const ormc::DateTime before = ormc::currentDateTime();
  db.insert(s);
  CHECK(s.id > 0);
  CHECK_FALSE(s.token.isNil());
  CHECK(s.createdAt >= before);
  CHECK(s.updatedAt == s.createdAt);
  CHECK(s.status == Status::active);

  std::optional<Sample> read = db.find<Sample>(s.id);
  REQUIRE(read);
  CHECK(read->id == s.id);
  CHECK(read->flag == s.flag);
  CHECK(read->small == s.small);
  CHECK(read->big == s.big);
  CHECK(read->ratio == s.ratio);
  CHECK(read->price == s.price);
  CHECK(read->price.str() == "7.25");
  CHECK(read->code == s.code);
  CHECK(read->notes == s.notes);
  CHECK(read->data == s.data);
  CHECK(read->day == s.day);
  CHECK(read->at == s.at);
  CHECK(read->token == s.token);
  CHECK(read->doc == s.doc);
  CHECK(read->status == s.status);
  CHECK(read->createdAt == s.createdAt);
  CHECK(read->updatedAt == s.updatedAt);

  Sample second = makeSample(8);
  db.insert(second);
  CHECK(second.id == s.id + 1);
  CHECK(second.token != s.token);
  CHECK_FALSE(db.find<Sample>(second.id + 100));
}

TEST_CASE_TEMPLATE("a key or a default given by the caller is kept", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  Sample s = makeSample(1);
  s.id = 42;
  s.token = ormc::Uuid("00000000-0000-4000-8000-000000000001");
  s.createdAt = ormc::makeDateTime(2000, 1, 1);
  s.status = Status::archived;
  db.insert(s);
  CHECK(s.id == 42);
  std::optional<Sample> read = db.find<Sample>(42);
  REQUIRE(read);
  CHECK(read->token == s.token);
  CHECK(read->createdAt == ormc::makeDateTime(2000, 1, 1));
  CHECK(read->status == Status::archived);
}

TEST_CASE_TEMPLATE("a decimal that does not fit its column is refused before anything is written", F,
                   ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  Sample s = makeSample(1);
  s.price = ormc::Decimal("1.005");
  CHECK_THROWS_AS(db.insert(s), ormc::ValueError);
  s.price = ormc::Decimal("12345678901.00");
  CHECK_THROWS_AS(db.insert(s), ormc::ValueError);
  CHECK(s.id == 0);
  CHECK(count(db, "sample") == 0);
  s.price = ormc::Decimal("-9999999999.99");
  db.insert(s);
  CHECK(db.find<Sample>(s.id)->price.str() == "-9999999999.99");
}

TEST_CASE_TEMPLATE("insert_all writes batches and hands out consecutive keys in order", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  Sample first = makeSample(0);
  db.insert(first);

  std::vector<Sample> samples;
  for (int i = 1; i <= 1000; ++i) samples.push_back(makeSample(i));
  db.insert_all(samples);
  CHECK(count(db, "sample") == 1001);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    CHECK(samples[i].id == first.id + 1 + static_cast<std::int64_t>(i));
    CHECK_FALSE(samples[i].token.isNil());
  }
  // Every row is where its key says.
  for (std::size_t i : {std::size_t{0}, std::size_t{255}, std::size_t{256}, std::size_t{999}}) {
    std::optional<Sample> read = db.find<Sample>(samples[i].id);
    REQUIRE(read);
    CHECK(read->code == samples[i].code);
    CHECK(read->token == samples[i].token);
  }
  db.insert_all(std::vector<Sample>{});  // nothing to do
  CHECK(count(db, "sample") == 1001);
}

TEST_CASE_TEMPLATE("insert_all is all or nothing", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  std::vector<Account> accounts;
  for (int i = 0; i < 600; ++i) accounts.push_back(Account{.email = "a" + std::to_string(i) + "@example.com"});
  accounts[550].email = accounts[3].email;  // the third batch repeats a unique email
  CHECK_THROWS_AS(db.insert_all(accounts), ormc::UniqueViolation);
  CHECK(count(db, "account") == 0);
}

TEST_CASE_TEMPLATE("composite keys: insert, find, update and remove by a tuple", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  Membership m{.groupId = 1, .userKey = "ada"};
  db.insert(m);
  Membership second{.groupId = 1, .userKey = "bob"};
  db.insert(second);
  Membership third{.groupId = 2, .userKey = "ada", .role = "owner"};
  db.insert(third);
  std::optional<Membership> read = db.find<Membership>(std::tuple{std::int64_t{1}, std::string("ada")});
  REQUIRE(read);
  CHECK(read->role == "member");
  read->role = "admin";
  db.update(*read);
  CHECK(db.find<Membership>({1, "ada"})->role == "admin");
  CHECK(db.find<Membership>({2, "ada"})->role == "owner");
  CHECK(db.remove<Membership>({1, "bob"}));
  CHECK_FALSE(db.remove<Membership>({1, "bob"}));
  db.remove(third);
  CHECK(count(db, "membership") == 1);
}

TEST_CASE_TEMPLATE("update sets @updatedAt and bumps @version, and a stale version changes nothing", F,
                   ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  Account account{.email = "ada@example.com"};
  db.insert(account);
  CHECK(account.version == 0);

  Account mine = *db.find<Account>(account.id);
  Account theirs = *db.find<Account>(account.id);
  mine.balance = ormc::Decimal("10.00");
  db.update(mine);
  CHECK(mine.version == 1);
  CHECK(db.find<Account>(account.id)->version == 1);

  theirs.balance = ormc::Decimal("99.00");
  CHECK_THROWS_AS(db.update(theirs), ormc::StaleObject);
  CHECK(theirs.version == 0);  // the object is left as it was
  CHECK(db.find<Account>(account.id)->balance == ormc::Decimal("10.00"));
  CHECK_THROWS_AS(db.remove(theirs), ormc::StaleObject);
  CHECK(count(db, "account") == 1);

  // Writing the same values again still matches the row (MySQL: CLIENT_FOUND_ROWS).
  Account same = *db.find<Account>(account.id);
  db.update(same);
  CHECK(same.version == 2);

  Sample s = makeSample(1);
  db.insert(s);
  ormc::DateTime inserted = s.updatedAt;
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  s.code = "changed";
  db.update(s);
  CHECK(s.updatedAt > inserted);
  CHECK(db.find<Sample>(s.id)->updatedAt == s.updatedAt);
  CHECK(db.find<Sample>(s.id)->createdAt == s.createdAt);

  Account gone{.id = 12345, .email = "x@example.com"};
  CHECK_THROWS_AS(db.update(gone), ormc::NotFound);
  CHECK_THROWS_AS(db.remove(gone), ormc::NotFound);
}

TEST_CASE_TEMPLATE("upsert inserts, then updates the row with the same key or unique value", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  Account account{.email = "ada@example.com", .balance = ormc::Decimal("1.00")};
  db.upsert(account);
  CHECK(account.id > 0);
  Account again{.email = "ada@example.com", .balance = ormc::Decimal("2.00")};
  db.upsert(again);  // no id: the unique email finds the row
  CHECK(again.id == account.id);
  CHECK(count(db, "account") == 1);
  CHECK(db.find<Account>(account.id)->balance == ormc::Decimal("2.00"));

  account.balance = ormc::Decimal("3.00");
  db.upsert(account);  // by key
  CHECK(db.find<Account>(account.id)->balance == ormc::Decimal("3.00"));

  Membership m{.groupId = 1, .userKey = "ada"};
  db.upsert(m);
  m.role = "owner";
  db.upsert(m);
  CHECK(count(db, "membership") == 1);
  CHECK(db.find<Membership>({1, "ada"})->role == "owner");
}

TEST_CASE_TEMPLATE("each constraint has its own exception, with the code, the SQL and no values", F,
                   ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  Account account{.email = "secret-address@example.com"};
  db.insert(account);

  Account duplicate{.email = "secret-address@example.com"};
  try {
    db.insert(duplicate);
    FAIL("no UniqueViolation");
  } catch (const ormc::UniqueViolation& e) {
    CHECK(e.code() != 0);
    CHECK(e.sql().find("INSERT INTO") != std::string::npos);
    CHECK(std::string(e.what()).find("secret-address") == std::string::npos);
  }

  Entry orphan{.accountId = account.id + 1000, .amount = 5};
  try {
    db.insert(orphan);
    FAIL("no ForeignKeyViolation");
  } catch (const ormc::ForeignKeyViolation& e) {
    CHECK(e.code() != 0);
    CHECK(e.sql().find("INSERT INTO") != std::string::npos);
  }

  Entry zero{.accountId = account.id, .amount = 0};
  try {
    db.insert(zero);
    FAIL("no CheckViolation");
  } catch (const ormc::CheckViolation& e) {
    CHECK(e.code() != 0);
    CHECK(e.constraint() == "entry_amount_check");
  }

  CHECK_THROWS_AS(db.execute("INSERT INTO " + db.dialect().quoteIdentifier("account") + " (" +
                             db.dialect().quoteIdentifier("email") + ", " +
                             db.dialect().quoteIdentifier("balance") + ", " +
                             db.dialect().quoteIdentifier("version") + ") VALUES (NULL, '0.00', 0)"),
                  ormc::NotNullViolation);
  CHECK(count(db, "entry") == 0);
}

TEST_CASE_TEMPLATE("a cascade removes the children with the parent", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  Account account{.email = "ada@example.com"};
  db.insert(account);
  std::vector<Entry> entries{{.accountId = account.id, .amount = 1}, {.accountId = account.id, .amount = -2}};
  db.insert_all(entries);
  CHECK(entries[1].id == entries[0].id + 1);
  CHECK(count(db, "entry") == 2);
  db.remove(account);
  CHECK(count(db, "entry") == 0);
}

TEST_CASE_TEMPLATE("a transaction commits, rolls back when dropped, and nests as savepoints", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  {
    auto tx = db.transaction();
    Account a{.email = "kept@example.com"};
    db.insert(a);  // the thread's open transaction
    {
      auto inner = db.transaction();
      CHECK(inner.nested());
      Account b{.email = "undone@example.com"};
      inner.insert(b);
    }  // rolled back to the savepoint
    {
      auto inner = db.transaction();
      Account c{.email = "released@example.com"};
      inner.insert(c);
      inner.commit();
    }
    tx.commit();
  }
  CHECK(count(db, "account") == 2);
  {
    auto tx = db.transaction();
    Account d{.email = "dropped@example.com"};
    tx.insert(d);
  }
  CHECK(count(db, "account") == 2);
  try {
    auto tx = db.transaction();
    Account e{.email = "thrown@example.com"};
    tx.insert(e);
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  CHECK(count(db, "account") == 2);
  auto tx = db.transaction();
  tx.commit();
  CHECK_THROWS_AS(tx.commit(), ormc::Error);
}

TEST_CASE_TEMPLATE("transact commits, returns the result, and rolls back and rethrows on an exception", F,
                   ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  std::int64_t id = db.transact([&](ormc::Transaction& tx) {
    Account a{.email = "ada@example.com"};
    tx.insert(a);
    return a.id;
  });
  CHECK(db.find<Account>(id));
  int attempts = 0;
  CHECK_THROWS_AS(db.transact([&](ormc::Transaction& tx) {
    ++attempts;
    Account b{.email = "bob@example.com"};
    tx.insert(b);
    Account duplicate{.email = "ada@example.com"};
    tx.insert(duplicate);
  }),
                  ormc::UniqueViolation);
  CHECK(attempts == 1);  // a constraint violation is not retried
  CHECK(count(db, "account") == 1);
}

TEST_CASE_TEMPLATE("transact retries a transaction that lost a lock race, then gives up", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  int attempts = 0;
  db.transact([&](ormc::Transaction& tx) {
    Account a{.email = "try" + std::to_string(attempts) + "@example.com"};
    tx.insert(a);
    if (++attempts < 3) throw ormc::Timeout("lock race (simulated)", 5);
  });
  CHECK(attempts == 3);
  CHECK(count(db, "account") == 1);  // the two failed attempts left nothing

  attempts = 0;
  CHECK_THROWS_AS(db.transact([&](ormc::Transaction&) {
    ++attempts;
    throw ormc::Deadlock("deadlock (simulated)", 1213);
  },
                              ormc::RetryPolicy{.maxAttempts = 4}),
                  ormc::Deadlock);
  CHECK(attempts == 4);

  // Inside an enclosing transaction nothing is retried: the enclosing one lost.
  attempts = 0;
  auto outer = db.transaction();
  CHECK_THROWS_AS(db.transact([&](ormc::Transaction&) {
    ++attempts;
    throw ormc::Timeout("lock race (simulated)", 5);
  }),
                  ormc::Timeout);
  CHECK(attempts == 1);
}

TEST_CASE_TEMPLATE("committed data survives reopening the database", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  if constexpr (F::kFile) {
    F f;
    std::int64_t id = 0;
    {
      ormc::Database db = f.open();
      db.create_all<crudtest::Schema>();
      Account a{.email = "ada@example.com"};
      db.transact([&](ormc::Transaction& tx) { tx.insert(a); });
      id = a.id;
      auto tx = db.transaction();
      Account b{.email = "uncommitted@example.com"};
      tx.insert(b);
    }
    ormc::Database reopened = ormc::Database::open(f.url());
    CHECK(reopened.find<Account>(id));
    CHECK(count(reopened, "account") == 1);
  }
}

TEST_CASE_TEMPLATE("the pool shares a database between threads", F, ORMC_DATABASE_FIXTURES) {
  using namespace ormc::test::database;
  F f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < 25; ++i) {
          db.transact([&](ormc::Transaction& tx) {
            Account a{.email = std::to_string(t) + "-" + std::to_string(i) + "@example.com"};
            tx.insert(a);
            a.balance = ormc::Decimal("1.00");
            tx.update(a);
          });
        }
      } catch (...) {
        ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(failures == 0);
  CHECK(count(db, "account") == 100);
}
