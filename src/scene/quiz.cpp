#include "scene/quiz.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

namespace myoatlas::scene {
namespace {

// Common shorthand students use, by muscle id.
const std::multimap<std::string, std::string>& synonyms() {
    static const std::multimap<std::string, std::string> table = {
        {"latissimus_dorsi", "lats"},
        {"latissimus_dorsi", "lat"},
        {"latissimus_dorsi", "latissimus"},
        {"trapezius_upper", "upper traps"},
        {"trapezius_upper", "upper trap"},
        {"trapezius_upper", "traps"},
        {"trapezius_middle", "middle traps"},
        {"trapezius_middle", "mid traps"},
        {"trapezius_lower", "lower traps"},
        {"quadratus_lumborum", "ql"},
        {"scm_sternal", "scm"},
        {"scm_clavicular", "scm"},
        {"scm_sternal", "sternocleidomastoid"},
        {"scm_clavicular", "sternocleidomastoid"},
        {"gluteus_medius", "glute med"},
        {"gluteus_medius", "glute medius"},
        {"gluteus_maximus", "glute max"},
        {"gluteus_maximus", "glutes"},
        {"gluteus_minimus", "glute min"},
        {"pectoralis_major", "pec major"},
        {"pectoralis_major", "pecs"},
        {"pectoralis_minor", "pec minor"},
        {"hamstrings", "hams"},
        {"hamstrings", "hammies"},
        {"deltoid", "delts"},
        {"deltoid", "delt"},
        {"iliopsoas", "psoas"},
        {"iliopsoas", "hip flexor"},
        {"tensor_fasciae_latae", "tfl"},
        {"erector_spinae", "erectors"},
        {"erector_spinae", "spinal erectors"},
        {"vastus_medialis", "vmo"},
        {"tibialis_anterior", "tib ant"},
        {"fibularis_longus", "peroneals"},
        {"fibularis_longus", "peroneus longus"},
        {"gastrocnemius", "gastroc"},
        {"gastrocnemius", "calf"},
        {"rhomboids", "rhomboid"},
        {"levator_scapulae", "levator"},
        {"rectus_abdominis", "abs"},
        {"rectus_abdominis", "six pack"},
        {"abdominal_obliques", "obliques"},
        {"serratus_anterior", "serratus"},
        {"biceps_brachii", "biceps"},
        {"triceps_brachii", "triceps"},
        {"infraspinatus", "infra"},
        {"supraspinatus", "supra"},
        {"multifidi", "multifidus"},
        {"adductor_longus_brevis", "adductors"},
        {"forearm_extensors", "wrist extensors"},
        {"forearm_flexors", "wrist flexors"},
        {"suboccipitals", "suboccipital"},
    };
    return table;
}

bool isSideOrFiller(const std::string& w) {
    static const std::set<std::string> words = {"left", "right",     "l",       "r",     "lt",  "rt",
                                                "the",  "muscle",    "muscles", "m",     "mm",  "a",
                                                "an",   "bilateral", "both",    "sides", "side"};
    return words.count(w) > 0;
}

std::string stripParentheses(std::string_view s) {
    std::string out;
    int depth = 0;
    for (char c : s) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

void addUnique(std::vector<std::string>& v, std::string s) {
    if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end())
        v.push_back(std::move(s));
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

} // namespace

std::string_view quizKindName(QuizKind k) {
    switch (k) {
    case QuizKind::NameMuscle:
        return "name_muscle";
    case QuizKind::TriggerPointSource:
        return "trigger_point_source";
    case QuizKind::MuscleLine:
        return "muscle_line";
    }
    return "?";
}

std::string_view quizKindLabel(QuizKind k) {
    switch (k) {
    case QuizKind::NameMuscle:
        return "Name the muscle";
    case QuizKind::TriggerPointSource:
        return "Which muscle refers pain here?";
    case QuizKind::MuscleLine:
        return "Which line?";
    }
    return "?";
}

std::string normalizeAnswer(std::string_view text) {
    std::string cleaned;
    for (char c : stripParentheses(text)) {
        unsigned char u = static_cast<unsigned char>(c);
        cleaned += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : ' ';
    }
    std::istringstream in(cleaned);
    std::string word, out;
    while (in >> word) {
        if (isSideOrFiller(word))
            continue;
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool answerMatches(std::string_view given, const std::vector<std::string>& accepted) {
    std::string g = normalizeAnswer(given);
    if (g.empty())
        return false;
    for (const auto& a : accepted) {
        std::string n = normalizeAnswer(a);
        if (n.empty())
            continue;
        if (g == n)
            return true;
        // Typos are forgiven word by word, so that "teres minor" never passes for "teres major".
        auto gw = words(g), nw = words(n);
        if (gw.size() != nw.size())
            continue;
        bool close = true;
        for (size_t i = 0; i < gw.size() && close; ++i) {
            size_t len = std::min(gw[i].size(), nw[i].size());
            size_t allowed = len <= 4 ? 0 : len <= 8 ? 1 : 2;
            close = editDistance(gw[i], nw[i]) <= allowed;
        }
        if (close)
            return true;
    }
    return false;
}

std::string shortMuscleName(const anatomy::Muscle& muscle) {
    return stripParentheses(muscle.name);
}

std::vector<std::string> acceptedMuscleNames(const anatomy::Muscle& m) {
    std::vector<std::string> out;
    addUnique(out, m.name);
    addUnique(out, stripParentheses(m.name));
    std::string id = m.id;
    std::replace(id.begin(), id.end(), '_', ' ');
    addUnique(out, id);
    // "Sternocleidomastoid, sternal division" -> "sternocleidomastoid"; "X and Y" -> both parts.
    std::string base = stripParentheses(m.name);
    if (auto comma = base.find(','); comma != std::string::npos)
        addUnique(out, base.substr(0, comma));
    if (auto pos = base.find(" and "); pos != std::string::npos) {
        addUnique(out, base.substr(0, pos));
        addUnique(out, base.substr(pos + 5));
    }
    // "Upper trapezius (descending fibres)" also answers as "trapezius upper" via the id; the parenthetical alone
    // (e.g. "psoas major and iliacus") is accepted too.
    if (auto open = m.name.find('('); open != std::string::npos) {
        auto close = m.name.find(')', open);
        addUnique(out, m.name.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1));
    }
    auto [lo, hi] = synonyms().equal_range(m.id);
    for (auto it = lo; it != hi; ++it)
        addUnique(out, it->second);
    return out;
}

std::vector<std::string> acceptedLineNames(const anatomy::FascialLine& line) {
    std::vector<std::string> out;
    addUnique(out, line.id);
    addUnique(out, line.name);
    std::string n = line.name;
    if (auto pos = n.find(" Line"); pos != std::string::npos)
        addUnique(out, n.substr(0, pos));
    return out;
}

QuizGenerator::QuizGenerator(const anatomy::Atlas& atlas, uint32_t seed) : atlas_(atlas), rng_(seed) {
    for (const auto& m : atlas.muscles) {
        if (m.meshPresent && !m.fma.empty())
            withMesh_.push_back(&m);
        bool known = false;
        for (const auto& l : m.lines)
            known = known || atlas.line(l) != nullptr;
        if (known)
            withLines_.push_back(&m);
    }
    for (const auto& t : atlas.triggerPoints)
        if (!t.essential.empty() && atlas.muscle(t.muscle))
            trps_.push_back(&t);
}

QuizQuestion QuizGenerator::next(QuizKind kind, size_t choiceCount) {
    QuizQuestion q;
    q.kind = kind;
    q.side = std::uniform_int_distribution<int>(0, 1)(rng_) ? "right" : "left";
    auto pick = [&](const auto& v) { return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng_)]; };
    // Distractors: other answers of the same kind, shuffled.
    auto fillChoices = [&](const std::vector<std::string>& pool, const std::vector<std::string>& wrongToAvoid) {
        std::vector<std::string> others;
        for (const auto& p : pool)
            if (std::find(wrongToAvoid.begin(), wrongToAvoid.end(), p) == wrongToAvoid.end())
                addUnique(others, p);
        std::shuffle(others.begin(), others.end(), rng_);
        q.choices = {q.answer};
        for (size_t i = 0; i < others.size() && q.choices.size() < choiceCount; ++i)
            q.choices.push_back(others[i]);
        std::shuffle(q.choices.begin(), q.choices.end(), rng_);
    };
    std::vector<std::string> muscleNames;
    for (const auto& m : atlas_.muscles)
        muscleNames.push_back(shortMuscleName(m));

    switch (kind) {
    case QuizKind::NameMuscle: {
        if (withMesh_.empty())
            return q;
        const auto* m = pick(withMesh_);
        q.muscleId = m->id;
        q.prompt = "Name the highlighted muscle.";
        q.answer = shortMuscleName(*m);
        q.accepted = acceptedMuscleNames(*m);
        fillChoices(muscleNames, {q.answer});
        break;
    }
    case QuizKind::TriggerPointSource: {
        if (trps_.empty())
            return q;
        const auto* t = pick(trps_);
        const auto* m = atlas_.muscle(t->muscle);
        q.trpId = t->id;
        q.muscleId = m->id;
        q.prompt = "The heat map shows referred pain. Which muscle's trigger point refers pain here?";
        q.answer = shortMuscleName(*m);
        q.accepted = acceptedMuscleNames(*m);
        fillChoices(muscleNames, {q.answer});
        break;
    }
    case QuizKind::MuscleLine: {
        if (withLines_.empty())
            return q;
        const auto* m = pick(withLines_);
        q.muscleId = m->id;
        q.prompt = "Which Anatomy Trains line does " + shortMuscleName(*m) + " belong to?";
        std::vector<std::string> correctNames;
        for (const auto& id : m->lines)
            if (const auto* l = atlas_.line(id)) {
                correctNames.push_back(l->name);
                q.allAnswers.push_back(l->name);
                for (auto& a : acceptedLineNames(*l))
                    addUnique(q.accepted, a);
            }
        q.answer = pick(correctNames);
        std::vector<std::string> lineNames;
        for (const auto& l : atlas_.lines)
            lineNames.push_back(l.name);
        fillChoices(lineNames, correctNames);
        break;
    }
    }
    return q;
}

bool QuizScore::answer(const QuizQuestion& q, std::string_view given) {
    bool right = answerMatches(given, q.accepted);
    ++asked;
    if (right) {
        ++correct;
        bestStreak = std::max(bestStreak, ++streak);
    } else {
        streak = 0;
        std::string expected = q.answer;
        if (q.allAnswers.size() > 1) {
            expected.clear();
            for (const auto& a : q.allAnswers)
                expected += (expected.empty() ? "" : " or ") + a;
        }
        mistakes.push_back({q.kind, q.prompt, std::string(given), expected});
    }
    return right;
}

} // namespace myoatlas::scene
