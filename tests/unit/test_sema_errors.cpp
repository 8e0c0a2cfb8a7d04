// Semantic errors, one rule per case, pinned as exact text: line:col-col ranges, messages,
// codes, help lines and notes. The IR is withheld whenever an error is reported.
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

using namespace ormc;
using ormc::test::analyzeText;
using ormc::test::noMysql;

TEST_CASE("unknown types get a did-you-mean over built-ins, models and enums") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "enum Role { admin }\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  email Strng(255)\n"
      "  role Rol\n"
      "  thing Widget\n"
      "}\n");
  CHECK(a.diagnostics ==
        "5:9-14: error: unknown type 'Strng' [E0201]\n"
        "  help: did you mean 'String'?\n"
        "6:8-11: error: unknown type 'Rol' [E0201]\n"
        "  help: did you mean 'Role'?\n"
        "7:9-15: error: unknown type 'Widget' [E0201]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("type arguments") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  a String(0)\n"
      "  b String(65536)\n"
      "  c String(1, 2)\n"
      "  d Decimal\n"
      "  e Decimal(12)\n"
      "  f Decimal(66, 2)\n"
      "  g Decimal(5, 6)\n"
      "  h Decimal(40, 31)\n"
      "  i Int32(4)\n"
      "  j String(65535)\n"
      "  k Decimal(65, 30)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:12-13: error: string length 0 is out of range (1 to 65535) [E0318]\n"
        "  help: use Text for longer strings\n"
        "5:12-17: error: string length 65536 is out of range (1 to 65535) [E0318]\n"
        "  help: use Text for longer strings\n"
        "6:12-16: error: String takes one argument, its maximum length [E0318]\n"
        "  help: write String(n), e.g. String(255)\n"
        "7:5-12: error: Decimal needs a precision and a scale [E0318]\n"
        "  help: write Decimal(precision, scale), e.g. Decimal(12,2)\n"
        "8:13-15: error: Decimal needs a precision and a scale [E0318]\n"
        "  help: write Decimal(precision, scale), e.g. Decimal(12,2)\n"
        "9:13-15: error: decimal precision 66 is out of range (1 to 65) [E0318]\n"
        "10:16-17: error: decimal scale 6 is larger than the precision 5 [E0318]\n"
        "11:17-19: error: decimal scale 31 is out of range (0 to 30) [E0318]\n"
        "12:11-12: error: type 'Int32' takes no arguments [E0318]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("lists are only for relations") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "enum Role { admin }\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  tags String[]\n"
      "  roles Role[]\n"
      "}\n");
  CHECK(a.diagnostics ==
        "5:8-16: error: list type 'String[]' is only allowed for relation fields [E0317]\n"
        "  help: store several values in a Json field, or make them a model with a relation\n"
        "6:9-15: error: list type 'Role[]' is only allowed for relation fields [E0317]\n"
        "  help: store several values in a Json field, or make them a model with a relation\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("duplicate models, enums, fields and enum values") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  id String\n"
      "}\n"
      "model A {\n"
      "  id Int64 @id\n"
      "}\n"
      "enum A { x }\n"
      "enum Role {\n"
      "  admin\n"
      "  admin\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:3-5: error: field 'id' is already defined in model 'A' [E0203]\n"
        "  note 3:3-5: 'id' first defined here\n"
        "6:7-8: error: model 'A' is already defined [E0202]\n"
        "  note 2:7-8: 'A' first defined here\n"
        "9:6-7: error: enum 'A' has the same name as model 'A' [E0202]\n"
        "  note 2:7-8: 'A' first defined here\n"
        "12:3-8: error: enum value 'admin' is already defined in enum 'Role' [E0204]\n"
        "  note 11:3-8: 'admin' first defined here\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("declarations named like built-in types") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model String {\n"
      "  id Int64 @id\n"
      "}\n"
      "enum Json { a }\n");
  CHECK(a.diagnostics ==
        "2:7-13: error: model 'String' has the name of a built-in type [E0215]\n"
        "5:6-10: error: enum 'Json' has the name of a built-in type [E0215]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("reserved C++ names and C++ name clashes") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  __x Int32\n"
      "  _Y Int32\n"
      "  class Int32\n"
      "  class_ Int32\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:3-6: error: field name '__x' is reserved in C++ [E0215]\n"
        "  help: names must not contain '__' or start with '_' and a capital letter\n"
        "5:3-5: error: field name '_Y' is reserved in C++ [E0215]\n"
        "  help: names must not contain '__' or start with '_' and a capital letter\n"
        "6:3-8: warning: field 'class' is a C++ keyword; its C++ member is 'class_' [W0002]\n"
        "7:3-9: error: field 'class_' has the same C++ name as field 'class' [E0215]\n"
        "  note 6:3-8: 'class' becomes 'class_' in C++\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("unknown, repeated and misplaced attributes") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  x Int32 @uniqe @id2 @unique @unique\n"
      "  @@uniq([x])\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:11-17: error: unknown attribute '@uniqe' on field 'x' [E0211]\n"
        "  help: did you mean '@unique'?\n"
        "4:18-22: error: unknown attribute '@id2' on field 'x' [E0211]\n"
        "  help: did you mean '@id'?\n"
        "4:31-38: error: @unique is given twice on field 'x' [E0316]\n"
        "  note 4:23-30: first given here\n"
        "5:3-9: error: unknown attribute '@@uniq' on model 'A' [E0211]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("attribute arguments") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id(1)\n"
      "  x Int32 @map(1)\n"
      "  y Int32 @map\n"
      "  z Int32 @default(1, 2)\n"
      "  w Int32 @default\n"
      "  b B? @relation(\"X\", fields: [bId], referencs: [id])\n"
      "  bId Int64?\n"
      "  c B? @relation(fields: bId2, onDelete: Casade)\n"
      "  bId2 Int64?\n"
      "  d B? @relation(references: [id])\n"
      "  @@index(x)\n"
      "  @@index([x], nam: \"n\")\n"
      "  @@unique([])\n"
      "  @@unique([x], name: 5)\n"
      "  @@renamed(from: \"Old\")\n"
      "  @@renamed(from: \"Old2\")\n"
      "  @@map(\"a\")\n"
      "  @@map(\"b\")\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  as1 A[] @relation(\"X\")\n"
      "}\n");
  CHECK(a.diagnostics ==
        "3:16-17: error: @id takes no arguments [E0314]\n"
        "4:16-17: error: the argument of @map must be a string: the column name [E0314]\n"
        "5:11-15: error: missing argument 'name' in @map [E0314]\n"
        "  help: write @map(\"column_name\")\n"
        "6:23-24: error: unexpected argument in @default [E0314]\n"
        "  help: write @default(value), e.g. @default(0)\n"
        "7:11-19: error: missing argument 'value' in @default [E0314]\n"
        "  help: write @default(value), e.g. @default(0)\n"
        "8:38-47: error: unknown argument 'referencs' in @relation [E0314]\n"
        "  help: did you mean 'references'?\n"
        "10:26-30: error: argument 'fields' of @relation must be a list of field names, e.g. [authorId] [E0314]\n"
        "10:42-48: error: unknown referential action 'Casade' [E0314]\n"
        "  help: did you mean 'Cascade'?\n"
        "12:18-34: error: 'references' needs 'fields': the foreign key fields that hold the reference [E0314]\n"
        "  help: write @relation(fields: [authorId], references: [id])\n"
        "13:11-12: error: the argument of @@index must be a list of field names, e.g. [a, b] [E0314]\n"
        "14:16-19: error: unknown argument 'nam' in @@index [E0314]\n"
        "  help: did you mean 'name'?\n"
        "15:12-14: error: the argument of @@unique must name at least one field [E0314]\n"
        "16:23-24: error: argument 'name' of @@unique must be a string: the constraint's name [E0314]\n"
        "18:3-12: error: @@renamed is given twice on model 'A' [E0316]\n"
        "  note 17:3-12: first given here\n"
        "20:3-8: error: @@map is given twice on model 'A' [E0316]\n"
        "  note 19:3-8: first given here\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("attributes that do not suit relation fields, and @relation on a column") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  b B @relation(fields: [bId]) @unique @default(1) @map(\"b\")\n"
      "  bId Int64\n"
      "  c Int32 @relation(fields: [id])\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  as A[] @map(\"x\") @check(id > 0)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:32-39: error: @unique is not allowed on relation field 'b' [E0315]\n"
        "  help: put it on the foreign key field instead\n"
        "4:40-48: error: @default is not allowed on relation field 'b' [E0315]\n"
        "  help: a relation field has no column of its own\n"
        "4:52-56: error: @map is not allowed on relation field 'b' [E0315]\n"
        "  help: a relation field has no column of its own\n"
        "6:11-20: error: @relation is only allowed on relation fields, but 'c' has type Int32 [E0315]\n"
        "10:10-14: error: @map is not allowed on relation field 'as' [E0315]\n"
        "  help: a relation field has no column of its own\n"
        "10:20-26: error: @check is not allowed on relation field 'as' [E0315]\n"
        "  help: a relation field has no column of its own\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("primary keys") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model Tag {\n"
      "  name String(10)\n"
      "}\n"
      "model Two {\n"
      "  a Int64 @id\n"
      "  b Int64 @id\n"
      "  @@id([a, b])\n"
      "}\n"
      "model N {\n"
      "  a Int64? @id\n"
      "}\n"
      "model C {\n"
      "  a Int64?\n"
      "  b Int64\n"
      "  @@id([a, b, c])\n"
      "}\n");
  CHECK(a.diagnostics ==
        "2:7-10: error: model 'Tag' has no primary key [E0301]\n"
        "  help: mark a field with @id, or add @@id([a, b])\n"
        "7:11-14: error: model 'Two' has more than one primary key [E0302]\n"
        "  help: a key over several fields is written @@id([a, b])\n"
        "  note 6:11-14: the first primary key is declared here\n"
        "8:3-7: error: model 'Two' has more than one primary key [E0302]\n"
        "  help: a key over several fields is written @@id([a, b])\n"
        "  note 6:11-14: the first primary key is declared here\n"
        "11:5-11: error: primary key field 'a' of model 'N' cannot be nullable [E0326]\n"
        "  help: remove the '?' from the type of 'a'\n"
        "16:15-16: error: unknown field 'c' in @@id of model 'C' [E0207]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("autoincrement") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id String(10) @id @autoincrement\n"
      "  n Int32 @autoincrement\n"
      "}\n"
      "model B {\n"
      "  a Int32 @autoincrement\n"
      "  b Int32\n"
      "  @@id([a, b])\n"
      "}\n"
      "model C {\n"
      "  id Int64 @id @autoincrement @default(1)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "3:21-35: error: @autoincrement needs an Int32 or Int64 @id field, but 'id' has type String(10) [E0303]\n"
        "4:11-25: error: @autoincrement needs an @id field, and 'n' is not one [E0303]\n"
        "  help: mark 'n' with @id, or remove @autoincrement\n"
        "7:11-25: error: @autoincrement is not allowed in the composite primary key of model 'B' [E0303]\n"
        "12:31-39: error: field 'id' cannot have both @default and @autoincrement [E0315]\n"
        "  note 12:16-30: @autoincrement given here\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("updatedAt and version") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  u Int32 @updatedAt\n"
      "  u2 DateTime? @updatedAt\n"
      "  v Int32? @version\n"
      "  w String(10) @version\n"
      "  ok Int64 @version\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:11-21: error: @updatedAt needs a DateTime field, but 'u' has type Int32 [E0305]\n"
        "6:12-20: error: @version needs a non-null Int32 or Int64 field, but 'v' has type Int32? [E0306]\n"
        "7:16-24: error: @version needs a non-null Int32 or Int64 field, but 'w' has type String(10) [E0306]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("defaults that do not fit") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "enum Role {\n"
      "  admin\n"
      "  reader\n"
      "}\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  karma Int32 @default(\"x\")\n"
      "  r Role @default(\"admin\")\n"
      "  by Bytes @default(\"x\")\n"
      "  b Bool @default(1)\n"
      "  i Int64 @default(now())\n"
      "  f Float64 @default(true)\n"
      "  u Uuid @default(now())\n"
      "  d Date @default(uuid())\n"
      "  s String(5) @default(5)\n"
      "  j Json @default(1)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "8:24-27: error: default value \"x\" does not fit field 'karma' of type Int32 [E0304]\n"
        "  help: write an integer, e.g. @default(0)\n"
        "9:19-26: error: default value \"admin\" does not fit field 'r' of type Role [E0304]\n"
        "  help: write one of the values of 'Role', e.g. @default(admin)\n"
        "10:21-24: error: default value \"x\" does not fit field 'by' of type Bytes [E0304]\n"
        "  help: Bytes fields cannot have a default\n"
        "11:19-20: error: default value 1 does not fit field 'b' of type Bool [E0304]\n"
        "  help: write true or false\n"
        "12:20-25: error: default value now() does not fit field 'i' of type Int64 [E0304]\n"
        "  help: write an integer, e.g. @default(0)\n"
        "13:22-26: error: default value true does not fit field 'f' of type Float64 [E0304]\n"
        "  help: write a number, e.g. @default(0.5)\n"
        "14:19-24: error: default value now() does not fit field 'u' of type Uuid [E0304]\n"
        "  help: write uuid(), or a UUID as \"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"\n"
        "15:19-25: error: default value uuid() does not fit field 'd' of type Date [E0304]\n"
        "  help: write a date as \"YYYY-MM-DD\", or now()\n"
        "16:24-25: error: default value 5 does not fit field 's' of type String(5) [E0304]\n"
        "  help: write a string, e.g. @default(\"\")\n"
        "17:19-20: error: default value 1 does not fit field 'j' of type Json [E0304]\n"
        "  help: write the JSON document as a string, e.g. @default(\"{}\")\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("defaults out of range or malformed") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "enum Role {\n"
      "  admin\n"
      "  reader\n"
      "}\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  big Int32 @default(3000000000)\n"
      "  small Int32 @default(-2147483649)\n"
      "  huge Int64 @default(9223372036854775808)\n"
      "  dec Decimal(4,2) @default(1.234)\n"
      "  dec2 Decimal(4,2) @default(123)\n"
      "  s String(2) @default(\"abc\")\n"
      "  j Json @default(\"{x\")\n"
      "  d Date @default(\"2023-02-29\")\n"
      "  dt DateTime @default(\"2024-01-01 10:00:00\")\n"
      "  dt2 DateTime @default(\"2024-01-01T10:00:00.1234567Z\")\n"
      "  u Uuid @default(\"nope\")\n"
      "  r Role @default(readr)\n"
      "  now DateTime @default(nwo())\n"
      "  now2 DateTime @default(now(1))\n"
      "}\n");
  CHECK(a.diagnostics ==
        "8:22-32: error: default value 3000000000 is out of range for field 'big' of type Int32 [E0328]\n"
        "  help: use Int64 for larger numbers\n"
        "9:24-35: error: default value -2147483649 is out of range for field 'small' of type Int32 [E0328]\n"
        "  help: use Int64 for larger numbers\n"
        "10:23-42: error: default value 9223372036854775808 is out of range for field 'huge' of type Int64 [E0328]\n"
        "11:29-34: error: default value 1.234 has more than 2 decimal places, which field 'dec' of type Decimal(4,2) holds [E0328]\n"
        "12:30-33: error: default value 123 has more than 2 digits before the point, which field 'dec2' of type Decimal(4,2) holds [E0328]\n"
        "13:24-29: error: default value \"abc\" is 3 characters long, more than field 's' of type String(2) holds [E0328]\n"
        "14:19-23: error: default value \"{x\" of field 'j' is not valid JSON [E0328]\n"
        "15:19-31: error: default value \"2023-02-29\" of field 'd' is not a valid date [E0328]\n"
        "  help: write a date as \"YYYY-MM-DD\", or now()\n"
        "16:24-45: error: default value \"2024-01-01 10:00:00\" of field 'dt' is not a valid date-time [E0328]\n"
        "  help: write a UTC date-time as \"YYYY-MM-DDTHH:MM:SSZ\" (with up to 6 fractional digits of seconds), or now()\n"
        "17:25-55: error: default value \"2024-01-01T10:00:00.1234567Z\" of field 'dt2' is not a valid date-time [E0328]\n"
        "  help: write a UTC date-time as \"YYYY-MM-DDTHH:MM:SSZ\" (with up to 6 fractional digits of seconds), or now()\n"
        "18:19-25: error: default value \"nope\" of field 'u' is not a valid UUID [E0328]\n"
        "  help: write uuid(), or a UUID as \"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"\n"
        "19:19-24: error: unknown value 'readr' of enum 'Role' [E0208]\n"
        "  help: did you mean 'reader'?\n"
        "20:25-30: error: unknown function 'nwo' in @default [E0314]\n"
        "  help: did you mean 'now'?\n"
        "21:26-32: error: now() takes no arguments [E0314]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("defaults that fit") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "enum Role {\n"
      "  admin\n"
      "}\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  a Int32 @default(2147483647)\n"
      "  b Int64 @default(-9223372036854775808)\n"
      "  c Decimal(4,2) @default(99.99)\n"
      "  d Date @default(\"2000-02-29\")\n"
      "  e DateTime @default(\"2024-12-31T23:59:59Z\")\n"
      "  f DateTime @default(now())\n"
      "  g Role @default(admin)\n"
      "  h Json @default(\"null\")\n"
      "  i Float64 @default(1.5)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "");
  CHECK(a.schema.has_value());
}

TEST_CASE("table and column names") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  email String(10) @map(\"mail\")\n"
      "  mail String(10)\n"
      "  Email String(10) @map(\"MAIL\")\n"
      "  x Int32 @map(\"\")\n"
      "  @@map(\"people\")\n"
      "}\n"
      "model Person {\n"
      "  id Int64 @id\n"
      "  @@map(\"People\")\n"
      "}\n"
      "model people2 {\n"
      "  id Int64 @id\n"
      "  @@map(\"\")\n"
      "}\n");
  CHECK(a.diagnostics ==
        "5:3-7: error: column 'mail' of field 'mail' is already used by field 'email' in model 'User' [E0206]\n"
        "  help: give one of them another column name with @map(\"...\")\n"
        "  note 4:25-31: 'mail' is the column of field 'email'\n"
        "6:25-31: error: column 'MAIL' of field 'Email' is already used by field 'email' in model 'User' [E0206]\n"
        "  help: give one of them another column name with @map(\"...\")\n"
        "  note 4:25-31: 'mail' is the column of field 'email'\n"
        "7:16-18: error: the column name of field 'x' is empty [E0215]\n"
        "12:9-17: error: table 'People' of model 'Person' is already used by model 'User' [E0205]\n"
        "  help: choose another name in @@map\n"
        "  note 8:9-17: 'people' is the table of model 'User'\n"
        "16:9-11: error: the table name of model 'people2' is empty [E0215]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("constraint names") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  x Int32\n"
      "  @@unique([x], name: \"u1\")\n"
      "  @@index([id], name: \"U1\")\n"
      "  @@index([x], name: \"\")\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  @@index([id], name: \"u1\")\n"
      "}\n");
  CHECK(a.diagnostics ==
        "6:23-27: error: constraint name 'U1' is already used [E0212]\n"
        "  note 5:23-27: 'U1' first used here\n"
        "7:22-24: error: a constraint name cannot be empty [E0215]\n"
        "11:23-27: error: constraint name 'u1' is already used [E0212]\n"
        "  note 5:23-27: 'u1' first used here\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("names longer than 64 characters on MySQL") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model AVeryLongModelNameThatGoesOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOn {\n"
      "  id Int64 @id @map(\"a_very_long_column_name_that_goes_on_and_on_and_on_and_on_and_on_and_on\")\n"
      "  x Int32\n"
      "  @@index([x], name: \"a_very_long_index_name_that_goes_on_and_on_and_on_and_on_and_on_and_on\")\n"
      "}\n");
  CHECK(a.diagnostics ==
        "2:7-75: error: table name 'a_very_long_model_name_that_goes_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on' is longer than 64 characters, the limit on MySQL [E0216]\n"
        "  help: choose a shorter name with @@map(\"...\")\n"
        "3:21-94: error: column name 'a_very_long_column_name_that_goes_on_and_on_and_on_and_on_and_on_and_on' is longer than 64 characters, the limit on MySQL [E0216]\n"
        "  help: choose a shorter name in @map\n"
        "5:22-94: error: constraint name 'a_very_long_index_name_that_goes_on_and_on_and_on_and_on_and_on_and_on' is longer than 64 characters, the limit on MySQL [E0216]\n"
        "  help: choose a shorter name\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("names longer than 64 characters are fine without MySQL") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model AVeryLongModelNameThatGoesOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOn {\n"
      "  id Int64 @id @map(\"a_very_long_column_name_that_goes_on_and_on_and_on_and_on_and_on_and_on\")\n"
      "  x Int32\n"
      "  @@index([x], name: \"a_very_long_index_name_that_goes_on_and_on_and_on_and_on_and_on_and_on\")\n"
      "}\n", noMysql());
  CHECK(a.diagnostics ==
        "");
  CHECK(a.schema.has_value());
}

TEST_CASE("unknown fields in key and index lists") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  name String(10)\n"
      "  @@index([nmae])\n"
      "  @@unique([name, name])\n"
      "  @@id([idd])\n"
      "}\n");
  CHECK(a.diagnostics ==
        "5:12-16: error: unknown field 'nmae' in @@index of model 'A' [E0207]\n"
        "  help: did you mean 'name'?\n"
        "6:19-23: error: field 'name' is listed twice in @@unique of model 'A' [E0314]\n"
        "7:3-7: error: model 'A' has more than one primary key [E0302]\n"
        "  help: a key over several fields is written @@id([a, b])\n"
        "  note 3:12-15: the first primary key is declared here\n"
        "7:9-12: error: unknown field 'idd' in @@id of model 'A' [E0207]\n"
        "  help: did you mean 'id'?\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("enums") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "enum E {\n"
      "}\n"
      "enum F {\n"
      "  a @map(\"x\")\n"
      "  b @map(\"X\")\n"
      "  c @id\n"
      "  d @foo\n"
      "  e @map(\"\")\n"
      "}\n"
      "enum G {\n"
      "  x\n"
      "  @@map(\"g\")\n"
      "  @@foo\n"
      "}\n");
  CHECK(a.diagnostics ==
        "2:6-7: error: enum 'E' has no values [E0325]\n"
        "  help: add at least one value\n"
        "6:10-13: error: stored value 'X' of enum value 'b' is already used by enum value 'a' [E0204]\n"
        "  help: stored values must differ, ignoring case\n"
        "  note 5:10-13: 'a' is stored as 'x'\n"
        "7:5-8: error: @id is not allowed on an enum value [E0315]\n"
        "8:5-9: error: unknown attribute '@foo' on enum value 'd' [E0211]\n"
        "9:10-12: error: enum value 'e' cannot be stored as an empty string [E0215]\n"
        "13:3-8: error: @@map is not allowed on an enum [E0315]\n"
        "14:3-8: error: unknown attribute '@@foo' on enum 'G' [E0211]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("MySQL key rules") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id String @id\n"
      "  t Text @unique\n"
      "  j Json\n"
      "  b Bytes\n"
      "  s String(800)\n"
      "  s2 String(100)\n"
      "  @@index([j])\n"
      "  @@index([b, s])\n"
      "  @@unique([s, s2])\n"
      "  @@index([s2])\n"
      "  @@index([s])\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  a A @relation(fields: [aId])\n"
      "  aId String\n"
      "}\n");
  CHECK(a.diagnostics ==
        "3:6-12: error: String without a length cannot be part of a key or index on MySQL [E0313]\n"
        "  help: give it a length, e.g. String(191)\n"
        "  note 3:13-16: field 'id' is used in this key or index\n"
        "4:5-9: error: Text cannot be part of a key or index on MySQL [E0313]\n"
        "  help: use String(n) instead, e.g. String(191)\n"
        "  note 4:10-17: field 't' is used in this key or index\n"
        "5:5-9: error: Json cannot be part of a key or index on MySQL [E0313]\n"
        "  help: use String(n) instead, e.g. String(191)\n"
        "  note 9:3-15: field 'j' is used in this key or index\n"
        "6:5-10: error: Bytes cannot be part of a key or index on MySQL [E0313]\n"
        "  help: use String(n) instead, e.g. String(191)\n"
        "  note 10:3-18: field 'b' is used in this key or index\n"
        "11:3-20: error: a unique constraint of model 'A' is 3600 bytes long, more than MySQL's limit of 3072 [E0324]\n"
        "  help: shorten the String fields in it (MySQL counts 4 bytes per character)\n"
        "13:3-15: error: an index of model 'A' is 3200 bytes long, more than MySQL's limit of 3072 [E0324]\n"
        "  help: shorten the String fields in it (MySQL counts 4 bytes per character)\n"
        "18:7-13: error: String without a length cannot be part of a key or index on MySQL [E0313]\n"
        "  help: give it a length, e.g. String(191)\n"
        "  note 17:7-31: field 'aId' is used in this key or index\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("MySQL key rules do not apply without MySQL") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id String @id\n"
      "  t Text @unique\n"
      "  s String(800)\n"
      "  s2 String(100)\n"
      "  @@unique([s, s2])\n"
      "}\n", noMysql());
  CHECK(a.diagnostics ==
        "");
  CHECK(a.schema.has_value());
}

TEST_CASE("a field whose type failed causes no follow-on errors") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  x Strng @default(1) @unique\n"
      "  @@index([x])\n"
      "  @@check(x > 1)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:5-10: error: unknown type 'Strng' [E0201]\n"
        "  help: did you mean 'String'?\n");
  CHECK_FALSE(a.schema.has_value());
}
