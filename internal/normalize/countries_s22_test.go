package normalize

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// notISO3166 are codes x/text counts as countries that ISO 3166-1 does not
// assign (exceptionally reserved or CLDR's own), and the two names left out
// on purpose (countries.go says why).
var notISO3166 = map[string]bool{
	"AC": true, "CP": true, "CQ": true, "DG": true, "EA": true, "EZ": true, "IC": true, "TA": true,
	"UN": true, "EU": true, "QO": true, "XK": true,
	"GE": true, "JE": true,
}

// TestCountryNamesCoverISO_s22: every current ISO 3166-1 alpha-2 country
// is known by its English short name (CLDR's, with "and" for "&" and
// "saint" for "St."), so that a label "Remote - Zambia" gives its country.
func TestCountryNamesCoverISO_s22(t *testing.T) {
	names := display.English.Regions()
	n := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.String() != code || notISO3166[code] {
				continue
			}
			if r.Canonicalize().String() != code {
				continue // deprecated ("DD", "YU")
			}
			name := names.Name(r)
			if name == "" {
				continue
			}
			n++
			name = strings.NewReplacer(" & ", " and ", "St. ", "Saint ").Replace(name)
			if got := countryCode(name); got != code {
				t.Errorf("countryCode(%q) = %q, want %q", name, got, code)
			}
		}
	}
	if n < 240 {
		t.Errorf("checked %d countries, want the ~249 of ISO 3166-1", n)
	}
}

// TestCountryLabels_s22: ATS labels naming a country beyond the common ones.
func TestCountryLabels_s22(t *testing.T) {
	tests := []struct{ label, want string }{
		{"Remote - Zambia", "|||ZM|true"},
		{"Remote - Kyrgyzstan", "|||KG|true"},
		{"Remote, Honduras", "|||HN|true"},
		{"Kingston, Jamaica", "|Kingston|Kingston|JM|false"},
		{"Tbilisi, Georgia", "|Tbilisi|Tbilisi|GE|false"},
		{"Batumi, Georgia", "|Batumi|Adjara|GE|false"},
		{"Atlanta, Georgia", "|Atlanta|Georgia|US|false"},
		{"Remote - Georgia", "||Georgia|US|true"},
		// Irish provinces are no usual region (the stripe-greenhouse dev labels)
		{"Dublin, Ireland", "|Dublin||IE|false"},
		{"Cork", "|Cork||IE|false"},
		{"Galway, Ireland", "|Galway||IE|false"},
		// a city-state's districts are no region (dev osd-passbolt-designer-ux-ui:
		// Luxembourg, as Singapore and Hong Kong already were)
		{"Luxembourg", "|Luxembourg||LU|false"},
		{"Luxembourg, Luxembourg", "|Luxembourg||LU|false"},
		{"Monaco", "|Monaco||MC|false"},
		{"Singapore", "|Singapore||SG|false"},
		// Vietnam's regions from the GeoNames build's own admin1 codes
		// (places_world.txt, corrected session 23)
		{"Hanoi, Vietnam", "|Hanoi|Hanoi|VN|false"},
		{"Huế, Vietnam", "|Huế|Thừa Thiên Huế|VN|false"},
		{"Qui Nhon", "|Qui Nhon|Gia Lai|VN|false"},
		// English names of towns the gazetteer writes otherwise
		{"Bruges", "|Bruges|Flanders|BE|false"},
		{"Berne", "|Bern|Bern|CH|false"},
		{"Lucerne", "|Lucerne|Lucerne|CH|false"},
		{"Odessa", "|Odesa|Odesa|UA|false"},
		{"Odessa, TX", "|Odessa|Texas|US|false"},
		{"Cracow", "|Krakow|Lesser Poland Voivodeship|PL|false"},
		{"Saigon", "|Ho Chi Minh City|Ho Chi Minh City|VN|false"},
		{"Colombo, Sri Lanka", "|Colombo|Western Province|LK|false"},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range Locations(tt.label) {
			got = append(got, l.Name+"|"+l.City+"|"+l.Region+"|"+l.Country+"|"+map[bool]string{true: "true", false: "false"}[l.Remote])
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Locations(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}
