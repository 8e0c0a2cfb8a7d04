// The IR as JSON: `ormc ir --json`, IR golden files, and (later) migration snapshots.
// Keys are in a fixed order and cross-references are spelled as names, so the output is
// stable, diffable and readable without the schema at hand. Source positions are left out.
#pragma once

#include "ir/ir.hpp"

#include <nlohmann/json.hpp>

namespace ormc::ir {

nlohmann::ordered_json toJson(const Schema& schema);

}  // namespace ormc::ir
