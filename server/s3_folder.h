// A local folder standing in for Amazon S3 (--s3-root): a bucket is a folder in it, an object
// key a path in the bucket. Objects are written and read whole; gzip ones through zlib.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ddblocal {

// Why an S3 call failed, as an export's or import's FailureCode and FailureMessage say it.
struct S3Failure {
  std::string code;  // "S3NoSuchBucket", "S3AccessDenied"
  std::string message;
};

class S3Folder {
 public:
  explicit S3Folder(std::filesystem::path root) : root_(std::move(root)) {}

  // Writes the object, creating the folders of its key; gzip-compressed when `gzip`.
  std::optional<S3Failure> write(std::string_view bucket, std::string_view key,
                                 std::string_view bytes, bool gzip) const;
  // The keys of the bucket's objects that begin with `prefix` (a raw key prefix, as S3's), in
  // byte order.
  std::optional<S3Failure> list(std::string_view bucket, std::string_view prefix,
                                std::vector<std::string>& keys) const;
  // The object's bytes, gunzipped when `gzip`.
  std::optional<S3Failure> read(std::string_view bucket, std::string_view key, bool gzip,
                                std::string& bytes) const;

 private:
  std::optional<S3Failure> check_bucket(std::string_view bucket) const;

  std::filesystem::path root_;
};

}  // namespace ddblocal
