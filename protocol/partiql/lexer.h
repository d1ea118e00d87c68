// Splitting a PartiQL statement into tokens, as DynamoDB's PartiQL lexer does: keywords in any
// letter case, "double-quoted" names and 'single-quoted' strings (a doubled quote stands for one),
// numbers, `?` parameters, `--` and `/* */` comments. Each token keeps its place in the statement
// (line, column, length, counted in UTF-16 units as DynamoDB counts them) for the messages that
// name one ("... at 1:8:5").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/result.h"

namespace ddblocal::partiql {

enum class TokenKind : std::uint8_t {
  kEnd,               // after the last token
  kIdentifier,        // a name that is not a keyword: [A-Za-z_$][A-Za-z0-9_$]*
  kQuotedIdentifier,  // "name"; text holds the name
  kKeyword,           // a reserved word; text holds it in lower case
  kString,            // 'text'; text holds the string
  kNumber,            // 12, 1.5, .5, 5., 1e-3; text as written
  kIonLiteral,        // `...`; text holds what is between the backticks
  kParameter,         // ?
  kOperator,          // = <> != < <= > >= + - * / % || @
  kLeftParen,
  kRightParen,
  kLeftBracket,
  kRightBracket,
  kLeftBrace,
  kRightBrace,
  kLeftBag,   // <<
  kRightBag,  // >>
  kComma,
  kDot,
  kColon,
  kSemicolon,
};

// Where a token is: its first character's line and column (from 1) and its length.
struct SourceSpan {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t length = 0;
  bool operator==(const SourceSpan&) const = default;
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  SourceSpan span;
};

// The tokens of `statement`, the last one kEnd. Fails with DynamoDB's ValidationException
// ("Statement wasn't well formed, can't be processed: ", nothing after the colon, as DynamoDB
// answers for what its lexer cannot read) on an unterminated string, name, comment or Ion
// literal, a character that starts no token, or a number whose exponent does not fit 32 bits.
Result<std::vector<Token>> tokenize(std::string_view statement);

// `text` with its ASCII letters in lower case, as keywords and function names are compared.
std::string lower_case(std::string_view text);

// Whether `word` is one of PartiQL's reserved words, which a name must quote (reserved in any
// letter case). REQUIRES: `word` in lower case.
bool is_reserved_word(std::string_view word);

// The message of a statement DynamoDB cannot parse: "Statement wasn't well formed, can't be
// processed: <detail>".
ApiError malformed(std::string_view detail);

// " at <line>:<column>:<length>", which DynamoDB appends to the messages that point at a token.
std::string at(const SourceSpan& span);

}  // namespace ddblocal::partiql
