// The PartiQL lexer. Its rules follow DynamoDB's (checked against DynamoDB Local 1.25.1, which
// runs the same PartiQL front end): keywords are SQL-92's reserved words and PartiQL's own, a
// doubled quote inside quotes stands for one, `--` comments run to the end of the line, and the
// longest operator wins ("<=" is one token, "<<" opens a bag).
#include "protocol/partiql/lexer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace ddblocal::partiql {
namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool starts_identifier(char c) {
  return is_letter(c) || c == '_' || c == '$';
}
bool continues_identifier(char c) {
  return starts_identifier(c) || is_digit(c);
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Reads the statement one character at a time, keeping the line and the UTF-16 column.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  std::size_t pos() const { return pos_; }
  std::uint32_t line() const { return line_; }
  std::uint32_t column() const { return column_; }

  // Moves past one character (a whole UTF-8 sequence).
  void advance() {
    const auto byte = static_cast<unsigned char>(text_[pos_]);
    if (byte == '\n') {
      ++line_;
      column_ = 1;
    } else if ((byte & 0xC0) != 0x80) {
      column_ += byte >= 0xF0 ? 2 : 1;
    }
    ++pos_;
    while (pos_ < text_.size() && (static_cast<unsigned char>(text_[pos_]) & 0xC0) == 0x80) {
      ++pos_;
    }
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

// The text between `quote`s starting at the cursor (on the opening quote); a doubled quote
// stands for one. nullopt when the closing quote is missing.
std::optional<std::string> quoted(Cursor& cursor, std::string_view text, char quote) {
  cursor.advance();
  std::string result;
  while (!cursor.done()) {
    if (cursor.peek() == quote) {
      if (cursor.peek(1) != quote) {
        cursor.advance();
        return result;
      }
      result.push_back(quote);
      cursor.advance();
      cursor.advance();
      continue;
    }
    const std::size_t start = cursor.pos();
    cursor.advance();
    result.append(text.substr(start, cursor.pos() - start));
  }
  return std::nullopt;
}

// Skips white space and comments. False on an unterminated block comment.
bool skip_space(Cursor& cursor) {
  for (;;) {
    if (is_space(cursor.peek()) && !cursor.done()) {
      cursor.advance();
    } else if (cursor.peek() == '-' && cursor.peek(1) == '-') {
      while (!cursor.done() && cursor.peek() != '\n') {
        cursor.advance();
      }
    } else if (cursor.peek() == '/' && cursor.peek(1) == '*') {
      cursor.advance();
      cursor.advance();
      while (!(cursor.peek() == '*' && cursor.peek(1) == '/')) {
        if (cursor.done()) {
          return false;
        }
        cursor.advance();
      }
      cursor.advance();
      cursor.advance();
    } else {
      return true;
    }
  }
}

// A number: digits with an optional fraction and exponent. False when an exponent has no digits
// or (with the digits after the point) does not fit 32 bits, which DynamoDB's lexer refuses.
bool lex_number(Cursor& cursor) {
  std::int64_t fraction_digits = 0;
  while (is_digit(cursor.peek())) {
    cursor.advance();
  }
  if (cursor.peek() == '.') {
    cursor.advance();
    while (is_digit(cursor.peek())) {
      cursor.advance();
      ++fraction_digits;
    }
  }
  if (cursor.peek() != 'e' && cursor.peek() != 'E') {
    return true;
  }
  cursor.advance();
  bool negative = false;
  if (cursor.peek() == '+' || cursor.peek() == '-') {
    negative = cursor.peek() == '-';
    cursor.advance();
  }
  if (!is_digit(cursor.peek())) {
    return false;
  }
  std::int64_t exponent = 0;
  bool too_large = false;
  while (is_digit(cursor.peek())) {
    exponent = exponent * 10 + (cursor.peek() - '0');
    too_large = too_large || exponent > INT32_MAX + std::int64_t{1};
    if (too_large) {
      exponent = INT32_MAX + std::int64_t{1};
    }
    cursor.advance();
  }
  const std::int64_t signed_exponent = negative ? -exponent : exponent;
  const std::int64_t scale = fraction_digits - signed_exponent;
  return signed_exponent >= INT32_MIN && signed_exponent <= INT32_MAX && scale >= INT32_MIN &&
         scale <= INT32_MAX;
}

// The operators and punctuation, longest first.
struct Symbol {
  std::string_view text;
  TokenKind kind;
};
constexpr std::array<Symbol, 25> kSymbols = {{
    {"<<", TokenKind::kLeftBag},    {">>", TokenKind::kRightBag},    {"<=", TokenKind::kOperator},
    {">=", TokenKind::kOperator},   {"<>", TokenKind::kOperator},    {"!=", TokenKind::kOperator},
    {"||", TokenKind::kOperator},   {"=", TokenKind::kOperator},     {"<", TokenKind::kOperator},
    {">", TokenKind::kOperator},    {"+", TokenKind::kOperator},     {"-", TokenKind::kOperator},
    {"*", TokenKind::kOperator},    {"/", TokenKind::kOperator},     {"%", TokenKind::kOperator},
    {"@", TokenKind::kOperator},    {"(", TokenKind::kLeftParen},    {")", TokenKind::kRightParen},
    {"[", TokenKind::kLeftBracket}, {"]", TokenKind::kRightBracket}, {"{", TokenKind::kLeftBrace},
    {"}", TokenKind::kRightBrace},  {",", TokenKind::kComma},        {".", TokenKind::kDot},
    {":", TokenKind::kColon},
}};

}  // namespace

std::string lower_case(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return result;
}

ApiError malformed(std::string_view detail) {
  return ApiError::validation("Statement wasn't well formed, can't be processed: " +
                              std::string(detail));
}

std::string at(const SourceSpan& span) {
  return " at " + std::to_string(span.line) + ":" + std::to_string(span.column) + ":" +
         std::to_string(span.length);
}

Result<std::vector<Token>> tokenize(std::string_view statement) {
  std::vector<Token> tokens;
  Cursor cursor(statement);
  for (;;) {
    if (!skip_space(cursor)) {
      return malformed("");
    }
    Token token;
    token.span.line = cursor.line();
    token.span.column = cursor.column();
    const std::size_t start = cursor.pos();
    const char c = cursor.peek();
    if (cursor.done()) {
      tokens.push_back(std::move(token));
      return tokens;
    }
    if (starts_identifier(c)) {
      while (continues_identifier(cursor.peek())) {
        cursor.advance();
      }
      token.text = std::string(statement.substr(start, cursor.pos() - start));
      if (std::string word = lower_case(token.text); is_reserved_word(word)) {
        token.kind = TokenKind::kKeyword;
        token.text = std::move(word);
      } else {
        token.kind = TokenKind::kIdentifier;
      }
    } else if (is_digit(c) || (c == '.' && is_digit(cursor.peek(1)))) {
      if (!lex_number(cursor)) {
        return malformed("");
      }
      token.kind = TokenKind::kNumber;
      token.text = std::string(statement.substr(start, cursor.pos() - start));
    } else if (c == '\'' || c == '"') {
      std::optional<std::string> text = quoted(cursor, statement, c);
      if (!text) {
        return malformed("");
      }
      token.kind = c == '\'' ? TokenKind::kString : TokenKind::kQuotedIdentifier;
      token.text = std::move(*text);
    } else if (c == '`') {
      std::optional<std::string> text = quoted(cursor, statement, '`');
      if (!text) {
        return malformed("");
      }
      token.kind = TokenKind::kIonLiteral;
      token.text = std::move(*text);
    } else if (c == '?') {
      cursor.advance();
      token.kind = TokenKind::kParameter;
      token.text = "?";
    } else if (c == ';') {
      cursor.advance();
      token.kind = TokenKind::kSemicolon;
      token.text = ";";
    } else {
      auto symbol = std::find_if(kSymbols.begin(), kSymbols.end(), [&](const Symbol& s) {
        return statement.substr(start, s.text.size()) == s.text;
      });
      if (symbol == kSymbols.end()) {
        return malformed("");
      }
      for (std::size_t i = 0; i < symbol->text.size(); ++i) {
        cursor.advance();
      }
      token.kind = symbol->kind;
      token.text = std::string(symbol->text);
    }
    token.span.length = cursor.line() == token.span.line
                            ? cursor.column() - token.span.column
                            : static_cast<std::uint32_t>(cursor.pos() - start);
    tokens.push_back(std::move(token));
  }
}

}  // namespace ddblocal::partiql
