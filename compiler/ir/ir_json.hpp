// The IR as JSON: `ormc ir --json`, IR golden files, and migration snapshots.
// Keys are in a fixed order and cross-references are spelled as names, so the output is
// stable, diffable and readable without the schema at hand. Source positions are left out.
#pragma once

#include "ir/ir.hpp"

#include <nlohmann/json.hpp>

namespace ormc::ir {

nlohmann::ordered_json toJson(const Schema& schema);

// The schema toJson() wrote, read back (a migration's snapshot.json). Throws
// std::runtime_error naming the part of the document that is missing or wrong.
// Source positions are not in the document: every `origin` is empty.
Schema fromJson(const nlohmann::ordered_json& json);

}  // namespace ormc::ir
