// TokenFilter: lexer error tokens -> diagnostics, newline folding, nesting bound.
#include "parse/token_filter.hpp"

#include "OrmLexer.h"
#include "support/diagnostic_codes.hpp"
#include "support/utf8.hpp"

#include <fmt/format.h>

namespace ormc::parse {

using grammar::OrmLexer;

namespace {

std::string describeCharacter(char32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return fmt::format("'{}'", static_cast<char>(cp));
  std::string text;
  if (cp > 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)) {
    utf8::append(text, cp);
    return fmt::format("'{}' (U+{:04X})", text, static_cast<std::uint32_t>(cp));
  }
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp));
}

}  // namespace

// Error recovery copies the source of the token at hand into the tokens it conjures, and
// dereferences it: a token we make up needs one like the lexer's.
std::unique_ptr<antlr4::CommonToken> TokenFilter::syntheticToken(std::size_t type) {
  return std::make_unique<antlr4::CommonToken>(std::make_pair<antlr4::TokenSource*, antlr4::CharStream*>(this, getInputStream()),
                                               type, antlr4::Token::DEFAULT_CHANNEL, 0, 0);
}

std::unique_ptr<antlr4::Token> TokenFilter::endOfInput() {
  truncated_ = true;
  auto eof = syntheticToken(antlr4::Token::EOF);
  std::size_t end = text_.codePoints().size();
  eof->setStartIndex(end);
  eof->setStopIndex(end - 1);
  eof->setLine(lexer_.getLine());
  eof->setCharPositionInLine(lexer_.getCharPositionInLine());
  eof->setText("<EOF>");
  return eof;
}

// Reports a run of adjacent invalid characters once, not once per character.
void TokenFilter::reportInvalidCharacters(std::unique_ptr<antlr4::Token>& first) {
  std::size_t start = first->getStartIndex();
  std::size_t stop = first->getStopIndex();
  bool allReplacements = text_.isReplacement(start);
  for (;;) {
    auto next = lexer_.nextToken();
    if (next->getType() != OrmLexer::ERROR_CHAR || next->getStartIndex() != stop + 1) {
      pending_ = std::move(next);
      break;
    }
    stop = next->getStopIndex();
    allReplacements = allReplacements && text_.isReplacement(stop);
  }
  // Invalid UTF-8 was reported when the text was decoded.
  errorLines_.insert(first->getLine());
  if (allReplacements) return;
  char32_t cp = text_.codePoints()[start];
  std::size_t count = stop - start + 1;
  diagnostics_.error(codes::kInvalidCharacter, {text_.at(start), text_.at(stop + 1)},
                     count == 1 ? fmt::format("invalid character {}", describeCharacter(cp))
                                : fmt::format("invalid characters starting with {}", describeCharacter(cp)));
}

std::unique_ptr<antlr4::Token> TokenFilter::nextToken() {
  for (;;) {
    if (truncated_ || diagnostics_.reachedLimit()) return endOfInput();
    std::unique_ptr<antlr4::Token> token = pending_ ? std::move(pending_) : lexer_.nextToken();
    switch (token->getType()) {
      case OrmLexer::NEWLINE:
        if (braceDepth_ == 0 || bracketDepth_ > 0 || lastWasNewline_) continue;
        lastWasNewline_ = true;
        return token;
      case OrmLexer::ERROR_CHAR:
        reportInvalidCharacters(token);
        continue;
      case OrmLexer::UNTERMINATED_BLOCK_COMMENT: {
        errorLines_.insert(token->getLine());
        SourceRange range = text_.range(token.get());
        range.end = {range.begin.file, range.begin.offset + 2};
        diagnostics_.error(codes::kUnterminatedComment, range, "unterminated block comment")
            .addHelp("close it with '*/'");
        continue;
      }
      case OrmLexer::UNTERMINATED_STRING: {
        errorLines_.insert(token->getLine());
        diagnostics_.error(codes::kUnterminatedString, text_.range(token.get()), "unterminated string")
            .addHelp("close it with '\"' on the same line");
        // Parse on as if it were closed, so the rest of the line still makes sense.
        static_cast<antlr4::CommonToken*>(token.get())->setType(OrmLexer::STRING);
        break;
      }
      // Braces never occur inside brackets, so one ends any bracket left open by mistake:
      // the parser then resynchronises at the declaration level instead of much later.
      case OrmLexer::LBRACE:
        ++braceDepth_;
        bracketDepth_ = 0;
        lastWasNewline_ = true;  // no separator before the first member
        return token;
      case OrmLexer::RBRACE:
        bracketDepth_ = 0;
        if (braceDepth_ > 0 && !lastWasNewline_) {
          // The last member before '}' ends here as if its line had ended.
          lastWasNewline_ = true;
          auto newline = syntheticToken(OrmLexer::NEWLINE);
          newline->setStartIndex(token->getStartIndex());
          newline->setStopIndex(token->getStartIndex() - 1);
          newline->setLine(token->getLine());
          newline->setCharPositionInLine(token->getCharPositionInLine());
          newline->setText("\n");
          pending_ = std::move(token);
          return newline;
        }
        if (braceDepth_ > 0) --braceDepth_;
        break;
      case OrmLexer::LPAREN:
      case OrmLexer::LBRACKET:
        if (++bracketDepth_ > kMaxNesting) {
          diagnostics_.error(codes::kNestingTooDeep, text_.range(token.get()),
                             fmt::format("brackets nested too deeply (the limit is {})", kMaxNesting));
          return endOfInput();
        }
        break;
      case OrmLexer::RPAREN:
      case OrmLexer::RBRACKET:
        if (bracketDepth_ > 0) --bracketDepth_;
        break;
      default:
        break;
    }
    if (token->getType() == OrmLexer::NOT || token->getType() == OrmLexer::MINUS) {
      if (++prefixRun_ > kMaxNesting) {
        diagnostics_.error(codes::kNestingTooDeep, text_.range(token.get()),
                           fmt::format("too many '!' and '-' in a row (the limit is {})", kMaxNesting));
        return endOfInput();
      }
    } else if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
      prefixRun_ = 0;
    }
    if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) lastWasNewline_ = false;
    return token;
  }
}

}  // namespace ormc::parse
