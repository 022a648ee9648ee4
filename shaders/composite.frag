#version 450 core
// Final image: opaque colour, translucent layers resolved over it, then outlines from structure-id and depth
// discontinuities (dark between structures, gold around the selection), over a soft background gradient.
uniform sampler2D uColor;
uniform usampler2D uIds;
uniform sampler2D uDepth;
uniform sampler2D uAccum;
uniform sampler2D uReveal;
uniform usampler2D uSelected; // 1 x N texture: 1 where structure id (1-based) is selected
uniform vec3 uBackgroundTop;
uniform vec3 uBackgroundBottom;
uniform float uOutlineWidth; // in pixels of the render target
uniform int uHasTranslucent;

in vec2 vUv;
out vec4 outColor;

bool selectedId(uint id) {
    if (id == 0u || id >= uint(textureSize(uSelected, 0).x))
        return false; // background, or an overlay (id 0xFFFFFFFF)
    return texelFetch(uSelected, ivec2(int(id), 0), 0).r != 0u;
}

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 size = textureSize(uIds, 0);
    uint id = texelFetch(uIds, p, 0).r;
    vec3 bg = mix(uBackgroundBottom, uBackgroundTop, vUv.y);
    vec3 c = id == 0u ? bg : texelFetch(uColor, p, 0).rgb;

    // Outlines: compare ids and depths with neighbours at distance uOutlineWidth.
    int r = max(1, int(uOutlineWidth + 0.5));
    float d0 = texelFetch(uDepth, p, 0).r;
    float edge = 0.0;
    float selEdge = 0.0;
    bool sel = selectedId(id);
    const ivec2 offs[4] = ivec2[](ivec2(1, 0), ivec2(-1, 0), ivec2(0, 1), ivec2(0, -1));
    for (int i = 0; i < 4; ++i) {
        ivec2 q = clamp(p + offs[i] * r, ivec2(0), size - 1);
        uint nid = texelFetch(uIds, q, 0).r;
        float nd = texelFetch(uDepth, q, 0).r;
        if (nid != id)
            edge = 1.0;
        else if (abs(nd - d0) > 0.0015 * (1.0 - d0 + 0.02))
            edge = max(edge, 0.5);
        if (selectedId(nid) != sel)
            selEdge = 1.0;
        // A wider halo for the selection.
        ivec2 q2 = clamp(p + offs[i] * (r * 2 + 1), ivec2(0), size - 1);
        if (selectedId(texelFetch(uIds, q2, 0).r) != sel)
            selEdge = max(selEdge, 0.6);
    }
    if (id != 0u || edge > 0.0)
        c = mix(c, c * 0.35, edge * 0.55);
    if (selEdge > 0.0)
        c = mix(c, vec3(1.0, 0.78, 0.15), selEdge);

    if (uHasTranslucent != 0) {
        float reveal = texelFetch(uReveal, p, 0).r;
        if (reveal < 0.9999) {
            vec4 accum = texelFetch(uAccum, p, 0);
            vec3 avg = accum.rgb / max(accum.a, 1e-5);
            c = mix(avg, c, reveal);
        }
    }
    outColor = vec4(c, 1.0);
}
