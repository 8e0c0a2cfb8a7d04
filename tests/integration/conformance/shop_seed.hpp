// The seeded dataset of the query conformance suite (conformance_body.hpp) over schemas/shop.orm:
// plain vectors of the generated structs with fixed values (NULLs, non-ASCII text, edge values,
// text with the LIKE wildcards % and _ and the escape character !), and the function that
// inserts them. The vectors are the independent source of truth: every expected result of the
// suite is computed from them in plain C++, never read back through the ORM.
#pragma once

#include "shop.orm.hpp"

#include "ormc/database.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ormc::test::conformance {

namespace shop = acme::shop;

// A many-to-many link as (left key, right key).
using ProductTag = std::pair<std::int64_t, std::string>;
using CategoryProduct = std::pair<std::int32_t, std::int64_t>;

struct ShopSeed {
  std::vector<shop::Currency> currencies;
  std::vector<shop::Country> countries;
  std::vector<shop::ShippingRate> shippingRates;
  std::vector<shop::Customer> customers;
  std::vector<shop::Address> addresses;
  std::vector<shop::Cart> carts;
  std::vector<shop::CartItem> cartItems;
  std::vector<shop::Brand> brands;
  std::vector<shop::Category> categories;
  std::vector<shop::Tag> tags;
  std::vector<shop::Product> products;
  std::vector<shop::ProductVariant> variants;
  std::vector<shop::Warehouse> warehouses;
  std::vector<shop::StockLevel> stockLevels;
  std::vector<shop::Employee> employees;
  std::vector<shop::StockMovement> stockMovements;
  std::vector<shop::Coupon> coupons;
  std::vector<shop::Order> orders;
  std::vector<shop::OrderItem> orderItems;
  std::vector<shop::Invoice> invoices;
  std::vector<shop::Payment> payments;
  std::vector<shop::Shipment> shipments;
  std::vector<shop::Review> reviews;  // ids filled by the database (autoincrement)
  std::vector<shop::Setting> settings;
  std::vector<CategoryProduct> categoryProducts;  // Category.products (join table category_product)
  std::vector<ProductTag> productTags;            // Product.tags (join table product_tag)
};

// The dataset, without touching a database. Deterministic: two calls give equal values (except
// the reviews' ids, 0 until inserted).
ShopSeed makeShopSeed();

// Creates the schema's tables in `db` and inserts `seed` (insert_all, insert, link). Fills the
// keys the database generates (reviews' ids) and the @updatedAt members in `seed`.
void insertShopSeed(ormc::Database& db, ShopSeed& seed);

// makeShopSeed() then insertShopSeed().
ShopSeed seedShop(ormc::Database& db);

// Exact decimal from an amount in cents: cents(-1234) is "-12.34".
ormc::Decimal cents(std::int64_t amount);

}  // namespace ormc::test::conformance
