// SELECT queries: db.query<User>() for whole entities, db.select(items...).from<User>() for
// columns, entities and aggregates. Each builder call returns a new query whose type records
// what was added, so that the SQL text is decided by the type (and, for IN lists, by their
// lengths): it is rendered once per query shape and dialect, and the connection keeps the
// statement compiled. Values are always bound.
//
// A query refers to its Database or Transaction and must not outlive it.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/error.hpp"
#include "ormc/pool.hpp"
#include "ormc/query/expression.hpp"
#include "ormc/query/include.hpp"
#include "ormc/query/join.hpp"
#include "ormc/query/projection.hpp"
#include "ormc/query/run.hpp"
#include "ormc/query/table.hpp"
#include "ormc/query/type_list.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc::query {

// The absence of a WHERE or HAVING condition.
struct NoCondition {
  static constexpr bool isExpression = true;
  static constexpr bool dynamicShape = false;
  using Value = bool;
  using Entities = TypeList<>;
  void render(RenderContext&) const {}
  void bind(BindContext&) const {}
};

// `condition` joined to `existing` with AND, or alone when there is none yet: what a second
// where() (or having()) call makes of the first.
template <class Existing, class Condition>
auto andAlso(const Existing& existing, Condition condition) {
  if constexpr (std::is_same_v<Existing, NoCondition>) {
    return condition;
  } else {
    return Logical<LogicOp::And, Existing, Condition>{existing, std::move(condition)};
  }
}

namespace detail {

template <class Joins>
struct JoinedEntities;
template <class... Js>
struct JoinedEntities<TypeList<Js...>> {
  using All = TypeList<typename Js::Target...>;
};

template <class Joins>
struct LeftJoinedEntities;
template <>
struct LeftJoinedEntities<TypeList<>> {
  using type = TypeList<>;
};
template <class J, class... Js>
struct LeftJoinedEntities<TypeList<J, Js...>> {
  using Rest = typename LeftJoinedEntities<TypeList<Js...>>::type;
  using type = std::conditional_t<J::kind == JoinKind::Left, Concat<TypeList<typename J::Target>, Rest>, Rest>;
};

template <class Tuple>
struct TupleDynamic;
template <class... Ts>
struct TupleDynamic<std::tuple<Ts...>> : std::bool_constant<(Ts::dynamicShape || ... || false)> {};

// The entities an item reads: its own for an expression, the entity of a query object.
template <class T>
struct EntitiesOf {
  using type = typename T::Entities;
};
template <class T>
  requires TableType<T>
struct EntitiesOf<T> {
  using type = TypeList<TableEntity<T>>;
};

template <class Tuple>
struct TupleEntities;
template <>
struct TupleEntities<std::tuple<>> {
  using type = TypeList<>;
};
template <class T, class... Ts>
struct TupleEntities<std::tuple<T, Ts...>> {
  using type = Concat<typename EntitiesOf<T>::type, typename TupleEntities<std::tuple<Ts...>>::type>;
};

template <class Item>
constexpr bool itemDynamic() {
  if constexpr (Expression<Item>) {
    return Item::dynamicShape;
  } else {
    return false;
  }
}

template <class Projection>
struct ProjectionTraits {
  static constexpr bool dynamicShape = false;
  using Entities = TypeList<>;
};
template <class... Items>
struct ProjectionTraits<TupleProjection<Items...>> {
  static constexpr bool dynamicShape = (itemDynamic<Items>() || ... || false);
  using Entities = typename TupleEntities<std::tuple<Items...>>::type;
};

template <class T>
inline constexpr bool isEntityProjection = false;
template <class T>
inline constexpr bool isEntityProjection<EntityProjection<T>> = true;

}  // namespace detail

// The rows of a query read one at a time (Query::stream()): an input range.
template <class Q>
class Cursor {
 public:
  using Row = typename Q::Row;

  Cursor(ConnectionHandle handle, PreparedStatement statement, typename Q::ProjectionType projection)
      : handle_(std::move(handle)), statement_(std::move(statement)), projection_(std::move(projection)) {}

  class iterator {
   public:
    using value_type = Row;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(Cursor* cursor) : cursor_(cursor) {}
    Row& operator*() const { return *cursor_->row_; }
    Row* operator->() const { return &*cursor_->row_; }
    iterator& operator++() {
      cursor_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) { return it.cursor_->done(); }

   private:
    Cursor* cursor_ = nullptr;
  };

  // Reads the first row; a cursor is read once.
  iterator begin() {
    advance();
    return iterator(this);
  }
  std::default_sentinel_t end() const noexcept { return {}; }

  // True once every row has been read.
  bool done() const noexcept { return !row_; }

 private:
  void advance() {
    if (statement_->step()) {
      row_ = projection_.template read<typename Q::LeftJoined>(*statement_);
    } else {
      row_.reset();
    }
  }

  ConnectionHandle handle_;  // declared first: the statement goes back to it before it goes
  PreparedStatement statement_;
  typename Q::ProjectionType projection_;
  std::optional<Row> row_;
};

namespace detail {
template <class Owner, class Row>
struct ResultOf {
  using type = Row;
};
template <class Owner, class Row>
  requires requires { typename Owner::template Adopted<Row>; }
struct ResultOf<Owner, Row> {
  using type = typename Owner::template Adopted<Row>;
};
}  // namespace detail

template <class Owner, class Root, class Projection, class Joins = TypeList<>, class Where = NoCondition,
          class Order = std::tuple<>, class Group = std::tuple<>, class Having = NoCondition,
          class Includes = TypeList<>>
class Query {
 public:
  // The entities whose columns the query may use: its root and every joined one.
  using Available = Concat<TypeList<Root>, typename detail::JoinedEntities<Joins>::All>;
  using LeftJoined = typename detail::LeftJoinedEntities<Joins>::type;
  // What one result row is: an entity, or a tuple of the selected items.
  using Row = typename Projection::template Row<LeftJoined>;
  // What all() returns per row: the row, or what the owner makes of an entity (a Session
  // returns Tracked<T>).
  using Result = typename detail::ResultOf<Owner, Row>::type;
  using ProjectionType = Projection;

  Query(Owner& owner, Projection projection) : owner_(&owner), projection_(std::move(projection)) {}
  Query(Owner* owner, Projection projection, Where where, Order order, Group group, Having having,
        std::optional<std::int64_t> limit, std::optional<std::int64_t> offset, bool distinct)
      : owner_(owner),
        projection_(std::move(projection)),
        where_(std::move(where)),
        order_(std::move(order)),
        group_(std::move(group)),
        having_(std::move(having)),
        limit_(limit),
        offset_(offset),
        distinct_(distinct) {}

  // ---- Building ----

  // Keeps the rows for which `condition` holds; several where() calls must all hold.
  template <class P>
  auto where(P&& condition) const {
    static_assert(Predicate<P>, "ormc: where() takes a condition (a comparison such as User.karma > 5), not a value");
    using Condition = std::remove_cvref_t<P>;
    auto both = andAlso(where_, Condition(std::forward<P>(condition)));
    return rebuild<Joins, decltype(both), Order, Group, Having, Includes>(std::move(both), order_, group_, having_);
  }

  // Adds the table at the other end of `relation` (a relation field of a model already in the
  // query), so that its columns can be used: db.query<Post>().join(q::Post.author).
  template <class R>
  auto join(R) const {
    return addJoin<R, JoinKind::Inner>();
  }
  // The same as a LEFT JOIN: rows without a related row are kept (its columns read as nullopt).
  template <class R>
  auto left_join(R) const {
    return addJoin<R, JoinKind::Left>();
  }

  // Sorts by columns or expressions, ascending unless given as .desc(); appends to earlier
  // order_by() calls.
  template <class... Es>
  auto order_by(Es&&... terms) const {
    auto added = std::tuple_cat(order_, std::tuple{orderTerm(std::forward<Es>(terms))...});
    return rebuild<Joins, Where, decltype(added), Group, Having, Includes>(where_, std::move(added), group_, having_);
  }

  template <class... Es>
  auto group_by(Es&&... columns) const {
    static_assert((Expression<Es> && ...), "ormc: group_by() takes columns (User.role)");
    auto added = std::tuple_cat(group_, std::tuple{std::remove_cvref_t<Es>(std::forward<Es>(columns))...});
    return rebuild<Joins, Where, Order, decltype(added), Having, Includes>(where_, order_, std::move(added), having_);
  }

  template <class P>
  auto having(P&& condition) const {
    static_assert(Predicate<P>, "ormc: having() takes a condition (count() > 2), not a value");
    using Condition = std::remove_cvref_t<P>;
    auto both = andAlso(having_, Condition(std::forward<P>(condition)));
    return rebuild<Joins, Where, Order, Group, decltype(both), Includes>(where_, order_, group_, std::move(both));
  }

  // Loads a relation of every result (and, given a path, relations of those): with one more
  // statement per relation, however many rows. include(q::User.posts, q::Post.tags).
  template <class... Rs>
  auto include(Rs...) const {
    static_assert(sizeof...(Rs) > 0, "ormc: include() takes at least one relation field");
    static_assert((RelationRefType<Rs> && ...),
                  "ormc: include() takes relation fields (User.posts), not columns or values");
    static_assert(detail::isEntityProjection<Projection>, "ormc: include() applies to db.query<T>(), not to select()");
    if constexpr ((RelationRefType<Rs> && ...)) {
      static_assert(pathStartsAt<Root, Rs...>(),
                    "ormc: include() takes a path of relations: the first of the query's model, each next one of the "
                    "model the previous one leads to (include(User.posts, Post.tags))");
    }
    using Added = Concat<Includes, TypeList<IncludePath<std::remove_cvref_t<Rs>...>>>;
    return rebuild<Joins, Where, Order, Group, Having, Added>(where_, order_, group_, having_);
  }

  Query limit(std::int64_t rows) const {
    Query copy = *this;
    copy.limit_ = rows;
    return copy;
  }
  Query offset(std::int64_t rows) const {
    Query copy = *this;
    copy.offset_ = rows;
    return copy;
  }
  Query distinct() const {
    Query copy = *this;
    copy.distinct_ = true;
    return copy;
  }

  // ---- Running ----

  std::vector<Result> all() const {
    checkEntities();
    if constexpr (detail::isEntityProjection<Projection>) {
      std::vector<Row> rows = run::entities<Owner, Root>(*owner_, source(), includeLoader());
      if constexpr (std::is_same_v<Result, Row>) {
        return rows;
      } else {
        return owner_->adopt(std::move(rows));
      }
    } else {
      return run::rows<Owner, Row>(*owner_, source(), &readProjection);
    }
  }

  // The first row, or nullopt. Reads one row only (LIMIT 1).
  std::optional<Result> first() const {
    std::vector<Result> rows = limit(1).all();
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }

  // The only row; throws NotFound if there is none and ormc::Error if there are several.
  Result one() const {
    std::vector<Result> rows = limit(2).all();
    if (rows.empty()) throw NotFound("ormc: one() found no row, in SQL: " + to_sql(kSqliteDialect));
    if (rows.size() > 1) throw Error("ormc: one() found more than one row, in SQL: " + to_sql(kSqliteDialect));
    return std::move(rows.front());
  }

  // The number of rows the query would return.
  std::int64_t count() const {
    checkEntities();
    return run::count(*owner_, source());
  }

  // Whether the query has a row; reads at most one.
  bool exists() const {
    checkEntities();
    return run::exists(*owner_, source());
  }

  // The rows one at a time as they are read, for a range-for loop:
  //   for (const User& user : db.query<User>().stream()) ...
  // The cursor keeps its connection (and, outside a transaction, a connection from the pool)
  // until it ends. (include() needs every row first; use all() for it.)
  auto stream() const {
    checkEntities();
    static_assert(std::is_same_v<Includes, TypeList<>>, "ormc: stream() reads rows one by one; include() needs all() instead");
    ConnectionHandle handle = owner_->connectionHandle();
    PreparedStatement statement = prepare(*handle, SelectMode::Rows);
    return Cursor<Query>(std::move(handle), std::move(statement), this->projection_);
  }

  // Calls `f(row)` for each row as it is read, without holding them all in memory.
  // (include() needs every row first; use all() for it.)
  template <class F>
  void for_each(F&& f) const {
    checkEntities();
    static_assert(std::is_same_v<Includes, TypeList<>>, "ormc: for_each() streams rows; include() needs all() instead");
    owner_->withConnection([&](Connection& connection) {
      PreparedStatement statement = prepare(connection, SelectMode::Rows);
      while (statement->step()) f(projection_.template read<LeftJoined>(*statement));
    });
  }

  // The statement this query runs, as the given database would receive it ('?' for values).
  std::string to_sql(const Dialect& dialect) const {
    checkEntities();
    std::string sql;
    RenderContext c{dialect, sql};
    render(c, SelectMode::Rows);
    return sql;
  }

  // For the query API's own use: renders and binds the statement on `connection`.
  PreparedStatement prepare(Connection& connection, SelectMode mode) const {
    return prepareQuery(connection, source(), mode);
  }

 private:
  template <class, class, class, class, class, class, class, class, class>
  friend class Query;

  static constexpr bool dynamicShape = Where::dynamicShape || Having::dynamicShape ||
                                       detail::TupleDynamic<Order>::value ||
                                       detail::ProjectionTraits<Projection>::dynamicShape;

  template <class NewJoins, class NewWhere, class NewOrder, class NewGroup, class NewHaving, class NewIncludes>
  auto rebuild(NewWhere where, NewOrder order, NewGroup group, NewHaving having) const {
    return Query<Owner, Root, Projection, NewJoins, NewWhere, NewOrder, NewGroup, NewHaving, NewIncludes>(
        owner_, projection_, std::move(where), std::move(order), std::move(group), std::move(having), limit_, offset_,
        distinct_);
  }

  template <class R, JoinKind Kind>
  auto addJoin() const {
    static_assert(RelationRefType<R>, "ormc: join() follows a relation field (Post.author), not a column or a value");
    if constexpr (RelationRefType<R>) {
      using Relation = std::remove_cvref_t<R>;
      static_assert(listContains<Available, typename Relation::Entity>,
                    "ormc: join() follows a relation of a model that is already in the query");
      static_assert(!listContains<Available, typename Relation::Target>,
                    "ormc: this model is already in the query; joining a table twice is not supported");
      return rebuild<Concat<Joins, TypeList<Join<Relation, Kind>>>, Where, Order, Group, Having, Includes>(
          where_, order_, group_, having_);
    }
  }

  template <class Entity, class First, class... Rest>
  static consteval bool pathStartsAt() {
    if constexpr (!std::is_same_v<typename First::Entity, Entity>) {
      return false;
    } else if constexpr (sizeof...(Rest) == 0) {
      return true;
    } else {
      return pathStartsAt<typename First::Target, Rest...>();
    }
  }

  static constexpr void checkEntities() {
    static_assert(subsetOf<typename Where::Entities, Available>,
                  "ormc: where() uses a column of a model that is not in this query (join() its relation first)");
    static_assert(subsetOf<typename detail::TupleEntities<Order>::type, Available>,
                  "ormc: order_by() uses a column of a model that is not in this query (join() its relation first)");
    static_assert(subsetOf<typename detail::ProjectionTraits<Projection>::Entities, Available>,
                  "ormc: select() names a column of a model that is not in this query (join() its relation first)");
    static_assert(subsetOf<typename detail::TupleEntities<Group>::type, Available>,
                  "ormc: group_by() uses a column of a model that is not in this query");
    static_assert(subsetOf<typename Having::Entities, Available>,
                  "ormc: having() uses a column of a model that is not in this query");
  }

  HashedSql sqlFor(const Dialect& dialect, SelectMode mode) const {
    if constexpr (dynamicShape) {
      // The text changes from call to call: no memo.
      ShapeText& text = scratchText();
      renderInto(text.sql, dialect, mode);
      return HashedSql::of(text.sql);
    } else {
      // Everything but the dialect, the mode, LIMIT/OFFSET presence and DISTINCT is in the type.
      static const std::size_t shape = newQueryShape();
      const unsigned variant = (dialect.kind() == DialectKind::Sqlite ? 0u : 24u) + static_cast<unsigned>(mode) * 8u +
                               (limit_ ? 4u : 0u) + (offset_ ? 2u : 0u) + (distinct_ ? 1u : 0u);
      ShapeText& text = shapeText(shape, variant);
      if (text.sql.empty()) {
        renderInto(text.sql, dialect, mode);
        text.seal();
      }
      return text.hashed();
    }
  }

  // Rendering runs once per shape and thread: kept out of the callers and compiled for size.
  void renderInto(std::string& sql, const Dialect& dialect, SelectMode mode) const {
    RenderContext c{dialect, sql};
    render(c, mode);
  }

  [[gnu::cold, gnu::noinline]] void renderFrom(RenderContext& c) const {
    c.sql += " FROM ";
    c.dialect.appendIdentifier(c.sql, meta::Model<Root>::table);
    renderJoins(c, Joins{});
    if constexpr (!std::is_same_v<Where, NoCondition>) {
      c.sql += " WHERE ";
      where_.render(c);
    }
    if constexpr (std::tuple_size_v<Group> > 0) {
      c.sql += " GROUP BY ";
      renderList(c, group_);
    }
    if constexpr (!std::is_same_v<Having, NoCondition>) {
      c.sql += " HAVING ";
      having_.render(c);
    }
  }

  template <class... Js>
  static void renderJoins(RenderContext& c, TypeList<Js...>) {
    (Js{}.render(c), ...);
  }

  template <class Tuple>
  static void renderList(RenderContext& c, const Tuple& items) {
    bool first = true;
    std::apply([&](const auto&... item) { ((c.sql += first ? "" : ", ", first = false, item.render(c)), ...); }, items);
  }

  [[gnu::cold, gnu::noinline]] void renderRows(RenderContext& c) const {
    c.sql += distinct_ ? "SELECT DISTINCT " : "SELECT ";
    projection_.render(c);
    renderFrom(c);
    if constexpr (std::tuple_size_v<Order> > 0) {
      c.sql += " ORDER BY ";
      renderList(c, order_);
    }
    if (limit_) {
      c.sql += " LIMIT ?";
    } else if (offset_) {
      // Neither database takes OFFSET alone: "no limit" is spelled.
      c.sql += c.dialect.kind() == DialectKind::Sqlite ? " LIMIT -1" : " LIMIT 18446744073709551615";
    }
    if (offset_) c.sql += " OFFSET ?";
  }

  [[gnu::cold, gnu::noinline]] void render(RenderContext& c, SelectMode mode) const {
    switch (mode) {
      case SelectMode::Rows:
        renderRows(c);
        return;
      case SelectMode::Count:
        if (!distinct_ && !limit_ && !offset_ && std::tuple_size_v<Group> == 0 &&
            detail::isEntityProjection<Projection>) {
          c.sql += "SELECT COUNT(*)";
          renderFrom(c);
        } else {
          c.sql += "SELECT COUNT(*) FROM (";
          renderRows(c);
          c.sql += ") AS ";
          c.dialect.appendIdentifier(c.sql, "ormc_counted");
        }
        return;
      case SelectMode::Exists:
        c.sql += "SELECT 1";
        renderFrom(c);
        c.sql += " LIMIT 1";
        return;
    }
  }

  void bindRows(BindContext& b) const {
    projection_.bind(b);
    where_.bind(b);
    std::apply([&](const auto&... item) { (item.bind(b), ...); }, group_);
    having_.bind(b);
    std::apply([&](const auto&... item) { (item.bind(b), ...); }, order_);
    if (limit_) bindValue(b.statement, b.index++, *limit_);
    if (offset_) bindValue(b.statement, b.index++, *offset_);
  }

  void bind(BindContext& b, SelectMode mode) const {
    const bool plainCount = !distinct_ && !limit_ && !offset_ && std::tuple_size_v<Group> == 0 &&
                            detail::isEntityProjection<Projection>;
    if (mode == SelectMode::Rows || (mode == SelectMode::Count && !plainCount)) {
      bindRows(b);
      return;
    }
    where_.bind(b);
    std::apply([&](const auto&... item) { (item.bind(b), ...); }, group_);
    having_.bind(b);
  }

  StatementSource source() const {
    return StatementSource{
        this,
        [](const void* self, const Dialect& dialect, SelectMode mode) {
          return static_cast<const Query*>(self)->sqlFor(dialect, mode);
        },
        [](const void* self, BindContext& b, SelectMode mode) { static_cast<const Query*>(self)->bind(b, mode); }};
  }

  static Row readProjection(Statement& statement) { return Projection::template read<LeftJoined>(statement); }

  static void loadIncludes(Connection& connection, std::vector<Root>& rows) {
    [&]<class... Paths>(TypeList<Paths...>) { (loadInclude(connection, rows, Paths{}), ...); }(Includes{});
  }
  static run::IncludeLoader<Root> includeLoader() {
    if constexpr (std::is_same_v<Includes, TypeList<>>) {
      return nullptr;
    } else {
      return &loadIncludes;
    }
  }

  Owner* owner_;
  Projection projection_;
  Where where_{};
  Order order_{};
  Group group_{};
  Having having_{};
  std::optional<std::int64_t> limit_;
  std::optional<std::int64_t> offset_;
  bool distinct_ = false;
};

// db.select(items...): waits for from<Root>() to name the table the query starts from.
template <class Owner, class... Items>
class SelectBuilder {
 public:
  SelectBuilder(Owner& owner, Items... items) : owner_(&owner), items_(std::move(items)...) {}

  template <Entity Root>
  auto from() const {
    using Projection = TupleProjection<Items...>;
    return Query<Owner, Root, Projection>(*owner_, Projection{items_});
  }

 private:
  Owner* owner_;
  std::tuple<Items...> items_;
};

}  // namespace ormc::query
