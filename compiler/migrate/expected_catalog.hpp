// The catalog a database must hold after ormc created or migrated it to a schema: what
// `ormc migrate status` compares the live catalog with (drift, docs/migrations.md). It restates
// the DDL emitter's choices in the catalog's terms; it writes no SQL.
#pragma once

#include "emit/sql/dialect.hpp"
#include "ir/ir.hpp"
#include "ormc/catalog.hpp"

namespace ormc::migration {

// Every table of `schema` (models and many-to-many join tables) with its columns (types as
// `dialect` spells them, nullability), primary key, unique constraints and indexes (both are
// named indexes in either database's catalog) and foreign keys with both actions; sorted as
// readCatalog() sorts. The schema's own foreign-key constraint names are kept, though
// compareCatalogs() ignores them.
DatabaseCatalog expectedCatalog(const ir::Schema& schema, const emit::sql::Dialect& dialect);

}  // namespace ormc::migration
