// The schema versions the migration tests step through (compiled with compileSchema()).
#pragma once

#include <doctest/doctest.h>

#include "ir/ir.hpp"
#include "unit/test_sema_support.hpp"

#include <string>

namespace ormc::test::migrations {

// Three versions of a small shop: v2 renames a model and a field, widens a column, adds one,
// adds an enum value, drops a column and adds an index; v3 makes a nullable column required
// with a default and adds a check.
inline const char* kV1 = R"(
enum Role {
  admin
  reader @map("r")
}
model Account {
  id    Int64        @id @autoincrement
  email String(200)  @unique
  name  String(100)?
  karma Int32        @default(0)
  role  Role         @default(reader)
  posts Post[]
}
model Post {
  id       Int64   @id @autoincrement
  author   Account @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int64
  title    String(200)
  draft    Bool    @default(true)
}
)";

inline const char* kV2 = R"(
enum Role {
  admin
  author
  reader @map("r")
}
model Member {
  id       Int64        @id @autoincrement
  email    String(200)  @unique
  fullName String(100)? @renamed(from: "name")
  karma    Int64        @default(0)
  role     Role         @default(reader)
  bio      Text?
  posts    Post[]
  @@renamed(from: "Account")
}
model Post {
  id       Int64  @id @autoincrement
  author   Member @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int64
  title    String(200) @index
}
)";

inline const char* kV3 = R"(
enum Role {
  admin
  author
  reader @map("r")
}
model Member {
  id       Int64        @id @autoincrement
  email    String(200)  @unique
  fullName String(100)  @default("anonymous")
  karma    Int64        @default(0) @check(karma >= 0)
  role     Role         @default(reader)
  bio      Text?
  posts    Post[]
}
model Post {
  id       Int64  @id @autoincrement
  author   Member @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int64
  title    String(200) @index
}
)";

}  // namespace ormc::test::migrations
