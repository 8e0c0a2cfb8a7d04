#include "ormc/query/run.hpp"

#include <array>
#include <atomic>
#include <memory>

namespace ormc::query {

namespace {

std::atomic<std::size_t> shapeCount{0};

using ShapeTexts = std::array<ShapeText, kShapeVariants>;
// Per thread, so that no lock is needed; each shape's texts stay where they are as more shapes
// come, so a returned reference holds until the thread ends.
thread_local std::vector<std::unique_ptr<ShapeTexts>> texts;

}  // namespace

std::size_t newQueryShape() { return shapeCount.fetch_add(1, std::memory_order_relaxed); }

ShapeText& shapeText(std::size_t shape, unsigned variant) {
  if (shape >= texts.size()) texts.resize(shape + 1);
  std::unique_ptr<ShapeTexts>& slot = texts[shape];
  if (!slot) slot = std::make_unique<ShapeTexts>();
  return (*slot)[variant];
}

ShapeText& scratchText() {
  thread_local ShapeText scratch;
  scratch.sql.clear();
  return scratch;
}

PreparedStatement prepareQuery(Connection& connection, const StatementSource& source, SelectMode mode) {
  PreparedStatement statement = connection.prepare(source.sql(source.query, connection.dialect(), mode));
  BindContext context{*statement};
  source.bind(source.query, context, mode);
  return statement;
}

std::string renderWrite(const Dialect& dialect, const WriteSource& source) {
  std::string sql;
  RenderContext context{dialect, sql};
  source.render(source.query, context);
  return sql;
}

std::int64_t executeWrite(Connection& connection, const WriteSource& source) {
  PreparedStatement statement = connection.prepare(renderWrite(connection.dialect(), source));
  BindContext context{*statement};
  source.bind(source.query, context);
  statement->step();
  return connection.changes();
}

}  // namespace ormc::query
