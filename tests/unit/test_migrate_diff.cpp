// The schema diff of migrations (issue 7): which operations two schemas differ by, in which
// order, which of them lose data, and what the user is told about drops that may be renames.
#include "migrate/diff.hpp"
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using Lines = std::vector<std::string>;

// Each operation described, destructive ones with what they lose.
Lines operations(const ormc::migration::Diff& diff) {
  Lines out;
  for (const ormc::migration::Operation& operation : diff.operations) {
    out.push_back(ormc::migration::describe(operation) + (operation.destructive() ? " !! " + operation.loss : ""));
  }
  return out;
}

Lines diffOf(const std::string& before, const std::string& after) {
  return operations(ormc::migration::diff(ormc::test::compileSchema(before), ormc::test::compileSchema(after)));
}

const char* kAccount = R"(
model Account {
  id    Int64       @id @autoincrement
  email String(200) @unique
  name  String(100)?
  karma Int32       @default(0)
}
)";

}  // namespace

TEST_CASE("migrate diff: the same schema differs by nothing") {
  ormc::migration::Diff diff = ormc::migration::diff(ormc::test::compileSchema(kAccount), ormc::test::compileSchema(kAccount));
  CHECK(diff.empty());
  CHECK(diff.notes.empty());
}

TEST_CASE("migrate diff: tables created and dropped, parents created first and dropped last") {
  CHECK(diffOf("", kAccount) == Lines{"create table account"});
  const char* withPosts = R"(
model Post {
  id       Int64   @id @autoincrement
  author   Account @relation(fields: [authorId], references: [id])
  authorId Int64
}
model Account {
  id    Int64 @id @autoincrement
  posts Post[]
}
)";
  CHECK(diffOf("", withPosts) == Lines{"create table account", "create table post"});
  CHECK(diffOf(withPosts, "") == Lines{"drop table post !! drops table post and every row in it",
                                       "drop table account !! drops table account and every row in it"});
}

TEST_CASE("migrate diff: columns added, dropped and renamed only with @renamed") {
  const char* renamed = R"(
model Account {
  id       Int64       @id @autoincrement
  email    String(200) @unique
  fullName String(100)? @renamed(from: "name")
  karma    Int32       @default(0)
  bio      Text?
}
)";
  ormc::migration::Diff hinted = ormc::migration::diff(ormc::test::compileSchema(kAccount), ormc::test::compileSchema(renamed));
  CHECK(operations(hinted) == Lines{"rename column account.name to full_name", "add column account.bio"});
  CHECK(hinted.notes.empty());

  const char* unhinted = R"(
model Account {
  id       Int64       @id @autoincrement
  email    String(200) @unique
  fullName String(100)?
  karma    Int32       @default(0)
}
)";
  ormc::migration::Diff dropped = ormc::migration::diff(ormc::test::compileSchema(kAccount), ormc::test::compileSchema(unhinted));
  CHECK(operations(dropped) ==
        Lines{"add column account.full_name", "drop column account.name !! drops column account.name and its data"});
  REQUIRE(dropped.notes.size() == 1);
  CHECK(dropped.notes[0] ==
        "in account, name disappeared and full_name appeared: without @renamed(from: \"...\") on the new field this "
        "drops the old column and its data and adds an empty one");
}

TEST_CASE("migrate diff: a model renamed with @@renamed keeps its table's rows") {
  const char* renamed = R"(
model Customer {
  id    Int64       @id @autoincrement
  email String(200) @unique
  name  String(100)?
  karma Int32       @default(0)
  @@renamed(from: "Account")
}
)";
  ormc::migration::Diff diff = ormc::migration::diff(ormc::test::compileSchema(kAccount), ormc::test::compileSchema(renamed));
  // The unique index's name follows the table's, so it is made again under its new name.
  CHECK(operations(diff) == Lines{"drop index account_email_key on account", "rename table account to customer",
                                  "add index customer_email_key on customer"});
  CHECK(diff.notes.empty());

  const char* unhinted = R"(
model Customer {
  id    Int64 @id @autoincrement
}
)";
  ormc::migration::Diff lost = ormc::migration::diff(ormc::test::compileSchema(kAccount), ormc::test::compileSchema(unhinted));
  CHECK(operations(lost) ==
        Lines{"create table customer", "drop table account !! drops table account and every row in it"});
  REQUIRE(lost.notes.size() == 1);
  CHECK(lost.notes[0] ==
        "model Account disappeared and Customer appeared: without @@renamed(from: \"...\") on the new model this "
        "drops the old table and its rows and creates an empty one");
}

TEST_CASE("migrate diff: type, nullability and default changes, and which of them lose data") {
  const char* changed = R"(
model Account {
  id    Int64       @id @autoincrement
  email String(100) @unique
  name  String(200)  @default("anonymous")
  karma Int64       @default(1)
}
)";
  CHECK(diffOf(kAccount, changed) ==
        Lines{"alter column account.email (type) !! changes account.email from String(200) to String(100): values that "
              "do not fit are lost or refused",
              "alter column account.name (type, nullability, default)",
              "alter column account.karma (type, default)"});
  const char* required = R"(
model Account {
  id    Int64       @id @autoincrement
  email String(200) @unique
  name  String(100)
  karma Int32       @default(0)
}
)";
  CHECK(diffOf(kAccount, required) ==
        Lines{"alter column account.name (nullability) !! makes account.name required without a default: rows where it "
              "is NULL are refused"});
  const char* toInt = R"(
model Account {
  id    Int64       @id @autoincrement
  email String(200) @unique
  name  String(100)?
  karma Decimal(5,2) @default(0)
}
)";
  CHECK(diffOf(kAccount, toInt) == Lines{"alter column account.karma (type, default) !! changes account.karma from Int32 "
                                         "to Decimal(5,2): values that do not fit are lost or refused"});
}

TEST_CASE("migrate diff: indexes, unique constraints, foreign keys and checks") {
  const char* before = R"(
model Account {
  id    Int64 @id @autoincrement
  email String(200) @unique
  karma Int32 @check(karma >= 0)
}
model Post {
  id       Int64 @id @autoincrement
  authorId Int64
}
)";
  const char* after = R"(
model Account {
  id    Int64 @id @autoincrement
  email String(200) @index
  karma Int32 @check(karma >= 1)
  posts Post[]
}
model Post {
  id       Int64   @id @autoincrement
  author   Account @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int64
}
)";
  CHECK(diffOf(before, after) == Lines{"drop index account_email_key on account", "drop check account_karma_check on account",
                                       "add index account_email_idx on account", "add foreign key post_author_id_fkey on post",
                                       "add check account_karma_check on account"});
}

TEST_CASE("migrate diff: enum values added and removed") {
  const char* before = R"(
enum Role {
  admin
  reader @map("r")
}
model Account {
  id   Int64 @id @autoincrement
  role Role  @default(reader)
}
)";
  const char* after = R"(
enum Role {
  author
  reader @map("r")
}
model Account {
  id   Int64 @id @autoincrement
  role Role  @default(reader)
}
)";
  CHECK(diffOf(before, after) == Lines{"add enum values Role: 'author'",
                                       "remove enum values Role: 'admin' !! removes 'admin' from enum Role: rows of "
                                       "account.role holding them are refused"});
}

TEST_CASE("migrate diff: operations come in the order they can run") {
  const char* before = R"(
model Account {
  id    Int64 @id @autoincrement
  email String(200) @unique
  old   Int32?
}
model Gone {
  id Int64 @id @autoincrement
}
)";
  const char* after = R"(
model Member {
  id      Int64 @id @autoincrement
  email   String(200) @unique
  karma   Int32 @default(0)
  @@renamed(from: "Account")
}
model Badge {
  id Int64 @id @autoincrement
}
)";
  CHECK(diffOf(before, after) ==
        Lines{"drop index account_email_key on account", "rename table account to member", "create table badge",
              "add column member.karma", "drop column member.old !! drops column member.old and its data",
              "drop table gone !! drops table gone and every row in it", "add index member_email_key on member"});
}

TEST_CASE("migrate diff: the way back undoes renames by the hints of the way up") {
  const char* after = R"(
model Member {
  id       Int64       @id @autoincrement
  email    String(200) @unique
  fullName String(100)? @renamed(from: "name")
  karma    Int32       @default(0)
  @@renamed(from: "Account")
}
)";
  ormc::ir::Schema before = ormc::test::compileSchema(kAccount);
  ormc::ir::Schema later = ormc::test::compileSchema(after);
  ormc::migration::Diff up = ormc::migration::diff(before, later);
  CHECK(operations(up) == Lines{"drop index account_email_key on account", "rename table account to member",
                                "rename column member.name to full_name", "add index member_email_key on member"});
  ormc::migration::Diff down = ormc::migration::diffBack(before, later, up);
  CHECK(operations(down) == Lines{"drop index member_email_key on member", "rename table member to account",
                                  "rename column account.full_name to name", "add index account_email_key on account"});
  // Nothing disappears on the way back, so nothing is destructive.
  CHECK(down.destructive().empty());
}
