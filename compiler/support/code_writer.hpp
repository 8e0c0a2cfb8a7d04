// Writes generated text with $var$ substitution and managed indentation (the idea of
// protobuf's io::Printer, cut to what ormc needs). Emitters build every generated file
// with it, so indentation and spacing come out the same everywhere.
//
//   CodeWriter w;
//   w.emit("struct $name$ {\n", {{"name", "User"}});
//   { auto in = w.indent(); w.emit("std::int64_t id = 0;\n"); }
//   w.emit("};\n");
//
// "$$" writes one '$'. A $var$ that is not given is an internal error (std::logic_error),
// never silently empty.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ormc {

class CodeWriter {
 public:
  using Vars = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  explicit CodeWriter(int indentStep = 2) : step_(indentStep) {}

  // Appends `text` with its variables replaced; each line that is not empty starts with
  // the current indentation.
  void emit(std::string_view text, Vars vars = {});

  // Indents by one step until the returned guard goes out of scope.
  class IndentGuard {
   public:
    explicit IndentGuard(CodeWriter& writer) : writer_(&writer) { writer_->depth_ += writer_->step_; }
    ~IndentGuard() {
      if (writer_) writer_->depth_ -= writer_->step_;
    }
    IndentGuard(IndentGuard&& other) noexcept : writer_(std::exchange(other.writer_, nullptr)) {}
    IndentGuard(const IndentGuard&) = delete;
    IndentGuard& operator=(const IndentGuard&) = delete;
    IndentGuard& operator=(IndentGuard&&) = delete;

   private:
    CodeWriter* writer_;
  };
  [[nodiscard]] IndentGuard indent() { return IndentGuard(*this); }

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void put(std::string_view piece);

  std::string out_;
  int step_;
  int depth_ = 0;
  bool atLineStart_ = true;
};

}  // namespace ormc
