#include "ui/presentation.h"

#include "core/text_checks.h"

#include <algorithm>
#include <cfloat>
#include <imgui.h>
#include <imgui_internal.h>
#include <vector>

namespace myoatlas::ui {

namespace {

ImVec2 measure(float size, float wrap, const char* begin, const char* end = nullptr) {
    return ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, wrap, begin, end);
}

} // namespace

float presentationTextPixels(float height, float uiFontPixels) {
    return std::max(height / 32.0f, std::min(uiFontPixels, 28.0f));
}

CaptionLayout layoutCaption(const std::string& caption, float width, float height, bool presentation,
                            float uiFontPixels) {
    CaptionLayout l;
    // Cut and broken into words first: ImGui reserves four vertices per character with 16-bit indices, and a
    // caption of ~17,000 characters failed its assertion (and took unsaved lesson work with it).
    l.text = core::sanitizeDisplayText(caption);
    l.wrap = width * (presentation ? 0.9f : 0.8f);
    const float maxBand = height * 0.25f;
    const float floorSize = std::max(height / 38.0f, std::min(uiFontPixels, 12.0f));
    l.size = std::max(height / (presentation ? 20.0f : 30.0f), floorSize);
    auto band = [&](float textHeight) { return textHeight + l.size * 0.8f; }; // the padding above and below
    while (l.size > floorSize && band(measure(l.size, l.wrap, l.text.c_str()).y) > maxBand)
        l.size = std::max(floorSize, l.size * 0.92f);
    if (band(measure(l.size, l.wrap, l.text.c_str()).y) > maxBand) {
        // Still too long: keep the words that fit and say that more was cut.
        std::vector<size_t> ends; // word ends; a longer prefix never takes less height, so bisect them
        for (size_t i = 1; i <= l.text.size(); ++i)
            if (i == l.text.size() || l.text[i] == ' ')
                ends.push_back(i);
        auto fits = [&](size_t e) {
            std::string trial = l.text.substr(0, e) + " ...";
            return band(measure(l.size, l.wrap, trial.c_str()).y) <= maxBand;
        };
        size_t lo = 0, hi = ends.size(); // ends[0, lo) fit
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (fits(ends[mid]))
                lo = mid + 1;
            else
                hi = mid;
        }
        std::string kept = lo == 0 ? std::string() : l.text.substr(0, ends[lo - 1]) + " ...";
        l.text = kept.empty() ? std::string("...") : kept;
        l.cut = true;
    }
    const float textHeight = measure(l.size, l.wrap, l.text.c_str()).y;
    l.bottom = height - (presentation ? 0.0f : l.size * 0.4f);
    l.top = l.bottom - band(textHeight);
    return l;
}

void drawCaptionBar(const std::string& caption, bool presentation) {
    if (caption.empty())
        return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImFont* font = ImGui::GetFont();
    CaptionLayout l = layoutCaption(caption, vp->Size.x, vp->Size.y, presentation, ImGui::GetFontSize());
    ImVec2 extent = font->CalcTextSizeA(l.size, FLT_MAX, l.wrap, l.text.c_str());
    // Panels and the pain legend reaching into the bottom quarter (where a caption can be): the caption is wrapped
    // and centred in the span they leave free, so that it hides none of them (a lesson step with a pattern shows
    // the legend, the card and the caption at once). Too narrow a span: it keeps the whole width.
    float spanLo = vp->Pos.x, spanHi = vp->Pos.x + vp->Size.x;
    if (!presentation) {
        const ImRect band(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y * 0.75f), ImVec2(spanHi, vp->Pos.y + vp->Size.y));
        for (const ImGuiWindow* w : GImGui->Windows) {
            if (!w->WasActive || w->Hidden || !w->Rect().Overlaps(band) ||
                (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup |
                             ImGuiWindowFlags_MenuBar)))
                continue;
            if (w->Rect().GetCenter().x < vp->Pos.x + vp->Size.x * 0.5f)
                spanLo = std::max(spanLo, w->Rect().Max.x);
            else
                spanHi = std::min(spanHi, w->Rect().Min.x);
        }
        if (spanHi - spanLo < vp->Size.x * 0.4f) {
            spanLo = vp->Pos.x;
            spanHi = vp->Pos.x + vp->Size.x;
        } else if (spanHi - spanLo < vp->Size.x) {
            // The layout wraps at 0.8 of the width it is given: give it the span less the bar's own padding.
            l = layoutCaption(caption, (spanHi - spanLo - l.size * 2.0f) / 0.8f, vp->Size.y, false,
                              ImGui::GetFontSize());
            extent = font->CalcTextSizeA(l.size, FLT_MAX, l.wrap, l.text.c_str());
        }
    }
    const float pad = l.size * 0.4f;
    ImVec2 pos(spanLo + (spanHi - spanLo - extent.x) * 0.5f, vp->Pos.y + l.top + pad);
    if (presentation) {
        // A full-width band: one stable place for the eye, black behind pure white text.
        dl->AddRectFilled(ImVec2(vp->Pos.x, vp->Pos.y + l.top), ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + l.bottom),
                          IM_COL32(0, 0, 0, 235));
        dl->AddRectFilled(ImVec2(vp->Pos.x, vp->Pos.y + l.top),
                          ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + l.top + 4.0f), IM_COL32(255, 216, 0, 255));
        dl->AddText(font, l.size, pos, IM_COL32(255, 255, 255, 255), l.text.c_str(), nullptr, l.wrap);
        return;
    }
    dl->AddRectFilled(ImVec2(pos.x - pad, vp->Pos.y + l.top), ImVec2(pos.x + extent.x + pad, vp->Pos.y + l.bottom),
                      IM_COL32(10, 12, 16, 200), pad);
    dl->AddText(font, l.size, pos, IM_COL32(245, 245, 240, 255), l.text.c_str(), nullptr, l.wrap);
}

void drawPresentationOverlay(const PresentationOverlay& overlay, const scene::ShellState& shell) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImVec2 lo = vp->Pos, hi(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y);
    if (shell.blackout) {
        dl->AddRectFilled(lo, hi, IM_COL32(0, 0, 0, 255));
        return;
    }
    ImFont* font = ImGui::GetFont();
    float size = presentationTextPixels(vp->Size.y, ImGui::GetFontSize());
    float pad = size * 0.5f;
    if (!overlay.title.empty()) {
        ImVec2 ext = font->CalcTextSizeA(size, FLT_MAX, 0.0f, overlay.title.c_str());
        ImVec2 p(lo.x + pad, lo.y + pad);
        dl->AddRectFilled(ImVec2(p.x - pad * 0.5f, p.y - pad * 0.3f),
                          ImVec2(p.x + ext.x + pad * 0.5f, p.y + ext.y + pad * 0.3f), IM_COL32(0, 0, 0, 200),
                          pad * 0.3f);
        dl->AddText(font, size, p, IM_COL32(255, 216, 0, 255), overlay.title.c_str());
    }
    if (!overlay.progress.empty()) {
        ImVec2 ext = font->CalcTextSizeA(size, FLT_MAX, 0.0f, overlay.progress.c_str());
        ImVec2 p(hi.x - ext.x - pad, lo.y + pad);
        dl->AddRectFilled(ImVec2(p.x - pad * 0.5f, p.y - pad * 0.3f),
                          ImVec2(hi.x - pad * 0.5f, p.y + ext.y + pad * 0.3f), IM_COL32(0, 0, 0, 200), pad * 0.3f);
        dl->AddText(font, size, p, IM_COL32(255, 255, 255, 255), overlay.progress.c_str());
    }
    drawCaptionBar(overlay.caption, true);
    ImVec2 mouse = ImGui::GetIO().MousePos;
    if (shell.laser && mouse.x >= lo.x && mouse.y >= lo.y && mouse.x < hi.x && mouse.y < hi.y) {
        // A red dot with a soft halo, sized with the text so it reads on a large screen.
        float r = size * 0.35f;
        dl->AddCircleFilled(mouse, r * 2.6f, IM_COL32(255, 30, 30, 50), 32);
        dl->AddCircleFilled(mouse, r * 1.7f, IM_COL32(255, 30, 30, 90), 32);
        dl->AddCircleFilled(mouse, r, IM_COL32(255, 40, 40, 255), 24);
        dl->AddCircleFilled(mouse, r * 0.4f, IM_COL32(255, 220, 220, 255), 16);
    }
}

} // namespace myoatlas::ui
