#include "server/transfer_jobs.h"

#include <algorithm>

namespace ddblocal {
namespace {

template <typename Job>
void upsert(std::vector<Job>& jobs, const Job& job) {
  auto it = std::find_if(jobs.begin(), jobs.end(), [&](const Job& j) { return j.arn == job.arn; });
  if (it == jobs.end()) {
    jobs.push_back(job);
  } else {
    *it = job;
  }
}

template <typename Job, typename Match>
std::optional<Job> first(const std::vector<Job>& jobs, Match match) {
  auto it = std::find_if(jobs.begin(), jobs.end(), match);
  return it == jobs.end() ? std::nullopt : std::optional(*it);
}

template <typename Job>
std::vector<Job> of_table(const std::vector<Job>& jobs, const std::optional<std::string>& arn) {
  std::vector<Job> chosen;
  std::copy_if(jobs.begin(), jobs.end(), std::back_inserter(chosen),
               [&](const Job& job) { return !arn || job.table_arn == *arn; });
  return chosen;
}

}  // namespace

void TransferJobs::put(const ExportDescription& job) {
  std::lock_guard lock(mutex_);
  upsert(exports_, job);
}

void TransferJobs::put(const ImportDescription& job) {
  std::lock_guard lock(mutex_);
  upsert(imports_, job);
}

std::optional<ExportDescription> TransferJobs::find_export(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  return first(exports_, [&](const ExportDescription& job) { return job.arn == arn; });
}

std::optional<ImportDescription> TransferJobs::find_import(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  return first(imports_, [&](const ImportDescription& job) { return job.arn == arn; });
}

std::optional<ExportDescription> TransferJobs::export_with_token(const std::string& token) const {
  std::lock_guard lock(mutex_);
  return first(exports_, [&](const ExportDescription& job) { return job.client_token == token; });
}

std::optional<ImportDescription> TransferJobs::import_with_token(const std::string& token) const {
  std::lock_guard lock(mutex_);
  return first(imports_, [&](const ImportDescription& job) { return job.client_token == token; });
}

std::vector<ExportDescription> TransferJobs::exports(
    const std::optional<std::string>& table_arn) const {
  std::lock_guard lock(mutex_);
  return of_table(exports_, table_arn);
}

std::vector<ImportDescription> TransferJobs::imports(
    const std::optional<std::string>& table_arn) const {
  std::lock_guard lock(mutex_);
  return of_table(imports_, table_arn);
}

}  // namespace ddblocal
