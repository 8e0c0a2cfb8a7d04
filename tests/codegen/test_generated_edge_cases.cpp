// The code generated from tests/codegen/edge_cases.orm: literals and names the emitter must
// spell with care (a field named like its enum type, C++ keywords, members called `std` and
// `ormc`, NUL and trigraph-like text in strings, the smallest Int64, a self many-to-many).
#include "edge_cases.orm.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <type_traits>

namespace {

using ormc::meta::column;
using ormc::meta::relation;
using ormc_test::edge::Kind;
using ormc_test::edge::Odd;

static_assert(ormc::Entity<Odd>);
static_assert(std::is_same_v<decltype(Odd::Kind), Kind>);  // the member hides the type inside Odd only
static_assert(std::is_same_v<decltype(Odd::class_), bool> && column<&Odd::class_>().name == "class");
static_assert(std::is_same_v<decltype(Odd::std), std::int32_t> && std::is_same_v<decltype(Odd::ormc), std::int32_t>);
static_assert(to_string(Kind::delete_) == "delete" && ormc::meta::enumStored(Kind::quoted) == "it's \"q\"");
static_assert(column<&Odd::nul>().defaultValue.literal.size() == 3);
static_assert(column<&Odd::Kind>().sql.mysql == "ENUM('plain', 'delete', 'it''s \"q\"')");

// A many-to-many from a model to itself: the join columns are named after the fields.
static_assert(relation<&Odd::friends>().joinTable == "friends");
static_assert(relation<&Odd::friends>().joinColumns[0] == "friends_id");
static_assert(relation<&Odd::friendOf>().joinColumns[0] == "friend_of_id");
static_assert(relation<&Odd::parent>().owner && !relation<&Odd::children>().owner);

}  // namespace

TEST_CASE("edge cases: literal defaults survive the trip through C++ source") {
  Odd odd;
  CHECK(odd.Kind == Kind::delete_);
  CHECK(odd.other == Kind::quoted);
  CHECK(odd.minimum == std::numeric_limits<std::int64_t>::min());
  CHECK(odd.small == std::numeric_limits<std::int32_t>::min());
  CHECK(odd.ratio == 2.0);
  CHECK(odd.trigraph == "what?\?!");  // as the generator spells it: no trigraph warning
  CHECK(odd.nul == std::string("a\0b", 3));
  CHECK(odd.unicode == "h\xc3\xa9\t\"x\"");
  CHECK(ormc::formatDateTime(odd.stamp) == "2024-02-29T23:59:59.500000Z");
  CHECK(odd.day == ormc::makeDate(1, 1, 1));
  CHECK(odd.key.toString() == "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  CHECK(odd.doc["a"][1] == 2);
  CHECK(odd.amount == ormc::Decimal("-0.5"));
  CHECK(odd.amount.scale() == 30);
  CHECK(odd.class_);
  CHECK(odd.std + odd.ormc == 3);
}
