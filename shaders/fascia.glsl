// Fascia, so a generated sheet reads as dense connective tissue and not as skin: a silvery anisotropic sheen
// along the fibre direction (Kajiya-Kay highlight) and fine streaks across the fibres that fade out where they
// would be smaller than a pixel. Needs lighting.glsl (uEye, uKeyDir) included first.
// material: xyz = fibre direction template (x mirrored on the subject's right, -X), w = 0 none, 1 superficial
// fascia (soft sheen only), 2 investing deep fascia, 3 named sheet (both: sheen and fibre streaks).

float fasciaHash(vec2 p) {
    vec3 p3 = fract(vec3(p.xyx) * 0.1031);
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.x + p3.y) * p3.z);
}

float fasciaNoise(vec2 p) {
    vec2 i = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(fasciaHash(i), fasciaHash(i + vec2(1.0, 0.0)), u.x),
               mix(fasciaHash(i + vec2(0.0, 1.0)), fasciaHash(i + vec2(1.0, 1.0)), u.x), u.y);
}

vec3 fasciaShade(vec3 lit, vec3 n, vec3 world, vec4 material) {
    vec3 v = normalize(uEye - world);
    if (dot(n, v) < 0.0)
        n = -n;
    vec3 fibre = material.xyz;
    if (world.x < 0.0)
        fibre.x = -fibre.x;
    vec3 t = fibre - n * dot(fibre, n);
    if (dot(t, t) < 1e-6)
        t = cross(n, vec3(0.0, 0.0, 1.0));
    t = normalize(t);
    bool deep = material.w > 1.5;
    float streak = 0.5;
    if (deep) {
        vec3 b = normalize(cross(n, t));
        float across = dot(world, b) * 420.0; // about 2.4 mm between fibre bundles
        float along = dot(world, t) * 18.0;   // bundles a few centimetres long
        float s = fasciaNoise(vec2(across, along));
        s = mix(s, fasciaNoise(vec2(across * 2.3 + 17.0, along * 1.7)), 0.35);
        float resolved = clamp(1.5 - fwidth(across), 0.0, 1.0); // sub-pixel streaks would only shimmer
        streak = mix(0.5, s, resolved);
    }
    vec3 silver = vec3(0.93, 0.96, 1.0);
    vec3 h = normalize(uKeyDir + v);
    float th = dot(t, h);
    float aniso = pow(sqrt(max(0.0, 1.0 - th * th)), deep ? 56.0 : 24.0);
    vec3 c = lit * (deep ? 0.80 + 0.40 * streak : 0.95);
    c += silver * aniso * (deep ? 0.30 + 0.40 * streak : 0.16);
    float edge = pow(1.0 - max(dot(n, v), 0.0), 2.0);
    return mix(c, silver, edge * (deep ? 0.30 : 0.18));
}

// Opacity of a fascia fragment in a see-through layer. Whole-body envelopes drawn at the layer's opacity would read
// as a pale mannequin hiding the muscles and the named sheets, so, like a membrane held to the light, they show
// mostly where the view grazes them (silhouettes and folds) and little where they face the viewer: the superficial
// fascia as a faint veil, the investing layer as a thin membrane, the named sheets nearly at the layer's opacity.
float fasciaAlpha(float alpha, vec3 n, vec3 world, vec4 material) {
    float facing = abs(dot(n, normalize(uEye - world)));
    float rim = 1.0 - facing;
    if (material.w > 2.5)
        return alpha * mix(0.8, 1.0, rim);
    if (material.w > 1.5)
        return alpha * mix(0.3, 1.0, rim);
    return alpha * mix(0.12, 0.85, rim * rim);
}
