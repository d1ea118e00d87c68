// The expression lexer. Its rules are those of DynamoDB's grammar, checked against DynamoDB
// Local: the longest match wins ("<=" is one token, "=<" two), a keyword is a whole name ("IN"
// but not "INx"), and a number token has no leading zero ("01" lexes as "0" then "1").
#include "protocol/expressions/lexer.h"

#include <array>
#include <utility>

namespace ddblocal::expr {
namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_char(char c) {
  return is_letter(c) || is_digit(c) || c == '_';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'a' && a[i] <= 'z' ? static_cast<char>(a[i] - 'a' + 'A') : a[i];
    if (x != b[i]) {
      return false;
    }
  }
  return true;
}

TokenKind name_kind(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, TokenKind>, 9> kKeywords = {{
      {"IN", TokenKind::kIn},
      {"BETWEEN", TokenKind::kBetween},
      {"NOT", TokenKind::kNot},
      {"AND", TokenKind::kAnd},
      {"OR", TokenKind::kOr},
      {"SET", TokenKind::kSet},
      {"ADD", TokenKind::kAdd},
      {"DELETE", TokenKind::kDelete},
      {"REMOVE", TokenKind::kRemove},
  }};
  for (const auto& [keyword, kind] : kKeywords) {
    if (equals_ignoring_case(word, keyword)) {
      return kind;
    }
  }
  return TokenKind::kName;
}

// The length of the UTF-8 sequence starting at text[i], or 1 for an invalid byte.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  unsigned char lead = static_cast<unsigned char>(text[i]);
  std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
  if (lead >= 0x80 && ((lead >> 6) == 0x2 || lead >= 0xF8)) {
    return 1;
  }
  if (i + length > text.size()) {
    return 1;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) {
      return 1;
    }
  }
  return length;
}

// The kind and length of the punctuation token at text[i], or kUnknown when there is none.
std::pair<TokenKind, std::size_t> punctuation(std::string_view text, std::size_t i) {
  char next = i + 1 < text.size() ? text[i + 1] : '\0';
  switch (text[i]) {
    case ',':
      return {TokenKind::kComma, 1};
    case '(':
      return {TokenKind::kLeftParen, 1};
    case ')':
      return {TokenKind::kRightParen, 1};
    case '.':
      return {TokenKind::kDot, 1};
    case '[':
      return {TokenKind::kLeftBracket, 1};
    case ']':
      return {TokenKind::kRightBracket, 1};
    case '=':
      return {TokenKind::kEq, 1};
    case '+':
      return {TokenKind::kPlus, 1};
    case '-':
      return {TokenKind::kMinus, 1};
    case '<':
      if (next == '>') {
        return {TokenKind::kNe, 2};
      }
      return next == '=' ? std::pair{TokenKind::kLe, std::size_t{2}}
                         : std::pair{TokenKind::kLt, std::size_t{1}};
    case '>':
      return next == '=' ? std::pair{TokenKind::kGe, std::size_t{2}}
                         : std::pair{TokenKind::kGt, std::size_t{1}};
    default:
      return {TokenKind::kUnknown, 0};
  }
}

// The kind and length of the token starting at text[i], which is not white space.
std::pair<TokenKind, std::size_t> next_token(std::string_view text, std::size_t i) {
  auto run_of_name_chars = [&](std::size_t from) {
    std::size_t end = from;
    while (end < text.size() && is_name_char(text[end])) {
      ++end;
    }
    return end - from;
  };
  char c = text[i];
  if (is_letter(c)) {
    std::size_t length = run_of_name_chars(i);
    return {name_kind(text.substr(i, length)), length};
  }
  if ((c == '#' || c == ':') && i + 1 < text.size() && is_name_char(text[i + 1])) {
    TokenKind kind = c == '#' ? TokenKind::kNamePlaceholder : TokenKind::kValuePlaceholder;
    return {kind, 1 + run_of_name_chars(i + 1)};
  }
  if (c == '0') {
    return {TokenKind::kIndex, 1};
  }
  if (is_digit(c)) {
    std::size_t end = i;
    while (end < text.size() && is_digit(text[end])) {
      ++end;
    }
    return {TokenKind::kIndex, end - i};
  }
  auto [kind, length] = punctuation(text, i);
  if (kind != TokenKind::kUnknown) {
    return {kind, length};
  }
  return {TokenKind::kUnknown, utf8_sequence_length(text, i)};
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && is_space(text[i])) {
      ++i;
    }
    if (i == text.size()) {
      tokens.push_back({TokenKind::kEnd, {}, i, i});
      return tokens;
    }
    auto [kind, length] = next_token(text, i);
    tokens.push_back({kind, text.substr(i, length), i, i + length});
    i += length;
  }
}

std::u16string to_utf16(std::string_view text) {
  std::u16string units;
  units.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = utf8_sequence_length(text, i);
    unsigned char lead = static_cast<unsigned char>(text[i]);
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    if (code >= 0x10000) {
      code -= 0x10000;
      units.push_back(static_cast<char16_t>(0xD800 + (code >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 + (code & 0x3FF)));
    } else {
      units.push_back(static_cast<char16_t>(code));
    }
    i += length;
  }
  return units;
}

}  // namespace ddblocal::expr
