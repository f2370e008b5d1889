package htmlsel

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// logged is a client whose pool logs to buf as JSON lines.
func logged(buf *bytes.Buffer) *scrape.Client {
	o := scrapetest.Options(1)
	o.Logger = slog.New(slog.NewJSONHandler(buf, nil))
	return scrape.NewPool(context.Background(), o).Client(nil)
}

// The real HRMDirect listing with its first item linking mailto: lists
// the other item, run after run, and warns naming the source, the item
// and the scheme (not the address); with every item linking javascript:
// the page is an error: links turned into scripts are a changed layout,
// and an empty listing would report every posting removed.
func TestItemWithoutWebLinkIsSkipped(t *testing.T) {
	page := string(scrapetest.Fixture(t, "hrmdirect.html"))
	full, err := adapter(t, "https://acme.hrmdirect.com/employment/job-openings.php", hrmdirect, 0, nil).decodePage([]byte(page), "text/html; charset=utf-8", "https://acme.hrmdirect.com/employment/job-openings.php")
	if err != nil || len(full.postings) != 2 {
		t.Fatalf("fixture: %d postings, %v", len(full.postings), err)
	}
	mail := strings.Replace(page, `href="job-opening.php?req=`, `href="MailTo:jobs@acme.example?subject=`, 1)
	s := scrapetest.NewSite(t, map[string]string{"/employment/job-openings.php": "=" + mail}, false)
	var buf bytes.Buffer
	a := adapter(t, s.URL+"/employment/job-openings.php", hrmdirect, 0, logged(&buf))
	for run := 1; run <= 2; run++ {
		raws, err := a.List(t.Context())
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if len(raws) != 1 || raws[0].ID != full.postings[1].ID || raws[0].Title != full.postings[1].Title {
			t.Fatalf("run %d: listed %+v, want only %+v", run, raws, full.postings[1])
		}
	}
	var rec map[string]any
	line, _, _ := bytes.Cut(buf.Bytes(), []byte("\n"))
	if err := json.Unmarshal(line, &rec); err != nil {
		t.Fatalf("log %q: %v", buf.String(), err)
	}
	if rec["level"] != "WARN" || rec["source"] != "acme" || rec["item"] != float64(1) || rec["scheme"] != "mailto" || rec["title"] != full.postings[0].Title {
		t.Errorf("log record %v", rec)
	}
	if strings.Contains(buf.String(), "jobs@acme.example") {
		t.Errorf("the log shows the link: %s", buf.String())
	}

	js := strings.ReplaceAll(page, `href="job-opening.php?req=`, `href="javascript:open(`)
	s.Edit(func() { s.Pages["/employment/job-openings.php"] = "=" + js })
	_, err = a.List(t.Context())
	if err == nil || !strings.Contains(err.Error(), `html: source "acme": page 1 `) || !strings.Contains(err.Error(), "no item has an http(s) link") || !strings.Contains(err.Error(), "2 items link javascript") {
		t.Errorf("every item javascript: error %v", err)
	}
}

// An item whose link element has no href, or an href that is not a URL,
// still fails the listing: that is a changed layout or a broken page, and
// the posting it shows may be stored under its earlier link.
func TestItemWithoutLinkStillFails(t *testing.T) {
	page := string(scrapetest.Fixture(t, "hrmdirect.html"))
	for name, p := range map[string]string{
		"no href": strings.Replace(page, `href="job-opening.php?req=`, `data-x="`, 1),
		"bad url": strings.Replace(page, `href="job-opening.php?req=`, `href="http://[::1/x?req=`, 1),
	} {
		_, err := adapter(t, "https://acme.hrmdirect.com/employment/job-openings.php", hrmdirect, 0, nil).decodePage([]byte(p), "text/html; charset=utf-8", "https://acme.hrmdirect.com/employment/job-openings.php")
		if err == nil || !strings.Contains(err.Error(), "item 1: ") || !strings.Contains(err.Error(), "no link") {
			t.Errorf("%s: error %v, want item 1 without a link", name, err)
		}
	}
}
