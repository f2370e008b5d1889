package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 14 on skills. The texts are made up, not copied from the corpus:
// each states one general rule.

// Swedish and Norwegian headings of nice-to-haves and must-haves that the
// heading vocabulary did not know: "Bra att ha", "Det är också bra om du
// har", "Du har gärna", "Kravprofil", "Måste ha".
func TestRound14NordicHeadings(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "Bra att ha after a requirements heading",
			raw:  d("Det här är viktigt för oss\nDu har jobbat med .NET och SQL Server.\nBra att ha\nErfarenhet av Azure DevOps.\n"),
			want: model.Skills{Required: []string{".NET", "SQL Server"}, Preferred: []string{"Azure DevOps"}},
		},
		{
			name: "Bra att ha before Måste ha",
			raw:  d("Bra att ha\n- Kafka\n\nMåste ha\n- Java\n"),
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
		},
		{
			name: "Du har gärna",
			raw:  d("Du har\n- Erfarenhet av Java\nDu har gärna\n- Erfarenhet av Kafka\n"),
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
		},
		{
			name: "Det är också bra om du har",
			raw:  d("Vi tror att du har\n- Erfarenhet av Java\nDet är också bra om du har\n- Erfarenhet av Kafka\n"),
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
		},
		{
			name: "Norwegian Du har gjerne",
			raw:  d("Du har\n- Erfaring med Java\nDu har gjerne\n- Erfaring med Kafka\n"),
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
		},
		{
			name: "Kravprofil",
			raw:  d("Kravprofil\n- Java\n- SQL\n"),
			want: model.Skills{Required: []string{"Java", "SQL"}},
		},
		{
			name: "a tasks heading still gives nothing",
			raw:  d("Arbetsuppgifter\n- Utveckla tjänster i Go\n"),
		},
	})
	for _, h := range []string{"Bra att ha", "Det är bra om du har", "Du har gärna", "Kjekt å ha"} {
		if got := classifyHeading(h, false); got != clsPreferred {
			t.Errorf("classifyHeading(%q) = %v, want preferred", h, got)
		}
	}
	for _, h := range []string{"Kravprofil", "Måste ha", "Du måste ha"} {
		if got := classifyHeading(h, false); got != clsRequired {
			t.Errorf("classifyHeading(%q) = %v, want required", h, got)
		}
	}
}

// German "wären ideal" (the plural of "wäre ideal") marks its item as a
// wish, as "wäre ideal" did.
func TestRound14GermanWaerenIdeal(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "wären ideal",
			raw:  model.Raw{DescriptionText: "Ihr Profil\n- Sehr gute Kenntnisse in Java\n- Erste Erfahrungen mit Kafka wären ideal\n"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
		},
		{
			name: "wäre ideal",
			raw:  model.Raw{DescriptionText: "Ihr Profil\n- Sehr gute Kenntnisse in Java\n- Erfahrung mit Kafka wäre ideal\n"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
		},
	})
}

// A heading in capitals that follows a full stop and is glued to a word
// that opens sentences ("... Kafka. ABOUT USWe use") is a block of its
// own, as it already was before other words: the company blurb after it
// is no longer read as part of the nice-to-haves.
func TestRound14CapsHeadingBeforeOpeningWord(t *testing.T) {
	s := "ABOUT THE ROLEYou will work with Redis. REQUIREMENTSJava, SQL. NICE TO HAVEKafka and Docker. ABOUT USWe use Python everywhere."
	got := Text(s)
	if !strings.Contains(got, "Docker.\nABOUT US\nWe use") {
		t.Errorf("Text(%q) =\n%s\nwant ABOUT US on a line of its own", s, got)
	}
	checkSkills(t, []skillCase{{
		name: "blurb after a glued caps heading",
		raw:  model.Raw{DescriptionText: s},
		want: model.Skills{Required: []string{"Java", "SQL"}, Preferred: []string{"Docker", "Kafka"}},
	}})
	// a word in capitals that is no heading stays in its sentence
	s = "REQUIREMENTSJava and SQL. Knowledge of AWS. We use Python."
	if got := Text(s); strings.Contains(got, "AWS\n") {
		t.Errorf("Text(%q) =\n%s\nwant AWS kept in its sentence", s, got)
	}
}

// Round 14 taxonomy entries: named products under their usual spelling;
// those that are ordinary words match only as written.
func TestRound14TaxonomyEntries(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "named tools",
			raw:  d("Requirements\n- Experience with Qt and QML on Embedded Linux (Yocto or Buildroot)\n- Docker Compose, Traefik and HAProxy\n- Parquet and Avro files\n"),
			want: model.Skills{Required: []string{"Avro", "Buildroot", "Docker Compose", "Embedded Linux", "HAProxy", "Parquet", "Qt", "Traefik", "Yocto"}},
		},
		{
			name: "Swedish list",
			raw:  d("Kvalifikationer\nDu har erfarenhet av RHEL och Ubuntu. Kunskap om Keycloak och MQTT är meriterande.\n"),
			want: model.Skills{Required: []string{"Red Hat Enterprise Linux", "Ubuntu"}, Preferred: []string{"Keycloak", "MQTT"}},
		},
		{
			name: "ordinary words are no skills",
			raw:  d("Requirements\n- You are a puppeteer of words, like an oracle at delphi\n- You can deno-minate fractions\n"),
		},
	})
}

// "an advantage", "an asset", "valuable", "valued" said of a skill in
// German, French, Dutch, Swedish, Spanish and English mark it preferred,
// inside a requirements list too; the same words in other senses
// ("tillgång till": access to; "valuable products") mark nothing.
func TestRound14AdvantageWords(t *testing.T) {
	for _, s := range []string{
		"Anforderungen\n- Java\n- Docker-Kenntnisse sind ein Vorteil\n",
		"Profil\n- Java\n- Docker est un avantage\n",
		"Functie-eisen\n- Java\n- Ervaring met Docker is een voordeel\n",
		"Krav\n- Java\n- Kunskap i Docker är en tillgång\n",
		"Krav\n- Java\n- Docker är värdefullt\n",
		"Requisitos\n- Java\n- Conocimientos de Docker serán valorados\n",
		"Requirements\n- Java\n- Docker experience would be valuable\n",
	} {
		checkSkills(t, []skillCase{{name: s, raw: model.Raw{DescriptionText: s},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Docker"}}}})
	}
	for _, s := range []string{
		"Krav\n- Java\n- Du får tillgång till Docker\n",
		"Requirements\n- Java\n- You build valuable products in Docker\n",
	} {
		checkSkills(t, []skillCase{{name: s, raw: model.Raw{DescriptionText: s},
			want: model.Skills{Required: []string{"Docker", "Java"}}}})
	}
}

// A marker in parentheses with only an article or a word of size beside
// it ("(a plus)", "(a big plus)") qualifies the item before it, as
// "(plus)" and "(preferred)" did; a parenthesis that names something
// else keeps its own scope.
func TestRound14ParenthesisedMarkerWithArticle(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "(a plus)",
			raw:  model.Raw{DescriptionText: "Requirements\n- Java\n- Docker (a plus)\n- Kafka (a big plus)\n"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Docker", "Kafka"}},
		},
		{
			name: "(Kafka a plus)",
			raw:  model.Raw{DescriptionText: "Requirements\n- Java and messaging (Kafka a plus)\n"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
		},
	})
}

// More heading phrasings: "Is this role for you?", Dutch "Wat breng jij
// mee" (the "jij" form of "wat breng je mee") are requirement headings;
// "It would be nice if you have" is a nice-to-have heading.
func TestRound14MoreHeadings(t *testing.T) {
	for _, h := range []string{"Is this role for you?", "Wat breng jij mee?", "Wat neem jij mee"} {
		if got := classifyHeading(h, true); got != clsRequired {
			t.Errorf("classifyHeading(%q) = %v, want required", h, got)
		}
	}
	for _, h := range []string{"It would be nice if you have", "Would be nice"} {
		if got := classifyHeading(h, true); got != clsPreferred {
			t.Errorf("classifyHeading(%q) = %v, want preferred", h, got)
		}
	}
	checkSkills(t, []skillCase{{
		name: "would be nice heading",
		raw:  model.Raw{DescriptionText: "Is this role for you?\n- Experience with Java\nIt would be nice if you have\n- Experience with Kafka\n"},
		want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}},
	}})
}

// Round 14 taxonomy, second part: operations, security and hardware
// tools; SCCM's later name MECM is the same product.
func TestRound14TaxonomyOperationsSecurity(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "operations and security tools",
			raw:  model.Raw{DescriptionText: "Kvalifikationer\nDu har erfarenhet av MECM, Nutanix och Zscaler. Kunskap om Qualys eller Nessus är meriterande.\n"},
			want: model.Skills{Required: []string{"Nutanix", "SCCM", "Zscaler"}, Preferred: []string{"Nessus", "Qualys"}},
		},
		{
			name: "ordinary words stay words",
			raw:  model.Raw{DescriptionText: "Requirements\n- You can stripe a disk and tenable arguments\n"},
		},
	})
}
