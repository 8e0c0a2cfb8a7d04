// Synthetic schemas for the compiler-speed benchmark: N models written as an `.orm` file
// (LANGUAGE.md v1) and as the equivalent proto3 file, so ormc and protoc read comparable input.
// Deterministic: the same N always gives the same bytes. Knows nothing of the compiler.
#pragma once

#include <filesystem>
#include <string>

namespace ormc::bench {

// Both renderings of one synthetic schema.
struct SyntheticSchema {
  std::string orm;    // `schema bench;`, enums, then N models of 20 columns each
  std::string proto;  // proto3, package bench, the same enums and N messages
};

// Generates the schema with `models` models (>= 1). Model i > 0 has a many-to-one relation to
// model (i-1)/2, and every model has the inverse `[]` field of each of its children, so the
// relation graph is a binary tree; one enum per 20 models (at least one).
// Throws std::invalid_argument if models < 1 or > 99999 (names have five digits).
SyntheticSchema generateSchema(int models);

// Paths of the files writeSchemaFiles() wrote.
struct SchemaFiles {
  std::filesystem::path orm;
  std::filesystem::path proto;
};

// Writes bench_<N>.orm and bench_<N>.proto into `dir` (created if missing), replacing old ones.
// Throws std::runtime_error naming the file if it cannot be written.
SchemaFiles writeSchemaFiles(int models, const std::filesystem::path& dir);

}  // namespace ormc::bench
