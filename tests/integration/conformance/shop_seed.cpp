// The conformance dataset: fixed values written out or derived from the row number by simple
// formulas, so that the dataset is the same on every run and every database.
#include "shop_seed.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string>

namespace ormc::test::conformance {

namespace {

using namespace std::chrono_literals;

// A UUID whose order differs from the order of `n`: the first group is a multiplicative hash.
ormc::Uuid uuidFor(unsigned kind, unsigned n) {
  char text[40];
  const unsigned mixed = (n * 2654435761u) ^ (kind << 24);
  std::snprintf(text, sizeof text, "%08x-%04x-4000-8000-%012x", mixed, kind, n);
  return ormc::Uuid(std::string_view(text));
}

std::string twoDigits(int n) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", n);
  return text;
}

ormc::Date addDays(ormc::Date date, int days) {
  return ormc::Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

}  // namespace

ormc::Decimal cents(std::int64_t amount) {
  const bool negative = amount < 0;
  const std::int64_t magnitude = negative ? -amount : amount;
  std::string fraction = std::to_string(magnitude % 100);
  if (fraction.size() < 2) fraction.insert(0, "0");
  return ormc::Decimal((negative ? "-" : "") + std::to_string(magnitude / 100) + "." + fraction);
}

ShopSeed makeShopSeed() {
  ShopSeed s;

  // ---- reference data ----
  s.currencies = {
      {.code = "EUR", .name = "Euro", .symbol = "€", .minorUnits = 2},
      {.code = "USD", .name = "US Dollar", .symbol = "$", .minorUnits = 2},
      {.code = "JPY", .name = "Yen", .symbol = "¥", .minorUnits = 0},
      {.code = "GBP", .name = "Pound Sterling", .symbol = "£", .minorUnits = 2},
      {.code = "KWD", .name = "Kuwaiti Dinar", .symbol = std::nullopt, .minorUnits = 3},
  };
  s.countries = {
      {.id = 1, .isoCode = "DE", .name = "Germany", .currencyCode = "EUR", .taxRate = ormc::Decimal("0.1900")},
      {.id = 2, .isoCode = "FR", .name = "France", .currencyCode = "EUR", .taxRate = ormc::Decimal("0.2000")},
      {.id = 3, .isoCode = "US", .name = "United States", .currencyCode = "USD", .taxRate = ormc::Decimal("0.0000")},
      {.id = 4, .isoCode = "JP", .name = "日本", .currencyCode = "JPY", .taxRate = ormc::Decimal("0.1000")},
      {.id = 5, .isoCode = "GB", .name = "United Kingdom", .currencyCode = "GBP", .taxRate = ormc::Decimal("0.2000")},
      {.id = 6, .isoCode = "AT", .name = "Österreich", .currencyCode = "EUR", .taxRate = ormc::Decimal("0.2000")},
      {.id = 7, .isoCode = "KW", .name = "Kuwait", .currencyCode = "KWD", .taxRate = ormc::Decimal("0.0000")},
  };
  s.shippingRates = {
      {.id = 1, .countryCode = "DE", .class_ = "standard", .minWeightGrams = 0, .maxWeightGrams = 2000, .price = cents(499)},
      {.id = 2, .countryCode = "DE", .class_ = "express", .minWeightGrams = 0, .maxWeightGrams = 2000, .price = cents(1299)},
      {.id = 3, .countryCode = "DE", .class_ = "standard", .minWeightGrams = 2000, .maxWeightGrams = 30000, .price = cents(899)},
      {.id = 4, .countryCode = "FR", .class_ = "standard", .minWeightGrams = 0, .maxWeightGrams = 5000, .price = cents(650)},
      {.id = 5, .countryCode = "US", .class_ = "freight", .minWeightGrams = 10000, .maxWeightGrams = 500000, .price = cents(9900)},
      {.id = 6, .countryCode = "JP", .class_ = "express", .minWeightGrams = 0, .maxWeightGrams = 1000, .price = cents(0)},
  };

  // ---- customers and addresses ----
  struct Person {
    const char* first;
    const char* last;
    const char* email;
  };
  const std::array<Person, 20> people{{
      {"Ada", "Lovelace", "ada@example.com"},
      {"Grace", "Hopper", "grace@example.com"},
      {"Zoë", "Ørsted", "zoe@example.com"},
      {"Jürgen", "Müller", "juergen@example.de"},
      {"Łukasz", "Żółć", "lukasz@example.pl"},
      {"José", "Núñez", "jose@example.es"},
      {"李", "王", "li.wang@example.cn"},
      {"Ægir", "Þórsson", "aegir@example.is"},
      {"alan", "turing", "alan@example.com"},
      {"Edsger", "Dijkstra", "edsger@example.nl"},
      {"Barbara", "Liskov", "barbara@example.com"},
      {"Donald", "Knuth", "don_knuth@example.com"},
      {"Ken", "Thompson", "ken%thompson@example.com"},
      {"Dennis", "Ritchie", "dennis!r@example.com"},
      {"Margaret", "Hamilton", "margaret@example.com"},
      {"Frances", "Allen", "fran@example.org"},
      {"John", "Backus", "john@example.org"},
      {"Niklaus", "Wirth", "niklaus@example.ch"},
      {"Tony", "Hoare", "tony@example.co.uk"},
      {"Radia", "Perlman", "radia@example.net"},
  }};
  const std::array<const char*, 6> notes{"VIP", "prefers 100% recycled packaging", "call_before_delivery",
                                         "Grüße!", "", "ships to a P.O. box"};
  for (int i = 1; i <= 20; ++i) {
    const Person& p = people[static_cast<std::size_t>(i - 1)];
    shop::Customer c;
    c.id = i;
    c.publicId = uuidFor(0x11, static_cast<unsigned>(i));
    c.email = p.email;
    c.firstName = p.first;
    c.lastName = p.last;
    if (i % 4 != 0) c.phone = "+49 30 " + std::to_string(1000 + i * 17);
    if (i % 5 != 0) c.birthDate = ormc::makeDate(1950 + (i * 7) % 50, static_cast<unsigned>(1 + i % 12), static_cast<unsigned>(1 + (i * 3) % 28));
    if (i == 1) c.birthDate = ormc::makeDate(2000, 2, 29);
    if (i == 2) c.birthDate = ormc::makeDate(1900, 1, 1);
    c.marketingOptIn = i % 3 == 0;
    c.creditBalance = cents((i * 37193) % 200000 - 50000);
    if (i == 7) c.creditBalance = cents(-50000);
    if (i == 8) c.creditBalance = cents(0);
    c.loyaltyPoints = static_cast<std::int64_t>(i) * i * 1000;
    if (i == 20) c.loyaltyPoints = 5'000'000'000;
    if (i == 19) c.loyaltyPoints = -1;
    if (i % 6 != 0) c.notes = notes[static_cast<std::size_t>(i % 6)];
    c.createdAt = ormc::makeDateTime(2023, static_cast<unsigned>(1 + i % 12), static_cast<unsigned>(1 + i % 28),
                                     static_cast<unsigned>(i % 24), static_cast<unsigned>((i * 7) % 60),
                                     static_cast<unsigned>((i * 13) % 60), static_cast<unsigned>((i * 1111) % 1000000));
    s.customers.push_back(std::move(c));
  }

  const std::array<const char*, 6> isos{"DE", "FR", "US", "JP", "GB", "AT"};
  const std::array<const char*, 6> cities{"Berlin", "Paris", "New York", "東京", "London", "Wien"};
  for (int i = 1; i <= 18; ++i) {
    const shop::Customer& c = s.customers[static_cast<std::size_t>(i - 1)];
    for (int work = 0; work <= (i % 3 == 0 ? 1 : 0); ++work) {
      shop::Address a;
      a.id = static_cast<std::int64_t>(s.addresses.size()) + 1;
      a.customerId = c.id;
      a.label = work ? "Work" : "Home";
      a.recipient = c.firstName + " " + c.lastName;
      a.line1 = std::to_string(i) + (work ? " Office Park" : " Main Street");
      if (i % 2 == 0) a.line2 = "Apt " + std::to_string(i);
      const std::size_t country = static_cast<std::size_t>((i + 2 * work) % 6);
      a.city = cities[country];
      a.postalCode = std::to_string(10000 + i * 37 + work);
      a.countryCode = isos[country];
      if (i % 4 != 0) {
        a.latitude = -45.0 + i * 4.5 + work;
        a.longitude = -170.0 + i * 18.25;
      }
      a.default_ = !work;
      s.addresses.push_back(std::move(a));
    }
  }
  auto addressOf = [&](std::int64_t customer, const char* label) -> std::optional<std::int64_t> {
    for (const shop::Address& a : s.addresses)
      if (a.customerId == customer && a.label == label) return a.id;
    return std::nullopt;
  };

  // ---- catalog ----
  s.brands = {
      {.id = 1, .name = "Acme", .website = "https://acme.example"},
      {.id = 2, .name = "Globex", .website = std::nullopt},
      {.id = 3, .name = "Initech", .website = "https://initech.example"},
      {.id = 4, .name = "Umbrella", .website = "https://umbrella.example", .logo = ormc::Bytes{0x89, 0x50, 0x4e, 0x47}},
      {.id = 5, .name = "Ünïcode Wörks", .website = std::nullopt},
      {.id = 6, .name = "Empty Brand", .website = "https://empty.example"},
  };
  s.categories = {
      {.id = 1, .name = "Electronics", .slug = "electronics", .parentId = std::nullopt, .position = 0},
      {.id = 2, .name = "Computers", .slug = "computers", .parentId = 1, .position = 0},
      {.id = 3, .name = "Laptops", .slug = "laptops", .parentId = 2, .position = 0},
      {.id = 4, .name = "Phones", .slug = "phones", .parentId = 1, .position = 1},
      {.id = 5, .name = "Home & Garden", .slug = "home", .parentId = std::nullopt, .position = 1},
      {.id = 6, .name = "Küche", .slug = "kitchen", .parentId = 5, .position = 0},
      {.id = 7, .name = "Garden", .slug = "garden", .parentId = 5, .position = 1},
      {.id = 8, .name = "Books", .slug = "books", .parentId = std::nullopt, .position = 2},
  };
  s.tags = {
      {.slug = "sale", .label = "Sale"},         {.slug = "new", .label = "Neu!"},
      {.slug = "eco", .label = "100% Öko"},      {.slug = "gift", .label = "gift_idea"},
      {.slug = "limited", .label = "Limited"},   {.slug = "unused", .label = "Never used"},
  };

  const std::array<const char*, 4> units{"pcs", "kg", "m", "l"};
  for (int i = 1; i <= 40; ++i) {
    shop::Product p;
    p.id = i;
    p.sku = "SKU-" + std::to_string(1000 + i);
    p.name = "Item " + twoDigits(i);
    switch (i) {
      case 1: p.name = "Cable 100% copper"; break;
      case 2: p.name = "Mug_with_underscore"; break;
      case 3: p.name = "Wow! Speaker"; break;
      case 4: p.name = "Café crème"; break;
      case 5: p.name = "Ångström ruler"; break;
      case 6: p.name = "日本茶 green tea"; break;
      case 7: p.name = "50%_off voucher"; break;
      case 8: p.name = "E-book: C++ <20>"; break;
      case 9: p.name = "mug"; break;
      case 10: p.name = "MugXwithXunderscore"; break;
      default: break;
    }
    p.slug = "p-" + std::to_string(i);
    p.description = i == 11 ? std::string() : "Description of " + p.name + (i % 3 == 0 ? ".\nNaïve but sturdy." : ".");
    if (i % 7 != 0) p.brandId = 1 + i % 5;
    std::int64_t price = (i * 1237) % 9000 + 99;
    if (i == 10) price = 1000;
    if (i == 20) price = 5000;
    if (i == 39) price = 99999999;
    if (i == 40) price = 0;
    p.price = cents(price);
    if (i % 3 == 0) p.compareAtPrice = cents(price + 500 + i);
    p.unit = units[static_cast<std::size_t>(i % 4)];
    p.isDigital = i % 8 == 0;
    p.weightGrams = p.isDigital ? 0 : (i * 97) % 2500 + 50;
    if (i == 2) p.weightGrams = 1500;
    if (i == 3) p.weightGrams = 1000;
    if (i == 4) p.weightGrams = 999;
    p.active = i % 9 != 0;
    p.averageRating = static_cast<double>((i * 37) % 51) / 10.0;
    p.attributes = ormc::Json{{"n", i}};
    p.publicId = uuidFor(0x22, static_cast<unsigned>(i));
    p.createdAt = ormc::makeDateTime(2023, static_cast<unsigned>(1 + i % 12), static_cast<unsigned>(1 + i % 28),
                                     static_cast<unsigned>(i % 24), static_cast<unsigned>((i * 7) % 60), 0, 0);
    s.products.push_back(std::move(p));
  }
  const std::array<std::int32_t, 5> leaves{3, 4, 6, 7, 8};
  for (int p = 1; p <= 40; ++p) {
    s.categoryProducts.emplace_back(leaves[static_cast<std::size_t>(p % 5)], p);
    if (p % 4 == 0) s.categoryProducts.emplace_back(1, p);
  }
  for (int p = 1; p <= 40; ++p) {
    if (p % 3 == 0) s.productTags.emplace_back(p, "sale");
    if (p % 4 == 1) s.productTags.emplace_back(p, "new");
    if (p % 5 == 2) s.productTags.emplace_back(p, "eco");
    if (p % 7 == 0) s.productTags.emplace_back(p, "gift");
    if (p == 1) s.productTags.emplace_back(p, "limited");
  }
  for (int p = 1; p <= 5; ++p) {
    for (int v = 0; v < 2; ++v) {
      s.variants.push_back({.id = (p - 1) * 2 + v + 1,
                            .productId = p,
                            .sku = "SKU-" + std::to_string(1000 + p) + "-" + std::to_string(v),
                            .options = ormc::Json{{"size", v == 0 ? "S" : "M"}},
                            .priceDelta = cents(v * 100 - 50),
                            .position = v});
    }
  }

  // ---- carts ----
  for (int k = 1; k <= 10; ++k) {
    shop::Cart cart;
    cart.id = k;
    cart.customerId = 2 * k - 1;
    cart.token = uuidFor(0x33, static_cast<unsigned>(k));
    cart.createdAt = ormc::makeDateTime(2024, 3, static_cast<unsigned>(k), 12, 0, 0, 0);
    s.carts.push_back(std::move(cart));
    for (int j = 0; j <= k % 3; ++j) {
      s.cartItems.push_back({.cartId = k,
                             .productId = 1 + (k * 7 + j * 5) % 40,
                             .quantity = 1 + (k + j) % 4,
                             .addedAt = ormc::makeDateTime(2024, 3, static_cast<unsigned>(k), 13, j, 0, 0)});
    }
  }

  // ---- inventory ----
  s.warehouses = {
      {.id = 1, .code = "BER", .name = "Berlin", .latitude = 52.52, .longitude = 13.405, .active = true},
      {.id = 2, .code = "NYC", .name = "New York", .latitude = std::nullopt, .longitude = std::nullopt, .active = true},
      {.id = 3, .code = "OLD", .name = "Old depot", .latitude = 48.0, .longitude = 11.0, .active = false},
  };
  for (int p = 1; p <= 40; ++p) {
    for (int w = 1; w <= 2; ++w) {
      if ((p + w) % 3 == 0) continue;
      const std::int32_t onHand = (p * w * 7) % 50;
      s.stockLevels.push_back({.warehouseId = w,
                               .productId = p,
                               .quantityOnHand = onHand,
                               .quantityReserved = std::min(onHand, p % 5),
                               .reorderLevel = p % 4 == 0 ? -1 : 10});
    }
  }
  s.employees = {
      {.id = 1, .email = "boss@acme.example", .firstName = "Bea", .lastName = "Boss", .role = shop::EmployeeRole::admin,
       .managerId = std::nullopt, .hiredOn = ormc::makeDate(2010, 1, 4), .birthDate = ormc::makeDate(1970, 5, 5),
       .salary = cents(12000000)},
      {.id = 2, .email = "mia@acme.example", .firstName = "Mia", .lastName = "Manager",
       .role = shop::EmployeeRole::manager, .managerId = 1, .hiredOn = ormc::makeDate(2015, 6, 1),
       .birthDate = ormc::makeDate(1980, 2, 29), .salary = cents(8000000)},
      {.id = 3, .email = "sam@acme.example", .firstName = "Sam", .lastName = "Staff", .role = shop::EmployeeRole::staff,
       .managerId = 2, .hiredOn = ormc::makeDate(2020, 9, 15), .birthDate = std::nullopt, .salary = cents(4500000)},
      {.id = 4, .email = "tom@acme.example", .firstName = "Tom", .lastName = "Temp", .role = shop::EmployeeRole::staff,
       .managerId = 2, .hiredOn = ormc::makeDate(2024, 1, 2), .birthDate = std::nullopt, .salary = std::nullopt,
       .active = false},
  };
  const std::array<shop::StockMovementReason, 5> reasons{
      shop::StockMovementReason::purchase, shop::StockMovementReason::sale, shop::StockMovementReason::returned,
      shop::StockMovementReason::adjustment, shop::StockMovementReason::transfer};
  for (int k = 1; k <= 15; ++k) {
    const shop::StockLevel& level = s.stockLevels[static_cast<std::size_t>(k * 2) % s.stockLevels.size()];
    shop::StockMovement m;
    m.id = k;
    m.warehouseId = level.warehouseId;
    m.productId = level.productId;
    m.quantity = k % 2 ? k : -k;
    m.reason = reasons[static_cast<std::size_t>(k % 5)];
    if (k % 4 != 0) m.performedById = 1 + k % 4;
    m.createdAt = ormc::makeDateTime(2024, 2, static_cast<unsigned>(k), 8, 0, 0, 0);
    s.stockMovements.push_back(std::move(m));
  }

  // ---- orders ----
  s.coupons = {
      {.id = 1, .code = "WELCOME10", .percentOff = 10, .amountOff = std::nullopt},
      {.id = 2, .code = "FLAT5", .percentOff = std::nullopt, .amountOff = cents(500), .endsOn = ormc::makeDate(2024, 12, 31),
       .maxUses = 100, .timesUsed = 3},
      {.id = 3, .code = "50%_OFF", .percentOff = 50, .amountOff = std::nullopt, .startsOn = ormc::makeDate(2024, 6, 1),
       .endsOn = ormc::makeDate(2024, 6, 30), .maxUses = 10, .timesUsed = 10},
      {.id = 4, .code = "SUMMER!", .percentOff = 100, .amountOff = std::nullopt},
  };
  const std::array<shop::OrderStatus, 6> statuses{shop::OrderStatus::pending, shop::OrderStatus::paid,
                                                  shop::OrderStatus::shipped, shop::OrderStatus::delivered,
                                                  shop::OrderStatus::cancelled, shop::OrderStatus::refunded};
  const std::array<const char*, 5> currencies{"EUR", "USD", "GBP", "JPY", "EUR"};
  const std::array<shop::PaymentProvider, 3> providers{shop::PaymentProvider::stripe, shop::PaymentProvider::paypal,
                                                       shop::PaymentProvider::bankTransfer};
  auto priceCents = [&](std::int64_t product) {
    const std::string& text = s.products[static_cast<std::size_t>(product - 1)].price.str();
    const std::size_t dot = text.find('.');
    return std::stoll(text.substr(0, dot)) * 100 + std::stoll(text.substr(dot + 1));
  };
  for (int i = 1; i <= 60; ++i) {
    shop::Order o;
    o.id = i;
    o.number = "2024-" + std::to_string(100000 + i);
    o.customerId = 1 + (i * 7) % 18;
    o.billingAddressId = *addressOf(o.customerId, "Home");
    if (i % 5 != 0) {
      auto work = addressOf(o.customerId, "Work");
      o.shippingAddressId = i % 2 && work ? *work : o.billingAddressId;
    }
    if (i % 6 == 0) o.couponId = 1 + (i / 6) % 4;
    o.currencyCode = currencies[static_cast<std::size_t>(i % 5)];
    o.status = statuses[static_cast<std::size_t>((i * 5) % 6)];
    std::int64_t subtotal = 0;
    const int lines = 1 + i % 4;
    for (int l = 1; l <= lines; ++l) {
      shop::OrderItem item;
      item.id = static_cast<std::int64_t>(s.orderItems.size()) + 1;
      item.orderId = i;
      item.lineNo = l;
      item.productId = 1 + (i * 3 + l * 11) % 40;
      item.productName = s.products[static_cast<std::size_t>(item.productId - 1)].name;
      item.quantity = 1 + (i + l) % 5;
      const std::int64_t unit = priceCents(item.productId);
      const std::int64_t discount = l == 2 ? std::min<std::int64_t>(100, unit * item.quantity) : 0;
      item.unitPrice = cents(unit);
      item.discount = cents(discount);
      item.total = cents(unit * item.quantity - discount);
      subtotal += unit * item.quantity - discount;
      s.orderItems.push_back(std::move(item));
    }
    const std::int64_t discount = o.couponId ? std::min<std::int64_t>(subtotal, 500) : 0;
    const std::int64_t shipping = i % 3 == 0 ? 0 : 499;
    const std::int64_t tax = (subtotal - discount) / 10;
    const std::int64_t grand = subtotal - discount + shipping + tax;
    o.subtotal = cents(subtotal);
    o.discountTotal = cents(discount);
    o.shippingTotal = cents(shipping);
    o.taxTotal = cents(tax);
    o.grandTotal = cents(grand);
    o.isGift = i % 7 == 0;
    if (o.isGift) o.giftMessage = i % 14 == 0 ? "Alles Gute zum Geburtstag — 🎂" : "Happy birthday";
    if (i % 4 != 0) o.externalRef = uuidFor(0x44, static_cast<unsigned>(i));
    o.placedAt = ormc::makeDateTime(2024, 1, 1) + std::chrono::days{i * 3} + std::chrono::hours{i % 24} +
                 std::chrono::microseconds{i * 7};
    const shop::OrderStatus status = o.status;
    const ormc::DateTime placed = o.placedAt;
    const ormc::Decimal total = o.grandTotal;
    s.orders.push_back(std::move(o));

    const ormc::Date day = ormc::Date{std::chrono::floor<std::chrono::days>(placed)};
    if (status == shop::OrderStatus::delivered) {
      s.invoices.push_back({.id = static_cast<std::int64_t>(s.invoices.size()) + 1,
                            .number = "INV-" + std::to_string(i),
                            .orderId = i,
                            .issuedOn = addDays(day, 1),
                            .dueOn = addDays(day, 15),
                            .amount = total,
                            .paid = i % 2 == 0});
    }
    const bool settled = status == shop::OrderStatus::paid || status == shop::OrderStatus::shipped ||
                         status == shop::OrderStatus::delivered || status == shop::OrderStatus::refunded;
    if (grand > 0 && (settled || (status == shop::OrderStatus::pending && i % 2 == 1))) {
      if (settled && i % 10 == 0) {
        s.payments.push_back({.id = uuidFor(0x55, static_cast<unsigned>(1000 + i)),
                              .orderId = i,
                              .provider = providers[static_cast<std::size_t>((i + 1) % 3)],
                              .status = shop::PaymentStatus::failed,
                              .amount = total,
                              .providerReference = std::nullopt,
                              .createdAt = placed + 1min});
      }
      shop::Payment pay;
      pay.id = uuidFor(0x55, static_cast<unsigned>(i));
      pay.orderId = i;
      pay.provider = providers[static_cast<std::size_t>(i % 3)];
      pay.status = !settled                                   ? shop::PaymentStatus::authorized
                   : status == shop::OrderStatus::refunded ? shop::PaymentStatus::refunded
                                                           : shop::PaymentStatus::captured;
      pay.amount = total;
      if (i % 4 != 0) pay.providerReference = "ref_" + std::to_string(i);
      pay.createdAt = placed + 2min;
      if (settled) pay.capturedAt = placed + 1h;
      s.payments.push_back(std::move(pay));
    }
    if (status == shop::OrderStatus::shipped || status == shop::OrderStatus::delivered) {
      shop::Shipment ship;
      ship.id = static_cast<std::int64_t>(s.shipments.size()) + 1;
      ship.orderId = i;
      if (i % 3 != 0) ship.warehouseId = 1 + i % 2;
      ship.carrier = std::array<const char*, 3>{"DHL", "UPS", "La Poste"}[static_cast<std::size_t>(i % 3)];
      if (i % 5 != 0) ship.trackingNumber = "TRK" + std::to_string(i);
      if (i % 4 != 0) ship.weightKg = 0.5 + i * 0.25;
      ship.shippedOn = addDays(day, 2);
      if (status == shop::OrderStatus::delivered) ship.deliveredAt = placed + std::chrono::days{5};
      s.shipments.push_back(std::move(ship));
    }
  }

  // ---- reviews (ids from the database) ----
  const std::array<const char*, 4> titles{"Great", "Not bad — 4/5", "100% satisfied", "meh_"};
  for (int k = 0; k < 40; ++k) {
    shop::Review r;
    r.productId = 1 + k % 25;
    if (k % 9 != 0) r.customerId = 1 + (k * 7) % 20;
    r.rating = 1 + (k * 3) % 5;
    if (k % 4 != 0) r.title = titles[static_cast<std::size_t>(k % 4)];
    if (k % 3 != 0) r.body = "Review body " + std::to_string(k) + (k % 2 ? " ✓" : "");
    r.helpfulVotes = (k * 11) % 17;
    r.verifiedPurchase = k % 2 == 0;
    r.createdAt = ormc::makeDateTime(2024, 4, 1 + static_cast<unsigned>(k % 28), 10, 0, 0, 0);
    s.reviews.push_back(std::move(r));
  }

  s.settings = {
      {.key = "site.name", .group = "general", .value = ormc::Json("Acme Shop"), .description = "Shown in the title"},
      {.key = "checkout.min", .group = "checkout", .value = ormc::Json(5), .description = std::nullopt},
      {.key = "select", .group = "order", .value = ormc::Json::array({1, 2}), .description = "reserved words"},
  };
  return s;
}

void insertShopSeed(ormc::Database& db, ShopSeed& s) {
  db.create_all<shop::Schema>();
  db.insert_all(s.currencies);
  db.insert_all(s.countries);
  db.insert_all(s.shippingRates);
  db.insert_all(s.customers);
  db.insert_all(s.addresses);
  db.insert_all(s.brands);
  db.insert_all(s.categories);
  db.insert_all(s.tags);
  db.insert_all(s.products);
  db.insert_all(s.variants);
  db.insert_all(s.carts);
  db.insert_all(s.cartItems);
  db.insert_all(s.warehouses);
  db.insert_all(s.stockLevels);
  for (shop::Employee& e : s.employees) db.insert(e);
  db.insert_all(s.stockMovements);
  db.insert_all(s.coupons);
  db.insert_all(s.orders);
  db.insert_all(s.orderItems);
  db.insert_all(s.invoices);
  db.insert_all(s.payments);
  db.insert_all(s.shipments);
  db.insert_all(s.reviews);
  db.insert_all(s.settings);
  auto product = [&](std::int64_t id) -> const shop::Product& { return s.products[static_cast<std::size_t>(id - 1)]; };
  for (const auto& [category, productId] : s.categoryProducts)
    db.link(shop::q::Category.products, s.categories[static_cast<std::size_t>(category - 1)], product(productId));
  for (const auto& [productId, slug] : s.productTags) {
    const auto tag = std::find_if(s.tags.begin(), s.tags.end(), [&](const shop::Tag& t) { return t.slug == slug; });
    db.link(shop::q::Product.tags, product(productId), *tag);
  }
}

ShopSeed seedShop(ormc::Database& db) {
  ShopSeed s = makeShopSeed();
  insertShopSeed(db, s);
  return s;
}

}  // namespace ormc::test::conformance
