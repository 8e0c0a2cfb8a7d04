// The front-end pipeline and import resolution. See driver.hpp.
#include "driver/driver.hpp"

#include "parse/parser.hpp"
#include "sema/sema.hpp"
#include "support/diagnostic_codes.hpp"
#include "support/memory_trim.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace ormc::driver {

namespace {

enum class VisitState { InProgress, Done };

class ImportLoader {
 public:
  ImportLoader(Compilation& compilation, PhaseTimes* times) : c_(compilation), times_(times) {}

  void visit(FileId id) {
    state_[id] = VisitState::InProgress;
    stack_.push_back(id);
    c_.files.push_back(parse::parseFile(c_.sources, id, c_.diagnostics, times_));
    // Copy: visiting imports appends to c_.files and may move this file's AST.
    std::vector<ast::ImportDecl> imports = c_.files.back().imports;
    for (const ast::ImportDecl& import : imports) follow(id, import);
    stack_.pop_back();
    state_[id] = VisitState::Done;
  }

  bool seen(FileId id) const { return state_.count(id) > 0; }

 private:
  void follow(FileId from, const ast::ImportDecl& import) {
    std::filesystem::path base = std::filesystem::path(c_.sources.displayName(from)).parent_path();
    std::string path = (base / import.path).lexically_normal().string();
    std::string reason;
    std::optional<FileId> target = c_.sources.loadFile(path, &reason);
    if (!target) {
      c_.diagnostics.error(codes::kImportNotFound, import.pathRange,
                           fmt::format("cannot read imported file '{}': {}", import.path, reason));
      return;
    }
    auto found = state_.find(*target);
    if (found == state_.end()) {
      visit(*target);
      return;
    }
    if (found->second == VisitState::Done) return;  // each file is read once
    std::string chain;
    auto start = std::find(stack_.begin(), stack_.end(), *target);
    for (auto it = start; it != stack_.end(); ++it) chain += c_.sources.displayName(*it) + " -> ";
    chain += c_.sources.displayName(*target);
    c_.diagnostics.error(codes::kImportCycle, import.pathRange, fmt::format("import cycle: {}", chain))
        .addHelp("move what both files need into a third file that both import");
  }

  Compilation& c_;
  PhaseTimes* times_;
  std::map<FileId, VisitState> state_;
  std::vector<FileId> stack_;
};

}  // namespace

Compilation compile(const Options& options) {
  Compilation c;
  PhaseTimes* times = options.timeReport ? &c.times : nullptr;
  ImportLoader loader(c, times);
  for (const std::string& input : options.inputs) {
    std::string reason;
    std::optional<FileId> id = c.sources.loadFile(input, &reason);
    if (!id) {
      c.ioErrors.push_back(fmt::format("cannot read '{}': {}", input, reason));
      continue;
    }
    if (!loader.seen(*id)) loader.visit(*id);
  }
  if (!c.ioErrors.empty() || c.files.empty()) return c;
  sema::Options semaOptions;
  semaOptions.targetSqlite = options.targetSqlite;
  semaOptions.targetMysql = options.targetMysql;
  {
    ScopedPhase phase(times, "trim");
    trimFreedMemory();  // the parse trees are gone: let sema reuse their pages
  }
  {
    ScopedPhase phase(times, "sema");
    c.schema = sema::analyze(c.files, semaOptions, c.diagnostics);
  }
  if (c.diagnostics.hasErrors()) c.schema.reset();
  return c;
}

std::string renderDiagnostics(const Compilation& c, DiagnosticsFormat format) {
  std::vector<Diagnostic> sorted = c.diagnostics.sorted();
  if (format == DiagnosticsFormat::Json) return renderJson(c.sources, sorted);
  std::string out = renderText(c.sources, sorted);
  std::string line = summary(c.diagnostics.errorCount(), c.diagnostics.warningCount());
  if (!line.empty()) out += fmt::format("ormc: {}\n", line);
  return out;
}

}  // namespace ormc::driver
