// The code generated from schemas/shop.orm, compiled: keyword fields renamed with '_',
// composite keys, a composite foreign key, self relations, every default kind, @map'ped
// enums, tables named with @@map, and all 27 models as entities.
#include "shop.orm.hpp"
#include "blog.orm.hpp"  // two schemas in one translation unit: their metadata never collides

#include <doctest/doctest.h>

#include <type_traits>

namespace {

using namespace acme::shop;
using ormc::meta::column;
using ormc::meta::Model;
using ormc::meta::relation;
using std::is_same_v;

template <class... T>
constexpr bool allEntities = (ormc::Entity<T> && ...);
static_assert(allEntities<Currency, Country, ShippingRate, Customer, Address, Cart, CartItem, Brand, Category, Tag,
                          Product, ProductVariant, ProductImage, Warehouse, StockLevel, StockMovement, Coupon, Order,
                          OrderItem, Invoice, Payment, Shipment, Review, Employee, AuditLog, Setting, SavedReport>);
static_assert(ormc::MappedEnum<OrderStatus> && ormc::MappedEnum<PaymentProvider> && ormc::MappedEnum<StockMovementReason>);

// C++ keywords as field names: the member gets a trailing '_', the column keeps its name.
static_assert(is_same_v<decltype(ShippingRate::class_), std::string>);
static_assert(column<&ShippingRate::class_>().name == "class" && column<&ShippingRate::class_>().field == "class");
static_assert(is_same_v<decltype(Address::default_), bool>);
static_assert(column<&Address::default_>().name == "default");

// Names from @map and @@map; SQL keywords as names are left to the SQL side.
static_assert(Model<Customer>::table == "customers" && column<&Customer::email>().name == "email_address");
static_assert(column<&Customer::createdAt>().name == "created_on");
static_assert(Model<Order>::table == "order" && Model<OrderItem>::table == "order_lines");
static_assert(Model<Setting>::table == "setting" && column<&Setting::key>().name == "key");

// Composite primary keys and a composite foreign key.
static_assert(is_same_v<ormc::meta::PrimaryKeyType<CartItem>, std::tuple<std::int64_t, std::int64_t>>);
static_assert(column<&CartItem::cartId>().primaryKey && column<&CartItem::productId>().primaryKey);
static_assert(!column<&CartItem::cartId>().autoincrement);
static_assert(is_same_v<ormc::meta::PrimaryKeyType<Payment>, ormc::Uuid>);
static_assert(is_same_v<ormc::meta::PrimaryKeyType<Currency>, std::string>);
using MovementToLevel = std::remove_cvref_t<decltype(relation<&StockMovement::stockLevel>())>;
static_assert(is_same_v<MovementToLevel::Target, StockLevel> && MovementToLevel::Local::size == 2);
static_assert(is_same_v<MovementToLevel::Remote::Type, ormc::meta::PrimaryKeyType<StockLevel>>);
using LevelFk = std::remove_cvref_t<decltype(std::get<0>(Model<StockMovement>::foreignKeys))>;
static_assert(is_same_v<LevelFk::Target, StockLevel> && LevelFk::Columns::size == 2);

// A reference to a unique column that is not the key (Country.isoCode).
using AddressCountry = std::remove_cvref_t<decltype(relation<&Address::country>())>;
static_assert(is_same_v<AddressCountry::Remote, ormc::meta::Key<&Country::isoCode>>);
static_assert(relation<&Address::country>().onDelete == ormc::meta::ReferentialAction::Restrict);

// Self relations and named relations.
using Parent = std::remove_cvref_t<decltype(relation<&Category::parent>())>;
static_assert(is_same_v<Parent::Target, Category> && relation<&Category::parent>().optional);
static_assert(relation<&Category::parent>().name == "CategoryTree" && relation<&Category::children>().inverse == "parent");
static_assert(is_same_v<decltype(Category::parentId), std::optional<std::int32_t>>);
static_assert(relation<&Employee::manager>().name == "Management");
static_assert(relation<&Order::shippingAddress>().inverse == "shippedOrders");
static_assert(relation<&Order::currency>().inverse.empty());  // Currency declares no inverse side
static_assert(relation<&Product::categories>().joinTable == "category_product");
static_assert(relation<&Order::invoice>().kind == ormc::meta::RelationKind::OneToOne && !relation<&Order::invoice>().owner);

// Defaults in the metadata.
static_assert(column<&Customer::publicId>().defaultValue.kind == ormc::meta::DefaultKind::Uuid);
static_assert(column<&Invoice::issuedOn>().defaultValue.kind == ormc::meta::DefaultKind::Now);
static_assert(column<&Order::status>().defaultValue.literal == "P");
static_assert(column<&StockLevel::reorderLevel>().defaultValue.literal == "-1");
static_assert(column<&Setting::effectiveFrom>().defaultValue.literal == "2024-01-01T00:00:00Z");

// The mapped enums.
static_assert(ormc::meta::enumStored(OrderStatus::pending) == "P" && to_string(OrderStatus::pending) == "pending");
static_assert(ormc::meta::enumStored(PaymentProvider::bankTransfer) == "bank_transfer");
static_assert(ormc::meta::enumStored(StockMovementReason::returned) == "return");
static_assert(ormc::meta::Enum<PaymentStatus>::values.size() == 4);

}  // namespace

TEST_CASE("shop: default member values of every kind") {
  Product product;
  CHECK(product.unit == "pcs");
  CHECK(product.active);
  CHECK(product.averageRating == 0.0);
  CHECK(product.attributes == ormc::Json::object());
  CHECK(product.publicId.isNil());  // uuid(): filled by the runtime
  CHECK_FALSE(product.brandId.has_value());
  CHECK(Coupon{}.startsOn == ormc::makeDate(2024, 1, 1));
  CHECK(Coupon{}.maxUses == -1);
  CHECK(Setting{}.effectiveFrom == ormc::makeDateTime(2024, 1, 1));
  CHECK(SavedReport{}.select == ormc::Json::parse(R"(["id", "name"])"));
  CHECK(Order{}.status == OrderStatus::pending);
  CHECK(Order{}.currencyCode == "EUR");
  CHECK(Country{}.taxRate.str() == "0.2000");
  CHECK(Invoice{}.issuedOn == ormc::Date{});  // now(): not ok() until the runtime fills it
  CHECK(ShippingRate{}.class_ == "standard");
  CHECK(Payment{}.status == PaymentStatus::authorized);
  CHECK(Employee{}.role == EmployeeRole::staff);
}

TEST_CASE("shop: a composite key reads as a tuple") {
  StockLevel level;
  level.warehouseId = 3;
  level.productId = 8;
  CHECK(ormc::meta::primaryKeyOf(level) == std::tuple<std::int64_t, std::int64_t>{3, 8});
  CHECK(MovementToLevel::Remote::get(level) == MovementToLevel::Remote::Type{3, 8});
}
