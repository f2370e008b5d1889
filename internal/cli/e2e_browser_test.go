package cli

import (
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium runs headless Chromium with args and returns its stdout.
func chromium(t *testing.T, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("no chromium on this machine")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	home := t.TempDir()
	cmd := exec.CommandContext(ctx, bin, append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-dev-shm-usage", "--user-data-dir=" + home}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+home)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v", args, err)
	}
	return string(out)
}

// TestDashboardInChromium renders the dashboard in headless Chromium, follows
// its link to the source page and from there to a posting, and takes
// screenshots (kept in $WATCHER_SCREENSHOT_DIR when set).
func TestDashboardInChromium(t *testing.T) {
	longSuite(t)
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Skip("no chromium on this machine")
	}
	e := twoRuns(t)
	base := startServe(t, e)

	dom := chromium(t, "--dump-dom", base+"/")
	if !strings.Contains(dom, "<h1>Sources</h1>") || strings.Contains(dom, "<script>alert") {
		t.Fatalf("dashboard DOM:\n%s", dom)
	}
	src := regexp.MustCompile(`href="(/sources/[a-z0-9-]+)"`).FindStringSubmatch(dom)
	if src == nil {
		t.Fatalf("no source link in the dashboard:\n%s", dom)
	}
	dom = chromium(t, "--dump-dom", base+src[1]+"?sort=title")
	if !strings.Contains(dom, "6 matching") {
		t.Fatalf("source page DOM:\n%s", dom)
	}
	post := regexp.MustCompile(`href="(/sources/[a-z0-9-]+/postings/790311790002)"`).FindStringSubmatch(dom)
	if post == nil {
		t.Fatalf("no posting link on the source page:\n%s", dom)
	}
	dom = chromium(t, "--dump-dom", base+post[1])
	if !strings.Contains(dom, "Data Engineer 2 (L5)") || !strings.Contains(dom, "<b>salary</b>") {
		t.Fatalf("posting page DOM:\n%s", dom)
	}

	dir := os.Getenv("WATCHER_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	for name, c := range map[string]struct{ path, size string }{
		"dashboard.png":     {"/", "1200,700"},
		"source-phone.png":  {src[1], "390,844"},
		"posting-phone.png": {post[1], "390,844"},
	} {
		shot := filepath.Join(dir, name)
		chromium(t, "--hide-scrollbars", "--window-size="+c.size, "--screenshot="+shot, base+c.path)
		fh, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(fh)
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// a rendered page is not one flat colour
		b := img.Bounds()
		first := img.At(b.Min.X, b.Min.Y)
		flat := true
		for y := b.Min.Y; y < b.Max.Y && flat; y += 7 {
			for x := b.Min.X; x < b.Max.X; x += 7 {
				if img.At(x, y) != first {
					flat = false
					break
				}
			}
		}
		if flat {
			t.Errorf("%s is blank", name)
		}
	}
}

// longTests is the switch for the long suites (WATCHER_LONG_TESTS=1, CI's
// long steps): without it the tests below run a bounded quick version, or
// skip (longSuite), so that `go test ./...` stays under a minute.
var longTests = os.Getenv("WATCHER_LONG_TESTS") == "1"

// longSuite skips a slow browser test in the default run; CI's long step
// runs it (WATCHER_LONG_TESTS=1), as it does the full-size crash suites.
func longSuite(t *testing.T) {
	t.Helper()
	if !longTests {
		t.Skip("a long suite: runs with WATCHER_LONG_TESTS=1 (CI's long step)")
	}
}
