#include "ui/presentation.h"

#include "core/text_checks.h"

#include <cfloat>
#include <imgui.h>

namespace myoatlas::ui {

void drawCaptionBar(const std::string& caption, bool presentation) {
    if (caption.empty())
        return;
    // Cut and broken into words first: ImGui reserves four vertices per character with 16-bit indices, and a
    // caption of ~17,000 characters failed its assertion (and took unsaved lesson work with it).
    const std::string text = core::sanitizeDisplayText(caption);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize() * 1.6f;
    float wrap = vp->Size.x * (presentation ? 0.9f : 0.8f);
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    float pad = size * 0.4f;
    ImVec2 pos(vp->Pos.x + (vp->Size.x - extent.x) * 0.5f, vp->Pos.y + vp->Size.y - extent.y - size * 1.2f);
    if (presentation) {
        // A full-width band: one stable place for the eye, black behind pure white text.
        pos.y = vp->Pos.y + vp->Size.y - extent.y - pad * 2.0f;
        dl->AddRectFilled(ImVec2(vp->Pos.x, pos.y - pad), ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y),
                          IM_COL32(0, 0, 0, 235));
        dl->AddRectFilled(ImVec2(vp->Pos.x, pos.y - pad), ImVec2(vp->Pos.x + vp->Size.x, pos.y - pad + 4.0f),
                          IM_COL32(255, 216, 0, 255));
        dl->AddText(font, size, pos, IM_COL32(255, 255, 255, 255), text.c_str(), nullptr, wrap);
        return;
    }
    dl->AddRectFilled(ImVec2(pos.x - pad, pos.y - pad), ImVec2(pos.x + extent.x + pad, pos.y + extent.y + pad),
                      IM_COL32(10, 12, 16, 200), pad);
    dl->AddText(font, size, pos, IM_COL32(245, 245, 240, 255), text.c_str(), nullptr, wrap);
}

void drawPresentationOverlay(const PresentationOverlay& overlay, const UiState& ui) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImVec2 lo = vp->Pos, hi(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y);
    if (ui.blackout) {
        dl->AddRectFilled(lo, hi, IM_COL32(0, 0, 0, 255));
        return;
    }
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize();
    float pad = size * 0.5f;
    if (!overlay.title.empty())
        dl->AddText(font, size, ImVec2(lo.x + pad, lo.y + pad), IM_COL32(255, 216, 0, 255), overlay.title.c_str());
    if (!overlay.progress.empty()) {
        ImVec2 ext = font->CalcTextSizeA(size, FLT_MAX, 0.0f, overlay.progress.c_str());
        ImVec2 p(hi.x - ext.x - pad, lo.y + pad);
        dl->AddRectFilled(ImVec2(p.x - pad * 0.5f, p.y - pad * 0.3f),
                          ImVec2(hi.x - pad * 0.5f, p.y + ext.y + pad * 0.3f), IM_COL32(0, 0, 0, 200), pad * 0.3f);
        dl->AddText(font, size, p, IM_COL32(255, 255, 255, 255), overlay.progress.c_str());
    }
    drawCaptionBar(overlay.caption, true);
    ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ui.laserPointer && mouse.x >= lo.x && mouse.y >= lo.y && mouse.x < hi.x && mouse.y < hi.y) {
        // A red dot with a soft halo, sized with the text so it reads on a large screen.
        float r = size * 0.35f;
        dl->AddCircleFilled(mouse, r * 2.6f, IM_COL32(255, 30, 30, 50), 32);
        dl->AddCircleFilled(mouse, r * 1.7f, IM_COL32(255, 30, 30, 90), 32);
        dl->AddCircleFilled(mouse, r, IM_COL32(255, 40, 40, 255), 24);
        dl->AddCircleFilled(mouse, r * 0.4f, IM_COL32(255, 220, 220, 255), 16);
    }
}

} // namespace myoatlas::ui
