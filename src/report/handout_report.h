#pragma once
// The patient handout's text for a trigger point (io/handout.h lays it out with the pictures).
#include "anatomy/atlas.h"
#include "anatomy/contact_safety.h"
#include "io/handout.h"
#include "scene/still_request.h"

#include <optional>
#include <string>

namespace myoatlas::report {

// The handout text for a trigger point on a side (no picture). Throws core::UsageError for an unknown id or side.
[[nodiscard]] io::HandoutContent handoutContent(const anatomy::Atlas& atlas, const std::string& trpId,
                                                const std::string& side,
                                                const anatomy::ContactVerdict* verdict = nullptr);

// The handout's two pictures: the pattern on the skin over muscles and bones, and the self-care technique's
// pressure step on the trigger point (a faded skin shows the muscle under the tool). The second is absent when the
// trigger point or its muscle is unknown.
[[nodiscard]] scene::StillRequest handoutPatternStill(const std::string& trpId, const std::string& side);
[[nodiscard]] std::optional<scene::StillRequest> handoutCareStill(const anatomy::Atlas& atlas, const std::string& trpId,
                                                                  const std::string& side);

} // namespace myoatlas::report
