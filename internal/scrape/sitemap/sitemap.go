// Package sitemap discovers posting pages from a site's sitemaps (the
// sitemaps.org protocol): a sitemap (<urlset> of <url><loc>, <lastmod>), a
// sitemap index (<sitemapindex> of <sitemap><loc>) leading to more of
// them, or the Sitemap: lines of the site's robots.txt. Files may be
// gzipped. Only the URLs a pattern matches are postings; each comes with
// its lastmod, which a jsonld or html source keeps as the posting's update
// stamp, so a posting page is fetched again only when its lastmod moved.
//
// A sitemap that cannot be read whole (an error status, a cut-off or
// malformed file, a gzip stream that ends early, more than the protocol's
// 50,000 entries in one file, more files than MaxFiles) is an error: a
// listing read in part would report the rest of the postings removed.
package sitemap

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Robots is the value of a source's sitemap key that means "the sitemaps
// that the Sitemap: lines of the site's robots.txt name".
const Robots = "robots"

// MaxEntries is the protocol's limit of URLs (or sitemaps) in one file.
const MaxEntries = 50000

// MaxFiles caps the sitemap files one source reads per run (indexes
// included), when the Reader sets no other.
const MaxFiles = 100

// maxDepth bounds the nesting of sitemap indexes (the protocol allows an
// index to list sitemaps only; some sites nest one level more).
const maxDepth = 3

// Entry is one URL of a sitemap.
type Entry struct {
	URL     string // absolute
	LastMod string // as UTC RFC 3339 when it parses as a W3C date time; as written otherwise; "" when none
}

// File is one decoded sitemap file.
type File struct {
	Index   bool    // a <sitemapindex>: Entries are sitemaps
	Entries []Entry // in file order
}

// Decode reads one sitemap file (gzipped or not; a gzip stream decodes to
// at most max bytes). A file that is not a <urlset> or <sitemapindex>, is
// cut off before its closing tag, or has more than MaxEntries entries is
// an error.
func Decode(body []byte, max int64) (File, error) {
	if len(body) >= 2 && body[0] == 0x1f && body[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return File{}, fmt.Errorf("gzip: %w", err)
		}
		b, err := io.ReadAll(io.LimitReader(zr, max+1))
		if err != nil {
			return File{}, fmt.Errorf("gzip: %w (a cut-off file)", err)
		}
		if int64(len(b)) > max {
			return File{}, fmt.Errorf("gzip: decodes to more than %d bytes (http.max_body)", max)
		}
		body = b
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	var f File
	var root string
	var cur *Entry
	var field string
	var text strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if root == "" {
				return File{}, errors.New("no <urlset> or <sitemapindex>: not a sitemap")
			}
			return File{}, fmt.Errorf("cut off before </%s>", root)
		}
		if err != nil {
			var se *xml.SyntaxError
			if root != "" && errors.As(err, &se) && se.Msg == "unexpected EOF" {
				return File{}, fmt.Errorf("cut off before </%s>: %w", root, err)
			}
			return File{}, fmt.Errorf("invalid XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			switch {
			case depth == 1:
				if name != "urlset" && name != "sitemapindex" {
					return File{}, fmt.Errorf("root element <%s>, not <urlset> or <sitemapindex>: not a sitemap", name)
				}
				root, f.Index = name, name == "sitemapindex"
			case depth == 2 && (name == "url" && !f.Index || name == "sitemap" && f.Index):
				if len(f.Entries) == MaxEntries {
					return File{}, fmt.Errorf("more than %d entries (the protocol's limit)", MaxEntries)
				}
				f.Entries = append(f.Entries, Entry{})
				cur = &f.Entries[len(f.Entries)-1]
			case depth == 3 && cur != nil && (name == "loc" || name == "lastmod"):
				field = name
				text.Reset()
			}
		case xml.CharData:
			if field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			if depth == 3 && field != "" {
				v := strings.TrimSpace(text.String())
				if field == "loc" {
					cur.URL = v
				} else {
					cur.LastMod = lastMod(v)
				}
				field = ""
			}
			if depth == 2 {
				cur = nil
			}
			depth--
			if depth == 0 {
				return f, nil
			}
		}
	}
}

// lastMod is a W3C date time (2026-11-05, 2026-11-05T10:00:00+01:00, ...)
// as UTC RFC 3339, so that a site that writes one time in another form
// does not count as a change; text it cannot parse is kept as written.
func lastMod(s string) string {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return s
}

// Reader reads the postings of a site's sitemaps.
type Reader struct {
	Client *scrape.Client
	// Source is the name of the source reading, for the warnings.
	Source string
	// Match picks the posting URLs among a sitemap's URLs (required).
	Match *regexp.Regexp
	// MaxPostings caps the postings (matching URLs); more is an error.
	MaxPostings int
	// MaxFiles caps the sitemap files read (0: MaxFiles).
	MaxFiles int
}

// Postings reads the sitemaps at starts (and the sitemaps the indexes
// among them list) and returns the URLs Match picks, each once (its
// latest lastmod wins), in the order first seen. No matching URL is an
// error: a sitemap that stopped listing postings is a changed site, not
// an empty board.
func (r Reader) Postings(ctx context.Context, starts []string) ([]Entry, error) {
	maxFiles := r.MaxFiles
	if maxFiles <= 0 {
		maxFiles = MaxFiles
	}
	var out []Entry
	at := map[string]int{}
	seen := map[string]bool{}
	files := 0
	var walk func(u string, depth int) error
	walk = func(u string, depth int) error {
		if seen[u] {
			return nil
		}
		seen[u] = true
		if files++; files > maxFiles {
			return fmt.Errorf("more than %d sitemap files", maxFiles)
		}
		f, err := r.read(ctx, u)
		if err != nil {
			return err
		}
		base, _ := url.Parse(u)
		for i, e := range f.Entries {
			abs := absolute(base, e.URL)
			if sc := scheme(e.URL); abs == "" && sc != "" && sc != "http" && sc != "https" {
				// a javascript: or mailto: <loc> names no page: never
				// fetched, never stored, so leaving it out removes nothing,
				// while failing would fail the source until the file changed
				log, su := slog.Default(), u
				if r.Client != nil {
					log, su = r.Client.Logger(), r.Client.RedactURL(u)
				}
				log.Warn("sitemap entry skipped: its loc is not http(s)", "source", r.Source, "sitemap", su, "entry", i+1, "scheme", sc)
				continue
			}
			if abs == "" {
				return fmt.Errorf("sitemap %q: entry %d: <loc> %q is not an http(s) URL", u, i+1, e.URL)
			}
			if f.Index {
				if depth >= maxDepth {
					return fmt.Errorf("sitemap %q: indexes nested deeper than %d", u, maxDepth)
				}
				if err := walk(abs, depth+1); err != nil {
					return err
				}
				continue
			}
			if !r.Match.MatchString(abs) {
				continue
			}
			if k, ok := at[abs]; ok {
				if e.LastMod > out[k].LastMod {
					out[k].LastMod = e.LastMod
				}
				continue
			}
			if r.MaxPostings > 0 && len(out) == r.MaxPostings {
				return fmt.Errorf("more than %d posting URLs (max_pages): raise max_pages or narrow links", r.MaxPostings)
			}
			at[abs] = len(out)
			out = append(out, Entry{URL: abs, LastMod: e.LastMod})
		}
		return nil
	}
	for _, s := range starts {
		if err := walk(s, 1); err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no sitemap URL matches %q", r.Match.String())
	}
	return out, nil
}

var xmlAccept = http.Header{"Accept": {"application/xml,text/xml;q=0.9,*/*;q=0.8"}}

// read fetches and decodes one sitemap file.
func (r Reader) read(ctx context.Context, u string) (File, error) {
	resp, err := r.Client.Do(ctx, scrape.Request{URL: u, Header: xmlAccept.Clone()})
	if err != nil {
		return File{}, fmt.Errorf("sitemap %q: %w", u, err)
	}
	f, err := Decode(resp.Body, r.Client.MaxBody())
	if err != nil {
		return File{}, fmt.Errorf("sitemap %q: %w", u, err)
	}
	return f, nil
}

// FromRobots is the sitemaps that the Sitemap: lines of site's robots.txt
// name; a robots.txt that names none (or is missing) is an error.
func FromRobots(ctx context.Context, c *scrape.Client, site *url.URL) ([]string, error) {
	ru := site.Scheme + "://" + site.Host + "/robots.txt"
	resp, err := c.Do(ctx, scrape.Request{URL: ru})
	if err != nil {
		if scrape.IsStatus(err, http.StatusNotFound) {
			return nil, fmt.Errorf("%s: not found (404): no Sitemap: lines to read", ru)
		}
		return nil, err
	}
	data, err := robotstxt.FromStatusAndBytes(resp.Status, resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ru, err)
	}
	var out []string
	for _, s := range data.Sitemaps {
		if abs := absolute(site, s); abs != "" {
			out = append(out, abs)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no Sitemap: line", ru)
	}
	return out, nil
}

// scheme is ref's scheme in lower case ("" for a relative or unreadable
// ref).
func scheme(ref string) string {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Scheme)
}

// absolute is ref as an absolute http(s) URL without fragment, or "".
func absolute(base *url.URL, ref string) string {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	// a dot segment ResolveReference leaves (%2e%2e) is resolved as the
	// request will be: links matches, and the id names, the page fetched
	return scrape.AsSent(u.String())
}

// Raws are the postings of entries, their ids made by id from their URLs:
// one per id (URLs that differ only in what id drops, such as a trailing
// slash or a tracking parameter, are one posting: the first URL, the
// latest lastmod), in order, incomplete (a detail reads each page).
func Raws(entries []Entry, id func(string) string) []model.Raw {
	out := make([]model.Raw, 0, len(entries))
	at := make(map[string]int, len(entries))
	for _, e := range entries {
		k := id(e.URL)
		if i, ok := at[k]; ok {
			if e.LastMod > out[i].Stamp {
				out[i].Stamp = e.LastMod
			}
			continue
		}
		at[k] = len(out)
		out = append(out, model.Raw{ID: k, URL: e.URL, Stamp: e.LastMod})
	}
	return out
}
