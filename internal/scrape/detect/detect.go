// Package detect recognises the careers platform behind a URL and builds the
// source config that reads it: a Greenhouse, Lever, Ashby, Workday,
// Eightfold, SmartRecruiters, Recruitee, Workable, Personio, Teamtailor,
// BambooHR, Pinpoint, Rippling, Jobvite, Paylocity, NEOGOV, Oracle
// Recruiting Cloud, iCIMS, Phenom or HRMDirect board from its public
// address, else a jsonld source on the page itself. It is pure: no
// network. Sources of type auto and `watcher detect URL` use it.
package detect

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	efsrc "github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
	orsrc "github.com/careers-watcher/careers-watcher/internal/scrape/oracle"
	ttsrc "github.com/careers-watcher/careers-watcher/internal/scrape/teamtailor"
	wdsrc "github.com/careers-watcher/careers-watcher/internal/scrape/workday"
)

// LeverEU is the API host of Lever's EU boards (jobs.eu.lever.co).
const LeverEU = "https://api.eu.lever.co"

// Detect returns the source config for a careers page URL: Name (a slug of
// the board or company), Type and the keys that type needs. A URL that is
// not an absolute http(s) URL with a host, or a known platform's URL that
// names no board, is an error.
func Detect(rawURL string) (config.Source, error) {
	raw := strings.TrimSpace(rawURL)
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return config.Source{}, fmt.Errorf("detect: %q is not a URL", rawURL)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return config.Source{}, fmt.Errorf("detect: %q is not an http or https URL", rawURL)
	}
	if u.User != nil {
		return config.Source{}, fmt.Errorf("detect: %q: a URL with a user or password is not supported", rawURL)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if !validHost(host) {
		return config.Source{}, fmt.Errorf("detect: %q has no valid host name", rawURL)
	}
	u.Host = strings.ToLower(u.Host)
	seg := segments(u.EscapedPath())
	origin := u.Scheme + "://" + u.Host

	board := func(typ, b string) (config.Source, error) {
		if !validBoard(b) {
			return config.Source{}, fmt.Errorf("detect: %q looks like a %s URL but names no board (expected e.g. %s)", rawURL, typ, example[typ])
		}
		return config.Source{Name: Slug(b), Type: typ, Settings: &scrape.Board{Board: b}}, nil
	}
	first := func() string {
		if len(seg) > 0 {
			return seg[0]
		}
		return ""
	}

	switch {
	case host == "boards.greenhouse.io" || host == "job-boards.greenhouse.io":
		if len(seg) >= 2 && seg[0] == "embed" {
			return board("greenhouse", u.Query().Get("for"))
		}
		return board("greenhouse", first())
	case host == "jobs.lever.co":
		return board("lever", first())
	case host == "jobs.eu.lever.co":
		s, err := board("lever", first())
		s.URL = LeverEU
		return s, err
	case host == "jobs.ashbyhq.com":
		return board("ashby", first())
	case host == "jobs.smartrecruiters.com" || host == "careers.smartrecruiters.com":
		return board("smartrecruiters", first())
	case host == "apply.workable.com":
		return board("workable", first())
	case strings.HasSuffix(host, ".recruitee.com"):
		return board("recruitee", subdomain(host, ".recruitee.com"))
	case strings.HasSuffix(host, ".jobs.personio.de"):
		return board("personio", subdomain(host, ".jobs.personio.de"))
	case strings.HasSuffix(host, ".jobs.personio.com"):
		return board("personio", subdomain(host, ".jobs.personio.com"))
	case workdayHost.MatchString(host):
		return workday(rawURL, origin, host, seg)
	case strings.HasSuffix(host, ".eightfold.ai"):
		tenant := subdomain(host, ".eightfold.ai")
		if !validBoard(tenant) || tenant == "www" || tenant == "app" {
			return config.Source{}, fmt.Errorf("detect: %q looks like an Eightfold URL but names no tenant (expected e.g. https://acme.eightfold.ai/careers)", rawURL)
		}
		domain := u.Query().Get("domain")
		if domain == "" {
			domain = tenant + ".com"
		}
		return eightfold(rawURL, tenant, origin, domain, u)
	case host == "explore.jobs.netflix.net":
		return eightfold(rawURL, "netflix", origin, "netflix.com", u)
	case strings.HasSuffix(host, ".career.teamtailor.com"):
		b := subdomain(host, ".career.teamtailor.com")
		if !validBoard(b) {
			return board("teamtailor", "")
		}
		return config.Source{Name: Slug(b), Type: "teamtailor", URL: origin, Settings: &ttsrc.Config{}}, nil
	case strings.HasSuffix(host, ".teamtailor.com"):
		b := subdomain(host, ".teamtailor.com")
		if b == "www" || b == "app" || b == "career" {
			b = ""
		}
		if !validBoard(b) {
			return board("teamtailor", "")
		}
		return config.Source{Name: Slug(b), Type: "teamtailor", Settings: &ttsrc.Config{Board: b}}, nil
	case strings.HasSuffix(host, ".bamboohr.com"):
		return board("bamboohr", notWWW(subdomain(host, ".bamboohr.com")))
	case strings.HasSuffix(host, ".bamboohr.co.uk"):
		s, err := board("bamboohr", notWWW(subdomain(host, ".bamboohr.co.uk")))
		s.URL = "https://" + host
		return s, err
	case strings.HasSuffix(host, ".pinpointhq.com"):
		return board("pinpoint", notWWW(subdomain(host, ".pinpointhq.com")))
	case host == "ats.rippling.com":
		// /{board}/jobs[/{uuid}] or /{locale}/{board}/jobs
		if len(seg) >= 3 && seg[2] == "jobs" && locale.MatchString(seg[0]) {
			return board("rippling", seg[1])
		}
		if len(seg) >= 2 && seg[1] == "jobs" {
			return board("rippling", seg[0])
		}
		return board("rippling", "")
	case host == "api.rippling.com":
		// /platform/api/ats/v1/board/{board}/jobs
		if i := slices.Index(seg, "board"); i >= 0 && i+1 < len(seg) {
			return board("rippling", seg[i+1])
		}
		return board("rippling", "")
	case host == "jobs.jobvite.com" || host == "careers.jobvite.com":
		return board("jobvite", first())
	case host == "recruiting.paylocity.com":
		// /recruiting/jobs/All/{guid}[/{company}]
		if len(seg) >= 4 && strings.EqualFold(seg[0], "recruiting") && strings.EqualFold(seg[1], "jobs") && strings.EqualFold(seg[2], "all") {
			s, err := board("paylocity", seg[3])
			s.Name = "paylocity"
			if len(seg) >= 5 && Slug(seg[4]) != "careers" {
				s.Name = Slug(seg[4])
			}
			return s, err
		}
		return board("paylocity", "")
	case host == "www.governmentjobs.com" || host == "governmentjobs.com" || host == "www.schooljobs.com" || host == "schooljobs.com":
		agency := ""
		if len(seg) >= 2 && strings.EqualFold(seg[0], "careers") {
			agency = seg[1]
		} else if len(seg) >= 2 && strings.EqualFold(seg[0], "SearchEngine") && strings.EqualFold(seg[1], "JobsFeed") {
			agency = u.Query().Get("agency")
		}
		s, err := board("neogov", agency)
		if strings.HasSuffix(host, "schooljobs.com") {
			s.URL = "https://www.schooljobs.com"
		}
		return s, err
	case strings.HasSuffix(host, ".icims.com") && len(seg) > 0 && seg[0] == "jobs":
		return config.Source{Name: Slug(strings.TrimPrefix(subdomainAny(host, ".icims.com"), "careers-")), Type: "icims", URL: origin}, nil
	case strings.HasSuffix(host, ".hrmdirect.com") && len(seg) == 2 && seg[0] == "employment" && (seg[1] == "job-openings.php" || seg[1] == "job-opening.php"):
		return config.Source{Name: Slug(subdomainAny(host, ".hrmdirect.com")), Type: "hrmdirect", URL: origin}, nil
	}
	if i := slices.Index(seg, "CandidateExperience"); i >= 1 && seg[i-1] == "hcmUI" {
		return oracle(rawURL, origin, host, seg[i+1:])
	}
	if len(seg) == 3 && seg[2] == "search-results" && phenomCountry.MatchString(seg[0]) && phenomLang.MatchString(seg[1]) {
		// a Phenom site's search page: /{country}/{lang}/search-results
		u.Fragment, u.RawFragment = "", ""
		return config.Source{Name: siteSlug(host), Type: "phenom", URL: u.String()}, nil
	}
	// Anything else: the page's own schema.org JobPosting markup.
	u.Fragment, u.RawFragment = "", ""
	return config.Source{Name: siteSlug(host), Type: "jsonld", URL: u.String()}, nil
}

var example = map[string]string{
	"greenhouse":      "https://boards.greenhouse.io/acme",
	"lever":           "https://jobs.lever.co/acme",
	"ashby":           "https://jobs.ashbyhq.com/acme",
	"smartrecruiters": "https://jobs.smartrecruiters.com/Acme",
	"workable":        "https://apply.workable.com/acme",
	"recruitee":       "https://acme.recruitee.com",
	"personio":        "https://acme.jobs.personio.de",
	"teamtailor":      "https://acme.teamtailor.com",
	"bamboohr":        "https://acme.bamboohr.com/careers",
	"pinpoint":        "https://acme.pinpointhq.com",
	"rippling":        "https://ats.rippling.com/acme/jobs",
	"jobvite":         "https://jobs.jobvite.com/acme",
	"paylocity":       "https://recruiting.paylocity.com/recruiting/jobs/All/{guid}",
	"neogov":          "https://www.governmentjobs.com/careers/acme",
}

// phenomCountry and phenomLang are the first two segments of a Phenom
// site's pages: /global/en/, /us/en/, /ca/fr/.
var (
	phenomCountry = regexp.MustCompile(`^[a-z]{2,10}$`)
	phenomLang    = regexp.MustCompile(`^[a-z]{2}(_[a-z]{2})?$`)
)

// oracle reads the rest of an Oracle Recruiting Cloud URL after
// /hcmUI/CandidateExperience/: {lang}/sites/{site}[/...].
func oracle(rawURL, origin, host string, seg []string) (config.Source, error) {
	if len(seg) < 3 || seg[1] != "sites" || !validBoard(seg[2]) || !validBoard(seg[0]) {
		return config.Source{}, fmt.Errorf("detect: %q looks like an Oracle Recruiting Cloud URL but names no site (expected e.g. https://%s/hcmUI/CandidateExperience/en/sites/CX)", rawURL, host)
	}
	cfg := &orsrc.Config{Site: seg[2]}
	if seg[0] != "en" {
		cfg.Language = seg[0]
	}
	name := siteSlug(host)
	if strings.HasSuffix(host, ".oraclecloud.com") {
		name = Slug(strings.SplitN(host, ".", 2)[0])
	}
	return config.Source{Name: name, Type: "oracle", URL: origin, Settings: cfg}, nil
}

// notWWW is b unless it is www, which names no board.
func notWWW(b string) string {
	if b == "www" {
		return ""
	}
	return b
}

// subdomainAny is host without suffix, dots and all (careers-acme for
// careers-acme.icims.com).
func subdomainAny(host, suffix string) string {
	return strings.TrimSuffix(host, suffix)
}

// workdayHost is {tenant}.wd{N}.myworkdayjobs.com.
var workdayHost = regexp.MustCompile(`^([a-z0-9][a-z0-9-]*)\.wd[0-9]+\.myworkdayjobs\.com$`)

// locale is a Workday path locale such as en-US or fr.
var locale = regexp.MustCompile(`^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`)

func workday(rawURL, origin, host string, seg []string) (config.Source, error) {
	tenant := workdayHost.FindStringSubmatch(host)[1]
	if len(seg) >= 4 && seg[0] == "wday" && seg[1] == "cxs" {
		// the API itself: /wday/cxs/{tenant}/{site}/jobs
		tenant, seg = seg[2], seg[3:]
	} else if len(seg) > 0 && (strings.Contains(seg[0], "-") || len(seg) > 1) && locale.MatchString(seg[0]) {
		seg = seg[1:] // en-US; a bare "de" only when a site follows
	}
	if len(seg) == 0 || !validBoard(seg[0]) || !validBoard(tenant) || seg[0] == "job" || seg[0] == "wday" {
		return config.Source{}, fmt.Errorf("detect: %q looks like a Workday URL but names no site (expected e.g. https://%s/en-US/External)", rawURL, host)
	}
	return config.Source{Name: Slug(tenant), Type: "workday", URL: origin, Settings: &wdsrc.Config{Tenant: tenant, Site: seg[0]}}, nil
}

func eightfold(rawURL, tenant, origin, domain string, u *url.URL) (config.Source, error) {
	if !validDomain(domain) {
		return config.Source{}, fmt.Errorf("detect: %q: domain %q is not a domain name", rawURL, domain)
	}
	q := u.Query()
	var teams []string
	// the apply interface's careers pages name teams Teams; the pcsx ones
	// filter_department (its department facet)
	for _, k := range []string{"Teams", "teams", "filter_department"} {
		for _, t := range q[k] {
			if t = strings.TrimSpace(t); t != "" {
				teams = append(teams, t)
			}
		}
	}
	return config.Source{Name: Slug(tenant), Type: "eightfold", URL: origin, Settings: &efsrc.Config{Domain: strings.ToLower(domain), Teams: teams}}, nil
}

// ForSource resolves a source of type auto: the detected type and keys with
// the configured name, company, schedule and line; links and max_pages carry
// over to a jsonld source.
func ForSource(src config.Source) (config.Source, error) {
	if src.URL == "" {
		return config.Source{}, errors.New("detect: the source has no url")
	}
	d, err := Detect(src.URL)
	if err != nil {
		return config.Source{}, err
	}
	d.Name, d.Company, d.Schedule, d.Line = src.Name, src.Company, src.Schedule, src.Line
	if d.Type == "jsonld" {
		d.Settings = src.Settings // auto takes the jsonld keys
	}
	return d, nil
}

// segments splits an escaped path into its unescaped, non-empty segments.
func segments(p string) []string {
	var out []string
	for s := range strings.SplitSeq(p, "/") {
		if s == "" {
			continue
		}
		if v, err := url.PathUnescape(s); err == nil {
			s = v
		}
		out = append(out, s)
	}
	return out
}

func subdomain(host, suffix string) string {
	s := strings.TrimSuffix(host, suffix)
	if strings.Contains(s, ".") {
		return "" // a.b.recruitee.com: not a board host
	}
	return s
}

func validBoard(b string) bool {
	return b != "" && len(b) <= 200 && !strings.ContainsAny(b, "/?#% \t\r\n") && b != "." && b != ".."
}

var hostRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$`)

func validHost(h string) bool {
	return h != "" && len(h) <= 253 && hostRE.MatchString(h) && (strings.Contains(h, ".") || h == "localhost")
}

func validDomain(d string) bool {
	d = strings.ToLower(d)
	return hostRE.MatchString(d) && strings.Contains(d, ".") && len(d) <= 253
}

// Slug makes a source name ([a-z0-9-]+, at most 64 characters) from a board
// or company name: lower case, runs of anything else become one hyphen.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > 64 {
		out = strings.TrimRight(out[:64], "-")
	}
	if out == "" {
		out = "careers"
	}
	return out
}

// siteSlug names a site after its organisation: the label before the
// public suffix, skipping www/careers/jobs prefixes (careers.acme.co.uk ->
// acme).
func siteSlug(host string) string {
	if ip, err := netip.ParseAddr(host); err == nil {
		// an address has no organisation: its last label ("1") is no name
		return Slug("ip-" + ip.String())
	}
	labels := strings.Split(host, ".")
	if len(labels) == 1 {
		return Slug(host)
	}
	i := len(labels) - 2
	if i > 0 && len(labels[i]) <= 3 && secondLevel[labels[i]] {
		i-- // acme.co.uk, acme.com.au
	}
	return Slug(labels[i])
}

var secondLevel = map[string]bool{"co": true, "com": true, "org": true, "net": true, "ac": true, "gov": true, "edu": true, "ne": true, "or": true}
