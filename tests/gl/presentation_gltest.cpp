// Presentation mode renders large, high-contrast text: the caption bar, step counter and laser pointer drawn by the
// real ImGui OpenGL3 backend into an offscreen framebuffer (EGL surfaceless, llvmpipe) over an empty scene.
#include <epoxy/gl.h>

#include "io/image_io.h"
#include "platform/egl_context.h"
#include "support/image_compare.h"
#include "ui/presentation.h"
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

using namespace myoatlas;

namespace {

io::Image renderOverlay(int w, int h, const ui::PresentationOverlay& overlay, const scene::ShellState& state) {
    GLuint fbo = 0, color = 0;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &color);
    glBindRenderbuffer(GL_RENDERBUFFER, color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
    EXPECT_EQ(glCheckFramebufferStatus(GL_FRAMEBUFFER), static_cast<GLenum>(GL_FRAMEBUFFER_COMPLETE));
    glViewport(0, 0, w, h);
    // The "scene": an empty viewport in the renderer's background grey.
    glClearColor(0.32f, 0.34f, 0.38f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(w * 0.62f, h * 0.38f);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ui::drawPresentationOverlay(overlay, state);
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    io::Image img;
    img.width = w;
    img.height = h;
    img.rgba.resize(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    img.flipVertically();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteRenderbuffers(1, &color);
    glDeleteFramebuffers(1, &fbo);
    return img;
}

class Presentation : public ::testing::Test {
protected:
    void SetUp() override {
        test::forceSoftwareGl();
        gl = std::make_unique<platform::EglContext>(); // no skip: a GL test without a context fails
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        // Presentation fonts: the default 2x room scale on a 1x monitor.
        font = ui::applyTheme(1.0f, state.presentationScale, ui::Theme::HighContrast);
        ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 450 core"));
    }
    void TearDown() override {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext();
        gl.reset();
    }
    std::unique_ptr<platform::EglContext> gl;
    std::optional<std::filesystem::path> font;
    scene::ShellState state;
};

} // namespace

TEST_F(Presentation, CaptionBarIsLargeAndHighContrast) {
    ASSERT_TRUE(font.has_value()) << "needs fonts-dejavu-core for a deterministic baseline";
    state.presentation = true;
    state.laser = true; // off on entering presentation mode; the presenter turned it on (L)
    ui::PresentationOverlay overlay;
    overlay.title = "Neck pain and the upper trapezius";
    overlay.progress = "Step 2 / 5";
    overlay.caption = "The upper trapezius: from the skull to the collarbone";
    const int w = 960, h = 540;
    auto img = renderOverlay(w, h, overlay, state);
    EXPECT_GE(ImGui::GetFontSize(), 34.0f);
    // Room-sized text that scales with the window: a 20th of the height (27 px on these 540 lines, 54 px at
    // 1080p), in a band of at most a quarter of the screen.
    const auto layout = ui::layoutCaption(overlay.caption, w, h, true, ImGui::GetFontSize());
    EXPECT_GE(layout.size, h / 20.0f);
    EXPECT_LE(layout.bottom - layout.top, h * 0.25f);
    // The band at the bottom is black behind white text: both extremes are present in its rows.
    int white = 0, black = 0, rows = 0;
    for (int y = static_cast<int>(layout.top) + 5; y < h; ++y, ++rows)
        for (int x = 0; x < w; ++x) {
            const uint8_t* p = img.pixel(x, y);
            white += p[0] > 240 && p[1] > 240 && p[2] > 240;
            black += p[0] < 10 && p[1] < 10 && p[2] < 10;
        }
    EXPECT_GT(white, 800); // one line of 27 px text
    EXPECT_GT(black, rows * w * 6 / 10);
    // stb_truetype rasterises identically run to run; llvmpipe blends bit-exactly: no tolerance needed beyond
    // 1 level of rounding in the blended anti-aliased edges.
    EXPECT_TRUE(test::matchesBaseline(img, "presentation_caption", 1.0, 0.01));
}

TEST_F(Presentation, BlackoutCoversEverything) {
    state.presentation = true;
    state.blackout = true;
    ui::PresentationOverlay overlay;
    overlay.caption = "hidden";
    auto img = renderOverlay(320, 180, overlay, state);
    for (size_t i = 0; i < img.rgba.size(); i += 4)
        ASSERT_TRUE(img.rgba[i] == 0 && img.rgba[i + 1] == 0 && img.rgba[i + 2] == 0) << "pixel " << i / 4;
}
