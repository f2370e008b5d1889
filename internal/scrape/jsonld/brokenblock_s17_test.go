package jsonld

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func ldBlock(s string) string { return `<script type="application/ld+json">` + s + `</script>` }

func ldPosting(id string) string {
	return ldBlock(`{"@context":"https://schema.org","@type":"JobPosting","title":"Job ` + id + `","identifier":"` + id +
		`","url":"/jobs/` + id + `","description":"x"}`)
}

// TestBrokenBlockSkippedWithWarningS17: one ld+json block that does not
// parse (a trailing comma; nesting beyond the decoder's depth) no longer
// fails the page: the other postings are read and the block is named in a
// warning with the page (review s17 F10).
func TestBrokenBlockSkippedWithWarningS17(t *testing.T) {
	trailing := ldBlock(`{"@type":"JobPosting","title":"Broken","identifier":"b","x":1, "trailing": 2,}`)
	deep := ldBlock(`{"@type":"BreadcrumbList","x":` + strings.Repeat("[", 200000) + `}`)
	page := "=<html><head>" + ldPosting("1") + trailing + `<script>var x = 1;</script>` + ldPosting("2") + deep + "</head><body></body></html>"
	s := scrapetest.NewSite(t, map[string]string{"/careers": page}, false)
	var logs bytes.Buffer
	o := scrapetest.Options(1)
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	c := scrape.NewPool(context.Background(), o).Client(nil)
	a := adapter(t, config.Source{URL: s.URL + "/careers"}, c)
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatalf("a page with a broken block fails: %v", err)
	}
	var ids []string
	for _, r := range raws {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, ",") != "1,2" {
		t.Errorf("ids %v, want 1,2", ids)
	}
	out := logs.String()
	for _, want := range []string{"block=2", "block=4", "looking for beginning of object key", "max depth", "url=" + s.URL + "/careers", "source=acme"} {
		if !strings.Contains(out, want) {
			t.Errorf("warnings lack %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "unreadable ld+json block skipped"); n != 2 {
		t.Errorf("%d warnings, want 2:\n%s", n, out)
	}
}

// TestOnlyBrokenBlocksStillFailS17: a page whose only JobPosting block is
// broken still fails (its postings are kept as stored), naming the block.
func TestOnlyBrokenBlocksStillFailS17(t *testing.T) {
	page := "<html><head>" + ldBlock(`{"@type":"BreadcrumbList"}`) +
		ldBlock(`{"@type":"JobPosting","title":"A",}`) + "</head></html>"
	_, err := decodePage([]byte(page), "text/html", "https://example.com/jobs/1")
	if err == nil || !strings.Contains(err.Error(), "ld+json block 2: invalid JSON") {
		t.Fatalf("error %v, want ld+json block 2: invalid JSON", err)
	}
}
