package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 8 on the Nordic public-sector and industry postings (issue 9). The
// sentences marked with a slug are real, from dev documents of the
// real-world corpus (internal/corpus).

// A keyword or tag line ("Sökord: ...", "Stikkord:", "Keywords:", "Tags:")
// lists words for search, not requirements: its skills are mentioned at
// most, even under the candidate's part.
func TestKeywordLineIsNotRequirements(t *testing.T) {
	n := New(nil)
	// delaval-export-orderspecialist-tumba: the last lines of the ad
	const profile = "Din profil\nVi värderar dina personliga egenskaper högt men tror att du har någon form av erfarenhet av order, logistik, frakt eller supply chain.\n\n"
	for _, text := range []string{
		profile + "For more information: www.delaval.com\n\nSökord: orderhantering, orderadministratör, orderhandläggare, orderkoordinator, supply chain, supply chain coordinator, logistics, export, logistik, frakt, administration, order, service, support, administratör, SAP, internationellt.",
		profile + "Stikkord: SAP, logistikk, innkjøp",
		profile + "Keywords: SAP, logistics, export",
		profile + "Tags: SAP, logistics",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Export och Orderspecialist", DescriptionText: text})
		if b, ok := bucketOf(p, "SAP"); !ok || b != "mentioned" {
			t.Errorf("%q: SAP %q (found %v), want mentioned", text, b, ok)
		}
	}
	// a requirement line is still one
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Export och Orderspecialist", DescriptionText: profile + "Krav: SAP, logistik"})
	if b, _ := bucketOf(p, "SAP"); b != "required" {
		t.Errorf("Krav: SAP %q, want required", b)
	}
}

// bucketOf says in which bucket of p's skills the skill is.
func bucketOf(p model.Posting, skill string) (string, bool) {
	for _, b := range []struct {
		name string
		l    []string
	}{{"required", p.Skills.Required}, {"preferred", p.Skills.Preferred}, {"mentioned", p.Skills.Mentioned}} {
		for _, s := range b.l {
			if s == skill {
				return b.name, true
			}
		}
	}
	return "", false
}

// The level of a Nordic university or university college named as such
// ("universitet-/høgskolenivå", "högskolenivå") is a Bachelor's, the
// smaller degree of the two schools, as "universitetsutdanning" and
// "høgskoleutdanning" are (PROTOCOL.md: other countries' names map to the
// canonical degrees).
func TestNordicUniversityLevel(t *testing.T) {
	n := New(nil)
	bach := []string{"Bachelor's"}
	for _, tt := range []struct {
		html string
		req  []string
	}{
		// steinkjer-kommune-fagansvarlig-datasentertjenester
		{"<h3>Kvalifikasjoner</h3><ul><li>Relevant IKT-utdanning\n(universitet-/høgskolenivå)</li><li>Relevant erfaring, kan\ndelvis kompensere manglende utdanning</li></ul>", bach},
		{"<h3>Kvalifikasjoner</h3><ul><li>Utdanning på høgskolenivå innen IKT</li></ul>", bach},
		{"<h3>Kvalifikationer</h3><ul><li>Eftergymnasial utbildning på högskolenivå inom data</li></ul>", bach},
		{"<h3>Kvalifikasjoner</h3><ul><li>Utdanning på masternivå innen IKT</li></ul>", []string{"Master's"}},
		{"<h3>Kvalifikasjoner</h3><ul><li>Fagbrev som elektriker</li></ul>", nil},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Fagansvarlig Datasentertjenester", DescriptionHTML: tt.html})
		if !sameStrings(p.Education.Required, tt.req) || len(p.Education.Preferred) != 0 {
			t.Errorf("%q: education %+v, want required %v", tt.html, p.Education, tt.req)
		}
	}
}

// A short head before a hyphen in a compound engineer noun ("MT-ingenjör",
// "VVS-ingeniør") is the acronym of the engineer's field: software only when
// the acronym names a software field ("IT-ingeniør", "ML-ingenjör"). A
// medical-technology engineer is no software job.
func TestAcronymEngineerCompounds(t *testing.T) {
	for title, want := range map[string]string{
		// region-skane-mt-ingenjor-kristianstad
		"MT-ingenjör till Bild-och funktionsteknik i Kristianstad": RoleOther,
		"VVS-ingeniør":            RoleOther,
		"EL-Ingenieur (m/w/d)":    RoleOther,
		"Medicinteknisk ingenjör": RoleOther,
		"Biomedical Engineer":     RoleOther,
		"IT-ingeniør":             RoleSoftwareEngineer,
		"IKT-ingeniør":            RoleSoftwareEngineer,
		"ML-ingenjör":             RoleMLEngineer,
		"Cloud-ingeniør":          RoleSRE,
		"Dataingeniør":            RoleDataEngineer,
		"QA-Ingenieur (m/w/d)":    RoleSoftwareEngineer,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
}

// Nynorsk shares "arbeid", "blir" and "også" with Bokmål: a Nynorsk
// posting that uses them ("Tilkallingsvikarar har ikkje rett til å bli
// tilbudt arbeid") is still Nynorsk, and a Bokmål one still Bokmål.
func TestNynorskSharedWords(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		// os-kommune-tilkallingsvikarar-pleie-omsorg
		{"nn", "Pleie - og omsorgstenesta i Os kommune har behov for tilkallingsvikarar som kan arbeide dag-, kveld,- og nattskift. " +
			"Som tilkallingsvikar kan vi tilby arbeid/vakter ved fråvær pga av sjukdom, ferie eller andre mellombels høve som fører til behov for midlertidig arbeidskraft. " +
			"Tilkallingsvikarar har ikkje rett til å bli tilbudt arbeid eller plikt til å påta seg tilbudt arbeid. " +
			"Arbeid i behandlings-, pleie- og omsorgsarbeid ved sengepostane og i heimebasert omsorg. Det er også behov for vikarer i reinhalds- og vaskeriavdeling. " +
			"Som tilkallingsvikar ønskjer vi at du har du har relevant utdanning eller er i eit utdanningsløp men dette er ikkje eit krav. " +
			"Er du ufaglært og har interesse for arbeid med menneske er du også velkomen til å søkja, og din relevante erfaring blir lagt vekt på. " +
			"Det blir og lagt vekt på personlege eigenskapar. Utanlandsk utdanning må vere NOKUT godkjent. " +
			"Tilsette i kommunen er allereie definert som brukar i systemet, og skal ikkje registere seg på nytt."},
		{"nb", "Vi søker en sykepleier som vil jobbe hos oss. Du blir en del av et team som også har ansvar for arbeid med pasienter. " +
			"Vi ser etter deg som har erfaring fra helse og som ikke er redd for å ta ansvar. Arbeid i turnus blir lagt vekt på."},
	} {
		if got := Language(tt.text); got != tt.lang {
			t.Errorf("Language(%.60q...) = %q, want %q", tt.text, got, tt.lang)
		}
	}
}

// Towns joined by "or"/"and" after a workplace word ("med placering i
// Malmö eller Helsingborg") name the workplaces: beside a field that names
// one of them, the text adds the others; a single town after the word is
// still read only when stated ("Arbeidssted er ...").
func TestWorkplaceTownList(t *testing.T) {
	n := New(nil)
	malmo, hbg := loc("Malmö", "Skåne", "SE"), loc("Helsingborg", "Skåne", "SE")
	// solar-sverige-account-manager-installation
	const text = "Då kan du vara en av vår nya Account Managers till vårt säljteam i region Syd med placering i Malmö eller Helsingborg. Vi söker nu två nya stjärnor som vill utvecklas tillsammans med oss."
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Account Manager Installation EL & VVS", DescriptionText: text, Locations: []string{"Malmö"}})
	if len(p.Locations) != 2 || p.Locations[0] != malmo || p.Locations[1] != hbg {
		t.Errorf("placering i Malmö eller Helsingborg: %+v", p.Locations)
	}
	// one town after the word: the field stands
	p = n.Normalize("s", "c", model.Raw{ID: "1", Title: "Account Manager", DescriptionText: "Tjänsten har placering i Helsingborg.", Locations: []string{"Malmö"}})
	if len(p.Locations) != 1 || p.Locations[0] != malmo {
		t.Errorf("placering i Helsingborg: %+v", p.Locations)
	}
	// a list that leaves out the field's town names the workplaces more
	// closely, as a field line does ("Arbeidssted: Mehamn")
	p = n.Normalize("s", "c", model.Raw{ID: "1", Title: "Account Manager", DescriptionText: "Arbetsort i Lund och Helsingborg.", Locations: []string{"Malmö"}})
	if len(p.Locations) != 2 || p.Locations[0] != hbg || p.Locations[1] != loc("Lund", "Skåne", "SE") {
		t.Errorf("arbetsort i Lund och Helsingborg: %+v", p.Locations)
	}
}
