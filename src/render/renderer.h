#pragma once
// Draws the body, its overlays and the final composite into offscreen targets. The only GL consumer of the scene.
#include "anatomy/body.h"
#include "core/image.h"
#include "geometry/mesh.h"
#include "render/body_upload.h"
#include "scene/occlusion.h"
#include "scene/overlay.h"
#include "scene/view_state.h"

#include <glm/vec4.hpp>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace myoatlas::render {

// Overlays are built GL-free by the features (scene/overlay.h); the renderer only uploads and draws them.
using OverlayMesh = scene::OverlayMesh;

struct FrameInputs {
    const scene::ViewState* view = nullptr;
    std::optional<uint32_t> hovered;
    std::span<const uint8_t> dimmed; // per structure; empty = none dimmed
    int width = 1280, height = 720;  // output size in pixels
    int supersample = 1;             // render at N x size and filter down (headless renders use 2)
    float lodPixels = 1.0f;          // the coarsest level of detail whose error stays under this many output
                                     // pixels on screen (scene/lod_select.h); 0 = always full detail
    bool cull = true;                // skip structures whose bounds lie outside the view frustum
    bool occlusion = true;           // skip opaque structures hidden behind other opaque ones (the image is the same)
    float time = 0.0f;               // seconds, for overlay flow
    float heatPulse = 0.0f;          // 0..1
    glm::vec3 backgroundTop{0.16f, 0.18f, 0.22f};
    glm::vec3 backgroundBottom{0.05f, 0.06f, 0.08f};
};

struct FrameStats {
    size_t lodStructures = 0; // drawn with a simplified mesh
    size_t drawnStructures = 0;
    size_t drawnTriangles = 0;
    size_t translucentStructures = 0;
    size_t culledStructures = 0;   // visible, but outside the view
    size_t occludedStructures = 0; // visible and in view, but hidden behind opaque ones: nothing of them drawn
    size_t occludedPieces = 0;     // pieces of structures (geometry::clusterMesh) not drawn, being hidden
};

// The renderer's compiled shader programs. Compiled on their own (with the GL context current) so that the window
// can compile them while its loading screen shows; a renderer made without them compiles its own.
struct ShaderPrograms;
[[nodiscard]] std::shared_ptr<ShaderPrograms> compileShaderPrograms(); // throws core::GpuError below GL 4.5
// Draws a tiny made-up scene with these programs (an opaque, selected tube under a translucent skin) and blits it to
// the window's framebuffer scaled up, as it is, and supersampled then filtered down: llvmpipe compiles the code of
// each of these the first time it runs, and the first real frame then finds it compiled (the window calls this while
// the body loads). Its targets are not powers of two in size, like the window's: llvmpipe compiles those apart.
// Leaves the window's framebuffer bound with whatever was drawn there.
void warmUpPipelines(const std::shared_ptr<ShaderPrograms>& programs, int windowWidth, int windowHeight);

// The body's vertex and index buffers, made from its layout before its renderer is (the window makes them on its
// GL thread while the loader finishes the rest of the body), with room after what they hold for the structures that
// join the body later (layoutAdded, the window's late fascia): the renderer writes those into the room, where it
// would otherwise copy the whole buffers into larger ones. Untouched room costs no memory on software GL. A
// Renderer made from them takes them over; buffers never taken over are deleted with this.
class BodyBuffers {
public:
    explicit BodyBuffers(const BodyUpload& upload); // a whole body's layout; needs a current GL 4.5 context
    ~BodyBuffers();
    BodyBuffers(const BodyBuffers&) = delete;
    BodyBuffers& operator=(const BodyBuffers&) = delete;

private:
    friend class Renderer;
    uint32_t vbo_ = 0, idVbo_ = 0, ibo_ = 0;
    size_t vertices_ = 0, indices_ = 0;             // what they hold
    size_t vertexCapacity_ = 0, indexCapacity_ = 0; // with the room
};

class Renderer {
public:
    explicit Renderer(const anatomy::Body& body); // uploads every mesh; needs a current GL 4.5 context
    // From a layout prepared for this body (prepareBodyUpload, on any thread), with programs already compiled
    // (empty: compiled here).
    Renderer(const anatomy::Body& body, BodyUpload upload, std::shared_ptr<ShaderPrograms> programs = {});
    // The same from a layout in two parts: `upload` (a body's layout, made before more structures joined it) and
    // `added` (layoutAdded after it, covering the whole body). The buffers are made at their final size at once.
    // With `buffers` (made from `upload`), the body's part is already uploaded: only `upload`'s per-structure lists
    // are read, `added` goes into their room, and the renderer takes their GL buffers over (they hold none after).
    Renderer(const anatomy::Body& body, BodyUpload upload, BodyUpload added,
             std::shared_ptr<ShaderPrograms> programs = {}, const std::shared_ptr<BodyBuffers>& buffers = {});
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Gives structures the renderer already has (empty until now) their meshes: a layout made by layoutAfter from
    // where this renderer's buffers end (render::uploadEnd of the layout it was made from). It goes into the
    // buffers' room (BodyBuffers), else the buffers grow; what they held stays, heat included. Throws core::Error for a
    // layout that does not go after them.
    void fillStructures(BodyUpload tail);

    // Per-vertex heat (0..1) on one structure's mesh (the skin); empty clears it.
    void setHeat(uint32_t structure, std::span<const float> values);
    void clearHeat();
    void setOverlays(std::vector<OverlayMesh> overlays);

    FrameStats render(const FrameInputs& in);
    // The last frame as an image (top row first), at the output size.
    [[nodiscard]] core::Image readPixels() const;
    // Binds the last frame's colour target for drawing over it (captions in headless renders); returns its size.
    void bindFinalTarget(int& width, int& height) const;
    // Copies the last frame to the default framebuffer (window) at the given size.
    void blitToScreen(int width, int height) const;

private:
    struct Targets;
    struct GpuOverlay;
    void ensureTargets(int width, int height);
    void uploadStructureInfo(const FrameInputs& in);
    // hullReady: the envelope's distances are drawn, so on-top overlays that ask for it fade on the far side.
    void drawOverlays(const FrameInputs& in, const glm::mat4& viewProj, bool onTop, bool hullReady = false);
    bool drawHull(const glm::mat4& viewProj, const glm::vec3& eye); // false when the body has no skin
    void readOcclusionCounts();                // whether the last frame's pieces showed in the end, into occlusion_
    void appendLayout(const BodyUpload& tail); // a later layout's arrays after what the buffers hold
    void growListsTo(size_t structures);       // per-structure lists for this many structures (new ones empty)
    void adoptLists(BodyUpload& tail);         // the lists of the structures a later layout placed (moved from it)

    const anatomy::Body& body_;
    std::unique_ptr<Targets> targets_;
    std::vector<GpuOverlay> overlays_;
    struct Gpu; // the GL objects: only renderer.cpp sees GL
    std::unique_ptr<Gpu> gpu_;
    std::vector<std::vector<float>> lodErrors_; // per structure, its levels' errors (metres), finest first
    std::vector<uint32_t> heatStructures_;
    scene::OcclusionHistory occlusion_;
    int outWidth_ = 0, outHeight_ = 0;
    std::shared_ptr<ShaderPrograms> programs_;
};

} // namespace myoatlas::render
