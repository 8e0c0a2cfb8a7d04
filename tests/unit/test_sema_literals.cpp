// sema/literals: the canonical forms and validity rules behind @default values.
#include "sema/literals.hpp"

#include <doctest/doctest.h>

using namespace ormc;
using namespace ormc::sema::literals;

TEST_CASE("integers are range-checked per type") {
  CHECK(canonicalInteger(false, "2147483647", ir::ScalarKind::Int32) == "2147483647");
  CHECK_FALSE(canonicalInteger(false, "2147483648", ir::ScalarKind::Int32));
  CHECK(canonicalInteger(true, "2147483648", ir::ScalarKind::Int32) == "-2147483648");
  CHECK_FALSE(canonicalInteger(true, "2147483649", ir::ScalarKind::Int32));
  CHECK(canonicalInteger(false, "9223372036854775807", ir::ScalarKind::Int64) == "9223372036854775807");
  CHECK_FALSE(canonicalInteger(false, "9223372036854775808", ir::ScalarKind::Int64));
  CHECK(canonicalInteger(true, "9223372036854775808", ir::ScalarKind::Int64) == "-9223372036854775808");
  CHECK_FALSE(canonicalInteger(false, "99999999999999999999999", ir::ScalarKind::Int64));
  CHECK(canonicalInteger(false, "000123", ir::ScalarKind::Int32) == "123");
  CHECK(canonicalInteger(true, "0", ir::ScalarKind::Int32) == "0");
}

TEST_CASE("decimals get exactly `scale` fraction digits") {
  CHECK(canonicalDecimal(false, "0", 12, 2).canonical == "0.00");
  CHECK(canonicalDecimal(false, "0.5", 12, 2).canonical == "0.50");
  CHECK(canonicalDecimal(true, "12.5", 6, 3).canonical == "-12.500");
  CHECK(canonicalDecimal(true, "0.00", 6, 2).canonical == "0.00");
  CHECK(canonicalDecimal(false, "007", 3, 0).canonical == "7");
  CHECK(canonicalDecimal(false, "99.99", 4, 2).fit == DecimalFit::Ok);
  CHECK(canonicalDecimal(false, "100", 4, 2).fit == DecimalFit::TooManyIntegerDigits);
  CHECK(canonicalDecimal(false, "1.234", 4, 2).fit == DecimalFit::TooManyFractionDigits);
  CHECK(canonicalDecimal(false, "0.12", 2, 2).canonical == "0.12");
}

TEST_CASE("floats keep the written form and must be finite") {
  CHECK(canonicalFloat(false, "0.5") == "0.5");
  CHECK(canonicalFloat(true, "0.5") == "-0.5");
  CHECK(canonicalFloat(false, "007.25") == "7.25");
  CHECK(canonicalFloat(true, "0") == "0");
  CHECK_FALSE(canonicalFloat(false, std::string(400, '9')));
}

TEST_CASE("dates and date-times") {
  CHECK(isValidDate("2024-02-29"));
  CHECK(isValidDate("2000-02-29"));
  CHECK_FALSE(isValidDate("1900-02-29"));
  CHECK_FALSE(isValidDate("2023-02-29"));
  CHECK_FALSE(isValidDate("2023-04-31"));
  CHECK_FALSE(isValidDate("2023-13-01"));
  CHECK_FALSE(isValidDate("0000-01-01"));
  CHECK_FALSE(isValidDate("2023-1-01"));
  CHECK_FALSE(isValidDate("2023/01/01"));
  CHECK(isValidDateTime("2024-01-02T03:04:05Z"));
  CHECK(isValidDateTime("2024-01-02T03:04:05.1Z"));
  CHECK(isValidDateTime("2024-01-02T23:59:59.123456Z"));
  CHECK_FALSE(isValidDateTime("2024-01-02T03:04:05.1234567Z"));
  CHECK_FALSE(isValidDateTime("2024-01-02T03:04:05.Z"));
  CHECK_FALSE(isValidDateTime("2024-01-02T24:00:00Z"));
  CHECK_FALSE(isValidDateTime("2024-01-02T03:04:60Z"));
  CHECK_FALSE(isValidDateTime("2024-01-02 03:04:05Z"));
  CHECK_FALSE(isValidDateTime("2024-01-02T03:04:05"));
  CHECK_FALSE(isValidDateTime("2024-01-02T03:04:05+01:00"));
}

TEST_CASE("UUIDs are canonical lower case") {
  CHECK(canonicalUuid("123e4567-e89b-12d3-a456-426614174000") == "123e4567-e89b-12d3-a456-426614174000");
  CHECK(canonicalUuid("123E4567-E89B-12D3-A456-426614174000") == "123e4567-e89b-12d3-a456-426614174000");
  CHECK_FALSE(canonicalUuid("123e4567e89b12d3a456426614174000"));
  CHECK_FALSE(canonicalUuid("123e4567-e89b-12d3-a456-42661417400g"));
  CHECK_FALSE(canonicalUuid("{123e4567-e89b-12d3-a456-426614174000}"));
}
