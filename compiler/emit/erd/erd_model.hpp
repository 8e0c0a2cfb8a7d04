// What an entity-relationship diagram shows, taken from the IR once for every drawing format:
// the tables (join tables included) with their columns, key markers and schema types, and one
// link per foreign key with the cardinality at each end. Knows no output syntax.
#pragma once

#include "ir/ir.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace ormc::emit::erd {

struct ErdOptions {
  // The schema file named in the banner ("blog.orm"), or "" for none.
  std::string source;
};

// How many rows at one end of a link go with one row at the other end.
enum class Cardinality { ExactlyOne, ZeroOrOne, ZeroOrMany };

struct ErdColumn {
  std::string name;   // SQL column name
  std::string type;   // schema type: "Int64", "String(255)", "Decimal(12,2)", an enum's name
  bool nullable = false;
  bool primaryKey = false;
  bool foreignKey = false;
  bool unique = false;  // alone in a unique constraint (a column of a composite one is not marked)
};

struct ErdTable {
  std::string name;  // SQL table name
  bool joinTable = false;
  std::vector<ErdColumn> columns;
};

// A foreign key drawn from the table that holds it to the table it references.
struct ErdLink {
  std::size_t from = 0;  // index into Erd::tables: the table with the foreign key
  std::size_t to = 0;    // the referenced table
  std::size_t fromColumn = 0;  // first column of the key, in `from`
  std::size_t toColumn = 0;    // first referenced column, in `to`
  Cardinality fromEnd = Cardinality::ZeroOrMany;  // rows of `from` per row of `to`
  Cardinality toEnd = Cardinality::ExactlyOne;    // rows of `to` per row of `from`
  std::string label;  // the relation field that holds the key, or the key's columns
};

struct Erd {
  std::string name;  // the schema's namespace, "acme.shop"
  std::vector<ErdTable> tables;  // Schema::entities order
  std::vector<ErdLink> links;    // by table, then foreign-key order
};

Erd buildErd(const ir::Schema& schema);

}  // namespace ormc::emit::erd
