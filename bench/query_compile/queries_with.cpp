// The query compile-time benchmark: queries_without.cpp plus 50 different typed queries over
// schemas/shop.orm, each in a function of its own (bench/run_query_compile_bench.sh compares
// the two compile times; the target is under 2x).
#include "common.hpp"

#include <tuple>

namespace shopbench {

namespace q = acme::shop::q;
using ormc::query::avg;
using ormc::query::count;
using ormc::query::max;
using ormc::query::min;
using ormc::query::sum;

auto q01(ormc::Database& db) { return db.query<Customer>().all(); }
auto q02(ormc::Database& db, std::int64_t id) { return db.query<Customer>().where(q::Customer.id == id).first(); }
auto q03(ormc::Database& db, const std::string& email) { return db.query<Customer>().where(q::Customer.email == email).one(); }
auto q04(ormc::Database& db) {
  return db.query<Customer>().where(q::Customer.loyaltyPoints > 100).order_by(q::Customer.lastName, q::Customer.firstName).limit(20).all();
}
auto q05(ormc::Database& db) { return db.query<Customer>().where(q::Customer.phone.is_null()).count(); }
auto q06(ormc::Database& db, const std::string& text) {
  return db.query<Customer>().where(q::Customer.lastName.starts_with(text) || q::Customer.firstName.contains(text)).all();
}
auto q07(ormc::Database& db) { return db.query<Customer>().where(q::Customer.marketingOptIn == true).exists(); }
auto q08(ormc::Database& db) { return db.query<Customer>().include(q::Customer.orders, q::Order.items).order_by(q::Customer.id).all(); }
auto q09(ormc::Database& db) { return db.query<Customer>().include(q::Customer.addresses).include(q::Customer.cart).all(); }
auto q10(ormc::Database& db, std::int64_t floor) {
  return db.query<Customer>().where(q::Customer.creditBalance < 0 && q::Customer.loyaltyPoints >= floor).offset(10).limit(10).all();
}
auto q11(ormc::Database& db) { return db.query<Order>().where(q::Order.status == OrderStatus::paid).order_by(q::Order.placedAt.desc()).all(); }
auto q12(ormc::Database& db) {
  return db.query<Order>().where(q::Order.status.in({OrderStatus::shipped, OrderStatus::delivered})).count();
}
auto q13(ormc::Database& db) {
  return db.query<Order>().join(q::Order.customer).where(q::Customer.email.ends_with("@example.com")).all();
}
auto q14(ormc::Database& db) { return db.query<Order>().where(q::Order.grandTotal > ormc::Decimal("100.00")).order_by(q::Order.grandTotal.desc()).limit(5).all(); }
auto q15(ormc::Database& db) { return db.query<Order>().include(q::Order.payments).include(q::Order.shipments).include(q::Order.invoice).all(); }
auto q16(ormc::Database& db) {
  return db.select(q::Order.customerId, count(), sum(q::Order.grandTotal)).from<Order>().group_by(q::Order.customerId).having(count() > 2).all();
}
auto q17(ormc::Database& db) { return db.select(q::Order.number, q::Order.status).from<Order>().where(q::Order.isGift == true).all(); }
auto q18(ormc::Database& db) { return db.query<Order>().where(q::Order.giftMessage.is_not_null() && q::Order.couponId.is_null()).all(); }
auto q19(ormc::Database& db) {
  return db.select(q::Customer.email, q::Order.number).from<Customer>().left_join(q::Customer.orders).order_by(q::Customer.email).all();
}
auto q20(ormc::Database& db) { return db.query<Order>().join(q::Order.billingAddress).where(q::Address.city == "Paris").all(); }
auto q21(ormc::Database& db) { return db.query<OrderItem>().where(q::OrderItem.quantity * 2 > 10).all(); }
auto q22(ormc::Database& db) {
  return db.select(q::OrderItem.productId, sum(q::OrderItem.quantity), avg(q::OrderItem.unitPrice)).from<OrderItem>().group_by(q::OrderItem.productId).all();
}
auto q23(ormc::Database& db) { return db.query<OrderItem>().join(q::OrderItem.product).where(q::Product.active == true).order_by(q::OrderItem.lineNo).all(); }
auto q24(ormc::Database& db) { return db.query<Product>().where(q::Product.price.between(10, 100)).order_by(q::Product.price).all(); }
auto q25(ormc::Database& db, const std::vector<std::int64_t>& ids) { return db.query<Product>().where(q::Product.id.in(ids)).all(); }
auto q26(ormc::Database& db) { return db.query<Product>().include(q::Product.tags).include(q::Product.categories).all(); }
auto q27(ormc::Database& db) { return db.query<Product>().include(q::Product.images).include(q::Product.variants).include(q::Product.brand).all(); }
auto q28(ormc::Database& db) { return db.query<Product>().join(q::Product.brand).where(q::Brand.name == "Acme").all(); }
auto q29(ormc::Database& db) { return db.query<Product>().join(q::Product.tags).where(q::Tag.slug == "sale").distinct().all(); }
auto q30(ormc::Database& db) {
  return db.select(min(q::Product.price), max(q::Product.price), avg(q::Product.averageRating)).from<Product>().one();
}
auto q31(ormc::Database& db) { return db.query<Product>().where(!(q::Product.isDigital == true) && q::Product.weightGrams >= 1000).all(); }
auto q32(ormc::Database& db) { return db.select(q::Product.unit).from<Product>().distinct().all(); }
auto q33(ormc::Database& db) { return db.query<Review>().where(q::Review.rating >= 4).order_by(q::Review.helpfulVotes.desc()).limit(10).all(); }
auto q34(ormc::Database& db) { return db.query<Review>().include(q::Review.product).include(q::Review.customer).all(); }
auto q35(ormc::Database& db) {
  return db.select(q::Review.productId, avg(q::Review.rating), count()).from<Review>().group_by(q::Review.productId).all();
}
auto q36(ormc::Database& db) { return db.query<Brand>().where(q::Brand.website.like("https://%")).all(); }
auto q37(ormc::Database& db) { return db.query<Brand>().include(q::Brand.products, q::Product.reviews).all(); }
auto q38(ormc::Database& db) { return db.query<Category>().where(q::Category.parentId.is_null()).include(q::Category.children).order_by(q::Category.position).all(); }
auto q39(ormc::Database& db) { return db.query<Country>().join(q::Country.currency).where(q::Currency.minorUnits == 2).all(); }
auto q40(ormc::Database& db) { return db.query<Country>().where(q::Country.taxRate > ormc::Decimal("0.1000")).include(q::Country.shippingRates).all(); }
auto q41(ormc::Database& db) { return db.query<Employee>().where(q::Employee.role == EmployeeRole::manager && q::Employee.active == true).all(); }
auto q42(ormc::Database& db) { return db.query<Employee>().include(q::Employee.reports).include(q::Employee.manager).all(); }
auto q43(ormc::Database& db) { return db.query<Warehouse>().where(q::Warehouse.active == true).include(q::Warehouse.stockLevels, q::StockLevel.product).all(); }
auto q44(ormc::Database& db) {
  return db.query<StockLevel>().where(q::StockLevel.quantityOnHand - q::StockLevel.quantityReserved < q::StockLevel.reorderLevel).all();
}
auto q45(ormc::Database& db) { return db.query<Shipment>().where(q::Shipment.weightKg > 2.5 && q::Shipment.carrier != "DHL").all(); }
auto q46(ormc::Database& db) { return db.query<Coupon>().where(q::Coupon.timesUsed < q::Coupon.maxUses || q::Coupon.maxUses == -1).all(); }
auto q47(ormc::Database& db) { return db.query<AuditLog>().where(q::AuditLog.entity == "order" && q::AuditLog.action.in({"update", "delete"})).order_by(q::AuditLog.at.desc()).limit(50).all(); }
auto q48(ormc::Database& db) { return db.query<Setting>().where(q::Setting.group == "mail").order_by(q::Setting.key).all(); }
auto q49(ormc::Database& db) { return db.update<Product>().set(q::Product.active, false).where(q::Product.price < 1).execute(); }
auto q50(ormc::Database& db) { return db.remove<CartItem>().where(q::CartItem.quantity > 99).execute(); }

}  // namespace shopbench

int main() {
  auto db = ormc::Database::open("sqlite::memory:");
  using namespace shopbench;
  std::size_t n = 0;
  n += q01(db).size() + (q02(db, 1) ? 1 : 0) + q04(db).size() + static_cast<std::size_t>(q05(db)) + q06(db, "Lo").size();
  n += (q07(db) ? 1 : 0) + q08(db).size() + q09(db).size() + q10(db, 0).size() + q11(db).size();
  n += static_cast<std::size_t>(q12(db)) + q13(db).size() + q14(db).size() + q15(db).size() + q16(db).size();
  n += q17(db).size() + q18(db).size() + q19(db).size() + q20(db).size() + q21(db).size() + q22(db).size();
  n += q23(db).size() + q24(db).size() + q25(db, {1, 2, 3}).size() + q26(db).size() + q27(db).size() + q28(db).size();
  n += q29(db).size() + q31(db).size() + q32(db).size() + q33(db).size() + q34(db).size() + q35(db).size();
  n += q36(db).size() + q37(db).size() + q38(db).size() + q39(db).size() + q40(db).size() + q41(db).size();
  n += q42(db).size() + q43(db).size() + q44(db).size() + q45(db).size() + q46(db).size() + q47(db).size();
  n += q48(db).size() + static_cast<std::size_t>(q49(db) + q50(db));
  (void)q03;
  (void)q30;
  return shopbench::baseline(db) == 1 && n == 0 ? 0 : 1;
}
