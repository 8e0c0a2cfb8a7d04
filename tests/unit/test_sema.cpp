// Semantic analysis and lowering: the LANGUAGE.md example lowered to IR, default names,
// canonical defaults, IR ordering, and the schema-level rules (empty, schema line).
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

using namespace ormc;
using ormc::test::analyzeFiles;
using ormc::test::analyzeText;

namespace {

const char* kBlog = R"(schema blog;

/// What a user may do.
enum Role {
  admin
  author
  reader @map("r")
}

/// A registered person.
model User {
  id        Int64         @id @autoincrement
  email     String(255)   @unique
  name      String(100)?
  role      Role          @default(reader)
  karma     Int32         @default(0) @check(karma >= 0)
  balance   Decimal(12,2) @default(0.00)
  createdAt DateTime      @default(now())
  updatedAt DateTime      @updatedAt
  avatar    Bytes?
  settings  Json?
  posts     Post[]
  profile   Profile?

  @@map("users")
  @@index([name])
}

model Profile {
  id     Int64  @id @autoincrement
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
  userId Int64  @unique
  bio    Text
}

model Post {
  id        Int64    @id @autoincrement
  author    User     @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId  Int64
  title     String(200)
  body      Text
  published Bool     @default(false)
  tags      Tag[]
  version   Int32    @version

  @@unique([authorId, title])
  @@index([authorId, published])
}

model Tag {
  name  String(50) @id
  posts Post[]
}
)";

}  // namespace

TEST_CASE("the LANGUAGE.md example lowers to the expected IR") {
  test::Analysis a = analyzeText(kBlog);
  INFO(a.diagnostics);
  CHECK(a.diagnostics.empty());
  REQUIRE(a.schema);
  const ir::Schema& s = *a.schema;
  CHECK(s.namespacePath == std::vector<std::string>{"blog"});

  REQUIRE(s.enums.size() == 1);
  CHECK(s.enums[0].name == "Role");
  CHECK(s.enums[0].doc == "What a user may do.");
  REQUIRE(s.enums[0].values.size() == 3);
  CHECK(s.enums[0].values[0].dbValue == "admin");
  CHECK(s.enums[0].values[2].name == "reader");
  CHECK(s.enums[0].values[2].dbValue == "r");

  REQUIRE(s.entities.size() == 5);
  CHECK(s.entities[0].name == "User");
  CHECK(s.entities[1].name == "Profile");
  CHECK(s.entities[2].name == "Post");
  CHECK(s.entities[3].name == "Tag");
  CHECK(s.entities[4].name == "PostToTag");

  const ir::Entity& user = s.entities[0];
  CHECK(user.table == "users");
  CHECK(user.doc == "A registered person.");
  CHECK_FALSE(user.joinTable);
  REQUIRE(user.fields.size() == 12);
  REQUIRE(user.columns.size() == 10);
  std::vector<std::string> columns;
  for (const ir::Column& c : user.columns) columns.push_back(c.name);
  CHECK(columns == std::vector<std::string>{"id", "email", "name", "role", "karma", "balance", "created_at",
                                            "updated_at", "avatar", "settings"});
  CHECK(user.columns[0].autoincrement);
  CHECK(user.columns[1].type == ir::ColumnType{ir::ScalarKind::String, 255, 0, 0, ir::kNone});
  CHECK(user.columns[2].nullable);
  CHECK(user.columns[3].type.kind == ir::ScalarKind::Enum);
  CHECK(user.columns[3].type.enumIndex == 0);
  CHECK(user.columns[3].defaultValue == ir::DefaultValue{ir::DefaultKind::EnumValue, "reader", 2});
  CHECK(user.columns[4].defaultValue == ir::DefaultValue{ir::DefaultKind::Integer, "0", ir::kNone});
  CHECK(user.columns[5].type == ir::ColumnType{ir::ScalarKind::Decimal, 0, 12, 2, ir::kNone});
  CHECK(user.columns[5].defaultValue == ir::DefaultValue{ir::DefaultKind::Decimal, "0.00", ir::kNone});
  CHECK(user.columns[6].defaultValue.kind == ir::DefaultKind::Now);
  CHECK(user.columns[7].updatedAt);
  CHECK(user.columns[6].field == "createdAt");

  CHECK(user.fields[10].name == "posts");
  CHECK(user.fields[10].kind == ir::FieldKind::Relation);
  CHECK(user.fields[10].many);
  CHECK(user.fields[10].relation == 1);
  CHECK(user.fields[11].optional);
  CHECK(user.fields[11].relation == 0);
  CHECK(user.fields[4].column == 4);

  CHECK(user.primaryKey.name == "users_pkey");
  CHECK(user.primaryKey.columns == std::vector<std::size_t>{0});
  REQUIRE(user.indexes.size() == 2);
  CHECK(user.indexes[0].name == "users_email_key");
  CHECK(user.indexes[0].unique);
  CHECK(user.indexes[1].name == "users_name_idx");
  CHECK_FALSE(user.indexes[1].unique);
  REQUIRE(user.checks.size() == 1);
  CHECK(user.checks[0].name == "users_karma_check");
  CHECK(user.checks[0].expr.kind == ir::CheckKind::Binary);
  CHECK(user.checks[0].expr.op == ir::Operator::Ge);
  CHECK(user.checks[0].expr.children[0].kind == ir::CheckKind::Column);
  CHECK(user.checks[0].expr.children[0].column == 4);
  CHECK(user.checks[0].expr.children[1].value == "0");

  const ir::Entity& profile = s.entities[1];
  CHECK(profile.table == "profile");
  REQUIRE(profile.foreignKeys.size() == 1);
  CHECK(profile.foreignKeys[0].name == "profile_user_id_fkey");
  CHECK(profile.foreignKeys[0].columns == std::vector<std::size_t>{1});
  CHECK(profile.foreignKeys[0].targetEntity == 0);
  CHECK(profile.foreignKeys[0].targetColumns == std::vector<std::size_t>{0});
  CHECK(profile.foreignKeys[0].onDelete == ir::ReferentialAction::Cascade);
  CHECK(profile.foreignKeys[0].onUpdate == ir::ReferentialAction::Cascade);
  CHECK(profile.foreignKeys[0].relation == 0);
  REQUIRE(profile.indexes.size() == 1);
  CHECK(profile.indexes[0].name == "profile_user_id_key");

  const ir::Entity& post = s.entities[2];
  REQUIRE(post.indexes.size() == 2);
  CHECK(post.indexes[0].name == "post_author_id_title_key");
  CHECK(post.indexes[0].columns == std::vector<std::size_t>{1, 2});
  CHECK(post.indexes[1].name == "post_author_id_published_idx");
  CHECK(post.foreignKeys[0].name == "post_author_id_fkey");
  CHECK(post.columns[4].defaultValue == ir::DefaultValue{ir::DefaultKind::Bool, "false", ir::kNone});
  CHECK(post.columns[5].version);

  const ir::Entity& join = s.entities[4];
  CHECK(join.joinTable);
  CHECK(join.table == "post_tag");
  REQUIRE(join.columns.size() == 2);
  CHECK(join.columns[0].name == "post_id");
  CHECK(join.columns[0].type.kind == ir::ScalarKind::Int64);
  CHECK(join.columns[1].name == "tag_name");
  CHECK(join.columns[1].type == ir::ColumnType{ir::ScalarKind::String, 50, 0, 0, ir::kNone});
  CHECK(join.primaryKey.name == "post_tag_pkey");
  CHECK(join.primaryKey.columns == std::vector<std::size_t>{0, 1});
  REQUIRE(join.foreignKeys.size() == 2);
  CHECK(join.foreignKeys[0].name == "post_tag_post_id_fkey");
  CHECK(join.foreignKeys[0].targetEntity == 2);
  CHECK(join.foreignKeys[0].onDelete == ir::ReferentialAction::Cascade);
  CHECK(join.foreignKeys[1].name == "post_tag_tag_name_fkey");
  CHECK(join.foreignKeys[1].targetEntity == 3);
  CHECK(join.foreignKeys[1].columns == std::vector<std::size_t>{1});
  REQUIRE(join.indexes.size() == 1);
  CHECK(join.indexes[0].name == "post_tag_tag_name_idx");
  CHECK(join.indexes[0].columns == std::vector<std::size_t>{1});

  REQUIRE(s.relations.size() == 3);
  CHECK(s.relations[0].name == "ProfileToUser");
  CHECK(s.relations[0].kind == ir::RelationKind::OneToOne);
  CHECK(s.relations[0].owner.entity == 1);
  CHECK(s.relations[0].owner.field == 1);
  CHECK(s.relations[0].inverse.entity == 0);
  CHECK(s.relations[0].inverse.field == 11);
  CHECK(s.relations[0].foreignKey == 0);
  CHECK(s.relations[1].name == "PostToUser");
  CHECK(s.relations[1].kind == ir::RelationKind::ManyToOne);
  CHECK(s.relations[1].inverse.field == 10);
  CHECK(s.relations[2].name == "PostToTag");
  CHECK(s.relations[2].kind == ir::RelationKind::ManyToMany);
  CHECK(s.relations[2].owner.entity == 2);
  CHECK(s.relations[2].owner.field == 6);
  CHECK(s.relations[2].inverse.entity == 3);
  CHECK(s.relations[2].inverse.field == 1);
  CHECK(s.relations[2].joinTable == 4);
  CHECK(s.relations[2].foreignKey == ir::kNone);
}

TEST_CASE("an empty compilation warns and gives an empty IR") {
  test::Analysis a = analyzeText("// nothing here\n");
  CHECK(a.diagnostics == "1:1-1: warning: schema is empty [W0001]\n");
  REQUIRE(a.schema);
  CHECK(a.schema->entities.empty());
}

TEST_CASE("the schema line") {
  CHECK(analyzeText("model A {\n  id Int64 @id\n}\n").diagnostics ==
        "1:1-1: error: missing `schema` line [E0213]\n"
        "  help: start the file with e.g. `schema blog;` (it names the C++ namespace)\n");
  test::Analysis two = analyzeFiles({{"a.orm", "schema a.b;\nmodel A {\n  id Int64 @id\n}\n"},
                                     {"b.orm", "schema c;\nmodel B {\n  id Int64 @id\n}\n"}});
  CHECK(two.headlines == "b.orm:1:1-10: error: schema 'c' differs from schema 'a.b' [E0214]\n");
  test::Analysis same = analyzeFiles({{"a.orm", "schema a.b;\nmodel A {\n  id Int64 @id\n}\n"},
                                      {"b.orm", "schema a.b;\nmodel B {\n  id Int64 @id\n}\n"},
                                      {"c.orm", "model C {\n  id Int64 @id\n}\n"}});
  CHECK(same.diagnostics.empty());
  REQUIRE(same.schema);
  CHECK(same.schema->namespacePath == std::vector<std::string>{"a", "b"});
  REQUIRE(same.schema->entities.size() == 3);
  CHECK(same.schema->entities[2].name == "C");
  CHECK(analyzeText("schema class.x;\n").headlines ==
        "1:8-13: error: 'class' cannot be part of a C++ namespace name [E0215]\n");
}

TEST_CASE("default table, column and constraint names") {
  test::Analysis a = analyzeText(R"(schema t;
model BlogPost {
  postID     Int64 @id
  createdAt  DateTime @index
  HTTPStatus Int32 @map("status")
  a Int32
  b Int32
  @@unique([a, b], name: "custom_ab")
  @@index([b, a])
  @@check(a < b)
  @@check(a > 0)
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  const ir::Entity& e = a.schema->entities[0];
  CHECK(e.table == "blog_post");
  CHECK(e.columns[0].name == "post_id");
  CHECK(e.columns[1].name == "created_at");
  CHECK(e.columns[2].name == "status");
  CHECK(e.primaryKey.name == "blog_post_pkey");
  REQUIRE(e.indexes.size() == 3);
  CHECK(e.indexes[0].name == "blog_post_created_at_idx");
  CHECK(e.indexes[1].name == "custom_ab");
  CHECK(e.indexes[1].unique);
  CHECK(e.indexes[2].name == "blog_post_b_a_idx");
  CHECK(e.indexes[2].columns == std::vector<std::size_t>{4, 3});
  REQUIRE(e.checks.size() == 2);
  CHECK(e.checks[0].name == "blog_post_check");
  CHECK(e.checks[1].name == "blog_post_check1");
}

TEST_CASE("long constraint names are shortened to 64 characters") {
  test::Analysis a = analyzeText(R"(schema t;
model AVeryLongModelNameThatGoesOnAndOn {
  id Int64 @id
  anExtremelyLongFieldNameForTesting String(10)
  anotherRatherLongFieldName String(10)
  @@unique([anExtremelyLongFieldNameForTesting, anotherRatherLongFieldName])
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  const std::string& name = a.schema->entities[0].indexes[0].name;
  CHECK(name.size() == 64);
  CHECK(name.rfind("a_very_long_model_name_that_goes_on_and_on_an_extremely", 0) == 0);
}

TEST_CASE("generated constraint names that collide get a suffix") {
  test::Analysis a = analyzeText(R"(schema t;
model A {
  id Int64 @id
  x Int32
  @@index([x])
  @@index([x])
  @@index([id], name: "a_x_idx_1")
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  const ir::Entity& e = a.schema->entities[0];
  CHECK(e.indexes[0].name == "a_x_idx");
  CHECK(e.indexes[1].name == "a_x_idx_2");
  CHECK(e.indexes[2].name == "a_x_idx_1");
}

TEST_CASE("defaults are canonical") {
  test::Analysis a = analyzeText(R"(schema t;
model D {
  id Uuid @id @default(uuid())
  i32 Int32 @default(-2147483648)
  i64 Int64 @default(007)
  f Float64 @default(-0.5)
  g Float64 @default(3)
  dec Decimal(6,3) @default(-12.5)
  dec0 Decimal(4,0) @default(12)
  s String(3) @default("abc")
  t Text @default("")
  j Json @default("{\"a\": [1, 2]}")
  d Date @default("2024-02-29")
  dn Date @default(now())
  dt DateTime @default("2024-01-02T03:04:05.123456Z")
  u Uuid @default("123E4567-E89B-12D3-A456-426614174000")
  b Bool @default(true)
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  const std::vector<ir::Column>& c = a.schema->entities[0].columns;
  CHECK(c[0].defaultValue.kind == ir::DefaultKind::Uuid);
  CHECK(c[1].defaultValue.value == "-2147483648");
  CHECK(c[2].defaultValue.value == "7");
  CHECK(c[3].defaultValue == ir::DefaultValue{ir::DefaultKind::Decimal, "-0.5", ir::kNone});
  CHECK(c[4].defaultValue == ir::DefaultValue{ir::DefaultKind::Integer, "3", ir::kNone});
  CHECK(c[5].defaultValue.value == "-12.500");
  CHECK(c[6].defaultValue.value == "12");
  CHECK(c[7].defaultValue == ir::DefaultValue{ir::DefaultKind::String, "abc", ir::kNone});
  CHECK(c[8].defaultValue == ir::DefaultValue{ir::DefaultKind::String, "", ir::kNone});
  CHECK(c[9].defaultValue.value == "{\"a\": [1, 2]}");
  CHECK(c[10].defaultValue.value == "2024-02-29");
  CHECK(c[11].defaultValue.kind == ir::DefaultKind::Now);
  CHECK(c[12].defaultValue.value == "2024-01-02T03:04:05.123456Z");
  CHECK(c[13].defaultValue.value == "123e4567-e89b-12d3-a456-426614174000");
  CHECK(c[14].defaultValue.value == "true");
}

TEST_CASE("C++ keywords are renamed with a warning") {
  test::Analysis a = analyzeText(R"(schema t;
enum kind {
  delete
  keep
}
model class {
  id Int64 @id
  private Bool
}
)");
  CHECK(a.headlines ==
        "3:3-9: warning: enum value 'delete' is a C++ keyword; its C++ enumerator is 'delete_' [W0002]\n"
        "6:7-12: warning: model 'class' is a C++ keyword; its C++ struct is 'class_' [W0002]\n"
        "8:3-10: warning: field 'private' is a C++ keyword; its C++ member is 'private_' [W0002]\n");
  REQUIRE(a.schema);
  CHECK(a.schema->entities[0].cppName == "class_");
  CHECK(a.schema->entities[0].table == "class");
  CHECK(a.schema->entities[0].fields[1].cppName == "private_");
  CHECK(a.schema->entities[0].columns[1].name == "private");
  CHECK(a.schema->enums[0].values[0].cppName == "delete_");
  CHECK(a.schema->enums[0].values[0].dbValue == "delete");
}

TEST_CASE("entities follow file order, imports after the root") {
  test::Analysis a = analyzeFiles({{"root.orm", "schema s;\nmodel B {\n  id Int64 @id\n  a A?  @relation(fields: [aId])\n  aId Int64?\n}\n"},
                                   {"common.orm", "model A {\n  id Int64 @id\n  bs B[]\n}\n"}});
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  REQUIRE(a.schema->entities.size() == 2);
  CHECK(a.schema->entities[0].name == "B");
  CHECK(a.schema->entities[1].name == "A");
  CHECK(a.schema->entities[0].foreignKeys[0].targetEntity == 1);
  CHECK(a.schema->entities[0].foreignKeys[0].onDelete == ir::ReferentialAction::SetNull);
  CHECK(a.schema->entities[0].foreignKeys[0].onUpdate == ir::ReferentialAction::Cascade);
}

TEST_CASE("analysis is deterministic") {
  test::Analysis first = analyzeText(kBlog);
  test::Analysis second = analyzeText(kBlog);
  REQUIRE(first.schema);
  REQUIRE(second.schema);
  CHECK(first.schema->entities.size() == second.schema->entities.size());
  for (std::size_t i = 0; i < first.schema->entities.size(); ++i) {
    CHECK(first.schema->entities[i].table == second.schema->entities[i].table);
    CHECK(first.schema->entities[i].indexes.size() == second.schema->entities[i].indexes.size());
  }
}
