package scrape

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

var jsonAccept = http.Header{"Accept": {"application/json"}}

// GetBody fetches u as JSON (Accept: application/json) and returns the body
// for an adapter's pure decode.
func (c *Client) GetBody(ctx context.Context, u string) ([]byte, error) {
	r, err := c.Do(ctx, Request{URL: u, Header: jsonAccept.Clone()})
	if err != nil {
		return nil, err
	}
	return r.Body, nil
}

// ListBody is GetBody as a conditional request (see Request.Conditional):
// ErrNotModified when the server says the listing is unchanged, so a 304
// costs no decoding.
func (c *Client) ListBody(ctx context.Context, u string) ([]byte, error) {
	r, err := c.Do(ctx, Request{URL: u, Header: jsonAccept.Clone(), Conditional: true})
	if err != nil {
		return nil, err
	}
	if r.NotModified {
		return nil, ErrNotModified
	}
	return r.Body, nil
}

// Unmarshal decodes a JSON body into v for a pure decode (a leading UTF-8
// byte order mark is skipped): the error says a value of another shape
// in the answer's terms (jsonReason) and shows
// the start of what came instead of JSON; the caller names the URL
// (fmt.Errorf("%s: %w", u, err) reads as DecodeJSON's error).
func Unmarshal(body []byte, v any) error {
	if err := json.Unmarshal(TrimBOM(body), v); err != nil {
		return fmt.Errorf("invalid JSON: %w (body starts %q)", jsonReason(err), snippet(body))
	}
	return nil
}

// ParseHTML reads the page at u from its body and Content-Type, for a pure
// decode, as UTF-8 (see UTF8HTML). The document's Url is u.
func ParseHTML(body []byte, contentType, u string) (*goquery.Document, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(UTF8HTML(body, contentType)))
	if err != nil {
		return nil, fmt.Errorf("invalid HTML: %w", err)
	}
	doc.Url, _ = url.Parse(u)
	return doc, nil
}

// UTF8HTML is an HTML body as UTF-8. colly has converted a body whose
// Content-Type names a charset (the header wins, as in a browser); one
// without is converted from the encoding its byte order mark names, else
// from the one its <meta charset> or <meta http-equiv="Content-Type">
// declares in the first 1024 bytes (the HTML standard's prescan), else it
// is left as it is.
func UTF8HTML(body []byte, contentType string) []byte {
	if strings.Contains(strings.ToLower(contentType), "charset") {
		return body
	}
	enc, name, certain := charset.DetermineEncoding(body, "text/html")
	if !certain {
		enc, name = metaCharset(body)
	}
	if enc == nil || name == "utf-8" {
		return body
	}
	if b, err := enc.NewDecoder().Bytes(body); err == nil {
		return b
	}
	return body
}

// metaCharset is the encoding that a <meta> in the first 1024 bytes of an
// HTML page declares, or nil. A declared UTF-16 means UTF-8 (the bytes of a
// real UTF-16 page would have shown a byte order mark or no readable tag).
func metaCharset(body []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), 1024)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			if string(tag) != "meta" || !hasAttr {
				continue
			}
			var label, equiv, content string
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					label = string(v)
				case "http-equiv":
					equiv = strings.ToLower(strings.TrimSpace(string(v)))
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if label == "" && equiv == "content-type" {
				if _, params, err := mime.ParseMediaType(content); err == nil {
					label = params["charset"]
				}
			}
			if label == "" {
				continue
			}
			enc, name := charset.Lookup(label)
			if enc == nil {
				continue
			}
			if strings.HasPrefix(name, "utf-16") {
				return nil, "utf-8"
			}
			return enc, name
		}
	}
}

// ListBoard is the listing of a board that one conditional JSON request
// reads whole: the body of u decoded by the adapter's pure decode. A 304 is
// ErrNotModified, a 404 names the board as gone (see BoardError), and any
// other failure, the decode's included, names platform, board and URL.
func (c *Client) ListBoard(ctx context.Context, platform, board, u string, decode func([]byte) ([]model.Raw, error)) ([]model.Raw, error) {
	body, err := c.ListBody(ctx, u)
	if err != nil {
		return nil, BoardError(platform, board, err)
	}
	out, err := decode(body)
	if err != nil {
		return nil, fmt.Errorf("%s: board %q: %s: %w", platform, board, u, err)
	}
	return out, nil
}

// Page is one decoded page of a paged listing.
type Page struct {
	Postings []model.Raw // one per item the page held, in its order
	Total    int         // the listing's size as the page states it; -1 when it does not
}

// DecodePage maps a page's items to postings with raw; total is the
// page's count (nil: none; an Int, so that 20.0 reads as 20 as the ids
// do). A page with neither items nor a count is not a
// page of the listing: an error saying what is missing ("no content in the
// response"), as is an item raw refuses.
func DecodePage[T any](items []T, total *Int, missing string, raw func(T) (model.Raw, error)) (Page, error) {
	if items == nil && total == nil {
		return Page{}, errors.New(missing)
	}
	pg := Page{Total: -1, Postings: make([]model.Raw, 0, len(items))}
	if total != nil {
		pg.Total = int(*total)
	}
	for _, it := range items {
		r, err := raw(it)
		if err != nil {
			return Page{}, err
		}
		pg.Postings = append(pg.Postings, r)
	}
	return pg, nil
}

// ByID gathers postings of a listing that names a posting once per place:
// a posting seen before gets the new one's locations added.
type ByID struct {
	out []model.Raw
	at  map[string]int
}

// Add adds r, or its locations to the posting with its id.
func (b *ByID) Add(r model.Raw) {
	if k, ok := b.at[r.ID]; ok {
		b.out[k].Locations = AddLabels(b.out[k].Locations, r.Locations...)
		return
	}
	if b.at == nil {
		b.at = map[string]int{}
	}
	b.at[r.ID] = len(b.out)
	b.out = append(b.out, r)
}

// Postings are the postings added, each once, in the order first seen;
// never nil.
func (b *ByID) Postings() []model.Raw {
	if b.out == nil {
		return []model.Raw{}
	}
	return b.out
}

// OverList is a posting read from its detail answer, d, over the same
// posting as the listing gave it, l: the listing is the authority on
// identity and stamp; d's title, locations, team and posted date stand
// where it has them, l's where it has none.
func OverList(d, l model.Raw) model.Raw {
	d.ID, d.Stamp = l.ID, l.Stamp
	if d.Title == "" {
		d.Title = l.Title
	}
	if len(d.Locations) == 0 {
		d.Locations = l.Locations
	}
	if d.Team == "" {
		d.Team = l.Team
	}
	if d.Posted == "" {
		d.Posted = l.Posted
	}
	return d
}

// MaxBody is the largest body the client accepts (http.max_body): an
// adapter that decompresses a body itself caps the result at it.
func (c *Client) MaxBody() int64 { return c.opts.MaxBody }

// UserAgent is the User-Agent the client's requests send (http.user_agent).
func (c *Client) UserAgent() string { return c.opts.UserAgent }

// CheckBaseURL checks a source's optional url key (a host or base URL that
// stands in for the platform's own): empty, or an http or https URL with a
// host. The error quotes the value: errors reach the user through the
// config's redactor, which hides any ${VAR} in it.
func CheckBaseURL(raw string) error {
	if raw == "" {
		return nil
	}
	_, err := RequireURL(raw, "the platform's base URL")
	return err
}
