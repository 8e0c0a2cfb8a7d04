// Literal values checked against the types that store them, and put in canonical form:
// integers in range, decimals that fit Decimal(p,s), dates, date-times and UUIDs. Pure
// functions with no diagnostics, so every rule here is easy to test on its own.
#pragma once

#include "ir/ir.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ormc::sema::literals {

// `digits` (no sign) with `negative`, as the canonical integer text ("-12", "0"), or
// nullopt if it does not fit `kind` (Int32 or Int64).
std::optional<std::string> canonicalInteger(bool negative, std::string_view digits, ir::ScalarKind kind);

enum class DecimalFit { Ok, TooManyFractionDigits, TooManyIntegerDigits };

struct DecimalResult {
  DecimalFit fit = DecimalFit::Ok;
  std::string canonical;  // exactly `scale` fraction digits ("0.00"; "5" when scale is 0)
};

// `text` is "digits" or "digits.digits" (no sign). The value fits Decimal(precision, scale)
// when it has at most `scale` fraction digits and `precision - scale` integer digits.
DecimalResult canonicalDecimal(bool negative, std::string_view text, std::uint32_t precision, std::uint32_t scale);

// `text` ("digits" or "digits.digits", no sign) as a double's literal, or nullopt if it is
// not finite. The form kept is the one written, with redundant leading zeros removed.
std::optional<std::string> canonicalFloat(bool negative, std::string_view text);

// "YYYY-MM-DD", a real calendar date with year 0001..9999.
bool isValidDate(std::string_view text);
// "YYYY-MM-DDTHH:MM:SS" with an optional fraction of 1 to 6 digits, then "Z".
bool isValidDateTime(std::string_view text);
// 8-4-4-4-12 hex digits, lower-cased; nullopt if `text` is not a UUID in that form.
std::optional<std::string> canonicalUuid(std::string_view text);

}  // namespace ormc::sema::literals
