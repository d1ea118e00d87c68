#include "protocol/backup.h"

#include <cmath>
#include <cstdio>

namespace ddblocal {

std::string backup_id(double creation_date_time, std::uint32_t random) {
  char id[32];
  std::snprintf(id, sizeof id, "%014lld-%08x",
                static_cast<long long>(std::llround(creation_date_time * 1000)), random);
  return id;
}

}  // namespace ddblocal
