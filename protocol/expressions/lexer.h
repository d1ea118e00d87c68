// Splitting an expression text into tokens, as DynamoDB's own lexer does: the tokens keep their
// byte offsets so that syntax errors can quote the text around them ("near: ...").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ddblocal::expr {

enum class TokenKind : std::uint8_t {
  kEnd,               // after the last token; DynamoDB calls it "<EOF>"
  kName,              // [a-zA-Z][a-zA-Z0-9_]* that is not a keyword
  kNamePlaceholder,   // #[a-zA-Z0-9_]+
  kValuePlaceholder,  // :[a-zA-Z0-9_]+
  kIndex,             // 0 or [1-9][0-9]* ("01" is two tokens)
  kComma,
  kLeftParen,
  kRightParen,
  kDot,
  kLeftBracket,
  kRightBracket,
  kEq,  // =
  kNe,  // <>
  kLt,
  kLe,
  kGt,
  kGe,
  kPlus,
  kMinus,
  // Keywords, in any letter case.
  kIn,
  kBetween,
  kNot,
  kAnd,
  kOr,
  kSet,
  kAdd,
  kDelete,
  kRemove,
  kUnknown,  // any other character, one at a time
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;  // empty for kEnd
  std::size_t begin = 0;  // byte offsets in the expression
  std::size_t end = 0;
};

// The tokens of `text`, the last one always kEnd at text.size(). Space, tab, CR and LF separate
// tokens (DynamoDB treats no other character as white space); anything that starts no token is a
// one-character kUnknown token (a whole UTF-8 sequence, or a single invalid byte), so lexing never
// fails: the parser reports the unknown token as a syntax error.
std::vector<Token> tokenize(std::string_view text);

// `text` in UTF-16, the form in which DynamoDB measures an expression against its size limit (a
// character outside the BMP counts twice) and hashes names. An invalid UTF-8 byte becomes one unit.
std::u16string to_utf16(std::string_view text);

}  // namespace ddblocal::expr
