// The code generated from schemas/imports/main.orm and the two files it imports: one header
// holds the models and enums of all three files, in the namespace of the root.
#include "main.orm.hpp"

#include <doctest/doctest.h>

#include <type_traits>

namespace {

using namespace acme::crm;
using ormc::meta::column;
using ormc::meta::relation;

// From main.orm, common.orm and base.orm.
static_assert(ormc::Entity<Account> && ormc::Entity<Contact> && ormc::Entity<Deal>);
static_assert(ormc::Entity<User> && ormc::Entity<PostalAddress>);
static_assert(ormc::MappedEnum<Priority> && ormc::MappedEnum<CurrencyCode> && ormc::MappedEnum<Channel>);

// A relation to a model of an imported file that declares no inverse side.
using Owner = std::remove_cvref_t<decltype(relation<&Account::owner>())>;
static_assert(std::is_same_v<Owner::Target, User> && relation<&Account::owner>().inverse.empty());
static_assert(relation<&Account::address>().optional && relation<&Account::address>().kind == ormc::meta::RelationKind::ManyToOne);
static_assert(std::is_same_v<decltype(Deal::won), std::optional<bool>>);
static_assert(std::is_same_v<decltype(Deal::closesOn), std::optional<ormc::Date>>);
static_assert(column<&Contact::preferredChannel>().defaultValue.literal == "email");
static_assert(ormc::meta::enumStored(Channel::post) == "mail");

}  // namespace

TEST_CASE("imports: defaults that name enums of imported files") {
  CHECK(Deal{}.priority == Priority::normal);
  CHECK(Deal{}.currency == CurrencyCode::EUR);
  CHECK(User{}.active);
  CHECK(PostalAddress{}.country == "DE");
  Channel channel = Channel::email;
  CHECK(from_string("post", channel));
  CHECK(channel == Channel::post);
}
