#include "protocol/table_schema.h"

namespace ddblocal {

const char* scalar_type_name(ScalarType type) {
  switch (type) {
    case ScalarType::kS:
      return "S";
    case ScalarType::kN:
      return "N";
    case ScalarType::kB:
      return "B";
  }
  return "S";
}

}  // namespace ddblocal
