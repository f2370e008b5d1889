package normalize

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// placesNordic holds the municipalities of Denmark, Norway and Sweden with
// their regions, and Denmark's postal codes with their towns (sources and
// licences in the file's header).
//
//go:embed places_nordic.txt
var placesNordic string

type nordicInfo struct {
	name, region, country string
}

var (
	nordicMunis = map[string]nordicInfo{} // folded municipality name -> place
	dkPostal    = map[string]nordicInfo{} // postal code -> town
	dkTowns     = map[string]nordicInfo{} // folded postal town (district letters dropped) -> town
	// folded locality (Norway's and Sweden's postal places) -> locality
	nordicLocalities = map[string]nordicInfo{}
	nordicRegions    = map[string]nordicInfo{} // folded region name, local or English -> region
)

// loadNordic reads the place table once, on first use: commands that never
// read a location do not pay for it at start-up.
var loadNordic = sync.OnceFunc(readNordic)

func readNordic() {
	ambiguous := map[string]bool{}
	for line := range strings.SplitSeq(placesNordic, "\n") {
		f := strings.Split(strings.TrimSpace(line), "|")
		switch {
		case len(f) == 4 && f[0] == "M":
			k := foldPlace(f[3])
			if old, ok := nordicMunis[k]; ok && old.country != f[1] || ambiguous[k] {
				ambiguous[k] = true
				delete(nordicMunis, k)
				continue
			}
			nordicMunis[k] = nordicInfo{name: f[3], region: f[2], country: f[1]}
		case len(f) == 4 && f[0] == "L":
			k := foldPlace(f[3])
			if _, ok := nordicLocalities[k]; ok {
				nordicLocalities[k] = nordicInfo{} // in two countries
				continue
			}
			nordicLocalities[k] = nordicInfo{name: f[3], region: f[2], country: f[1]}
		case len(f) == 4 && f[0] == "P":
			t := nordicInfo{name: f[2], region: f[3], country: "DK"}
			dkPostal[f[1]] = t
			base := dropDistrict(f[2])
			k := foldPlace(base)
			if old, ok := dkTowns[k]; ok && old.region != t.region {
				t.region = "" // a town name of two regions
			}
			dkTowns[k] = nordicInfo{name: base, region: t.region, country: "DK"}
		}
	}
	// "Kgs. Lyngby": the usual short form of Kongens Lyngby
	if t, ok := dkTowns["kongens lyngby"]; ok {
		dkTowns["kgs lyngby"] = t
	}
	regions := map[string][]string{
		"DK|Capital Region of Denmark":  {"region hovedstaden", "hovedstaden", "capital region", "region h", "hovedstadsregionen"},
		"DK|Central Denmark Region":     {"region midtjylland", "midtjylland", "central jutland", "region midt", "mid jutland"},
		"DK|North Denmark Region":       {"region nordjylland", "nordjylland", "north jutland"},
		"DK|Region Zealand":             {"region sjælland", "sjælland", "zealand", "region sjaelland", "sjaelland"},
		"DK|Region of Southern Denmark": {"region syddanmark", "syddanmark", "southern denmark", "south denmark"},
	}
	for _, m := range nordicMunis {
		if m.country == "NO" || m.country == "SE" {
			r := m.region
			names := []string{r}
			if m.country == "SE" {
				short := strings.TrimSuffix(r, " County")
				names = append(names, short, short+" län", short+"s län", short+" county", short+"s county")
			} else {
				names = append(names, r+" fylke", r+" fylkeskommune")
			}
			regions[m.country+"|"+r] = names
		}
	}
	// Norway's counties before 2020 are named by the county of 2024 that
	// holds them (PROTOCOL.md); those of 2020-2023 that were split again
	// (Viken, Vestfold og Telemark, Troms og Finnmark) name no one county.
	for old, now := range map[string]string{"Hordaland": "Vestland", "Sogn og Fjordane": "Vestland", "Aust-Agder": "Agder",
		"Vest-Agder": "Agder", "Hedmark": "Innlandet", "Oppland": "Innlandet", "Sør-Trøndelag": "Trøndelag",
		"Nord-Trøndelag": "Trøndelag", "Akershus": "Akershus"} {
		regions["NO|"+now] = append(regions["NO|"+now], old, old+" fylke")
	}
	for k, names := range regions {
		country, region, _ := strings.Cut(k, "|")
		nordicRegions[foldPlace(region)] = nordicInfo{region: region, country: country}
		for _, n := range names {
			nordicRegions[foldPlace(n)] = nordicInfo{region: region, country: country}
		}
	}
}

// splitCounties are Norway's counties of 2020-2023 that were split again
// in 2024 (folded): beside a town they name no county of their own
// (PROTOCOL.md: the county by its name since 2024); "Viken" is also a
// Swedish town.
var splitCounties = map[string]bool{"viken": true, "viken fylke": true, "vestfold og telemark": true,
	"vestfold og telemark fylke": true, "troms og finnmark": true, "troms og finnmark fylke": true}

// dkDistricts are the letters of a Danish postal district after its town:
// "København S", "Aarhus C", "Odense SØ".
var dkDistricts = map[string]bool{"c": true, "k": true, "v": true, "ø": true, "n": true, "s": true, "nv": true,
	"sv": true, "nø": true, "sø": true, "m": true}

// dropDistrict removes the district letters after a Danish town.
func dropDistrict(t string) string {
	if i := strings.LastIndexByte(t, ' '); i > 0 && dkDistricts[strings.ToLower(t[i+1:])] {
		return strings.TrimSpace(t[:i])
	}
	return t
}

// municipalityWords follow a municipality's name ("Aarhus Kommune",
// "Göteborgs kommun", "Bergen kommune", "Bornholms Regionskommune").
var municipalityWords = []string{" regionskommune", " kommune", " kommun", " municipality", " stad", " fylkeskommune"}

// nordicPlace reads one part of a label as a Danish, Norwegian or Swedish
// place: a city or municipality (with its region), a postal town, or a
// region alone. country, when not empty, is the country the label names.
func nordicPlace(p, country string) (model.Location, bool) {
	loadNordic()
	f := foldPlace(p)
	if f == "" || country != "" && country != "DK" && country != "NO" && country != "SE" {
		return model.Location{}, false
	}
	try := func(k string) (model.Location, bool) {
		if c, ok := knownCities[k]; ok && (c.country == "DK" || c.country == "NO" || c.country == "SE") {
			l := model.Location{City: c.city, Region: c.region, Country: c.country}
			if !c.canonical && k == f {
				l.City = strings.TrimSpace(p) // an alias kept as written
			}
			return l, country == "" || country == l.Country
		}
		if m, ok := nordicMunis[k]; ok {
			return model.Location{City: m.name, Region: m.region, Country: m.country}, country == "" || country == m.country
		}
		if t, ok := dkTowns[k]; ok {
			return model.Location{City: t.name, Region: t.region, Country: "DK"}, country == "" || country == "DK"
		}
		if t, ok := nordicLocalities[k]; ok && t.country != "" {
			return model.Location{City: t.name, Region: t.region, Country: t.country}, country == "" || country == t.country
		}
		if r, ok := nordicRegions[k]; ok {
			return model.Location{Region: r.region, Country: r.country}, country == "" || country == r.country
		}
		return model.Location{}, false
	}
	if l, ok := try(f); ok {
		return l, true
	}
	// "Københavns Kommune", "Göteborgs kommun": the municipality
	for _, w := range municipalityWords {
		if stem, ok := strings.CutSuffix(f, w); ok && stem != "" {
			if l, ok := try(stem); ok {
				return l, true
			}
			if s, ok := strings.CutSuffix(stem, "s"); ok {
				if l, ok := try(s); ok {
					return l, true
				}
			}
		}
	}
	// "København S", "Aarhus C": a town and its postal district
	if d := dropDistrict(f); d != f {
		if l, ok := try(d); ok && l.City != "" {
			return l, true
		}
	}
	return model.Location{}, false
}

// postalPart splits a part that starts with a postal code ("2300 København
// S", "DK-2300 København S", "0150 Oslo", "114 55 Stockholm", "SE-11455
// Stockholm") into the place and the country the code says (DK, NO, SE;
// "" when a four-digit code may be Danish or Norwegian), or returns ok
// false.
func postalPart(p string) (place, country string, ok bool) {
	loadNordic()
	p = strings.TrimSpace(p)
	if d := strings.IndexByte(p, '-'); !(len(p) > 0 && p[0] >= '0' && p[0] <= '9' ||
		d > 0 && d <= 2 && d+1 < len(p) && p[d+1] >= '0' && p[d+1] <= '9') {
		return "", "", false // no postal code first: the common case, without allocating
	}
	w := strings.Fields(p)
	if len(w) == 0 {
		return "", "", false
	}
	code := w[0]
	hint := ""
	if pre, rest, cut := strings.Cut(code, "-"); cut && rest != "" {
		switch strings.ToUpper(pre) {
		case "DK":
			hint = "DK"
		case "N", "NO":
			hint = "NO"
		case "S", "SE":
			hint = "SE"
		default:
			return "", "", false
		}
		code = rest
	}
	digits := func(s string, n int) bool {
		if len(s) != n {
			return false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	rest := w[1:]
	switch {
	case digits(code, 3) && len(rest) > 0 && digits(rest[0], 2): // "114 55"
		return strings.Join(rest[1:], " "), "SE", true
	case digits(code, 5):
		return strings.Join(rest, " "), "SE", true
	case digits(code, 4):
		place = strings.Join(rest, " ")
		if hint == "" {
			if t, ok := dkPostal[code]; ok && (place == "" || foldPlace(dropDistrict(place)) == foldPlace(dropDistrict(t.name))) {
				hint = "DK" // the town the code is Denmark's
			}
		}
		if place == "" {
			if t, ok := dkPostal[code]; ok && hint == "DK" {
				place = t.name
			}
		}
		return place, hint, place != ""
	}
	return "", "", false
}

// hasDigit says whether s holds a digit.
func hasDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
}

// nordicParts reads the parts of a label that name a Danish, Norwegian or
// Swedish place by an address: the postal code and the street before it
// are dropped ("Vesterbrogade 10", "2300 København S" -> "København S"),
// and the country the code says is returned.
func nordicParts(rest []string) ([]string, string) {
	at, country := -1, ""
	for i, p := range rest {
		if place, c, ok := postalPart(p); ok {
			if _, known := nordicPlace(place, c); known {
				at, country = i, c
				rest[i] = place
				if country == "" {
					l, _ := nordicPlace(place, "")
					country = l.Country
				}
			}
		}
	}
	if at > 0 {
		rest = rest[at:] // the street and the building before the postal town
	}
	return rest, country
}

// nordicLocation reads the parts of a label as one Danish, Norwegian or
// Swedish place: "2300 København S", "Kongens Lyngby, Region Hovedstaden,
// Danmark", "Bærum kommune", "Region Midtjylland", "Skåne län, Sverige",
// "Storgata 1, 0155 Oslo". ok is false for anything else.
func nordicLocation(rest []string, remote bool) (model.Location, bool) {
	loadNordic()
	if len(rest) == 0 {
		return model.Location{}, false
	}
	// a label that ends in another country, a US state or a Canadian
	// province names no Nordic place (the common case: decided early)
	last := rest[len(rest)-1]
	if cc := countryCode(last); cc != "" && cc != "DK" && cc != "NO" && cc != "SE" {
		return model.Location{}, false
	} else if cc == "" && len(rest) >= 2 && (stateName(last) != "" || caProvince(last) != "") {
		return model.Location{}, false
	}
	parts, country := nordicParts(append([]string(nil), rest...))
	if len(parts) >= 2 {
		if cc := countryCode(parts[len(parts)-1]); cc != "" {
			if country != "" && cc != country {
				return model.Location{}, false
			}
			country = cc
			parts = parts[:len(parts)-1]
		}
	}
	if country != "" && country != "DK" && country != "NO" && country != "SE" || len(parts) == 0 {
		return model.Location{}, false
	}
	if len(parts) >= 2 && hasDigit(parts[0]) {
		parts = parts[1:] // "Vesterbrogade 10, København": the street
	}
	if len(parts) == 1 {
		parts = countyFirst(parts)
	}
	if c, ok := knownCities[foldPlace(parts[0])]; ok && c.country != "DK" && c.country != "NO" && c.country != "SE" {
		return model.Location{}, false
	}
	l, ok := nordicPlace(parts[0], country)
	if !ok {
		if len(parts) != 2 || hasDigit(parts[0]) {
			return model.Location{}, false
		}
		// "Sandvika, Akershus": a place the gazetteer does not hold, in a
		// region it does
		r, known := nordicRegions[foldPlace(parts[1])]
		if !known || country != "" && r.country != country {
			return model.Location{}, false
		}
		return model.Location{City: strings.TrimSpace(parts[0]), Region: r.region, Country: r.country, Remote: remote}, true
	}
	if len(parts) >= 2 {
		r, ok := nordicRegions[foldPlace(parts[1])]
		if splitCounties[foldPlace(parts[1])] && l.City != "" && l.Country == "NO" {
			// "Lillestrøm, Viken", "Skien, Vestfold og Telemark": a
			// county of 2020-2023 split again; the town's own county
			r, ok = nordicInfo{region: l.Region, country: "NO"}, true
		}
		if !ok {
			if m, known := nordicPlace(parts[1], l.Country); known && m.Region != "" {
				r, ok = nordicInfo{region: m.Region, country: m.Country}, true // "Kongens Lyngby, Lyngby-Taarbæk"
			}
		}
		if !ok || r.country != l.Country && l.Country != "" || len(parts) > 2 {
			return model.Location{}, false
		}
		if l.City == "" {
			return model.Location{}, false // two regions
		}
		if l.Region == "" {
			l.Region = r.region
		}
	}
	l.Remote = remote
	return l, true
}

// countyFirst splits a Swedish label that names the county before the
// place, without a comma ("Södermanlands län Katrineholm"), into the
// place and the county; other parts are returned as they are.
func countyFirst(parts []string) []string {
	p := parts[0]
	i := strings.Index(p, " län ")
	if i < 0 {
		return parts
	}
	county, place := strings.TrimSpace(p[:i+len(" län")]), strings.TrimSpace(p[i+len(" län "):])
	if _, ok := nordicRegions[foldPlace(county)]; !ok || place == "" {
		return parts
	}
	return []string{place, county}
}
