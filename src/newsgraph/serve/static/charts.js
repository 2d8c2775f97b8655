// newsgraph explorer: the drawings, as static SVG built from API answers (the actor network, the
// timeline of cooperation and conflict) and the world outline's decoding for the map. Loaded before
// app.js, whose DOM helpers (svg, el) and QUAD_COLOURS these call when a page draws.
"use strict";

// A force-directed layout, computed once (a few hundred iterations) and drawn as static SVG.
function networkGraph(graph, centre) {
  const width = 640, height = 420;
  const nodes = graph.nodes.map((n, i) => ({ ...n,
    x: width / 2 + Math.cos(i) * 150 * (n.id === centre ? 0 : 1), y: height / 2 + Math.sin(i) * 150 * (n.id === centre ? 0 : 1) }));
  const index = new Map(nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => index.has(e.source) && index.has(e.target));
  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 25);
      a.x += (dx / d2) * 900 * cool; a.y += (dy / d2) * 900 * cool;
    }
    for (const e of edges) {
      const s = index.get(e.source), t = index.get(e.target);
      const dx = t.x - s.x, dy = t.y - s.y, d = Math.max(Math.hypot(dx, dy), 1), pull = (d - 110) * 0.02 * cool;
      s.x += (dx / d) * pull; s.y += (dy / d) * pull; t.x -= (dx / d) * pull; t.y -= (dy / d) * pull;
    }
    for (const n of nodes) {
      if (n.id === centre) { n.x = width / 2; n.y = height / 2; }
      // Keep every node on the canvas, with room for its label on the right.
      n.x = Math.min(width - 130, Math.max(30, n.x));
      n.y = Math.min(height - 20, Math.max(20, n.y));
    }
  }
  const drawing = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `network of ${nodes.length} actors`, class: "network" });
  for (const e of edges) {
    const s = index.get(e.source), t = index.get(e.target);
    drawing.append(svg("line", { class: "edge", x1: s.x, y1: s.y, x2: t.x, y2: t.y,
      stroke: e.kind === "relation" ? "#adb5bd" : (QUAD_COLOURS[e.quad] || "#868e96"),
      "stroke-width": Math.min(1 + Math.log2(e.weight || 1), 6) }, svg("title", {}, `${e.label} (${e.weight})`)));
  }
  for (const n of nodes) {
    const link = svg("a", { href: `/actors/${encodeURIComponent(n.id)}`, class: "node" },
      svg("circle", { cx: n.x, cy: n.y, r: n.id === centre ? 10 : 7,
        fill: n.type === "PERSON" ? "#4263eb" : n.type === "ORG" ? "#ae3ec9" : "#0ca678" }),
      svg("text", { x: n.x + 11, y: n.y + 4 }, n.name));
    drawing.append(link);
  }
  return drawing;
}

function timelineChart(timeline) {
  const buckets = timeline.buckets || [];
  const width = 640, height = 180, pad = 24;
  const drawing = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "events by period, cooperation and conflict", class: "timeline" });
  if (!buckets.length) {
    drawing.append(svg("text", { x: 12, y: 24 }, "No dated events."));
    return drawing;
  }
  const order = ["material_cooperation", "verbal_cooperation", "verbal_conflict", "material_conflict"];
  const max = Math.max(...buckets.map((b) => order.reduce((s, q) => s + (b.quads[q] || 0), 0)), 1);
  const step = Math.min((width - 2 * pad) / buckets.length, 48);  // one month is a bar, not the whole chart
  buckets.forEach((b, i) => {
    let y = height - pad;
    for (const q of order) {
      const h = ((b.quads[q] || 0) / max) * (height - 2 * pad);
      if (h > 0) {
        drawing.append(svg("rect", { x: pad + i * step + 1, y: y - h, width: Math.max(step - 2, 1), height: h,
          fill: QUAD_COLOURS[q] }, svg("title", {}, `${b.period}: ${b.quads[q]} ${q.replace("_", " ")}`)));
        y -= h;
      }
    }
    if (buckets.length <= 24 || i % Math.ceil(buckets.length / 12) === 0) {
      drawing.append(svg("text", { x: pad + i * step, y: height - 6, "font-size": 10 }, b.period));
    }
  });
  return drawing;
}

// Decode a TopoJSON topology's arcs (delta-encoded, quantised) into rings of [lon, lat].
function topojsonRings(topology) {
  const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let a = 0, b = 0;
    return arc.map(([dx, dy]) => { a += dx; b += dy; return [a * sx + tx, b * sy + ty]; });
  });
  const arcPoints = (i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse());
  const rings = [];
  const walk = (geometry) => {
    if (geometry.type === "GeometryCollection") geometry.geometries.forEach(walk);
    else if (geometry.type === "Polygon") geometry.arcs.forEach((ring) => rings.push(ring.flatMap(arcPoints)));
    else if (geometry.type === "MultiPolygon") geometry.arcs.forEach((poly) => poly.forEach((ring) => rings.push(ring.flatMap(arcPoints))));
  };
  Object.values(topology.objects).forEach(walk);
  return rings;
}
