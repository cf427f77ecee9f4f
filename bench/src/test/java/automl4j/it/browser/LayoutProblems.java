package automl4j.it.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Layout faults of a loaded report page as the browser laid it out, in words: text of a chart cut off at the chart's
 * edge, texts of one chart drawn over each other, a figure wider than its section or overlapping another figure, and a
 * page wider than the window (a sideways scroll bar on a laptop screen).
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
              document.querySelectorAll('svg').forEach(function (svg) {
                var box = svg.getBoundingClientRect();
                var texts = Array.from(svg.querySelectorAll('text')).filter(function (t) { return t.textContent.trim() !== ''; });
                var rects = texts.map(function (t) { return t.getBoundingClientRect(); });
                texts.forEach(function (t, i) {
                  var r = rects[i], cut = [];
                  if (r.left < box.left - slack) { cut.push('left by ' + Math.round(box.left - r.left) + ' px'); }
                  if (r.right > box.right + slack) { cut.push('right by ' + Math.round(r.right - box.right) + ' px'); }
                  if (r.top < box.top - slack) { cut.push('top by ' + Math.round(box.top - r.top) + ' px'); }
                  if (r.bottom > box.bottom + slack) { cut.push('bottom by ' + Math.round(r.bottom - box.bottom) + ' px'); }
                  if (cut.length) { out.push(name(svg) + ": text '" + t.textContent.trim() + "' is cut off at the " + cut.join(', ')); }
                  for (var j = i + 1; j < texts.length; j++) {
                    if (overlap(r, rects[j])) {
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

    private LayoutProblems() {
    }

    /** The faults of the page open in {@code chromium}; empty when there are none. */
    static List<String> of(HeadlessChromium chromium) {
        List<String> out = new ArrayList<>();
        chromium.evaluate(SCRIPT).forEach(p -> out.add(p.asText()));
        return out;
    }
}
