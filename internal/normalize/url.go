package normalize

import (
	"net/url"
	"slices"
	"sort"
	"strings"
)

// tracking are query parameters that never identify a posting (besides
// every utm_* one): ad click ids, mail campaign tags, and the source tags
// applicant tracking systems add to a posting's link to credit a channel
// (Greenhouse gh_src; Lever lever-source, lever-origin; Jobvite __jvst,
// __jvsd, __jvsc; iCIMS iis, iisn; SmartRecruiters trid; Ashby and Workable
// tag with utm_*). A platform's own id parameter (gh_jid, ashby_jid) is no
// tag and stays.
var tracking = map[string]bool{
	"gclid": true, "fbclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "igshid": true, "_hsenc": true, "_hsmi": true, "yclid": true, "dclid": true,
	"gh_src": true, "lever-source": true, "lever-source[]": true, "lever-origin": true,
	"__jvst": true, "__jvsd": true, "__jvsc": true, "iis": true, "iisn": true, "trid": true,
}

// sessions are the names of session ids that servers put in links (as a
// query parameter, or as a path parameter: /job/1;jsessionid=...): a board
// that rotates sessions would otherwise give every posting a new link, and
// a new id, on every run. sid and session are also short names a site may
// give a record or a term ("session=summer2026"), so a value under them is
// a session id only when it looks like one: a token of 16 or more letters,
// digits, '-', '_' or '.', with a letter (not a long number). Besides
// the Java and PHP names: ASP.NET's ASP.NET_SessionId, classic ASP's
// ASPSESSIONIDxxxxxxxx (any suffix), ColdFusion's CFID and CFTOKEN, and
// the shop engines' BV_SessionID, zenid and osCsid.
var sessions = map[string]bool{
	"jsessionid": true, "phpsessid": true, "sessionid": true, "session_id": true, "sessid": true,
	"aspsessionid": true, "sid": true, "session": true, "asp.net_sessionid": true,
	"cfid": true, "cftoken": true, "bv_sessionid": true, "zenid": true, "oscsid": true,
}

// Tracking reports whether a query parameter only tracks a visit or a
// channel.
func Tracking(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || tracking[k]
}

// Session reports whether a query or path parameter key=value is a
// session id (see sessions); key in any case.
func Session(key, value string) bool {
	switch k := strings.ToLower(key); {
	case strings.HasPrefix(k, "aspsessionid"):
		return true
	case !sessions[k]:
		return false
	case k == "sid" || k == "session":
		return sessionToken(value)
	}
	return true
}

// sessionToken reports whether v looks like a random session token (see
// sessions).
func sessionToken(v string) bool {
	if len(v) < 16 {
		return false
	}
	letter := false
	for _, c := range v {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.':
		default:
			return false
		}
	}
	return letter
}

// StripTracking removes tracking parameters and session ids from q (in
// place) and returns it.
func StripTracking(q url.Values) url.Values {
	for k, vs := range q {
		if Tracking(k) || sessionValues(k, vs) {
			q.Del(k)
		}
	}
	return q
}

// sessionValues reports whether a query key with values vs is a session
// id: every value is one.
func sessionValues(k string, vs []string) bool {
	for _, v := range vs {
		if !Session(k, v) {
			return false
		}
	}
	return true
}

// StripSessionPath removes session ids given as path parameters
// (";jsessionid=ABC" at the end of a segment) and ASP.NET's cookieless
// session segments ("/(S(lit3py55t21z5v55vlm25s55))/", "(X(1)S(...))",
// "(A(...)S(...)F(...))", see cookieless) from an escaped path; other path
// parameters and segments stay. An escaped ";" (%3B) is no separator.
func StripSessionPath(escaped string) string {
	if !strings.Contains(escaped, ";") && !strings.Contains(escaped, "(") && !strings.Contains(escaped, "%28") {
		return escaped
	}
	segs := strings.Split(escaped, "/")
	if len(segs) > 1 {
		kept := segs[:1]
		for _, seg := range segs[1:] {
			if !cookieless(seg) {
				kept = append(kept, seg)
			}
		}
		segs = kept
	}
	for i, seg := range segs {
		parts := strings.Split(seg, ";")
		kept := parts[:1]
		for _, p := range parts[1:] {
			k, v, _ := strings.Cut(p, "=")
			if ku, err := url.PathUnescape(k); err == nil && Session(ku, v) {
				continue
			}
			kept = append(kept, p)
		}
		segs[i] = strings.Join(kept, ";")
	}
	return strings.Join(segs, "/")
}

// cookieless reports whether an escaped path segment is an ASP.NET
// cookieless session (or anonymous id / forms ticket) segment: "(" then one
// or more parts, each a letter and a token in parentheses, then ")".
func cookieless(seg string) bool {
	s, err := url.PathUnescape(seg)
	if err != nil || len(s) < 5 || s[0] != '(' || s[len(s)-1] != ')' {
		return false
	}
	s = s[1 : len(s)-1]
	for s != "" {
		if len(s) < 3 || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') || s[1] != '(' {
			return false
		}
		end := strings.IndexByte(s, ')')
		if end < 0 || strings.ContainsAny(s[2:end], "()/") {
			return false
		}
		s = s[end+1:]
	}
	return true
}

// CleanURL is a posting's URL without tracking parameters, session ids and
// fragment, so that a link that only changed its campaign tags or its
// session is no change. The rest of the URL is kept as it was (a URL that
// does not parse is returned trimmed). A link of another scheme than http,
// https and mailto (javascript:, data:, vbscript:, however a browser would
// still read it) is dropped: the posting's url goes into every event, and a
// receiver that shows it as a link would run it.
//
// Tabs and line breaks inside it are dropped, as a browser drops them
// (review s32 F6: "http://h/job/5\r\nX-Evil: 1" went whole into snapshots
// and webhook bodies), and a URL with another control character is
// dropped: no receiver gets a header or a line break through it.
func CleanURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if strings.ContainsAny(raw, "\t\r\n") {
		raw = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(raw)
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] < ' ' || raw[i] == 0x7f {
			return ""
		}
	}
	switch linkScheme(raw) {
	case "", "http", "https", "mailto":
	default:
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Fragment, u.RawFragment = "", ""
	if p := u.EscapedPath(); strings.ContainsAny(p, ";(") || strings.Contains(p, "%28") {
		if s := StripSessionPath(p); s != p {
			if u2, err := url.Parse("http://h" + s); err == nil {
				u.Path, u.RawPath = u2.Path, u2.RawPath
			}
		}
	}
	if u.RawQuery != "" {
		u.RawQuery = StripRawQuery(u.RawQuery)
	}
	return u.String()
}

// linkScheme is raw's scheme in lower case as a browser reads it (leading
// control characters and spaces, tabs and line breaks anywhere dropped), ""
// when it has none.
func linkScheme(raw string) string {
	var b []byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r' || len(b) == 0 && c <= ' ':
		case c == ':':
			return strings.ToLower(string(b))
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || len(b) > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
			b = append(b, c)
		default:
			return ""
		}
	}
	return ""
}

// StripRawQuery is a raw query without its tracking tags and session ids,
// the other pairs kept in their order and as written: a link that gained
// or lost a campaign tag is the same link, byte for byte. A pair is what
// lies between two '&' (a ';' is part of its value, as Go reads queries
// since 1.17); one whose key or value does not unescape is kept.
func StripRawQuery(raw string) string {
	if raw == "" {
		return raw
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		ku, err1 := url.QueryUnescape(k)
		vu, err2 := url.QueryUnescape(v)
		if err1 == nil && err2 == nil && (Tracking(ku) || Session(ku, vu)) {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "&")
}

// QueryID is the query part of an id made from a link's raw query: its
// parameters without tracking tags and session ids, keys sorted
// (url.Values.Encode, the form such ids have always had). A query that
// url.ParseQuery refuses (a ';' in a pair, a bad escape: Go's reading
// drops those pairs) keeps its pairs as written, without its tracking and
// session pairs (StripRawQuery), escapes written one way and the pairs
// sorted: links that differ there never share an id, and a board that
// only reorders them keeps it.
func QueryID(raw string) string {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return sortedPairs(StripRawQuery(raw))
	}
	return StripTracking(q).Encode()
}

// SameLink reports whether two links name the same page but for how the
// path's escapes and the query are written: the same scheme, host (in any
// case), path (%7E or ~, %c3%a9 or %C3%A9: CanonicalEscapes), and query
// parameters (in any order and escaping). A board that reorders or
// re-escapes a link makes no change of it.
func SameLink(a, b string) bool {
	if a == b {
		return true
	}
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil || ua.Scheme != ub.Scheme || !strings.EqualFold(ua.Host, ub.Host) ||
		CanonicalEscapes(ua.EscapedPath()) != CanonicalEscapes(ub.EscapedPath()) || ua.Fragment != ub.Fragment || ua.User.String() != ub.User.String() {
		return false
	}
	qa, err1 := url.ParseQuery(ua.RawQuery)
	qb, err2 := url.ParseQuery(ub.RawQuery)
	if err1 != nil || err2 != nil {
		// a query Go cannot parse: its pairs as written, in any order
		return sortedPairs(ua.RawQuery) == sortedPairs(ub.RawQuery)
	}
	return qa.Encode() == qb.Encode()
}

// sortedPairs is a raw query's '&'-separated pairs, escapes written one
// way (CanonicalEscapes), empty ones left out, sorted.
func sortedPairs(raw string) string {
	pairs := strings.Split(CanonicalEscapes(raw), "&")
	pairs = slices.DeleteFunc(pairs, func(p string) bool { return p == "" })
	sort.Strings(pairs)
	return strings.Join(pairs, "&")
}

// CanonicalEscapes writes the percent-escapes of an escaped path or query
// one way (RFC 3986 6.2.2): hex in upper case, an escaped unreserved
// character (letter, digit, '-', '.', '_', '~') as the character. Links
// to one page that a board's encoder writes as %c3%bc or %C3%BC, %7E or ~,
// give one id.
func CanonicalEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			c := unhex(s[i+1])<<4 | unhex(s[i+2])
			if unreserved(c) {
				b.WriteByte(c)
			} else {
				b.WriteByte('%')
				b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			}
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

func unreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}
