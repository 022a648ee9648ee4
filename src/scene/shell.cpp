#include "scene/shell.h"

namespace myoatlas::scene {
namespace {

bool* field(ShellState& s, ShellFlag f) {
    switch (f) {
    case ShellFlag::LayersPanel:
        return &s.layersPanel;
    case ShellFlag::BrowserPanel:
        return &s.browserPanel;
    case ShellFlag::InfoPanel:
        return &s.infoPanel;
    case ShellFlag::LessonPanel:
        return &s.lessonPanel;
    case ShellFlag::AboutPanel:
        return &s.aboutPanel;
    case ShellFlag::Help:
        return &s.help;
    case ShellFlag::Presentation:
        return &s.presentation;
    case ShellFlag::Blackout:
        return &s.blackout;
    case ShellFlag::Laser:
        return &s.laser;
    case ShellFlag::Patient:
        return &s.patient;
    case ShellFlag::Quiz:
        return &s.quiz;
    }
    return nullptr;
}

} // namespace

bool ShellState::flag(ShellFlag f) const {
    const bool* p = field(const_cast<ShellState&>(*this), f);
    return p && *p;
}

void ShellState::set(ShellFlag f, bool on) {
    bool* p = field(*this, f);
    if (!p)
        return;
    if (f == ShellFlag::Presentation && presentation != on) {
        blackout = false;
        laser = false; // off until the presenter asks for it
    }
    if ((f == ShellFlag::Blackout || f == ShellFlag::Laser) && !presentation)
        on = false;
    *p = on;
    if (f == ShellFlag::Patient && on)
        quiz = false;
    if (f == ShellFlag::Quiz && on)
        patient = false;
}

} // namespace myoatlas::scene
