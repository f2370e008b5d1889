package jsonld

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Extract returns the schema.org JobPosting items of an HTML page, mapped to
// raw postings; page is the page's URL (for relative links and, when a
// posting has no identifier and no url, its id). It finds them in every
// <script type="application/ld+json"> block: a single object, an array, an
// @graph, or nested in another item (mainEntity, itemListElement). A block
// that cannot be read even leniently is skipped, as browsers and search
// engines skip it; it is an error only when no JobPosting could be read
// from the page (ExtractWarn also reports the skipped blocks).
func Extract(doc *goquery.Document, page *url.URL) ([]model.Raw, error) {
	return ExtractWarn(doc, page, nil)
}

// ExtractWarn is Extract with warn called for each ld+json block that
// cannot be read (n counts the page's ld+json blocks from 1) when the page
// still gives a JobPosting. A page where none could be read and some block
// was broken is an error naming the first broken block: its postings are
// then kept as stored, not reported removed (review s17 F10).
func ExtractWarn(doc *goquery.Document, page *url.URL, warn func(n int, err error)) ([]model.Raw, error) {
	var out []model.Raw
	var broken []blockError
	n := 0
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		typ, _ := s.Attr("type")
		if !isLDType(typ) {
			return
		}
		n++
		values, derr := decodeLenient(s.Text())
		if derr != nil {
			broken = append(broken, blockError{n, derr})
			return
		}
		for _, v := range values {
			for _, m := range findPostings(v, 0) {
				out = append(out, posting(m, page))
			}
		}
	})
	if len(out) == 0 && len(broken) > 0 {
		return nil, broken[0]
	}
	if warn != nil {
		for _, b := range broken {
			warn(b.n, b.err)
		}
	}
	return out, nil
}

// blockError is an ld+json block that could not be read.
type blockError struct {
	n   int
	err error
}

func (b blockError) Error() string { return fmt.Sprintf("ld+json block %d: %v", b.n, b.err) }
func (b blockError) Unwrap() error { return b.err }

func isLDType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	return t == "application/ld+json"
}

// decodeLenient decodes the JSON values of a script block, trying harder
// each time: as is; with comment/CDATA wrappers removed and raw control
// characters inside strings escaped; with HTML entities decoded (pages that
// HTML-escape the whole block).
func decodeLenient(text string) ([]any, error) {
	vs, err := decodeAll(text)
	if err == nil {
		return vs, nil
	}
	cleaned := escapeControls(unwrap(text))
	if vs, err2 := decodeAll(cleaned); err2 == nil {
		return vs, nil
	}
	if strings.Contains(cleaned, "&") {
		if vs, err2 := decodeAll(escapeControls(html.UnescapeString(cleaned))); err2 == nil {
			return vs, nil
		}
	}
	return nil, err
}

// decodeAll reads every JSON value in s (some pages put several objects in
// one block).
func decodeAll(s string) ([]any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var out []any
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, errors.New("empty block")
	}
	return out, nil
}

var wrapperRE = regexp.MustCompile(`^\s*(?://\s*)?(?:/\*\s*)?(?:<!--|<!\[CDATA\[)\s*(?:\*/)?|(?://\s*)?(?:/\*\s*)?(?:-->|\]\]>)\s*(?:\*/)?\s*$`)

func unwrap(s string) string {
	return strings.TrimSuffix(strings.TrimSpace(wrapperRE.ReplaceAllString(s, "")), ";")
}

// escapeControls escapes raw newlines, tabs and other control characters
// inside JSON strings (invalid JSON that browsers' lenient consumers and
// Google accept).
func escapeControls(s string) string {
	var b strings.Builder
	in, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case in && c < 0x20:
			switch c {
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				fmt.Fprintf(&b, `\u%04x`, c)
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// findPostings walks a JSON-LD value for JobPosting objects; it does not
// descend into a JobPosting.
func findPostings(v any, depth int) []map[string]any {
	if depth > 20 {
		return nil
	}
	switch t := v.(type) {
	case []any:
		var out []map[string]any
		for _, e := range t {
			out = append(out, findPostings(e, depth+1)...)
		}
		return out
	case map[string]any:
		if hasType(t, "JobPosting") {
			return []map[string]any{t}
		}
		var out []map[string]any
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item", "hasPart", "about"} {
			if e, ok := t[k]; ok {
				out = append(out, findPostings(e, depth+1)...)
			}
		}
		return out
	}
	return nil
}

// hasType reports whether m's @type is typ ("JobPosting",
// "schema:JobPosting", "https://schema.org/JobPosting", or in a list).
func hasType(m map[string]any, typ string) bool {
	for _, t := range texts(m["@type"]) {
		if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
			t = t[i+1:]
		}
		if strings.EqualFold(t, typ) {
			return true
		}
	}
	return false
}

// posting maps one JobPosting object.
func posting(m map[string]any, page *url.URL) model.Raw {
	r := model.Raw{Complete: true}
	r.Title = text(m["title"])
	if r.Title == "" {
		r.Title = text(m["name"])
	}
	r.DescriptionHTML = description(m)
	r.Posted = date(text(m["datePosted"]))
	r.EmploymentType = strings.Join(texts(m["employmentType"]), ", ")
	r.Locations = placeLabels(m["jobLocation"])
	for _, t := range texts(m["jobLocationType"]) {
		if strings.EqualFold(t, "TELECOMMUTE") {
			r.Workplace = "remote"
		}
	}
	if r.Workplace == "remote" {
		areas := names(m["applicantLocationRequirements"])
		for _, a := range areas {
			r.Locations = appendNew(r.Locations, "Remote ("+a+")")
		}
		if len(areas) == 0 && len(r.Locations) == 0 {
			r.Locations = []string{"Remote"}
		}
	}
	r.Salary = salaries(m["baseSalary"], text(m["salaryCurrency"]))
	r.Hints = hints(m)
	r.URL = resolve(text(m["url"]), page)
	if r.URL == "" && page != nil {
		r.URL = withoutFragment(page)
	}
	r.RequisitionID = identifier(m["identifier"])
	r.ID = r.RequisitionID
	if r.ID == "" {
		r.ID = StableURL(r.URL)
	}
	return r
}

// description is the description HTML; an entity-escaped one
// ("&lt;p&gt;...") is decoded once. Without a description, the
// responsibilities, qualifications and similar fields stand in for it.
func description(m map[string]any) string {
	d := rawText(m["description"])
	if !strings.Contains(d, "<") && strings.Contains(d, "&lt;") {
		d = html.UnescapeString(d)
	}
	if strings.TrimSpace(d) != "" {
		return strings.TrimSpace(d)
	}
	var b strings.Builder
	for _, f := range []struct{ key, heading string }{
		{"responsibilities", "Responsibilities"}, {"qualifications", "Qualifications"},
		{"skills", "Skills"}, {"educationRequirements", "Education"}, {"experienceRequirements", "Experience"},
	} {
		if t := strings.Join(texts(m[f.key]), "\n"); t != "" {
			fmt.Fprintf(&b, "<h3>%s</h3>\n<p>%s</p>\n", f.heading, t)
		}
	}
	return b.String()
}

// hints are the structured requirement fields: experienceRequirements
// (text, or OccupationalExperienceRequirements whose monthsOfExperience
// becomes "N months of experience") and educationRequirements (text, or
// EducationalOccupationalCredential: its credentialCategory,
// educationalLevel, name or description), and, beside a description,
// qualifications; each as written.
func hints(m map[string]any) model.Hints {
	var h model.Hints
	for _, e := range list(m["experienceRequirements"]) {
		o, ok := e.(map[string]any)
		if !ok {
			h.Experience = appendText(h.Experience, text(e))
			continue
		}
		if n, ok := number(o["monthsOfExperience"]); ok && n > 0 {
			h.Experience = appendText(h.Experience, strconv.FormatFloat(n, 'f', -1, 64)+" months of experience")
		}
		h.Experience = appendText(h.Experience, text(o["description"]))
	}
	for _, e := range list(m["educationRequirements"]) {
		o, ok := e.(map[string]any)
		if !ok {
			h.Education = appendText(h.Education, text(e))
			continue
		}
		for _, k := range []string{"credentialCategory", "educationalLevel", "name", "description"} {
			h.Education = appendText(h.Education, text(o[k]))
		}
	}
	if strings.TrimSpace(rawText(m["description"])) != "" {
		// without a description the qualifications are the description
		for _, e := range list(m["qualifications"]) {
			h.Qualifications = appendText(h.Qualifications, text(e))
		}
	}
	return h
}

func appendText(l []string, s string) []string {
	if s == "" {
		return l
	}
	return appendNew(l, s)
}

// identifier is a PropertyValue's value, a plain string or number, or the
// first usable one of a list.
func identifier(v any) string {
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if s := identifier(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s := text(t["value"]); s != "" {
			return s
		}
		return text(t["@value"])
	default:
		return text(v)
	}
	return ""
}

// placeLabels turns jobLocation (a Place, a list of them, or text) into
// labels such as "Los Gatos, CA, US".
func placeLabels(v any) []string {
	var out []string
	for _, p := range list(v) {
		var label string
		switch t := p.(type) {
		case map[string]any:
			label = addressLabel(t["address"])
			if label == "" {
				label = addressLabel(t) // a PostalAddress given directly
			}
			if label == "" {
				label = text(t["name"])
			}
		default:
			label = text(p)
		}
		if label != "" {
			out = appendNew(out, label)
		}
	}
	return out
}

func addressLabel(v any) string {
	var labels []string
	for _, a := range list(v) {
		m, ok := a.(map[string]any)
		if !ok {
			if s := text(a); s != "" {
				labels = append(labels, s)
			}
			continue
		}
		var parts []string
		for _, k := range []string{"addressLocality", "addressRegion", "addressCountry"} {
			if s := text(m[k]); s != "" && !containsFold(parts, s) {
				parts = append(parts, s)
			}
		}
		if len(parts) > 0 {
			labels = append(labels, strings.Join(parts, ", "))
		}
	}
	return strings.Join(labels, "; ")
}

// names are the names of places/areas (Country, State, AdministrativeArea
// objects or text).
func names(v any) []string {
	var out []string
	for _, e := range list(v) {
		if s := text(e); s != "" {
			out = appendNew(out, s)
		}
	}
	return out
}

var periods = map[string]string{"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}

// salaries reads baseSalary: MonetaryAmount(s) whose value is a number, a
// numeric string or a QuantitativeValue (value, or minValue/maxValue, and
// unitText HOUR/DAY/WEEK/MONTH/YEAR).
func salaries(v any, currency string) []model.Salary {
	var out []model.Salary
	for _, e := range list(v) {
		var s model.Salary
		m, ok := e.(map[string]any)
		if !ok {
			n, ok := number(e)
			if !ok {
				continue
			}
			s = model.Salary{Min: n, Max: n}
		} else {
			s.Currency = text(m["currency"])
			unit := text(m["unitText"])
			val := m["value"]
			q, isQV := val.(map[string]any)
			if !isQV {
				q = m // minValue/maxValue on the MonetaryAmount itself, or value a number
			} else if u := text(q["unitText"]); u != "" {
				unit = u
			}
			if n, ok := number(q["value"]); ok && isQV {
				s.Min, s.Max = n, n
			} else if n, ok := number(val); ok && !isQV {
				s.Min, s.Max = n, n
			}
			if n, ok := number(q["minValue"]); ok {
				s.Min = n
			}
			if n, ok := number(q["maxValue"]); ok {
				s.Max = n
			}
			s.Period = periods[strings.ToUpper(strings.TrimSpace(unit))]
		}
		if s.Currency == "" {
			s.Currency = currency
		}
		s.Currency = strings.ToUpper(s.Currency)
		s.Min, s.Max = scrape.PayRange(s.Min, s.Max)
		if s.Min > 0 || s.Max > 0 || math.IsNaN(s.Min) || math.IsNaN(s.Max) {
			out = append(out, s)
		}
	}
	return out
}

// number reads a JSON number or a numeric string ("120,000", "$95000.00",
// "2.000,75": scrape.PayNumber).
func number(v any) (float64, bool) {
	var s string
	switch t := v.(type) {
	case json.Number:
		s = t.String()
	case string:
		// separators in the English or European way; an ambiguous figure
		// is NaN, dropped with its range by the pipeline with a warning
		return scrape.PayNumber(t)
	case float64:
		return t, true
	default:
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 {
		return 0, false
	}
	return f, true
}

var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.000-0700", "01/02/2006", "January 2, 2006", "Jan 2, 2006", "2 January 2006"}

// date returns YYYY-MM-DD from an ISO 8601 date or date-time (the UTC
// date of an instant with an offset, scrape.DatePrefix) and a few sloppy
// forms, else "".
func date(s string) string {
	s = strings.TrimSpace(s)
	if d := scrape.DatePrefix(s); d != "" {
		return d
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return scrape.PlausibleDate(t.UTC()) // 0001-01-01, 9999-12-31: none
		}
	}
	return ""
}

// text is the text of a JSON-LD value: a string (HTML entities decoded,
// whitespace trimmed), a number, an object's name or @value, or the first
// non-empty item of a list.
func text(v any) string {
	switch t := v.(type) {
	case string:
		return strings.Join(strings.Fields(html.UnescapeString(t)), " ")
	case json.Number:
		return t.String()
	case map[string]any:
		if s := text(t["name"]); s != "" {
			return s
		}
		return text(t["@value"])
	case []any:
		for _, e := range t {
			if s := text(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// rawText is a string value as it is (descriptions keep their markup).
func rawText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		var parts []string
		for _, e := range t {
			if s := rawText(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "\n")
	case map[string]any:
		return rawText(t["@value"])
	}
	return ""
}

// texts is text of every item of a list (or of a single value).
func texts(v any) []string {
	var out []string
	for _, e := range list(v) {
		if s := text(e); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func list(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

func appendNew(l []string, s string) []string {
	if containsFold(l, s) {
		return l
	}
	return append(l, s)
}

func containsFold(l []string, s string) bool {
	for _, e := range l {
		if strings.EqualFold(e, s) {
			return true
		}
	}
	return false
}

func resolve(ref string, base *url.URL) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	// a dot segment ResolveReference leaves (%2e%2e) is resolved as the
	// request will be: the links regexp and the id see the page fetched
	return scrape.AsSent(withoutFragment(u))
}

func withoutFragment(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}

// StableURL is a page URL as an id: host (lower case) and path without a
// trailing slash and without session ids (;jsessionid=...), plus the query
// without tracking parameters (utm_*, gclid, gh_src, ...) and session ids
// in sorted order; no scheme, no fragment. Two URLs of one page that
// differ only in those respects get the same id. (Ids stored before
// tracking tags and session ids were left out keep their form: see
// CurrentID.)
func StableURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	p := strings.TrimRight(normalize.CanonicalEscapes(normalize.StripSessionPath(u.EscapedPath())), "/")
	id := strings.ToLower(u.Host) + p
	if q := normalize.QueryID(u.RawQuery); q != "" {
		id += "?" + q
	}
	return id
}

// ErrNoPosting is OnPage's error for a page whose JSON-LD holds no
// JobPosting with a description.
var ErrNoPosting = errors.New("no schema.org JobPosting with a description on the page")

// OnPage is the first schema.org JobPosting with a description on an HTML
// page (a posting's own page on a platform whose listing lacks the text).
func OnPage(body []byte, page *url.URL) (model.Raw, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return model.Raw{}, fmt.Errorf("invalid HTML: %w", err)
	}
	raws, err := Extract(doc, page)
	if err != nil {
		return model.Raw{}, err
	}
	for _, r := range raws {
		if strings.TrimSpace(r.DescriptionHTML) != "" {
			return r, nil
		}
	}
	return model.Raw{}, ErrNoPosting
}
