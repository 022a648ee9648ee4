#pragma once
// The patient handout's text for a trigger point (io/handout.h lays it out with the pictures).
#include "anatomy/atlas.h"
#include "anatomy/contact_safety.h"
#include "io/handout.h"

#include <string>

namespace myoatlas::report {

// The handout text for a trigger point on a side (no picture). Throws core::UsageError for an unknown id or side.
[[nodiscard]] io::HandoutContent handoutContent(const anatomy::Atlas& atlas, const std::string& trpId,
                                                const std::string& side,
                                                const anatomy::ContactVerdict* verdict = nullptr);

} // namespace myoatlas::report
