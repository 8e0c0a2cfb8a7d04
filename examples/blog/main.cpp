// The blog example: creates the schema of schemas/blog.orm in a fresh database, writes users,
// a profile, posts and tags, reads them back and prints them, then shows an update, an
// optimistic-locking conflict and a cascade. Runs on SQLite (the default) and on MySQL/MariaDB:
//
//   blog_example                                   # sqlite:blog.db in the working directory
//   blog_example --url sqlite:/tmp/blog.db
//   blog_example --url 'mysql://user:password@127.0.0.1:3306/blog'
//
// The database must be empty: the example creates its tables.
#include "blog.orm.hpp"

#include <ormc/database.hpp>
#include <ormc/session.hpp>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Arguments {
  std::string url = "sqlite:blog.db";
};

// Returns false (after printing why) when the program should stop with `status`.
bool parseArguments(int argc, char** argv, Arguments& arguments, int& status) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << "usage: blog_example [--url URL]\n"
                   "  URL: sqlite:path/to/file.db (default sqlite:blog.db), sqlite::memory:, or\n"
                   "       mysql://user:password@host:port/database (an empty database)\n";
      status = EXIT_SUCCESS;
      return false;
    }
    if (arg == "--url" && i + 1 < argc) {
      arguments.url = argv[++i];
    } else if (arg.starts_with("--url=")) {
      arguments.url = std::string(arg.substr(6));
    } else {
      std::cerr << "blog_example: unknown argument '" << arg << "' (try --help)\n";
      status = 2;
      return false;
    }
  }
  return true;
}

// Links a post and a tag through the many-to-many join table that the schema implies. Built
// from the relation's metadata, with the values bound; the typed query API's link() will do
// this for you.
void linkTag(ormc::Transaction& tx, const blog::Post& post, const blog::Tag& tag) {
  constexpr const auto& relation = ormc::meta::relation<&blog::Post::tags>();
  const ormc::Dialect& dialect = tx.connection().dialect();
  std::string sql = "INSERT INTO " + dialect.quoteIdentifier(relation.joinTable) + " (" +
                    dialect.quoteIdentifier(relation.joinColumns[0]) + ", " +
                    dialect.quoteIdentifier(relation.joinTargetColumns[0]) + ") VALUES (?, ?)";
  ormc::PreparedStatement statement = tx.connection().prepare(sql);
  ormc::bindValue(*statement, 1, post.id);
  ormc::bindValue(*statement, 2, tag.name);
  statement->step();
}

// The names of a post's tags, in name order.
std::vector<std::string> tagsOf(ormc::Database& db, const blog::Post& post) {
  constexpr const auto& relation = ormc::meta::relation<&blog::Post::tags>();
  return db.withConnection([&](ormc::Connection& connection) {
    const ormc::Dialect& dialect = connection.dialect();
    std::string tagColumn = dialect.quoteIdentifier(relation.joinTargetColumns[0]);
    ormc::PreparedStatement statement =
        connection.prepare("SELECT " + tagColumn + " FROM " + dialect.quoteIdentifier(relation.joinTable) +
                           " WHERE " + dialect.quoteIdentifier(relation.joinColumns[0]) + " = ? ORDER BY " + tagColumn);
    ormc::bindValue(*statement, 1, post.id);
    std::vector<std::string> names;
    while (statement->step()) names.push_back(ormc::readValue<std::string>(*statement, 0));
    return names;
  });
}

void printUser(const blog::User& user) {
  std::cout << "  user #" << user.id << " " << user.name.value_or("(no name)") << " <" << user.email << ">, "
            << blog::to_string(user.role) << ", karma " << user.karma << ", balance " << user.balance
            << ", joined " << ormc::formatDateTime(user.createdAt) << "\n";
}

void printPost(ormc::Database& db, const blog::Post& post) {
  std::cout << "  post #" << post.id << " \"" << post.title << "\" by user #" << post.authorId
            << (post.published ? ", published" : ", draft") << ", version " << post.version << ", tags:";
  for (const std::string& tag : tagsOf(db, post)) std::cout << " " << tag;
  std::cout << "\n";
}

int run(const Arguments& arguments) {
  ormc::Database db = ormc::Database::open(arguments.url);
  std::cout << "Opened " << ormc::parseDatabaseUrl(arguments.url).redacted() << " (" << db.dialect().name() << ")\n";
  try {
    db.create_all<blog::Schema>();
  } catch (const ormc::DatabaseError& error) {
    std::cerr << "blog_example: cannot create the blog tables; the example needs an empty database.\n  "
              << error.what() << "\n";
    return EXIT_FAILURE;
  }

  std::vector<blog::User> users{
      {.email = "ada@example.com", .name = "Ada Lovelace", .role = blog::Role::admin, .karma = 10},
      {.email = "grace@example.com", .name = "Grace Hopper", .role = blog::Role::author},
      {.email = "anonymous@example.com"},
  };
  std::vector<blog::Post> posts;
  db.transact([&](ormc::Transaction& tx) {
    tx.insert_all(users);  // one multi-row INSERT; the ids come back into `users`
    blog::Profile profile{.userId = users[0].id, .bio = "Wrote the first program."};
    tx.insert(profile);
    std::vector<blog::Tag> tags{{.name = "history"}, {.name = "compilers"}, {.name = "math"}};
    tx.insert_all(tags);
    posts = {
        {.authorId = users[0].id, .title = "Notes on the Analytical Engine", .body = "...", .published = true},
        {.authorId = users[1].id, .title = "The first compiler", .body = "...", .published = true},
        {.authorId = users[1].id, .title = "Nanoseconds", .body = "A piece of wire.", .published = false},
    };
    tx.insert_all(posts);
    linkTag(tx, posts[0], tags[0]);
    linkTag(tx, posts[0], tags[2]);
    linkTag(tx, posts[1], tags[0]);
    linkTag(tx, posts[1], tags[1]);
  });

  std::cout << "\nRead back:\n";
  for (const blog::User& written : users) {
    if (std::optional<blog::User> user = db.find<blog::User>(written.id)) printUser(*user);
  }
  for (const blog::Post& written : posts) {
    if (std::optional<blog::Post> post = db.find<blog::Post>(written.id)) printPost(db, *post);
  }

  std::cout << "\nUpdates:\n";
  blog::Post draft = *db.find<blog::Post>(posts[2].id);
  blog::Post staleCopy = draft;
  draft.published = true;
  db.update(draft);  // bumps @version
  std::cout << "  published post #" << draft.id << ", now version " << draft.version << "\n";
  try {
    staleCopy.title = "Edited from a stale copy";
    db.update(staleCopy);
  } catch (const ormc::StaleObject&) {
    std::cout << "  a stale copy (version " << staleCopy.version << ") was refused: StaleObject\n";
  }
  blog::User grace = *db.find<blog::User>(users[1].id);
  grace.karma += 5;
  db.update(grace);  // sets @updatedAt
  std::cout << "  karma of " << grace.name.value_or("") << " is now " << grace.karma << "\n";

  std::cout << "\nDeleting user #" << grace.id << " deletes her posts (onDelete: Cascade):\n";
  db.remove(grace);
  for (const blog::Post& written : posts) {
    std::cout << "  post #" << written.id << (db.find<blog::Post>(written.id) ? " still there" : " gone") << "\n";
  }

  std::cout << "\nA unit of work (ormc::Session): objects change in memory, commit() writes what changed:\n";
  std::int64_t sketchId = 0;
  {
    ormc::Session session(db);
    auto ada = session.get<blog::User>(users[0].id).value();  // read once; another get() is free
    auto math = session.get<blog::Tag>(std::string("math")).value();
    auto sketch = session.add(blog::Post{.title = "Sketch of the Engine", .body = "Translated, with notes."});
    ada.add(blog::q::User.posts, sketch);  // sketch.authorId follows ada's id
    sketch.add(blog::q::Post.tags, math);  // a post_tag row
    ada.set(blog::q::User.karma, ada->karma + 1);
    session.commit();  // INSERT post, UPDATE users (karma only, and updatedAt), INSERT post_tag, COMMIT
    sketchId = sketch->id;
    std::cout << "  " << ada->name.value_or("") << " has " << ada.related(blog::q::User.posts).size()
              << " posts and karma " << ada->karma << "\n";
  }
  printPost(db, *db.find<blog::Post>(sketchId));
  return EXIT_SUCCESS;
}

}  // namespace

int main(int argc, char** argv) {
  Arguments arguments;
  int status = EXIT_SUCCESS;
  if (!parseArguments(argc, argv, arguments, status)) return status;
  try {
    return run(arguments);
  } catch (const ormc::InvalidUrl& error) {
    std::cerr << "blog_example: " << error.what() << "\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "blog_example: " << error.what() << "\n";
    return EXIT_FAILURE;
  }
}
