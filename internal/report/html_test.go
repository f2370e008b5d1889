package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// hostileReport is the fixture's report with untrusted strings planted in
// the names a chart or a table shows.
func hostileReport(t *testing.T) *Report {
	f := newFixture(t)
	r := f.build(t, nil)
	r.Roles = append(r.Roles, Count{Name: `<script>alert("role")</script>`, Postings: 1, Share: 0.125})
	r.Levels[0].Name = `L4"><img src=x onerror=alert(1)>`
	r.SkillCategories[0].Skills[0].Skill = `</text></svg><script src="https://evil.example/x.js"></script>`
	r.Notes = append(r.Notes, `<link rel="stylesheet" href="https://evil.example/x.css">`)
	return r
}

// wantBars is the number of <g class="bar"> per chart of hostileReport.
var wantBars = map[string]int{
	ChartRoles:     6, // 5 roles + the planted one
	ChartLevels:    5,
	ChartCountries: 5,
	ChartSkills:    9, // the skills of the 8 open postings
	ChartWeeks:     5, // W06..W10
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				if c == class {
					return true
				}
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// chartBars maps each <svg data-chart> to its number of <g class="bar">.
func chartBars(t *testing.T, doc *html.Node) map[string]int {
	t.Helper()
	got := map[string]int{}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "svg" {
			return
		}
		id, ok := attr(n, "data-chart")
		if !ok || !hasClass(n, "chart") {
			t.Errorf("an <svg> without class chart and data-chart: %v", n.Attr)
			return
		}
		if _, dup := got[id]; dup {
			t.Errorf("chart %q twice", id)
		}
		got[id] = 0
		walk(n, func(m *html.Node) {
			if m.Type == html.ElementNode && m.Data == "g" && hasClass(m, "bar") {
				got[id]++
				rects := 0
				for c := m.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "rect" {
						rects++
					}
				}
				if rects == 0 && id != ChartWeeks {
					t.Errorf("chart %q: a bar without a <rect>", id)
				}
			}
		})
	})
	return got
}

func TestHTMLChartsAndNoExternalResources(t *testing.T) {
	t.Parallel()
	r := hostileReport(t)
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	got := chartBars(t, doc)
	if len(got) != len(wantBars) {
		t.Errorf("charts %v, want %v", got, wantBars)
	}
	for id, n := range wantBars {
		if got[id] != n {
			t.Errorf("chart %q: %d bars, want %d", id, got[id], n)
		}
	}
	// the weekly chart has an opened and a closed bar per week
	walk(doc, func(n *html.Node) {
		if v, _ := attr(n, "data-chart"); v == ChartWeeks {
			open, closed := 0, 0
			walk(n, func(m *html.Node) {
				if m.Type == html.ElementNode && m.Data == "rect" {
					if hasClass(m, "open") {
						open++
					}
					if hasClass(m, "close") {
						closed++
					}
				}
			})
			if open != 5+1 || closed != 5+1 { // +1: the legend
				t.Errorf("weekly chart: %d opened and %d closed rects, want 6 and 6", open, closed)
			}
		}
	})

	texts := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if n.Type == html.TextNode {
			texts[n.Data] = true
		}
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script", "link", "img", "iframe", "object", "embed", "image", "use", "foreignObject", "base", "form":
			t.Errorf("element <%s> %v", n.Data, n.Attr)
		case "style":
			css := strings.ToLower(n.FirstChild.Data)
			if strings.Contains(css, "url(") || strings.Contains(css, "@import") || strings.Contains(css, "@font-face") {
				t.Errorf("style fetches something:\n%s", css)
			}
		}
		for _, a := range n.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") {
				t.Errorf("<%s %s=%q>: event handler", n.Data, a.Key, a.Val)
			}
			switch key {
			case "src", "href", "xlink:href", "srcset", "action", "poster", "data", "background":
				if !strings.HasPrefix(v, "#") {
					t.Errorf("<%s %s=%q>: not a fragment link", n.Data, a.Key, a.Val)
				}
			}
			if key != "data-label" && key != "aria-label" && (strings.Contains(v, "http:") || strings.Contains(v, "https:") || strings.HasPrefix(v, "//")) {
				t.Errorf("<%s %s=%q>: external URL", n.Data, a.Key, a.Val)
			}
		}
	})
	// the planted strings are text, not markup
	for _, s := range []string{`<script>alert("role")</script>`, `</text></svg><script src="https://evil.example/x.js"></script>`,
		`<link rel="stylesheet" href="https://evil.example/x.css">`, `Data & <b>Insights</b>`} {
		if !texts[s] {
			t.Errorf("%q is not a text node of the page", s)
		}
	}
	if bytes.Contains(b.Bytes(), []byte("<script")) {
		t.Error("raw <script in the output")
	}
}

// chromiumPath is Debian's chromium; CI installs it (.ci/run).
const chromiumPath = "/usr/bin/chromium"

func chromium(ctx context.Context, t *testing.T, args ...string) []byte {
	t.Helper()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, chromiumPath, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Errorf("chromium %v: %v\n%s", args, err, stderr.Bytes())
	}
	return out
}

// TestHTMLInChromium opens the report in headless Chromium: the charts must
// be in the rendered DOM and visible on a screenshot. Set REPORT_SCREENSHOT
// to a file name to keep the screenshot. A browser start (about 3 CPU-s):
// it runs in CI's browser step (WATCHER_LONG_TESTS=1, .ci/run); the
// default run checks the same HTML without a browser (the charts' bars,
// no script, no external resource: the tests above).
func TestHTMLInChromium(t *testing.T) {
	if os.Getenv("WATCHER_LONG_TESTS") != "1" {
		t.Skip("starts Chromium: runs with WATCHER_LONG_TESTS=1 (CI's browser step)")
	}
	t.Parallel()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("%s not found: install Debian's chromium package to run this test (apt-get install -y chromium)", chromiumPath)
	}
	r := hostileReport(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second) // generous: a busy machine starts Chromium slowly
	defer cancel()
	shot := filepath.Join(dir, "report.png")
	// one browser start: the DOM on stdout and the screenshot in shot
	dom := chromium(ctx, t, "--dump-dom", "--screenshot="+shot, "--window-size=1200,2000", "file://"+page)
	if t.Failed() {
		return
	}

	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}
	got := chartBars(t, doc)
	for id, n := range wantBars {
		if got[id] != n {
			t.Errorf("rendered DOM: chart %q has %d bars, want %d", id, got[id], n)
		}
	}
	scripts := 0
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			scripts++
		}
	})
	if scripts != 0 {
		t.Errorf("rendered DOM has %d <script> elements", scripts)
	}

	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w != 1200 {
		t.Errorf("screenshot is %d px wide, want 1200", w)
	}
	// the bars are drawn: count pixels of the bar colour (#3b6fb6) and of
	// the opened colour (#2e9d5b)
	bars, opened := colourPixels(img, 0x3b, 0x6f, 0xb6), colourPixels(img, 0x2e, 0x9d, 0x5b)
	if bars < 2000 || opened < 200 {
		t.Errorf("screenshot: %d bar pixels and %d opened pixels; the charts did not render", bars, opened)
	}
	if keep := os.Getenv("REPORT_SCREENSHOT"); keep != "" {
		data, _ := os.ReadFile(shot)
		if err := os.WriteFile(keep, data, 0o644); err != nil {
			t.Error(err)
		}
		if err := os.WriteFile(strings.TrimSuffix(keep, filepath.Ext(keep))+".html", b.Bytes(), 0o644); err != nil {
			t.Error(err)
		}
	}
}

func colourPixels(img image.Image, r, g, b uint8) int {
	n := 0
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if near(cr>>8, r) && near(cg>>8, g) && near(cb>>8, b) {
				n++
			}
		}
	}
	return n
}

func near(a uint32, b uint8) bool {
	d := int(a) - int(b)
	return d >= -6 && d <= 6
}
