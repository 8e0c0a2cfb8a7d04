// support/names and support/suggest: snake_case, C++ keyword escaping, constraint-name
// shortening and "did you mean" suggestions.
#include "support/names.hpp"
#include "support/suggest.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace ormc;

TEST_CASE("snake_case of model and field names") {
  CHECK(names::snakeCase("createdAt") == "created_at");
  CHECK(names::snakeCase("BlogPost") == "blog_post");
  CHECK(names::snakeCase("HTTPServer") == "http_server");
  CHECK(names::snakeCase("userID") == "user_id");
  CHECK(names::snakeCase("id") == "id");
  CHECK(names::snakeCase("User") == "user");
  CHECK(names::snakeCase("already_snake") == "already_snake");
  CHECK(names::snakeCase("v2Name") == "v2_name");
  CHECK(names::snakeCase("address2") == "address2");
  CHECK(names::snakeCase("Post_Tag") == "post_tag");
  CHECK(names::snakeCase("_private") == "_private");
  CHECK(names::snakeCase("ABC") == "abc");
  CHECK(names::snakeCase("getHTTPResponseCode") == "get_http_response_code");
}

TEST_CASE("C++ keywords are escaped with a trailing underscore") {
  CHECK(names::isCppKeyword("class"));
  CHECK(names::isCppKeyword("and"));
  CHECK(names::isCppKeyword("co_await"));
  CHECK(names::isCppKeyword("requires"));
  CHECK_FALSE(names::isCppKeyword("Class"));
  CHECK_FALSE(names::isCppKeyword("final"));
  CHECK_FALSE(names::isCppKeyword("name"));
  CHECK(names::cppIdentifier("class") == "class_");
  CHECK(names::cppIdentifier("delete") == "delete_");
  CHECK(names::cppIdentifier("email") == "email");
}

TEST_CASE("reserved C++ identifiers") {
  CHECK(names::isReservedCppIdentifier("__x"));
  CHECK(names::isReservedCppIdentifier("a__b"));
  CHECK(names::isReservedCppIdentifier("_Upper"));
  CHECK_FALSE(names::isReservedCppIdentifier("_lower"));
  CHECK_FALSE(names::isReservedCppIdentifier("snake_case"));
}

TEST_CASE("FNV-1a is the standard 32-bit one") {
  CHECK(names::fnv1a("") == 0x811c9dc5u);
  CHECK(names::fnv1a("a") == 0xe40c292cu);
  CHECK(names::fnv1a("foobar") == 0xbf9cf968u);
}

TEST_CASE("long identifiers are shortened with a stable hash") {
  CHECK(names::shortenIdentifier("users_pkey") == "users_pkey");
  std::string exact(64, 'a');
  CHECK(names::shortenIdentifier(exact) == exact);

  std::string longName = "a_table_with_a_rather_long_name_email_address_and_display_name_key";
  REQUIRE(longName.size() > 64);
  std::string shortened = names::shortenIdentifier(longName);
  // The first 55 characters, '_', 8 hex digits: 64 in all.
  CHECK(shortened.size() == 64);
  CHECK(shortened.rfind("a_table_with_a_rather_long_name_email_address_and_displ_", 0) == 0);
  char hash[10];
  std::snprintf(hash, sizeof hash, "_%08x", names::fnv1a(longName));
  CHECK(shortened.substr(shortened.size() - 9) == hash);
  // Stable: same input, same output; different input, different output.
  CHECK(names::shortenIdentifier(longName) == shortened);
  CHECK(names::shortenIdentifier(longName + "x") != shortened);

  // A cut never splits a UTF-8 sequence.
  std::string utf8(54, 'a');
  utf8 += "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
  std::string cut = names::shortenIdentifier(utf8);
  CHECK(cut.size() <= 64);
  CHECK(cut.substr(0, 54) == std::string(54, 'a'));
  CHECK(cut[54] == '_');
}

TEST_CASE("code points are counted, not bytes") {
  CHECK(names::codePointCount("abc") == 3);
  CHECK(names::codePointCount("\xC3\xA9t\xC3\xA9") == 3);
}

TEST_CASE("did you mean") {
  std::vector<std::string> types = {"Bool", "Int32", "Int64", "String", "Text", "DateTime", "Date"};
  CHECK(closestMatch("Strng", types) == "String");
  CHECK(closestMatch("string", types) == "String");
  CHECK(closestMatch("Datetime", types) == "DateTime");
  CHECK(closestMatch("Int36", types) == "Int32");
  CHECK_FALSE(closestMatch("Int", types).has_value());
  CHECK_FALSE(closestMatch("Widget", types).has_value());
  CHECK(didYouMean("Strng", types) == "did you mean 'String'?");
  CHECK(didYouMean("Widget", types).empty());
  CHECK(editDistance("kitten", "sitting") == 3);
  CHECK(editDistance("ABC", "abc") == 0);
  // Short words allow one edit, no more.
  CHECK(closestMatch("ab", {"xy"}) == std::nullopt);
  CHECK(closestMatch("id", {"is"}) == "is");
  CHECK_FALSE(closestMatch("c", {"a", "b"}).has_value());
  CHECK(closestMatch("A", {"a"}) == "a");
}
