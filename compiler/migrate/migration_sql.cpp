// The SQL of a migration per dialect. See migration_sql.hpp.
#include "migrate/migration_sql.hpp"

#include "emit/sql/ddl_emitter.hpp"
#include "emit/sql/table_order.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace ormc::migration {

namespace {

using ir::kNone;

// CREATE TABLE text without its ';' and final newline.
std::string statementOf(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ';')) text.pop_back();
  return text;
}

class Writer {
 public:
  Writer(const ir::Schema& before, const ir::Schema& after, const Diff& diff, const emit::sql::Dialect& dialect)
      : before_(before), after_(after), diff_(diff), dialect_(dialect), ddl_(after, dialect) {}

 protected:
  std::string q(const std::string& name) const { return dialect_.quoteIdentifier(name); }
  std::string alter(const Operation& op) const { return "ALTER TABLE " + q(op.table) + " "; }
  const ir::Entity& newEntity(const Operation& op) const { return after_.entities.at(op.entity); }

  // The new-schema entity that continues the old schema's entity `old`, or kNone (dropped).
  std::size_t newEntityOfOld(std::size_t old) const {
    for (std::size_t n = 0; n < diff_.match.entity.size(); ++n) {
      if (diff_.match.entity[n] == old) return n;
    }
    return kNone;
  }

  // (entity, column) of the new schema whose type is the enum `name`.
  std::vector<std::pair<std::size_t, std::size_t>> columnsOfEnum(const std::string& name) const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t e = 0; e < after_.entities.size(); ++e) {
      const ir::Entity& entity = after_.entities[e];
      for (std::size_t c = 0; c < entity.columns.size(); ++c) {
        const ir::Column& column = entity.columns[c];
        if (column.type.kind == ir::ScalarKind::Enum && after_.enums.at(column.type.enumIndex).name == name) {
          out.emplace_back(e, c);
        }
      }
    }
    return out;
  }

  const ir::Schema& before_;
  const ir::Schema& after_;
  const Diff& diff_;
  const emit::sql::Dialect& dialect_;
  const emit::sql::TableDdl ddl_;
  MigrationSql out_;
};

class MysqlWriter : public Writer {
 public:
  using Writer::Writer;

  MigrationSql run() {
    for (const Operation& op : diff_.operations) {
      if (op.kind == OperationKind::CreateTable) notCreatedYet_.insert(op.entity);
    }
    const std::vector<std::pair<std::size_t, std::size_t>> suspended = foreignKeysToSuspend();
    collectKeyColumnClauses();
    bool keysDropped = false;
    for (const Operation& op : diff_.operations) {
      if (!keysDropped && op.kind != OperationKind::DropForeignKey) {
        // Dropped after the diff's own drops and added again at the end.
        for (auto [entity, key] : suspended) {
          add("ALTER TABLE " + q(before_.entities[entity].table) + " DROP FOREIGN KEY " +
              q(before_.entities[entity].foreignKeys[key].name));
        }
        keysDropped = true;
      }
      if (!movedIntoKeyChange_.count(&op)) write(op);
    }
    for (auto [entity, key] : suspended) {
      const std::size_t now = newEntityOfOld(entity);
      const ir::Entity& e = after_.entities[now];
      for (const ir::ForeignKey& fk : e.foreignKeys) {
        if (fk.name == before_.entities[entity].foreignKeys[key].name) {
          add("ALTER TABLE " + q(e.table) + " ADD " + ddl_.foreignKey(e, fk));
        }
      }
    }
    return std::move(out_);
  }

 private:
  void add(std::string statement) { out_.statements.push_back(std::move(statement)); }

  // Foreign keys of the old schema (entity, key) that the migration keeps but MySQL would not let
  // it change around them: a key on a column (either end) whose type changes, and a key whose
  // index (an index or primary key that starts with its columns, at either end) is dropped.
  std::vector<std::pair<std::size_t, std::size_t>> foreignKeysToSuspend() const {
    std::set<std::pair<std::size_t, std::size_t>> retyped;  // old (entity, column)
    std::set<std::pair<std::size_t, std::string>> replaced;  // old (entity, key name) the diff drops
    std::vector<std::pair<std::size_t, std::vector<std::size_t>>> droppedIndexes;  // old entity, columns
    for (const Operation& op : diff_.operations) {
      if (op.kind == OperationKind::AlterColumn && op.change.type) retyped.insert({op.beforeEntity, op.beforeItem});
      if (op.kind == OperationKind::DropForeignKey) replaced.insert({op.entity, op.name});
      if (op.kind == OperationKind::DropIndex) droppedIndexes.push_back({op.entity, before_.entities[op.entity].indexes[op.item].columns});
      if (op.kind == OperationKind::ChangePrimaryKey) {
        droppedIndexes.push_back({op.beforeEntity, before_.entities[op.beforeEntity].primaryKey.columns});
      }
    }
    auto leads = [](const std::vector<std::size_t>& key, const std::vector<std::size_t>& index) {
      return key.size() <= index.size() && std::equal(key.begin(), key.end(), index.begin());
    };
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t e = 0; e < before_.entities.size(); ++e) {
      if (newEntityOfOld(e) == kNone) continue;
      for (std::size_t k = 0; k < before_.entities[e].foreignKeys.size(); ++k) {
        const ir::ForeignKey& fk = before_.entities[e].foreignKeys[k];
        if (replaced.count({e, fk.name}) || newEntityOfOld(fk.targetEntity) == kNone) continue;
        bool touched = false;
        for (std::size_t c : fk.columns) touched = touched || retyped.count({e, c});
        for (std::size_t c : fk.targetColumns) touched = touched || retyped.count({fk.targetEntity, c});
        for (const auto& [entity, columns] : droppedIndexes) {
          touched = touched || (entity == e && leads(fk.columns, columns)) ||
                    (entity == fk.targetEntity && leads(fk.targetColumns, columns));
        }
        if (touched) out.emplace_back(e, k);
      }
    }
    return out;
  }

  // An AUTO_INCREMENT column must be a key at every moment, so when the primary key changes,
  // adding, changing or dropping an auto-increment column of that table happens in the same
  // ALTER TABLE as the key change.
  void collectKeyColumnClauses() {
    std::set<std::size_t> keyChanges;  // new-schema entities
    for (const Operation& op : diff_.operations) {
      if (op.kind == OperationKind::ChangePrimaryKey) keyChanges.insert(op.entity);
    }
    for (const Operation& op : diff_.operations) {
      std::size_t entity = kNone;
      std::string clause;
      if (op.kind == OperationKind::AddColumn && newEntity(op).columns.at(op.item).autoincrement) {
        entity = op.entity;
        clause = "ADD COLUMN " + ddl_.columnDefinition(newEntity(op), op.item);
      } else if (op.kind == OperationKind::AlterColumn &&
                 (newEntity(op).columns.at(op.item).autoincrement ||
                  before_.entities.at(op.beforeEntity).columns.at(op.beforeItem).autoincrement)) {
        entity = op.entity;
        clause = "MODIFY COLUMN " + ddl_.columnDefinition(newEntity(op), op.item);
      } else if (op.kind == OperationKind::DropColumn && before_.entities.at(op.entity).columns.at(op.item).autoincrement) {
        entity = newEntityOfOld(op.entity);
        clause = "DROP COLUMN " + q(op.name);
      }
      if (entity == kNone || !keyChanges.count(entity)) continue;
      keyColumnClauses_[entity].push_back(clause);
      movedIntoKeyChange_.insert(&op);
    }
  }

  // CREATE TABLE without the keys to tables this migration has not created yet (a cycle among
  // new tables); they are added once their targets exist.
  void createTable(std::size_t entity) {
    notCreatedYet_.erase(entity);
    const ir::Entity& e = after_.entities[entity];
    std::vector<std::size_t> skipped;
    for (std::size_t k = 0; k < e.foreignKeys.size(); ++k) {
      if (notCreatedYet_.count(e.foreignKeys[k].targetEntity)) {
        skipped.push_back(k);
        waiting_.push_back({entity, k});
      }
    }
    add(statementOf(ddl_.createTable(entity, skipped)));
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      const ir::Entity& owner = after_.entities[it->entity];
      const ir::ForeignKey& fk = owner.foreignKeys[it->foreignKey];
      if (notCreatedYet_.count(fk.targetEntity)) {
        ++it;
        continue;
      }
      add("ALTER TABLE " + q(owner.table) + " ADD " + ddl_.foreignKey(owner, fk));
      it = waiting_.erase(it);
    }
  }

  std::map<std::size_t, std::vector<std::string>> keyColumnClauses_;  // per new-schema entity
  std::set<const Operation*> movedIntoKeyChange_;
  std::set<std::size_t> notCreatedYet_;              // new-schema entities the migration creates later
  std::vector<emit::sql::ForeignKeyRef> waiting_;  // keys of created tables whose targets are not

  void modify(std::size_t entity, std::size_t column) {
    const ir::Entity& e = after_.entities[entity];
    add("ALTER TABLE " + q(e.table) + " MODIFY COLUMN " + ddl_.columnDefinition(e, column));
  }

  void write(const Operation& op) {
    switch (op.kind) {
      case OperationKind::DropForeignKey: return add(alter(op) + "DROP FOREIGN KEY " + q(op.name));
      case OperationKind::DropIndex: return add(alter(op) + "DROP INDEX " + q(op.name));
      case OperationKind::DropCheck: return add(alter(op) + "DROP CONSTRAINT " + q(op.name));
      case OperationKind::RenameTable: return add("RENAME TABLE " + q(op.from) + " TO " + q(op.name));
      case OperationKind::RenameColumn: return add(alter(op) + "RENAME COLUMN " + q(op.from) + " TO " + q(op.name));
      case OperationKind::CreateTable: return createTable(op.entity);
      case OperationKind::AddEnumValues:
      case OperationKind::RemoveEnumValues:
        // MySQL's ENUM type lists the values: each column of the enum gets the new list. A row
        // holding a removed value makes the statement fail (strict mode), so nothing is lost.
        for (auto [entity, column] : columnsOfEnum(op.name)) {
          if (diff_.match.entity.at(entity) != kNone) modify(entity, column);
        }
        return;
      case OperationKind::AddColumn: return add(alter(op) + "ADD COLUMN " + ddl_.columnDefinition(newEntity(op), op.item));
      case OperationKind::AlterColumn: {
        const ir::Column& was = before_.entities.at(op.beforeEntity).columns.at(op.beforeItem);
        const ir::Column& now = newEntity(op).columns.at(op.item);
        const std::string fill = dialect_.defaultClause(after_, now);
        if (was.nullable && !now.nullable && !fill.empty()) {
          add("UPDATE " + q(op.table) + " SET " + q(now.name) + " = " + fill + " WHERE " + q(now.name) + " IS NULL");
        }
        return modify(op.entity, op.item);
      }
      case OperationKind::DropColumn: return add(alter(op) + "DROP COLUMN " + q(op.name));
      case OperationKind::ChangePrimaryKey: {
        std::string clauses;
        for (const std::string& clause : keyColumnClauses_[op.entity]) clauses += clause + ", ";
        return add(alter(op) + "DROP PRIMARY KEY, " + clauses + "ADD " + ddl_.primaryKey(newEntity(op)));
      }
      case OperationKind::DropTable: return add("DROP TABLE " + q(op.table));
      case OperationKind::AddIndex:
        return add(alter(op) + "ADD " + ddl_.uniqueOrIndex(newEntity(op), newEntity(op).indexes.at(op.item)));
      case OperationKind::AddForeignKey:
        return add(alter(op) + "ADD " + ddl_.foreignKey(newEntity(op), newEntity(op).foreignKeys.at(op.item)));
      case OperationKind::AddCheck:
        return add(alter(op) + "ADD " + ddl_.check(newEntity(op), newEntity(op).checks.at(op.item)));
    }
  }
};

class SqliteWriter : public Writer {
 public:
  using Writer::Writer;

  MigrationSql run() {
    findRebuilds();
    // Renames first, in place: SQLite then follows them in other tables' foreign keys too.
    for (const Operation& op : diff_.operations) {
      if (op.kind == OperationKind::RenameTable) add("ALTER TABLE " + q(op.from) + " RENAME TO " + q(op.name));
    }
    for (const Operation& op : diff_.operations) {
      if (op.kind == OperationKind::RenameTable || rebuilt(op)) continue;
      write(op);
    }
    for (std::size_t entity : rebuildOrder()) rebuild(entity);
    out_.foreignKeysOff = !rebuilds_.empty();
    return std::move(out_);
  }

 private:
  void add(std::string statement) { out_.statements.push_back(std::move(statement)); }

  // The new-schema entity an operation is about, or kNone (a dropped table, an enum).
  std::size_t newEntityOf(const Operation& op) const {
    if (op.kind == OperationKind::AddEnumValues || op.kind == OperationKind::RemoveEnumValues) return kNone;
    return op.before ? newEntityOfOld(op.entity) : op.entity;
  }

  bool rebuilt(const Operation& op) const {
    const std::size_t entity = newEntityOf(op);
    return entity != kNone && rebuilds_.count(entity) > 0;
  }

  // ALTER TABLE ADD COLUMN takes a column that is not part of the key, has no default computed
  // at insert time, and can be filled (nullable, or with a default).
  bool addable(const ir::Entity& entity, std::size_t column) const {
    const ir::Column& c = entity.columns.at(column);
    const bool key = std::find(entity.primaryKey.columns.begin(), entity.primaryKey.columns.end(), column) !=
                     entity.primaryKey.columns.end();
    return !key && !c.autoincrement && c.defaultValue.kind != ir::DefaultKind::Now &&
           (c.nullable || !dialect_.defaultClause(after_, c).empty());
  }

  void findRebuilds() {
    for (const Operation& op : diff_.operations) {
      switch (op.kind) {
        case OperationKind::DropForeignKey:
        case OperationKind::DropCheck:
        case OperationKind::AlterColumn:
        case OperationKind::DropColumn:
        case OperationKind::ChangePrimaryKey:
        case OperationKind::AddForeignKey:
        case OperationKind::AddCheck:
          if (std::size_t entity = newEntityOf(op); entity != kNone) rebuilds_.insert(entity);
          break;
        case OperationKind::AddColumn:
          if (!addable(newEntity(op), op.item)) rebuilds_.insert(op.entity);
          break;
        case OperationKind::AddEnumValues:
        case OperationKind::RemoveEnumValues:
          // The values are a CHECK of each column of the enum.
          for (auto [entity, column] : columnsOfEnum(op.name)) {
            if (diff_.match.entity.at(entity) != kNone) rebuilds_.insert(entity);
          }
          break;
        default:
          break;
      }
    }
  }

  // Parents first, so the copy order reads naturally (foreign keys are off during it).
  std::vector<std::size_t> rebuildOrder() const {
    std::vector<std::size_t> order;
    std::set<std::size_t> done;
    std::function<void(std::size_t)> visit = [&](std::size_t e) {
      if (!done.insert(e).second) return;
      for (const ir::ForeignKey& fk : after_.entities[e].foreignKeys) {
        if (rebuilds_.count(fk.targetEntity)) visit(fk.targetEntity);
      }
      order.push_back(e);
    };
    for (std::size_t e : rebuilds_) visit(e);
    return order;
  }

  void write(const Operation& op) {
    switch (op.kind) {
      case OperationKind::DropIndex: return add("DROP INDEX " + q(op.name));
      case OperationKind::RenameColumn:
        return add("ALTER TABLE " + q(op.table) + " RENAME COLUMN " + q(op.from) + " TO " + q(op.name));
      case OperationKind::CreateTable: {
        const ir::Entity& entity = newEntity(op);
        add(statementOf(ddl_.createTable(op.entity)));
        for (const ir::Index& index : entity.indexes) add(ddl_.createIndex(entity, index));
        return;
      }
      case OperationKind::AddColumn:
        return add("ALTER TABLE " + q(op.table) + " ADD COLUMN " + ddl_.columnDefinition(newEntity(op), op.item));
      case OperationKind::DropTable: return add("DROP TABLE " + q(op.table));
      case OperationKind::AddIndex: return add(ddl_.createIndex(newEntity(op), newEntity(op).indexes.at(op.item)));
      default:
        return;  // the rest changes a table that findRebuilds() chose for a rebuild
    }
  }

  // SQLite's table rebuild, the new table created under a temporary name and renamed into place.
  void rebuild(std::size_t entityIndex) {
    const ir::Entity& entity = after_.entities[entityIndex];
    const ir::Entity& old = before_.entities.at(diff_.match.entity.at(entityIndex));
    const std::vector<std::size_t>& source = diff_.match.column.at(entityIndex);
    const std::string temporary = "ormc_new_" + entity.table;
    add(statementOf(ddl_.createTable(entityIndex, {}, temporary)));
    std::string columns, values;
    for (std::size_t c = 0; c < entity.columns.size(); ++c) {
      if (source.at(c) == kNone) continue;  // a new column takes its default
      const ir::Column& now = entity.columns[c];
      const ir::Column& was = old.columns.at(source[c]);
      std::string value = q(was.name);
      const std::string fill = dialect_.defaultClause(after_, now);
      if (was.nullable && !now.nullable && !fill.empty()) value = "COALESCE(" + value + ", " + fill + ")";
      columns += (columns.empty() ? "" : ", ") + q(now.name);
      values += (values.empty() ? "" : ", ") + value;
    }
    if (!columns.empty()) {
      add("INSERT INTO " + q(temporary) + " (" + columns + ") SELECT " + values + " FROM " + q(entity.table));
    }
    add("DROP TABLE " + q(entity.table));
    add("ALTER TABLE " + q(temporary) + " RENAME TO " + q(entity.table));
    for (const ir::Index& index : entity.indexes) add(ddl_.createIndex(entity, index));
  }

  std::set<std::size_t> rebuilds_;  // new-schema entities
};

}  // namespace

MigrationSql migrationSql(const ir::Schema& before, const ir::Schema& after, const Diff& diff,
                          const emit::sql::Dialect& dialect) {
  if (dialect.name() == "sqlite") return SqliteWriter(before, after, diff, dialect).run();
  return MysqlWriter(before, after, diff, dialect).run();
}

std::string migrationScript(const MigrationSql& sql, const Diff& diff, const emit::sql::Dialect& dialect) {
  std::string out = "-- Migration generated by ormc for " + std::string(dialect.displayName()) + ".\n";
  std::vector<const Operation*> destructive = diff.destructive();
  if (!destructive.empty()) {
    out += "-- DESTRUCTIVE: this migration loses data:\n";
    for (const Operation* op : destructive) out += "--   " + describe(*op) + ": " + op->loss + "\n";
  }
  for (const std::string& note : diff.notes) out += "-- Note: " + note + "\n";
  if (sql.foreignKeysOff) {
    out += "-- ormc: foreign-keys-off (a table is rebuilt: the runner turns foreign keys off around the "
           "transaction and checks them before it commits)\n";
  }
  for (const std::string& statement : sql.statements) out += statement + ";\n";
  return out;
}

}  // namespace ormc::migration
