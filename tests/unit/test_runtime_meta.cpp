// The metadata vocabulary and its helpers (ormc/meta.hpp), on a small model written by hand
// in the shape `ormc generate` writes (tests/codegen checks real generated code): lookups by
// member pointer in constant expressions, iteration, keys, enums, and the concepts.
#include "ormc/meta.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace demo {

enum class Role { admin, reader };

struct Post;
struct User {
  std::int64_t id = 0;
  std::optional<std::string> name;
  Role role = Role::reader;
  ormc::ToMany<Post> posts;
};
struct Post {
  std::int64_t authorId = 0;
  std::int32_t number = 0;
  ormc::ToOne<User> author;
};

}  // namespace demo

namespace ormc::meta {

template <>
struct Enum<::demo::Role> {
  static constexpr std::string_view name = "Role";
  static constexpr std::array values{::demo::Role::admin, ::demo::Role::reader};
  static constexpr std::array<std::string_view, 2> names{"admin", "reader"};
  static constexpr std::array<std::string_view, 2> stored{"admin", "r"};
};

template <>
struct Model<::demo::User> {
  using Entity = ::demo::User;
  static constexpr std::string_view name = "User";
  static constexpr std::string_view table = "users";
  static constexpr auto columns = std::tuple{
      Column<&Entity::id>{.name = "id", .field = "id", .type = {.kind = ScalarKind::Int64},
                          .primaryKey = true, .autoincrement = true},
      Column<&Entity::name>{.name = "name", .field = "name", .type = {.kind = ScalarKind::String, .length = 100},
                            .nullable = true},
      Column<&Entity::role>{.name = "role", .field = "role", .type = {.kind = ScalarKind::Enum},
                            .defaultValue = {.kind = DefaultKind::Literal, .literal = "r"}},
  };
  static constexpr auto primaryKey = PrimaryKey<&Entity::id>{.name = "users_pkey"};
  static constexpr auto indexes = std::tuple{Index<&Entity::name>{.name = "users_name_key", .unique = true}};
  static constexpr auto foreignKeys = std::tuple{};
  static constexpr auto relations = std::tuple{
      Relation<&Entity::posts, Key<&Entity::id>, Key<&::demo::Post::authorId>>{
          .field = "posts", .name = "PostToUser", .kind = RelationKind::OneToMany, .inverse = "author"},
  };
};

template <>
struct Model<::demo::Post> {
  using Entity = ::demo::Post;
  static constexpr std::string_view name = "Post";
  static constexpr std::string_view table = "post";
  static constexpr auto columns = std::tuple{
      Column<&Entity::authorId>{.name = "author_id", .field = "authorId", .type = {.kind = ScalarKind::Int64},
                                .primaryKey = true},
      Column<&Entity::number>{.name = "number", .field = "number", .type = {.kind = ScalarKind::Int32},
                              .primaryKey = true},
  };
  static constexpr auto primaryKey = PrimaryKey<&Entity::authorId, &Entity::number>{.name = "post_pkey"};
  static constexpr auto indexes = std::tuple{};
  static constexpr auto foreignKeys = std::tuple{
      ForeignKey<Key<&Entity::authorId>, Key<&::demo::User::id>>{
          .name = "post_author_id_fkey", .onDelete = ReferentialAction::Cascade},
  };
  static constexpr auto relations = std::tuple{
      Relation<&Entity::author, Key<&Entity::authorId>, Key<&::demo::User::id>>{
          .field = "author", .name = "PostToUser", .kind = RelationKind::ManyToOne, .owner = true,
          .inverse = "posts", .onDelete = ReferentialAction::Cascade},
  };
};

}  // namespace ormc::meta

namespace {

using namespace ormc::meta;

// The concepts tell generated types from everything else.
static_assert(ormc::Entity<demo::User> && ormc::Entity<demo::Post>);
static_assert(!ormc::Entity<int> && !ormc::Entity<std::string> && !ormc::Entity<demo::Role>);
static_assert(ormc::MappedEnum<demo::Role> && !ormc::MappedEnum<int> && !ormc::MappedEnum<ReferentialAction>);

// Lookups by member pointer are constant expressions.
static_assert(columnCount<demo::User> == 3 && relationCount<demo::User> == 1);
static_assert(columnIndex<&demo::User::role> == 2);
static_assert(column<&demo::User::name>().nullable && column<&demo::User::name>().type.length == 100);
static_assert(column<&demo::User::id>().autoincrement && !column<&demo::User::role>().primaryKey);
static_assert(column<&demo::User::role>().defaultValue.literal == "r");
static_assert(relation<&demo::Post::author>().owner && relation<&demo::Post::author>().inverse == "posts");

// Descriptor types carry the entity, the member type and the relation target.
using NameColumn = std::remove_cvref_t<decltype(column<&demo::User::name>())>;
static_assert(std::is_same_v<NameColumn::Entity, demo::User>);
static_assert(std::is_same_v<NameColumn::Value, std::optional<std::string>>);
static_assert(std::is_same_v<NameColumn::Scalar, std::string>);
using PostsRelation = std::remove_cvref_t<decltype(relation<&demo::User::posts>())>;
static_assert(std::is_same_v<PostsRelation::Target, demo::Post> && PostsRelation::many);
static_assert(std::is_same_v<PostsRelation::Remote::Entity, demo::Post>);
using AuthorKey = std::remove_cvref_t<decltype(std::get<0>(Model<demo::Post>::foreignKeys))>;
static_assert(std::is_same_v<AuthorKey::Target, demo::User>);

// Primary keys: one column's type, or a tuple.
static_assert(std::is_same_v<PrimaryKeyType<demo::User>, std::int64_t>);
static_assert(std::is_same_v<PrimaryKeyType<demo::Post>, std::tuple<std::int64_t, std::int32_t>>);

// Enums: names and stored values both ways.
static_assert(enumName(demo::Role::reader) == "reader" && enumStored(demo::Role::reader) == "r");
static_assert(enumFromStored<demo::Role>("r") == demo::Role::reader);
static_assert(enumFromName<demo::Role>("admin") == demo::Role::admin);
static_assert(!enumFromStored<demo::Role>("reader").has_value());

// The consistency check accepts the hand-written models.
static_assert(checkModel<demo::User>() && checkModel<demo::Post>());
static_assert(storesKind<std::int32_t>(ScalarKind::Int32) && !storesKind<std::int64_t>(ScalarKind::Int32));
static_assert(storesKind<std::string>(ScalarKind::Text) && storesKind<ormc::Uuid>(ScalarKind::Uuid));

}  // namespace

TEST_CASE("forEachColumn visits the columns in order and reads members through them") {
  demo::User user;
  user.id = 42;
  user.name = "Ada";
  std::vector<std::string> names;
  std::string values;
  forEachColumn<demo::User>([&](const auto& column) {
    names.emplace_back(column.name);
    const auto& value = column.get(user);
    using Value = std::remove_cvref_t<decltype(value)>;
    if constexpr (std::is_same_v<Value, std::int64_t>) values += std::to_string(value) + ";";
    if constexpr (std::is_same_v<Value, std::optional<std::string>>) values += value.value_or("null") + ";";
    if constexpr (ormc::MappedEnum<Value>) values += std::string(enumStored(value)) + ";";
  });
  CHECK(names == std::vector<std::string>{"id", "name", "role"});
  CHECK(values == "42;Ada;r;");
}

TEST_CASE("forEachRelation, forEachForeignKey and forEachIndex visit what the model declares") {
  std::string seen;
  forEachRelation<demo::Post>([&](const auto& relation) { seen += std::string(relation.field) + ";"; });
  forEachForeignKey<demo::Post>([&](const auto& key) { seen += std::string(key.name) + ";"; });
  forEachIndex<demo::User>([&](const auto& index) { seen += std::string(index.name) + (index.unique ? "!" : "") + ";"; });
  forEachIndex<demo::Post>([&](const auto&) { seen += "never;"; });
  CHECK(seen == "author;post_author_id_fkey;users_name_key!;");
}

TEST_CASE("primaryKeyOf reads a composite key as a tuple") {
  CHECK(primaryKeyOf(demo::Post{3, 4, {}}) == std::tuple<std::int64_t, std::int32_t>{3, 4});
  demo::User user;
  user.id = 5;
  CHECK(primaryKeyOf(user) == 5);
}

TEST_CASE("a relation's keys copy the referenced values into the foreign key") {
  // What the session will do when a Post is saved with its author: Local <- Remote, pairwise.
  demo::User author;
  author.id = 9;
  demo::Post post;
  using Author = std::remove_cvref_t<decltype(relation<&demo::Post::author>())>;
  post.*std::get<0>(Author::Local::members) = author.*std::get<0>(Author::Remote::members);
  CHECK(post.authorId == 9);
  CHECK(Author::Local::get(post) == 9);
}
