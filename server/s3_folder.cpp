#include "server/s3_folder.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <zlib.h>

namespace ddblocal {
namespace {

S3Failure access_denied(const std::filesystem::path& path, const std::string& why) {
  return {"S3AccessDenied", "Access Denied: cannot use " + path.string() + ": " + why};
}

// gzip (RFC 1952) of `bytes`, as the export's data files are.
std::optional<std::string> gzip(std::string_view bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? std::optional(out) : std::nullopt;
}

std::optional<std::string> gunzip(std::string_view bytes) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) {
    return std::nullopt;
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char chunk[64 * 1024];
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  inflateEnd(&stream);
  return result == Z_STREAM_END ? std::optional(out) : std::nullopt;
}

}  // namespace

std::optional<S3Failure> S3Folder::check_bucket(std::string_view bucket) const {
  std::error_code error;
  if (root_.empty() || !std::filesystem::is_directory(root_ / bucket, error)) {
    return S3Failure{"S3NoSuchBucket",
                     "The specified bucket does not exist: no folder " + (root_ / bucket).string()};
  }
  return std::nullopt;
}

std::optional<S3Failure> S3Folder::write(std::string_view bucket, std::string_view key,
                                         std::string_view bytes, bool compress) const {
  if (auto failure = check_bucket(bucket)) {
    return failure;
  }
  const std::filesystem::path path = root_ / bucket / key;
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) {
    return access_denied(path.parent_path(), error.message());
  }
  std::optional<std::string> compressed;
  if (compress) {
    compressed = gzip(bytes);
    if (!compressed) {
      return access_denied(path, "compression failed");
    }
    bytes = *compressed;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    return access_denied(path, "the file cannot be written");
  }
  return std::nullopt;
}

std::optional<S3Failure> S3Folder::list(std::string_view bucket, std::string_view prefix,
                                        std::vector<std::string>& keys) const {
  if (auto failure = check_bucket(bucket)) {
    return failure;
  }
  const std::filesystem::path folder = root_ / bucket;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(folder, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file()) {
      std::string key = std::filesystem::relative(it->path(), folder).generic_string();
      if (key.starts_with(prefix)) {
        keys.push_back(std::move(key));
      }
    }
  }
  if (error) {
    return access_denied(folder, error.message());
  }
  std::sort(keys.begin(), keys.end());
  return std::nullopt;
}

std::optional<S3Failure> S3Folder::read(std::string_view bucket, std::string_view key,
                                        bool compressed, std::string& bytes) const {
  const std::filesystem::path path = root_ / bucket / key;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) {
    return access_denied(path, "the file cannot be read");
  }
  bytes = content.str();
  if (compressed) {
    std::optional<std::string> plain = gunzip(bytes);
    if (!plain) {
      return S3Failure{"ItemValidationError", "Not gzip data: " + path.string()};
    }
    bytes = std::move(*plain);
  }
  return std::nullopt;
}

}  // namespace ddblocal
