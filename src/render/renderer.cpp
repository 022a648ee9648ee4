#include "render/renderer.h"

#include "anatomy/fascia_sheets.h"
#include "core/error.h"
#include "geometry/frustum.h"
#include "render/gl_program.h"
#include "scene/colormap.h"
#include "scene/lod_select.h"
#include "scene/palette.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

namespace myoatlas::render {
namespace {

struct StructureInfoGpu {
    glm::vec4 color;
    glm::vec4 params;
    glm::vec4 material; // fascia sheen and fibre direction (anatomy::fasciaMaterial); zero for other tissues
};

GLuint makeTexture(GLenum internal, int w, int h, GLenum filter) {
    GLuint t = 0;
    glCreateTextures(GL_TEXTURE_2D, 1, &t);
    glTextureStorage2D(t, 1, internal, w, h);
    glTextureParameteri(t, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(filter));
    glTextureParameteri(t, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(filter));
    glTextureParameteri(t, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTextureParameteri(t, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return t;
}

void checkFramebuffer(GLuint fbo, const char* what) {
    GLenum status = glCheckNamedFramebufferStatus(fbo, GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw core::GpuError(std::string("framebuffer '") + what + "' is incomplete (status 0x" +
                             std::to_string(status) + ")");
}

} // namespace

struct Renderer::Targets {
    int w = 0, h = 0;
    int hullW = 0, hullH = 0; // the envelope's distances at half resolution: only compared against, never shown
    GLuint color = 0, ids = 0, depth = 0, accum = 0, reveal = 0, final = 0, hull = 0;
    GLuint sceneFbo = 0, oitFbo = 0, finalFbo = 0, hullFbo = 0;
    ~Targets() {
        GLuint tex[] = {color, ids, depth, accum, reveal, final, hull};
        glDeleteTextures(7, tex);
        GLuint fbos[] = {sceneFbo, oitFbo, finalFbo, hullFbo};
        glDeleteFramebuffers(4, fbos);
    }
};

struct Renderer::GpuOverlay {
    GLuint vao = 0, vbo = 0, ibo = 0;
    GLsizei count = 0;
    float flowSpeed = 0.0f, flowWavelength = 0.12f;
    bool onTop = false;
    bool fadeFarSide = true;
};

// The GL objects holding the body, and where each structure's indices lie in them.
struct Renderer::Gpu {
    GLuint vao = 0, vbo = 0, ibo = 0, idVbo = 0, scalarVbo = 0, ssbo = 0, emptyVao = 0;
    GLuint heatRamp = 0, selectedTex = 0;
    std::vector<GLsizei> counts;   // per structure index count
    std::vector<size_t> offsets;   // per structure byte offset into the index buffer
    std::vector<GLint> baseVertex; // per structure first vertex
    struct Level {
        GLsizei count = 0;
        size_t offset = 0;
    };
    std::vector<std::vector<Level>> lods; // per structure, its chain of simplified index lists, finest first
};

struct Renderer::Programs {
    GlProgram opaque{"body_opaque"};
    GlProgram oit{"body_translucent"};
    GlProgram composite{"composite"};
    GlProgram overlay{"overlay"};
    GlProgram hull{"hull"};
};

Renderer::Renderer(const anatomy::Body& body) : body_(body) {
    if (!epoxy_has_gl_extension("GL_ARB_direct_state_access") && epoxy_gl_version() < 45)
        throw core::GpuError("OpenGL 4.5 is required (have " + std::to_string(epoxy_gl_version()) + ")");
    programs_ = std::make_unique<Programs>();
    gpu_ = std::make_unique<Gpu>();

    // One interleaved position+normal buffer, a structure-id stream and a scalar (heat) stream for all meshes.
    size_t vertices = 0, indices = 0;
    for (const auto& m : body.meshes) {
        vertices += m.vertexCount();
        indices += m.indices.size();
    }
    std::vector<float> interleaved;
    interleaved.reserve(vertices * 6);
    std::vector<uint32_t> ids;
    ids.reserve(vertices);
    std::vector<uint32_t> allIndices;
    allIndices.reserve(indices);
    gpu_->counts.resize(body.size());
    gpu_->offsets.resize(body.size());
    gpu_->baseVertex.resize(body.size());
    for (uint32_t s = 0; s < body.size(); ++s) {
        const auto& m = body.meshes[s];
        auto base = static_cast<uint32_t>(ids.size());
        gpu_->baseVertex[s] = static_cast<GLint>(base);
        gpu_->offsets[s] = allIndices.size() * sizeof(uint32_t);
        gpu_->counts[s] = static_cast<GLsizei>(m.indices.size());
        for (size_t v = 0; v < m.vertexCount(); ++v) {
            const auto& p = m.positions[v];
            const auto& n = m.normals[v];
            interleaved.insert(interleaved.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
            ids.push_back(s);
        }
        for (uint32_t i : m.indices)
            allIndices.push_back(i + base);
    }
    // Simplified index lists after all the full ones, over the same vertices.
    gpu_->lods.resize(body.size());
    lodErrors_.resize(body.size());
    for (uint32_t s = 0; s < body.size(); ++s) {
        for (const auto& level : body.meshes[s].lods) {
            gpu_->lods[s].push_back({static_cast<GLsizei>(level.indices.size()), allIndices.size() * sizeof(uint32_t)});
            lodErrors_[s].push_back(level.error);
            for (uint32_t i : level.indices)
                allIndices.push_back(i + static_cast<uint32_t>(gpu_->baseVertex[s]));
        }
    }
    glCreateVertexArrays(1, &gpu_->vao);
    glCreateBuffers(1, &gpu_->vbo);
    glCreateBuffers(1, &gpu_->idVbo);
    glCreateBuffers(1, &gpu_->scalarVbo);
    glCreateBuffers(1, &gpu_->ibo);
    glNamedBufferStorage(gpu_->vbo, static_cast<GLsizeiptr>(interleaved.size() * sizeof(float)), interleaved.data(), 0);
    glNamedBufferStorage(gpu_->idVbo, static_cast<GLsizeiptr>(ids.size() * sizeof(uint32_t)), ids.data(), 0);
    std::vector<float> zeros(vertices, 0.0f);
    glNamedBufferStorage(gpu_->scalarVbo, static_cast<GLsizeiptr>(zeros.size() * sizeof(float)), zeros.data(),
                         GL_DYNAMIC_STORAGE_BIT);
    glNamedBufferStorage(gpu_->ibo, static_cast<GLsizeiptr>(allIndices.size() * sizeof(uint32_t)), allIndices.data(),
                         0);
    glVertexArrayVertexBuffer(gpu_->vao, 0, gpu_->vbo, 0, 6 * sizeof(float));
    glVertexArrayVertexBuffer(gpu_->vao, 1, gpu_->idVbo, 0, sizeof(uint32_t));
    glVertexArrayVertexBuffer(gpu_->vao, 2, gpu_->scalarVbo, 0, sizeof(float));
    glVertexArrayElementBuffer(gpu_->vao, gpu_->ibo);
    glEnableVertexArrayAttrib(gpu_->vao, 0);
    glVertexArrayAttribFormat(gpu_->vao, 0, 3, GL_FLOAT, GL_FALSE, 0);
    glVertexArrayAttribBinding(gpu_->vao, 0, 0);
    glEnableVertexArrayAttrib(gpu_->vao, 1);
    glVertexArrayAttribFormat(gpu_->vao, 1, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float));
    glVertexArrayAttribBinding(gpu_->vao, 1, 0);
    glEnableVertexArrayAttrib(gpu_->vao, 2);
    glVertexArrayAttribIFormat(gpu_->vao, 2, 1, GL_UNSIGNED_INT, 0);
    glVertexArrayAttribBinding(gpu_->vao, 2, 1);
    glEnableVertexArrayAttrib(gpu_->vao, 3);
    glVertexArrayAttribFormat(gpu_->vao, 3, 1, GL_FLOAT, GL_FALSE, 0);
    glVertexArrayAttribBinding(gpu_->vao, 3, 2);

    glCreateBuffers(1, &gpu_->ssbo);
    glNamedBufferStorage(gpu_->ssbo,
                         static_cast<GLsizeiptr>(std::max<size_t>(1, body.size()) * sizeof(StructureInfoGpu)), nullptr,
                         GL_DYNAMIC_STORAGE_BIT);
    glCreateVertexArrays(1, &gpu_->emptyVao);

    glCreateTextures(GL_TEXTURE_2D, 1, &gpu_->heatRamp);
    glTextureStorage2D(gpu_->heatRamp, 1, GL_RGBA8, 256, 1);
    glTextureParameteri(gpu_->heatRamp, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTextureParameteri(gpu_->heatRamp, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTextureParameteri(gpu_->heatRamp, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTextureParameteri(gpu_->heatRamp, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // The one heat ramp (scene/colormap.h): the window, headless renders and handouts paint with the same colours.
    const std::vector<uint8_t> ramp = scene::heatLut(256);
    glTextureSubImage2D(gpu_->heatRamp, 0, 0, 0, 256, 1, GL_RGBA, GL_UNSIGNED_BYTE, ramp.data());

    glCreateTextures(GL_TEXTURE_2D, 1, &gpu_->selectedTex);
    glTextureStorage2D(gpu_->selectedTex, 1, GL_R8UI, static_cast<GLsizei>(body.size() + 1), 1);
    checkGl("Renderer upload");
}

Renderer::~Renderer() {
    overlays_.clear();
    setOverlays({});
    GLuint buffers[] = {gpu_->vbo, gpu_->ibo, gpu_->idVbo, gpu_->scalarVbo, gpu_->ssbo};
    glDeleteBuffers(5, buffers);
    GLuint vaos[] = {gpu_->vao, gpu_->emptyVao};
    glDeleteVertexArrays(2, vaos);
    GLuint tex[] = {gpu_->heatRamp, gpu_->selectedTex};
    glDeleteTextures(2, tex);
}

void Renderer::setHeat(uint32_t structure, std::span<const float> values) {
    if (structure >= body_.size() || values.size() != body_.meshes[structure].vertexCount())
        throw core::Error("heat values do not match the structure's vertex count");
    glNamedBufferSubData(gpu_->scalarVbo, static_cast<GLintptr>(gpu_->baseVertex[structure] * sizeof(float)),
                         static_cast<GLsizeiptr>(values.size() * sizeof(float)), values.data());
    if (std::find(heatStructures_.begin(), heatStructures_.end(), structure) == heatStructures_.end())
        heatStructures_.push_back(structure);
}

void Renderer::clearHeat() {
    for (uint32_t s : heatStructures_) {
        std::vector<float> zeros(body_.meshes[s].vertexCount(), 0.0f);
        glNamedBufferSubData(gpu_->scalarVbo, static_cast<GLintptr>(gpu_->baseVertex[s] * sizeof(float)),
                             static_cast<GLsizeiptr>(zeros.size() * sizeof(float)), zeros.data());
    }
    heatStructures_.clear();
}

void Renderer::setOverlays(std::vector<OverlayMesh> overlays) {
    for (auto& o : overlays_) {
        glDeleteVertexArrays(1, &o.vao);
        glDeleteBuffers(1, &o.vbo);
        glDeleteBuffers(1, &o.ibo);
    }
    overlays_.clear();
    for (const auto& o : overlays) {
        if (o.mesh.indices.empty())
            continue;
        GpuOverlay g;
        std::vector<float> data;
        data.reserve(o.mesh.vertexCount() * 11);
        for (size_t v = 0; v < o.mesh.vertexCount(); ++v) {
            const auto& p = o.mesh.positions[v];
            glm::vec3 n = v < o.mesh.normals.size() ? o.mesh.normals[v] : glm::vec3(0, 1, 0);
            glm::vec4 c = v < o.colors.size() ? o.colors[v] : glm::vec4(1.0f);
            float param = v < o.params.size() ? o.params[v] : 0.0f;
            data.insert(data.end(), {p.x, p.y, p.z, n.x, n.y, n.z, c.r, c.g, c.b, c.a, param});
        }
        glCreateVertexArrays(1, &g.vao);
        glCreateBuffers(1, &g.vbo);
        glCreateBuffers(1, &g.ibo);
        glNamedBufferStorage(g.vbo, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), 0);
        glNamedBufferStorage(g.ibo, static_cast<GLsizeiptr>(o.mesh.indices.size() * sizeof(uint32_t)),
                             o.mesh.indices.data(), 0);
        glVertexArrayVertexBuffer(g.vao, 0, g.vbo, 0, 11 * sizeof(float));
        glVertexArrayElementBuffer(g.vao, g.ibo);
        const GLint sizes[] = {3, 3, 4, 1};
        GLuint offset = 0;
        for (GLuint a = 0; a < 4; ++a) {
            glEnableVertexArrayAttrib(g.vao, a);
            glVertexArrayAttribFormat(g.vao, a, sizes[a], GL_FLOAT, GL_FALSE, offset * sizeof(float));
            glVertexArrayAttribBinding(g.vao, a, 0);
            offset += static_cast<GLuint>(sizes[a]);
        }
        g.count = static_cast<GLsizei>(o.mesh.indices.size());
        g.flowSpeed = o.flowSpeed;
        g.flowWavelength = o.flowWavelength;
        g.onTop = o.onTop;
        g.fadeFarSide = o.fadeFarSide;
        overlays_.push_back(g);
    }
    checkGl("setOverlays");
}

void Renderer::ensureTargets(int w, int h) {
    if (targets_ && targets_->w == w && targets_->h == h)
        return;
    targets_.reset();
    auto t = std::make_unique<Targets>();
    t->w = w;
    t->h = h;
    t->color = makeTexture(GL_RGBA8, w, h, GL_NEAREST);
    t->ids = makeTexture(GL_R32UI, w, h, GL_NEAREST);
    t->depth = makeTexture(GL_DEPTH_COMPONENT24, w, h, GL_NEAREST);
    t->accum = makeTexture(GL_RGBA16F, w, h, GL_NEAREST);
    t->reveal = makeTexture(GL_R16F, w, h, GL_NEAREST);
    t->final = makeTexture(GL_RGBA8, w, h, GL_LINEAR);
    glCreateFramebuffers(1, &t->sceneFbo);
    glNamedFramebufferTexture(t->sceneFbo, GL_COLOR_ATTACHMENT0, t->color, 0);
    glNamedFramebufferTexture(t->sceneFbo, GL_COLOR_ATTACHMENT1, t->ids, 0);
    glNamedFramebufferTexture(t->sceneFbo, GL_DEPTH_ATTACHMENT, t->depth, 0);
    const GLenum two[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glNamedFramebufferDrawBuffers(t->sceneFbo, 2, two);
    checkFramebuffer(t->sceneFbo, "scene");
    glCreateFramebuffers(1, &t->oitFbo);
    glNamedFramebufferTexture(t->oitFbo, GL_COLOR_ATTACHMENT0, t->accum, 0);
    glNamedFramebufferTexture(t->oitFbo, GL_COLOR_ATTACHMENT1, t->reveal, 0);
    glNamedFramebufferTexture(t->oitFbo, GL_DEPTH_ATTACHMENT, t->depth, 0);
    glNamedFramebufferDrawBuffers(t->oitFbo, 2, two);
    checkFramebuffer(t->oitFbo, "translucent");
    glCreateFramebuffers(1, &t->finalFbo);
    glNamedFramebufferTexture(t->finalFbo, GL_COLOR_ATTACHMENT0, t->final, 0);
    checkFramebuffer(t->finalFbo, "final");
    t->hullW = std::max(1, w / 2);
    t->hullH = std::max(1, h / 2);
    t->hull = makeTexture(GL_RG32F, t->hullW, t->hullH, GL_NEAREST);
    glCreateFramebuffers(1, &t->hullFbo);
    glNamedFramebufferTexture(t->hullFbo, GL_COLOR_ATTACHMENT0, t->hull, 0);
    checkFramebuffer(t->hullFbo, "body envelope");
    targets_ = std::move(t);
    checkGl("ensureTargets");
}

void Renderer::uploadStructureInfo(const FrameInputs& in) {
    const auto& view = *in.view;
    std::vector<StructureInfoGpu> info(body_.size());
    std::vector<uint8_t> selected(body_.size() + 1, 0);
    for (uint32_t s = 0; s < body_.size(); ++s) {
        const auto& st = body_.structures[s];
        bool sel = view.isSelected(s);
        selected[s + 1] = sel ? 1 : 0;
        bool heat = std::find(heatStructures_.begin(), heatStructures_.end(), s) != heatStructures_.end();
        bool dim = !in.dimmed.empty() && s < in.dimmed.size() && in.dimmed[s];
        info[s].color = glm::vec4(scene::structureColor(st), view.opacity(body_, s));
        info[s].params =
            glm::vec4(sel ? 1.0f : 0.0f, in.hovered == s ? 1.0f : 0.0f, heat ? 1.0f : 0.0f, dim ? 1.0f : 0.0f);
        info[s].material = anatomy::fasciaMaterial(st);
    }
    glNamedBufferSubData(gpu_->ssbo, 0, static_cast<GLsizeiptr>(info.size() * sizeof(StructureInfoGpu)), info.data());
    glTextureSubImage2D(gpu_->selectedTex, 0, 0, 0, static_cast<GLsizei>(selected.size()), 1, GL_RED_INTEGER,
                        GL_UNSIGNED_BYTE, selected.data());
}

FrameStats Renderer::render(const FrameInputs& in) {
    if (!in.view)
        throw core::Error("Renderer::render without a view state");
    FrameStats stats;
    int ss = std::clamp(in.supersample, 1, 4);
    int w = std::max(1, in.width * ss), h = std::max(1, in.height * ss);
    outWidth_ = in.width;
    outHeight_ = in.height;
    ensureTargets(w, h);
    uploadStructureInfo(in);

    const auto& view = *in.view;
    float aspect = static_cast<float>(w) / static_cast<float>(h);
    glm::mat4 viewProj = view.camera.projection(aspect) * view.camera.view();
    glm::vec3 eye = view.camera.eye();
    // Key light from the viewer's upper left, fill from the right, both following the camera.
    glm::mat4 v = view.camera.view();
    glm::vec3 right(v[0][0], v[1][0], v[2][0]), up(v[0][1], v[1][1], v[2][1]);
    glm::vec3 back = glm::normalize(eye - view.camera.target);
    glm::vec3 key = glm::normalize(back * 0.9f + up * 0.7f - right * 0.5f);
    glm::vec3 fill = glm::normalize(back * 0.6f + right * 0.8f - up * 0.2f);

    // Pixels per metre at unit distance, for the level-of-detail choice: output pixels, so that supersampling
    // sharpens edges without asking for more triangles.
    const float pixelsPerMetreAtOne = scene::pixelsPerMetreAtUnitDistance(view.camera.fovY, in.height);
    // Visible structures by pass. Opaque ones are drawn nearest first, so that early depth testing rejects the
    // fragments of what they hide (close-ups are bound by fragment work on llvmpipe).
    struct Draw {
        float key;
        GLsizei count;
        const void* offset;
    };
    std::vector<Draw> opaque;
    std::vector<GLsizei> oCounts, tCounts;
    std::vector<const void*> oOffsets, tOffsets;
    const geometry::Frustum frustum(viewProj); // close-ups (a technique's contact) leave most of the body out
    for (auto layer : anatomy::kAllLayers) {
        for (uint32_t s = 0; s < body_.size(); ++s) {
            if (body_.structures[s].layer != layer || !view.isVisible(body_, s))
                continue;
            if (in.cull && !frustum.intersects(body_.structures[s].bounds)) {
                stats.culledStructures++;
                continue;
            }
            float a = view.opacity(body_, s);
            bool translucent = a < 0.995f;
            // A structure carrying heat keeps full detail: thin patterns would turn blocky on the simplified mesh.
            bool heated = std::find(heatStructures_.begin(), heatStructures_.end(), s) != heatStructures_.end();
            const float nearest = std::sqrt(body_.structures[s].bounds.distance2(eye));
            size_t level = heated ? 0 : scene::selectLod(lodErrors_[s], nearest, pixelsPerMetreAtOne, in.lodPixels);
            bool lod = level > 0;
            GLsizei count = lod ? gpu_->lods[s][level - 1].count : gpu_->counts[s];
            size_t offset = lod ? gpu_->lods[s][level - 1].offset : gpu_->offsets[s];
            if (translucent) {
                tCounts.push_back(count);
                tOffsets.push_back(reinterpret_cast<const void*>(offset));
            } else {
                // Layer by layer (outer ones hide inner ones), nearest first within a layer.
                float key = static_cast<float>(anatomy::index(layer)) * 100.0f + nearest;
                opaque.push_back({key, count, reinterpret_cast<const void*>(offset)});
            }
            stats.drawnStructures++;
            stats.lodStructures += lod ? 1 : 0;
            stats.drawnTriangles += static_cast<size_t>(count / 3);
            stats.translucentStructures += translucent ? 1 : 0;
        }
    }
    std::stable_sort(opaque.begin(), opaque.end(), [](const Draw& a, const Draw& b) { return a.key < b.key; });
    for (const Draw& d : opaque) {
        oCounts.push_back(d.count);
        oOffsets.push_back(d.offset);
    }

    glViewport(0, 0, w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, targets_->sceneFbo);
    const float black[] = {0, 0, 0, 0};
    const GLuint zeroId[] = {0, 0, 0, 0};
    glClearBufferfv(GL_COLOR, 0, black);
    glClearBufferuiv(GL_COLOR, 1, zeroId);
    glClearDepth(1.0);
    glClear(GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, gpu_->ssbo);
    glBindTextureUnit(0, gpu_->heatRamp);
    glBindVertexArray(gpu_->vao);
    for (GlProgram* p : {&programs_->opaque, &programs_->oit}) {
        p->set("uViewProj", viewProj);
        p->set("uEye", eye);
        p->set("uKeyDir", key);
        p->set("uFillDir", fill);
        p->set("uHeatRamp", 0);
        p->set("uHeatPulse", in.heatPulse);
    }
    if (!oCounts.empty()) {
        programs_->opaque.use();
        glMultiDrawElements(GL_TRIANGLES, oCounts.data(), GL_UNSIGNED_INT, oOffsets.data(),
                            static_cast<GLsizei>(oCounts.size()));
    }
    programs_->overlay.set("uGhost", 0);
    drawOverlays(in, viewProj, false);
    checkGl("opaque pass");

    bool hasTranslucent = !tCounts.empty();
    if (hasTranslucent) {
        glBindFramebuffer(GL_FRAMEBUFFER, targets_->oitFbo);
        const float one[] = {1, 1, 1, 1};
        glClearBufferfv(GL_COLOR, 0, black);
        glClearBufferfv(GL_COLOR, 1, one);
        glDepthMask(GL_FALSE);
        glEnable(GL_BLEND);
        glBlendFunci(0, GL_ONE, GL_ONE);
        glBlendFunci(1, GL_ZERO, GL_ONE_MINUS_SRC_COLOR);
        glBindVertexArray(gpu_->vao);
        programs_->oit.use();
        glMultiDrawElements(GL_TRIANGLES, tCounts.data(), GL_UNSIGNED_INT, tOffsets.data(),
                            static_cast<GLsizei>(tCounts.size()));
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
        checkGl("translucent pass");
    }

    glBindFramebuffer(GL_FRAMEBUFFER, targets_->finalFbo);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    auto& c = programs_->composite;
    c.use();
    glBindTextureUnit(0, targets_->color);
    glBindTextureUnit(1, targets_->ids);
    glBindTextureUnit(2, targets_->depth);
    glBindTextureUnit(3, targets_->accum);
    glBindTextureUnit(4, targets_->reveal);
    glBindTextureUnit(5, gpu_->selectedTex);
    c.set("uColor", 0);
    c.set("uIds", 1);
    c.set("uDepth", 2);
    c.set("uAccum", 3);
    c.set("uReveal", 4);
    c.set("uSelected", 5);
    c.set("uBackgroundTop", in.backgroundTop);
    c.set("uBackgroundBottom", in.backgroundBottom);
    c.set("uOutlineWidth", static_cast<float>(ss));
    c.set("uHasTranslucent", hasTranslucent ? 1 : 0);
    glBindVertexArray(gpu_->emptyVao);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    // Markers that must read through every layer go over the finished image, with a depth test among
    // themselves only; those in the far half of the body fade (measured against the skin's entry and exit).
    bool anyOnTop = std::any_of(overlays_.begin(), overlays_.end(), [](const GpuOverlay& o) { return o.onTop; });
    if (anyOnTop) {
        bool fade = std::any_of(overlays_.begin(), overlays_.end(),
                                [](const GpuOverlay& o) { return o.onTop && o.fadeFarSide; });
        bool hull = fade && drawHull(viewProj, eye);
        auto& p = programs_->overlay;
        p.set("uHull", 6);
        p.set("uHullScale", static_cast<float>(targets_->hullW) / static_cast<float>(w));
        glBindTextureUnit(6, targets_->hull);
        glBindFramebuffer(GL_FRAMEBUFFER, targets_->finalFbo);
        glViewport(0, 0, w, h);
        glNamedFramebufferTexture(targets_->finalFbo, GL_DEPTH_ATTACHMENT, targets_->depth, 0);
        glEnable(GL_DEPTH_TEST);
        glClear(GL_DEPTH_BUFFER_BIT);
        glEnable(GL_BLEND); // faded fragments blend; the image keeps its opaque alpha
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
        drawOverlays(in, viewProj, true, hull);
        glDisable(GL_BLEND);
        p.set("uGhost", 0);
        glNamedFramebufferTexture(targets_->finalFbo, GL_DEPTH_ATTACHMENT, 0, 0);
        glDisable(GL_DEPTH_TEST);
    }
    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    checkGl("composite");
    return stats;
}

void Renderer::drawOverlays(const FrameInputs& in, const glm::mat4& viewProj, bool onTop, bool hullReady) {
    if (overlays_.empty())
        return;
    auto& p = programs_->overlay;
    p.use();
    p.set("uViewProj", viewProj);
    p.set("uEye", in.view->camera.eye());
    glm::vec3 back = glm::normalize(in.view->camera.eye() - in.view->camera.target);
    p.set("uKeyDir", glm::normalize(back + glm::vec3(0, 0.7f, 0)));
    p.set("uFillDir", back);
    p.set("uTime", in.time);
    glDisable(GL_CULL_FACE);
    for (const auto& o : overlays_) {
        if (o.onTop != onTop)
            continue;
        if (onTop)
            p.set("uGhost", o.fadeFarSide && hullReady ? 1 : 0);
        p.set("uFlowSpeed", o.flowSpeed);
        p.set("uFlowWavelength", o.flowWavelength);
        glBindVertexArray(o.vao);
        glDrawElements(GL_TRIANGLES, o.count, GL_UNSIGNED_INT, nullptr);
    }
    glEnable(GL_CULL_FACE);
}

bool Renderer::drawHull(const glm::mat4& viewProj, const glm::vec3& eye) {
    std::optional<uint32_t> skin = body_.skin();
    if (!skin)
        return false;
    glBindFramebuffer(GL_FRAMEBUFFER, targets_->hullFbo);
    glViewport(0, 0, targets_->hullW, targets_->hullH);
    const float far[] = {1.0e6f, 1.0e6f, 0.0f, 0.0f};
    glClearBufferfv(GL_COLOR, 0, far);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendEquation(GL_MIN);
    auto& h = programs_->hull;
    h.use();
    h.set("uViewProj", viewProj);
    h.set("uEye", eye);
    glBindVertexArray(gpu_->vao);
    // The simplified skin is close enough to tell near from far, at a fraction of the cost.
    const auto& lods = gpu_->lods[*skin];
    bool lod = !lods.empty();
    glDrawElements(GL_TRIANGLES, lod ? lods.front().count : gpu_->counts[*skin], GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(lod ? lods.front().offset : gpu_->offsets[*skin]));
    glBlendEquation(GL_FUNC_ADD);
    glDisable(GL_BLEND);
    checkGl("body envelope");
    return true;
}

core::Image Renderer::readPixels() const {
    core::Image img;
    if (!targets_)
        return img;
    // Filter the supersampled frame down to the output size through a linear blit.
    GLuint tex = 0, fbo = 0;
    glCreateTextures(GL_TEXTURE_2D, 1, &tex);
    glTextureStorage2D(tex, 1, GL_RGBA8, outWidth_, outHeight_);
    glCreateFramebuffers(1, &fbo);
    glNamedFramebufferTexture(fbo, GL_COLOR_ATTACHMENT0, tex, 0);
    glBlitNamedFramebuffer(targets_->finalFbo, fbo, 0, 0, targets_->w, targets_->h, 0, 0, outWidth_, outHeight_,
                           GL_COLOR_BUFFER_BIT, targets_->w == outWidth_ ? GL_NEAREST : GL_LINEAR);
    img.width = outWidth_;
    img.height = outHeight_;
    img.rgba.resize(static_cast<size_t>(outWidth_) * outHeight_ * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTextureImage(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, static_cast<GLsizei>(img.rgba.size()), img.rgba.data());
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    img.flipVertically();
    return img;
}

void Renderer::bindFinalTarget(int& width, int& height) const {
    if (!targets_)
        throw core::Error("bindFinalTarget before the first frame");
    glBindFramebuffer(GL_FRAMEBUFFER, targets_->finalFbo);
    width = targets_->w;
    height = targets_->h;
}

void Renderer::blitToScreen(int width, int height) const {
    if (!targets_)
        return;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width, height); // the UI drawn next uses the whole window
    glBlitNamedFramebuffer(targets_->finalFbo, 0, 0, 0, targets_->w, targets_->h, 0, 0, width, height,
                           GL_COLOR_BUFFER_BIT, targets_->w == width ? GL_NEAREST : GL_LINEAR);
}

} // namespace myoatlas::render
