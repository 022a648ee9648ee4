#include "anatomy/contact_safety.h"

#include <algorithm>

namespace myoatlas::anatomy {
namespace {

template <class T> bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

bool listed(const std::vector<std::string>& v, std::string_view x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

std::vector<ContactKind> unsafeKindsOf(const Technique& t, const EndangermentSite& site) {
    std::vector<ContactKind> out;
    for (auto k : t.contactKinds)
        if (contains(site.unsafeContact, k))
            out.push_back(k);
    return out;
}

const TaughtContact* taughtFor(const EndangermentSite& site, const Technique& t, std::string_view muscleId) {
    for (const auto& tc : site.taught)
        if (listed(tc.techniques, t.id) && listed(tc.muscles, muscleId))
            return &tc;
    return nullptr;
}

std::string_view kindWords(ContactKind k) {
    switch (k) {
    case ContactKind::Light:
        return "light touch";
    case ContactKind::SustainedDeep:
        return "sustained deep pressure";
    case ContactKind::Gliding:
        return "gliding strokes";
    case ContactKind::Tool:
        return "a tool";
    case ContactKind::Suction:
        return "suction";
    case ContactKind::Heat:
        return "heat";
    case ContactKind::Needle:
        return "a needle";
    }
    return "contact";
}

// "the anterior triangle of the neck" from "Anterior triangle of the neck".
std::string theSite(const EndangermentSite& site) {
    std::string n = site.name;
    if (n.size() > 1 && n[0] >= 'A' && n[0] <= 'Z' && !(n[1] >= 'A' && n[1] <= 'Z'))
        n[0] = static_cast<char>(n[0] - 'A' + 'a');
    return "the " + n;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i)
        s += (i == 0 ? "" : i + 1 == v.size() ? " and " : ", ") + v[i];
    return s;
}

// A technique that suits the muscle and is safe at the site (needles and information-only methods are never
// offered as the alternative: the alternative is something the student may plan).
std::string safeAlternative(const Atlas& atlas, const Technique& blocked, std::string_view muscleId,
                            const EndangermentSite& site) {
    for (const auto& t : atlas.techniques) {
        if (t.id == blocked.id || t.informationOnly)
            continue;
        bool suits = listed(t.targets, "any") || listed(t.targets, muscleId);
        if (!suits)
            continue;
        if (unsafeKindsOf(t, site).empty() || taughtFor(site, t, muscleId))
            return t.id;
    }
    return {};
}

} // namespace

std::string_view contactRulingName(ContactRuling r) {
    switch (r) {
    case ContactRuling::Allowed:
        return "allowed";
    case ContactRuling::Caution:
        return "caution";
    case ContactRuling::Blocked:
        return "blocked";
    }
    return "allowed";
}

bool techniqueWatchesSite(const Technique& technique, std::string_view siteId) {
    return listed(technique.endangermentSites, "all") || listed(technique.endangermentSites, siteId);
}

ContactVerdict judgeContact(const Atlas& atlas, const Technique& technique, std::string_view muscleId,
                            std::string_view siteId) {
    ContactVerdict v;
    const EndangermentSite* site = atlas.endangermentSite(siteId);
    if (!site || !techniqueWatchesSite(technique, siteId))
        return v;
    v.siteId = site->id;
    v.siteName = site->name;
    v.atRisk = site->atRisk;
    v.unsafeKinds = unsafeKindsOf(technique, *site);
    const TaughtContact* taught = v.unsafeKinds.empty() ? nullptr : taughtFor(*site, technique, muscleId);
    std::string risk = v.atRisk.empty() ? site->structuresAtRisk : joined(v.atRisk);
    if (!v.unsafeKinds.empty() && !taught) {
        v.ruling = ContactRuling::Blocked;
        v.alternativeTechnique = safeAlternative(atlas, technique, muscleId, *site);
        v.alternative = site->alternative;
        if (!v.alternativeTechnique.empty()) {
            const auto* alt = atlas.technique(v.alternativeTechnique);
            v.alternative += (v.alternative.empty() ? "" : " ") + std::string("For this muscle: ") + alt->name + ".";
        }
        std::vector<std::string> kinds;
        for (auto k : v.unsafeKinds)
            kinds.emplace_back(kindWords(k));
        v.message = "Not allowed here: " + technique.name + " uses " + joined(kinds) + ", unsafe over " +
                    theSite(*site) + " (at risk: " + risk + ")." + (v.alternative.empty() ? "" : " " + v.alternative);
        return v;
    }
    v.ruling = ContactRuling::Caution;
    v.message = "Caution: the contact lies in " + theSite(*site) + " (at risk: " + risk + ").";
    if (taught)
        v.message += " " + taught->caution;
    else
        v.message += " Light contact only; never press into the site.";
    return v;
}

ContactVerdict judgeContact(const Atlas& atlas, const Technique& technique, std::string_view muscleId,
                            const std::vector<std::string>& sitesContainingContact) {
    ContactVerdict caution;
    for (const auto& id : sitesContainingContact) {
        auto v = judgeContact(atlas, technique, muscleId, id);
        if (v.ruling == ContactRuling::Blocked)
            return v;
        if (v.ruling == ContactRuling::Caution && caution.ruling == ContactRuling::Allowed)
            caution = std::move(v);
    }
    return caution;
}

} // namespace myoatlas::anatomy
