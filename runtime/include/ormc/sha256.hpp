// SHA-256 (FIPS 180-4), for the checksums of migration files (orm.sum): written once by
// `ormc migrate diff`, verified by every runner before any SQL runs.
#pragma once

#include <string>
#include <string_view>

namespace ormc {

// The digest of `data` as 64 lowercase hex digits.
std::string sha256Hex(std::string_view data);

}  // namespace ormc
