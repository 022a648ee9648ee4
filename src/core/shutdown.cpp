#include "core/shutdown.h"

#include <csignal>

namespace myoatlas::core {
namespace {

volatile std::sig_atomic_t gSignal = 0;

extern "C" void onShutdownSignal(int sig) {
    if (gSignal != 0) { // asked twice: the user wants out now
        std::signal(sig, SIG_DFL);
        std::raise(sig);
        return;
    }
    gSignal = sig;
}

} // namespace

void installShutdownHandlers() {
    struct sigaction action {};
    action.sa_handler = onShutdownSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking wait returns, so the loop sees the flag promptly
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool shutdownRequested() noexcept {
    return gSignal != 0;
}

int shutdownSignal() noexcept {
    return gSignal;
}

} // namespace myoatlas::core
