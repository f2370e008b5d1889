package normalize

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// foldPlace lowers a place name, drops dots ("U.S.A." -> "usa") and keeps
// single spaces between words.
func foldPlace(s string) string {
	if f, ok := foldPlaceASCII(s); ok {
		return f
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '.':
		case r == '\'' || r == '’':
			b.WriteRune('\'')
		case r == ' ' || r == '-' || r == '/' || r == '\u00a0' || r == '_':
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldPlaceASCII is foldPlace for ASCII text, without a rune loop.
func foldPlaceASCII(s string) (string, bool) {
	var buf [64]byte
	b := buf[:0]
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == '.':
		case c == ' ' || c == '-' || c == '/' || c == '_' || c == '\t' || c == '\n':
			space = len(b) > 0
		default:
			if space {
				b = append(b, ' ')
				space = false
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	if string(b) == s {
		return s, true // already folded ("usa", "los gatos"): no copy
	}
	return string(b), true
}

// countryCode returns the ISO code of a country name, alias or code, or "".
func countryCode(part string) string {
	f := foldPlace(part)
	if c, ok := countryNames[f]; ok {
		return c
	}
	t := strings.TrimSpace(part)
	if len(t) == 2 && t == strings.ToUpper(t) && isoCodes[t] {
		return t
	}
	return ""
}

// remoteWords mark a location as remote.
var remoteWords = map[string]bool{
	"remote": true, "anywhere": true, "work from home": true, "wfh": true, "virtual": true,
	"telecommute": true, "fully remote": true, "remote first": true, "remote friendly": true,
	"distributed": true, "home based": true, "home-based": true, "remoto": true, "remota": true,
	"télétravail": true, "teletravail": true, "teletrabajo": true, "home office": true, "homeoffice": true,
	"fjernarbeid": true, "zdalnie": true, "remote work": true, "mobiles arbeiten": true, "100% remote": true,
	"worldwide": true, "anywhere in the world": true, "hjemmekontor": true, "distanciel": true, "100% télétravail": true,
	// Danish, Norwegian, Swedish, Finnish, German, French, Spanish,
	// Italian, Dutch, Polish words for work from home
	"fjernarbejde": true, "hjemmearbejde": true, "arbejde hjemmefra": true, "hjemmefra": true,
	"distans": true, "på distans": true, "distansarbete": true, "fjärrarbete": true, "hemarbete": true, "etätyö": true,
	"ortsunabhängig": true, "à distance": true, "a distance": true, "full remote": true,
	"en remoto": true, "a distancia": true, "trabajo remoto": true, "da remoto": true, "lavoro da remoto": true,
	"op afstand": true, "thuiswerken": true, "praca zdalna": true, "remote only": true,
}

// areaWords name areas wider than a country.
var areaWords = map[string]bool{
	"europe": true, "emea": true, "global": true, "worldwide": true, "world": true, "americas": true,
	"apac": true, "latam": true, "north america": true, "south america": true, "latin america": true,
	"eu": true, "european union": true, "asia": true, "africa": true, "oceania": true, "nordics": true,
	"dach": true, "anywhere": true, "international": true, "cet": true, "est": true, "pst": true,
	"europe timezones": true, "eu timezones": true, "us timezones": true, "gmt": true, "utc": true,
}

// workModes are parts of a label that say how or where in a company one
// works rather than where: "Hybrid - London", "New York, NY (HQ)".
var workModes = map[string]bool{
	"": true, "hybrid": true, "on site": true, "onsite": true, "in office": true, "office": true, "hq": true,
	"headquarters": true, "head office": true, "main office": true, "flexible": true, "in person": true,
	"on-site": true, "office based": true, "hybrid remote": false,
	"hybrid work": true, "hybridt": true, "hybridarbete": true, "hybride": true, "híbrido": true, "híbrida": true,
	"ibrido": true, "présentiel": true, "presencial": true, "in sede": true, "vor ort": true,
}

// placeFieldNames are names of a field that holds the place of work, in
// the languages of the postings: "Standort: Berlin", "Arbeitssted: Oslo",
// "Lieu : Paris", "Ubicación: Madrid".
var placeFieldNames = map[string]bool{
	"location": true, "locations": true, "based in": true, "city": true, "work location": true,
	"job location": true, "office location": true, "place of work": true,
	"standort": true, "standorte": true, "arbeitsort": true, "einsatzort": true, "dienstort": true,
	"arbeitssted": true, "arbeidssted": true, "arbejdssted": true, "tjenestested": true,
	"arbetsort": true, "placering": true, "placeringsort": true, "ort": true,
	"lieu": true, "lieu de travail": true, "localisation": true, "ville": true,
	"ubicación": true, "ubicacion": true, "lugar de trabajo": true, "sede": true, "sede di lavoro": true,
	"locatie": true, "standplaats": true, "werklocatie": true,
}

// officePrefix strips an office or work-mode prefix that ends with ':'
// ("HQ: Berlin", "Office: London", "Hybrid: Paris").
func officePrefix(s string) string {
	if i := strings.IndexByte(s, ':'); i > 0 && i < 24 {
		if p := foldPlace(s[:i]); workModes[p] || placeFieldNames[p] {
			return strings.TrimSpace(s[i+1:])
		} else if remoteWords[p] {
			// "Remote: US" stays remote: "Remote - US"
			return s[:i] + " - " + strings.TrimSpace(s[i+1:])
		} else if v := strings.TrimSpace(s[i+1:]); countryCode(s[:i]) != "" && remoteWords[foldPlace(v)] {
			// "Germany: Remote": remote in the country
			return v + " - " + strings.TrimSpace(s[:i])
		}
	}
	return countryCodePrefix(s)
}

// countryCodePrefix strips a country's ISO code that an ATS puts before
// a place of that country ("ES - Barcelona, Spain", "US - New York, NY"):
// the code is a prefix, not the city. A remote word after it ("US -
// Remote") stays a remote place of the country.
func countryCodePrefix(s string) string {
	if len(s) < 7 || s[2] != ' ' || s[3] != '-' || s[4] != ' ' || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return s
	}
	cc := countryCode(s[:2])
	rest := strings.TrimSpace(s[5:])
	if cc == "" || remoteWords[foldPlace(rest)] || strings.ContainsAny(rest, "/|;•") || strings.Contains(rest, " - ") {
		return s
	}
	if l := Location(rest); l.Name == "" && l.Country == cc && (l.City != "" || l.Region != "") {
		return rest
	}
	return s
}

// officeWords before or after a place name an office or a work mode, not
// a place: "Hybrid in London", "London Office", "Amsterdam HQ",
// "On-site in Austin".
var officeWords = map[string]bool{
	"hybrid": true, "onsite": true, "on-site": true, "on site": true, "office": true, "hq": true,
	"headquarters": true, "hub": true, "campus": true, "in-office": true, "in office": true, "based": true,
}

// metroArea reads the area around a known city as the city ("Greater
// Copenhagen", "Copenhagen Area", "Stockholm Metropolitan Area",
// "Greater London Area", "Toronto Region" (session 34), "Großraum Hamburg", "Raum Stuttgart", "Nähe
// Köln", "Hamburg und Umgebung", "Stor-Oslo", "Oslo-området",
// "Stockholmsområdet", "Oslo sentrum", "Göteborg centrum", "Stockholm
// City"); anything else is returned as it is.
func metroArea(q string) string {
	if !metroMarker(q) {
		return q // no word of an area: without folding
	}
	f := foldPlace(q)
	if _, ok := knownCities[f]; ok {
		return q // "Mexico City", "Quebec City": a city of its own
	}
	g := f
	for _, pre := range metroPrefixes {
		if h, ok := strings.CutPrefix(g, pre); ok {
			g = h
			break
		}
	}
	for _, suf := range metroSuffixes {
		if h, ok := strings.CutSuffix(g, suf); ok && h != "" {
			g = h
			break
		}
	}
	if g == f {
		return q
	}
	if c, ok := knownCities[g]; ok {
		return c.city
	}
	if h, ok := strings.CutSuffix(g, "s"); ok && strings.HasSuffix(f, "området") {
		if c, ok := knownCities[h]; ok {
			return c.city // "Stockholmsområdet": the genitive s
		}
	}
	return q
}

// cityDistrict reads a district of a known city as the city: a French
// arrondissement ("Lyon 3e", "Paris 8ème") or a district after a hyphen
// ("München-Schwabing", "Berlin-Mitte"); a name that is a place of its
// own stays as it is.
func cityDistrict(q string) string {
	t := strings.TrimSpace(q)
	if !strings.ContainsAny(t, "-0123456789") {
		return q
	}
	if _, ok := knownCities[foldPlace(t)]; ok {
		return q
	}
	if i := strings.LastIndexByte(t, ' '); i > 0 {
		suf := strings.ToLower(t[i+1:])
		d := 0
		for d < len(suf) && suf[d] >= '0' && suf[d] <= '9' {
			d++
		}
		if d >= 1 && d <= 2 {
			switch suf[d:] {
			case "e", "è", "ème", "eme", "er", "ère":
				if c, ok := knownCities[foldPlace(t[:i])]; ok && c.country == "FR" {
					return c.city
				}
			}
		}
	}
	if i := strings.IndexByte(t, '-'); i > 0 && i+1 < len(t) {
		// the district's name starts with a capital ("Berlin-Mitte", not
		// "Oslo-området")
		if r, _ := utf8.DecodeRuneInString(t[i+1:]); unicode.IsUpper(r) {
			loadNordic()
			if c, ok := knownCities[foldPlace(t[:i])]; ok && c.country != "US" && nordicRegions[foldPlace(t)].region == "" {
				return c.city
			}
		}
	}
	return q
}

// metroPrefixes and metroSuffixes (folded) are the words of the area
// around a city, in the languages of the corpus.
var (
	metroPrefixes = []string{"greater ", "großraum ", "grossraum ", "raum ", "nähe ", "naehe ", "nahe ",
		"umkreis ", "stor ", "metro "}
	metroSuffixes = []string{" metropolitan area", " metro area", " metropolitan region", " area", " metro",
		" region", " und umgebung",
		" umgebung", " and surroundings", " området", "området", " regionen", " sentrum", " centrum",
		" city", " centre", " center", " innenstadt", " c"}
)

// metroMarker says cheaply whether a part may hold a word of metroPrefixes
// or metroSuffixes.
func metroMarker(q string) bool {
	for _, m := range []string{"rea", "REA", "etro", "ETRO", "aum", "AUM", "ähe", "ÄHE", "ahe", "mgebung", "mkreis",
		"Stor", "stor", "råde", "RÅDE", "egion", "EGION", "entrum", "ENTRUM", "City", "city", "CITY", "entre", "enter",
		"nnenstadt", " C", "urrounding"} {
		if strings.Contains(q, m) {
			return true
		}
	}
	return false
}

// hedgeWords before a place say it may be the workplace ("Remote - ggf.
// Wien": remote, possibly in Vienna); the place is still named.
var hedgeWords = map[string]bool{
	"ggf.": true, "ggf": true, "gegebenenfalls": true, "evtl.": true, "evtl": true, "eventuell": true,
	"possibly": true, "optionally": true, "occasionally": true, "teilweise": true,
}

// hedgeReplacer drops the abbreviated hedges whose dot would end a field's
// value.
var hedgeReplacer = strings.NewReplacer("ggf. ", "", "Ggf. ", "", "evtl. ", "", "Evtl. ", "")

// stripOffice removes office and work-mode words around a place ("Hybrid
// in London" -> "London"), keeping a part that would be left empty.
func stripOffice(p string) string {
	ws := strings.FieldsFunc(p, func(r rune) bool { return r == ' ' || r == '/' }) // "Chicago/Hybrid"
	if len(ws) < 2 {
		return p
	}
	i, j := 0, len(ws)
	for i < j-1 && (officeWords[strings.ToLower(ws[i])] || hedgeWords[strings.ToLower(ws[i])] || i > 0 && isLinkWord(ws[i])) {
		i++
	}
	for j-1 > i && officeWords[strings.ToLower(ws[j-1])] {
		j--
	}
	if i == 0 && j == len(ws) {
		return p
	}
	return strings.Join(ws[i:j], " ")
}

func isLinkWord(w string) bool {
	switch strings.ToLower(w) {
	case "in", "from", "at", "near":
		return true
	}
	return false
}

// dottedLabel rewrites an ATS code path written with dots, country first
// ("USA.VA.Reston", "DEU.Berlin"), as "Reston, VA, USA".
func dottedLabel(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	f := strings.Split(s, ".")
	if len(f) < 2 || len(f) > 3 || strings.Contains(f[0], " ") || countryCode(f[0]) == "" && iso3[f[0]] == "" {
		return s
	}
	for _, x := range f {
		if strings.TrimSpace(x) == "" {
			return s
		}
	}
	out := []string{f[len(f)-1]}
	if len(f) == 3 {
		out = append(out, f[1])
	}
	c := f[0]
	if cc := iso3[c]; cc != "" {
		c = cc
	}
	return strings.Join(append(out, c), ", ")
}

// iso3 are the ISO 3166-1 alpha-3 codes ATS paths use most.
var iso3 = map[string]string{
	"USA": "US", "CAN": "CA", "GBR": "GB", "DEU": "DE", "FRA": "FR", "IRL": "IE", "NLD": "NL", "ESP": "ES",
	"ITA": "IT", "POL": "PL", "IND": "IN", "CHN": "CN", "JPN": "JP", "SGP": "SG", "AUS": "AU", "BRA": "BR",
	"MEX": "MX", "ISR": "IL", "CHE": "CH", "SWE": "SE", "NOR": "NO", "DNK": "DK", "FIN": "FI", "AUT": "AT",
	"BEL": "BE", "PRT": "PT", "CZE": "CZ", "ROU": "RO", "KOR": "KR", "TWN": "TW", "HKG": "HK",
	"ARE": "AE", "SAU": "SA", "QAT": "QA", "ZAF": "ZA", "NZL": "NZ", "ARG": "AR", "CHL": "CL", "COL": "CO",
	"PER": "PE", "TUR": "TR", "EGY": "EG", "NGA": "NG", "KEN": "KE", "PHL": "PH", "IDN": "ID", "MYS": "MY",
	"THA": "TH", "VNM": "VN", "GRC": "GR", "HUN": "HU", "UKR": "UA", "EST": "EE", "LVA": "LV", "LTU": "LT",
	"BGR": "BG", "HRV": "HR", "SVK": "SK", "SVN": "SI", "LUX": "LU", "ISL": "IS", "SRB": "RS", "CRI": "CR",
	"URY": "UY", "PAK": "PK", "BGD": "BD", "LKA": "LK",
}

// codePathTown tells whether a label of three parts, a country's code
// first, ends with a town of that country after a region: an Australian
// state's code, or a known city of the country ("IND - Karnataka -
// Bengaluru").
func codePathTown(rest []string) bool {
	if rest[0] == "AU" && auStates[strings.TrimSpace(rest[1])] != "" {
		return true
	}
	c, ok := knownCities[foldPlace(rest[2])]
	return ok && c.country == rest[0]
}

// auStates are the states and territories of Australia by their codes.
var auStates = map[string]string{
	"NSW": "New South Wales", "VIC": "Victoria", "QLD": "Queensland", "WA": "Western Australia",
	"SA": "South Australia", "TAS": "Tasmania", "ACT": "Australian Capital Territory", "NT": "Northern Territory",
}

// splitLocation splits a label at ",", "(", ")", "|", ";" and " - ".
func splitLocation(s string) []string {
	s = dashReplacer.Replace(s)
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '(' || r == ')' || r == '|' || r == ';' || r == '[' || r == ']' || r == '•' || r == '·'
	}) {
		for _, q := range strings.Split(p, " - ") {
			if q = strings.TrimSpace(q); q != "" && q != "-" {
				out = append(out, q)
			}
		}
	}
	return out
}

// stripRemote removes remote words from a part ("Remote US" -> "US") and
// says whether there were any.
func stripRemote(p string) (string, bool) {
	f := foldPlace(p)
	if remoteWords[f] {
		return "", true
	}
	ws := strings.FieldsFunc(p, func(r rune) bool { return r == ' ' || r == '/' || r == '-' }) // "Germany/Remote", "Remote-US"
	if len(ws) > 2 && (strings.EqualFold(ws[0], "fully") || ws[0] == "100%") && remoteWords[foldPlace(ws[1])] {
		ws = ws[1:] // "Fully Remote US"
	}
	if len(ws) > 1 {
		if remoteWords[foldPlace(ws[0])] {
			rest := ws[1:]
			// "Remote within US", "Remote in Canada", "Anywhere in the U.S."
			for len(rest) > 1 {
				if f := foldPlace(rest[0]); f == "within" || f == "in" || f == "from" || f == "across" || f == "only" || f == "the" {
					rest = rest[1:]
					continue
				}
				break
			}
			return strings.Join(rest, " "), true
		}
		if remoteWords[foldPlace(ws[len(ws)-1])] {
			return strings.Join(ws[:len(ws)-1], " "), true
		}
	}
	return p, false
}

// remoteFieldCountry returns the one country of the towns a remote
// location field of the text names ("Einsatzort: Remote, Einarbeitung 1–2
// Wochen vor Ort (Nürnberg oder München)" -> DE), or "": the country the
// remote work is tied to when no label or sentence names one.
func remoteFieldCountry(text string) string {
	if !containsBy(text, "emote", 1) && !strings.Contains(text, "EMOTE") {
		return ""
	}
	country := ""
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "-*•·# "))
		head, value, ok := cutField(strings.ReplaceAll(line, "*", ""))
		if !ok || !hasRemoteWord(strings.ToLower(value)) {
			continue
		}
		if _, field := placeFields[foldPlace(head)]; !field {
			continue
		}
		for _, p := range splitLocation(value) {
			if q, _ := stripRemote(p); q != "" && isAreaPart(q) {
				return "" // "Remote (Europe), ...": an area wider than a country
			}
		}
		for _, l := range citiesIn(orReplacer.Replace(conjReplacer.Replace(value))) {
			if country != "" && country != l.Country {
				return ""
			}
			country = l.Country
		}
	}
	return country
}

// orRemote says whether a field value offers remote work as the
// alternative to its places, with a word for "or" ("Berlin or remote",
// "Hamburg oder remote", "Oslo eller remote").
func orRemote(v string) bool {
	l := " " + strings.ToLower(v) + " "
	for _, w := range []string{" or ", " oder ", " eller ", " ou ", " o ", " of ", " alternatively "} {
		if i := strings.Index(l, w); i >= 0 && strings.Contains(l[i:], "remote") {
			return true
		}
	}
	return false
}

// usArea reads a part of the US named by its coast, its time zones or a
// compass point ("US - East Coast (Remote)", "Remote - US East", "Remote
// (US time zones)", "East Coast") as the US: the most precise place the
// label names (PROTOCOL.md, Remote places).
func usArea(q string) string {
	f := foldPlace(q)
	if !strings.Contains(f, "coast") && !strings.HasPrefix(f, "us ") && !strings.HasPrefix(f, "usa ") {
		return q
	}
	rest, ok := strings.CutPrefix(f, "us ")
	if !ok {
		rest, ok = strings.CutPrefix(f, "usa ")
	}
	switch rest {
	case "east", "west", "central", "eastern", "western", "pacific", "mountain", "east coast", "west coast",
		"time zones", "timezones", "time zone", "timezone", "eastern time", "pacific time", "central time":
		if ok {
			return "US"
		}
	}
	if !ok && (f == "east coast" || f == "west coast") {
		return "US"
	}
	return q
}

// exampleBrackets drops brackets after a place that give examples of its
// towns ("Ruhrgebiet (Essen, Dortmund usw.)", "Bay Area (e.g. Palo Alto,
// San Jose)"): the label names the area.
func exampleBrackets(label string) string {
	i := strings.IndexByte(label, '(')
	if i <= 0 {
		return label
	}
	j := strings.IndexByte(label[i:], ')')
	if j < 0 {
		j = len(label) - i - 1 // cut at "usw." by a field's value: unclosed
	}
	in := strings.ToLower(label[i : i+j+1])
	for _, w := range []string{"usw", "etc", "e.g", "z.b", "z. b", "bspw", "u.a", "for example", "zum beispiel"} {
		if strings.Contains(in, w) {
			return strings.TrimSpace(label[:i]) + label[min(len(label), i+j+1):]
		}
	}
	return label
}

// dropOnly removes a trailing "only" from a part of a label ("Remote (US
// only)", "Remote - Germany only"): the place it limits stays.
func dropOnly(p string) string {
	t := strings.TrimSpace(p)
	if len(t) > 5 && strings.EqualFold(t[len(t)-5:], " only") {
		return strings.TrimSpace(t[:len(t)-5])
	}
	// "Remote (Germany-based)", "Germany-wide", "Deutschlandweit": a
	// country named with "based", "wide" or German "weit" is the country
	for _, suf := range []string{"-based", " based", "-wide", " wide", "weit"} {
		if len(t) > len(suf)+2 && strings.EqualFold(t[len(t)-len(suf):], suf) {
			if c := strings.TrimSpace(t[:len(t)-len(suf)]); countryCode(c) != "" {
				return c
			}
		}
	}
	return p
}

// remoteIn reads the remote alternative of a label ("remote within the
// UK", "remote (Sweden)", "Remote"): ok when it is remote work, with the
// country it names or "".
func remoteIn(b string) (string, bool) {
	t := strings.TrimSpace(parenSpaces.Replace(b))
	q, r := stripRemote(dropOnly(t))
	if !r {
		return "", false
	}
	q = strings.TrimSpace(q)
	if q == "" {
		return "", true
	}
	if cc := countryCode(q); cc != "" {
		return cc, true
	}
	return "", false
}

// caProvince returns the Canadian province a part names ("ON", "Ontario"),
// or "".
func caProvince(p string) string {
	t := strings.TrimSpace(p)
	if pr := caProvinces[t]; pr != "" {
		return pr
	}
	return caProvinceNames[foldPlace(t)]
}

// stateName returns the US state a part names ("CA", "California"), or "".
func stateName(p string) string {
	t := strings.TrimSpace(p)
	if len(t) == 2 && t == strings.ToUpper(t) {
		return usStates[t]
	}
	return usStates[foldPlace(t)]
}

// subdivisionCodes are the codes of Brazil's, India's and South Africa's
// states and provinces and of Italy's provinces that labels write after a
// town ("Belo Horizonte - MG", "Pune, MH", "Torino (TO)"), with the region
// each names (as the world table spells
// it: an Italian province's region, not the province).
var subdivisionCodes = map[string]map[string]string{
	"BR": {"AC": "Acre", "AL": "Alagoas", "AP": "Amapá", "AM": "Amazonas", "BA": "Bahia", "CE": "Ceará",
		"DF": "Federal District", "ES": "Espírito Santo", "GO": "Goiás", "MA": "Maranhão", "MT": "Mato Grosso",
		"MS": "Mato Grosso do Sul", "MG": "Minas Gerais", "PA": "Pará", "PB": "Paraíba", "PR": "Paraná",
		"PE": "Pernambuco", "PI": "Piauí", "RJ": "Rio de Janeiro", "RN": "Rio Grande do Norte",
		"RS": "Rio Grande do Sul", "RO": "Rondônia", "RR": "Roraima", "SC": "Santa Catarina", "SP": "São Paulo",
		"SE": "Sergipe", "TO": "Tocantins"},
	"IT": {"MI": "Lombardy", "BG": "Lombardy", "BS": "Lombardy", "CO": "Lombardy", "CR": "Lombardy",
		"LC": "Lombardy", "LO": "Lombardy", "MB": "Lombardy", "MN": "Lombardy", "PV": "Lombardy", "SO": "Lombardy",
		"VA": "Lombardy", "RM": "Lazio", "FR": "Lazio", "LT": "Lazio", "RI": "Lazio", "VT": "Lazio",
		"TO": "Piedmont", "AL": "Piedmont", "AT": "Piedmont", "BI": "Piedmont", "CN": "Piedmont", "NO": "Piedmont",
		"VB": "Piedmont", "VC": "Piedmont", "NA": "Campania", "AV": "Campania", "BN": "Campania", "CE": "Campania",
		"SA": "Campania", "BO": "Emilia-Romagna", "FC": "Emilia-Romagna", "FE": "Emilia-Romagna",
		"MO": "Emilia-Romagna", "PC": "Emilia-Romagna", "PR": "Emilia-Romagna", "RA": "Emilia-Romagna",
		"RE": "Emilia-Romagna", "RN": "Emilia-Romagna", "FI": "Tuscany", "AR": "Tuscany", "GR": "Tuscany",
		"LI": "Tuscany", "LU": "Tuscany", "MS": "Tuscany", "PI": "Tuscany", "PO": "Tuscany", "PT": "Tuscany",
		"SI": "Tuscany", "GE": "Liguria", "IM": "Liguria", "SP": "Liguria", "SV": "Liguria", "VE": "Veneto",
		"BL": "Veneto", "PD": "Veneto", "RO": "Veneto", "TV": "Veneto", "VI": "Veneto", "VR": "Veneto",
		"BA": "Apulia", "BT": "Apulia", "BR": "Apulia", "FG": "Apulia", "LE": "Apulia", "TA": "Apulia",
		"PA": "Sicily", "AG": "Sicily", "CL": "Sicily", "CT": "Sicily", "EN": "Sicily", "ME": "Sicily", "RG": "Sicily",
		"SR": "Sicily", "TP": "Sicily", "CA": "Sardinia", "NU": "Sardinia", "OR": "Sardinia", "SS": "Sardinia",
		"SU": "Sardinia", "TN": "Trentino-Alto Adige", "BZ": "Trentino-Alto Adige", "TS": "Friuli-Venezia Giulia",
		"GO": "Friuli-Venezia Giulia", "PN": "Friuli-Venezia Giulia", "UD": "Friuli-Venezia Giulia",
		"PG": "Umbria", "TR": "Umbria", "AN": "The Marches", "AP": "The Marches", "FM": "The Marches",
		"MC": "The Marches", "PU": "The Marches", "AQ": "Abruzzo", "CH": "Abruzzo", "PE": "Abruzzo", "TE": "Abruzzo",
		"CS": "Calabria", "CZ": "Calabria", "KR": "Calabria", "RC": "Calabria", "VV": "Calabria",
		"PZ": "Basilicate", "MT": "Basilicate", "CB": "Molise", "IS": "Molise", "AO": "Aosta Valley"},
	"IN": {"AP": "Andhra Pradesh", "AS": "Assam", "BR": "Bihar", "CG": "Chhattisgarh", "CT": "Chhattisgarh",
		"DL": "Delhi", "GA": "Goa", "GJ": "Gujarat", "HR": "Haryana", "HP": "Himachal Pradesh", "JH": "Jharkhand",
		"KA": "Karnataka", "KL": "Kerala", "MP": "Madhya Pradesh", "MH": "Maharashtra", "OD": "Odisha",
		"OR": "Odisha", "PB": "Punjab", "RJ": "Rajasthan", "TN": "Tamil Nadu", "TS": "Telangana", "TG": "Telangana",
		"UP": "Uttar Pradesh", "UK": "Uttarakhand", "UT": "Uttarakhand", "WB": "West Bengal"},
	"ZA": {"GP": "Gauteng", "WC": "Western Cape", "EC": "Eastern Cape", "FS": "Free State", "LP": "Limpopo",
		"MP": "Mpumalanga", "NW": "North West", "NC": "Northern Cape"},
}

// subdivisionCode returns the country and region of a town followed by
// the code of one of subdivisionCodes' states or provinces ("Salvador,
// BA", "Bologna (BO)", "Chennai, TN") when the town is a known town of that region and of no
// US or Canadian place the code would name as a state or province.
func subdivisionCode(town, code, label string) (cc, region string, ok bool) {
	t := strings.TrimSpace(code)
	if len(t) != 2 || t != strings.ToUpper(t) {
		return "", "", false
	}
	usState := stateName(t) != ""
	for _, country := range [...]string{"BR", "IT", "IN", "ZA"} {
		r := subdivisionCodes[country][t]
		if r == "" {
			continue
		}
		if usState && (country == "ZA" || country == "IT" && !strings.Contains(label, "("+t+")")) {
			// "Milan, MI", "Florence, MS", "Kimberley, NC": a US town and
			// its state (review s33b F7); Italian labels write the
			// province in parentheses ("Milano (MI)")
			continue
		}
		if l, rank := knownPlace(town, country); rank < 0 || l.Region != r {
			continue
		}
		if stateName(t) != "" {
			if _, rank := knownPlace(town, "US"); rank >= 0 {
				continue
			}
		}
		if caProvince(t) != "" {
			if _, rank := knownPlace(town, "CA"); rank >= 0 {
				continue
			}
		}
		return country, r, true
	}
	return "", "", false
}

// isoNotState returns the country of a two-letter code after a town when
// the code is also a US state's or a Canadian province's ("DE" Germany
// or Delaware, "NL" the Netherlands or Newfoundland, "AL", "AR", "ME")
// and the town is a known town of the country and of no US or Canadian
// place of that state or province: "Kaarst, DE" is Germany,
// "Wilmington, DE" stays Delaware. Else "".
func isoNotState(town, code string) string {
	t := strings.TrimSpace(code)
	if len(t) != 2 || t != strings.ToUpper(t) {
		return ""
	}
	region := stateName(t)
	if region == "" {
		region = caProvince(t)
	}
	cc := countryCode(t)
	if region == "" || cc == "" || cc == "US" || cc == "CA" {
		return ""
	}
	if _, rank := knownPlace(town, cc); rank < 0 {
		return ""
	}
	for _, home := range [...]string{"US", "CA"} {
		// a town of that name anywhere in the US or Canada keeps the
		// state's reading: the list holds big towns only, so "Salem, IN"
		// is Salem, Indiana, though the listed Salem is Oregon's (review
		// s27b F6)
		if _, rank := knownPlace(town, home); rank >= 0 {
			return ""
		}
	}
	return cc
}

// Location parses a location label: "Los Gatos, California, United States
// of America" -> {Los Gatos, California, US}; "New York, NY" -> {New York,
// New York, US}; "Remote (USA)" -> {US, remote}; a label it cannot read ->
// {name: label}.
func Location(label string) model.Location {
	l := location(label)
	if l.Name != "" && l.City == "" && l.Region == "" && l.Country == "" {
		// a label read as no place: once more without a postal code
		// ("10115 Berlin", "75008 Paris", "D-80331 München"), a city
		// district's number ("Dublin 2") or with a state code that
		// follows the city without a comma ("Melbourne VIC", "Austin TX")
		if t, ok := plainPlaceLabel(l.Name); ok {
			if m := location(t); m.City != "" || m.Region != "" || m.Country != "" {
				return m
			}
		}
	}
	return l
}

// plainPlaceLabel rewrites the parts of a label (split at commas) the way
// Location reads them: a postal code before or after a place dropped, a
// district's number after a city dropped, a state code after a city set
// off by a comma. ok is false when nothing changed.
func plainPlaceLabel(s string) (string, bool) {
	parts := strings.Split(s, ",")
	changed := false
	for i, p := range parts {
		w := strings.Fields(p)
		if len(w) < 2 {
			continue
		}
		switch {
		case len(w) >= 3 && len(w[0]) == 2 && isoCodes[w[0]] && postalCode(w[0]+"-"+w[1]):
			// "DK 6091 Bjert", as a Danish address writes it: "DK-6091 Bjert"
			w = append([]string{w[0] + "-" + w[1]}, w[2:]...)
		case postalCode(w[0]):
			w = w[1:]
		case postalCode(w[len(w)-1]) || districtNumber(w[len(w)-1]):
			w = w[:len(w)-1]
		case len(w) == 2 && (auStates[w[1]] != "" || len(w[1]) == 2 && usStates[w[1]] != ""):
			w = []string{w[0] + ",", w[1]}
		default:
			continue
		}
		parts[i] = strings.Join(w, " ")
		changed = true
	}
	return strings.Join(parts, ","), changed
}

// postalCode reports whether w is a postal code of four or five digits,
// optionally after a country's letter code ("D-80331", "CH-8001", "F-75008").
func postalCode(w string) bool {
	if i := strings.IndexByte(w, '-'); i > 0 && i <= 2 {
		for _, r := range w[:i] {
			if r < 'A' || r > 'Z' {
				return false
			}
		}
		w = w[i+1:]
	}
	if len(w) < 4 || len(w) > 5 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// frenchDepartments are the regions (their names in this package's
// tables) of metropolitan France's départements, by the two digits that
// open their postal codes (20: Corsica).
var frenchDepartments = func() map[string]string {
	regions := map[string]string{
		"Auvergne-Rhône-Alpes":       "01 03 07 15 26 38 42 43 63 69 73 74",
		"Hauts-de-France":            "02 59 60 62 80",
		"Provence-Alpes-Côte d'Azur": "04 05 06 13 83 84",
		"Grand Est":                  "08 10 51 52 54 55 57 67 68 88",
		"Occitania":                  "09 11 12 30 31 32 34 46 48 65 66 81 82",
		"Normandy":                   "14 27 50 61 76",
		"Nouvelle-Aquitaine":         "16 17 19 23 24 33 40 47 64 79 86 87",
		"Centre-Val de Loire":        "18 28 36 37 41 45",
		"Corsica":                    "20",
		"Bourgogne-Franche-Comté":    "21 25 39 58 70 71 89 90",
		"Brittany":                   "22 29 35 56",
		"Pays de la Loire":           "44 49 53 72 85",
		"Île-de-France":              "75 77 78 91 92 93 94 95",
	}
	m := map[string]string{}
	for r, ds := range regions {
		for _, d := range strings.Fields(ds) {
			m[d] = r
		}
	}
	return m
}()

// frenchRegion is the region of a French postal code of five digits, or "".
func frenchRegion(code string) string {
	if len(code) != 5 || !postalCode(code) {
		return ""
	}
	return frenchDepartments[code[:2]]
}

// districtNumber reports whether w is a city district's number after the
// city's name ("Dublin 2", "Paris 8"): one or two digits.
func districtNumber(w string) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func location(label string) model.Location {
	s := officePrefix(collapse(label))
	if s == "" {
		return model.Location{}
	}
	if r, _ := utf8.DecodeRuneInString(s); isCJK(r) {
		if l, ok := cjkLocation(s); ok {
			return l
		}
	}
	s = dottedLabel(s)
	var loc model.Location
	var rest []string
	none := false // a part says the place is none of one ("Hele landet")
	for _, p := range splitLocation(s) {
		q, remote := stripRemote(dropOnly(p))
		if remote {
			loc.Remote = true
		}
		if workModes[foldPlace(q)] || notPlace[foldPlace(q)] || officeDays(q) {
			none = none || notPlace[foldPlace(q)]
			continue
		}
		v := cityDistrict(metroArea(stripOffice(wholeCountry(usArea(q)))))
		if cc := iso3[v]; cc != "" {
			v = cc // "DEU - Berlin", "USA - CA - San Jose": a Workday path's alpha-3 code
		}
		if v == "US" && slices.Contains(rest, "US") {
			continue // "US - East Coast": the US once
		}
		rest = append(rest, v)
	}
	if !loc.Remote && len(rest) > 0 {
		// "Europe, European Union": an area wider than a country
		area := true
		for _, q := range rest {
			area = area && isAreaPart(q)
		}
		if area {
			return model.Location{Name: s}
		}
		// "Poland, EMEA": a place beside a wider area; the area names no
		// place (PROTOCOL.md), the place is the label's
		rest = dropAreaParts(rest)
	}
	if len(rest) == 2 && countryCode(rest[0]) != "" && countryCode(rest[0]) == countryCode(rest[1]) {
		// "SGP - Singapore": a city-state named by its code, then by its
		// name, is one place (review s27b F6)
		rest = rest[1:]
	}
	if len(rest) == 2 && countryCode(rest[0]) != "" && countryCode(rest[1]) == "" && stateName(rest[1]) == "" {
		// "China, Shanghai": the country first
		if c, ok := knownCities[foldPlace(rest[1])]; ok && c.country == countryCode(rest[0]) {
			rest[0], rest[1] = rest[1], rest[0]
		} else if _, rank := knownPlace(rest[1], countryCode(rest[0])); rank >= 0 && len(rest[0]) <= 3 {
			// "DE - Kaarst": a town of the country after its code
			rest[0], rest[1] = rest[1], rest[0]
		}
	}
	if loc.Remote {
		// "Remote - Europe", "Remote (worldwide)", "Remote (Europe only)",
		// "Remote (CET +/- 2h)": a remote job in an area wider than a
		// country, or in a time zone, names no place.
		keep := rest[:0]
		for _, q := range rest {
			if !isAreaPart(q) {
				keep = append(keep, q)
			}
		}
		rest = keep
	}
	if len(rest) == 0 {
		if loc.Remote {
			return loc
		}
		if none {
			return model.Location{}
		}
		return model.Location{Name: s}
	}
	if len(rest) == 1 {
		// "US-CA-San Francisco", "DE-Berlin": an ATS code path.
		if f := strings.Split(rest[0], "-"); len(f) >= 2 && len(f) <= 3 && len(f[0]) == 2 && isoCodes[f[0]] {
			r := []string{strings.TrimSpace(f[len(f)-1])}
			if len(f) == 3 {
				r = append(r, strings.TrimSpace(f[1]))
			}
			rest = append(r, f[0])
		}
	}
	if len(rest) == 3 && len(rest[0]) == 2 && isoCodes[rest[0]] && countryCode(rest[2]) == "" &&
		(stateName(rest[1]) != "" || caProvince(rest[1]) != "" || codePathTown(rest)) {
		// "US - NY - New York": the ATS code path written with spaces;
		// "AUS - NSW - Sydney", "IND - Karnataka - Bengaluru" likewise
		rest = []string{rest[2], rest[1], rest[0]}
	}
	if l, ok := nordicLocation(rest, loc.Remote); ok {
		return l
	}
	unknown := model.Location{Name: s, Remote: loc.Remote}

	last := rest[len(rest)-1]
	if len(rest) == 2 {
		if cc, region, ok := subdivisionCode(rest[0], last, s); ok {
			// "Belo Horizonte - MG", "Florianópolis, SC", "Milano (MI)":
			// a Brazilian state's or an Italian province's code after a
			// town of it, not Madagascar, South Carolina or Michigan
			loc.Country, loc.Region = cc, region
			rest = rest[:1]
			last = rest[0]
		}
	}
	if len(rest) >= 2 {
		c, known := knownCities[foldPlace(rest[0])]
		if known && c.country != "US" && c.country != "CA" && (countryCode(last) == c.country ||
			c.country == "AU" && auStates[strings.TrimSpace(last)] != "") {
			// "Amsterdam, NL" (not Newfoundland), "Sydney, NSW" (not a US state)
			loc.Country = c.country
			if c.country == "AU" && auStates[strings.TrimSpace(last)] != "" {
				loc.Region = auStates[strings.TrimSpace(last)]
			}
			rest = rest[:len(rest)-1]
		} else if foldPlace(last) == "georgia" && georgianTown(rest[0]) {
			// "Tbilisi, Georgia": the country, not the US state, when the
			// town is one of the country's and none of the state's
			loc.Country = "GE"
			rest = rest[:len(rest)-1]
		} else if cc := isoNotState(rest[0], last); cc != "" && len(rest) == 2 {
			// "Kaarst, DE", "Eibergen, NL": the town's country, not
			// Delaware or Newfoundland
			loc.Country = cc
			rest = rest[:len(rest)-1]
		} else if st := stateName(last); st != "" {
			// "New York, NY" - unless the city is a known one elsewhere ("Berlin, DE").
			if c, ok := knownCities[foldPlace(rest[0])]; ok && c.country != "US" && countryCode(last) == c.country {
				loc.Country = c.country
			} else {
				loc.Country, loc.Region = "US", st
			}
			rest = rest[:len(rest)-1]
		} else if pr := caProvince(last); pr != "" {
			loc.Country, loc.Region = "CA", pr
			rest = rest[:len(rest)-1]
		}
	}
	if loc.Country == "" {
		if cc := countryCode(last); cc != "" {
			loc.Country = cc
			rest = rest[:len(rest)-1]
		}
	}
	switch len(rest) {
	case 0:
		// "Singapore", "Hong Kong": a city-state names its city.
		if c, ok := knownCities[foldPlace(last)]; ok && c.country == loc.Country && cityStates[c.country] {
			loc.City, loc.Region = c.city, c.region
		}
	case 1:
		p := rest[0]
		if loc.Region != "" && countryCode(p) == loc.Country {
			// "Remote - US (California)", "Remote (Canada - Ontario)":
			// the country beside its own region names no city
			break
		}
		if (loc.Country == "" || loc.Country == "CA") && len(strings.TrimSpace(p)) > 2 {
			// "Ontario", "Ontario, Canada": the province, not the
			// Californian town of its name; a city in the province of
			// its name stays the city ("Québec")
			if pr := caProvince(p); pr != "" {
				if c, ok := knownCities[foldPlace(p)]; !ok || c.region != pr {
					loc.Country, loc.Region = "CA", pr
					break
				}
			}
		}
		if c, ok := knownCities[foldPlace(p)]; ok && c.canonical && c.country == "US" && loc.Country == "US" &&
			loc.Region == "" {
			// "New York, USA", "Washington, United States": a city named
			// like its state reads as the label without the country does
			loc.City, loc.Region = c.city, c.region
			break
		}
		if loc.Region == "" && loc.Country == "US" {
			if st := stateName(p); st != "" && len(strings.TrimSpace(p)) > 2 {
				loc.Region = st
				break
			}
		}
		if c, ok := knownCities[foldPlace(p)]; ok && (loc.Country == "" || loc.Country == c.country) {
			loc.City, loc.Country = c.city, c.country
			if !c.canonical {
				loc.City = strings.TrimSpace(p)
			}
			if loc.Region == "" {
				loc.Region = c.region
			}
			break
		}
		if loc.Country == "" {
			if st := stateName(p); st != "" && len(strings.TrimSpace(p)) > 2 {
				loc.Region, loc.Country = st, "US"
				break
			}
		}
		// a city of the world table ("Ingolstadt", "Mannheim, Germany")
		// alone in the label, no small town named as an English word
		if w, ok := worldPlace(p, loc.Country); ok && loc.Country != "US" && loc.Country != "CA" &&
			(loc.Country != "" || loc.Region != "" || !wordTown(w)) {
			loc.City, loc.Country = w.City, w.Country
			if loc.Region == "" {
				loc.Region = w.Region
			}
			break
		}
		// a first-level region alone ("Baden-Württemberg", "Bayern")
		if w, ok := worldRegion(p); ok && (loc.Country == "" || loc.Country == w.Country) && loc.Region == "" {
			loc.Region, loc.Country = w.Region, w.Country
			break
		}
		if loc.Country == "" {
			return unknown
		}
		if t, ok := plainPlaceLabel(p); ok && !strings.Contains(t, ",") {
			// "Dublin 2, Ireland", "10115 Berlin, Germany"
			if m := location(t); m.City != "" && m.Country == loc.Country && !m.Remote {
				loc.City = m.City
				if loc.Region == "" {
					loc.Region = m.Region
				}
				break
			}
			if f := strings.Fields(p); loc.Country == "FR" && len(f) >= 2 && postalCode(f[0]) {
				// "14460 Colombelles, France": a town the tables do not
				// know, its region from the postal code's département
				loc.City, loc.Region = strings.Join(f[1:], " "), frenchRegion(f[0])
				break
			}
		}
		loc.City = p
	default:
		if loc.Country == "" {
			// "Los Gatos, California": a US state second.
			if st := stateName(rest[1]); st != "" && len(rest) == 2 {
				loc.Country = "US"
			} else if r, ok := worldRegion(rest[1]); ok && len(rest) == 2 && countryCode(rest[0]) == r.Country {
				// "Remote - Germany (Bavaria)", "Spain, Catalonia": the
				// country, then a region of its own
				loc.Region, loc.Country = r.Region, r.Country
				return loc
			} else {
				return unknown
			}
		}
		loc.City = rest[0]
		if loc.Region == "" {
			region := strings.Join(rest[1:], ", ")
			if loc.Country == "US" {
				if st := stateName(region); st != "" {
					region = st
				}
			} else if loc.Country == "CA" {
				if pr := caProvince(region); pr != "" {
					region = pr // "Toronto, ON, Canada"
				}
			} else if r := regionNames[foldPlace(region)]; r != "" {
				region = r // "München, Bayern, Deutschland": Bavaria
			} else if r := subdivisionCodes[loc.Country][strings.TrimSpace(region)]; r != "" {
				region = r // "Joinville, SC, Brasil": Santa Catarina
			} else if len(rest) == 2 && postalCode(region) {
				// "Colombelles (14460), FR": a postal code, no region;
				// in France its département names the region
				region = ""
				if loc.Country == "FR" {
					region = frenchRegion(rest[1])
				}
			}
			if c, ok := knownCities[foldPlace(loc.City)]; ok && c.country == loc.Country {
				if c.canonical || foldPlace(region) == foldPlace(c.region) {
					region = c.region
				}
				if c.canonical {
					loc.City = c.city // "München" -> Munich
				}
			}
			loc.Region = region
		} else {
			loc.City = strings.Join(rest, ", ")
		}
	}
	return loc
}

// georgianTown reports whether p is a town of the country Georgia in the
// world table and not a town the gazetteer places in the US.
func georgianTown(p string) bool {
	if c, ok := knownCities[foldPlace(p)]; ok && c.country == "US" {
		return false
	}
	if w, ok := worldPlace(p, "US"); ok && w.Region == "Georgia" {
		return false
	}
	_, ok := worldPlace(p, "GE")
	return ok
}

var (
	// "or" and "and" of other languages between places
	conjReplacer = strings.NewReplacer(" och ", " or ", " og ", " or ", " und ", " or ", " ou ", " or ", " oder ", " or ",
		" et ", " or ", " e ", " or ",
		" eller ", " or ", " o ", " or ", " ou en ", " or ", " or in ", " or ")
	dashReplacer = strings.NewReplacer(" – ", " - ", " — ", " - ")
	// a town and its surroundings, one area around the town (metroArea)
	surroundReplacer = strings.NewReplacer(" und Umgebung", " Umgebung", " und umgebung", " umgebung",
		" og omegn", " området", " och omnejd", " området", " med omnejd", " området", " og omegnen", " området")
	// Norwegian counties whose name holds "og" (and), kept whole
	ogCounties = strings.NewReplacer("Vestfold og Telemark", "Vestfold-og-Telemark", "Troms og Finnmark",
		"Troms-og-Finnmark", "Møre og Romsdal", "Møre-og-Romsdal", "Sogn og Fjordane", "Sogn-og-Fjordane")
	orReplacer = strings.NewReplacer(" or ", ",", "/", ",", " & ", ",", " and ", ",")
	// built once, not on every call: a Replacer compiles its strings
	parenSpaces       = strings.NewReplacer("(", " ", ")", " ")
	countryListCommas = strings.NewReplacer(" and the ", ",", " or the ", ",", " and ", ",", " or ", ",", " & ", ",", "/", ",")
	titleSegments     = strings.NewReplacer(" – ", "|", " — ", "|", " - ", "|", "(", "|", ")", "|")
)

// ambiguousConjs are "and" in one language and another word in another
// (Dutch "en" is Spanish and French "in"; French "et", Spanish "y",
// Italian and Portuguese "e").
var ambiguousConjs = []string{" en ", " et ", " y ", " e "}

// placesJoined reads an ambiguous "and" between places as a list ("Nijmegen
// en Eindhoven", "Madrid y Barcelona") when every piece it joins is a
// place the gazetteer knows; else ("Trabajo en Madrid", "Télétravail en
// France") s is unchanged.
func placesJoined(s string) string {
	for _, sep := range ambiguousConjs {
		if !strings.Contains(s, sep) {
			continue
		}
		known := true
		for _, p := range strings.Split(s, sep) {
			l := Location(strings.TrimSpace(p))
			known = known && l.Name == "" && !l.Remote && (l.City != "" || l.Region != "" || l.Country != "")
		}
		if known {
			return strings.ReplaceAll(s, sep, " or ")
		}
	}
	return s
}

// regionNames give the usual English name of regions that labels write in
// their own language.
var regionNames = map[string]string{
	"bayern": "Bavaria", "nordrhein westfalen": "North Rhine-Westphalia", "nrw": "North Rhine-Westphalia",
	// metropolitan areas that lie in one state ("Standorte: Ruhrgebiet (Essen,
	// Dortmund usw.)", dev randstad-text-itsm-servicenow-...)
	"ruhrgebiet": "North Rhine-Westphalia", "ruhr area": "North Rhine-Westphalia", "ruhrpott": "North Rhine-Westphalia",
	"rhein main gebiet": "Hesse", "rhein main": "Hesse", "rhine main": "Hesse", "rhine main area": "Hesse",
	"hessen": "Hesse", "niedersachsen": "Lower Saxony", "sachsen": "Saxony", "baden württemberg": "Baden-Württemberg",
	"baden wurttemberg": "Baden-Württemberg", "rheinland pfalz": "Rhineland-Palatinate", "thüringen": "Thuringia",
	"île de france": "Île-de-France", "ile de france": "Île-de-France", "région parisienne": "Île-de-France",
	"region parisienne": "Île-de-France", "catalunya": "Catalonia", "cataluña": "Catalonia",
	"comunidad de madrid": "Community of Madrid", "madrid": "Community of Madrid", "lombardia": "Lombardy",
	"lazio": "Lazio", "piemonte": "Piedmont", "toscana": "Tuscany", "mazowieckie": "Masovian Voivodeship",
	"małopolskie": "Lesser Poland Voivodeship", "malopolskie": "Lesser Poland Voivodeship",
	"noord holland": "North Holland", "zuid holland": "South Holland", "wien": "Vienna", "zürich": "Zurich",
	"zurich": "Zurich", "genève": "Geneva", "geneve": "Geneva", "québec": "Quebec", "são paulo": "São Paulo",
	"sao paulo": "São Paulo", "ciudad de méxico": "Mexico City", "cdmx": "Mexico City",
}

// notPlace are parts of a label that say how one is employed, not where:
// "Remote-India (PEO)".
var notPlace = map[string]bool{"peo": true, "eor": true, "employer of record": true,
	// "the whole country", "several places" (Danish, Norwegian, Swedish)
	"hele landet": true, "hela landet": true, "flere steder": true, "flere arbeidssteder": true, "flera orter": true,
	"flere arbejdssteder": true, "forskellige steder": true}

// wholeCountry strips "the whole of" before a country ("Hele Danmark",
// "Hela Sverige", "Hele Norge"): the country is the place.
func wholeCountry(q string) string {
	if len(q) < 4 || !strings.ContainsAny(q[:1], "hHaAgGtT") || strings.IndexByte(q, ' ') < 0 {
		return q // the common case, without folding
	}
	f := foldPlace(q)
	for _, w := range []string{"hele ", "hela ", "all of ", "ganz ", "todo ", "toda ", "tout le ", "toute la "} {
		if rest, ok := strings.CutPrefix(f, w); ok && countryCode(rest) != "" {
			return rest
		}
	}
	return q
}

// countryFirst reads a label that names its country before its place
// ("Sweden - Solna", "Germany, Kaarst", "Norway – Os"), as some boards
// write them: the place, in that country, when it is a city (not another
// country, a region, a work mode or remote work, and no list of places).
func countryFirst(s string) (model.Location, bool) {
	i := strings.IndexAny(s, ",-–")
	if i <= 0 {
		return model.Location{}, false
	}
	head, rest := strings.TrimSpace(s[:i]), strings.TrimSpace(strings.TrimLeft(s[i:], ",-– "))
	if s[i] != ',' && (s[i-1] != ' ' || i+1 >= len(s) || s[i+1] != ' ' && s[i] == '-') {
		return model.Location{}, false // "Baden-Württemberg": a hyphen inside a name
	}
	cc := countryCode(head)
	if cc == "" || rest == "" || strings.ContainsAny(rest, ",;/|&()•-–") || countryCode(rest) != "" {
		return model.Location{}, false
	}
	if f := foldPlace(rest); workModes[f] || remoteWords[f] {
		return model.Location{}, false
	}
	l := Location(rest + ", " + head)
	if l.City == "" || l.Country != cc || l.Name != "" || l.Remote {
		return model.Location{}, false
	}
	return l, true
}

// cityStates are countries that are one city.
// Luxembourg is not one, but a label that says only "Luxembourg" means
// its capital, where the offices are.
var cityStates = map[string]bool{"SG": true, "HK": true, "MC": true, "LU": true, "MO": true}

// Locations parses a label that may name several places: "San Francisco,
// CA, New York City, NY", "London or Berlin", "Remote (US, Canada)",
// "Berlin / Munich". A label that is one place gives one entry.
func Locations(label string) []model.Location {
	ls := locationsOf(label)
	for i := range ls {
		if c := ls[i].City; shoutedName(c) {
			// "SPLIT, CROATIA": a board's label in capitals names the city
			// as it is written ("Split")
			ls[i].City = titleName(c)
		}
	}
	return ls
}

// shoutedName says whether a place's name is written in capitals: four
// letters at least, none in lower case ("SPLIT", "BOGOTÁ"; not "NYC").
func shoutedName(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}

// titleName writes a name in capitals as names are written: each word
// capitalised, the small words of place names in lower case ("FRANKFURT
// AM MAIN" -> "Frankfurt am Main", "SAINT-DENIS" -> "Saint-Denis").
func titleName(s string) string {
	b := []rune(strings.ToLower(s))
	start := true
	for i, r := range b {
		if start && unicode.IsLetter(r) {
			w := i
			for w < len(b) && unicode.IsLetter(b[w]) {
				w++
			}
			if i == 0 || !smallPlaceWords[string(b[i:w])] {
				b[i] = unicode.ToUpper(r)
			}
		}
		start = r == ' ' || r == '-' || r == '(' || r == '/'
	}
	return string(b)
}

var smallPlaceWords = map[string]bool{"am": true, "an": true, "der": true, "de": true, "del": true, "la": true,
	"le": true, "les": true, "sur": true, "upon": true, "on": true, "of": true, "och": true, "og": true, "im": true, "in": true}

// locationsOf is Locations before a name in capitals is written as names
// are.
func locationsOf(label string) []model.Location {
	s := officePrefix(collapse(exampleBrackets(label)))
	if s == "" {
		return nil
	}
	if n := remoteShare(s); n >= 0 && n < 100 {
		return hybridPlaces(s)
	}
	if strings.Contains(s, " og ") {
		s = ogCounties.Replace(s) // "Vestfold og Telemark" is one county, not two places
	}
	s = surroundReplacer.Replace(s) // "Hamburg und Umgebung" is one area, not two places
	s = conjReplacer.Replace(s)     // "Stockholm och Göteborg", "Hamburg oder Remote"
	s = placesJoined(s)
	if workModes[foldPlace(s)] {
		return nil // "Hybrid", "On-site": a mode, no place
	}
	if l, ok := countryFirst(s); ok {
		return []model.Location{l}
	}
	if r, _ := utf8.DecodeRuneInString(s); isCJK(r) {
		// "广州或深圳", "北京/多伦多/远程", "北京、上海"
		var out []model.Location
		for _, piece := range strings.FieldsFunc(s, func(r rune) bool { return r == '或' || r == '/' || r == '、' || r == '，' || r == ',' }) {
			if l, ok := cjkLocation(strings.TrimSpace(piece)); ok {
				out = append(out, l)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	// "San Francisco Bay Area & Remote", "London or remote": a place, and
	// remote work besides.
	for _, sep := range []string{" & ", " or ", " and ", " / ", "/"} {
		if a, b, ok := strings.Cut(s, sep); ok {
			if sep == "/" && !townSlashRemote(a, b) {
				continue // "US/Canada", "Oslo/Bergen", "Germany/Remote": read below
			}
			if remoteWords[foldPlace(b)] {
				return append(Locations(a), model.Location{Remote: true})
			}
			if remoteWords[foldPlace(a)] {
				return append(Locations(b), model.Location{Remote: true})
			}
			// "London or remote within the UK", "Stockholm or remote
			// (Sweden)": remote work in a country, besides the place
			if cc, ok := remoteIn(b); ok && !strings.ContainsAny(a, "/&|;") {
				if ls := Locations(a); len(ls) > 0 && ls[0].Name == "" && (cc == "" || ls[0].Country == cc) {
					return append(ls, model.Location{Country: cc, Remote: true})
				}
			}
		}
	}
	if !strings.ContainsAny(s, ",()•|;/&") && !strings.Contains(s, " or ") && !strings.Contains(s, " and ") {
		l := Location(s) // one place
		if l.Name != "" && l.Remote && l.City == "" && l.Region == "" && l.Country == "" {
			l = remoteNote(l.Name)
		}
		return []model.Location{l}
	}
	if out := sharedTail(s); out != nil {
		return out
	}
	// "San Francisco, CA • New York, NY", "London | Berlin": each piece a
	// place of its own; also without spaces ("Denver, CO;San Francisco,
	// CA", a platform's list joined by its separator alone)
	for _, sep := range []string{"•", " | ", "; ", " / ", ";", "|"} {
		if !strings.Contains(s, sep) {
			continue
		}
		if (sep == ";" || sep == "|") && strings.Count(s, sep) != strings.Count(s, ",")-1 {
			// without spaces only between "town, state" pieces ("Denver,
			// CO;San Francisco, CA"); "London|UK", "Bangalore|Karnataka|
			// India" are one place's parts (review s33b F10)
			continue
		}
		var out []model.Location
		for _, piece := range strings.Split(s, sep) {
			if strings.TrimSpace(piece) == "" {
				continue
			}
			ls := Locations(piece)
			if len(ls) == 0 || ls[0].Name != "" {
				out = nil
				break
			}
			out = append(out, ls...)
		}
		if len(out) >= 2 {
			return out
		}
	}
	// "San Francisco, CA, New York City, NY", "Berlin, Germany, Munich,
	// Germany": city and state (or country) pairs; not a list of countries
	// ("Argentina, Australia, Brazil, Canada"), read below, one each.
	if strings.Count(s, ",") >= 3 && !countriesOnly(s) {
		cs := strings.Split(s, ",")
		var out []model.Location
		for i := 0; i+1 < len(cs); i += 2 {
			if stateName(cs[i+1]) == "" && caProvince(cs[i+1]) == "" && countryCode(cs[i+1]) == "" {
				out = nil
				break
			}
			l := Location(cs[i] + "," + cs[i+1])
			if l.Name != "" || l.City == "" {
				out = nil
				break
			}
			out = append(out, l)
		}
		if len(out) >= 2 && len(cs)%2 == 0 {
			return out
		}
	}
	one := Location(s)
	if one.Name == "" && (one.City == "" || countryCode(one.City) == "") &&
		!strings.ContainsAny(s, "/&") && !strings.Contains(s, " or ") && !strings.Contains(s, " and ") {
		return []model.Location{one}
	}
	// "Remote (US, Canada)", "Remote - US/Canada", "London or Berlin".
	parts, remote := []string{}, false
	for _, p := range splitLocation(orReplacer.Replace(s)) {
		q, r := stripRemote(dropOnly(p))
		remote = remote || r
		if !workModes[foldPlace(q)] {
			parts = append(parts, q)
		}
	}
	// "Ukraine/Europe", "Remote - Poland/EMEA": a country beside a wider
	// area gives the country; the area names no place (PROTOCOL.md)
	if kept := dropAreaParts(parts); len(kept) < len(parts) {
		parts = kept
		if len(parts) == 1 {
			if l := Location(parts[0]); l.Name == "" && l != (model.Location{}) {
				l.Remote = l.Remote || remote
				return []model.Location{l}
			}
		}
	}
	countries, distinct := 0, map[string]bool{}
	for _, p := range parts {
		if cc := countryCode(p); cc != "" {
			countries++
			distinct[cc] = true
		}
	}
	if len(distinct) == 1 && countries == len(parts) {
		countries = 0 // "Singapore, Singapore"
	}
	if len(parts) >= 2 && (countries == len(parts) || one.Name != "") {
		var out []model.Location
		for _, p := range parts {
			if cc := countryCode(p); cc != "" {
				out = append(out, model.Location{Country: cc, Remote: remote})
				continue
			}
			l := Location(p)
			if l.Name != "" || l.City == "" {
				out = nil
				break
			}
			l.Remote = l.Remote || remote
			out = append(out, l)
		}
		if len(out) >= 2 {
			return out
		}
	}
	if one.Name != "" {
		if cs := citiesIn(s); len(cs) > 0 {
			return cs
		}
		if one.Remote {
			return []model.Location{remoteNote(one.Name)}
		}
	}
	return []model.Location{one}
}

// countriesOnly says whether every comma-separated part of s is a country
// ("Argentina, Australia, Brazil"), and not one country written twice
// ("Singapore, Singapore").
func countriesOnly(s string) bool {
	first := ""
	distinct := false
	for p := range strings.SplitSeq(s, ",") {
		cc := countryCode(strings.TrimSpace(p))
		if cc == "" {
			return false
		}
		if first == "" {
			first = cc
		}
		distinct = distinct || cc != first
	}
	return distinct
}

// germanPostalZones says whether a field's value is one or more German
// postal zones ("D1", "D7, D8"), as German staffing listings give the
// workplace: somewhere in Germany, no town.
func germanPostalZones(v string) bool {
	n := 0
	for f := range strings.FieldsFuncSeq(v, func(r rune) bool { return r == ',' || r == '/' || r == ' ' || r == '|' }) {
		if len(f) != 2 || f[0] != 'D' || f[1] < '0' || f[1] > '9' {
			return false
		}
		n++
	}
	return n > 0
}

// townSlashRemote says whether "a/b" is a town and remote work as
// alternatives ("Oslo/Remote", "Remote/Berlin"); a country beside remote
// ("Germany/Remote") is remote work in the country, read elsewhere.
func townSlashRemote(a, b string) bool {
	if remoteWords[foldPlace(a)] {
		a, b = b, a
	}
	if !remoteWords[foldPlace(b)] {
		return false
	}
	l := Location(a)
	return l.City != "" && !l.Remote
}

// officeDays says whether a label part gives the days in the office
// ("2 days in office", "3 days a week in the office", "hybrid, 3 days"): a
// work mode, no place.
func officeDays(q string) bool {
	w := strings.Fields(strings.ToLower(q))
	if len(w) < 2 || len(w) > 7 || !districtNumber(w[0]) && w[0] != "one" && w[0] != "two" && w[0] != "three" &&
		w[0] != "four" {
		return false
	}
	return w[1] == "day" || w[1] == "days" || w[1] == "tage" || w[1] == "dagar" || w[1] == "dager" || w[1] == "dage"
}

// remoteNote reads a remote label that Location could not place: the place
// before a note ("Remote - US: Select locations"), else remote with a note
// that names no place ("Remote (Travel Required)", "Remote-Friendly
// (Travel-Required)").
func remoteNote(name string) model.Location {
	if i := strings.LastIndexByte(name, ':'); i > 0 {
		if m := Location(name[:i]); m.Name == "" && m.Remote {
			return m
		}
	}
	return model.Location{Remote: true}
}

// remoteShare returns the share of the working time, in percent, that a
// label or a work-mode field gives to remote work ("60 % Remote", "75%
// Remote | 25% Nürnberg", "Remote (mind. 60%)", "80% remote (Onshore,
// ...)"), or -1 when it states none.
func remoteShare(s string) int {
	if !strings.Contains(s, "%") {
		return -1
	}
	l := strings.ToLower(s)
	for i := strings.IndexByte(l, '%'); i >= 0; {
		k := i
		for k > 0 && l[k-1] == ' ' {
			k--
		}
		d := k
		for d > 0 && l[d-1] >= '0' && l[d-1] <= '9' {
			d--
		}
		if d < k && k-d <= 3 {
			n := 0
			for _, c := range l[d:k] {
				n = n*10 + int(c-'0')
			}
			after := strings.TrimLeft(l[i+1:], " )")
			before := strings.TrimRight(l[max(0, d-16):d], " (")
			if hasRemoteWord(after[:min(len(after), 12)]) || hasRemoteWord(before) {
				return n
			}
		}
		j := strings.IndexByte(l[i+1:], '%')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return -1
}

func hasRemoteWord(s string) bool {
	return strings.Contains(s, "remote") || strings.Contains(s, "home office") || strings.Contains(s, "homeoffice") ||
		strings.Contains(s, "mobil") || strings.Contains(s, "télétravail")
}

// hybridPlaces reads a label that splits the working time between remote
// work and places ("Köln und Remote (40% Köln | 60% Remote)", "75% Remote
// | 25% Nürnberg"): the job is hybrid, so the places are where it is and
// none of them is remote; the remote share names no place.
func hybridPlaces(s string) []model.Location {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			k := j
			for k < len(s) && s[k] == ' ' {
				k++
			}
			if k < len(s) && s[k] == '%' {
				i = k
				b.WriteByte(' ')
				continue
			}
		}
		b.WriteByte(s[i])
	}
	var out []model.Location
	for _, p := range splitLocation(orReplacer.Replace(conjReplacer.Replace(b.String()))) {
		q, _ := stripRemote(p)
		if q = strings.TrimSpace(q); q == "" || workModes[foldPlace(q)] || remoteWords[foldPlace(q)] {
			continue
		}
		l := Location(q)
		if i := strings.LastIndex(q, " in "); l.Name != "" && i > 0 {
			l = Location(q[i+len(" in "):]) // "Vor-Ort-Termine in Baden-Württemberg"
		}
		l.Remote = false
		if l.Name != "" || l == (model.Location{}) || slices.Contains(out, l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// citiesIn returns the known cities named by the parts of a label that
// cannot be read as a whole ("Rutherford Appleton Laboratory (RAL),
// Harwell, Oxfordshire, OR, Daresbury Laboratory, Warrington, WA4 4AD"),
// in the country the label names when it names one.
func citiesIn(s string) []model.Location {
	parts := splitLocation(s)
	country := ""
	for _, p := range parts {
		if cc := countryCode(p); cc != "" && len(strings.TrimSpace(p)) > 2 {
			country = cc
		}
	}
	var out []model.Location
	for _, p := range parts {
		q, remote := stripRemote(p)
		q = stripOffice(q)
		c, ok := knownCities[foldPlace(q)]
		if !ok || country != "" && c.country != country {
			continue
		}
		l := model.Location{City: c.city, Region: c.region, Country: c.country, Remote: remote}
		if !c.canonical {
			l.City = strings.TrimSpace(q)
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// cjkLocation reads a label written in Chinese or Japanese: "北京", "北京市",
// "上海市漕河泾开发区" (a district after the city), "全远程" (fully remote).
func cjkLocation(s string) (model.Location, bool) {
	if strings.Contains(s, "远程") || strings.Contains(s, "遠隔") || strings.Contains(s, "リモート") {
		// "远程（中国）": remote in the country the label names
		for name, cc := range cjkCountries {
			if strings.Contains(s, name) {
				return model.Location{Remote: true, Country: cc}, true
			}
		}
		return model.Location{Remote: true}, true
	}
	for _, c := range cityRows {
		f := strings.Split(c, "|")
		for _, a := range f[3:] {
			a = strings.TrimPrefix(a, "=")
			if r, _ := utf8.DecodeRuneInString(a); isCJK(r) && strings.HasPrefix(s, a) {
				return model.Location{City: f[0], Region: f[1], Country: f[2]}, true
			}
		}
	}
	return model.Location{}, false
}

// cjkCountries are countries' names in Chinese and Japanese labels.
var cjkCountries = map[string]string{"中国": "CN", "中國": "CN", "美国": "US", "美國": "US", "日本": "JP",
	"加拿大": "CA", "英国": "GB", "英國": "GB", "德国": "DE", "德國": "DE", "新加坡": "SG"}

// isArea says whether a label that names no place names only areas wider
// than a country ("Europe, European Union", "EMEA").
func isArea(name string) bool {
	if name == "" {
		return false
	}
	for _, p := range splitLocation(name) {
		if !areaWords[foldPlace(p)] {
			return false
		}
	}
	return true
}

// dropCoveredCountries drops a country-only place when a city or region of
// the same country is named too and neither is remote: a platform's
// country field beside its city field ("China" and "China, Shanghai") name
// one place.
func dropCoveredCountries(locs []model.Location) []model.Location {
	covered := map[string]bool{}
	for _, l := range locs {
		if (l.City != "" || l.Region != "") && !l.Remote {
			covered[l.Country] = true
		}
	}
	out := locs[:0]
	for _, l := range locs {
		if l.City == "" && l.Region == "" && l.Name == "" && !l.Remote && covered[l.Country] {
			continue
		}
		out = append(out, l)
	}
	return out
}

// countryListAfter says whether the words after a country name go on with
// another country ("Mexico, India, Brazil", "Germany and Austria").
func countryListAfter(f []string) bool {
	if len(f) < 2 {
		return false
	}
	last := f[0]
	if !strings.HasSuffix(last, ",") && f[1] != "and" && f[1] != "or" && f[1] != "&" {
		return false
	}
	next := f[1]
	if (next == "and" || next == "or" || next == "&") && len(f) > 2 {
		next = f[2]
	}
	for _, n := range []int{1, 2, 3} {
		i := slices.Index(f, next)
		if i < 0 || i+n > len(f) {
			break
		}
		if countryNames[foldPlace(strings.Trim(strings.Join(f[i:i+n], " "), ".,;:()"))] != "" {
			return true
		}
	}
	return false
}

// workPlaceWords are the words of a sentence about where the candidate
// may work or live ("authorized to work in", "based in", "reside"); also
// where the employer hires and whom ("We hire anywhere in Spain or
// Portugal", "Open to applicants in Poland", "work from anywhere in
// Germany").
var workPlaceWords = []string{"remote", "authorized to work", "authorised to work", "eligible to work", "based in",
	"reside", "located in", "anywhere in", "applicants in", "candidates in", "hire in", "hiring in"}

// workPlaceSentence says whether the lowered sentence l is about where the
// candidate may work or live (workPlaceWords).
func workPlaceSentence(l string) bool {
	for _, w := range workPlaceWords {
		if i := strings.Index(l, w); i >= 0 {
			// "We do not hire in Germany", "we are unable to consider
			// candidates in India": a denial before it excludes the
			// place (review s27b F3); a denial in an earlier clause is
			// about something else ("Don't worry about relocating - we
			// hire in Spain and Portugal": review s28 F4)
			clause := l[:i]
			for _, br := range clauseBreaks {
				if j := strings.LastIndex(clause, br); j >= 0 {
					clause = clause[j+len(br):]
				}
			}
			for _, d := range placeDenials {
				if strings.Contains(" "+clause, d) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// placeDenials before a workplace word exclude the place it names.
var placeDenials = []string{" not ", "n't ", "unable", "cannot", "except", "excluding", "outside"}

// clauseBreaks end the clause a denial before a workplace word must be in.
var clauseBreaks = []string{" - ", " – ", " — ", "; ", ": ", ". ", "! ", " but ", " so "}

// workCountryList returns the countries a sentence about where the
// candidate may work or live lists one by one ("Candidates must be
// located in Germany, Austria or Switzerland", "hire across the US and
// Canada"): two or more, in the order written; else nil. workCountry
// reads a sentence that names one.
func workCountryList(text string) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		for _, sent := range strings.Split(line, ". ") {
			l := strings.ToLower(sent)
			if strings.Contains(l, "worldwide") || strings.Contains(l, "anywhere in the world") {
				return nil
			}
			if !workPlaceSentence(l) {
				continue
			}
			for _, w := range []string{" in the ", " within the ", " across the ", " in ", " within ", " across "} {
				for i := strings.Index(l, w); i >= 0; {
					if cs := countryList(l[i+len(w):]); len(cs) >= 2 {
						if out != nil && !slices.Equal(out, cs) {
							return nil // two sentences, two lists
						}
						out = cs
					}
					j := strings.Index(l[i+1:], w)
					if j < 0 {
						break
					}
					i += 1 + j
				}
			}
		}
	}
	return out
}

// countryList reads the countries that open s, joined by commas, "and",
// "or", "&" or "/" ("germany, austria or switzerland."), each named in
// full; it stops at the first piece that is no country.
func countryList(s string) []string {
	if i := strings.IndexAny(s, ".;:(!?"); i >= 0 {
		s = s[:i]
	}
	s = countryListCommas.Replace(s)
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "the "))
		cc := countryNames[foldPlace(p)]
		if cc == "" || p == "america" {
			break
		}
		if !slices.Contains(out, cc) {
			out = append(out, cc)
		}
	}
	return out
}

// sameLabelRemote gives a remote place without a country the country of
// the places of the same label when they share one: "San Francisco Bay
// Area & Remote" is remote in the US. (A "Remote" label beside a city's
// label is not tied to that city's country.)
func sameLabelRemote(ls []model.Location) []model.Location {
	bare, country := -1, ""
	for i, l := range ls {
		switch {
		case l.Remote && l == (model.Location{Remote: true}):
			bare = i
		case l.Country == "" || country != "" && country != l.Country:
			return ls
		default:
			country = l.Country
		}
	}
	if bare >= 0 && country != "" {
		ls[bare].Country = country
		// "Germany / Remote": the country is where the remote work is
		out := ls[:0]
		for _, l := range ls {
			if l.Remote || l.City != "" || l.Region != "" {
				out = append(out, l)
			}
		}
		ls = out
	}
	return ls
}

// dropAreaParts drops the parts of a label that name an area wider than a
// country or a time zone when another part names a place; parts that are
// all areas are kept (the caller reads them as an area).
//
// A US state's code in capitals after the first part is the state, not a
// time zone, in a label that is not remote: "Berlin, CT" is Connecticut's
// Berlin ("Remote (CT)" names the zone; remote labels do not come here).
func dropAreaParts(parts []string) []string {
	keep := make([]string, 0, len(parts))
	for i, q := range parts {
		if t := strings.TrimSpace(q); i > 0 && len(t) == 2 && t == strings.ToUpper(t) && stateName(t) != "" {
			keep = append(keep, q)
			continue
		}
		if !isAreaPart(q) {
			keep = append(keep, q)
		}
	}
	if len(keep) == 0 || len(keep) == len(parts) {
		return parts
	}
	return keep
}

// isAreaPart says whether a part of a label names an area wider than a
// country ("Europe", "EMEA only") or a time zone ("CET +/- 2h").
func isAreaPart(q string) bool {
	f := strings.TrimSuffix(foldPlace(q), " only")
	if areaWords[f] {
		return true
	}
	w, _, _ := strings.Cut(f, " ")
	switch w {
	case "cet", "cest", "utc", "gmt", "est", "pst", "et", "pt", "ct", "mt", "edt", "pdt", "eet", "wet", "bst":
		return true
	}
	return tzNote(f)
}

// tzNote says whether a part is a note about time zones or working hours
// rather than a place: "preference for UTC-6 to UTC+5", "working hours are
// UTC 15:00 to UTC 23:00", "GMT+1 to GMT+3 preferred" (MUI's careers
// pages). It needs an unambiguous zone name (UTC, GMT, CET, CEST) as a word
// of its own or with an offset, and no word that is a known place.
func tzNote(f string) bool {
	if !strings.Contains(f, "utc") && !strings.Contains(f, "gmt") && !strings.Contains(f, "cet") && !strings.Contains(f, "cest") {
		return false // no zone named: false whatever the words (no split, no lookups)
	}
	zone := false
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == '/' || r == ',' }) {
		z := strings.TrimRight(w, "+-0123456789:.")
		if z == "utc" || z == "gmt" || z == "cet" || z == "cest" {
			zone = true
			continue
		}
		if _, ok := knownCities[w]; ok || countryCode(w) != "" {
			return false
		}
	}
	return zone
}

// languageCountry is the country a posting's language says the job is in
// when nothing else does: the languages of one country each.
var languageCountry = map[string]string{"nb": "NO", "nn": "NO", "no": "NO", "sv": "SE", "da": "DK", "zh": "CN"}

// textLocations completes the places of a posting from its title and text
// when the platform's fields say little:
//   - a title that ends with where the job is ("Utvecklare i Stockholm och
//     Göteborg", "CE-chaufförer till Tromsø", "... in Berlin") names the
//     places, when the fields name none, only a country or region of them,
//     or another town of the same region;
//   - with no place, or a country only, a field line ("Arbeidssted: Oslo",
//     "Standort: München", "工作地点：北京") or a phrase about the workplace
//     ("based in Stockholm", "kontor i Porsgrunn", "relocate to Cambridge,
//     Massachusetts") names them (a country-only place gives way to its
//     towns);
//   - a "whole country" label ("Hele landet", "Hela landet") is that
//     country: the one of the other places, else of the language.
func textLocations(locs []model.Location, labels []string, title, text, lang string) []model.Location {
	return remoteStatement(remoteField(remoteOption(titleRemoteMode(placesOf(locs, labels, title, text, lang), title), text), text), text)
}

// titleRemoteMode makes places that are countries alone remote when a
// segment of the title is a remote word and nothing else ("Senior Data
// Engineer | Engenheiro de Dados Sênior (Remoto)", "QA Engineer - Remote"
// with the listing's "Brazil"): the title states the work mode of the
// country the listing names, as a platform's remote field does.
func titleRemoteMode(locs []model.Location, title string) []model.Location {
	if len(locs) == 0 || !strings.Contains(title, "emot") && !strings.Contains(title, "EMOT") {
		return locs
	}
	for _, l := range locs {
		if l.Remote || l.Country == "" || l.City != "" || l.Region != "" || l.Name != "" {
			return locs
		}
	}
	for _, seg := range strings.Split(titleSegments.Replace(title), "|") {
		if remoteWords[foldPlace(strings.TrimSpace(seg))] {
			return remoteAll(locs)
		}
	}
	return locs
}

// remoteStatements say of the job itself that it is remote; the places
// the posting names are then where the remote work is ("This is a remote
// role for candidates located in Belo Horizonte, Brazil", "This is a
// Remote – Brazil position"), as with a platform's remote work mode
// (PROTOCOL.md).
var remoteStatements = []string{"this is a remote", "this is a fully remote", "this is a 100% remote",
	"this role is remote", "this role is fully remote", "this position is remote", "this position is fully remote",
	"this job is remote", "this job is fully remote",
	// "This position is a remote position based out of ...", "This role
	// is currently remote, but candidates must be based in Auckland",
	// "This remote role is open only to candidates residing in ..."
	"position is a remote", "role is a remote", "job is a remote", "role is currently remote",
	"position is currently remote", "role is 100% remote", "position is 100% remote", "this remote role",
	"this remote position", "this fully remote role", "this fully remote position"}

// remoteStatement makes the places remote when a sentence says the job is
// remote (remoteStatements), not a company or a team that is remote-first
// or remote-friendly, and no place is remote already. With no place it
// adds none: the remote work is then the work mode only.
func remoteStatement(locs []model.Location, text string) []model.Location {
	if len(locs) == 0 || !containsBy(text, "emot", 1) && !strings.Contains(text, "EMOT") && !containsBy(text, "omeoffice", 1) {
		return locs // no word of remote work ("remote", "remoto", "remotamente", "100% Homeoffice")
	}
	countryOnly := true
	for _, l := range locs {
		if l.Remote {
			return locs
		}
		countryOnly = countryOnly && l.Country != "" && l.City == "" && l.Region == "" && l.Name == ""
	}
	if countryOnly && (liRemote(text) || jobRemote(text)) {
		// "#LI-Remote", "Here you will work remotely from anywhere in
		// Brazil", "100% remoto" beside a listing that names only the
		// country: the job's work mode, in that country
		return remoteAll(locs)
	}
	// Only the few words around each "emote" are lowered and read, not
	// the whole text.
	found := false
	for i := 0; !found; {
		j := strings.Index(text[i:], "emote")
		if j < 0 {
			break
		}
		at := i + j
		i = at + len("emote")
		a, b := max(0, at-32), min(len(text), at+24)
		for a > 0 && !utf8.RuneStart(text[a]) {
			a--
		}
		for b < len(text) && !utf8.RuneStart(text[b]) {
			b++
		}
		w := strings.ToLower(text[a:b])
		for _, p := range remoteStatements {
			k := strings.Index(w, p)
			if k < 0 {
				continue
			}
			rest := strings.TrimLeft(w[k+len(p):], " -")
			if strings.HasPrefix(rest, "first") || strings.HasPrefix(rest, "friendly") ||
				strings.HasPrefix(rest, "company") || strings.HasPrefix(rest, "team") || strings.HasPrefix(rest, "eligible") {
				continue
			}
			found = true
			break
		}
	}
	if !found {
		return locs
	}
	return remoteAll(locs)
}

// remoteAll makes every place remote; an area wider than a country stays
// no place.
func remoteAll(locs []model.Location) []model.Location {
	out := make([]model.Location, 0, len(locs))
	for _, l := range locs {
		if isArea(l.Name) {
			l = model.Location{}
		}
		l.Remote = true
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// liRemote says whether the text carries the recruiters' LinkedIn tag of a
// remote job ("#LI-Remote", "#Li-remote"), the work mode the posting was
// published with. Only a posting whose places are countries alone takes it
// as the places' mode: beside an office town the tag is read as the
// company's habit of tagging, not as remote work in that town.
func liRemote(text string) bool {
	for _, w := range [...]string{"emote", "EMOTE"} {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			at := i + j - 1 // the R
			i += j + len(w)
			// the tag may reach the text with its "#" read as a
			// markdown heading's ("# LI-REMOTE") or dropped
			if at < 3 || !strings.EqualFold(text[at-3:at+1], "li-r") {
				continue
			}
			if at == 3 || strings.IndexByte("# \n\t", text[at-4]) >= 0 {
				return true
			}
		}
	}
	return false
}

// remoteField makes every place remote when the text's own location field
// says only that the job is remote ("Location: Remote", "Arbeitsort: 100 %
// Remote"), as a platform's remote work-mode field does (PROTOCOL.md); an
// area wider than a country stays no place. Places of which one is
// already remote say themselves which are.
func remoteField(locs []model.Location, text string) []model.Location {
	if !containsBy(text, "emote", 1) && !strings.Contains(text, "EMOTE") {
		return locs // the common case, without splitting the text
	}
	for _, l := range locs {
		if l.Remote {
			return locs
		}
	}
	found := false
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "-*•·# "))
		head, value, ok := cutField(strings.ReplaceAll(line, "*", ""))
		if !ok {
			continue
		}
		if _, field := placeFields[foldPlace(head)]; !field {
			continue
		}
		v := strings.TrimSpace(strings.Trim(strings.TrimSpace(value), ".;"))
		if remoteWords[foldPlace(v)] || remoteShare(v) == 100 {
			found = true
			break
		}
	}
	if !found {
		return locs
	}
	if len(locs) == 0 {
		// no place anywhere: the field's remote is the one place, as a
		// platform's remote work mode with no place (PROTOCOL.md)
		return []model.Location{{Remote: true}}
	}
	out := make([]model.Location, 0, len(locs))
	for _, l := range locs {
		if isArea(l.Name) {
			l = model.Location{}
		}
		l.Remote = true
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// partRemoteField says whether the text's own location field gives remote
// work a share under 100 % ("Einsatzort: 90 % Remote (ca. 510 Stunden), 10
// % Onsite Nürnberg", "Einsatzort: Wiesbaden Remote min. 90%"): part-time
// remote, not remote (PROTOCOL.md), whatever the platform's work mode says.
func partRemoteField(text string) bool {
	if !strings.Contains(text, "%") {
		return false
	}
	for line := range strings.SplitSeq(text, "\n") {
		if !strings.Contains(line, "%") {
			continue
		}
		line = strings.TrimSpace(strings.TrimLeft(line, "-*•·# "))
		head, value, ok := cutField(strings.ReplaceAll(line, "*", ""))
		if !ok {
			continue
		}
		if _, field := placeFields[foldPlace(head)]; !field {
			continue
		}
		if n := remoteShare(value); n >= 0 && n < 100 {
			return true
		}
	}
	return false
}

// remoteOption adds remote work to the places when the text offers it as
// an alternative to them ("can be held from one of our US hubs or remotely
// in the United States", "auf Wunsch komplette Remote-Arbeit möglich, sonst
// Dienstort Münster"): remote in the country the phrase names, else in the
// one country of the places.
func remoteOption(locs []model.Location, text string) []model.Location {
	if len(locs) == 0 {
		return locs
	}
	country := ""
	for _, l := range locs {
		if l.Remote || l.Country == "" || country != "" && l.Country != country {
			return locs
		}
		country = l.Country
	}
	if !containsBy(text, "emote", 1) && !strings.Contains(text, "EMOTE") && !strings.Contains(text, "远程") &&
		!strings.Contains(text, "élétravail") {
		return locs // the common case, without lowering the text
	}
	lower := strings.ToLower(text)
	named, ok := "", false
	if i := strings.Index(lower, "or remotely in "); i >= 0 {
		ws := strings.Fields(lower[i+len("or remotely in "):])
		if len(ws) > 0 && ws[0] == "the" {
			ws = ws[1:]
		}
		for n := min(4, len(ws)); n >= 1 && !ok; n-- {
			if c := countryCode(strings.Trim(strings.Join(ws[:n], " "), ".,;:()")); c != "" {
				named, ok = c, true
			}
		}
	}
	if strings.Contains(lower, "远程") {
		lower = notRemoteCJK.Replace(lower) // "不可远程": remote work not possible
	}
	for _, p := range remoteOptions {
		ok = ok || strings.Contains(lower, p)
	}
	if !ok {
		return locs
	}
	if named == "" {
		named = country
	}
	return append(locs, model.Location{Country: named, Remote: true})
}

// notRemoteCJK drops the Chinese phrases that refuse remote work, which
// hold the ones that offer it ("不可远程" holds "可远程").
var notRemoteCJK = strings.NewReplacer("不可远程", "", "不支持远程", "", "不接受远程", "")

// remoteOptions are phrases that offer fully remote work besides the
// office.
var remoteOptions = []string{"komplette remote-arbeit möglich", "komplette remotearbeit möglich",
	"komplett remote möglich", "vollständig remote möglich", "auch vollständig remote", "auch komplett remote",
	"fully remote is possible", "fully remote is also possible", "or fully remote", "oder komplett remote",
	"oder vollständig remote",
	// French: fully remote work possible ("Lieu : Paris ... Télétravail
	// total possible")
	"télétravail total possible", "télétravail complet possible", "télétravail à 100% possible",
	"100% télétravail possible",
	// Chinese: remote work possible, supported, accepted ("北京（可远程）")
	"可远程", "支持远程", "接受远程", "也可远程"}

// placesOf is textLocations without the remote option.
func placesOf(locs []model.Location, labels []string, title, text, lang string) []model.Location {
	locs = everyRegion(locs)
	if onlyCountries(locs) && remoteAreaLabel(title, text) {
		// "Freelance Python Developer (Remote, South / Latin America)",
		// "(Remote — North America, LATAM or Europe)", "Location: Remote
		// (Europe-based preferred)" beside a listing's countries: the
		// countries are where one may live; the job is remote in an area
		// wider than a country, which names no place (PROTOCOL.md)
		return []model.Location{{Remote: true}}
	}
	whole := false
	for _, l := range labels {
		f := foldPlace(strings.TrimSpace(l))
		whole = whole || f == "hele landet" || f == "hela landet"
	}
	if !whole && len(locs) == 0 {
		whole = wholeCountryField(text) // "Arbeidssted: Hele landet"
	}
	country, countryOnly := "", len(locs) > 0
	for _, l := range locs {
		if l.Remote || l.Name != "" || l.Country == "" || country != "" && l.Country != country {
			countryOnly, country = false, ""
			break
		}
		country = l.Country
		countryOnly = countryOnly && l.City == "" && l.Region == ""
	}
	if tp := titlePlaces(title); len(tp) > 0 && (len(locs) == 0 || country != "" && sameArea(locs, tp)) {
		return tp
	}
	if len(locs) == 0 || countryOnly {
		if tp := titleSegmentPlaces(title, country); len(tp) > 0 {
			return tp
		}
	}
	if len(locs) == 0 {
		if ta := titleRemoteAlternative(title); len(ta) > 0 {
			return ta
		}
	}
	tr := titleRemote(title)
	if len(tr) == 0 && country != "" {
		// "Job Location: Poland, remote." beside the listing's "Kraków"
		// (places of one country, none remote): the text's location
		// field says where the remote work is
		if fr := remoteLocationField(text); len(fr) == 1 && fr[0].Country == country {
			return fr
		}
	}
	if len(tr) > 0 && len(locs) > 0 {
		same := true
		for _, l := range locs {
			same = same && l.Country == tr[0].Country && !l.Remote
		}
		if same {
			return tr
		}
	}
	if country != "" && !countryOnly {
		if wf := workplaceFields(text, country); len(wf) > 0 {
			if !namesSame(locs, wf) {
				return wf
			}
			if more := placesBeyond(locs, wf); len(more) > 0 {
				// "med placering i Malmö eller Helsingborg" beside the
				// field "Malmö": the text names every field town and more
				return append(append([]model.Location(nil), locs...), more...)
			}
		}
	}
	if noRegion(locs) {
		// a field's town the tables do not place: the text's place field
		// may ("Lieu : Colombelles (14460), FR")
		if f, _ := textPlaceLists(text, country, false); len(f) > 0 {
			locs = regionsFrom(locs, f)
		}
	}
	if len(locs) == 0 || countryOnly {
		want := country
		if want == "" && whole {
			want = languageCountry[lang]
		}
		if tp := textPlaces(text, want); len(tp) > 0 {
			return tp
		}
	}
	if whole && len(locs) == 0 {
		if c := languageCountry[lang]; c != "" {
			return []model.Location{{Country: c}}
		}
	}
	if len(locs) == 0 && remoteModeField(text) {
		return []model.Location{{Remote: true}} // "Remote: 100% Homeoffice"
	}
	return locs
}

// remoteModeFields are heads of a field line that give the share of remote
// work ("Remote: 100% Homeoffice", "Homeoffice: 100 %").
var remoteModeFields = map[string]bool{"remote": true, "homeoffice": true, "home office": true,
	"remote anteil": true, "remoteanteil": true, "mobiles arbeiten": true, "remote work": true, "télétravail": true}

// remoteModeField says whether a field line of the text gives remote work
// the whole working time: "Remote: 100% Homeoffice", "Homeoffice: 100 %"
// (a share under 100 % is part-time remote, not remote: PROTOCOL.md).
func remoteModeField(text string) bool {
	if !strings.Contains(text, "100") {
		return false
	}
	for line := range strings.SplitSeq(text, "\n") {
		if !strings.Contains(line, "100") {
			continue
		}
		line = strings.TrimSpace(strings.TrimLeft(line, "-*•·# "))
		head, value, ok := cutField(strings.ReplaceAll(line, "*", ""))
		if !ok || !remoteModeFields[foldPlace(head)] {
			continue
		}
		v := strings.TrimSpace(value)
		if strings.HasPrefix(v, "100%") || strings.HasPrefix(v, "100 %") {
			return true
		}
	}
	return false
}

// wholeCountryField says whether the text's own location field names the
// whole country ("Arbeidssted: Hele landet", "Arbetsort: Hela landet").
func wholeCountryField(text string) bool {
	if !strings.Contains(text, "ele landet") && !strings.Contains(text, "ela landet") &&
		!strings.Contains(text, "ELE LANDET") && !strings.Contains(text, "ELA LANDET") {
		return false
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "-*•·# "))
		head, value, ok := cutField(strings.ReplaceAll(line, "*", ""))
		if !ok {
			continue
		}
		if _, field := placeFields[foldPlace(head)]; !field {
			continue
		}
		if f := foldPlace(strings.Trim(strings.TrimSpace(value), ".;")); f == "hele landet" || f == "hela landet" {
			return true
		}
	}
	return false
}

// everyRegion reads places that are every region of a Nordic country,
// listed one by one (the 21 län of Sweden, the 15 fylker of Norway, the 5
// regions of Denmark), as the whole country (PROTOCOL.md).
func everyRegion(locs []model.Location) []model.Location {
	if len(locs) < 5 {
		return locs
	}
	country := locs[0].Country
	regions := map[string]bool{}
	for _, l := range locs {
		if l.City != "" || l.Region == "" || l.Remote || l.Country != country {
			return locs
		}
		regions[l.Region] = true
	}
	loadNordic()
	all := 0
	seen := map[string]bool{}
	for _, r := range nordicRegions {
		if r.country == country && !seen[r.region] {
			seen[r.region] = true
			all++
		}
	}
	if all == 0 || len(regions) < all {
		return locs
	}
	return []model.Location{{Country: country}}
}

// titleSegment splits a title at its separators (" - ", "|", "(", ")",
// ",", "@", "//").
var titleSegmentSep = strings.NewReplacer(" – ", "|", " — ", "|", " - ", "|", "(", "|", ")", "|", ",", "|", " @ ", "|",
	"//", "|", "【", "|", "】", "|")

// titleSegmentPlaces reads a part of a title that is a known town alone,
// or with an office word ("Intern 2020 - Stockholm office i Sweden",
// "Data Engineer | Oslo"), in country when it is not empty: where the job
// is when the fields name no place or only the country.
func titleSegmentPlaces(title, country string) []model.Location {
	var out []model.Location
	for _, seg := range strings.Split(titleSegmentSep.Replace(title), "|") {
		seg = strings.TrimSpace(seg)
		// JobTech titles end with " i <country>"
		for _, w := range []string{" i ", " in "} {
			if i := strings.LastIndex(seg, w); i > 0 && countryCode(seg[i+len(w):]) != "" {
				seg = strings.TrimSpace(seg[:i])
			}
		}
		var ws []string
		for _, w := range strings.Fields(seg) {
			if !officeWords[strings.ToLower(w)] && !strings.EqualFold(w, "kontor") && !strings.EqualFold(w, "kontoret") {
				ws = append(ws, w)
			}
		}
		if len(ws) == 0 || len(ws) > 3 {
			continue
		}
		l, rank := knownPlace(strings.Join(ws, " "), country)
		if rank != 0 || l.City == "" || slices.Contains(out, l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// titleRemote reads a part of a title that says the job is remote in a
// country ("Data Science Intern | Fully Remote US", "Engineer (Remote,
// Germany)"): those places, or none.
func titleRemote(title string) []model.Location {
	if !strings.Contains(strings.ToLower(title), "remote") {
		return nil
	}
	for _, seg := range strings.Split(titleSegments.Replace(title), "|") {
		if !strings.Contains(strings.ToLower(seg), "remote") {
			continue
		}
		ls := Locations(strings.TrimSpace(seg))
		ok := len(ls) > 0
		for _, l := range ls {
			ok = ok && l.Remote && l.Country != "" && l.City == "" && l.Region == "" && l.Name == ""
		}
		if ok && len(ls) == 1 {
			return ls
		}
	}
	return nil
}

// sameArea says whether the places of the title lie in the country of the
// field's places, and in their region when the fields name one.
func sameArea(locs, tp []model.Location) bool {
	for _, t := range tp {
		for _, l := range locs {
			if t.Country != l.Country || l.Region != "" && t.Region != l.Region {
				return false
			}
		}
	}
	return true
}

// namesSame says whether the text's places name one of the field's
// places already ("Frankfurt" beside "Frankfurt am Main"): then the
// fields stand.
func namesSame(locs, wf []model.Location) bool {
	for _, w := range wf {
		for _, l := range locs {
			a, b := foldPlace(w.City), foldPlace(l.City)
			if w.Country == l.Country && (a == b || strings.HasPrefix(a, b+" ") || strings.HasPrefix(b, a+" ")) {
				return true
			}
		}
	}
	return false
}

// noRegion says whether a place of locs names a town and a country but
// no region, in a country whose towns have one.
func noRegion(locs []model.Location) bool {
	for _, l := range locs {
		if l.Region == "" && l.City != "" && l.Country != "" && !cityStates[l.Country] && l.Country != "IE" {
			return true
		}
	}
	return false
}

// regionsFrom gives a place of the platform's fields that has no region
// the region of the same town in the text's place field ("Colombelles,
// FR" beside "Lieu : Colombelles (14460), FR": Normandy, from the postal
// code); locs is not changed in place.
func regionsFrom(locs, wf []model.Location) []model.Location {
	var out []model.Location
	for i, l := range locs {
		if l.Region != "" || l.City == "" || l.Country == "" {
			continue
		}
		for _, w := range wf {
			if w.Region != "" && w.Country == l.Country && foldPlace(w.City) == foldPlace(l.City) {
				if out == nil {
					out = slices.Clone(locs)
				}
				out[i].Region = w.Region
				break
			}
		}
	}
	if out == nil {
		return locs
	}
	return out
}

// titleLinks precede where the job is at the end of a title.
var titleLinks = []string{" i ", " till ", " til ", " in ", " à ", " på ", " en "}

// titlePlaces reads the places at the end of a title ("Plattformutvikler
// i Trondheim", "Säljare av tak till Flen/Katrineholm", "Utvecklare i
// Stockholm och Göteborg"): every one must be a known town or
// municipality, else none.
// titleRemoteAlternative reads a title segment that names one town and
// remote work as alternatives ("Designer (UX/UI) - Remote / Luxembourg -
// Fulltime", "Engineer (Berlin / Remote)"): the town, not remote, and remote
// work in its country, as the same alternatives in a location label
// (PROTOCOL.md, "Remote or NYC").
func titleRemoteAlternative(title string) []model.Location {
	if !strings.Contains(strings.ToLower(title), "remote") {
		return nil
	}
	for _, seg := range strings.Split(titleSegments.Replace(title), "|") {
		seg = strings.TrimSpace(seg)
		if !strings.Contains(strings.ToLower(seg), "remote") || len(strings.Fields(seg)) > 5 {
			continue
		}
		ls := Locations(seg)
		if len(ls) != 2 {
			continue
		}
		place, remote := ls[0], ls[1]
		if place.Remote {
			place, remote = remote, place
		}
		if place.Remote || place.City == "" || place.Country == "" || place.Name != "" ||
			!remote.Remote || remote.City != "" || remote.Region != "" || remote.Name != "" ||
			remote.Country != "" && remote.Country != place.Country {
			continue
		}
		return []model.Location{place, {Country: place.Country, Remote: true}}
	}
	return nil
}

func titlePlaces(title string) []model.Location {
	t := title
	if i := strings.IndexAny(t, "!?(|"); i >= 0 {
		t = t[:i]
	}
	at := -1
	for _, w := range titleLinks {
		if i := strings.LastIndex(t, w); i > at {
			at = i + len(w)
		}
	}
	if at < 0 {
		return nil
	}
	rest := strings.TrimRight(strings.TrimSpace(t[at:]), ".,;:")
	var out []model.Location
	for _, piece := range strings.FieldsFunc(orReplacer.Replace(conjReplacer.Replace(rest)), func(r rune) bool { return r == ',' }) {
		l, rank := knownPlace(strings.TrimSpace(piece), "")
		if rank < 0 || l.City == "" {
			return nil
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// knownPlace looks a town up: a city of the city table or a Danish,
// Norwegian or Swedish municipality (rank 0), a Nordic locality (rank 1),
// in country when it is not empty; rank -1: none.
func knownPlace(p, country string) (model.Location, int) {
	if l, rank := curatedPlace(p, country); rank >= 0 {
		return l, rank
	}
	if w, ok := worldPlace(p, country); ok {
		return w, 2
	}
	return model.Location{}, -1
}

// curatedPlace is knownPlace without the world table (rank 0 or 1): the
// towns a word of running text may name. The world table holds towns
// named as tools and ordinary words ("work in Apex", "working in Federal
// agencies"), which only a whole location label names as a place.
func curatedPlace(p, country string) (model.Location, int) {
	f := foldPlace(p)
	if f == "" || len(f) > 40 {
		return model.Location{}, -1
	}
	if c, ok := knownCities[f]; ok && (country == "" || c.country == country) {
		l := model.Location{City: c.city, Region: c.region, Country: c.country}
		if !c.canonical {
			l.City = strings.TrimSpace(p)
		}
		return l, 0
	}
	loadNordic()
	if m, ok := nordicMunis[f]; ok && (country == "" || m.country == country) {
		return model.Location{City: m.name, Region: m.region, Country: m.country}, 0
	}
	if t, ok := nordicLocalities[f]; ok && t.country != "" && (country == "" || t.country == country) {
		return model.Location{City: t.name, Region: t.region, Country: t.country}, 1
	}
	return model.Location{}, -1
}

// placeFields are the labels of a line that names the workplace
// ("Arbeidssted: Oslo"), folded; they are also cues without a colon
// ("sonst Dienstort Münster", "Arbeidssted er ved Cargills
// produksjonsanlegg på Bergneset"). true: a word of the workplace in a
// local language, which names it more closely than a listing's town.
var placeFields = map[string]bool{
	"arbeidssted": true, "arbejdssted": true, "arbeidsstad": true, "arbetsort": true, "arbetsplats": true,
	"placering": true, "placeringsort": true, "stationeringsort": true, "tjenestested": true, "kontorsted": true,
	"oppmøtested": true, "standort": true, "standorte": true, "einsatzort": true, "einsatzorte": true, "arbeitsort": true, "dienstort": true,
	"leistungsort": true, "projektstandort": true, "projektort": true, "durchführungsort": true,
	"lieu de travail": true, "lieu": false, "localisation": false, "location": false, "job location": false,
	"work location": false, "office location": false, "locations": false, "ort": false, "sted": false,
	"workplace": false, "place of work": false, "ubicación": false, "lugar de trabajo": true,
	"dónde": false, "donde": false, "office": false, "offices": false,
	// session 33: Italian, Dutch and more Nordic field names ("Sede di
	// lavoro: Milano", "Standplaats: Utrecht", "Tjänstgöringsort: Luleå")
	"sede di lavoro": true, "luogo di lavoro": true, "sede": false, "locatie": false, "standplaats": true,
	"werklocatie": true, "tjänstgöringsort": true, "kontorssted": true, "kontorsort": true,
}

// placeCues are phrases after which a sentence names the workplace
// ("based in Stockholm", "Vår avdeling på Herøya Industripark i
// Porsgrunn", "relocate to Cambridge, Massachusetts").
var placeCues = []string{"based in", "located in", "office in", "offices in", "office at", "relocate to",
	"position is in", "role is in", "stelle ist in", "on-site in", "onsite in", "hybrid in", "in our office",
	"kontor i", "kontoret i", "kontorer i", "kontor på", "avdeling", "avdelingen", "afdeling", "afdelingen",
	"avdelning", "avdelningen", "basert i", "baseret i", "baserad i", "placerad i", "placeret i", "lokalisert i",
	"stasjonert i", "stationerad i", "beliggende i", "belägen i", "büro in", "sitz in", "standort in",
	// an office named in a sentence ("Ort: Unser Büro ist in Berlin - dort
	// arbeiten wir mindestens einmal die Woche gemeinsam", "our office is in Lyon")
	"büro ist in", "büro befindet sich in", "office is in",
	// where the office lies or the company sits ("Kontoret ligger i
	// Aarhus", "Vi holder til i Kristiansand", "vores team i Odense")
	"ligger i", "holder til i", "holder til på", "holder hus i", "sidder i", "team i", "oficina en", "oficinas en",
	"basé à", "basée à", "situé à", "située à", "bureaux à", "bureau à", "vor ort in", "vor-ort in", "einsatz in",
	// the team or the work in a town ("förstärka teamet i Tallinn",
	// "arbeta i en modern arbetsmiljö i Tallin")
	"teamet i", "team in", "arbeta i", "jobba i", "arbeide i", "jobbe i", "arbejde i", "work in", "working in",
	"arbeiten in",
	// the office one works from ("expect candidates to primarily work
	// from our Palo Alto or Berlin offices")
	"work from our", "working from our", "work out of our", "working out of our",
	// where one sits, works from ("Du kan sitta i Stockholm, Göteborg
	// eller Linköping", "du kan sitte i Bergen", "utgå från Malmö")
	"sitta i", "sitte i", "sidde i", "utgå från", "utgå fra", "utgå ifrån",
	// a recruiter's client where the work is ("For our client, a leading
	// bank in Zurich", "für unseren Kunden, ein Versicherer in Köln")
	"client in", "bank in", "company in", "firm in", "insurer in", "kunden in", "kunde in", "unternehmen in",
	"versicherer in"}

// weakCues are the cue phrases that name the work or the team, which
// tools follow as often as towns ("work in Apex", "working in Delta
// Lake").
var weakCues = map[string]bool{"team i": true, "sidder i": true, "sitta i": true, "sitte i": true, "sidde i": true, "teamet i": true, "team in": true, "arbeta i": true, "jobba i": true,
	"arbeide i": true, "jobbe i": true, "arbejde i": true, "work in": true, "working in": true, "arbeiten in": true,
	"client in": true, "bank in": true, "company in": true, "firm in": true, "insurer in": true, "kunden in": true,
	"kunde in": true, "unternehmen in": true, "versicherer in": true}

// residencyTown returns the town whose residency a text requires ("New
// York City residency is required", "Residency in Chicago is required").
func residencyTown(text, country string) (model.Location, bool) {
	if !strings.Contains(text, "esidency") && !strings.Contains(text, "ESIDENCY") {
		return model.Location{}, false // most texts: no lowered copy of the whole text
	}
	lower := strings.ToLower(text)
	for i := strings.Index(lower, " residency "); i > 0; {
		rest := lower[i+len(" residency "):]
		if strings.HasPrefix(rest, "is required") || strings.HasPrefix(rest, "is generally required") ||
			strings.HasPrefix(rest, "required") || strings.HasPrefix(rest, "is a requirement") {
			ws := strings.Fields(text[max(0, i-60):i])
			for n := min(3, len(ws)); n >= 1; n-- {
				words := ws[len(ws)-n:]
				first := words[0] // "<I>*New": the word after its last mark
				if k := strings.LastIndexFunc(first, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
					first = first[k+1:]
				}
				if first == "" || !unicode.IsUpper([]rune(first)[0]) {
					continue
				}
				q := strings.Join(append([]string{first}, words[1:]...), " ")
				if ls := Locations(q); len(ls) == 1 && ls[0].City != "" && (country == "" || ls[0].Country == country) {
					return ls[0], true
				}
			}
		}
		j := strings.Index(lower[i+1:], " residency ")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return model.Location{}, false
}

// cueKind says what the words townAfter reads follow.
type cueKind int

const (
	cueField  cueKind = iota // a workplace field word
	cueStrong                // a cue phrase that names the workplace ("based in")
	cueWeak                  // a cue phrase of the work or the team ("work in")
)

// textPlaces returns the places a text names as the workplace, in
// country when it is not empty: those of field lines, else those after
// a cue phrase; none when the cue phrases name more than three (a
// company's offices, not the job's), or the field lines more than
// maxFieldPlaces ("Locations: Buenos Aires, São Paulo, Santiago de Chile,
// Bogotá" names the job's four).
func textPlaces(text, country string) []model.Location {
	fields, cued := textPlaceLists(text, country, false)
	for i, ls := range [][]model.Location{fields, cued} {
		if len(ls) > 0 && (len(ls) <= 3 || i == 0 && len(ls) <= maxFieldPlaces) {
			sort.Slice(ls, func(i, j int) bool { return locationKey(ls[i]) < locationKey(ls[j]) })
			return ls
		}
	}
	return nil
}

// maxFieldPlaces bounds the places a text's workplace field lines name.
const maxFieldPlaces = 12

// workplaceFields are the places of the text's own workplace fields in a
// local language ("Arbeidssted: Mehamn", "Arbeidssted er ... på
// Bergneset i Balsfjord kommune", "工作地点：北京"), in country: they name
// the workplace more closely than a listing's town (often the
// employer's address); none when they name more than three.
func workplaceFields(text, country string) []model.Location {
	if !workplaceStemIndex.in(text) {
		return nil // the common case, without splitting the text
	}
	fields, _ := textPlaceLists(text, country, true)
	if len(fields) == 0 || len(fields) > 3 {
		return nil
	}
	sort.Slice(fields, func(i, j int) bool { return locationKey(fields[i]) < locationKey(fields[j]) })
	return fields
}

// workplaceStems are the strong workplace words of placeFields and
// cjkPlaceCues without their first letter (either case), to tell cheaply
// whether a text may hold one.
var workplaceStems = []string{"rbeidssted", "rbejdssted", "rbeidsstad", "rbetsort", "rbetsplats", "lacering",
	"tationeringsort", "jenestested", "ontorsted", "ppmøtested", "tandort", "insatzort", "rbeitsort", "ienstort",
	"eistungsort", "rojektort", "urchführungsort",
	"ieu de travail", "ugar de trabajo", "工作地点", "办公地点", "工作城市", "坐标", "地点",
	"ede di lavoro", "uogo di lavoro", "tandplaats", "erklocatie", "jänstgöringsort", "ontorssted", "ontorsort"}

var workplaceStemIndex = newPhraseIndex(workplaceStems, false)

// textPlaceLists returns the places of field lines and workplace words
// (fields) and those after cue phrases (cued); strong: only fields whose
// word is a local-language workplace word.
func textPlaceLists(text, country string, strong bool) (fields, cued []model.Location) {
	add := func(to *[]model.Location, l model.Location) {
		// a field may name a region alone ("Einsatzort: 80% remote
		// (Vor-Ort-Termine in Baden-Württemberg)"); a cue names a town
		named := l.City != "" || to == &fields && l.Region != ""
		if named && (country == "" || l.Country == country) && !slices.Contains(*to, l) {
			*to = append(*to, l)
		}
	}
	var countries []model.Location // country-only values of fields
	var remotes []model.Location   // remote work in a country, from field values
	fieldValue := func(value string) {
		value = hedgeReplacer.Replace(value) // "Remote - ggf. Wien": the dot ends no sentence
		if i := strings.IndexAny(value, ".;"); i > 0 {
			value = value[:i]
		}
		ls := Locations(value)
		if germanPostalZones(value) {
			ls = []model.Location{{Country: "DE"}} // "Einsatzort: D1": a German postal zone
		}
		if !slices.ContainsFunc(ls, func(l model.Location) bool { return l.City != "" || l.Region != "" || l.Country != "" || l.Remote }) {
			// a sentence as the value ("Ort: Unser Büro ist in Berlin -
			// dort arbeiten wir mindestens einmal die Woche gemeinsam"):
			// the town after a workplace cue in it
			lower := strings.ToLower(value)
			for _, cue := range placeCues {
				if i := strings.Index(lower, cue); i >= 0 && wordEdge(lower, i-1) && !weakCues[cue] &&
					(i+len(cue) == len(lower) || lower[i+len(cue)] == ' ') {
					if l, ok := townAfter(value[i+len(cue):], country, cueStrong); ok {
						ls = []model.Location{l}
						break
					}
				}
			}
		}
		if len(ls) > 1 {
			if orRemote(value) {
				ls = sameLabelRemote(slices.Clone(ls)) // "Berlin or remote": remote in Berlin's country
			} else if slices.ContainsFunc(ls, func(l model.Location) bool { return l.City != "" || l.Region != "" }) {
				// "Standort: Köln und Remote", "Einsatzort: Hamburg /
				// Remote": on site and remote by turns, the office only
				// (the corpus labels read a field so)
				ls = slices.DeleteFunc(slices.Clone(ls), func(l model.Location) bool {
					return l.Remote && l.City == "" && l.Region == ""
				})
			}
		}
		for _, l := range ls {
			if l.City == "" && l.Region == "" && l.Country != "" && !l.Remote && !slices.Contains(countries, l) {
				countries = append(countries, l)
			}
			add(&fields, l)
		}
		// "Location: Remote (UK)", "Standort: Berlin oder remote": remote
		// work in a country, alone or as the alternative to the value's
		// own places, as the same label would give (PROTOCOL.md)
		for _, l := range ls {
			if l.Remote && l.City == "" && l.Region == "" && l.Country != "" && (country == "" || l.Country == country) &&
				!slices.Contains(remotes, l) {
				remotes = append(remotes, l)
			}
		}
	}
	pending := false // a field word ended the last line: its value is this one
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "-*•·# "))
		if line == "" {
			continue
		}
		if pending {
			// "Einsatzort:\nDeutschland": the value on the line after
			pending = false
			if _, _, ok := cutField(line); !ok {
				fieldValue(line)
				continue
			}
		}
		if ls := cjkPlaceCue(line); len(ls) > 0 {
			for _, l := range ls {
				add(&fields, l)
			}
			continue
		}
		if knownField(foldPlace(line), strong) && len(line) > 4 {
			// "Arbeidssted\nBergen": the field's name on a line of its
			// own, its value on the next (a form's fields pasted as text)
			pending = true
			continue
		}
		if head, value, ok := cutField(line); ok && knownField(foldPlace(head), strong) {
			if value == "" {
				pending = true
				continue
			}
			fieldValue(value)
			continue
		}
		if ws := strings.Fields(line); len(ws) > 1 {
			for k, w := range ws[:len(ws)-1] {
				lw := strings.ToLower(w)
				if h, ok := strings.CutSuffix(strings.TrimLeft(lw, "0123456789%.,)"), ":"); ok && k > 0 &&
					knownField(gluedField(w, h), strong) && len(gluedField(w, h)) > 4 {
					// a field inside a line ("Auslastung: 80% - 100%Standort: 75%
					// Remote | 25% Nürnberg"): the rest of the line is its value
					for _, l := range Locations(strings.Join(ws[k+1:], " ")) {
						add(&fields, l)
					}
					break
				}
				if strong && knownField(lw, strong) && len(w) > 4 && placePrepositions[strings.ToLower(ws[k+1])] {
					// "med placering i Malmö eller Helsingborg", "arbetsort
					// i Lund och Malmö": towns joined by "or"/"and" after a
					// workplace word name the workplaces; one town alone is
					// read only as stated ("Arbeidssted er ...")
					if ls := townList(ws[k+2:min(len(ws), k+14)], country); len(ls) >= 2 {
						for _, l := range ls {
							add(&fields, l)
						}
					}
				}
				if knownField(lw, strong) && len(w) > 4 &&
					(!strong || presentTense[strings.ToLower(ws[k+1])]) {
					if l, ok := townAfter(strings.Join(ws[k+1:min(len(ws), k+12)], " "), country, cueField); ok { // townAfter reads at most 10 words
						add(&fields, l)
					}
				}
			}
		}
		if strong {
			continue
		}
		lower := strings.ToLower(line)
		for _, cue := range placeCues {
			for i := strings.Index(lower, cue); i >= 0; {
				end := i + len(cue)
				if wordEdge(lower, i-1) && (end == len(lower) || lower[end] == ' ') && (!officeList(line[end:]) || seatChoice(cue, lower[end:])) {
					kind := cueStrong
					if weakCues[cue] {
						kind = cueWeak
					}
					// towns joined by commas, "or", "and" right after the
					// cue are each a workplace ("Du kan sitta i Stockholm,
					// Göteborg eller Linköping", "offices in Berlin or Munich")
					var list []model.Location
					if ws := strings.Fields(line[end:]); len(ws) > 2 {
						list = townList(ws[:min(len(ws), 14)], country)
					}
					if len(list) >= 2 {
						for _, l := range list {
							add(&cued, l)
						}
					} else if l, ok := townAfter(line[end:], country, kind); ok {
						add(&cued, l)
					}
				}
				j := strings.Index(lower[i+1:], cue)
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
	}
	if len(fields) == 0 && len(cued) == 0 && !strong {
		// "New York City residency is generally required within 90
		// days of appointment" (session 34, round s34's NYC postings):
		// where the hire must live is where the job is
		if l, ok := residencyTown(text, country); ok {
			add(&cued, l)
		}
	}
	if len(fields) == 0 && len(countries) == 1 && !strong && (country == "" || countries[0].Country == country) {
		// "Einsatzort: Deutschland": a field naming a country only
		fields = countries
	}
	if !strong && len(remotes) > 0 {
		switch {
		case len(fields) == 0:
			fields = remotes
		default:
			for _, r := range remotes {
				if slices.ContainsFunc(fields, func(l model.Location) bool { return l.Country == r.Country && !l.Remote }) {
					fields = append(fields, r)
				}
			}
		}
	}
	return fields, cued
}

// gluedField returns the field word at the end of a word that lost the
// line break before it ("VollzeitProjektstandort:" of "Projektauslastung:
// Vollzeit" and "Projektstandort: Köln" run together): the part from the
// last capital after a small letter, lowered; else h, the word lowered.
func gluedField(w, h string) string {
	w = strings.TrimSuffix(w, ":")
	rs := []rune(w)
	for i := len(rs) - 1; i > 0; i-- {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
			return strings.ToLower(string(rs[i:]))
		}
	}
	return h
}

// placePrepositions come between a workplace word and its towns
// ("placering i Malmö eller Helsingborg").
var placePrepositions = map[string]bool{"i": true, "in": true, "på": true}

// placeJoiners join the towns of a list of workplaces.
var placeJoiners = map[string]bool{"eller": true, "och": true, "og": true, "samt": true, "or": true, "and": true,
	"oder": true, "und": true, "ou": true, "et": true, "/": true}

// townList reads towns the gazetteer knows in country, joined by "or",
// "and", commas or slashes, from the start of ws ("Malmö eller
// Helsingborg. Vi söker ..."); it stops at the first word that is neither
// a town nor a joiner, or at the end of a sentence.
func townList(ws []string, country string) []model.Location {
	var out []model.Location
	for i := 0; i < len(ws); {
		if len(out) > 0 && placeJoiners[strings.ToLower(ws[i])] {
			i++
			continue
		}
		found := 0
		for n := min(3, len(ws)-i); n >= 1 && found == 0; n-- {
			cand := strings.Trim(strings.Join(ws[i:i+n], " "), ".,;:()\"'")
			if r, _ := utf8.DecodeRuneInString(cand); !unicode.IsUpper(r) {
				continue
			}
			if l, rank := knownPlace(cand, country); rank >= 0 && l.City != "" {
				out = append(out, l)
				found = n
			}
		}
		if found == 0 {
			break
		}
		i += found
		if strings.ContainsAny(ws[i-1], ".;!?") {
			break
		}
	}
	return out
}

// placesBeyond returns the towns of wf that locs lack when wf names every
// town of locs (as namesSame matches them), else none.
func placesBeyond(locs, wf []model.Location) []model.Location {
	for _, l := range locs {
		if l.City == "" || !namesSame([]model.Location{l}, wf) {
			return nil
		}
	}
	var more []model.Location
	for _, w := range wf {
		if !namesSame(locs, []model.Location{w}) {
			more = append(more, w)
		}
	}
	return more
}

// presentTense are the verbs of a sentence that states the workplace as it
// is ("Arbeidssted er ved ..."), not as it will be ("Arbeidssted vil fra
// dette tidspunkt være ...").
var presentTense = map[string]bool{"er": true, "är": true, "ist": true, "est": true, "is": true}

// knownField says whether f is a workplace field word (strong: of a local
// language).
func knownField(f string, strong bool) bool {
	s, ok := placeFields[f]
	return ok && (s || !strong)
}

// cutField splits "Head: value" (or "Head：value") with a short head. A
// head in Markdown emphasis ("**Lieu** : Paris", "**Standort:** Berlin")
// is the head without its marks.
func cutField(line string) (head, value string, ok bool) {
	if rest, pin := strings.CutPrefix(line, "📍"); pin {
		// "📍 Berlin, Germany", "📍 Location: Remote": a pin opens the
		// workplace's line as a location field does (session 30)
		rest = strings.TrimSpace(rest)
		if h, v, ok := cutField(rest); ok {
			if _, field := placeFields[foldPlace(h)]; field {
				return h, v, true
			}
		}
		return "location", rest, rest != ""
	}
	i := strings.IndexAny(line, ":：")
	if i <= 0 || i > 30 {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(line[i:])
	head = strings.Trim(strings.TrimSpace(line[:i]), "*_ ")
	value = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line[i+size:]), "*"))
	return head, value, true
}

// cjkPlaceCues name the workplace in Chinese: "工作地点：北京", "坐标深圳",
// "办公地点：上海".
var cjkPlaceCues = []string{"工作地点", "办公地点", "工作城市", "坐标", "地点", "工作地址", "办公地址", "地址", "base地", "base"}

// baseCue finds the "base" of Chinese postings ("Base：杭州", "base 北京",
// "base地：上海或深圳"), any case, as a word of its own followed by a
// Chinese place; -1 for other cues or none ("database", "code base").
func baseCue(line, cue string) int {
	if !strings.HasPrefix(cue, "base") || len(line) < 6 ||
		!strings.Contains(line, "ase") && !strings.Contains(line, "ASE") {
		return -1
	}
	l := strings.ToLower(line)
	for i := strings.Index(l, cue); i >= 0; {
		if i == 0 || !isASCIIAlnum(l[i-1]) {
			rest := strings.TrimLeft(line[i+len(cue):], " ：:在为是")
			if r, _ := utf8.DecodeRuneInString(rest); isCJK(r) {
				return i
			}
		}
		j := strings.Index(l[i+1:], cue)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return -1
}

func cjkPlaceCue(line string) []model.Location {
	for _, cue := range cjkPlaceCues {
		i := strings.Index(line, cue)
		if i < 0 {
			i = baseCue(line, cue)
		}
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(line[i+len(cue):], " ：:在为是")
		if j := strings.IndexAny(rest, "。；;，,（("); j >= 0 {
			rest = rest[:j] // "北京/上海/深圳，..."
		}
		var out []model.Location
		for _, l := range Locations(rest) {
			if l.City != "" && !l.Remote {
				out = append(out, l)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// officeList says whether the words after a cue list three or more known
// towns ("kontorer i Trondheim, Oslo, Bergen, Stockholm, Gøteborg og
// Linkøping"): the company's offices, not where the job is.
func officeList(s string) bool {
	if i := strings.IndexAny(s, ".;!?\n"); i >= 0 {
		s = s[:i]
	}
	n := 0
	for _, piece := range strings.Split(orReplacer.Replace(conjReplacer.Replace(s)), ",") {
		if _, rank := knownPlace(strings.Trim(strings.TrimSpace(piece), "()\"'"), ""); rank >= 0 {
			n++
		}
	}
	return n >= 3
}

// seatCues are the cue phrases of where the hire sits or works from
// ("Du kan sitta i", "du kan sitte i", "utgå från"): they name the job's
// workplace, never the company's offices.
var seatCues = map[string]bool{"sitta i": true, "sitte i": true, "sidde i": true, "utgå från": true, "utgå fra": true,
	"utgå ifrån": true}

// seatChoice says whether the towns after a cue are a choice of the
// hire's workplace ("Du kan sitta i Stockholm, Göteborg eller
// Linköping"): a seat cue, its towns ending in "or" (eller, oder, ou)
// within the sentence. Such a list of three towns is no office list.
func seatChoice(cue, lower string) bool {
	if !seatCues[cue] {
		return false
	}
	if i := strings.IndexAny(lower, ".;!?\n"); i >= 0 {
		lower = lower[:i]
	}
	for _, w := range []string{" eller ", " or ", " oder ", " ou "} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// townAfter finds the first known town in the words after a cue, within
// the sentence and ten words: capitalised, one to three words ("Salt
// Lake City"); a municipality or a city of the table before a locality.
// After a workplace field word (cueField: "Dienstort Münster") a town of
// the world table counts; after a cue phrase of running text only the
// curated tables count, and no town where a taxonomy tool name starts
// ("based in Phoenix LiveView"); after a weak cue (cueWeak: "work in")
// also no town that runs on into a capitalised name ("work in Palo Alto
// Networks firewalls").
func townAfter(s, country string, kind cueKind) (model.Location, bool) {
	field := kind == cueField
	if i := strings.IndexAny(s, ".;!?\n"); i >= 0 {
		s = s[:i]
	}
	ws := strings.Fields(s)
	if len(ws) > 10 {
		ws = ws[:10]
	}
	if l, ok := townCountryAt(ws); ok && (country == "" || l.Country == country) {
		// "based in Kaarst, Germany": a town the table lacks, named with
		// its country right after the cue (session 30)
		return l, true
	}
	for i := range ws {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(ws[i], "(")); !unicode.IsUpper(r) {
			continue
		}
		if !field && toolAt(ws[i:]) {
			continue
		}
		for n := min(3, len(ws)-i); n >= 1; n-- {
			cand := strings.Trim(strings.Join(ws[i:i+n], " "), ".,;:()\"'")
			var l model.Location
			rank := -1
			if field {
				l, rank = knownPlace(cand, country)
			} else if l, rank = curatedPlace(cand, country); rank >= 0 && kind == cueWeak && i+n < len(ws) &&
				nameGoesOn(ws[i+n-1], ws[i+n]) {
				rank = -1
			}
			if rank < 0 {
				continue
			}
			// "på Bergneset i Balsfjord kommune": a locality the table
			// lacks, in the municipality named after it
			if i >= 3 && rank == 0 && i+n < len(ws) && isMunicipalityWord(ws[i+n]) && ws[i-1] == "i" &&
				(ws[i-3] == "på" || ws[i-3] == "i" || ws[i-3] == "ved") {
				if w := strings.Trim(ws[i-2], ".,;:()"); w != "" && unicode.IsUpper([]rune(w)[0]) {
					l.City = w
				}
			}
			return l, true
		}
	}
	return model.Location{}, false
}

// townCountryAt reads the words right after a place cue as a town and its
// country ("Kaarst, Germany", "Salt Lake City, United States"): one to
// three capitalised words, the last ending with a comma, then a country's
// name ending the words or the sentence. The town is read as Location
// reads "Town, Country" (a town it knows gets its region).
func townCountryAt(ws []string) (model.Location, bool) {
	for n := 1; n <= 3 && n < len(ws); n++ {
		w := ws[n-1]
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return model.Location{}, false
		}
		if !strings.HasSuffix(w, ",") {
			continue
		}
		for m := 1; m <= 3 && n+m <= len(ws); m++ {
			c := strings.TrimRight(strings.Join(ws[n:n+m], " "), ".,;:)")
			if cc := countryCode(c); cc != "" && (n+m == len(ws) || strings.ContainsAny(ws[n+m-1], ".,;")) {
				town := strings.TrimSuffix(strings.Join(ws[:n], " "), ",")
				if countryCode(town) != "" {
					return model.Location{}, false
				}
				l := Location(town + ", " + c)
				if l.City == "" || l.Country != cc {
					return model.Location{}, false
				}
				return l, true
			}
		}
		return model.Location{}, false
	}
	return model.Location{}, false
}

func isMunicipalityWord(w string) bool {
	switch strings.Trim(strings.ToLower(w), ".,;:()") {
	case "kommune", "kommun", "municipality":
		return true
	}
	return false
}

// wordEdge says whether the byte at i of s is no letter (or i is outside
// s): the edge of a word.
func wordEdge(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// nameGoesOn says whether next, the word after a town's last word last,
// carries a name on ("Palo Alto Networks", "Delta Lake"): capitalised,
// with no punctuation between, and neither a place nor a word of places
// ("Berlin Mitte" is a town the table knows; "Austin Texas", "Oslo
// kommune" name the town).
func nameGoesOn(last, next string) bool {
	if strings.ContainsAny(last, ",;:()/") || strings.HasPrefix(next, "(") {
		return false
	}
	w := strings.Trim(next, ".,;:()\"'")
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || isMunicipalityWord(w) || officeWords[strings.ToLower(w)] {
		return false
	}
	if countryCode(w) != "" || stateName(w) != "" {
		return false
	}
	if _, ok := worldRegion(w); ok {
		return false
	}
	_, rank := knownPlace(w, "")
	return rank < 0
}

// toolNames are the taxonomy's aliases as lower-case words, by their first
// word; single-word aliases that count only among other skills ("~Phoenix")
// are left out, since alone they name the town as often.
var toolNames = sync.OnceValue(func() map[string][][]string {
	m := map[string][][]string{}
	t, err := LoadTaxonomy(nil)
	if err != nil {
		return m
	}
	for _, s := range t.Skills() {
		for _, a := range aliasesOf(s) {
			ws := strings.Fields(strings.ToLower(aliasText(a)))
			if len(ws) == 0 || len(ws) == 1 && listOnly(a) {
				continue
			}
			m[ws[0]] = append(m[ws[0]], ws)
		}
	}
	return m
})

// toolAt says whether a taxonomy skill or tool name starts at the first of
// ws ("Phoenix LiveView", "Delta Lake").
func toolAt(ws []string) bool {
	first := strings.ToLower(strings.Trim(ws[0], ".,;:()\"'"))
	for _, name := range toolNames()[first] {
		if len(name) > len(ws) {
			continue
		}
		ok := true
		for k := 1; k < len(name) && ok; k++ {
			ok = strings.ToLower(strings.Trim(ws[k], ".,;:()\"'")) == name[k]
		}
		if ok {
			return true
		}
	}
	return false
}

// sharedTail reads "Lyon or Paris, France" and "Nijmegen en Eindhoven, NL"
// as places of one country (or region) written once at the end: each
// piece joined by "or" with the tail is a city of its own. Nil unless
// every piece is a city.
func sharedTail(s string) []model.Location {
	i := strings.LastIndex(s, ", ")
	if i < 0 {
		return nil
	}
	head, tail := s[:i], s[i+2:]
	if !strings.Contains(head, " or ") || strings.ContainsAny(head, ",()•|;/&") {
		return nil
	}
	var out []model.Location
	for _, p := range strings.Split(head, " or ") {
		l := Location(strings.TrimSpace(p) + ", " + tail)
		if l.Name != "" || l.Remote || l.City == "" {
			return nil
		}
		out = append(out, l)
	}
	return out
}

// onlyCountries says whether every place is a country alone (remote or
// not), and there is one at least.
func onlyCountries(locs []model.Location) bool {
	for _, l := range locs {
		if l.Country == "" || l.City != "" || l.Region != "" || l.Name != "" {
			return false
		}
	}
	return len(locs) > 0
}

// remoteAreaLabel says whether the title, or a location label in the text
// (after "(" or a "Location:" field name), says the job is remote in an
// area wider than a country: "Remote, South / Latin America", "Remote —
// North America, LATAM or Europe", "Remote (Europe-based preferred)".
// Only the few words after each "Remote" are read.
func remoteAreaLabel(title, text string) bool {
	if i := strings.Index(strings.ToLower(title), "remote"); i >= 0 && remoteAreaAt(title[i:]) {
		return true
	}
	for i := 0; ; {
		j := strings.Index(text[i:], "emote")
		if j < 0 {
			return false
		}
		at := i + j - 1
		i = at + len("Remote")
		if at < 0 || text[at] != 'R' && text[at] != 'r' {
			continue
		}
		before := strings.ToLower(strings.TrimRight(text[max(0, at-12):at], " \t\n"))
		if !strings.HasSuffix(before, "(") && !strings.HasSuffix(before, "location:") &&
			!strings.HasSuffix(before, "locations:") {
			continue
		}
		if remoteAreaAt(text[at:]) {
			return true
		}
	}
}

// remoteAreaAt says whether s, which starts with a remote word, is a
// location label up to the first ")", ".", ";" or line end that is remote
// in an area (areaWords) and names no country or town.
func remoteAreaAt(s string) bool {
	end := min(len(s), 72)
	if k := strings.IndexAny(s[:end], ").;\n"); k >= 0 {
		end = k
		if s[k] == ')' && strings.Contains(s[:k], "(") {
			end = k + 1
		}
	}
	label := s[:end]
	words := strings.FieldsFunc(strings.ToLower(label[len("remote"):]), func(r rune) bool { return !unicode.IsLetter(r) })
	area := false
	for i, w := range words {
		area = area || areaWords[w] || i > 0 && areaWords[words[i-1]+" "+w]
	}
	if !area {
		return false
	}
	ls := Locations(label)
	return len(ls) == 1 && ls[0] == model.Location{Remote: true}
}

// remoteLocationField reads a location field of the text whose value is
// a country and a remote word ("Job Location: Poland, remote.",
// "Location: Remote - Germany"): that country, remote; else none.
func remoteLocationField(text string) []model.Location {
	for i := 0; ; {
		j := strings.Index(text[i:], "ocation:")
		if j < 0 {
			return nil
		}
		at := i + j + len("ocation:")
		i = at
		if at < len("ocation:")+1 || text[at-len("ocation:")-1] != 'L' && text[at-len("ocation:")-1] != 'l' {
			continue
		}
		end := min(len(text), at+48)
		if k := strings.IndexAny(text[at:end], ".;\n"); k >= 0 {
			end = at + k
		}
		v := strings.TrimSpace(text[at:end])
		if !strings.Contains(strings.ToLower(v), "remote") {
			continue
		}
		ls := Locations(v)
		if len(ls) == 1 && ls[0].Remote && ls[0].Country != "" && ls[0].City == "" && ls[0].Region == "" && ls[0].Name == "" {
			return ls
		}
	}
}
