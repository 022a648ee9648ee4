#include "ui/study_panel.h"

#include "ui/widgets.h"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace myoatlas::ui {
namespace {

constexpr size_t kShownResults = 8;

const char* kindTag(scene::StudyKind kind) {
    switch (kind) {
    case scene::StudyKind::Muscle:
        return "muscle";
    case scene::StudyKind::Group:
        return "group";
    case scene::StudyKind::TriggerPoint:
        return "trigger point";
    case scene::StudyKind::Line:
        return "line";
    case scene::StudyKind::Landmark:
        return "landmark";
    case scene::StudyKind::Technique:
        return "technique";
    case scene::StudyKind::Structure:
        return "structure";
    }
    return "";
}

void labelled(const char* label, const std::string& text) {
    if (text.empty())
        return;
    ImGui::TextDisabled("%s", label);
    ImGui::Indent();
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::Unindent();
}

// A list of clickable links: clicking one asks the feature to study it (or show it: a trigger point's referral, a
// line, a technique's stepper).
void links(const char* header, const std::vector<scene::CardLink>& items, StudyPanelState& state,
           const ImVec4* color = nullptr) {
    if (items.empty())
        return;
    if (!ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen))
        return;
    ImGui::PushID(header);
    for (size_t i = 0; i < items.size(); ++i) {
        const auto& l = items[i];
        ImGui::PushID(static_cast<int>(i));
        if (color)
            ImGui::PushStyleColor(ImGuiCol_Text, *color);
        if (ImGui::Selectable(l.label.c_str(), false))
            state.link = l;
        if (color)
            ImGui::PopStyleColor();
        if (!l.detail.empty()) {
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", l.detail.c_str());
            ImGui::PopStyleColor();
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    ImGui::PopID();
}

void drawCard(const scene::StudyCard& card, StudyPanelState& state) {
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextWrapped("%s", card.name.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextDisabled("%s", kindTag(card.kind));
    if (!card.commonNames.empty()) {
        std::string names;
        for (const auto& n : card.commonNames)
            names += (names.empty() ? "" : ", ") + n;
        ImGui::TextWrapped("Also called: %s", names.c_str());
    }
    if (card.recall)
        ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "Partly from memory: to be reviewed by an expert");
    if (!card.origin.empty() || !card.action.empty()) {
        if (ImGui::CollapsingHeader("Anatomy", ImGuiTreeNodeFlags_DefaultOpen)) {
            labelled("Origin", card.origin);
            labelled("Insertion", card.insertion);
            labelled("Action", card.action);
            labelled("Innervation", card.innervation);
        }
    }
    // A trigger point, line, landmark or technique is mostly text: it comes first, before the links.
    const bool textFirst = card.origin.empty() && !card.fields.empty();
    if (textFirst && ImGui::CollapsingHeader("About", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& f : card.fields)
            labelled(f.label.c_str(), f.text);
    links("Trigger points (click: referral)", card.triggerPoints, state);
    links("Anatomy Trains lines", card.lines, state);
    links("Techniques (click: open the steps)", card.techniques, state);
    links(card.kind == scene::StudyKind::Structure || card.kind == scene::StudyKind::TriggerPoint ? "Muscle"
                                                                                                  : "Muscles",
          card.muscles, state);
    if (!card.palpation.empty() && ImGui::CollapsingHeader("Palpation", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& p : card.palpation)
            bulletWrapped(p);
    const ImVec4 warn(1.0f, 0.55f, 0.35f, 1.0f);
    links("Endangerment sites nearby", card.endangerment, state, &warn);
    if (!card.safety.empty() && ImGui::CollapsingHeader("Safety", ImGuiTreeNodeFlags_DefaultOpen))
        ImGui::TextWrapped("%s", card.safety.c_str());
    if (!textFirst && !card.fields.empty() && ImGui::CollapsingHeader("More", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& f : card.fields)
            labelled(f.label.c_str(), f.text);
    if (!card.caveats.empty() && ImGui::CollapsingHeader("Evidence caveats"))
        for (const auto& c : card.caveats)
            bulletWrapped(c);
    if (!card.sources.empty() && ImGui::CollapsingHeader("Sources", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& s : card.sources)
            bulletWrapped(s.url.empty() ? s.title : s.title + " (" + s.url + ")");
}

} // namespace

void updateResults(const scene::StudyIndex& index, StudyPanelState& state) {
    if (state.resultsFor == state.query)
        return;
    state.resultsFor = state.query;
    state.results = index.find(state.query, 20);
    state.suggestions = state.results.empty() ? index.suggestions(state.query) : std::vector<std::string>{};
    state.showResults = !state.query.empty();
}

void chooseBest(StudyPanelState& state) {
    if (state.results.empty())
        return;
    state.chosen = state.results.front();
    state.showResults = false;
}

void drawStudyPanel(const StudyPanelModel& model, StudyPanelState& state) {
    if (!state.open)
        return;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Under the selection panel, down to the bottom; at a large UI scale on a small screen it starts higher so the
    // card keeps most of the height.
    const float top = std::min(em * 17.0f, vp->Size.y * 0.42f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - em * 0.5f, vp->Pos.y + top), ImGuiCond_FirstUseEver,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 23, vp->Size.x * 0.45f), vp->Size.y - top - em * 0.5f),
                             ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Study", &state.open)) {
        ImGui::End();
        return;
    }
    if (!model.index) {
        ImGui::TextWrapped("Search is off: %s", model.unavailable.c_str());
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##study_search", "Find: glute med, SCM, IT band, rotator cuff...", &state.query,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        updateResults(*model.index, state);
        chooseBest(state);
    }
    updateResults(*model.index, state);
    if (state.showResults) {
        if (state.results.empty()) {
            ImGui::TextWrapped("No match for \"%s\".", state.query.c_str());
            if (!state.suggestions.empty()) {
                ImGui::TextDisabled("Did you mean");
                for (const auto& s : state.suggestions)
                    if (ImGui::Selectable(s.c_str()))
                        state.query = s;
            }
        } else {
            for (size_t i = 0; i < state.results.size() && i < kShownResults; ++i) {
                const auto& r = state.results[i];
                ImGui::PushID(static_cast<int>(i));
                std::string label = r.name + "  [" + kindTag(r.kind) + "]";
                if (ImGui::Selectable(label.c_str(), i == 0)) {
                    state.chosen = r;
                    state.showResults = false;
                }
                ImGui::PopID();
            }
            ImGui::TextDisabled("Enter: the first one");
        }
        ImGui::Separator();
    }
    ImGui::Checkbox("Auto-peel", &state.autoPeel);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Take off the layers above what you study");
    ImGui::SameLine();
    if (ImGui::Button("Face it"))
        state.reframe = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Fly round so what you study faces you (F frames the selection from where you are)");
    ImGui::Separator();
    if (ImGui::BeginChild("##card")) {
        if (model.card && !model.card->empty())
            drawCard(*model.card, state);
        else
            ImGui::TextWrapped("Click a muscle or search for one: its card shows here.");
    }
    ImGui::EndChild();
    ImGui::End();
}

} // namespace myoatlas::ui
