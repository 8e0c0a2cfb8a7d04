// The code generated from schemas/blog.orm, compiled: member types, defaults, enums, and
// the metadata the runtime will read (tables, columns, keys, relations), mostly as
// static_asserts so that a wrong generator fails the build of this test.
#include "blog.orm.hpp"

#include <doctest/doctest.h>

#include <string_view>
#include <tuple>
#include <type_traits>

namespace {

using namespace blog;
using ormc::meta::column;
using ormc::meta::Model;
using ormc::meta::relation;
using std::is_same_v;

// Every model is an entity; the enum is mapped; a join table has no struct.
static_assert(ormc::Entity<User> && ormc::Entity<Profile> && ormc::Entity<Post> && ormc::Entity<Tag>);
static_assert(ormc::MappedEnum<Role>);

// Tables and columns.
static_assert(Model<User>::name == "User" && Model<User>::table == "users");
static_assert(Model<Post>::table == "post" && Model<Tag>::table == "tag");
static_assert(ormc::meta::columnCount<User> == 10 && ormc::meta::columnCount<Post> == 6);
static_assert(ormc::meta::columnCount<Tag> == 1 && ormc::meta::relationCount<User> == 2);
static_assert(column<&User::createdAt>().name == "created_at" && column<&User::createdAt>().field == "createdAt");

// Member types, through the member pointers (docs/language.md, "Scalar types").
static_assert(is_same_v<decltype(User::id), std::int64_t>);
static_assert(is_same_v<decltype(User::email), std::string>);
static_assert(is_same_v<decltype(User::name), std::optional<std::string>>);
static_assert(is_same_v<decltype(User::role), Role>);
static_assert(is_same_v<decltype(User::karma), std::int32_t>);
static_assert(is_same_v<decltype(User::balance), ormc::Decimal>);
static_assert(is_same_v<decltype(User::createdAt), ormc::DateTime>);
static_assert(is_same_v<decltype(User::avatar), std::optional<ormc::Bytes>>);
static_assert(is_same_v<decltype(User::settings), std::optional<ormc::Json>>);
static_assert(is_same_v<decltype(User::posts), ormc::ToMany<Post>>);
static_assert(is_same_v<decltype(User::profile), ormc::ToOne<Profile>>);
static_assert(is_same_v<decltype(Post::author), ormc::ToOne<User>>);
static_assert(is_same_v<decltype(Post::published), bool>);

// Column flags and types.
static_assert(column<&User::id>().primaryKey && column<&User::id>().autoincrement);
static_assert(column<&User::name>().nullable && !column<&User::email>().nullable);
static_assert(column<&User::email>().type.kind == ormc::meta::ScalarKind::String && column<&User::email>().type.length == 255);
static_assert(column<&User::balance>().type.precision == 12 && column<&User::balance>().type.scale == 2);
static_assert(column<&User::balance>().sql.sqlite == "TEXT" && column<&User::balance>().sql.mysql == "DECIMAL(12,2)");
static_assert(column<&User::role>().sql.mysql == "ENUM('admin', 'author', 'r')");
static_assert(column<&User::updatedAt>().updatedAt && column<&Post::version>().version);
static_assert(column<&User::createdAt>().defaultValue.kind == ormc::meta::DefaultKind::Now);
static_assert(column<&User::role>().defaultValue.literal == "r");  // the stored value of `reader`
static_assert(column<&User::balance>().defaultValue.literal == "0.00");

// Keys.
static_assert(is_same_v<ormc::meta::PrimaryKeyType<User>, std::int64_t>);
static_assert(is_same_v<ormc::meta::PrimaryKeyType<Tag>, std::string>);
static_assert(Model<Post>::primaryKey.name == "post_pkey");
static_assert(std::get<0>(Model<Post>::indexes).name == "post_author_id_title_key" && std::get<0>(Model<Post>::indexes).unique);
static_assert(!std::get<1>(Model<Post>::indexes).unique);
using PostAuthorFk = std::remove_cvref_t<decltype(std::get<0>(Model<Post>::foreignKeys))>;
static_assert(is_same_v<PostAuthorFk::Target, User>);
static_assert(std::get<0>(Model<Post>::foreignKeys).onDelete == ormc::meta::ReferentialAction::Cascade);

// Relations: kinds, sides and target types.
using Author = std::remove_cvref_t<decltype(relation<&Post::author>())>;
static_assert(is_same_v<Author::Target, User> && !Author::many);
static_assert(relation<&Post::author>().kind == ormc::meta::RelationKind::ManyToOne && relation<&Post::author>().owner);
static_assert(relation<&Post::author>().inverse == "posts");
using Posts = std::remove_cvref_t<decltype(relation<&User::posts>())>;
static_assert(is_same_v<Posts::Target, Post> && Posts::many);
static_assert(relation<&User::posts>().kind == ormc::meta::RelationKind::OneToMany && !relation<&User::posts>().owner);
static_assert(relation<&User::profile>().kind == ormc::meta::RelationKind::OneToOne && relation<&User::profile>().optional);
static_assert(relation<&Profile::user>().owner);
using Tags = std::remove_cvref_t<decltype(relation<&Post::tags>())>;
static_assert(is_same_v<Tags::Target, Tag> && is_same_v<Tags::Remote::Type, std::string>);
static_assert(relation<&Post::tags>().kind == ormc::meta::RelationKind::ManyToMany);
static_assert(relation<&Post::tags>().joinTable == "post_tag");
static_assert(relation<&Post::tags>().joinColumns[0] == "post_id" && relation<&Post::tags>().joinTargetColumns[0] == "tag_name");
static_assert(relation<&Tag::posts>().joinColumns[0] == "tag_name");

// The enum, both ways, at compile time.
static_assert(to_string(Role::reader) == "reader" && to_string(Role::admin) == "admin");
static_assert([] {
  Role role = Role::admin;
  return from_string("author", role) && role == Role::author && !from_string("r", role) && role == Role::author;
}());
static_assert(ormc::meta::enumStored(Role::reader) == "r" && ormc::meta::enumFromStored<Role>("r") == Role::reader);

}  // namespace

TEST_CASE("blog: a new struct holds the schema's @default values and empty relations") {
  User user;
  CHECK(user.id == 0);
  CHECK(user.role == Role::reader);
  CHECK(user.karma == 0);
  CHECK(user.balance == ormc::Decimal("0.00"));
  CHECK(user.balance.str() == "0.00");
  CHECK(user.createdAt == ormc::DateTime{});  // now(): filled by the runtime
  CHECK_FALSE(user.name.has_value());
  CHECK_FALSE(user.posts.loaded());
  CHECK_FALSE(user.profile.loaded());
  Post post;
  CHECK_FALSE(post.published);
  CHECK(post.version == 0);
}

TEST_CASE("blog: structs are aggregates: designated initializers, no missing-initializer warnings") {
  static_assert(std::is_aggregate_v<User> && std::is_aggregate_v<Post>);
  User user{.email = "ada@example.com", .karma = 3};
  CHECK(user.email == "ada@example.com");
  CHECK(user.karma == 3);
  CHECK(user.role == Role::reader);
  Tag tag{.name = "cpp"};
  CHECK_FALSE(tag.posts.loaded());
}

TEST_CASE("blog: entities with loaded relations copy and move as values") {
  User author;
  author.id = 1;
  author.email = "ada@example.com";
  Post post;
  post.title = "Hello";
  post.author = author;
  post.tags.add(Tag{"cpp", {}});
  author.posts.add(post);
  User copy = author;
  CHECK(copy.posts.size() == 1);
  CHECK(copy.posts[0].author->email == "ada@example.com");
  CHECK(copy.posts[0].tags[0].name == "cpp");

  // The key a relation joins on, copied the way the session will copy it.
  using Relation = std::remove_cvref_t<decltype(relation<&Post::author>())>;
  post.*std::get<0>(Relation::Local::members) = author.*std::get<0>(Relation::Remote::members);
  CHECK(post.authorId == 1);
}

TEST_CASE("blog: forEachColumn reaches every stored member in declaration order") {
  std::string names;
  ormc::meta::forEachColumn<User>([&](const auto& c) { names += std::string(c.name) + " "; });
  CHECK(names == "id email name role karma balance created_at updated_at avatar settings ");
}

TEST_CASE("the schema descriptor lists the models and holds each dialect's CREATE script") {
  static_assert(std::is_same_v<blog::Schema::Models, std::tuple<blog::User, blog::Profile, blog::Post, blog::Tag>>);
  std::string_view sqlite = blog::Schema::createScript(ormc::DialectKind::Sqlite);
  std::string_view mysql = blog::Schema::createScript(ormc::DialectKind::Mysql);
  CHECK(sqlite.starts_with("-- Generated by ormc from blog.orm for SQLite."));
  CHECK(mysql.starts_with("-- Generated by ormc from blog.orm for MySQL"));
  CHECK(sqlite.find("CREATE TABLE \"post_tag\"") != std::string_view::npos);
  CHECK(mysql.find("CREATE TABLE `users`") != std::string_view::npos);
  CHECK(sqlite.ends_with(";\n"));
}
