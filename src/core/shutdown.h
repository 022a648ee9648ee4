#pragma once
// A polite end on SIGINT and SIGTERM: the handler only sets a flag, and the main loop, seeing it, leaves the way the
// window's close button does (settings saved, files closed). A second signal ends the process at once.
namespace myoatlas::core {

// Installs the handlers for SIGINT and SIGTERM (idempotent).
void installShutdownHandlers();
// True once SIGINT or SIGTERM arrived after installShutdownHandlers().
[[nodiscard]] bool shutdownRequested() noexcept;
// The signal that asked for it (0 when none): lets main report 128 + signal, as a shell would.
[[nodiscard]] int shutdownSignal() noexcept;

} // namespace myoatlas::core
