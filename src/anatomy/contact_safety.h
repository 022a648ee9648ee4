#pragma once
// The one safety rule for techniques over endangerment sites, GL-free and body-free: a technique declares the kinds
// of contact it makes, a site the kinds that are unsafe over it. The technique stepper (GUI), the `technique`
// subcommand and the patient handout all ask judgeContact, so they cannot disagree.
#include "anatomy/atlas.h"

#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::anatomy {

enum class ContactRuling : uint8_t { Allowed, Caution, Blocked };
[[nodiscard]] std::string_view contactRulingName(ContactRuling r); // "allowed", "caution", "blocked"

struct ContactVerdict {
    ContactRuling ruling = ContactRuling::Allowed;
    std::string siteId, siteName;         // the site that decided; empty when no site is involved
    std::vector<std::string> atRisk;      // the structures at risk there
    std::vector<ContactKind> unsafeKinds; // the technique's kinds that the site forbids
    std::string alternativeTechnique;     // a technique for the same muscle that is safe there; may be empty
    std::string alternative;              // what to do instead, in words
    std::string message;                  // one paragraph for a caption, a panel or stderr
    [[nodiscard]] bool allowed() const { return ruling != ContactRuling::Blocked; }
};

// The technique on `muscleId` with its contact inside `siteId`: Blocked when one of its contact kinds is unsafe
// there and no taught exception covers it; Caution when it is inside but allowed (light work, or taught manual work
// such as a pincer grip of the SCM); Allowed for an unknown or empty site. Technique/site pairs the technique does
// not list (its `endangerment_sites`) are not judged.
[[nodiscard]] ContactVerdict judgeContact(const Atlas& atlas, const Technique& technique, std::string_view muscleId,
                                          std::string_view siteId);
// Over every site that contains the contact: the first block decides; otherwise the first caution; otherwise allowed.
[[nodiscard]] ContactVerdict judgeContact(const Atlas& atlas, const Technique& technique, std::string_view muscleId,
                                          const std::vector<std::string>& sitesContainingContact);

// Whether the technique applies the site rule to this site ("all" or listed).
[[nodiscard]] bool techniqueWatchesSite(const Technique& technique, std::string_view siteId);

} // namespace myoatlas::anatomy
