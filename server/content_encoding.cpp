#include "server/content_encoding.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include <zlib.h>

#include "server/header_text.h"

namespace ddblocal {
namespace {

constexpr int kZlibWindowBits = 15;
constexpr int kGzipWindowBits = 15 + 16;  // zlib's way of asking for the gzip wrapper

class Inflater {
 public:
  explicit Inflater(int window_bits) { ok_ = inflateInit2(&stream_, window_bits) == Z_OK; }
  ~Inflater() {
    if (ok_) {
      inflateEnd(&stream_);
    }
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  DecodedBody run(std::string_view input, bool gzip, std::size_t max_bytes);

 private:
  z_stream stream_{};
  bool ok_ = false;
};

DecodedBody Inflater::run(std::string_view input, bool gzip, std::size_t max_bytes) {
  using Outcome = DecodedBody::Outcome;
  if (!ok_) {
    return {Outcome::kCorrupt, {}};
  }
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  stream_.avail_in = static_cast<uInt>(input.size());
  // One byte past the limit tells "exactly the limit" from "more".
  const std::size_t capacity = max_bytes + 1;
  std::string out(std::min(capacity, std::max<std::size_t>(4096, input.size() * 4)), '\0');
  std::size_t written = 0;
  for (;;) {
    if (written == out.size()) {
      if (out.size() == capacity) {
        return {Outcome::kTooLarge, {}};
      }
      out.resize(std::min(capacity, out.size() * 2));
    }
    stream_.next_out = reinterpret_cast<Bytef*>(out.data() + written);
    stream_.avail_out = static_cast<uInt>(out.size() - written);
    const int status = inflate(&stream_, Z_NO_FLUSH);
    written = out.size() - stream_.avail_out;
    if (written > max_bytes) {
      return {Outcome::kTooLarge, {}};
    }
    if (status == Z_STREAM_END) {
      const bool next_member =
          gzip && stream_.avail_in >= 2 && stream_.next_in[0] == 0x1f && stream_.next_in[1] == 0x8b;
      if (!next_member) {
        break;
      }
      inflateReset(&stream_);
      continue;
    }
    // Input used up before the stream's end: truncated (an empty body too).
    const bool starved = stream_.avail_in == 0 && stream_.avail_out > 0;
    if ((status != Z_OK && status != Z_BUF_ERROR) || starved) {
      return {Outcome::kCorrupt, {}};
    }
  }
  out.resize(written);
  return {Outcome::kDecoded, std::move(out)};
}

// 1 for a q value that is not a number, as DynamoDB reads it; clamped to [0, 1].
double quality_of(std::string_view value) {
  value = trim_blanks(value);
  if (!value.empty() && value.front() == '+') {
    value.remove_prefix(1);
  }
  double quality = 1;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), quality);
  if (value.empty() || error != std::errc() || end != value.data() + value.size()) {
    return 1;
  }
  return std::clamp(quality, 0.0, 1.0);
}

bool is_token(std::string_view text) {
  constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           kSpecials.find(c) != std::string_view::npos;
  });
}

// One entry of Accept-Encoding: "coding[;q=value][;other=...]".
struct AcceptedCoding {
  std::string_view coding;
  double quality = 1;
};

std::optional<AcceptedCoding> parse_entry(std::string_view entry) {
  AcceptedCoding accepted{trim_blanks(next_item(entry, ';'))};
  if (!is_token(accepted.coding)) {
    return std::nullopt;
  }
  while (!entry.empty()) {
    std::string_view parameter = next_item(entry, ';');
    std::size_t equals = parameter.find('=');
    if (equals != std::string_view::npos && trim_blanks(parameter.substr(0, equals)) == "q") {
      accepted.quality = quality_of(parameter.substr(equals + 1));
      break;  // the first q counts
    }
  }
  return accepted;
}

}  // namespace

std::string_view coding_name(ContentCoding coding) {
  return coding == ContentCoding::kGzip ? "gzip" : "deflate";
}

DecodedBody decode_request_body(std::string_view content_encoding, std::string_view body,
                                std::size_t max_bytes) {
  std::string_view coding = trim_blanks(content_encoding);
  if (equals_ignoring_case(coding, "identity")) {
    if (body.size() > max_bytes) {
      return {DecodedBody::Outcome::kTooLarge, {}};
    }
    return {DecodedBody::Outcome::kDecoded, std::string(body)};
  }
  const bool gzip = equals_ignoring_case(coding, "gzip");
  if (!gzip && !equals_ignoring_case(coding, "deflate")) {
    return {DecodedBody::Outcome::kUnsupported, {}};
  }
  Inflater inflater(gzip ? kGzipWindowBits : kZlibWindowBits);
  return inflater.run(body, gzip, max_bytes);
}

std::optional<ContentCoding> preferred_coding(std::string_view accept_encoding) {
  // Per coding: its best named quality (or -1), where it was first named.
  struct Named {
    double quality = -1;
    std::size_t position = 0;
  };
  Named gzip;
  Named deflate;
  double wildcard = -1;
  std::size_t position = 0;
  while (!accept_encoding.empty()) {
    std::optional<AcceptedCoding> entry = parse_entry(next_item(accept_encoding, ','));
    if (!entry) {
      continue;
    }
    ++position;
    Named* named = equals_ignoring_case(entry->coding, "gzip")      ? &gzip
                   : equals_ignoring_case(entry->coding, "deflate") ? &deflate
                                                                    : nullptr;
    if (named != nullptr) {
      if (named->quality < 0) {
        named->position = position;
      }
      named->quality = std::max(named->quality, entry->quality);
    } else if (entry->coding == "*") {
      wildcard = std::max(wildcard, entry->quality);
    }
  }
  // Candidates in order of preference at equal quality: named ones by position, then gzip and
  // deflate through the wildcard.
  struct Candidate {
    ContentCoding coding;
    double quality;
    std::size_t rank;
  };
  std::vector<Candidate> candidates;
  const std::size_t wildcard_rank = position + 1;
  for (auto [coding, named] :
       {std::pair{ContentCoding::kGzip, gzip}, std::pair{ContentCoding::kDeflate, deflate}}) {
    if (named.quality >= 0) {
      candidates.push_back({coding, named.quality, named.position});
    } else if (wildcard >= 0) {
      candidates.push_back({coding, wildcard, wildcard_rank + candidates.size()});
    }
  }
  std::optional<ContentCoding> best;
  double best_quality = 0;
  std::size_t best_rank = 0;
  for (const Candidate& candidate : candidates) {
    const bool better = candidate.quality > best_quality ||
                        (best && candidate.quality == best_quality && candidate.rank < best_rank);
    if (candidate.quality > 0 && better) {
      best = candidate.coding;
      best_quality = candidate.quality;
      best_rank = candidate.rank;
    }
  }
  return best;
}

std::string encode_body(ContentCoding coding, std::string_view body) {
  z_stream stream{};
  const int window_bits = coding == ContentCoding::kGzip ? kGzipWindowBits : kZlibWindowBits;
  if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(body.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  // deflateBound guarantees one call finishes.
  const int status = deflate(&stream, Z_FINISH);
  out.resize(status == Z_STREAM_END ? stream.total_out : 0);
  deflateEnd(&stream);
  return out;
}

}  // namespace ddblocal
