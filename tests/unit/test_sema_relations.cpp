// Relations: pairing, foreign keys, one-to-one detection, many-to-many join tables, and
// every relation error pinned as exact text.
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

using namespace ormc;
using ormc::test::analyzeText;
using ormc::test::entityIndex;
using ormc::test::noMysql;

TEST_CASE("named self-relations: one-to-many and many-to-many") {
  test::Analysis a = analyzeText(R"(schema t;
model Node {
  id Int64 @id
  parent Node? @relation("Tree", fields: [parentId])
  parentId Int64?
  children Node[] @relation("Tree")
  follows Node[] @relation("Follows")
  followedBy Node[] @relation("Follows")
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  const ir::Schema& s = *a.schema;
  REQUIRE(s.relations.size() == 2);
  CHECK(s.relations[0].name == "Tree");
  CHECK(s.relations[0].kind == ir::RelationKind::ManyToOne);
  CHECK(s.relations[0].owner.field == 1);
  CHECK(s.relations[0].inverse.field == 3);
  CHECK(s.relations[1].name == "Follows");
  CHECK(s.relations[1].kind == ir::RelationKind::ManyToMany);
  CHECK(s.relations[1].owner.field == 4);
  CHECK(s.relations[1].inverse.field == 5);
  const ir::Entity& node = s.entities[0];
  CHECK(node.foreignKeys[0].onDelete == ir::ReferentialAction::SetNull);
  CHECK(node.fields[3].relation == 0);
  CHECK(node.fields[5].relation == 1);
  REQUIRE(s.entities.size() == 2);
  const ir::Entity& join = s.entities[1];
  CHECK(join.name == "Follows");
  CHECK(join.table == "follows");
  REQUIRE(join.columns.size() == 2);
  CHECK(join.columns[0].name == "follows_id");
  CHECK(join.columns[1].name == "followed_by_id");
  CHECK(join.foreignKeys[0].targetEntity == 0);
  CHECK(join.foreignKeys[1].targetEntity == 0);
  CHECK(join.indexes[0].name == "follows_followed_by_id_idx");
}

TEST_CASE("composite keys: foreign keys and join tables") {
  test::Analysis a = analyzeText(R"(schema t;
model Thing {
  id Uuid @id @default(uuid())
  tags Tag[]
  tag Tag? @relation("Main", fields: [tagA, tagB], references: [a, b], onDelete: Restrict, onUpdate: NoAction)
  tagA String(10)?
  tagB Int32?
}
model Tag {
  a String(10)
  b Int32
  things Thing[]
  @@id([a, b])
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  const ir::Schema& s = *a.schema;
  REQUIRE(s.relations.size() == 2);
  // Relations follow their owner field; many-to-many ends are ordered by model name, so
  // Tag.things (declared after Thing.tag) owns TagToThing.
  CHECK(s.relations[0].name == "Main");
  CHECK(s.relations[0].inverse.field == ir::kNone);
  CHECK(s.relations[1].name == "TagToThing");
  CHECK(s.relations[1].owner.entity == 1);
  CHECK(s.relations[1].owner.field == 2);
  CHECK(s.relations[1].inverse.entity == 0);
  CHECK(s.relations[1].inverse.field == 1);
  const ir::Entity& thing = s.entities[0];
  REQUIRE(thing.foreignKeys.size() == 1);
  CHECK(thing.foreignKeys[0].name == "thing_tag_a_tag_b_fkey");
  CHECK(thing.foreignKeys[0].columns == std::vector<std::size_t>{1, 2});
  CHECK(thing.foreignKeys[0].targetColumns == std::vector<std::size_t>{0, 1});
  CHECK(thing.foreignKeys[0].onDelete == ir::ReferentialAction::Restrict);
  CHECK(thing.foreignKeys[0].onUpdate == ir::ReferentialAction::NoAction);
  const ir::Entity& join = s.entities[entityIndex(s, "TagToThing")];
  CHECK(join.table == "tag_thing");
  REQUIRE(join.columns.size() == 3);
  CHECK(join.columns[0].name == "tag_a");
  CHECK(join.columns[1].name == "tag_b");
  CHECK(join.columns[2].name == "thing_id");
  CHECK(join.columns[2].type.kind == ir::ScalarKind::Uuid);
  CHECK(join.primaryKey.columns == std::vector<std::size_t>{0, 1, 2});
  CHECK(join.foreignKeys[0].columns == std::vector<std::size_t>{0, 1});
  CHECK(join.foreignKeys[0].targetColumns == std::vector<std::size_t>{0, 1});
  CHECK(join.indexes[0].columns == std::vector<std::size_t>{2});
}

TEST_CASE("default actions: Restrict for required keys, SetNull for nullable ones") {
  test::Analysis a = analyzeText(R"(schema t;
model User {
  id Int64 @id
}
model Post {
  id Int64 @id
  author User @relation("A", fields: [authorId])
  authorId Int64
  editor User? @relation("E", fields: [editorId])
  editorId Int64?
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  const ir::Entity& post = a.schema->entities[1];
  CHECK(post.foreignKeys[0].onDelete == ir::ReferentialAction::Restrict);
  CHECK(post.foreignKeys[0].onUpdate == ir::ReferentialAction::Cascade);
  CHECK(post.foreignKeys[1].onDelete == ir::ReferentialAction::SetNull);
  CHECK(a.schema->relations[0].inverse.field == ir::kNone);
}

TEST_CASE("a foreign key covered by a unique key or the primary key is one-to-one") {
  test::Analysis a = analyzeText(R"(schema t;
model User {
  id Int64 @id
  email String(100) @unique
  a Account?
  b Badge?
}
model Account {
  userId Int64 @id
  user User @relation(fields: [userId])
}
model Badge {
  id Int64 @id
  kind Int32
  owner User @relation(fields: [ownerEmail, kind], references: [email])
  ownerEmail String(100)
}
)");
  // Badge's foreign key has 2 fields and references 1, so only Account is checked here.
  CHECK(a.headlines == "15:64-71: error: relation field 'owner' of model 'Badge' lists 2 fields but 1 reference [E0307]\n");
  test::Analysis b = analyzeText(R"(schema t;
model User {
  id Int64 @id
  a Account?
  memberships Membership[]
}
model Account {
  userId Int64 @id
  user User @relation(fields: [userId])
}
model Membership {
  userId Int64
  group Int64
  user User @relation(fields: [userId])
  @@id([userId, group])
}
)");
  INFO(b.diagnostics);
  REQUIRE(b.schema);
  CHECK(b.schema->relations[0].kind == ir::RelationKind::OneToOne);
  CHECK(b.schema->relations[1].kind == ir::RelationKind::ManyToOne);
}

TEST_CASE("a named many-to-many relation names its join table") {
  test::Analysis a = analyzeText(R"(schema t;
model Post {
  id Int64 @id
  tags Tag[] @relation("PostLabels")
}
model Tag {
  id Int64 @id
  posts Post[] @relation("PostLabels")
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  REQUIRE(a.schema->entities.size() == 3);
  CHECK(a.schema->entities[2].name == "PostLabels");
  CHECK(a.schema->entities[2].table == "post_labels");
  CHECK(a.schema->entities[2].columns[0].name == "post_id");
  CHECK(a.schema->entities[2].columns[1].name == "tag_id");
}

TEST_CASE("foreign key fields and references differ in count") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  posts Post[]\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(fields: [authorId, x], references: [id])\n"
      "  authorId Int64\n"
      "  x Int32\n"
      "}\n");
  CHECK(a.diagnostics ==
        "8:60-64: error: relation field 'author' of model 'Post' lists 2 fields but 1 reference [E0307]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("references default to the primary key, whose size must match") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  a Int64\n"
      "  b Int64\n"
      "  @@id([a, b])\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(fields: [authorId])\n"
      "  authorId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "9:33-43: error: relation field 'author' of model 'Post' lists 1 field, but the primary key of model 'User' has 2 [E0307]\n"
        "  help: list the referenced fields: references: [...]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("foreign key types must match the referenced fields") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  code String(10) @unique\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(\"A\", fields: [authorId], references: [id])\n"
      "  authorId Int32\n"
      "  editor User @relation(\"E\", fields: [editorCode], references: [code])\n"
      "  editorCode String(20)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "8:39-47: error: foreign key field 'authorId' has type Int32, but the field it references, 'User.id', has type Int64 [E0308]\n"
        "  help: change the type of 'authorId' to Int64\n"
        "  note 3:6-11: 'User.id' is declared here\n"
        "10:39-49: error: foreign key field 'editorCode' has type String(20), but the field it references, 'User.code', has type String(10) [E0308]\n"
        "  help: change the type of 'editorCode' to String(10)\n"
        "  note 4:8-18: 'User.code' is declared here\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("references must be unique") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  email String(100)\n"
      "  a Int32\n"
      "  b Int32\n"
      "  c Int32\n"
      "  @@unique([a, b])\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(\"A\", fields: [authorEmail], references: [email])\n"
      "  authorEmail String(100)\n"
      "  x User @relation(\"X\", fields: [xa, xb], references: [a, c])\n"
      "  xa Int32\n"
      "  xb Int32\n"
      "  y User @relation(\"Y\", fields: [ya, yb], references: [b, a])\n"
      "  ya Int32\n"
      "  yb Int32\n"
      "  z User @relation(\"Z\", fields: [za, zb], references: [a, b])\n"
      "  za Int32\n"
      "  zb Int32\n"
      "}\n");
  CHECK(a.diagnostics ==
        "12:65-72: error: the references of relation field 'author' of model 'Post' are not unique in model 'User' [E0309]\n"
        "  help: reference the primary key, or mark 'email' with @unique in model 'User'\n"
        "14:55-61: error: the references of relation field 'x' of model 'Post' are not unique in model 'User' [E0309]\n"
        "  help: reference the primary key, or add @@unique([a, c]) to model 'User'\n"
        "17:55-61: error: the references of relation field 'y' of model 'Post' must be listed in the order of the unique key of model 'User' [E0309]\n"
        "  help: MySQL needs the referenced fields in the order of their key; reorder fields: and references: together\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("references in another order than the key are fine without MySQL") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  a Int32\n"
      "  b Int32\n"
      "  @@unique([a, b])\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  y User @relation(fields: [ya, yb], references: [b, a])\n"
      "  ya Int32\n"
      "  yb Int32\n"
      "}\n", noMysql());
  CHECK(a.diagnostics ==
        "");
  CHECK(a.schema.has_value());
}

TEST_CASE("unknown fields in fields and references") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  email String(100) @unique\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(fields: [autorId], references: [emial])\n"
      "  authorId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "8:34-41: error: unknown field 'autorId' in the fields of relation field 'author' [E0207]\n"
        "  help: did you mean 'authorId'?\n"
        "8:57-62: error: unknown field 'emial' in the references of relation field 'author' (model 'User') [E0207]\n"
        "  help: did you mean 'email'?\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("SetNull needs nullable foreign keys") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(\"A\", fields: [authorId], onDelete: SetNull)\n"
      "  authorId Int64\n"
      "  editor User? @relation(\"E\", fields: [editorId], onDelete: SetNull, onUpdate: SetNull)\n"
      "  editorId Int64?\n"
      "}\n");
  CHECK(a.diagnostics ==
        "7:50-67: error: onDelete: SetNull needs nullable foreign key fields, but relation field 'author' of model 'Post' has required ones [E0312]\n"
        "  help: make the foreign key fields nullable and the relation optional, or choose another action\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("optionality of the relation and of its foreign key fields") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User? @relation(\"A\", fields: [authorId])\n"
      "  authorId Int64\n"
      "  editor User @relation(\"E\", fields: [editorId])\n"
      "  editorId Int64?\n"
      "}\n");
  CHECK(a.diagnostics ==
        "7:10-15: error: optional relation field 'author' of model 'Post' needs nullable foreign key fields, but 'authorId' is required [E0319]\n"
        "  help: write 'authorId Int64?', or make the relation required: 'User'\n"
        "  note 8:12-17: 'authorId' is declared here\n"
        "9:10-14: error: required relation field 'editor' of model 'Post' needs non-null foreign key fields, but 'editorId' is nullable [E0319]\n"
        "  help: write 'editorId Int64', or make the relation optional: 'User?'\n"
        "  note 10:12-18: 'editorId' is declared here\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("several unnamed relations between two models") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  email String(100)\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(fields: [authorId], references: [emial], onDelete: SetNull)\n"
      "  authorId String(100)\n"
      "  editor User? @relation(fields: [editorId])\n"
      "  editorId Int64\n"
      "  reviewer User @relation(fields: [reviewerId])\n"
      "  reviewerId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "8:58-63: error: unknown field 'emial' in the references of relation field 'author' (model 'User') [E0207]\n"
        "  help: did you mean 'email'?\n"
        "10:3-9: error: several relations join models 'Post' and 'User', so each needs a name [E0323]\n"
        "  help: name the relation: @relation(\"Name\") on both sides\n"
        "  note 8:3-9: 'author' is another one\n"
        "10:10-15: error: optional relation field 'editor' of model 'Post' needs nullable foreign key fields, but 'editorId' is required [E0319]\n"
        "  help: write 'editorId Int64?', or make the relation required: 'User'\n"
        "  note 11:12-17: 'editorId' is declared here\n"
        "12:3-11: error: several relations join models 'Post' and 'User', so each needs a name [E0323]\n"
        "  help: name the relation: @relation(\"Name\") on both sides\n"
        "  note 8:3-9: 'author' is another one\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("an inverse side with several candidates") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  posts Post[]\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(fields: [authorId])\n"
      "  authorId Int64\n"
      "  editor User @relation(fields: [editorId])\n"
      "  editorId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:3-8: error: relation field 'posts' of model 'User' could pair with several relation fields of model 'Post' [E0311]\n"
        "  help: name the relation: @relation(\"Name\") on both sides\n"
        "  note 8:3-9: 'author' is one\n"
        "  note 10:3-9: 'editor' is one\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("a relation name used twice on one side") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User @relation(\"A\", fields: [authorId])\n"
      "  authorId Int64\n"
      "  editor User @relation(\"A\", fields: [editorId])\n"
      "  editorId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "9:3-9: error: relation name 'A' is used by more than one relation field of model 'Post' [E0323]\n"
        "  help: give each relation its own name\n"
        "  note 7:3-9: 'author' is another one\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("inverse sides without a partner") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  posts Post[]\n"
      "  things Thing[] @relation(\"T\")\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User\n"
      "}\n"
      "model Thing {\n"
      "  id Int64 @id\n"
      "  owner User @relation(\"Owner\", fields: [ownerId])\n"
      "  ownerId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "5:3-9: error: relation field 'things' of model 'User' has no partner named 'T' in model 'Thing' [E0310]\n"
        "  help: add a relation field of type 'User' to model 'Thing': with @relation(fields: [...], references: [...]) for one-to-many, or 'User[]' for many-to-many\n"
        "9:3-9: error: relation field 'author' of model 'Post' has no foreign key fields, and its partner 'posts' is a list [E0320]\n"
        "  help: declare the foreign key on 'author', e.g. @relation(fields: [authorId], references: [id])\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("a to-one field with neither foreign key nor partner") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "}\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  author User\n"
      "}\n");
  CHECK(a.diagnostics ==
        "7:3-9: error: relation field 'author' of model 'Post' has no foreign key fields and no partner in model 'User' [E0320]\n"
        "  help: declare the foreign key, e.g. @relation(fields: [authorId], references: [id])\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("two to-one sides without foreign keys") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  b B\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  a A?\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:3-4: error: neither relation field 'b' of model 'A' nor its partner 'a' of model 'B' declares foreign key fields [E0320]\n"
        "  help: declare the foreign key on the side that holds it: @relation(fields: [...], references: [...])\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("both sides declare foreign keys") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  b B @relation(fields: [bId])\n"
      "  bId Int64\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  a A @relation(fields: [aId])\n"
      "  aId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "9:7-16: error: relation fields 'b' of model 'A' and 'a' of model 'B' both declare foreign key fields [E0330]\n"
        "  help: keep fields: and references: on the side that holds the foreign key, or give the two relations different names\n"
        "  note 4:7-16: the other side's @relation is here\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("fields on a list side") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  bs B[] @relation(fields: [id])\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  as A[]\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:28-32: error: list relation field 'bs' of model 'A' cannot have fields: or references: [E0322]\n"
        "  help: the foreign key belongs on the other side; a many-to-many relation gets a join table\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("actions belong on the side with fields") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  bs B[] @relation(onDelete: Cascade)\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  a A @relation(fields: [aId])\n"
      "  aId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:20-37: error: 'onDelete' needs 'fields:' on relation field 'bs' of model 'A' [E0314]\n"
        "  help: put the action on the relation field that holds the foreign key\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("self-relations must be named") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model Node {\n"
      "  id Int64 @id\n"
      "  parent Node? @relation(fields: [parentId])\n"
      "  parentId Int64?\n"
      "  children Node[]\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:3-9: error: relation field 'parent' of model 'Node' refers to its own model, so the relation needs a name [E0323]\n"
        "  help: name the relation: @relation(\"Name\") on both sides\n"
        "6:3-11: error: relation field 'children' of model 'Node' refers to its own model, so the relation needs a name [E0323]\n"
        "  help: name the relation: @relation(\"Name\") on both sides\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("one-to-one inverse sides") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  profile Profile\n"
      "  profiles2 Profile2[]\n"
      "  profile3 Profile3?\n"
      "}\n"
      "model Profile {\n"
      "  id Int64 @id\n"
      "  user User @relation(fields: [userId])\n"
      "  userId Int64 @unique\n"
      "}\n"
      "model Profile2 {\n"
      "  id Int64 @id\n"
      "  user User @relation(fields: [userId])\n"
      "  userId Int64 @unique\n"
      "}\n"
      "model Profile3 {\n"
      "  id Int64 @id\n"
      "  user User @relation(fields: [userId])\n"
      "  userId Int64\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:11-18: error: relation field 'profile' of model 'User' must be optional: a 'User' may exist without a 'Profile' [E0319]\n"
        "  help: write 'profile Profile?'\n"
        "5:13-23: error: relation field 'profiles2' of model 'User' is a list, but its partner 'Profile2.user' has a unique foreign key (one-to-one) [E0331]\n"
        "  help: write 'profiles2 Profile2?' for a one-to-one, or drop the unique constraint on the foreign key\n"
        "6:12-21: error: relation field 'profile3' of model 'User' holds one 'Profile3', but its partner 'Profile3.user' has a foreign key that is not unique (many-to-one) [E0331]\n"
        "  help: make it a list, 'profile3 Profile3[]', or mark the foreign key @unique for a one-to-one\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("many-to-many sides need primary keys") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  tags Tag[]\n"
      "}\n"
      "model Tag {\n"
      "  name String(20)\n"
      "  posts Post[]\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:3-7: error: many-to-many relation field 'tags' of model 'Post' needs a primary key on model 'Tag' [E0329]\n"
        "  help: mark a field of 'Tag' with @id\n"
        "6:7-10: error: model 'Tag' has no primary key [E0301]\n"
        "  help: mark a field with @id, or add @@id([a, b])\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("relation fields are not columns") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  author B @relation(fields: [bId])\n"
      "  bId Int64\n"
      "  @@index([author])\n"
      "  @@check(author != 0)\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  as A[]\n"
      "}\n");
  CHECK(a.diagnostics ==
        "6:12-18: error: relation field 'author' cannot be used in @@index of model 'A' [E0327]\n"
        "  help: name its foreign key fields instead\n"
        "7:11-17: error: relation field 'author' cannot be used in a check [E0327]\n"
        "  help: use its foreign key fields instead\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("a malformed @relation keeps its partner quiet") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  b B? @relation(\"X\", fields: [bId], referencs: [id])\n"
      "  bId Int64?\n"
      "}\n"
      "model B {\n"
      "  id Int64 @id\n"
      "  as A[] @relation(\"X\")\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:38-47: error: unknown argument 'referencs' in @relation [E0314]\n"
        "  help: did you mean 'references'?\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("join tables collide with model tables") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  tags Tag[]\n"
      "}\n"
      "model Tag {\n"
      "  id Int64 @id\n"
      "  posts Post[]\n"
      "}\n"
      "model PostTag {\n"
      "  id Int64 @id\n"
      "  @@map(\"post_tag\")\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:3-7: error: table 'post_tag' of the many-to-many relation 'PostToTag' is already used by model 'PostTag' [E0205]\n"
        "  help: name the relation: @relation(\"Name\") on both sides\n"
        "  note 12:9-19: 'post_tag' is the table of model 'PostTag'\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("a join table named like a model") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "model Post {\n"
      "  id Int64 @id\n"
      "  tags Tag[]\n"
      "}\n"
      "model Tag {\n"
      "  id Int64 @id\n"
      "  posts Post[]\n"
      "}\n"
      "model PostToTag {\n"
      "  id Int64 @id\n"
      "}\n");
  CHECK(a.diagnostics ==
        "4:3-7: error: the join table of relation 'PostToTag' has the same name as model 'PostToTag' [E0202]\n"
        "  help: name the relation: @relation(\"Name\") on both sides\n"
        "  note 10:7-16: 'PostToTag' is defined here\n");
  CHECK_FALSE(a.schema.has_value());
}
