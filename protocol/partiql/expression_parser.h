// The token cursor and the expression grammar of the PartiQL parser, on which the statement
// grammar (parser.cpp) builds. Operator precedence is SQL's, lowest first: OR, AND, NOT, the
// predicates (comparisons, IS, IN, BETWEEN, LIKE), ||, + and -, * / %, unary signs, then terms
// with their path steps. Internal to protocol/partiql.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocol/partiql/ast.h"
#include "protocol/partiql/lexer.h"
#include "protocol/result.h"

namespace ddblocal::partiql {

inline constexpr std::string_view kUnexpectedTerm = "Unexpected term";

class ExpressionParser {
 public:
  // REQUIRES: tokens end with a kEnd token.
  explicit ExpressionParser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  // An expression, nested at most kMaxNesting deep.
  Result<Expr> expr();
  // A term and its path steps (a.b[2]): an update's target.
  Result<Expr> postfix();
  // How many `?` the expressions read so far hold.
  std::size_t parameter_count() const { return parameters_; }

 protected:
  const Token& peek(std::size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& next() {
    const Token& token = tokens_[pos_];
    pos_ = std::min(pos_ + 1, tokens_.size() - 1);
    return token;
  }
  bool is_keyword(std::string_view word, std::size_t ahead = 0) const {
    return peek(ahead).kind == TokenKind::kKeyword && peek(ahead).text == word;
  }
  bool is_operator(std::string_view op) const {
    return peek().kind == TokenKind::kOperator && peek().text == op;
  }
  bool at_end() const {
    return peek().kind == TokenKind::kEnd || peek().kind == TokenKind::kSemicolon;
  }
  bool accept_keyword(std::string_view word) {
    if (!is_keyword(word)) {
      return false;
    }
    next();
    return true;
  }
  bool accept(TokenKind kind) {
    if (peek().kind != kind) {
      return false;
    }
    next();
    return true;
  }
  Result<void> expect_keyword(std::string_view word, std::string_view detail) {
    if (!accept_keyword(word)) {
      return malformed(detail);
    }
    return {};
  }
  Result<void> expect(TokenKind kind, std::string_view detail) {
    if (!accept(kind)) {
      return malformed(detail);
    }
    return {};
  }

  // What is left after a statement: at most a semicolon.
  Result<void> finish() {
    accept(TokenKind::kSemicolon);
    if (peek().kind != TokenKind::kEnd) {
      return malformed("Unexpected token after expression");
    }
    return {};
  }

  // The message for a token where a term should start.
  ApiError unexpected(const Token& token) const;
  // Fails with the "missing right-hand side" message when the statement ends after an infix
  // operator.
  Result<void> right_hand_side();
  Expr binary(std::string op, Expr left, Expr right, SourceSpan span);
  Result<Expr> or_expr();
  Result<Expr> and_expr();
  Result<Expr> not_expr();
  static bool is_comparison(const Token& token);
  Result<Expr> predicate();
  Result<Expr> is_type(Expr operand);
  Result<Expr> in_list(Expr value, bool negated);
  Result<Expr> between(Expr value, bool negated);
  Result<Expr> concatenation();
  Result<Expr> additive();
  Result<Expr> multiplicative();
  // A sign in front of a term; a sign in front of a number literal is part of the literal.
  Result<Expr> unary();
  Result<PathStep> path_step();
  Result<Expr> term();
  // A name, or a function call when a parenthesis follows a bare name.
  Result<Expr> name_term();
  Result<Expr> call(Expr e);
  Result<Expr> keyword_term();
  // ( expression ), or (a, b, ...), a list.
  Result<Expr> parenthesized();
  // The comma-separated expressions up to `close` (already past the opening token).
  Result<void> elements(std::vector<Expr>& into, TokenKind close);
  Result<Expr> collection(Expr::Kind kind, TokenKind close);
  // { key : value, ... }
  Result<Expr> tuple();

 private:
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  std::size_t parameters_ = 0;
  int depth_ = 0;
};

}  // namespace ddblocal::partiql
