package automl4j.it.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Layout faults of a loaded report page as the browser laid it out, in words. {@link #of}: text of a chart cut off at
 * the chart's edge, texts of one chart drawn over each other, a figure wider than its section or overlapping another
 * figure, and a page wider than the window (a sideways scroll bar on a laptop screen). {@link #ofReading}: what goes
 * wrong as a reader moves about the page (a heading under the sticky header, sticky cells piled up in a scrolled table,
 * a table's headings scrolled out of view).
 */
final class LayoutProblems {
    /** The faults in words; overlaps and overflows of up to {@code slack} pixels are rounding, not faults. */
    private static final String SCRIPT = """
            (function () {
              var slack = 1.5, out = [];
              function name(svg) { return "chart '" + (svg.getAttribute('aria-label') || '?') + "'"; }
              function overlap(a, b) {
                return Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack
                    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
              }
              // a text's box as drawn: its four corners in the window, rotation included
              function corners(t) {
                var b = t.getBBox(), m = t.getScreenCTM();
                return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(function (p) {
                  return {x: m.a * p[0] + m.c * p[1] + m.e, y: m.b * p[0] + m.d * p[1] + m.f};
                });
              }
              // two convex quadrilaterals overlap when no edge's normal separates them (by more than the slack)
              function crosses(p, q) {
                function spread(poly, nx, ny) {
                  var d = poly.map(function (v) { return v.x * nx + v.y * ny; });
                  return [Math.min.apply(null, d), Math.max.apply(null, d)];
                }
                return [p, q].every(function (poly) {
                  return poly.every(function (a, i) {
                    var b = poly[(i + 1) % poly.length], nx = b.y - a.y, ny = a.x - b.x, len = Math.hypot(nx, ny);
                    if (len === 0) { return true; }
                    var u = spread(p, nx / len, ny / len), v = spread(q, nx / len, ny / len);
                    return Math.min(u[1], v[1]) - Math.max(u[0], v[0]) > slack;
                  });
                });
              }
              document.querySelectorAll('svg').forEach(function (svg) {
                var box = svg.getBoundingClientRect();
                var texts = Array.from(svg.querySelectorAll('text')).filter(function (t) { return t.textContent.trim() !== ''; });
                var quads = texts.map(corners);
                texts.forEach(function (t, i) {
                  var xs = quads[i].map(function (v) { return v.x; }), ys = quads[i].map(function (v) { return v.y; });
                  var r = {left: Math.min.apply(null, xs), right: Math.max.apply(null, xs), top: Math.min.apply(null, ys), bottom: Math.max.apply(null, ys)};
                  var cut = [];
                  if (r.left < box.left - slack) { cut.push('left by ' + Math.round(box.left - r.left) + ' px'); }
                  if (r.right > box.right + slack) { cut.push('right by ' + Math.round(r.right - box.right) + ' px'); }
                  if (r.top < box.top - slack) { cut.push('top by ' + Math.round(box.top - r.top) + ' px'); }
                  if (r.bottom > box.bottom + slack) { cut.push('bottom by ' + Math.round(r.bottom - box.bottom) + ' px'); }
                  if (cut.length) { out.push(name(svg) + ": text '" + t.textContent.trim() + "' is cut off at the " + cut.join(', ')); }
                  for (var j = i + 1; j < texts.length; j++) {
                    if (crosses(quads[i], quads[j])) {
                      out.push(name(svg) + ": texts '" + t.textContent.trim() + "' and '" + texts[j].textContent.trim() + "' overlap");
                    }
                  }
                });
              });
              // a figure's drawing, which may be wider than the figure itself
              var drawings = Array.from(document.querySelectorAll('figure')).map(function (f) { return f.querySelector('svg') || f; });
              drawings.forEach(function (d, i) {
                var r = d.getBoundingClientRect(), section = d.closest('section') || document.body, s = section.getBoundingClientRect();
                if (r.right > s.right + slack || r.left < s.left - slack) {
                  out.push(name(d) + ' sticks out of its section by ' + Math.round(Math.max(r.right - s.right, s.left - r.left)) + ' px');
                }
                for (var j = i + 1; j < drawings.length; j++) {
                  if (overlap(r, drawings[j].getBoundingClientRect())) {
                    out.push(name(d) + ' and ' + name(drawings[j]) + ' overlap');
                  }
                }
              });
              var wide = document.documentElement.scrollWidth - window.innerWidth;
              if (wide > 0) { out.push('the page is ' + wide + ' px wider than the ' + window.innerWidth + ' px window'); }
              return out;
            })()
            """;

    /**
     * Follows each in-page link of the navigation as a reader would and names the targets whose heading ends up under
     * a sticky header; scrolls back to the top.
     */
    private static final String UNDER_HEADER = """
            (function () {
              var out = [], header = document.querySelector('header');
              if (!header || getComputedStyle(header).position !== 'sticky') { return out; }
              document.querySelectorAll('nav a[href^="#"]').forEach(function (a) {
                var target = document.getElementById(a.getAttribute('href').slice(1));
                if (!target) { out.push("the link '" + a.textContent + "' leads nowhere"); return; }
                target.scrollIntoView();   // what following the link does, without the history entry
                var heading = target.querySelector('h1, h2, h3') || target, h = header.getBoundingClientRect(), t = heading.getBoundingClientRect();
                if (t.top < h.bottom - 1) {
                  out.push("after the link '" + a.textContent + "' its heading is under the sticky header (heading top " + Math.round(t.top)
                      + " px, header bottom " + Math.round(h.bottom) + " px)");
                }
              });
              window.scrollTo(0, 0);
              return out;
            })()
            """;

    /**
     * Scrolls each scrolling box to its end, down and sideways, as a reader does with a large table, and names those
     * whose headings do not stay in view or whose sticky cells pile up; scrolls them back.
     *
     * <ul>
     *   <li>Piled: two sticky cells overlap (in the box's visible part) while stuck to the same side with the same
     *       stickiness (such as row headings all stuck to the top), or the one drawn over the other has a see-through
     *       background. A frozen pane is not piled: the column headings (stuck to the top) pass over the row headings
     *       (stuck to the left) and the corner (stuck to both) over either, each opaque; cells that overlap under a
     *       third, opaque one are hidden, not piled.</li>
     *   <li>Out of view: a table's column headings ({@code thead th}) after scrolling down, or its row headings
     *       ({@code tbody th}) after scrolling sideways, are no longer inside the box.</li>
     * </ul>
     */
    private static final String PILED_STICKY = """
            (function () {
              var out = [];
              function stuck(e) {
                var s = getComputedStyle(e);
                return {top: s.top !== 'auto', left: s.left !== 'auto'};
              }
              function opaque(e) {
                var c = getComputedStyle(e).backgroundColor, m = c.match(/rgba\\(.*,\\s*([0-9.]+)\\)/);
                return c !== 'transparent' && (!m || parseFloat(m[1]) >= 1);
              }
              function where(box) { var section = box.closest('section'); return section ? '#' + section.id : 'the page'; }
              Array.from(document.querySelectorAll('*')).filter(function (e) {
                var s = getComputedStyle(e);
                return ((s.overflowY === 'auto' || s.overflowY === 'scroll') && e.scrollHeight > e.clientHeight + 1)
                    || ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1);
              }).forEach(function (box) {
                box.scrollIntoView({block: 'center'});
                box.scrollTop = box.scrollHeight;
                box.scrollLeft = box.scrollWidth;
                var view = box.getBoundingClientRect();
                var sticky = Array.from(box.querySelectorAll('*')).filter(function (e) { return getComputedStyle(e).position === 'sticky'; });
                var rects = sticky.map(function (e) { return e.getBoundingClientRect(); }), piled = new Set();
                for (var i = 0; i < rects.length; i++) {
                  for (var j = i + 1; j < rects.length; j++) {
                    var a = rects[i], b = rects[j];
                    var l = Math.max(a.left, b.left, view.left), r = Math.min(a.right, b.right, view.right);
                    var t = Math.max(a.top, b.top, view.top), d = Math.min(a.bottom, b.bottom, view.bottom);
                    if (r - l <= 1 || d - t <= 1) { continue; }   // apart, or overlapping where the box hides both
                    var p = stuck(sticky[i]), q = stuck(sticky[j]);
                    var same = p.top === q.top && p.left === q.left;
                    var hit = document.elementFromPoint((l + r) / 2, (t + d) / 2);
                    var over = sticky.find(function (e) { return hit && (e === hit || e.contains(hit)); });
                    if (over && over !== sticky[i] && over !== sticky[j] && opaque(over)) { continue; }   // both under a third, the corner
                    if (same || !over || !opaque(over)) { piled.add(sticky[i]); piled.add(sticky[j]); }
                  }
                }
                if (piled.size) {
                  var names = Array.from(piled).slice(0, 3).map(function (e) { return "'" + e.textContent.trim() + "'"; });
                  out.push('scrolled to its end, a box in ' + where(box) + ' draws ' + piled.size
                      + ' sticky cells over each other (' + names.join(', ') + (piled.size > 3 ? ', ...' : '') + ')');
                }
                box.querySelectorAll('table').forEach(function (table) {
                  var head = table.querySelector('thead th'), row = table.querySelector('tbody th');
                  if (head && box.scrollHeight > box.clientHeight + 1 && head.getBoundingClientRect().top < view.top - 1) {
                    out.push('scrolled down, a table in ' + where(box) + ' loses its column headings from view');
                  }
                  if (row && box.scrollWidth > box.clientWidth + 1 && row.getBoundingClientRect().left < view.left - 1) {
                    out.push('scrolled sideways, a table in ' + where(box) + ' loses its row headings from view');
                  }
                });
                box.scrollTop = 0;
                box.scrollLeft = 0;
              });
              window.scrollTo(0, 0);
              return out;
            })()
            """;

    private LayoutProblems() {
    }

    /** The faults of the charts and the page's width in {@code chromium}'s page; empty when there are none. */
    static List<String> of(HeadlessChromium chromium) {
        return run(chromium, SCRIPT);
    }

    /**
     * The faults of reading the page in {@code chromium}: a section's heading hidden under the sticky header after its
     * navigation link is followed, sticky table cells piled up when a scrolling table is scrolled, and a table's
     * headings lost from view when it is scrolled down or sideways. Moves the page's scroll positions and puts them back
     * at the top.
     */
    static List<String> ofReading(HeadlessChromium chromium) {
        List<String> out = run(chromium, UNDER_HEADER);
        out.addAll(run(chromium, PILED_STICKY));
        return out;
    }

    private static List<String> run(HeadlessChromium chromium, String script) {
        List<String> out = new ArrayList<>();
        chromium.evaluate(script).forEach(p -> out.add(p.asText()));
        return out;
    }
}
