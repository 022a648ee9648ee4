#include "scene/study_search.h"

#include <algorithm>
#include <array>
#include <set>

namespace myoatlas::scene {
namespace {

// Latin-1 supplement letters (U+00C0..U+00FF) folded to ASCII; '.' marks the symbols (x, /) dropped.
constexpr std::string_view kLatin1Fold = "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty";

// British spellings win (the atlas is written in them); students type both.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSpellings = {{{"fibers", "fibres"},
                                                                                      {"fiber", "fibre"},
                                                                                      {"ischemic", "ischaemic"},
                                                                                      {"center", "centre"},
                                                                                      {"abdominus", "abdominis"}}};

std::vector<std::string_view> tokens(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find(' ', i);
        if (j == std::string_view::npos)
            j = s.size();
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

std::string withoutSpaces(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ')
            out += c;
    return out;
}

bool isDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Typos allowed in a word of this length: none in short words (abbreviations such as QL, TFL must be exact).
int allowedTypos(size_t length) {
    return length < 4 ? 0 : length <= 6 ? 1 : 2;
}

float tokenScore(std::string_view q, std::string_view k) {
    if (q == k)
        return 1.0f;
    const bool numeric = isDigits(q);
    if (k.size() > q.size() && k.starts_with(q) && (q.size() >= 2 || numeric))
        return 0.8f + 0.15f * static_cast<float>(q.size()) / static_cast<float>(k.size());
    if (numeric)
        return 0.0f;
    const int allowed = allowedTypos(q.size());
    if (allowed == 0)
        return 0.0f;
    if (int d = editDistance(q, k, allowed); d <= allowed)
        return 0.8f - 0.12f * static_cast<float>(d);
    // A misspelt beginning of a longer word ("infrasp" for infraspinatus is a prefix; "infrsp" is a typo of one).
    if (k.size() > q.size() && q.size() >= 4)
        if (int d = editDistance(q, k.substr(0, q.size()), allowed); d <= allowed)
            return 0.7f - 0.12f * static_cast<float>(d);
    return 0.0f;
}

// Trigram similarity (Jaccard over padded trigrams), for "did you mean".
float trigramSimilarity(std::string_view a, std::string_view b) {
    auto grams = [](std::string_view s) {
        std::set<std::string> out;
        std::string p = "  " + std::string(s) + " ";
        for (size_t i = 0; i + 3 <= p.size(); ++i)
            out.insert(p.substr(i, 3));
        return out;
    };
    auto ga = grams(a), gb = grams(b);
    size_t common = 0;
    for (const auto& g : ga)
        common += gb.count(g);
    size_t all = ga.size() + gb.size() - common;
    return all == 0 ? 0.0f : static_cast<float>(common) / static_cast<float>(all);
}

int kindRank(StudyKind k) {
    switch (k) {
    case StudyKind::Muscle:
        return 0;
    case StudyKind::Group:
        return 1;
    case StudyKind::Structure:
        return 2;
    case StudyKind::Line:
        return 3;
    case StudyKind::TriggerPoint:
        return 4;
    case StudyKind::Technique:
        return 5;
    case StudyKind::Landmark:
        return 6;
    }
    return 7;
}

// "Upper trapezius (descending fibres)" -> "Upper trapezius": what students call it, without the qualifier.
std::string withoutParentheses(std::string_view name) {
    auto p = name.find(" (");
    return std::string(p == std::string_view::npos ? name : name.substr(0, p));
}

void addKey(std::vector<std::string>& keys, std::string_view text) {
    auto k = normalizeForSearch(text);
    if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end())
        keys.push_back(std::move(k));
}

void addUnique(std::vector<uint32_t>& out, const std::vector<uint32_t>& more) {
    for (uint32_t s : more)
        if (std::find(out.begin(), out.end(), s) == out.end())
            out.push_back(s);
}

} // namespace

std::string_view studyKindName(StudyKind kind) {
    switch (kind) {
    case StudyKind::Muscle:
        return "muscle";
    case StudyKind::Group:
        return "group";
    case StudyKind::TriggerPoint:
        return "trigger_point";
    case StudyKind::Line:
        return "line";
    case StudyKind::Landmark:
        return "landmark";
    case StudyKind::Technique:
        return "technique";
    case StudyKind::Structure:
        return "structure";
    }
    return "";
}

std::string normalizeForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto space = [&] {
        if (!out.empty() && out.back() != ' ')
            out += ' ';
    };
    for (size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
        } else if (c == '\'') {
            // "boxer's" = "boxers"
        } else if (c == 0xC3 && i + 1 < text.size()) {
            auto d = static_cast<unsigned char>(text[++i]);
            if (d == 0x86 || d == 0xA6 || d == 0x9F) { // æ, Æ, ß: two letters
                out += d == 0x9F ? "ss" : "ae";
                continue;
            }
            char f = d >= 0x80 && d <= 0xBF ? kLatin1Fold[d - 0x80] : '.';
            if (f == '.')
                space();
            else
                out += f;
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(text[i + 2]) == 0x99) {
            i += 2; // right single quotation mark, as an apostrophe
        } else {
            if (c >= 0xC0) // skip the rest of another multi-byte character
                while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80)
                    ++i;
            space();
        }
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    // Spelling variants, word by word.
    std::string result;
    for (auto t : tokens(out)) {
        std::string_view w = t;
        for (const auto& [from, to] : kSpellings)
            if (w == from)
                w = to;
        if (!result.empty())
            result += ' ';
        result += w;
    }
    return result;
}

int editDistance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit)
        return limit + 1;
    std::vector<int> prev2(static_cast<size_t>(m) + 1), prev(static_cast<size_t>(m) + 1),
        cur(static_cast<size_t>(m) + 1);
    for (int j = 0; j <= m; ++j)
        prev[static_cast<size_t>(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const auto uj = static_cast<size_t>(j);
            int cost = a[static_cast<size_t>(i - 1)] == b[uj - 1] ? 0 : 1;
            int v = std::min({prev[uj] + 1, cur[uj - 1] + 1, prev[uj - 1] + cost});
            if (i > 1 && j > 1 && a[static_cast<size_t>(i - 1)] == b[uj - 2] &&
                a[static_cast<size_t>(i - 2)] == b[uj - 1])
                v = std::min(v, prev2[uj - 2] + 1);
            cur[uj] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > limit)
            return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[static_cast<size_t>(m)];
}

float matchScore(std::string_view query, std::string_view name) {
    if (query.empty() || name.empty())
        return 0.0f;
    if (query == name)
        return 1.0f;
    const std::string qs = withoutSpaces(query), ns = withoutSpaces(name);
    if (qs == ns)
        return 0.97f;
    float best = 0.0f;
    if (name.starts_with(query) && (query.size() >= 2 || isDigits(query)))
        best = 0.9f + 0.05f * static_cast<float>(query.size()) / static_cast<float>(name.size());
    // Word by word: every query word must match some word of the name (exactly, as a prefix, or with a typo).
    auto qt = tokens(query), kt = tokens(name);
    float sum = 0.0f;
    bool all = true;
    for (auto q : qt) {
        float b = 0.0f;
        for (auto k : kt)
            b = std::max(b, tokenScore(q, k));
        if (b == 0.0f) {
            all = false;
            break;
        }
        sum += b;
    }
    if (all && !qt.empty()) {
        // "left"/"right" in a body name are not part of what the structure is called.
        size_t nameWords = 0;
        for (auto k : kt)
            nameWords += (k != "left" && k != "right") ? 1 : 0;
        float coverage =
            std::min(1.0f, static_cast<float>(qt.size()) / static_cast<float>(std::max<size_t>(nameWords, 1)));
        best = std::max(best, sum / static_cast<float>(qt.size()) * (0.6f + 0.3f * coverage));
    }
    // The whole name misspelt, or typed without its spaces ("sternocleidomastiod", "glutemed").
    if (qs.size() >= 5) {
        const int allowed = qs.size() <= 8 ? 1 : qs.size() <= 14 ? 2 : 3;
        if (int d = editDistance(qs, ns, allowed); d <= allowed)
            best = std::max(best, 0.85f - 0.08f * static_cast<float>(d));
        else if (ns.size() > qs.size())
            if (int dp = editDistance(qs, std::string_view(ns).substr(0, qs.size()), allowed); dp <= allowed)
                best = std::max(best, 0.7f - 0.08f * static_cast<float>(dp));
    }
    return best;
}

StudyIndex::StudyIndex(const anatomy::Atlas* atlas, const anatomy::Body* body) : atlas_(atlas), body_(body) {
    if (atlas)
        addAtlas(*atlas);
    if (body)
        addBody(*body);
}

void StudyIndex::addAtlas(const anatomy::Atlas& a) {
    for (const auto& m : a.muscles) {
        Item it{m.id, StudyKind::Muscle, m.name, {}};
        addKey(it.keys, m.name);
        addKey(it.keys, withoutParentheses(m.name));
        addKey(it.keys, m.id);
        for (const auto& n : a.commonNamesOf(m.id))
            addKey(it.keys, n);
        items_.push_back(std::move(it));
    }
    for (const auto& g : a.groups) {
        Item it{g.id, StudyKind::Group, g.name, {}};
        addKey(it.keys, g.name);
        addKey(it.keys, withoutParentheses(g.name));
        for (const auto& n : g.names)
            addKey(it.keys, n);
        items_.push_back(std::move(it));
    }
    for (const auto& t : a.triggerPoints) {
        const auto* m = a.muscle(t.muscle);
        const std::string muscle = m ? withoutParentheses(m->name) : t.muscle;
        std::string label = !t.name.empty() ? t.name : !t.tsNumber.empty() ? t.tsNumber : t.id;
        Item it{t.id, StudyKind::TriggerPoint, muscle + " trigger point " + label + " (" + t.id + ")", {}};
        addKey(it.keys, it.name);
        addKey(it.keys, t.id);
        if (!t.name.empty())
            addKey(it.keys, t.name);
        addKey(it.keys, muscle + " trigger point");
        for (const auto& n : a.commonNamesOf(t.muscle))
            addKey(it.keys, n + " trigger point");
        items_.push_back(std::move(it));
    }
    for (const auto& l : a.lines) {
        Item it{l.id, StudyKind::Line, l.name + " (" + l.id + ")", {}};
        addKey(it.keys, l.name);
        addKey(it.keys, l.id);
        addKey(it.keys, l.name + " " + l.id);
        items_.push_back(std::move(it));
    }
    for (const auto& l : a.landmarks) {
        Item it{l.id, StudyKind::Landmark, l.name, {}};
        addKey(it.keys, l.name);
        addKey(it.keys, withoutParentheses(l.name));
        addKey(it.keys, l.id);
        items_.push_back(std::move(it));
    }
    for (const auto& t : a.techniques) {
        Item it{t.id, StudyKind::Technique, t.name, {}};
        addKey(it.keys, t.name);
        addKey(it.keys, withoutParentheses(t.name));
        addKey(it.keys, t.id);
        items_.push_back(std::move(it));
    }
}

void StudyIndex::addBody(const anatomy::Body& body) {
    std::vector<std::string> names;
    for (const auto& g : body.groups)
        names.push_back(g.name);
    for (const auto& s : body.structures)
        if (s.group < 0)
            names.push_back(s.name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const auto& n : names) {
        Item it{n, StudyKind::Structure, n, {}};
        addKey(it.keys, n);
        const std::string key = it.keys.empty() ? std::string() : it.keys[0];
        if (atlas_)
            for (const auto& sn : atlas_->structureNames) {
                const std::string base = normalizeForSearch(sn.structure);
                if (base.empty() || !key.ends_with(base))
                    continue;
                const std::string prefix = key.substr(0, key.size() - base.size()); // "right "
                for (const auto& alias : sn.names) {
                    addKey(it.keys, alias);
                    addKey(it.keys, prefix + alias);
                }
            }
        if (!it.keys.empty())
            items_.push_back(std::move(it));
    }
}

std::vector<SearchResult> StudyIndex::find(std::string_view query, size_t limit) const {
    const std::string q = normalizeForSearch(query);
    std::vector<SearchResult> out;
    if (q.empty())
        return out;
    for (const auto& it : items_) {
        float best = 0.0f;
        const std::string* matched = nullptr;
        for (const auto& k : it.keys)
            if (float s = matchScore(q, k); s > best) {
                best = s;
                matched = &k;
            }
        if (best >= 0.5f)
            out.push_back({it.id, it.kind, it.name, *matched, best});
    }
    std::sort(out.begin(), out.end(), [](const SearchResult& a, const SearchResult& b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (kindRank(a.kind) != kindRank(b.kind))
            return kindRank(a.kind) < kindRank(b.kind);
        if (a.name.size() != b.name.size())
            return a.name.size() < b.name.size();
        return a.name < b.name;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

std::vector<std::string> StudyIndex::suggestions(std::string_view query, size_t limit) const {
    const std::string q = normalizeForSearch(query);
    std::vector<std::pair<float, const Item*>> scored;
    if (q.empty())
        return {};
    for (const auto& it : items_) {
        if (it.kind == StudyKind::Structure || it.kind == StudyKind::TriggerPoint)
            continue; // suggest what a student would look up, not 750 mesh names
        float best = 0.0f;
        for (const auto& k : it.keys)
            best = std::max(best, trigramSimilarity(q, k));
        if (best > 0.15f)
            scored.emplace_back(best, &it);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (const auto& [score, it] : scored) {
        if (out.size() >= limit)
            break;
        if (std::find(out.begin(), out.end(), it->name) == out.end())
            out.push_back(it->name);
    }
    return out;
}

std::vector<uint32_t> StudyIndex::structuresOfMuscle(std::string_view muscleId,
                                                     std::optional<anatomy::Side> side) const {
    std::vector<uint32_t> out;
    if (!atlas_ || !body_)
        return out;
    const auto* m = atlas_->muscle(muscleId);
    if (!m)
        return out;
    const auto& set = m->fma.empty() ? m->surrogate : m->fma;
    auto add = [&](const std::vector<std::string>& ids) {
        for (const auto& fma : ids)
            addUnique(out, body_->findByFma(fma));
    };
    if (!side || *side == anatomy::Side::Right)
        add(set.right);
    if (!side || *side == anatomy::Side::Left)
        add(set.left);
    add(set.shared);
    return out;
}

std::vector<uint32_t> StudyIndex::structuresOf(const SearchResult& r) const {
    std::vector<uint32_t> out;
    if (!body_)
        return out;
    switch (r.kind) {
    case StudyKind::Muscle:
        return structuresOfMuscle(r.id);
    case StudyKind::Group:
        if (const auto* g = atlas_ ? atlas_->group(r.id) : nullptr)
            for (const auto& m : g->members)
                addUnique(out, structuresOfMuscle(m));
        return out;
    case StudyKind::TriggerPoint:
        if (const auto* t = atlas_ ? atlas_->triggerPoint(r.id) : nullptr) {
            auto side = t->sides.empty() ? anatomy::Side::Right : t->sides.front();
            if (std::find(t->sides.begin(), t->sides.end(), anatomy::Side::Right) != t->sides.end())
                side = anatomy::Side::Right;
            return structuresOfMuscle(t->muscle, side);
        }
        return out;
    case StudyKind::Line:
        if (const auto* l = atlas_ ? atlas_->line(r.id) : nullptr)
            for (const auto& e : l->elements)
                for (const auto& m : e.muscles)
                    addUnique(out, structuresOfMuscle(m));
        return out;
    case StudyKind::Landmark:
        if (const auto* l = atlas_ ? atlas_->landmark(r.id) : nullptr)
            for (const auto& fma : l->rule.structures.all())
                addUnique(out, body_->findByFma(fma));
        return out;
    case StudyKind::Technique:
        return out;
    case StudyKind::Structure:
        for (const auto& g : body_->groups)
            if (g.name == r.id)
                return g.members;
        if (auto s = body_->findByName(r.id))
            out.push_back(*s);
        return out;
    }
    return out;
}

} // namespace myoatlas::scene
