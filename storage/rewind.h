// A table's items at an earlier moment: its items now, with every change logged since that
// moment undone (the change log of streams and point-in-time recovery, change_log.h). Internal
// to storage/; restores to a point in time and exports of a past moment both read through it.
#pragma once

#include <vector>

#include "storage/change_log.h"
#include "storage/database.h"
#include "storage/store.h"
#include "storage/table_snapshot.h"

namespace ddblocal::storage {

// What stands in for the table's items now to give its items then, and what they add up to
// against the table's stats now.
struct Rewind {
  ItemReplacements replacements;
  TableStats delta;
};

// The rewind of `table` over `records`, the changes logged after the moment wanted, oldest
// first: each item changed since gets back the old image of its first change.
Rewind rewind(const Table& table, const std::vector<ChangeRecord>& records);

}  // namespace ddblocal::storage
